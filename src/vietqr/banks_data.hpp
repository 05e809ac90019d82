// SPDX-License-Identifier: MIT
// Internal: the compiled-in bank list (src/vietqr/banks.tsv, embedded by CMake into banks_data.cpp).
#pragma once

#include <string_view>

namespace paygw::vietqr::detail {

/// The text of src/vietqr/banks.tsv as it was at configure time.
std::string_view builtin_banks_tsv() noexcept;

}  // namespace paygw::vietqr::detail
