// SPDX-License-Identifier: MIT
// The real Tingee connection: each call is one endpoint row run through the shared pipeline.
#include "call/config_check.hpp"
#include "call/pipeline.hpp"
#include "crypto/crypto.hpp"
#include "http/util.hpp"
#include "tingee/endpoints.hpp"
#include "tingee/signing.hpp"

#include <memory>

namespace paygw::tingee {
namespace detail {
namespace {

namespace core = paygw::detail;

class RealConnection final : public Connection, public std::enable_shared_from_this<RealConnection> {
 private:
  // One endpoint row through the pipeline, blocking or async (the connection stays alive until done).
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call(pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call_async(shared_from_this(), pipeline_, protocol_, ep, r, o);
  }

 public:
  // The chain is built before the connection: nothing here hands out `this` or a member.
  RealConnection(Config config, std::string base_url, core::Chain chain)
      : pipeline_(static_cast<const ClientOptions&>(config), "tingee", std::move(chain)),
        protocol_(std::move(config), std::move(base_url)) {}

  Result<Ack> read_security_code(const ReadSecurityCodeRequest& r, const CallOptions& o) override {
    return call(kReadSecurityCode, r, o);
  }
  std::future<Result<Ack>> read_security_code_async(const ReadSecurityCodeRequest& r, const CallOptions& o) override {
    return call_async(kReadSecurityCode, r, o);
  }
  Result<DeviceRefs> add_device_to_shop(const AddDeviceToShopRequest& r, const CallOptions& o) override {
    return call(kAddDeviceToShop, r, o);
  }
  std::future<Result<DeviceRefs>> add_device_to_shop_async(const AddDeviceToShopRequest& r,
                                                           const CallOptions& o) override {
    return call_async(kAddDeviceToShop, r, o);
  }
  Result<Ack> update_shop_device_link_status(const UpdateShopDeviceLinkStatusRequest& r,
                                             const CallOptions& o) override {
    return call(kUpdateShopDeviceLinkStatus, r, o);
  }
  std::future<Result<Ack>> update_shop_device_link_status_async(const UpdateShopDeviceLinkStatusRequest& r,
                                                                const CallOptions& o) override {
    return call_async(kUpdateShopDeviceLinkStatus, r, o);
  }
  Result<DeviceRefs> get_devices_link_to_shop_or_va(const GetDevicesLinkToShopOrVaRequest& r,
                                                    const CallOptions& o) override {
    return call(kGetDevicesLinkToShopOrVa, r, o);
  }
  std::future<Result<DeviceRefs>> get_devices_link_to_shop_or_va_async(const GetDevicesLinkToShopOrVaRequest& r,
                                                                       const CallOptions& o) override {
    return call_async(kGetDevicesLinkToShopOrVa, r, o);
  }
  Result<DevicePage> get_device_paging(const GetDevicePagingRequest& r, const CallOptions& o) override {
    return call(kGetDevicePaging, r, o);
  }
  std::future<Result<DevicePage>> get_device_paging_async(const GetDevicePagingRequest& r,
                                                          const CallOptions& o) override {
    return call_async(kGetDevicePaging, r, o);
  }
  Result<Ack> show_qr_code(const ShowQrRequest& r, const CallOptions& o) override { return call(kShowQrCode, r, o); }
  std::future<Result<Ack>> show_qr_code_async(const ShowQrRequest& r, const CallOptions& o) override {
    return call_async(kShowQrCode, r, o);
  }
  Result<Ack> show_dynamic_qr_code(const ShowQrRequest& r, const CallOptions& o) override {
    return call(kShowDynamicQrCode, r, o);
  }
  std::future<Result<Ack>> show_dynamic_qr_code_async(const ShowQrRequest& r, const CallOptions& o) override {
    return call_async(kShowDynamicQrCode, r, o);
  }
  Result<Ack> show_static_qr_code(const ShowQrRequest& r, const CallOptions& o) override {
    return call(kShowStaticQrCode, r, o);
  }
  std::future<Result<Ack>> show_static_qr_code_async(const ShowQrRequest& r, const CallOptions& o) override {
    return call_async(kShowStaticQrCode, r, o);
  }
  Result<DynamicQr> generate_and_show_dynamic_qr_code(const GenerateAndShowDynamicQrRequest& r,
                                                      const CallOptions& o) override {
    return call(kGenerateAndShowDynamicQrCode, r, o);
  }
  std::future<Result<DynamicQr>> generate_and_show_dynamic_qr_code_async(const GenerateAndShowDynamicQrRequest& r,
                                                                         const CallOptions& o) override {
    return call_async(kGenerateAndShowDynamicQrCode, r, o);
  }
  Result<Ack> read_amount_link_to_merchant(const ReadAmountRequest& r, const CallOptions& o) override {
    return call(kReadAmountLinkToMerchant, r, o);
  }
  std::future<Result<Ack>> read_amount_link_to_merchant_async(const ReadAmountRequest& r,
                                                              const CallOptions& o) override {
    return call_async(kReadAmountLinkToMerchant, r, o);
  }
  Result<Ack> print_receipt(const PrintReceiptRequest& r, const CallOptions& o) override {
    return call(kPrintReceipt, r, o);
  }
  std::future<Result<Ack>> print_receipt_async(const PrintReceiptRequest& r, const CallOptions& o) override {
    return call_async(kPrintReceipt, r, o);
  }
  Result<ResetResult> reset_device(const ResetDeviceRequest& r, const CallOptions& o) override {
    return call(kResetDevice, r, o);
  }
  std::future<Result<ResetResult>> reset_device_async(const ResetDeviceRequest& r, const CallOptions& o) override {
    return call_async(kResetDevice, r, o);
  }
  Result<Ack> nfc_command(const NfcCommandRequest& r, const CallOptions& o) override { return call(kNfcCommand, r, o); }
  std::future<Result<Ack>> nfc_command_async(const NfcCommandRequest& r, const CallOptions& o) override {
    return call_async(kNfcCommand, r, o);
  }
  Result<Ack> reset_device_with_details(const ResetDeviceWithDetailsRequest& r, const CallOptions& o) override {
    return call(kResetDeviceWithDetails, r, o);
  }
  std::future<Result<Ack>> reset_device_with_details_async(const ResetDeviceWithDetailsRequest& r,
                                                           const CallOptions& o) override {
    return call_async(kResetDeviceWithDetails, r, o);
  }
  Result<DynamicQrBill> generate_dynamic_qr(const GenerateDynamicQrRequest& r, const CallOptions& o) override {
    return call(kGenerateDynamicQr, r, o);
  }
  std::future<Result<DynamicQrBill>> generate_dynamic_qr_async(const GenerateDynamicQrRequest& r,
                                                               const CallOptions& o) override {
    return call_async(kGenerateDynamicQr, r, o);
  }
  Result<DynamicQrStatus> get_dynamic_qr_status(const GetDynamicQrStatusRequest& r, const CallOptions& o) override {
    return call(kGetDynamicQrStatus, r, o);
  }
  std::future<Result<DynamicQrStatus>> get_dynamic_qr_status_async(const GetDynamicQrStatusRequest& r,
                                                                   const CallOptions& o) override {
    return call_async(kGetDynamicQrStatus, r, o);
  }
  Result<Ack> delete_dynamic_qr(const DeleteDynamicQrRequest& r, const CallOptions& o) override {
    return call(kDeleteDynamicQr, r, o);
  }
  std::future<Result<Ack>> delete_dynamic_qr_async(const DeleteDynamicQrRequest& r, const CallOptions& o) override {
    return call_async(kDeleteDynamicQr, r, o);
  }
  Result<TransactionPage> get_transaction_paging(const GetTransactionPagingRequest& r, const CallOptions& o) override {
    return call(kGetTransactionPaging, r, o);
  }
  std::future<Result<TransactionPage>> get_transaction_paging_async(const GetTransactionPagingRequest& r,
                                                                    const CallOptions& o) override {
    return call_async(kGetTransactionPaging, r, o);
  }
  Result<BankList> get_banks(const CallOptions& o) override { return call(kGetBanks, NoRequest{}, o); }
  std::future<Result<BankList>> get_banks_async(const CallOptions& o) override {
    return call_async(kGetBanks, NoRequest{}, o);
  }

 private:
  core::Pipeline pipeline_;  // encoded requests go down its chain (signing.hpp) to the transport
  TingeeProtocol protocol_;
};

}  // namespace
}  // namespace detail

Result<std::shared_ptr<Connection>> make_connection(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url = paygw::detail::check_connection_settings(config.base_url,
                                                      "tingee::kUatBaseUrl or tingee::kProductionBaseUrl", config);
  if (!url) return url.error();
  if (config.client_id.empty()) return fail("client_id is required");
  if (!paygw::detail::header_safe(config.client_id)) return fail("client_id contains control characters");
  if (config.secret.empty()) return fail("secret is required");
  if (config.timestamp_backdate.count() < 0 || config.timestamp_backdate > std::chrono::minutes(5)) {
    return fail("timestamp_backdate must be between 0 and 5 minutes");
  }
  auto key = paygw::detail::crypto::HmacSha512Key::create(config.secret.reveal());
  if (!key) return std::move(key).error();
  // Every attempt's chain: the signature (ADR 0043).
  paygw::detail::Chain chain{
      std::make_shared<detail::SigningStep>(std::move(*key), config.clock, config.timestamp_backdate)};
  return std::shared_ptr<Connection>(
      std::make_shared<detail::RealConnection>(std::move(config), std::move(*url), std::move(chain)));
}

}  // namespace paygw::tingee
