// SPDX-License-Identifier: MIT
// Internal: Tingee deep links — request building/validation and response parsing (pure
// functions, no I/O). Same contract as tingee/codec.hpp.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/deep_links.hpp>

#include "json/json.hpp"

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const GenerateDeepLinkRequest& r);
Result<Json> build(const GenerateDeepLinkBidvTestRequest& r);

/// Both deep-link endpoints: `data` is a non-empty string.
Result<DeepLink> parse_deep_link(const Json& envelope);

}  // namespace paygw::tingee::detail
