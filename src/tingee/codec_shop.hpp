// SPDX-License-Identifier: MIT
// Internal: Tingee shops — request building/validation and response parsing (pure functions,
// no I/O). Same contract as tingee/codec.hpp.
#pragma once

#include <paygw/result.hpp>
#include <paygw/tingee/shops.hpp>

#include "json/json.hpp"

namespace paygw::tingee::detail {

using paygw::detail::json::Json;

Result<Json> build(const CreateOrUpdateShopRequest& r);
Result<Json> build(const GetShopPagingRequest& r);

Result<ShopSaved> parse_shop_saved(const Json& envelope);
Result<ShopPage> parse_shop_page(const Json& envelope);

}  // namespace paygw::tingee::detail
