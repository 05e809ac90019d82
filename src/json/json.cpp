// SPDX-License-Identifier: MIT
#include "json/json.hpp"

#include <cmath>
#include <limits>

namespace paygw::detail::json {

Result<std::string> dump(const Json& value) {
  try {
    return value.dump(-1, ' ', false, Json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    return make_error(ErrorCode::kInvalidArgument, "a text field is not valid UTF-8");
  }
}

std::string dump_lenient(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Result<Json> parse(std::string_view text) {
  if (auto fast = parse_fast(text)) return std::move(*fast);
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error(ErrorCode::kMalformed, "body is not valid JSON");
  return j;
}

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string string_or_empty(const Json& object, std::string_view key) {
  const Json* m = member(object, key);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::optional<std::int64_t> integer(const Json& object, std::string_view key) {
  const Json* m = member(object, key);
  if (m == nullptr) return std::nullopt;
  if (m->is_number_integer()) {
    if (m->is_number_unsigned() &&
        m->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return m->get<std::int64_t>();
  }
  if (m->is_number_float()) {
    const double d = m->get<double>();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0)
      return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

std::optional<Vnd> money(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(kMaxAmountVnd)) return std::nullopt;
    return static_cast<Vnd>(v);
  }
  if (value.is_number_integer()) {
    const auto v = value.get<std::int64_t>();
    if (!money_in_range(v)) return std::nullopt;
    return v;
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    // kMaxAmountVnd = 2^53 - 1 is exactly representable, so the comparison is exact.
    if (!std::isfinite(d) || std::trunc(d) != d || d < 0.0 || d > static_cast<double>(kMaxAmountVnd)) {
      return std::nullopt;
    }
    return static_cast<Vnd>(d);
  }
  return std::nullopt;
}

std::optional<Vnd> money_or_text(const Json& value) {
  if (value.is_string()) return money_text(value.get_ref<const std::string&>());
  return money(value);
}

std::optional<Vnd> money_text(std::string_view text) {
  if (const auto dot = text.find('.'); dot != std::string_view::npos) {
    const auto frac = text.substr(dot + 1);
    if (frac.empty() || frac.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    text = text.substr(0, dot);
  }
  if (text.empty()) return std::nullopt;
  Vnd v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    if (v > (kMaxAmountVnd - digit) / 10) return std::nullopt;  // v * 10 + digit would pass the limit
    v = v * 10 + digit;
  }
  return v;
}

}  // namespace paygw::detail::json
