// SPDX-License-Identifier: MIT
// The CLI's JSON readers (tools/cli/row_json.hpp, <provider>_fields.hpp; ADR 0052) against the
// codecs the client sends with: for each Tingee, TConnect and charging row's sample request (the `test` of its row, the
// same as the call table's), the request written in the CLI's JSON and read back is sent byte for byte as the original
// (build / build_query); and when the body the codec sends is itself accepted by the reader — it must be, but for the
// rows whose typed request reshapes the body — reading it gives the same request. A member the generator maps to the
// wrong key, or misses, fails here, naming the row.
#include <paygw/charging/models.hpp>
#include <paygw/tconnect/models.hpp>
#include <paygw/tingee/all_models.hpp>

#include "charging/request.hpp"
#include "charging_fields.hpp"
#include "client_call_setup.hpp"
#include "tconnect/codec.hpp"
#include "tconnect_fields.hpp"
#include "tingee/codec.hpp"
#include "tingee/codec_bank_link.hpp"
#include "tingee/codec_bank_qr.hpp"
#include "tingee/codec_bills.hpp"
#include "tingee/codec_deep_link.hpp"
#include "tingee/codec_direct_debit.hpp"
#include "tingee/codec_e_invoice.hpp"
#include "tingee/codec_merchant.hpp"
#include "tingee/codec_shop.hpp"
#include "tingee/codec_va.hpp"
#include "tingee_fields.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace paygw;
using namespace paygw::calls;
using namespace paygw::calls::sample;
namespace rows = paygw::cli::rows;

/// The card providers' builders take the Config (partner id and key: the sign) and give form fields.
const charging::Config& round_trip_config() {
  static const charging::Config config = charging_config("http://127.0.0.1:9", nullptr, charging::Encoding::kForm);
  return config;
}

template <class T>
std::string sent(const Result<T>& r) {
  if (!r) return "error: " + describe(r.error());
  if constexpr (std::is_same_v<T, std::string>) {
    return *r;
  } else if constexpr (std::is_same_v<T, charging::detail::Fields>) {
    std::string text;
    for (const auto& [key, value] : *r) text += key + "=" + value + "&";
    return text;
  } else {
    return r->dump();
  }
}

/// `r` written in the CLI's JSON (wire keys) and read back sends the same bytes; the codec's own
/// body, when the reader accepts it, reads back to a request that sends the same bytes too.
template <class Req, bool kBody, class Send>
void round_trip(const char* row, const Req& r, Send send) {
  SCOPED_TRACE(row);
  const rows::Json json = rows::to_json(r, true);
  std::string error;
  const Req back = rows::from_json<Req>(json, &error);
  EXPECT_EQ(error, "") << json.dump();
  EXPECT_EQ(sent(send(back)), sent(send(r))) << json.dump();
  using Sent = std::decay_t<decltype(*send(r))>;
  if constexpr (std::is_same_v<Sent, charging::detail::Fields>) {
    // A form: each key of the CLI's JSON is a field the codec sends (a card's `amount` is its declared value).
    const auto fields = send(r);
    ASSERT_TRUE(fields.ok()) << describe(fields.error());
    for (const auto& item : json.items()) {
      bool found = false;
      for (const auto& field : *fields) found = found || field.first == item.key();
      EXPECT_TRUE(found) << "the CLI's key " << item.key() << " is not a field the codec sends";
    }
  }
  if constexpr (kBody) {
    const auto wire = send(r);
    ASSERT_TRUE(wire.ok()) << describe(wire.error());
    error.clear();
    const Req from_wire = rows::from_json<Req>(*wire, &error);
    // The rows whose typed request reshapes Tingee's body (the CLI's JSON follows the typed request,
    // ADR 0052): print-receipt sends its `receipt` members at the top level; shop-create-or-update
    // sends the lists telegramChatIds and larkWebhookUrls of sendNotifyPlatformDto as
    // `telegramDtos[].chatId` and `larkDtos[].urlWebhook` (include/paygw/tingee/shops.hpp); TConnect's
    // pushes add `type` ("pos", "soundbox"), which the overload (the request's type) says.
    const std::string name(row);
    const bool reshaped = name == "tingee.print_receipt" || name == "tingee.shop_create_or_update" ||
                          name == "tconnect.push_payment(pos)" || name == "tconnect.push_payment(soundbox)";
    EXPECT_TRUE(reshaped || error.empty()) << "the codec's body is not read by the CLI's reader: " << error << "\n"
                                           << wire->dump();
    if (error.empty()) {
      EXPECT_EQ(sent(send(from_wire)), wire->dump()) << "the codec's body read back differently";
    }
  }
}

TEST(CliRowJson, EverySampleRequestRoundTrips) {
  int checked = 0;
  // BEGIN generated from src/tingee/endpoints.rows by tools/codegen; do not edit
  round_trip<tingee::ReadSecurityCodeRequest, true>(
      "tingee.read_security_code", tingee::ReadSecurityCodeRequest({"DEVICE-001", {}}),
      [](const tingee::ReadSecurityCodeRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::AddDeviceToShopRequest, true>(
      "tingee.add_device_to_shop", tingee::AddDeviceToShopRequest(add_device()),
      [](const tingee::AddDeviceToShopRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::UpdateShopDeviceLinkStatusRequest, true>(
      "tingee.update_shop_device_link_status", tingee::UpdateShopDeviceLinkStatusRequest(update_link()),
      [](const tingee::UpdateShopDeviceLinkStatusRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetDevicesLinkToShopOrVaRequest, true>(
      "tingee.get_devices_link_to_shop_or_va", tingee::GetDevicesLinkToShopOrVaRequest({"V1T123456789", {}, {}}),
      [](const tingee::GetDevicesLinkToShopOrVaRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetDevicePagingRequest, true>(
      "tingee.get_device_paging", tingee::GetDevicePagingRequest({}),
      [](const tingee::GetDevicePagingRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ShowQrRequest, true>("tingee.show_qr_code", tingee::ShowQrRequest(show_qr()),
                                          [](const tingee::ShowQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ShowQrRequest, true>("tingee.show_dynamic_qr_code", tingee::ShowQrRequest(show_qr()),
                                          [](const tingee::ShowQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ShowQrRequest, true>("tingee.show_static_qr_code", tingee::ShowQrRequest(show_qr()),
                                          [](const tingee::ShowQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GenerateAndShowDynamicQrRequest, true>(
      "tingee.generate_and_show_dynamic_qr_code", tingee::GenerateAndShowDynamicQrRequest(dynamic_qr()),
      [](const tingee::GenerateAndShowDynamicQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ReadAmountRequest, true>(
      "tingee.read_amount_link_to_merchant", tingee::ReadAmountRequest(read_amount()),
      [](const tingee::ReadAmountRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::PrintReceiptRequest, true>(
      "tingee.print_receipt", tingee::PrintReceiptRequest(print_receipt()),
      [](const tingee::PrintReceiptRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ResetDeviceRequest, false>(
      "tingee.reset_device", tingee::ResetDeviceRequest({"DEVICE-001"}),
      [](const tingee::ResetDeviceRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::NfcCommandRequest, true>(
      "tingee.nfc_command", tingee::NfcCommandRequest(nfc()),
      [](const tingee::NfcCommandRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ResetDeviceWithDetailsRequest, true>(
      "tingee.reset_device_with_details", tingee::ResetDeviceWithDetailsRequest(reset_with_details()),
      [](const tingee::ResetDeviceWithDetailsRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GenerateDynamicQrRequest, true>(
      "tingee.generate_dynamic_qr", tingee::GenerateDynamicQrRequest(bill()),
      [](const tingee::GenerateDynamicQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetDynamicQrStatusRequest, true>(
      "tingee.get_dynamic_qr_status", tingee::GetDynamicQrStatusRequest(bill_status()),
      [](const tingee::GetDynamicQrStatusRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DeleteDynamicQrRequest, true>(
      "tingee.delete_dynamic_qr", tingee::DeleteDynamicQrRequest(bill_delete()),
      [](const tingee::DeleteDynamicQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetTransactionPagingRequest, true>(
      "tingee.get_transaction_paging", tingee::GetTransactionPagingRequest(transactions()),
      [](const tingee::GetTransactionPagingRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::CreateVaRequest, true>("tingee.create_va", tingee::CreateVaRequest(create_va()),
                                            [](const tingee::CreateVaRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::CreateVaAdvancedRequest, true>(
      "tingee.create_va_advanced", tingee::CreateVaAdvancedRequest(create_va_advanced()),
      [](const tingee::CreateVaAdvancedRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ConfirmVaRequest, true>(
      "tingee.confirm_va", tingee::ConfirmVaRequest(confirm_va()),
      [](const tingee::ConfirmVaRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DeleteVaRequest, false>(
      "tingee.delete_va", tingee::DeleteVaRequest(delete_va()),
      [](const tingee::DeleteVaRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::ConfirmDeleteVaRequest, true>(
      "tingee.confirm_delete_va", tingee::ConfirmDeleteVaRequest(confirm_delete_va()),
      [](const tingee::ConfirmDeleteVaRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetVaPagingRequest, true>(
      "tingee.get_va_paging", tingee::GetVaPagingRequest(va_paging()),
      [](const tingee::GetVaPagingRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::RegisterNotifyRequest, true>(
      "tingee.register_notify", tingee::RegisterNotifyRequest(register_notify()),
      [](const tingee::RegisterNotifyRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::ConfirmRegisterNotifyRequest, true>(
      "tingee.confirm_register_notify", tingee::ConfirmRegisterNotifyRequest(confirm_register_notify()),
      [](const tingee::ConfirmRegisterNotifyRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitRegisterRequest, true>(
      "tingee.direct_debit_register", tingee::DirectDebitRegisterRequest(dd_register()),
      [](const tingee::DirectDebitRegisterRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitPaymentBillRequest, true>(
      "tingee.direct_debit_payment_bill", tingee::DirectDebitPaymentBillRequest(dd_payment()),
      [](const tingee::DirectDebitPaymentBillRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitDeleteSubscriptionRequest, true>(
      "tingee.direct_debit_delete_subscription", tingee::DirectDebitDeleteSubscriptionRequest(dd_delete()),
      [](const tingee::DirectDebitDeleteSubscriptionRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitRefundRequest, true>(
      "tingee.direct_debit_refund", tingee::DirectDebitRefundRequest(dd_refund()),
      [](const tingee::DirectDebitRefundRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitEditConfirmPaymentMethodRequest, true>(
      "tingee.direct_debit_edit_confirm_payment_method", tingee::DirectDebitEditConfirmPaymentMethodRequest(dd_edit()),
      [](const tingee::DirectDebitEditConfirmPaymentMethodRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DirectDebitSubscriptionStatusRequest, false>(
      "tingee.direct_debit_get_subscription_status",
      tingee::DirectDebitSubscriptionStatusRequest(dd_subscription_status()),
      [](const tingee::DirectDebitSubscriptionStatusRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::DirectDebitTransactionStatusRequest, false>(
      "tingee.direct_debit_get_transaction_status",
      tingee::DirectDebitTransactionStatusRequest(dd_transaction_status()),
      [](const tingee::DirectDebitTransactionStatusRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::DirectDebitTransactionPagingRequest, false>(
      "tingee.direct_debit_get_paging_transactions", tingee::DirectDebitTransactionPagingRequest(dd_transactions()),
      [](const tingee::DirectDebitTransactionPagingRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::GenerateVietQrRequest, true>(
      "tingee.generate_viet_qr", tingee::GenerateVietQrRequest(viet_qr()),
      [](const tingee::GenerateVietQrRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetAccountNumberInfoByQrCodeRequest, false>(
      "tingee.get_account_number_info_by_qr_code", tingee::GetAccountNumberInfoByQrCodeRequest(qr_account_info()),
      [](const tingee::GetAccountNumberInfoByQrCodeRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::GenerateDeepLinkRequest, true>(
      "tingee.generate_deep_link", tingee::GenerateDeepLinkRequest(deep_link()),
      [](const tingee::GenerateDeepLinkRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GenerateDeepLinkBidvTestRequest, true>(
      "tingee.generate_deep_link_bidv_test", tingee::GenerateDeepLinkBidvTestRequest(deep_link_bidv_test()),
      [](const tingee::GenerateDeepLinkBidvTestRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::CreateBankLinkSessionRequest, true>(
      "tingee.create_bank_link_session", tingee::CreateBankLinkSessionRequest(bank_link_session()),
      [](const tingee::CreateBankLinkSessionRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::DeviceReadAmountRequest, true>(
      "tingee.read_amount", tingee::DeviceReadAmountRequest(device_read_amount()),
      [](const tingee::DeviceReadAmountRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::CreateOrUpdateShopRequest, true>(
      "tingee.shop_create_or_update", tingee::CreateOrUpdateShopRequest(shop()),
      [](const tingee::CreateOrUpdateShopRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::GetShopPagingRequest, true>(
      "tingee.shop_get_paging", tingee::GetShopPagingRequest(shop_paging()),
      [](const tingee::GetShopPagingRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantCreateRequest, true>(
      "tingee.merchant_create", tingee::MerchantCreateRequest(merchant_create()),
      [](const tingee::MerchantCreateRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantGetPagingRequest, true>(
      "tingee.merchant_get_paging", tingee::MerchantGetPagingRequest(merchant_paging()),
      [](const tingee::MerchantGetPagingRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantDeleteRequest, false>(
      "tingee.merchant_delete", tingee::MerchantDeleteRequest(tingee::MerchantDeleteRequest{42}),
      [](const tingee::MerchantDeleteRequest& x) { return tingee::detail::build_query(x); });
  ++checked;
  round_trip<tingee::MerchantGetPagingConfigRequest, true>(
      "tingee.merchant_get_paging_config", tingee::MerchantGetPagingConfigRequest(merchant_config_paging()),
      [](const tingee::MerchantGetPagingConfigRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantCreateOrUpdateConfigRequest, true>(
      "tingee.merchant_create_or_update_config", tingee::MerchantCreateOrUpdateConfigRequest(merchant_config()),
      [](const tingee::MerchantCreateOrUpdateConfigRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantDeleteConfigRequest, true>(
      "tingee.merchant_delete_config",
      tingee::MerchantDeleteConfigRequest(tingee::MerchantDeleteConfigRequest{"", "", 7, std::nullopt}),
      [](const tingee::MerchantDeleteConfigRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantConfigAccountBusinessRequest, true>(
      "tingee.merchant_config_account_business", tingee::MerchantConfigAccountBusinessRequest(merchant_business()),
      [](const tingee::MerchantConfigAccountBusinessRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::MerchantDeleteConfigAccountBusinessRequest, true>(
      "tingee.merchant_delete_config_account_business",
      tingee::MerchantDeleteConfigAccountBusinessRequest(merchant_business_unlink()),
      [](const tingee::MerchantDeleteConfigAccountBusinessRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceGetPagingAccountRequest, true>(
      "tingee.e_invoice_get_paging_account", tingee::EInvoiceGetPagingAccountRequest(ei_paging()),
      [](const tingee::EInvoiceGetPagingAccountRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceCreateOrUpdateAccountRequest, true>(
      "tingee.e_invoice_create_or_update_account", tingee::EInvoiceCreateOrUpdateAccountRequest(ei_account()),
      [](const tingee::EInvoiceCreateOrUpdateAccountRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceDeleteAccountRequest, true>(
      "tingee.e_invoice_delete_account", tingee::EInvoiceDeleteAccountRequest(ei_delete()),
      [](const tingee::EInvoiceDeleteAccountRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceCreateRequest, true>(
      "tingee.e_invoice_create", tingee::EInvoiceCreateRequest(ei_invoice()),
      [](const tingee::EInvoiceCreateRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceCreateAndIssueRequest, true>(
      "tingee.e_invoice_create_and_issue", tingee::EInvoiceCreateAndIssueRequest(ei_invoice_and_issue()),
      [](const tingee::EInvoiceCreateAndIssueRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceGetInvoiceInfoRequest, true>(
      "tingee.e_invoice_get_invoice_info", tingee::EInvoiceGetInvoiceInfoRequest(ei_info()),
      [](const tingee::EInvoiceGetInvoiceInfoRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceDownloadRequest, true>(
      "tingee.e_invoice_download", tingee::EInvoiceDownloadRequest(ei_download()),
      [](const tingee::EInvoiceDownloadRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceInvoiceTemplatesRequest, true>(
      "tingee.e_invoice_invoice_templates", tingee::EInvoiceInvoiceTemplatesRequest(ei_templates()),
      [](const tingee::EInvoiceInvoiceTemplatesRequest& x) { return tingee::detail::build(x); });
  ++checked;
  round_trip<tingee::EInvoiceSendEmailRequest, true>(
      "tingee.e_invoice_send_email", tingee::EInvoiceSendEmailRequest(ei_email()),
      [](const tingee::EInvoiceSendEmailRequest& x) { return tingee::detail::build(x); });
  ++checked;
  // END generated
  // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
  round_trip<tconnect::PosPush, true>("tconnect.push_payment(pos)", tconnect::PosPush(pos()),
                                      [](const tconnect::PosPush& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::SoundboxPush, true>("tconnect.push_payment(soundbox)", tconnect::SoundboxPush(soundbox()),
                                           [](const tconnect::SoundboxPush& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::CreateVaRequest, true>(
      "tconnect.create_va", tconnect::CreateVaRequest(va()),
      [](const tconnect::CreateVaRequest& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::CreateQrRequest, true>(
      "tconnect.create_qr", tconnect::CreateQrRequest(qr()),
      [](const tconnect::CreateQrRequest& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::TransactionQuery, true>(
      "tconnect.get_qr_transactions", tconnect::TransactionQuery(query()),
      [](const tconnect::TransactionQuery& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::TransactionQuery, true>(
      "tconnect.get_card_transactions", tconnect::TransactionQuery(query()),
      [](const tconnect::TransactionQuery& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::TransactionQuery, true>(
      "tconnect.get_cash_transactions", tconnect::TransactionQuery(query()),
      [](const tconnect::TransactionQuery& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::GenerateQrRequest, true>(
      "tconnect.generate_qr", tconnect::GenerateQrRequest(generate_qr()),
      [](const tconnect::GenerateQrRequest& x) { return tconnect::detail::build(x); });
  ++checked;
  round_trip<tconnect::OrderStatusRequest, true>(
      "tconnect.order_status", tconnect::OrderStatusRequest(order_status()),
      [](const tconnect::OrderStatusRequest& x) { return tconnect::detail::build(x); });
  ++checked;
  // END generated
  // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
  round_trip<charging::CardRequest, false>(
      "charging.submit", charging::CardRequest(card()),
      [](const charging::CardRequest& x) { return charging::detail::card_fields(round_trip_config(), x, "charging"); });
  ++checked;
  round_trip<charging::CardRequest, false>(
      "charging.check", charging::CardRequest(card()),
      [](const charging::CardRequest& x) { return charging::detail::card_fields(round_trip_config(), x, "check"); });
  ++checked;
  round_trip<charging::SerialCheckRequest, false>(
      "charging.check_serial", charging::SerialCheckRequest(serial_check()), [](const charging::SerialCheckRequest& x) {
        return charging::detail::serial_check_fields(round_trip_config(), x, "");
      });
  ++checked;
  // END generated
  EXPECT_GT(checked, 40);
}

TEST(CliRowJson, ReaderIsStrict) {
  std::string error;
  rows::from_json<tingee::GenerateDynamicQrRequest>(rows::Json::parse(R"({"amount": 1.5})"), &error);
  EXPECT_NE(error.find("body.amount must be a whole number"), std::string::npos) << error;
  error.clear();
  rows::from_json<tingee::GenerateDynamicQrRequest>(rows::Json::parse(R"({"amount": "-5"})"), &error);
  EXPECT_NE(error.find("body.amount"), std::string::npos) << error;
  error.clear();
  auto r = rows::from_json<tingee::GenerateDynamicQrRequest>(rows::Json::parse(R"({"amount": "150000"})"), &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(r.amount, 150000);
  error.clear();
  rows::from_json<tingee::GenerateDynamicQrRequest>(rows::Json::parse(R"({"amount": "99999999999999999999"})"), &error);
  EXPECT_NE(error.find("body.amount"), std::string::npos) << error;
  error.clear();
  rows::from_json<tingee::GenerateDynamicQrRequest>(rows::Json::parse(R"({"qrCodeType": "weekly"})"), &error);
  EXPECT_NE(error.find("body.qrCodeType must be one of dynamic-one-time-payment"), std::string::npos) << error;
  error.clear();
  rows::from_json<tingee::PrintReceiptRequest>(
      rows::Json::parse(R"({"receipt": {"items": [{"name": "tea", "quantiti": 1}]}})"), &error);
  EXPECT_NE(error.find("body.receipt.items[0].quantiti is not a member"), std::string::npos) << error;
  error.clear();
  rows::from_json<tingee::CreateVaRequest>(rows::Json::parse(R"({"mobile": 901234567})"), &error);
  EXPECT_NE(error.find("body.mobile must be a JSON string"), std::string::npos) << error;
}

}  // namespace
