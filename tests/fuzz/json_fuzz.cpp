// SPDX-License-Identifier: MIT
// libFuzzer target: json::parse_fast against nlohmann's parser. Whatever the fast path accepts,
// nlohmann accepts with the same document (types, values bit for bit, member order); json::parse
// gives nlohmann's verdict. A difference aborts (a finding).
#include "../support/json_same.hpp"
#include "json/json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using paygw::detail::json::Json;

using paygw::test::same_json;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Json reference = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (const auto fast = paygw::detail::json::parse_fast(text)) {
    if (reference.is_discarded() || !same_json(*fast, reference)) std::abort();
  }
  if (paygw::detail::json::parse(text).ok() == reference.is_discarded()) std::abort();
  return 0;
}
