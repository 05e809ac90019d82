// SPDX-License-Identifier: MIT
// Internal: Tingee direct debit — request building/validation and response parsing (pure
// functions, no I/O). Same contract as tingee/codec.hpp and tingee/codec_va.hpp.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/direct_debit.hpp>

#include "json/json.hpp"

#include <string>

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const DirectDebitRegisterRequest& r);
Result<Json> build(const DirectDebitPaymentBillRequest& r);
/// The JSON body of DELETE /v1/direct-debit/delete-subscription.
Result<Json> build(const DirectDebitDeleteSubscriptionRequest& r);
Result<Json> build(const DirectDebitRefundRequest& r);
/// The JSON body of PUT /v1/direct-debit/edit-confirm-payment-method.
Result<Json> build(const DirectDebitEditConfirmPaymentMethodRequest& r);
// Query strings (with leading '?') of the GET reads; their signed body is `{}`.
Result<std::string> build_query(const DirectDebitSubscriptionStatusRequest& r);
Result<std::string> build_query(const DirectDebitTransactionStatusRequest& r);
Result<std::string> build_query(const DirectDebitTransactionPagingRequest& r);

/// register, edit-confirm-payment-method: `data` is a non-empty string.
Result<DirectDebitLink> parse_direct_debit_link(const Json& envelope);
Result<PaymentBillResult> parse_payment_bill(const Json& envelope);
Result<DeleteSubscriptionResult> parse_delete_subscription(const Json& envelope);
Result<RefundResult> parse_refund(const Json& envelope);
Result<SubscriptionStatus> parse_subscription_status(const Json& envelope);
Result<DirectDebitTransactionStatus> parse_direct_debit_transaction_status(const Json& envelope);
Result<DirectDebitTransactionPage> parse_direct_debit_transaction_page(const Json& envelope);

}  // namespace paygw::tingee::detail
