// SPDX-License-Identifier: MIT
#include "charging/codec.hpp"

#include "http/util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace paygw::charging {

namespace json = paygw::detail::json;
using json::Json;

std::string_view to_string(Status status) noexcept {
  switch (status) {
    case Status::kSuccess: return "success";
    case Status::kWrongValue: return "wrong_value";
    case Status::kCardError: return "card_error";
    case Status::kMaintenance: return "maintenance";
    case Status::kPending: return "pending";
    case Status::kSubmitFailed: return "submit_failed";
    case Status::kDuplicateRequest: return "duplicate_request";
    case Status::kNotFound: return "not_found";
    case Status::kUnknown: return "unknown";
  }
  return "unknown";
}

Status status_from_code(int code, std::string_view message) noexcept { return detail::status_of(code, message); }

std::optional<Status> parse_status(std::string_view text) noexcept {
  for (Status s : {Status::kSuccess, Status::kWrongValue, Status::kCardError, Status::kMaintenance, Status::kPending,
                   Status::kSubmitFailed, Status::kDuplicateRequest, Status::kNotFound, Status::kUnknown}) {
    if (text == to_string(s)) return s;
  }
  if (text.empty() || text.size() > 9) return std::nullopt;
  int code = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    code = code * 10 + (c - '0');
  }
  return status_from_code(code);
}

std::string Percent::to_string() const {
  const std::int64_t whole = ten_thousandths / 10000;
  std::int64_t frac = std::llabs(ten_thousandths % 10000);
  std::string out = (ten_thousandths < 0 && whole == 0 ? "-" : "") + std::to_string(whole);
  if (frac == 0) return out;
  std::string digits = std::to_string(frac);
  digits.insert(0, 4 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

std::map<std::string, std::vector<Vnd>> default_denominations() {
  const std::vector<Vnd> phone = {10000, 20000, 30000, 50000, 100000, 200000, 300000, 500000};
  std::vector<Vnd> viettel = phone;
  viettel.push_back(1000000);
  return {
      {"VIETTEL", viettel},
      {"VINAPHONE", phone},
      {"MOBIFONE", phone},
      {"VNMOBI", {10000, 20000, 30000, 50000, 100000, 200000, 300000, 500000}},
      {"ZING", {10000, 20000, 50000, 100000, 200000, 500000, 1000000}},
      {"GATE", {10000, 20000, 50000, 100000, 200000, 500000, 1000000, 5000000, 10000000}},
      {"GARENA", {10000, 20000, 50000, 100000, 200000, 500000}},
      {"VCOIN", {10000, 20000, 50000, 100000, 200000, 300000, 500000, 1000000, 2000000, 5000000, 10000000}},
  };
}

std::map<std::string, std::string> default_telco_aliases() {
  std::map<std::string, std::string> aliases = {
      {"VT", "VIETTEL"},    {"VTT", "VIETTEL"},  {"VINA", "VINAPHONE"},      {"VNP", "VINAPHONE"},
      {"MOBI", "MOBIFONE"}, {"VMS", "MOBIFONE"}, {"VIETNAMOBILE", "VNMOBI"}, {"VNMB", "VNMOBI"},
      {"VNM", "VNMOBI"},    {"VNG", "ZING"},     {"VTC", "VCOIN"},
  };
  for (const auto& [telco, values] : default_denominations()) aliases[telco] = telco;
  return aliases;
}

namespace detail {
namespace {

bool digits_only(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An integer written as text, optionally followed by ".0…".
std::optional<std::int64_t> integer_text(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (const auto dot = s.find('.'); dot != std::string_view::npos) {
    const auto frac = s.substr(dot + 1);
    if (frac.empty() || !std::all_of(frac.begin(), frac.end(), [](char c) { return c == '0'; })) return std::nullopt;
    s = s.substr(0, dot);
  }
  if (!digits_only(s) || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return negative ? -v : v;
}

Error malformed(std::string message) { return make_error(ErrorCode::kMalformed, std::move(message)); }

}  // namespace

std::string url_decode(std::string_view text) {
  constexpr auto hex = paygw::detail::hex_digit_value;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void parse_form(std::string_view text, Params& out) {
  if (!text.empty() && text.front() == '?') text.remove_prefix(1);
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = url_decode(pair.substr(0, eq));
    if (key.empty()) continue;
    out[key] = eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
  }
}

Params params_of(const Json& object) {
  Params out;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;
    if (value.is_string()) {
      out[key] = value.get<std::string>();
    } else if (value.is_number_float()) {
      const double d = value.get<double>();
      out[key] = (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= static_cast<double>(kMaxAmountVnd))
                     ? std::to_string(static_cast<std::int64_t>(d))
                     : value.dump();
    } else {
      out[key] = json::dump_lenient(value);
    }
  }
  return out;
}

Result<void> parse_json_object(std::string_view text, Params& out) {
  auto parsed = json::parse(text);
  if (!parsed || !parsed->is_object()) return malformed("body is not a JSON object");
  for (auto& [key, value] : params_of(*parsed)) out[key] = std::move(value);
  return {};
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out += '&';
    out += paygw::detail::url_encode(key) + "=" + paygw::detail::url_encode(value);
  }
  return out;
}

Result<std::optional<Vnd>> money(const Params& params, const std::string& key) {
  const auto it = params.find(key);
  if (it == params.end() || it->second.empty() || it->second == "null") return std::optional<Vnd>();
  const auto v = json::money_text(it->second);
  if (!v) return malformed("'" + key + "' is not a whole number of VND in 0.." + std::to_string(kMaxAmountVnd));
  return std::optional<Vnd>(*v);
}

std::optional<Vnd> largest_denomination(const std::map<std::string, std::vector<Vnd>>& denominations,
                                        const std::string& telco) {
  const auto it = denominations.find(telco);
  if (it == denominations.end() || it->second.empty()) return std::nullopt;
  return *std::max_element(it->second.begin(), it->second.end());
}

Result<void> check_amounts(const ChargeResult& result, Vnd declared_value, Vnd largest_denomination) {
  if (declared_value > largest_denomination) {
    return malformed("declared value " + std::to_string(declared_value) + " is above the largest card (" +
                     std::to_string(largest_denomination) + ")");
  }
  for (auto [name, field] :
       {std::pair<const char*, const std::optional<Vnd>*>{"declared_value", &result.declared_value},
        {"value", &result.value},
        {"card_value", &result.card_value},
        {"amount", &result.amount}}) {
    if (*field && **field > largest_denomination) {
      return malformed(std::string("'") + name + "' " + std::to_string(**field) + " is above the largest card (" +
                       std::to_string(largest_denomination) + ")");
    }
  }
  if (!result.amount) return {};
  // What the card is worth: the declared value when the provider says it was right (status 1),
  // else the face value the result reports (value = billed, card_value = real), else the declared one.
  Vnd face = declared_value;
  if (result.status != Status::kSuccess && (result.value || result.card_value)) {
    face = std::max(result.value.value_or(0), result.card_value.value_or(0));
  }
  if (*result.amount > face) {
    return malformed("'amount' " + std::to_string(*result.amount) + " is more than the card is worth (" +
                     std::to_string(face) + ")");
  }
  return {};
}

Result<void> check_callback_amounts(const ChargeResult& result, Vnd declared_value,
                                    const std::map<std::string, std::vector<Vnd>>& denominations,
                                    const std::string& telco) {
  const auto largest = largest_denomination(denominations, telco);
  if (!largest)
    return make_error(ErrorCode::kConfig, "CallbackOptions::denominations has no denominations for " + telco);
  if (declared_value > *largest) {
    return make_error(ErrorCode::kConfig, "the submission's declared value is above the largest " + telco +
                                              " card in CallbackOptions::denominations");
  }
  return check_amounts(result, declared_value, *largest);
}

Status status_of(int code, std::string_view message) noexcept {
  switch (code) {
    case 1: return Status::kSuccess;
    case 2: return Status::kWrongValue;
    case 3: return Status::kCardError;
    case 4: return Status::kMaintenance;
    case 99: return Status::kPending;
    case 100: return Status::kSubmitFailed;
    case 101: return Status::kNotFound;
    case 102:
      return message.find("REQUEST_ID_EXISTED") != std::string_view::npos ? Status::kDuplicateRequest
                                                                          : Status::kSubmitFailed;
    default: return Status::kUnknown;
  }
}

Result<ChargeResult> parse_result(const Params& params) {
  ChargeResult r;
  const auto status = params.find("status");
  const auto code = status == params.end() ? std::nullopt : integer_text(status->second);
  if (!code || *code < std::numeric_limits<int>::min() || *code > std::numeric_limits<int>::max()) {
    return malformed("result has no integer 'status'");
  }
  auto text = [&](const char* key) {
    const auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
  };
  r.status_code = static_cast<int>(*code);
  r.message = text("message");
  r.status = status_of(r.status_code, r.message);
  r.request_id = text("request_id");
  r.trans_id = text("trans_id");
  r.telco = text("telco");
  for (auto [key, field] : {std::pair<const char*, std::optional<Vnd>*>{"declared_value", &r.declared_value},
                            {"value", &r.value},
                            {"card_value", &r.card_value},
                            {"amount", &r.amount}}) {
    auto m = money(params, key);
    if (!m) return m.error();
    *field = *m;
  }
  Json redacted = Json::object();
  for (const auto& [key, value] : params) {
    const bool secret = key == "code" || key == "serial" || key == "sign" || key == "callback_sign";
    redacted[key] = secret ? std::string("<redacted>") : value;
  }
  r.json = json::dump_lenient(redacted);
  return r;
}

std::optional<Percent> percent_of(const Json& value) {
  constexpr std::int64_t kScale = 10000;           // ten-thousandths of a percent
  constexpr std::int64_t kHundred = 100 * kScale;  // the largest percentage there is
  std::optional<Percent> out;
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (v <= 100) out = Percent{static_cast<std::int64_t>(v) * kScale};
  } else if (value.is_number_integer()) {
    const auto v = value.get<std::int64_t>();
    if (v >= 0 && v <= 100) out = Percent{v * kScale};
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || d < 0.0 || d > 100.0) return std::nullopt;
    const double scaled = d * static_cast<double>(kScale);
    const double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6) return std::nullopt;  // more than 4 decimals
    out = Percent{static_cast<std::int64_t>(rounded)};
  } else if (value.is_string()) {
    std::string_view s = value.get_ref<const std::string&>();
    const auto dot = s.find('.');
    const auto whole_text = s.substr(0, dot);
    if (whole_text.empty() || whole_text.size() > 3 || !digits_only(whole_text)) return std::nullopt;
    std::int64_t whole = 0;
    for (char c : whole_text) whole = whole * 10 + (c - '0');
    std::int64_t frac = 0;
    if (dot != std::string_view::npos) {
      auto digits = s.substr(dot + 1);
      if (digits.empty() || digits.size() > 4 || !digits_only(digits)) return std::nullopt;
      for (std::size_t i = 0; i < 4; ++i) frac = frac * 10 + (i < digits.size() ? digits[i] - '0' : 0);
    }
    out = Percent{whole * kScale + frac};
  }
  if (!out || out->ten_thousandths < 0 || out->ten_thousandths > kHundred) return std::nullopt;
  return out;
}

Result<FeeTable> parse_fee_table(const Json& body) {
  FeeTable table;
  auto add_rows = [&table](const Json& list, const std::string& group) {
    for (const auto& row : list) {
      if (!row.is_object()) {
        ++table.skipped_rows;
        continue;
      }
      FeeRow r;
      r.telco = json::string_or_empty(row, "telco");
      if (r.telco.empty()) r.telco = group;
      const Json* value = json::member(row, "value");
      Vnd v = 0;  // 0 = unreadable: a card has a positive value
      if (value != nullptr) v = json::money_or_text(*value).value_or(0);
      const Json* fees = json::member(row, "fees");
      const Json* penalty = json::member(row, "penalty");
      const auto f = fees != nullptr ? percent_of(*fees) : std::nullopt;
      const auto p = penalty != nullptr ? percent_of(*penalty) : std::optional<Percent>(Percent{0});
      if (r.telco.empty() || v <= 0 || !f || !p) {
        ++table.skipped_rows;
        continue;
      }
      r.value = v;
      r.fees = *f;
      r.penalty = *p;
      table.rows.push_back(std::move(r));
    }
  };
  if (body.is_array()) {
    add_rows(body, "");
  } else if (body.is_object()) {
    const Json* data = json::member(body, "data");
    if (data != nullptr && data->is_array()) {
      add_rows(*data, "");
    } else {
      for (const auto& [telco, list] : body.items()) {
        if (list.is_array()) add_rows(list, telco);
      }
    }
  } else {
    return make_error(ErrorCode::kMalformed, "fee table is neither a list nor an object", Delivery::kMaybeSent);
  }
  return table;
}

std::string canonical_telco(std::string_view telco, const std::map<std::string, std::string>& aliases) {
  const std::string upper = [&] {
    std::string u(telco);
    for (char& c : u) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return u;
  }();
  const auto it = aliases.find(upper);
  return it == aliases.end() ? std::string() : it->second;
}

}  // namespace detail
}  // namespace paygw::charging
