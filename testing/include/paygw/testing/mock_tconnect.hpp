// SPDX-License-Identifier: MIT
// paygw::testing — a gmock mock of the TConnect connection.
#pragma once

#include <paygw/tconnect/client.hpp>

#include <gmock/gmock.h>

#include <future>

namespace paygw::testing {

/// A gmock mock of tconnect::Connection, for testing the merchant's own code without a server
/// and without forging a single signature or ciphertext: keep a shared_ptr to the mock, wrap it
/// in a tconnect::Client (`tconnect::Client client(mock)`), and script results with
/// EXPECT_CALL / ON_CALL — for example an Error with Delivery::kMaybeSent, to test how the code
/// reconciles an unknown outcome. The future form of an `_async` method returns a std::future
/// (see make_ready_future() in paygw/testing/mocks.hpp); its callback form is scripted with
/// `InvokeArgument<N>(result)`, N the position of its Completion. The methods are generated from
/// src/tconnect/endpoints.rows (ADR 0042). Thread safety: as any gmock mock (set expectations first).
class MockTconnectConnection : public tconnect::Connection {
 public:
  // BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
  MOCK_METHOD(Result<void>, authenticate, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<void>>, authenticate_async, (const CallOptions&), (override));
  MOCK_METHOD(void, authenticate_async, (Completion<void>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::PushResult>, push_payment, (const tconnect::PosPush&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::PushResult>>, push_payment_async,
              (const tconnect::PosPush&, const CallOptions&), (override));
  MOCK_METHOD(void, push_payment_async,
              (const tconnect::PosPush&, Completion<tconnect::PushResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::PushResult>, push_payment, (const tconnect::SoundboxPush&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tconnect::PushResult>>, push_payment_async,
              (const tconnect::SoundboxPush&, const CallOptions&), (override));
  MOCK_METHOD(void, push_payment_async,
              (const tconnect::SoundboxPush&, Completion<tconnect::PushResult>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::ServiceList>, get_services, (const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::ServiceList>>, get_services_async, (const CallOptions&), (override));
  MOCK_METHOD(void, get_services_async, (Completion<tconnect::ServiceList>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::VirtualAccount>, create_va, (const tconnect::CreateVaRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tconnect::VirtualAccount>>, create_va_async,
              (const tconnect::CreateVaRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, create_va_async,
              (const tconnect::CreateVaRequest&, Completion<tconnect::VirtualAccount>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::Qr>, create_qr, (const tconnect::CreateQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::Qr>>, create_qr_async,
              (const tconnect::CreateQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, create_qr_async, (const tconnect::CreateQrRequest&, Completion<tconnect::Qr>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tconnect::TransactionPage>, get_qr_transactions,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::TransactionPage>>, get_qr_transactions_async,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(void, get_qr_transactions_async,
              (const tconnect::TransactionQuery&, Completion<tconnect::TransactionPage>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tconnect::TransactionPage>, get_card_transactions,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::TransactionPage>>, get_card_transactions_async,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(void, get_card_transactions_async,
              (const tconnect::TransactionQuery&, Completion<tconnect::TransactionPage>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tconnect::TransactionPage>, get_cash_transactions,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::TransactionPage>>, get_cash_transactions_async,
              (const tconnect::TransactionQuery&, const CallOptions&), (override));
  MOCK_METHOD(void, get_cash_transactions_async,
              (const tconnect::TransactionQuery&, Completion<tconnect::TransactionPage>, const CallOptions&),
              (override));
  MOCK_METHOD(Result<tconnect::Qr>, generate_qr, (const tconnect::GenerateQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(std::future<Result<tconnect::Qr>>, generate_qr_async,
              (const tconnect::GenerateQrRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, generate_qr_async,
              (const tconnect::GenerateQrRequest&, Completion<tconnect::Qr>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::OrderStatus>, order_status, (const tconnect::OrderStatusRequest&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tconnect::OrderStatus>>, order_status_async,
              (const tconnect::OrderStatusRequest&, const CallOptions&), (override));
  MOCK_METHOD(void, order_status_async,
              (const tconnect::OrderStatusRequest&, Completion<tconnect::OrderStatus>, const CallOptions&), (override));
  MOCK_METHOD(Result<tconnect::IpnConfirmation>, confirm_ipn, (const tconnect::IpnNotification&, const CallOptions&),
              (override));
  MOCK_METHOD(std::future<Result<tconnect::IpnConfirmation>>, confirm_ipn_async,
              (const tconnect::IpnNotification&, const CallOptions&), (override));
  MOCK_METHOD(void, confirm_ipn_async,
              (const tconnect::IpnNotification&, Completion<tconnect::IpnConfirmation>, const CallOptions&),
              (override));
  // END generated
};

}  // namespace paygw::testing
