// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <algorithm>

namespace paygw::testing::detail {

std::optional<Json> parse_json(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::optional<std::string> dump_strict(const Json& value) {
  try {
    return value.dump(-1, ' ', false, Json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    return std::nullopt;
  }
}

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text_member(const Json& object, std::string_view key) {
  const Json* m = member(object, key);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::optional<std::int64_t> integer_member(const Json& object, std::string_view key) {
  const Json* m = member(object, key);
  if (m == nullptr || !m->is_number_integer()) return std::nullopt;
  return m->get<std::int64_t>();
}

namespace {
char lower_char(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_char(c);
  return out;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_path(std::string_view url, bool with_query) {
  const auto scheme = url.find("://");
  const auto start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  std::string path = start == std::string_view::npos ? std::string("/") : std::string(url.substr(start));
  if (!with_query) path.resize(std::min(path.size(), path.find_first_of("?#")));
  return path;
}

}  // namespace paygw::testing::detail
