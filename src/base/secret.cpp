// SPDX-License-Identifier: MIT
#include <paygw/secret.hpp>

#include <cstddef>

namespace paygw {
namespace {

// Overwrites `size` bytes at `data` with zeros through a volatile pointer: the compiler must
// perform every store, even to memory about to be freed (what OPENSSL_cleanse guarantees, without
// making this base file depend on OpenSSL, ADR 0043).
void secure_zero(char* data, std::size_t size) noexcept {
  volatile char* p = data;
  for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}

}  // namespace

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
  if (!value_.empty()) secure_zero(value_.data(), value_.size());
  value_.clear();
}

}  // namespace paygw
