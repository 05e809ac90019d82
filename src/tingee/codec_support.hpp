// SPDX-License-Identifier: MIT
// Internal: helpers shared by the Tingee codec files (codec.cpp, codec_bills.cpp,
// codec_devices.cpp): request validation and response-error construction.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/models.hpp>

#include "json/json.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace paygw::tingee::detail::support {

using paygw::detail::json::Json;

/// Collects the first failed precondition of a request.
class Validator {
 public:
  Validator& require(bool condition, std::string_view message) {
    if (!failed_ && !condition) {
      failed_ = true;
      message_ = message;
    }
    return *this;
  }
  bool failed() const { return failed_; }
  Error error() const { return make_error(ErrorCode::kInvalidArgument, message_); }

 private:
  bool failed_ = false;
  std::string message_;
};

inline bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
/// Empty (not sent) or a 6-digit NAPAS BIN.
inline bool valid_bin(const std::string& bin) { return bin.empty() || (bin.size() == 6 && is_digits(bin)); }
/// An amount paygw sends: 1..kMaxAmount VND (the messages print it as a number).
static_assert(kMaxAmount == 9'007'199'254'740'991, "update the amount messages of codec.cpp and codec_bills.cpp");
inline bool valid_amount(std::int64_t amount) { return amount > 0 && amount <= kMaxAmount; }
/// Unset, or a positive id.
inline bool valid_id(const std::optional<std::int64_t>& id) { return !id || *id > 0; }
inline bool positive_if_set(const std::optional<std::int64_t>& v) { return !v || *v > 0; }

/// An error about a response the server produced (so the request was delivered).
inline Error response_error(ErrorCode code, std::string message, int status, std::string provider_code = {}) {
  Error e = make_error(code, std::move(message), Delivery::kMaybeSent);
  e.http_status = status;
  e.provider_code = std::move(provider_code);
  return e;
}

/// kMalformed for a 2xx envelope whose content is not what the endpoint documents.
inline Error malformed(std::string message) { return response_error(ErrorCode::kMalformed, std::move(message), 200); }

/// The envelope's `data` member, or a null Json when it is absent or null.
inline const Json& data_of(const Json& envelope) {
  static const Json kNull;
  const Json* d = paygw::detail::json::member(envelope, "data");
  return d != nullptr ? *d : kNull;
}

}  // namespace paygw::tingee::detail::support
