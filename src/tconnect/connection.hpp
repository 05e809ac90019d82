// SPDX-License-Identifier: MIT
// Internal: the real TConnect connection — endpoint rows through the shared pipeline, whose
// chain is the token cache's bearer step, and the composite confirm_ipn.
#pragma once

#include <paygw/tconnect/client.hpp>

#include "call/pipeline.hpp"
#include "tconnect/endpoints.hpp"
#include "tconnect/protocol.hpp"
#include "tconnect/tokens.hpp"

#include <functional>
#include <memory>

namespace paygw::tconnect::detail {

class RealConnection final : public Connection, public std::enable_shared_from_this<RealConnection> {
 private:
  // One endpoint row through the pipeline, blocking or async (the connection stays alive until done).
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return paygw::detail::call(pipeline_, *protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return paygw::detail::call_async(shared_from_this(), pipeline_, *protocol_, ep, r, o);
  }

 public:
  RealConnection(Config config, std::string base_url, Secret raw_key);

  Result<void> authenticate(const CallOptions& o) override;
  std::future<Result<void>> authenticate_async(const CallOptions& o) override;
  Result<PushResult> push_payment(const PosPush& p, const CallOptions& o) override { return call(kPushPos, p, o); }
  std::future<Result<PushResult>> push_payment_async(const PosPush& p, const CallOptions& o) override {
    return call_async(kPushPos, p, o);
  }
  Result<PushResult> push_payment(const SoundboxPush& p, const CallOptions& o) override {
    return call(kPushSoundbox, p, o);
  }
  std::future<Result<PushResult>> push_payment_async(const SoundboxPush& p, const CallOptions& o) override {
    return call_async(kPushSoundbox, p, o);
  }
  Result<ServiceList> get_services(const CallOptions& o) override { return call(kGetServices, detail::NoPayload{}, o); }
  std::future<Result<ServiceList>> get_services_async(const CallOptions& o) override {
    return call_async(kGetServices, detail::NoPayload{}, o);
  }
  Result<VirtualAccount> create_va(const CreateVaRequest& r, const CallOptions& o) override {
    return call(kCreateVa, r, o);
  }
  std::future<Result<VirtualAccount>> create_va_async(const CreateVaRequest& r, const CallOptions& o) override {
    return call_async(kCreateVa, r, o);
  }
  Result<Qr> create_qr(const CreateQrRequest& r, const CallOptions& o) override { return call(kCreateQr, r, o); }
  std::future<Result<Qr>> create_qr_async(const CreateQrRequest& r, const CallOptions& o) override {
    return call_async(kCreateQr, r, o);
  }
  Result<TransactionPage> get_qr_transactions(const TransactionQuery& q, const CallOptions& o) override {
    return call(kQrTransactions, q, o);
  }
  std::future<Result<TransactionPage>> get_qr_transactions_async(const TransactionQuery& q,
                                                                 const CallOptions& o) override {
    return call_async(kQrTransactions, q, o);
  }
  Result<TransactionPage> get_card_transactions(const TransactionQuery& q, const CallOptions& o) override {
    return call(kCardTransactions, q, o);
  }
  std::future<Result<TransactionPage>> get_card_transactions_async(const TransactionQuery& q,
                                                                   const CallOptions& o) override {
    return call_async(kCardTransactions, q, o);
  }
  Result<TransactionPage> get_cash_transactions(const TransactionQuery& q, const CallOptions& o) override {
    return call(kCashTransactions, q, o);
  }
  std::future<Result<TransactionPage>> get_cash_transactions_async(const TransactionQuery& q,
                                                                   const CallOptions& o) override {
    return call_async(kCashTransactions, q, o);
  }
  Result<Qr> generate_qr(const GenerateQrRequest& r, const CallOptions& o) override { return call(kGenerateQr, r, o); }
  std::future<Result<Qr>> generate_qr_async(const GenerateQrRequest& r, const CallOptions& o) override {
    return call_async(kGenerateQr, r, o);
  }
  Result<OrderStatus> order_status(const OrderStatusRequest& r, const CallOptions& o) override {
    return call(kOrderStatus, r, o);
  }
  std::future<Result<OrderStatus>> order_status_async(const OrderStatusRequest& r, const CallOptions& o) override {
    return call_async(kOrderStatus, r, o);
  }
  Result<IpnConfirmation> confirm_ipn(const IpnNotification& ipn, const CallOptions& o) override;
  std::future<Result<IpnConfirmation>> confirm_ipn_async(const IpnNotification& ipn, const CallOptions& o) override;

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
