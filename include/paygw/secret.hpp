// paygw — Secret: a string that is never printed and is wiped when destroyed.
#pragma once

#include <paygw/export.hpp>

#include <string>
#include <string_view>

namespace paygw {

/// Holds key material (API secrets, partner keys, tokens). It has no stream operator and no
/// implicit conversion, so it cannot end up in a log line or an error message by accident;
/// the only way to the bytes is the explicitly named reveal(). The buffer is zeroed on
/// destruction and on assignment.
///
/// Thread safety: const member functions may be called concurrently.
class PAYGW_EXPORT Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret& other) = default;
  Secret(Secret&& other);
  Secret& operator=(const Secret& other);
  Secret& operator=(Secret&& other);
  ~Secret();

  /// The secret bytes. Call only where the bytes are needed (signing, encryption).
  const std::string& reveal() const noexcept { return value_; }
  bool empty() const noexcept { return value_.empty(); }
  std::size_t size() const noexcept { return value_.size(); }

 private:
  void wipe() noexcept;
  std::string value_;
};

}  // namespace paygw
