// SPDX-License-Identifier: MIT
#include "vietqr/payment_qr.hpp"

#include <paygw/vietqr.hpp>

#include <string>

namespace paygw::detail {

Result<void> check_payment_qr(std::string_view field, std::string_view qr, Vnd amount) {
  auto info = vietqr::parse(qr);
  if (!info) return make_error(ErrorCode::kInvalidArgument, std::string(field) + ": " + info.error().message);
  if (info->amount && *info->amount != amount) {
    return make_error(ErrorCode::kInvalidArgument, std::string(field) + ": the QR's amount (tag 54) " +
                                                       std::to_string(*info->amount) +
                                                       " differs from the request's amount " + std::to_string(amount));
  }
  return {};
}

}  // namespace paygw::detail
