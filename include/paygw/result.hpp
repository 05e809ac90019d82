// SPDX-License-Identifier: MIT
// paygw — Result<T> and Error: how every paygw call reports failure.
#pragma once

#include <paygw/export.hpp>

#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace paygw {

/// What went wrong, as one flat enum that is easy to switch on.
enum class ErrorCode {
  kInvalidArgument,   ///< A request or argument failed validation. Nothing was sent.
  kConfig,            ///< The client configuration is invalid. Nothing was sent.
  kConnect,           ///< DNS resolution or TCP connect failed.
  kTls,               ///< TLS handshake or certificate verification failed.
  kTimeout,           ///< A connect or total timeout fired.
  kNetwork,           ///< The connection failed while sending or receiving.
  kResponseTooLarge,  ///< The response body exceeded the transport's size cap.
  kHttpStatus,        ///< Non-2xx HTTP status without a provider business code.
  kAuth,              ///< The provider rejected the credentials (HTTP 401/403).
  kProvider,          ///< The provider answered with a business error code (see Error::provider_code).
  kMalformed,         ///< A response or callback body could not be parsed.
  kMissingSignature,  ///< A callback carried no signature.
  kBadTimestamp,      ///< A callback timestamp was missing, malformed or outside the allowed window.
  kInvalidSignature,  ///< A callback signature did not verify.
  kDecrypt,           ///< Ciphertext did not decrypt (wrong key, bad padding, or tampered).
  kCancelled,         ///< The caller cancelled the call (CallOptions::cancel); see Error::delivery.
  kInternal,          ///< A bug or an unexpected library failure (for example OpenSSL).
};

/// Stable lower-case name of an ErrorCode, e.g. "invalid_argument".
PAYGW_EXPORT std::string_view to_string(ErrorCode code) noexcept;

/// Whether a request may have reached the server. This is what decides whether a payment
/// may be sent again: only kNotSent is safe to resend blindly; after kMaybeSent the caller must
/// reconcile with the provider's query endpoint first.
enum class Delivery {
  kNotSent,    ///< Certainly not sent (validation, configuration, DNS/connect/TLS failure).
  kMaybeSent,  ///< May have reached the server, or certainly did (the server answered).
  /// Not about an outbound request at all: an inbound callback, webhook or IPN that failed
  /// verification or decoding (set by the verify/decode functions and the receive module).
  /// maybe_sent() is false and describe() prints no delivery for it.
  kInbound,
};

/// A failure. Messages never contain secrets (keys, tokens, signatures, card code/serial).
///
/// A plain value: copy it, store it, log describe(error) freely.
struct Error {
  ErrorCode code = ErrorCode::kInternal;   ///< What went wrong.
  std::string message;                     ///< One line for people: which field, which check, what the server said.
  Delivery delivery = Delivery::kNotSent;  ///< Whether the request may have reached the server.
  int http_status = 0;                     ///< HTTP status when the server answered, else 0.
  std::string provider_code;               ///< The provider's own result code, kept verbatim (e.g. Tingee "97").
  int attempts = 0;                        ///< How many times the request was handed to the transport.

  /// True when the request may have reached the server (see Delivery).
  bool maybe_sent() const noexcept { return delivery == Delivery::kMaybeSent; }

  /// True when the request may have been carried out and the answer does not prove it was not:
  /// before repeating a payment, reconcile with the provider's query endpoint. The table
  /// (docs/architecture.md, "What an answer to a write proves"; ADR 0034):
  /// - no answer (a failure after sending, a cancel or timeout in flight: http_status 0): unknown;
  /// - an unreadable answer (kMalformed, kDecrypt), whatever its status: unknown;
  /// - 2xx with the provider's own refusal (a business or validation code): not applied;
  /// - 400, 404, 405, 406, 410, 411, 413, 414, 415, 422, 431 — the request itself was refused as
  ///   malformed, unroutable or unacceptable, before any processing: not applied;
  /// - every other status — 1xx, 3xx (paygw follows no redirect; a 303 after a POST usually
  ///   means it was processed), 401 and 403 (a word, not a proof: ADR 0031), 407, 408, 409, 412,
  ///   421, 423, 425, 428, 429, 451 and any other 4xx, and 5xx: unknown.
  /// False whenever delivery is not kMaybeSent (nothing was sent, or an inbound error).
  bool outcome_unknown() const noexcept {
    if (delivery != Delivery::kMaybeSent) return false;
    if (code == ErrorCode::kMalformed || code == ErrorCode::kDecrypt || http_status == 0) return true;
    if (http_status >= 200 && http_status < 300) return false;
    switch (http_status) {
      case 400:  // Bad Request
      case 404:  // Not Found
      case 405:  // Method Not Allowed
      case 406:  // Not Acceptable
      case 410:  // Gone
      case 411:  // Length Required
      case 413:  // Content Too Large
      case 414:  // URI Too Long
      case 415:  // Unsupported Media Type
      case 422:  // Unprocessable Content
      case 431:  // Request Header Fields Too Large
        return false;
      default: return true;
    }
  }
};

/// Human-readable one-line description: "<code>: <message> (http 401, provider 97) [maybe sent]";
/// the delivery ("[not sent]" / "[maybe sent]") is left out for Delivery::kInbound.
/// Never fails; safe to log (an Error holds no secrets).
PAYGW_EXPORT std::string describe(const Error& error);

namespace detail {
/// Reports a misuse of Result (the value of a failure, or the error of a success) and aborts.
[[noreturn]] PAYGW_EXPORT void result_access_failed(const Error* error) noexcept;
}  // namespace detail

/// A value of type T or an Error. paygw never throws across its API; every fallible call
/// returns a Result. Accessing the value of a failed Result (or the error of a successful
/// one) is a programming error and aborts the process with a diagnostic.
///
/// Thread safety: like any value type — const access from several threads is safe, a Result
/// being modified (or moved from) must not be read at the same time.
///
/// @tparam T the value type; anything but Error.
template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::decay_t<T>, Error>, "Result<Error> is not meaningful");

 public:
  using value_type = T;  ///< The type of the value.

  // Two overloads rather than one by value: `return local;` then moves the local (C++17 only
  // moves into a constructor taking T&&), instead of copying it.
  /// A successful Result holding a copy of `value`.
  Result(const T& value) : state_(std::in_place_index<0>, value) {}  // NOLINT: implicit by design
  /// A successful Result holding `value` (moved in).
  Result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  /// A failed Result holding `error`.
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  /// True when this Result holds a value, false when it holds an Error.
  bool ok() const noexcept { return state_.index() == 0; }
  /// Same as ok(): `if (result) ...`.
  explicit operator bool() const noexcept { return ok(); }

  /// The value. Aborts the process (with the error's description) when this holds an Error:
  /// check ok() first, or use value_or().
  T& value() & {
    check_value();
    return std::get<0>(state_);
  }
  /// The value (read-only); aborts when this holds an Error.
  const T& value() const& {
    check_value();
    return std::get<0>(state_);
  }
  /// The value, moved out of this Result; aborts when this holds an Error.
  T&& value() && {
    check_value();
    return std::get<0>(std::move(state_));
  }

  /// value(): aborts when this holds an Error.
  T& operator*() & { return value(); }
  /// value(): aborts when this holds an Error.
  const T& operator*() const& { return value(); }
  /// The value, moved out: aborts when this holds an Error.
  T&& operator*() && { return std::move(*this).value(); }
  /// Member access to the value: aborts when this holds an Error.
  T* operator->() { return &value(); }
  /// Member access to the value: aborts when this holds an Error.
  const T* operator->() const { return &value(); }

  /// The value, or `fallback` when this Result holds an error.
  template <typename U>
  T value_or(U&& fallback) const& {
    return ok() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }
  /// The value (moved out), or `fallback` when this Result holds an error.
  template <typename U>
  T value_or(U&& fallback) && {
    return ok() ? std::get<0>(std::move(state_)) : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error. Aborts the process when this Result holds a value: check ok() first.
  const Error& error() const& {
    if (ok()) detail::result_access_failed(nullptr);
    return std::get<1>(state_);
  }
  /// The error, moved out of this Result; aborts when this holds a value.
  Error&& error() && {
    if (ok()) detail::result_access_failed(nullptr);
    return std::get<1>(std::move(state_));
  }

 private:
  void check_value() const {
    if (!ok()) detail::result_access_failed(&std::get<1>(state_));
  }
  std::variant<T, Error> state_;
};

/// Result of an operation that produces no value: success, or an Error.
/// Thread safety: as Result<T>.
template <>
class [[nodiscard]] Result<void> {
 public:
  /// A success.
  Result() = default;
  /// A failure holding `error`.
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  /// True on success.
  bool ok() const noexcept { return ok_; }
  /// Same as ok().
  explicit operator bool() const noexcept { return ok_; }
  /// The error. Aborts the process on a success: check ok() first.
  const Error& error() const& {
    if (ok_) detail::result_access_failed(nullptr);
    return error_;
  }
  /// The error, moved out; aborts on a success.
  Error&& error() && {
    if (ok_) detail::result_access_failed(nullptr);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

/// Convenience for building an Error value (http_status, provider_code and attempts stay 0/empty).
inline Error make_error(ErrorCode code, std::string message, Delivery delivery = Delivery::kNotSent) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  e.delivery = delivery;
  return e;
}

}  // namespace paygw
