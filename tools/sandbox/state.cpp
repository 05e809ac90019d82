// SPDX-License-Identifier: MIT
// paygw-sandbox — the simulated world (see state.hpp).
#include "state.hpp"

#include "screens.hpp"

#include <chrono>

namespace paygw::sandbox {

long long State::first_id() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void State::add_demo_devices() {
  tingee_devices["DEMO-BOX-3LS"] = TingeeDevice{"tingee-box-3ls", "123456", true, nullptr};
  tingee_devices["DEMO-BOX-6XS"] = TingeeDevice{"tingee-box-6xs", "123456", false, nullptr};
  tingee_devices["DEMO-BOX-MAX"] = TingeeDevice{"tingee-box-max", "123456", true, nullptr};
  tconnect_devices["POS-0001"] = TconnectDevice{"pos", nullptr};
  tconnect_devices["SB-0001"] = TconnectDevice{"soundbox", nullptr};
}

void State::record(const std::string& provider, const std::string& device, const std::string& event, Json detail,
                   bool on_screen) {
  const long long at =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  if (on_screen) {
    const Json screen = {{"event", event}, {"detail", detail}, {"at_ms", at}};
    if (auto t = tingee_devices.find(device); t != tingee_devices.end()) t->second.screen = screen;
    if (auto c = tconnect_devices.find(device); c != tconnect_devices.end()) c->second.screen = screen;
  }
  if (auto t = tingee_devices.find(device); t != tingee_devices.end())
    apply_to_panels(t->second.panels, provider, t->second.type, event, detail, at);
  if (auto c = tconnect_devices.find(device); c != tconnect_devices.end())
    apply_to_panels(c->second.panels, provider, c->second.type, event, detail, at);
  std::string text = (device.empty() ? provider : device) + ": " + event;
  if (detail.is_object() && detail.contains("amount") && detail["amount"].is_number_integer())
    text += " " + vnd_text(detail["amount"].get<long long>());
  note("device", text, Json{{"provider", provider}, {"device", device}});
  Json e = {{"provider", provider}};
  if (!device.empty()) e["device"] = device;
  e["event"] = event;
  if (!detail.is_null()) e["detail"] = std::move(detail);
  log_event(std::move(e));
}

void State::log_event(Json event) {
  events.push_back(std::move(event));
  while (events.size() > max_objects) events.pop_front();
}

Json State::events_json() const {
  Json out = Json::array();
  for (const auto& e : events) out.push_back(e);
  return out;
}

Json State::objects_json() const {
  Json objects = Json::object();
  for (const auto& [name, count] : counters) objects[name] = count();
  Json out = {{"max_objects", max_objects}, {"events", events.size()}, {"objects", objects}};
  return out;
}

void State::note(const std::string& kind, const std::string& text, Json detail) {
  Json entry = {{"seq", ++version},
                {"at_ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count()},
                {"kind", kind},
                {"text", text}};
  if (!detail.is_null()) entry["detail"] = std::move(detail);
  journal.push_back(std::move(entry));
  while (journal.size() > kJournalSize) journal.pop_front();
}

Json State::screens_json(long long since) const {
  if (since == version) return Json{{"version", version}, {"unchanged", true}};
  Json devices = Json::array();
  for (const auto& [uuid, d] : tingee_devices) {
    devices.push_back(
        {{"provider", "tingee"}, {"device", uuid}, {"type", d.type}, {"linked", d.linked}, {"panels", d.panels}});
  }
  for (const auto& [serial, d] : tconnect_devices) {
    devices.push_back({{"provider", "tconnect"}, {"device", serial}, {"type", d.type}, {"panels", d.panels}});
  }
  Json log = Json::array();
  for (const auto& entry : journal) log.push_back(entry);
  return Json{{"version", version}, {"qr_images", qr_images_available()}, {"devices", devices}, {"log", log}};
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
