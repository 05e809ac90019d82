// SPDX-License-Identifier: MIT
// Strict equality of two nlohmann documents, for the tests that hold json::parse_fast to
// nlohmann's parser: same value types (nlohmann's operator== calls 1u and 1, 0.0 and -0.0 equal),
// doubles bit for bit, strings, member order. Iterative, so deep documents do not overflow.
#pragma once

#include "json/json.hpp"

#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace paygw::test {

inline bool same_json(const detail::json::Json& first, const detail::json::Json& second) {
  using Json = detail::json::Json;
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

}  // namespace paygw::test
