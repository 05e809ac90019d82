// SPDX-License-Identifier: MIT
// Internal: one endpoint row, for every provider (ADR 0042). The rows themselves are written by
// tools/codegen from src/<provider>/endpoints.rows into src/<provider>/endpoints.hpp; each
// provider's Protocol encodes, routes and parses a row (encode/route/parser).
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>

#include <string>
#include <string_view>

namespace paygw::detail {

/// One endpoint: how a `Req` is sent and its answer read as a `Res`.
///
/// `Body` is the provider's parsed answer (JSON), `Extra` what only that provider needs (a path
/// group, an envelope step, a configurable path, a bearer flag, a header function, a command
/// field: each provider's protocol.hpp says), `Build` the codec's body builder (by default
/// `Result<Body>(*)(const Req&)`; a provider whose body needs its Config names another type).
/// Rows are constexpr aggregates: no state, thread-safe.
template <typename Req, typename Res, typename Body, typename Extra, typename Build = Result<Body> (*)(const Req&)>
struct Endpoint {
  using Request = Req;
  using Response = Res;

  http::Method method = http::Method::kPost;
  /// The path, as the provider's protocol reads it (absolute, after a configurable prefix, or
  /// the default of a configurable path).
  std::string_view path;
  Idempotency idempotency = Idempotency::kWrite;       ///< Every row names it; the safe one otherwise.
  Build build = nullptr;                               ///< The validated body; nullptr = none.
  Result<Res> (*parse)(const Body& body) = nullptr;    ///< The typed result of an accepted answer.
  Result<std::string> (*query)(const Req&) = nullptr;  ///< Query string ("?a=b"); nullptr = none.
  Extra extra{};                                       ///< The provider's own fields.
};

}  // namespace paygw::detail
