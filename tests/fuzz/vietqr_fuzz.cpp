// SPDX-License-Identifier: MIT
// libFuzzer target for the VietQR parser (and the diacritics filter it shares with the builder).
// Invariants checked: no crash/UB on any input; a string that parses has its CRC in 63 and a
// NAPAS QR that parses rebuilds (with its BIN/account/amount) into a string that parses again.
#include <paygw/vietqr.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  paygw::vietqr::Problem problem = paygw::vietqr::Problem::kNone;
  auto info = paygw::vietqr::parse(input, &problem);
  if (info.ok() != (problem == paygw::vietqr::Problem::kNone)) std::abort();
  if (info.ok() && info->guid == paygw::vietqr::kNapasGuid) {
    paygw::vietqr::BuildRequest r;
    r.bin = info->bin;
    r.account = info->account;
    r.amount = info->amount;
    auto rebuilt = paygw::vietqr::build(r);
    if (rebuilt.ok() && !paygw::vietqr::parse(*rebuilt).ok()) std::abort();
  }
  (void)paygw::vietqr::to_ascii(input);
  return 0;
}
