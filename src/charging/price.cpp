// SPDX-License-Identifier: MIT
// The grouped fee table (`/chargingws/price`) and the serial pre-check (`/api/checkcard`): codecs.
#include "charging/price.hpp"

#include "charging/codec.hpp"
#include "crypto/crypto.hpp"

#include <algorithm>
#include <utility>

namespace paygw::charging::detail {
namespace json = paygw::detail::json;
using json::Json;

namespace {

Error malformed(std::string message) {
  return make_error(ErrorCode::kMalformed, std::move(message), Delivery::kMaybeSent);
}

// A string member as written, a number as its decimal text, else "".
std::string text_of(const Json& object, std::string_view key) {
  const Json* v = json::member(object, key);
  if (v == nullptr) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();
  return "";
}

}  // namespace

Result<PriceTable> parse_price_table(const Json& body) {
  if (!body.is_object()) return malformed("price table is not an object of telcos");
  PriceTable out;
  for (const auto& [telco, list] : body.items()) {
    if (!list.is_array()) return malformed("price table: " + telco + " is not a list");
    out.telcos.push_back(telco);
    // One group at a time through the shared row reader (parse_fee_table names rows by group).
    auto group = parse_fee_table(Json{{telco, list}});
    if (!group) return group.error();
    out.table.skipped_rows += group->skipped_rows;
    for (auto& row : group->rows) out.table.rows.push_back(std::move(row));
  }
  return out;
}

Result<std::string> serial_check_sign(const Secret& partner_key, std::string_view serial) {
  std::string text(partner_key.reveal());
  text.append(serial);
  auto digest = paygw::detail::crypto::md5(text);
  std::fill(text.begin(), text.end(), '\0');  // it holds the partner key
  if (!digest) return digest.error();
  return paygw::detail::crypto::hex_encode(*digest);
}

std::string serial_check_query(std::string_view telco, std::string_view serial, std::string_view partner_id,
                               std::string_view sign) {
  return form_encode({{"telco", std::string(telco)},
                      {"serial", std::string(serial)},
                      {"partner_id", std::string(partner_id)},
                      {"sign", std::string(sign)}});
}

Result<SerialCheck> parse_serial_check(const Json& body) {
  if (!body.is_object()) return malformed("serial check answer is not an object");
  const std::string status = json::string_or_empty(body, "status");
  if (status != "success") {
    std::string message = json::string_or_empty(body, "message");
    if (message.empty()) message = "serial check refused (status " + (status.empty() ? std::string("?") : status) + ")";
    return make_error(ErrorCode::kProvider, std::move(message), Delivery::kMaybeSent);
  }
  const Json* data = json::member(body, "data");
  if (data == nullptr || !data->is_object()) return malformed("serial check answer has no data object");
  SerialCheck out;
  out.check_status = json::string_or_empty(*data, "status");
  out.serial = text_of(*data, "serial");
  out.card_status = json::string_or_empty(*data, "card_status");
  out.date_used = json::string_or_empty(*data, "date_used");
  out.acc_charged = text_of(*data, "acc_charged");
  if (const Json* value = json::member(*data, "value"); value != nullptr && !value->is_null()) {
    out.value = json::money_or_text(*value);
    if (!out.value) return malformed("serial check: data.value is not a whole VND");
  }
  return out;
}

}  // namespace paygw::charging::detail
