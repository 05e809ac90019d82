// SPDX-License-Identifier: MIT
// paygw — the card-charging connection: the interface charging::Client calls, and the seam to mock it.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/charging/models.hpp>
#include <paygw/completion.hpp>
#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <future>

namespace paygw::charging {

/// Every card-charging call, blocking and async (a future, or a Completion callback). charging::Client forwards to one
/// of these: make_connection() returns the real one; tests of a merchant's own code use
/// paygw::testing::MockChargingConnection (target paygw::testing) instead, so no sign has to be forged.
///
/// The semantics of each method are those documented on the charging::Client method of the same
/// name; an `_async` method does the same without blocking and never throws from its future.
///
/// Thread safety: implementations must allow every method to be called concurrently.
class PAYGW_EXPORT Connection {
 public:
  virtual ~Connection() = default;

  // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
  /// See Client::submit.
  virtual Result<ChargeResult> submit(const CardRequest& card, const CallOptions& options) = 0;
  /// See Client::submit.
  virtual std::future<Result<ChargeResult>> submit_async(const CardRequest& card, const CallOptions& options) = 0;
  /// See Client::submit; `done` is called exactly once (paygw::Completion).
  virtual void submit_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options) = 0;
  /// See Client::check.
  virtual Result<ChargeResult> check(const CardRequest& card, const CallOptions& options) = 0;
  /// See Client::check.
  virtual std::future<Result<ChargeResult>> check_async(const CardRequest& card, const CallOptions& options) = 0;
  /// See Client::check; `done` is called exactly once (paygw::Completion).
  virtual void check_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options) = 0;
  /// See Client::get_fees.
  virtual Result<FeeTable> get_fees(const CallOptions& options) = 0;
  /// See Client::get_fees.
  virtual std::future<Result<FeeTable>> get_fees_async(const CallOptions& options) = 0;
  /// See Client::get_fees; `done` is called exactly once (paygw::Completion).
  virtual void get_fees_async(Completion<FeeTable> done, const CallOptions& options) = 0;
  /// See Client::get_price_table.
  virtual Result<PriceTable> get_price_table(const CallOptions& options) = 0;
  /// See Client::get_price_table.
  virtual std::future<Result<PriceTable>> get_price_table_async(const CallOptions& options) = 0;
  /// See Client::get_price_table; `done` is called exactly once (paygw::Completion).
  virtual void get_price_table_async(Completion<PriceTable> done, const CallOptions& options) = 0;
  /// See Client::check_serial.
  virtual Result<SerialCheck> check_serial(const SerialCheckRequest& request, const CallOptions& options) = 0;
  /// See Client::check_serial.
  virtual std::future<Result<SerialCheck>> check_serial_async(const SerialCheckRequest& request,
                                                              const CallOptions& options) = 0;
  /// See Client::check_serial; `done` is called exactly once (paygw::Completion).
  virtual void check_serial_async(const SerialCheckRequest& request, Completion<SerialCheck> done,
                                  const CallOptions& options) = 0;
  // END generated
};

}  // namespace paygw::charging
