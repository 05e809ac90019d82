// SPDX-License-Identifier: MIT
#include "call/observer.hpp"

namespace paygw::detail {

std::string server_address_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return {};
    return std::string(authority.substr(1, close - 1));
  }
  return std::string(authority.substr(0, authority.find(':')));
}

void notify_call(Observer& observer, const CallEvent& event) noexcept {
  try {
    observer.on_call(event);
  } catch (...) {
    // An observer never changes a call's result (ADR 0040).
  }
}

void notify_delivery(Observer& observer, const DeliveryEvent& event) noexcept {
  try {
    observer.on_delivery(event);
  } catch (...) {
    // An observer never changes a delivery's reply (ADR 0040).
  }
}

void notify_alert(Observer& observer, const AlertEvent& event) noexcept {
  try {
    observer.on_alert(event);
  } catch (...) {
    // An alert observer that throws loses its event, nothing else.
  }
}

}  // namespace paygw::detail
