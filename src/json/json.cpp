#include "json/json.hpp"

#include <cmath>
#include <limits>

namespace paygw::detail::json {

Result<std::string> dump(const Json& value) {
  try {
    return value.dump(-1, ' ', false, nlohmann::detail::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    return make_error(ErrorCode::kInvalidArgument, "a text field is not valid UTF-8");
  }
}

Result<Json> parse(std::string_view text) {
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

}  // namespace paygw::detail::json
