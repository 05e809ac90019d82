// SPDX-License-Identifier: MIT
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
  /// An empty secret (clients reject an empty required secret with kConfig).
  Secret() = default;
  /// Takes ownership of `value`; pass it moved (`Secret(std::move(key))`) to leave no copy behind.
  explicit Secret(std::string value) : value_(std::move(value)) {}
  /// A copy of `other`'s bytes (wiped in turn when the copy is destroyed).
  Secret(const Secret& other) = default;
  /// Takes `other`'s bytes; `other` is left empty and wiped.
  Secret(Secret&& other);
  /// Wipes this secret's bytes, then copies `other`'s.
  Secret& operator=(const Secret& other);
  /// Wipes this secret's bytes, then takes `other`'s; `other` is left empty and wiped.
  Secret& operator=(Secret&& other);
  /// Zeroes the bytes before the memory is released.
  ~Secret();

  /// The secret bytes. Call only where the bytes are needed (signing, encryption).
  const std::string& reveal() const noexcept { return value_; }
  /// True when the secret holds no bytes.
  bool empty() const noexcept { return value_.empty(); }
  /// The number of bytes (not secret: a key's length is public knowledge).
  std::size_t size() const noexcept { return value_.size(); }

 private:
  void wipe() noexcept;
  std::string value_;
};

}  // namespace paygw
