// SPDX-License-Identifier: MIT
// Internal: the real TConnect connection — endpoint rows through the shared pipeline, whose
// chain is the token cache's bearer step, and the composite confirm_ipn.
#pragma once

#include <paygw/tconnect/client.hpp>

#include "call/call.hpp"
#include "call/pipeline.hpp"
#include "tconnect/endpoints.hpp"
#include "tconnect/protocol.hpp"
#include "tconnect/tokens.hpp"

#include <functional>
#include <memory>

namespace paygw::tconnect::detail {

class RealConnection final : public Connection, public std::enable_shared_from_this<RealConnection> {
 private:
  // One endpoint row through the pipeline: blocking, a future or a Completion (the connection stays
  // alive until done). The overrides below are generated from tconnect/endpoints.rows; the
  // composite calls (authenticate, confirm_ipn) are defined in connection.cpp and confirm.cpp.
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return paygw::detail::call(pipeline_, *protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return paygw::detail::call_future(shared_from_this(), pipeline_, *protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  void call_back(const E& ep, const Req& r, const CallOptions& o, Completion<typename E::Response> done) const {
    paygw::detail::call_back(shared_from_this(), pipeline_, *protocol_, ep, r, o, std::move(done));
  }

 public:
  RealConnection(Config config, std::string base_url, Secret raw_key);

  // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
  Result<void> authenticate(const CallOptions& options) override;
  std::future<Result<void>> authenticate_async(const CallOptions& options) override;
  void authenticate_async(Completion<void> done, const CallOptions& options) override;
  Result<PushResult> push_payment(const PosPush& push, const CallOptions& options) override {
    return call(kPushPos, push, options);
  }
  std::future<Result<PushResult>> push_payment_async(const PosPush& push, const CallOptions& options) override {
    return call_async(kPushPos, push, options);
  }
  void push_payment_async(const PosPush& push, Completion<PushResult> done, const CallOptions& options) override {
    call_back(kPushPos, push, options, std::move(done));
  }
  Result<PushResult> push_payment(const SoundboxPush& push, const CallOptions& options) override {
    return call(kPushSoundbox, push, options);
  }
  std::future<Result<PushResult>> push_payment_async(const SoundboxPush& push, const CallOptions& options) override {
    return call_async(kPushSoundbox, push, options);
  }
  void push_payment_async(const SoundboxPush& push, Completion<PushResult> done, const CallOptions& options) override {
    call_back(kPushSoundbox, push, options, std::move(done));
  }
  Result<ServiceList> get_services(const CallOptions& options) override {
    return call(kGetServices, detail::NoPayload{}, options);
  }
  std::future<Result<ServiceList>> get_services_async(const CallOptions& options) override {
    return call_async(kGetServices, detail::NoPayload{}, options);
  }
  void get_services_async(Completion<ServiceList> done, const CallOptions& options) override {
    call_back(kGetServices, detail::NoPayload{}, options, std::move(done));
  }
  Result<VirtualAccount> create_va(const CreateVaRequest& request, const CallOptions& options) override {
    return call(kCreateVa, request, options);
  }
  std::future<Result<VirtualAccount>> create_va_async(const CreateVaRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kCreateVa, request, options);
  }
  void create_va_async(const CreateVaRequest& request, Completion<VirtualAccount> done,
                       const CallOptions& options) override {
    call_back(kCreateVa, request, options, std::move(done));
  }
  Result<Qr> create_qr(const CreateQrRequest& request, const CallOptions& options) override {
    return call(kCreateQr, request, options);
  }
  std::future<Result<Qr>> create_qr_async(const CreateQrRequest& request, const CallOptions& options) override {
    return call_async(kCreateQr, request, options);
  }
  void create_qr_async(const CreateQrRequest& request, Completion<Qr> done, const CallOptions& options) override {
    call_back(kCreateQr, request, options, std::move(done));
  }
  Result<TransactionPage> get_qr_transactions(const TransactionQuery& query, const CallOptions& options) override {
    return call(kQrTransactions, query, options);
  }
  std::future<Result<TransactionPage>> get_qr_transactions_async(const TransactionQuery& query,
                                                                 const CallOptions& options) override {
    return call_async(kQrTransactions, query, options);
  }
  void get_qr_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                 const CallOptions& options) override {
    call_back(kQrTransactions, query, options, std::move(done));
  }
  Result<TransactionPage> get_card_transactions(const TransactionQuery& query, const CallOptions& options) override {
    return call(kCardTransactions, query, options);
  }
  std::future<Result<TransactionPage>> get_card_transactions_async(const TransactionQuery& query,
                                                                   const CallOptions& options) override {
    return call_async(kCardTransactions, query, options);
  }
  void get_card_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                   const CallOptions& options) override {
    call_back(kCardTransactions, query, options, std::move(done));
  }
  Result<TransactionPage> get_cash_transactions(const TransactionQuery& query, const CallOptions& options) override {
    return call(kCashTransactions, query, options);
  }
  std::future<Result<TransactionPage>> get_cash_transactions_async(const TransactionQuery& query,
                                                                   const CallOptions& options) override {
    return call_async(kCashTransactions, query, options);
  }
  void get_cash_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                   const CallOptions& options) override {
    call_back(kCashTransactions, query, options, std::move(done));
  }
  Result<Qr> generate_qr(const GenerateQrRequest& request, const CallOptions& options) override {
    return call(kGenerateQr, request, options);
  }
  std::future<Result<Qr>> generate_qr_async(const GenerateQrRequest& request, const CallOptions& options) override {
    return call_async(kGenerateQr, request, options);
  }
  void generate_qr_async(const GenerateQrRequest& request, Completion<Qr> done, const CallOptions& options) override {
    call_back(kGenerateQr, request, options, std::move(done));
  }
  Result<OrderStatus> order_status(const OrderStatusRequest& request, const CallOptions& options) override {
    return call(kOrderStatus, request, options);
  }
  std::future<Result<OrderStatus>> order_status_async(const OrderStatusRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kOrderStatus, request, options);
  }
  void order_status_async(const OrderStatusRequest& request, Completion<OrderStatus> done,
                          const CallOptions& options) override {
    call_back(kOrderStatus, request, options, std::move(done));
  }
  Result<IpnConfirmation> confirm_ipn(const IpnNotification& ipn, const CallOptions& options) override;
  std::future<Result<IpnConfirmation>> confirm_ipn_async(const IpnNotification& ipn,
                                                         const CallOptions& options) override;
  void confirm_ipn_async(const IpnNotification& ipn, Completion<IpnConfirmation> done,
                         const CallOptions& options) override;
  // END generated

  /// Runs one endpoint in `mode`, calling `done(Result<Res>)` once (composite calls chain these).
  template <typename E, typename Req, typename Done>
  void run(const E& ep, const Req& r, const CallOptions& o, Mode mode, Done done) {
    paygw::detail::run(mode == Mode::kAsync ? shared_from_this() : nullptr, pipeline_, *protocol_, ep, r, o, mode,
                       std::move(done));
  }

 private:
  struct Confirm;
  void confirm(const IpnNotification& ipn, const CallOptions& o, Mode mode,
               std::function<void(Result<IpnConfirmation>)> done);

  // Built in this order, each from the ones before it (never from `this`): the protocol, the token
  // cache that sends its own login with it, the pipeline whose chain is that cache (ADR 0043).
  std::shared_ptr<const TconnectProtocol> protocol_;
  std::shared_ptr<TokenCache> tokens_;
  paygw::detail::Pipeline pipeline_;
};

}  // namespace paygw::tconnect::detail
