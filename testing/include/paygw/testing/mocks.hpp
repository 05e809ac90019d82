// SPDX-License-Identifier: MIT
// paygw::testing — the gmock mocks of every provider connection, and a ready future for them.
#pragma once

#include <paygw/result.hpp>
#include <paygw/testing/mock_charging.hpp>
#include <paygw/testing/mock_tconnect.hpp>
#include <paygw/testing/mock_tingee.hpp>

#include <future>
#include <utility>

namespace paygw::testing {

/// A future that is already ready with `result` — what a mocked `_async` call returns, e.g.
/// `EXPECT_CALL(mock, show_qr_code_async(_, _)).WillOnce(Return(ByMove(make_ready_future(Result<tingee::Ack>(ack)))))`.
template <typename T>
std::future<Result<T>> make_ready_future(Result<T> result) {
  std::promise<Result<T>> promise;
  promise.set_value(std::move(result));
  return promise.get_future();
}

}  // namespace paygw::testing
