// SPDX-License-Identifier: MIT
#include "tingee/codec_bank_qr.hpp"

#include "http/util.hpp"
#include "tingee/codec_api_support.hpp"

#include <string>
#include <utility>

namespace paygw::tingee::detail {
namespace json = paygw::detail::json;
using api::Reader;
using support::malformed;
using support::Validator;

Result<Json> build(const GenerateVietQrRequest& r) {
  Validator v;
  api::bank(v, r.bank_bin, r.bank_name, true);
  api::text(v, "account_number", r.account_number, true);
  v.require(!r.amount || support::valid_amount(*r.amount), "amount must be 1..9007199254740991");
  api::text(v, "content", r.content, false);
  if (v.failed()) return v.error();
  Json o = Json::object();
  json::put_string(o, "bankBin", r.bank_bin);
  json::put_string(o, "bankName", r.bank_name);
  o["accountNumber"] = r.account_number;
  json::put_int(o, "amount", r.amount);
  json::put_string(o, "content", r.content);
  return o;
}

Result<std::string> build_query(const GetAccountNumberInfoByQrCodeRequest& r) {
  Validator v;
  api::text(v, "qr_code", r.qr_code, true, kMaxQrPayload);
  if (v.failed()) return v.error();
  return "?qrCode=" + paygw::detail::url_encode(r.qr_code);
}

Result<VietQr> parse_viet_qr(const Json& envelope) {
  const Json& data = support::data_of(envelope);
  if (!data.is_object()) return malformed("data is not a VietQR");
  Reader rd(data, "data");
  VietQr out;
  out.qr_code = rd.required_text("qrCode");
  out.qr_code_image = rd.text("qrCodeImage");
  out.qr_account = rd.text("qrAccount");
  out.reference_label_code = rd.text("referenceLabelCode");
  if (rd.failed()) return rd.error();
  out.message = api::message_of(envelope);
  return out;
}

Result<QrAccountInfoPage> parse_qr_account_info_page(const Json& envelope) {
  auto page = api::page_of<QrAccountInfo>(
      envelope, "QR accounts", [](const Json& item, const std::string& path) -> Result<QrAccountInfo> {
        Reader rd(item, path);
        QrAccountInfo info;
        info.bank_bin = rd.text("bankBin");
        info.account_number = rd.required_text("accountNumber");
        const Json* amount = json::member(item, "amount");
        const bool blank = amount != nullptr && amount->is_string() && amount->get_ref<const std::string&>().empty();
        if (!blank) info.amount = rd.amount("amount");  // a static QR without an amount may say ""
        info.purpose = rd.text("purpose");
        info.va_prefix = rd.text("vaPrefix");
        info.va_suffix = rd.text("vaSuffix");
        if (rd.failed()) return rd.error();
        return info;
      });
  if (!page) return page.error();
  return QrAccountInfoPage{page->first, std::move(page->second), api::message_of(envelope)};
}

}  // namespace paygw::tingee::detail
