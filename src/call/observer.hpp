// SPDX-License-Identifier: MIT
// Internal: calling an Observer safely (a throwing observer changes nothing), and the
// attributes the pipeline derives from a request URL.
#pragma once

#include <paygw/observer.hpp>

#include <string>
#include <string_view>

namespace paygw::detail {

/// The host of an absolute URL ("https://user@api.example.vn:8443/x?y" -> "api.example.vn";
/// "http://[::1]:80/" -> "::1"), without user information, port, path or query; "" when none.
std::string server_address_of(std::string_view url);

/// Calls observer.on_call(event); anything it throws is caught and ignored.
void notify_call(Observer& observer, const CallEvent& event) noexcept;
/// Calls observer.on_delivery(event); anything it throws is caught and ignored.
void notify_delivery(Observer& observer, const DeliveryEvent& event) noexcept;
/// Calls observer.on_alert(event); anything it throws is caught and ignored.
void notify_alert(Observer& observer, const AlertEvent& event) noexcept;

}  // namespace paygw::detail
