// SPDX-License-Identifier: MIT
// paygw — Tingee shops: request and response types of shop/create-or-update and shop/get-paging.
//
// Same conventions as paygw/tingee/models.hpp. Texts paygw sends are checked first (no control
// characters, length bounds of ADR 0048).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tingee {

/// A Zalo recipient of a shop's payment notifications (SendNotifyZaloDto).
struct ZaloRecipient {
  std::string type;  ///< Required: "phone-number" or "group" (ZaloTypeEnum).
  std::string name;  ///< Required: the phone number or group name.
};

/// A device that announces a shop's payments (`tingeeBoxDtos` item).
struct NotifyDevice {
  std::string type;  ///< Required: DeviceTypeEnum, e.g. "tingee-box-3ls".
  std::string uuid;  ///< Required: the device's id.
};

/// Where a shop's payment notifications go (SendNotifyPlatformDto). When set on a request, all
/// four lists are sent (possibly empty), as the DTO requires.
struct NotifyPlatforms {
  std::vector<std::int64_t> telegram_chat_ids;  ///< `telegramDtos[].chatId` (non-zero; groups are negative).
  std::vector<std::string> lark_webhook_urls;   ///< `larkDtos[].urlWebhook` (up to 2048 bytes each).
  std::vector<ZaloRecipient> zalo;              ///< `zaloDtos`.
  std::vector<NotifyDevice> tingee_boxes;       ///< `tingeeBoxDtos`.
};

/// POST /v1/shop/create-or-update — creates a shop, or updates the one `id` names (a write).
/// Body: OpenApiCreateOrUpdateShopDto. Answer: ShopSaved.
struct CreateOrUpdateShopRequest {
  std::optional<std::int64_t> id;         ///< The shop to update (> 0); unset creates one.
  std::string name;                       ///< Required (`name`).
  std::string email;                      ///< `email`.
  std::string phone_number;               ///< `phoneNumber`.
  std::string province_id;                ///< `provinceId`.
  std::string district_id;                ///< `districtId`.
  std::string commune_id;                 ///< `communeId`.
  std::string address;                    ///< `address` (up to 2048 bytes).
  std::string full_address;               ///< `fullAddress` (up to 2048 bytes).
  std::optional<NotifyPlatforms> notify;  ///< `sendNotifyPlatformDto`.
  bool is_active = true;                  ///< Required (`isActive`).
  /// `status`: "notConnectedDevice", "delivering", "delivered", "connectedDevice", "linkedVa",
  /// "linkedVaNoDevice" (open string; empty: not sent).
  std::string status;
  std::string user_referral_ancestor_ids;           ///< `userReferralAncestorIds`.
  std::optional<std::int64_t> user_referral_level;  ///< `userReferralLevel`, >= 0.
  std::string device_distributor_ancestor_map;      ///< `deviceDistributorAncestorMap`.
  std::optional<std::int64_t> merchant_id;          ///< Required for Master Merchant credentials.
};

/// Answer of create-or-update (OpenApiCreateOrUpdateShopOutputDto). shop_id is present (else kMalformed).
struct ShopSaved {
  std::int64_t shop_id = 0;  ///< `shopId`: the shop created or updated.
  std::string message;       ///< The provider's message, verbatim.
};

/// POST /v1/shop/get-paging — lists the merchant's shops (a read).
struct GetShopPagingRequest {
  std::string filter;                       ///< Optional keyword.
  std::string sorting;                      ///< Optional.
  std::int64_t skip_count = 0;              ///< Offset, >= 0.
  std::int64_t max_result_count = 10;       ///< Page size, 1..1000.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// A shop of get-paging (OpenApiGetShopPagedOuputDto). id is present (else kMalformed).
struct Shop {
  std::int64_t id = 0;            ///< `id`.
  std::optional<bool> is_active;  ///< `isActive`.
  std::string name;               ///< `name`.
  std::string address;            ///< `address`.
};

/// One page of shop/get-paging.
struct ShopPage {
  std::optional<std::int64_t> total_count;  ///< `totalCount`; unset when Tingee omits it.
  std::vector<Shop> items;                  ///< This page's shops.
  std::string message;                      ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee
