// SPDX-License-Identifier: MIT
#include <paygw/secret.hpp>

#include <openssl/crypto.h>

namespace paygw {

// Moves copy and then wipe the source: a moved-from short string may keep its bytes in the
// small-string buffer. A copy may allocate, so the moves are not noexcept (the header says so).
// NOLINTNEXTLINE(performance-move-constructor-init,performance-noexcept-move-constructor)
Secret::Secret(Secret&& other) : value_(other.value_) { other.wipe(); }

Secret& Secret::operator=(const Secret& other) {
  if (this != &other) {
    wipe();
    value_ = other.value_;
  }
  return *this;
}

Secret& Secret::operator=(Secret&& other) {  // NOLINT(performance-noexcept-move-constructor): copies
  if (this != &other) {
    wipe();
    value_ = other.value_;
    other.wipe();
  }
  return *this;
}

Secret::~Secret() { wipe(); }

void Secret::wipe() noexcept {
  if (!value_.empty()) OPENSSL_cleanse(value_.data(), value_.size());
  value_.clear();
}

}  // namespace paygw
