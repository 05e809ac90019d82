// SPDX-License-Identifier: MIT
// libFuzzer target: json::parse_fast against nlohmann's parser. Whatever the fast path accepts,
// nlohmann accepts with the same document (types, values bit for bit, member order); json::parse
// gives nlohmann's verdict. A difference aborts (a finding).
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

bool same(const Json& first, const Json& second) {
  std::vector<std::pair<const Json*, const Json*>> pending{{&first, &second}};  // no recursion: deep documents
  while (!pending.empty()) {
    const auto [a, b] = pending.back();
    pending.pop_back();
    if (a->type() != b->type()) return false;
    switch (a->type()) {
      case Json::value_t::object: {
        if (a->size() != b->size()) return false;
        auto j = b->items().begin();
        for (auto i = a->items().begin(); i != a->items().end(); ++i, ++j) {
          if (i.key() != j.key()) return false;
          pending.emplace_back(&i.value(), &j.value());
        }
        break;
      }
      case Json::value_t::array:
        if (a->size() != b->size()) return false;
        for (std::size_t k = 0; k < a->size(); ++k) pending.emplace_back(&(*a)[k], &(*b)[k]);
        break;
      case Json::value_t::number_float: {
        const double x = a->get<double>(), y = b->get<double>();
        if (std::memcmp(&x, &y, sizeof x) != 0) return false;
        break;
      }
      default:
        if (*a != *b) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Json reference = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (const auto fast = paygw::detail::json::parse_fast(text)) {
    if (reference.is_discarded() || !same(*fast, reference)) std::abort();
  }
  if (paygw::detail::json::parse(text).ok() == reference.is_discarded()) std::abort();
  return 0;
}
