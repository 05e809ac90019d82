// Internal: the one place where a provider client hands a request to the transport.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/result.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace paygw::detail {

/// Per-attempt preparation (signing with a fresh timestamp); runs right before each send.
using PrepareFn = std::function<Result<void>(http::Request&)>;

/// Sends provider requests and writes the redacted log lines.
///
/// One attempt per call today; retries (issue "Reliability") will loop here, calling `prepare`
/// again for each attempt over the same body bytes.
class Executor {
 public:
  Executor(std::shared_ptr<http::Transport> transport, Logger logger, std::string provider)
      : transport_(std::move(transport)), logger_(std::move(logger)), provider_(std::move(provider)) {}

  /// Prepares and sends `request`. Transport errors come back with Error::attempts set.
  Result<http::Response> send(http::Request request, const PrepareFn& prepare) const;

  const Logger& logger() const { return logger_; }
  void log(LogLevel level, std::string_view message) const;

 private:
  std::shared_ptr<http::Transport> transport_;
  Logger logger_;
  std::string provider_;
};

/// Headers as "name: value" pairs joined by ", ", with every value whose name is not on the
/// log allow-list replaced by "<redacted>".
std::string redacted_headers(const http::Headers& headers);

}  // namespace paygw::detail
