// SPDX-License-Identifier: MIT
// paygw-sandbox — card charging (/chargingws/v2, docs/charging.md). Outcomes are scripted by the last
// digit of the card code: 1, 2, 3, 4 -> that status at once; 0 -> 100 (submit failed); anything
// else -> 99, then status 1 delivered by callback after --charging-delay-ms (digit 8 -> final
// status 3). A reused request_id -> 102 REQUEST_ID_EXISTED; check of an unknown request_id -> 101.
// The fee table: flat (/chargingws/v2/getfee) and grouped by telco (/chargingws/price, GET or POST);
// the serial pre-check (/api/checkcard) answers by what the sandbox charged.
#include "sandbox.hpp"

#include <tuple>

namespace paygw::sandbox {
namespace {

Json result(const std::string& rid, const Card& c) {
  const bool paid = c.status == 1 || c.status == 2 || c.status == 99;
  const long long value = c.status == 2 ? c.declared / 2 : c.declared;
  return Json{{"trans_id", c.trans_id},
              {"request_id", rid},
              {"amount", paid ? value * 70 / 100 : 0},
              {"value", c.status == 99 ? Json() : Json(paid ? value : 0)},
              {"declared_value", c.declared},
              {"telco", c.telco},
              {"serial", c.serial},
              {"code", c.code},
              {"status", c.status},
              {"message", c.status == 99  ? "PENDING"
                          : c.status == 1 ? "Thành công"
                                          : "Thất bại"}};
}

// getfee's rows: every value of VIETTEL, VINAPHONE and MOBIFONE at 30 % fees, 50 % penalty.
Json fee_rows() {
  Json rows = Json::array();
  for (const char* telco : {"VIETTEL", "VINAPHONE", "MOBIFONE"}) {
    for (long long v : {10000, 20000, 50000, 100000, 200000, 500000}) {
      rows.push_back(Json{{"telco", telco}, {"value", v}, {"fees", 30}, {"penalty", 50}});
    }
  }
  return rows;
}

class Charging : public std::enable_shared_from_this<Charging> {
 public:
  Charging(const Options& options, State& state, Scheduler& scheduler)
      : options_(options), state_(state), scheduler_(scheduler) {}

  void charge(const httplib::Request& req, const std::string& body, httplib::Response& res) {
    auto p = form_fields(req, body);  // query and form fields
    const Json json = Json::parse(body.empty() ? "null" : body, nullptr, false);
    if (json.is_object()) {
      for (const auto& [k, v] : json.items()) p[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    auto f = [&](const char* k) { return p.count(k) ? p[k] : std::string(); };
    const std::string command = f("command"), code = f("code"), serial = f("serial"), telco = f("telco"),
                      rid = f("request_id");
    if (f("partner_id") != options_.charging_partner_id)
      return json_reply(res, 200, {{"status", 102}, {"message", "MERCHANT_NOT_EXISTED_OR_OFF"}});
    const std::string signed_text = options_.charging_scheme == "B" ? options_.charging_partner_key + code + command +
                                                                          f("partner_id") + rid + serial + telco
                                                                    : options_.charging_partner_key + code + serial;
    if (md5_hex(signed_text) != f("sign"))
      return json_reply(res, 200, {{"status", 102}, {"message", "INVALID_SIGNATURE"}});
    std::lock_guard<std::mutex> lock(state_.mu);
    if (command == "check") {
      auto it = state_.cards.find(rid);
      if (it == state_.cards.end() || it->second.code != code || it->second.serial != serial) {
        return json_reply(res, 200, {{"status", 101}, {"message", "CARD_NOT_EXISTED"}});
      }
      return json_reply(res, 200, result(rid, it->second));
    }
    if (command != "charging" || code.empty() || serial.empty() || telco.empty() || rid.empty()) {
      return json_reply(res, 200, {{"status", 102}, {"message", "INPUT_DATA_INCORRECT"}});
    }
    if (state_.cards.count(rid)) return json_reply(res, 200, {{"status", 102}, {"message", "REQUEST_ID_EXISTED"}});
    // At most --max-objects cards (each stays readable by check and checkcard): 102 and a message
    // of the sandbox's own, which paygw reads as a final refusal (kSubmitFailed), never charged.
    if (state_.full(state_.cards.size())) return json_reply(res, 200, {{"status", 102}, {"message", "SANDBOX_FULL"}});
    Card card{telco, code, serial, std::atoll(f("amount").c_str()), 99, 1, 1000 + state_.next_id++};
    const char last = code.back();
    if (last >= '1' && last <= '4') card.status = card.final_status = last - '0';
    if (last == '0') card.status = card.final_status = 100;
    if (last == '8') card.final_status = 3;
    state_.cards[rid] = card;
    state_.log_event(Json{{"provider", "charging"}, {"request_id", rid}, {"event", "submit"}, {"status", card.status}});
    if (card.status == 99) {
      scheduler_.after(std::chrono::milliseconds(options_.charging_delay_ms),
                       [self = shared_from_this(), rid] { self->settle(rid); });
    }
    json_reply(res, 200, result(rid, card));
  }

  void fees(const httplib::Request& req, httplib::Response& res) const {
    if (req.get_param_value("partner_id") != options_.charging_partner_id) return json_reply(res, 200, Json::array());
    json_reply(res, 200, fee_rows());
  }

  // The grouped fee table (`/chargingws/price`): getfee's rows under their telco, in getfee's
  // order, and VIETNAMOBILE listed with no row (a telco the host accepts no card of now).
  void prices(const httplib::Request& req, const std::string& body, httplib::Response& res) const {
    auto p = form_fields(req, body);
    if (p["partner_id"] != options_.charging_partner_id) return json_reply(res, 200, Json::object());
    Json groups = Json::object();
    for (const auto& row : fee_rows()) groups[row["telco"].get<std::string>()].push_back(row);
    groups["VIETNAMOBILE"] = Json::array();
    json_reply(res, 200, groups);
  }

  // The serial pre-check (`POST /api/checkcard?telco=&serial=&partner_id=&sign=`, sign =
  // md5(partner_key + serial)): a serial this sandbox charged (status 1 or 2) is "unavailable" with
  // its value, the date and the partner it was charged to; one still pending is "processing";
  // any other serial of a known telco is "available".
  void check_serial(const httplib::Request& req, const std::string& body, httplib::Response& res) const {
    auto p = form_fields(req, body);
    auto error = [&res](const char* message) { json_reply(res, 200, Json{{"status", "error"}, {"message", message}}); };
    if (p["partner_id"] != options_.charging_partner_id) return error("MERCHANT_NOT_EXISTED_OR_OFF");
    if (p["serial"].empty()) return error("INPUT_DATA_INCORRECT");
    if (md5_hex(options_.charging_partner_key + p["serial"]) != p["sign"]) return error("INVALID_SIGNATURE");
    bool known_telco = false;
    for (const auto& row : fee_rows()) known_telco = known_telco || row["telco"] == p["telco"];
    if (!known_telco) return error("TELCO_NOT_SUPPORTED");
    Json data = {{"status", "checked"}, {"serial", p["serial"]}, {"card_status", "available"}, {"value", nullptr}};
    std::lock_guard<std::mutex> lock(state_.mu);
    for (const auto& [rid, card] : state_.cards) {
      if (card.serial != p["serial"] || card.telco != p["telco"]) continue;
      if (card.status == 99) data["card_status"] = "processing";
      if (card.status == 1 || card.status == 2) {
        data["card_status"] = "unavailable";
        data["value"] = card.status == 2 ? card.declared / 2 : card.declared;
        data["date_used"] =
            vn_now(false).substr(6, 2) + "/" + vn_now(false).substr(4, 2) + "/" + vn_now(false).substr(0, 4);
        data["acc_charged"] = options_.charging_partner_id;
      }
    }
    json_reply(res, 200, Json{{"status", "success"}, {"data", data}});
  }

 private:
  // pending -> final (run by the scheduler once due), then deliver the callback (retrying a few
  // times on failure).
  void settle(const std::string& rid) {
    Json payload;
    int duplicates = options_.charging_callback_duplicates;
    bool out_of_order = options_.charging_callback_out_of_order;
    {
      std::lock_guard<std::mutex> lock(state_.mu);
      if (auto script = state_.callback_scripts.find(rid); script != state_.callback_scripts.end()) {
        std::tie(duplicates, out_of_order) = script->second;
        state_.callback_scripts.erase(script);
      }
      auto& c = state_.cards[rid];
      c.status = c.final_status;
      payload = result(rid, c);
      payload["callback_sign"] = md5_hex(options_.charging_partner_key + c.code + c.serial);
    }
    if (options_.charging_callback_url.empty()) return;
    const bool get = options_.charging_callback_method == "GET";
    auto send = [&](const Json& p) {
      httplib::Params params;
      for (const auto& [k, v] : p.items()) params.emplace(k, v.is_string() ? v.get<std::string>() : v.dump());
      deliver(state_, options_.charging_callback_url, get, p.dump(), params, {},
              Json{{"provider", "charging"}, {"request_id", rid}, {"event", "callback"}, {"status", p["status"]}});
    };
    for (int i = 0; i < 1 + duplicates && !stopping(); ++i) send(payload);
    if (out_of_order) {
      Json late = payload;  // a stale "pending" arriving after the final result
      late["status"] = 99;
      late["message"] = "PENDING";
      send(late);
    }
  }

  const Options& options_;
  State& state_;
  Scheduler& scheduler_;
};

}  // namespace

void install_charging(httplib::Server& server, const Options& options, State& state, Scheduler& scheduler) {
  auto charging = std::make_shared<Charging>(options, state, scheduler);
  state.counters.emplace_back("charging.cards", [&state] { return state.cards.size(); });
  state.counters.emplace_back("charging.callback_scripts", [&state] { return state.callback_scripts.size(); });
  post(server, "/chargingws/v2",
       [charging](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         charging->charge(req, body, res);
       });
  server.Get("/chargingws/v2",
             [charging](const httplib::Request& req, httplib::Response& res) { charging->charge(req, "", res); });
  // A card's callback script, before it settles: {request_id, duplicates, out_of_order} overrides
  // --charging-callback-duplicates and --charging-callback-out-of-order for that card.
  post(server, "/_sandbox/charging/callbacks",
       [&state](const httplib::Request&, const std::string& raw, httplib::Response& res) {
         const Json in = Json::parse(raw.empty() ? "{}" : raw, nullptr, false);
         if (!in.is_object() || !in.contains("request_id") || !in["request_id"].is_string() ||
             in["request_id"].get<std::string>().empty()) {
           return bad_request(res, "give {request_id[, duplicates, out_of_order]} before the card settles");
         }
         const std::optional<int> duplicates = count_field(in, "duplicates", kMaxDuplicates, res);
         if (!duplicates) return;
         const std::optional<bool> out_of_order = flag_field(in, "out_of_order", res);
         if (!out_of_order) return;
         const std::string rid = in["request_id"];
         {
           std::lock_guard<std::mutex> lock(state.mu);
           if (state.callback_scripts.size() >= State::kMaxCallbackScripts && !state.callback_scripts.count(rid)) {
             return bad_request(res, "too many callback scripts waiting for their cards");
           }
           state.callback_scripts[rid] = {*duplicates, *out_of_order};
         }
         json_reply(res, 200, Json{{"request_id", rid}, {"duplicates", *duplicates}, {"out_of_order", *out_of_order}});
       });
  server.Get("/chargingws/v2/getfee",
             [charging](const httplib::Request& req, httplib::Response& res) { charging->fees(req, res); });
  server.Get("/chargingws/price",
             [charging](const httplib::Request& req, httplib::Response& res) { charging->prices(req, "", res); });
  post(server, "/chargingws/price",
       [charging](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         charging->prices(req, body, res);
       });
  post(server, "/api/checkcard",
       [charging](const httplib::Request& req, const std::string& body, httplib::Response& res) {
         charging->check_serial(req, body, res);
       });
}

}  // namespace paygw::sandbox
