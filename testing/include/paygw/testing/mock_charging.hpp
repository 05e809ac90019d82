// SPDX-License-Identifier: MIT
// paygw::testing — a gmock mock of the card-charging connection.
#pragma once

#include <paygw/charging/client.hpp>

#include <gmock/gmock.h>

#include <future>

namespace paygw::testing {

/// A gmock mock of charging::Connection, for testing the merchant's own code without a server
/// and without forging a single signature or ciphertext: keep a shared_ptr to the mock, wrap it
/// in a charging::Client (`charging::Client client(mock)`), and script results with
/// EXPECT_CALL / ON_CALL — for example an Error with Delivery::kMaybeSent, to test how the code
/// reconciles an unknown outcome. The future form of an `_async` method returns a std::future
/// (see make_ready_future() in paygw/testing/mocks.hpp); its callback form is scripted with
/// `InvokeArgument<N>(result)`, N the position of its Completion. The methods are generated from
/// src/charging/endpoints.rows (ADR 0042). Thread safety: as any gmock mock (set expectations first).
class MockChargingConnection : public charging::Connection {
 public:
  // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
  MOCK_METHOD(Result<charging::ChargeResult>, submit, (const charging::CardRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<charging::ChargeResult>>, submit_async,
              (const charging::CardRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, submit_async,
              (const charging::CardRequest&, Completion<charging::ChargeResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<charging::ChargeResult>, check, (const charging::CardRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<charging::ChargeResult>>, check_async,
              (const charging::CardRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, check_async, (const charging::CardRequest&, Completion<charging::ChargeResult>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<charging::FeeTable>, get_fees, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<charging::FeeTable>>, get_fees_async, (const CallOptions&), (override));
  MOCK_METHOD(void, get_fees_async, (Completion<charging::FeeTable>, const CallOptions&), (override));
  MOCK_METHOD(Result<charging::PriceTable>, get_price_table, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<charging::PriceTable>>, get_price_table_async, (const CallOptions&), (override));
  MOCK_METHOD(void, get_price_table_async, (Completion<charging::PriceTable>, const CallOptions&), (override));
  MOCK_METHOD(Result<charging::SerialCheck>, check_serial, (const charging::SerialCheckRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<charging::SerialCheck>>, check_serial_async,
              (const charging::SerialCheckRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, check_serial_async,
              (const charging::SerialCheckRequest&, Completion<charging::SerialCheck>, const CallOptions&), (override));
  // END generated
};

}  // namespace paygw::testing
