// SPDX-License-Identifier: MIT
#include <paygw/result.hpp>

#include <cstdio>
#include <cstdlib>

namespace paygw {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kConfig: return "config";
    case ErrorCode::kConnect: return "connect";
    case ErrorCode::kTls: return "tls";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kNetwork: return "network";
    case ErrorCode::kResponseTooLarge: return "response_too_large";
    case ErrorCode::kHttpStatus: return "http_status";
    case ErrorCode::kAuth: return "auth";
    case ErrorCode::kProvider: return "provider";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kMissingSignature: return "missing_signature";
    case ErrorCode::kBadTimestamp: return "bad_timestamp";
    case ErrorCode::kInvalidSignature: return "invalid_signature";
    case ErrorCode::kDecrypt: return "decrypt";
    case ErrorCode::kCancelled: return "cancelled";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string describe(const Error& error) {
  std::string out(to_string(error.code));
  out += ": ";
  out += error.message;
  if (error.http_status != 0 || !error.provider_code.empty()) {
    out += " (";
    if (error.http_status != 0) out += "http " + std::to_string(error.http_status);
    if (error.http_status != 0 && !error.provider_code.empty()) out += ", ";
    if (!error.provider_code.empty()) out += "provider " + error.provider_code;
    out += ")";
  }
  switch (error.delivery) {
    case Delivery::kNotSent: out += " [not sent]"; break;
    case Delivery::kMaybeSent: out += " [maybe sent]"; break;
    case Delivery::kInbound: break;  // an inbound delivery was rejected: no request of ours to speak of
  }
  return out;
}

namespace detail {
void result_access_failed(const Error* error) noexcept {
  if (error != nullptr) {
    std::fprintf(stderr, "paygw: value() called on a failed Result: %s\n", describe(*error).c_str());
  } else {
    std::fprintf(stderr, "paygw: error() called on a successful Result\n");
  }
  std::abort();
}
}  // namespace detail

}  // namespace paygw
