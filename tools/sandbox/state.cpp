// paygw-sandbox — the simulated world (see state.hpp).
#include "state.hpp"

#include <chrono>

namespace paygw::sandbox {

void State::add_demo_devices() {
  tingee_devices["DEMO-BOX-3LS"] = TingeeDevice{"tingee-box-3ls", "123456", true, nullptr};
  tingee_devices["DEMO-BOX-6XS"] = TingeeDevice{"tingee-box-6xs", "123456", false, nullptr};
  tingee_devices["DEMO-BOX-MAX"] = TingeeDevice{"tingee-box-max", "123456", true, nullptr};
  tconnect_devices["POS-0001"] = TconnectDevice{"pos", nullptr};
  tconnect_devices["SB-0001"] = TconnectDevice{"soundbox", nullptr};
}

void State::record(const std::string& provider, const std::string& device, const std::string& event, Json detail,
                   bool on_screen) {
  if (on_screen) {
    const long long at =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const Json screen = {{"event", event}, {"detail", detail}, {"at_ms", at}};
    if (auto t = tingee_devices.find(device); t != tingee_devices.end()) t->second.screen = screen;
    if (auto c = tconnect_devices.find(device); c != tconnect_devices.end()) c->second.screen = screen;
  }
  Json e = {{"provider", provider}};
  if (!device.empty()) e["device"] = device;
  e["event"] = event;
  if (!detail.is_null()) e["detail"] = std::move(detail);
  events.push_back(std::move(e));
}

Json State::devices_json() const {
  Json out = Json::array();
  for (const auto& [uuid, d] : tingee_devices) {
    out.push_back(
        {{"provider", "tingee"}, {"device", uuid}, {"type", d.type}, {"linked", d.linked}, {"screen", d.screen}});
  }
  for (const auto& [serial, d] : tconnect_devices) {
    out.push_back({{"provider", "tconnect"}, {"device", serial}, {"type", d.type}, {"screen", d.screen}});
  }
  return out;
}

}  // namespace paygw::sandbox
