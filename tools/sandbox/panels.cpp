// SPDX-License-Identifier: MIT
// paygw-sandbox — what each device event does to the device's panels (see screens.hpp):
//   display       the QR on screen now (show-*-qr-code, generate-and-show, TConnect push-soundbox)
//   announcement  the last thing the speaker said (read-amount, read-security-code)
//   receipt       the last receipt printed (print-receipt, read-amount with isPrint on a MAX)
//   order         the order on a TConnect Smart POS (push-pos)
//   nfc           the last NFC command
// A reset clears them all. Values sent by the caller are copied only when they have the expected
// JSON type, so a malformed request never breaks the page.
#include "screens.hpp"

#include "qr_image.hpp"

#include <functional>
#include <map>
#include <mutex>

namespace paygw::sandbox {
namespace {

long long int_of(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<long long>() : 0;
}

std::string str_of(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

Json money(long long amount) { return Json{{"vnd", amount}, {"text", vnd_text(amount)}}; }

// quantity x price, or 0 when a caller's numbers would overflow.
long long product(long long a, long long b) {
  long long out = 0;
  return __builtin_mul_overflow(a, b, &out) ? 0 : out;
}

// The display lines that came with a request, in order, empty ones left out.
Json lines(const Json& detail, const char* const (&keys)[3]) {
  Json out = Json::array();
  for (const char* k : keys) {
    const std::string text = str_of(detail, k);
    if (!text.empty()) out.push_back(text);
  }
  return out;
}

// The image is drawn when the page asks for it (add_qr_images), not in the device request:
// encoding a QR costs far more than the request the sandbox answers.
void add_qr(Json& panel, const std::string& payload) { panel["qr"] = payload; }

Json receipt(const Json& r, long long at_ms) {
  Json items = Json::array();
  if (r.is_object() && r.contains("items") && r["items"].is_array()) {
    for (const Json& item : r["items"]) {
      const long long quantity = int_of(item, "quantity"), price = int_of(item, "unitPrice");
      items.push_back(Json{{"name", str_of(item, "name")},
                           {"quantity", quantity},
                           {"unit_price", money(price)},
                           {"line_total", money(product(quantity, price))}});
    }
  }
  Json out = {{"store_name", str_of(r, "storeName")},
              {"address", str_of(r, "address")},
              {"hotline", str_of(r, "hotline")},
              {"order_code", str_of(r, "orderCode")},
              {"items", items},
              {"discount", money(int_of(r, "discount"))},
              {"total", money(int_of(r, "totalAmount"))},
              {"barcode", str_of(r, "barcode")},
              {"footer_note", str_of(r, "footerNote")},
              {"copies", r.is_object() && r.contains("copies") ? int_of(r, "copies") : 1},
              {"at_ms", at_ms}};
  add_qr(out, str_of(r, "qrCode"));
  return out;
}

}  // namespace

bool qr_images_available() { return qrimage::encoder_available(); }

std::string qr_image_url(const std::string& payload) {
  std::string error;
  const auto symbol = qrimage::encode(payload, qrimage::kDefaultLevel, &error);
  if (!symbol) return "";
  return "data:image/svg+xml;base64," + qrimage::base64(qrimage::to_svg(*symbol, qrimage::kQuietZone, 4));
}

void add_qr_images(Json& screens) {
  static std::mutex mu;
  static std::map<std::string, std::string> drawn;  // payload -> data URL; the page shows few QRs
  std::function<void(Json&)> walk = [&walk](Json& j) {
    if (j.is_array()) {
      for (Json& item : j) walk(item);
      return;
    }
    if (!j.is_object()) return;
    for (auto& [key, value] : j.items()) walk(value);
    if (!j.contains("qr") || !j["qr"].is_string()) return;
    const std::string payload = j["qr"].get<std::string>();
    std::string url;
    if (!payload.empty()) {
      std::lock_guard<std::mutex> lock(mu);
      auto it = drawn.find(payload);
      if (it == drawn.end()) {
        if (drawn.size() >= 256) drawn.clear();
        it = drawn.emplace(payload, qr_image_url(payload)).first;
      }
      url = it->second;
    }
    j["qr_image"] = url;
  };
  if (screens.contains("devices")) walk(screens["devices"]);
}

void apply_to_panels(Json& panels, const std::string& provider, const std::string& type, const std::string& event,
                     const Json& detail, long long at_ms) {
  static const char* const kQrLines[3] = {"firstText", "secondText", "thirdText"};
  static const char* const kAmountLines[3] = {"firstDisplayText", "secondDisplayText", "thirdDisplayText"};
  if (event == "reset") {
    panels = Json::object();
  } else if (event == "display-qr" || event == "push-soundbox") {
    Json d = {{"amount", money(int_of(detail, "amount"))}, {"at_ms", at_ms}};
    if (provider == "tingee") {
      d["endpoint"] = str_of(detail, "endpoint");
      d["bill_id"] = str_of(detail, "billId");
      d["lines"] = lines(detail, kQrLines);
    }
    add_qr(d, str_of(detail, provider == "tingee" ? "qrCode" : "qr_string"));
    panels["display"] = d;
  } else if (event == "announce-amount") {
    const long long amount = int_of(detail, "amount");
    panels["announcement"] = Json{{"sentence", amount_sentence(amount)},
                                  {"amount", money(amount)},
                                  {"transaction_id", str_of(detail, "transactionId")},
                                  {"lines", lines(detail, kAmountLines)},
                                  {"at_ms", at_ms}};
    const bool print = detail.is_object() && detail.contains("isPrint") && detail["isPrint"] == true;
    if (print && type == "tingee-box-max" && detail.contains("printData"))
      panels["receipt"] = receipt(detail["printData"], at_ms);
  } else if (event == "announce-security-code") {
    panels["announcement"] = Json{
        {"sentence", "Mã bảo mật của thiết bị là " + digit_words(str_of(detail, "securityCode"))}, {"at_ms", at_ms}};
  } else if (event == "print") {
    panels["receipt"] = receipt(detail, at_ms);
  } else if (event == "push-pos") {
    panels["order"] =
        Json{{"order_id", str_of(detail, "order_id")}, {"amount", money(int_of(detail, "amount"))}, {"at_ms", at_ms}};
  } else if (event == "paid") {  // a payment landed: the screen says so; a soundbox announces it
    const Json paid = {{"amount", money(int_of(detail, "amount"))}, {"at_ms", at_ms}};
    if (panels.contains("display")) panels["display"]["paid"] = paid;
    if (panels.contains("order")) panels["order"]["paid"] = paid;
    const long long amount = int_of(detail, "amount");
    if (type == "soundbox") {
      panels["announcement"] = Json{{"sentence", amount_sentence(amount)}, {"amount", money(amount)}, {"at_ms", at_ms}};
    }
    if (type == "pos") {  // the POS prints its receipt
      const std::string order = str_of(detail, "order_id");
      panels["receipt"] = receipt(
          Json{{"storeName", "TConnect Smart POS"},
               {"orderCode", order},
               {"items", Json::array({Json{{"name", "Đơn hàng " + order}, {"quantity", 1}, {"unitPrice", amount}}})},
               {"totalAmount", amount},
               {"footerNote", "Đã thanh toán"}},
          at_ms);
    }
  } else if (event == "nfc-command") {
    panels["nfc"] =
        Json{{"url", str_of(detail, "nfcUrl")},
             {"package_name", str_of(detail, "nfcPackageName")},
             {"enabled", !(detail.is_object() && detail.contains("enableNfc") && detail["enableNfc"] == false)},
             {"at_ms", at_ms}};
  }
}

}  // namespace paygw::sandbox
