// SPDX-License-Identifier: MIT
// Request bodies of the device endpoints added after codec.cpp reached its size limit:
// nfc-command and reset-device (declared in tingee/codec.hpp).
#include "tingee/codec.hpp"
#include "tingee/codec_support.hpp"

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using support::Validator;

Result<Json> build(const NfcCommandRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required")
      .require(!r.nfc_url.empty(), "nfc_url is required")
      .require(!r.nfc_package_name.empty(), "nfc_package_name is required")
      .require(support::valid_id(r.merchant_id), "merchant_id must be > 0");
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_int(o, "merchantId", r.merchant_id);
  o["uuid"] = r.uuid;
  json::put_bool(o, "enableNfc", r.enable_nfc);
  json::put_bool(o, "playSound", r.play_sound);
  o["nfcUrl"] = r.nfc_url;
  o["nfcPackageName"] = r.nfc_package_name;
  return o;
}

Result<Json> build(const ResetDeviceWithDetailsRequest& r) {
  Validator v;
  v.require(!r.uuid.empty(), "uuid is required");
  if (v.failed()) return v.error();
  Json o = Json::object();
  o["uuid"] = r.uuid;
  json::put_string(o, "phoneNumber", r.phone_number);
  json::put_string(o, "accountNumber", r.account_number);
  json::put_bool(o, "isBankRequest", r.is_bank_request);
  return o;
}

}  // namespace paygw::tingee::detail
