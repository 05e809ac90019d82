// SPDX-License-Identifier: MIT
// paygw — the TConnect connection: the interface tconnect::Client calls, and the seam to mock it.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/completion.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>

#include <future>

namespace paygw::tconnect {

/// Every TConnect call, blocking and async. tconnect::Client forwards to one of these:
/// make_connection() returns the real one (token cache, AES envelope, retries, any
/// http::Transport); tests of a merchant's own code use paygw::testing::MockTconnectConnection
/// (target paygw::testing) instead, so nothing has to be encrypted by hand.
///
/// The semantics of each method are those documented on the tconnect::Client method of the same
/// name; an `_async` method does the same without blocking and never throws from its future.
///
/// Thread safety: implementations must allow every method to be called concurrently.
class PAYGW_EXPORT Connection {
 public:
  virtual ~Connection() = default;

  // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
  /// See Client::authenticate.
  virtual Result<void> authenticate(const CallOptions& options) = 0;
  /// See Client::authenticate.
  virtual std::future<Result<void>> authenticate_async(const CallOptions& options) = 0;
  /// See Client::authenticate; `done` is called exactly once (paygw::Completion).
  virtual void authenticate_async(Completion<void> done, const CallOptions& options) = 0;
  /// See Client::push_payment.
  virtual Result<PushResult> push_payment(const PosPush& push, const CallOptions& options) = 0;
  /// See Client::push_payment.
  virtual std::future<Result<PushResult>> push_payment_async(const PosPush& push, const CallOptions& options) = 0;
  /// See Client::push_payment; `done` is called exactly once (paygw::Completion).
  virtual void push_payment_async(const PosPush& push, Completion<PushResult> done, const CallOptions& options) = 0;
  /// See Client::push_payment.
  virtual Result<PushResult> push_payment(const SoundboxPush& push, const CallOptions& options) = 0;
  /// See Client::push_payment.
  virtual std::future<Result<PushResult>> push_payment_async(const SoundboxPush& push, const CallOptions& options) = 0;
  /// See Client::push_payment; `done` is called exactly once (paygw::Completion).
  virtual void push_payment_async(const SoundboxPush& push, Completion<PushResult> done,
                                  const CallOptions& options) = 0;
  /// See Client::get_services.
  virtual Result<ServiceList> get_services(const CallOptions& options) = 0;
  /// See Client::get_services.
  virtual std::future<Result<ServiceList>> get_services_async(const CallOptions& options) = 0;
  /// See Client::get_services; `done` is called exactly once (paygw::Completion).
  virtual void get_services_async(Completion<ServiceList> done, const CallOptions& options) = 0;
  /// See Client::create_va.
  virtual Result<VirtualAccount> create_va(const CreateVaRequest& request, const CallOptions& options) = 0;
  /// See Client::create_va.
  virtual std::future<Result<VirtualAccount>> create_va_async(const CreateVaRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::create_va; `done` is called exactly once (paygw::Completion).
  virtual void create_va_async(const CreateVaRequest& request, Completion<VirtualAccount> done,
                               const CallOptions& options) = 0;
  /// See Client::create_qr.
  virtual Result<Qr> create_qr(const CreateQrRequest& request, const CallOptions& options) = 0;
  /// See Client::create_qr.
  virtual std::future<Result<Qr>> create_qr_async(const CreateQrRequest& request, const CallOptions& options) = 0;
  /// See Client::create_qr; `done` is called exactly once (paygw::Completion).
  virtual void create_qr_async(const CreateQrRequest& request, Completion<Qr> done, const CallOptions& options) = 0;
  /// See Client::get_qr_transactions.
  virtual Result<TransactionPage> get_qr_transactions(const TransactionQuery& query, const CallOptions& options) = 0;
  /// See Client::get_qr_transactions.
  virtual std::future<Result<TransactionPage>> get_qr_transactions_async(const TransactionQuery& query,
                                                                         const CallOptions& options) = 0;
  /// See Client::get_qr_transactions; `done` is called exactly once (paygw::Completion).
  virtual void get_qr_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                         const CallOptions& options) = 0;
  /// See Client::get_card_transactions.
  virtual Result<TransactionPage> get_card_transactions(const TransactionQuery& query, const CallOptions& options) = 0;
  /// See Client::get_card_transactions.
  virtual std::future<Result<TransactionPage>> get_card_transactions_async(const TransactionQuery& query,
                                                                           const CallOptions& options) = 0;
  /// See Client::get_card_transactions; `done` is called exactly once (paygw::Completion).
  virtual void get_card_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                           const CallOptions& options) = 0;
  /// See Client::get_cash_transactions.
  virtual Result<TransactionPage> get_cash_transactions(const TransactionQuery& query, const CallOptions& options) = 0;
  /// See Client::get_cash_transactions.
  virtual std::future<Result<TransactionPage>> get_cash_transactions_async(const TransactionQuery& query,
                                                                           const CallOptions& options) = 0;
  /// See Client::get_cash_transactions; `done` is called exactly once (paygw::Completion).
  virtual void get_cash_transactions_async(const TransactionQuery& query, Completion<TransactionPage> done,
                                           const CallOptions& options) = 0;
  /// See Client::generate_qr.
  virtual Result<Qr> generate_qr(const GenerateQrRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_qr.
  virtual std::future<Result<Qr>> generate_qr_async(const GenerateQrRequest& request, const CallOptions& options) = 0;
  /// See Client::generate_qr; `done` is called exactly once (paygw::Completion).
  virtual void generate_qr_async(const GenerateQrRequest& request, Completion<Qr> done, const CallOptions& options) = 0;
  /// See Client::order_status.
  virtual Result<OrderStatus> order_status(const OrderStatusRequest& request, const CallOptions& options) = 0;
  /// See Client::order_status.
  virtual std::future<Result<OrderStatus>> order_status_async(const OrderStatusRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::order_status; `done` is called exactly once (paygw::Completion).
  virtual void order_status_async(const OrderStatusRequest& request, Completion<OrderStatus> done,
                                  const CallOptions& options) = 0;
  /// See Client::confirm_ipn.
  virtual Result<IpnConfirmation> confirm_ipn(const IpnNotification& ipn, const CallOptions& options) = 0;
  /// See Client::confirm_ipn.
  virtual std::future<Result<IpnConfirmation>> confirm_ipn_async(const IpnNotification& ipn,
                                                                 const CallOptions& options) = 0;
  /// See Client::confirm_ipn; `done` is called exactly once (paygw::Completion).
  virtual void confirm_ipn_async(const IpnNotification& ipn, Completion<IpnConfirmation> done,
                                 const CallOptions& options) = 0;
  // END generated
};

}  // namespace paygw::tconnect
