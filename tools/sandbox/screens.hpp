// SPDX-License-Identifier: MIT
// paygw-sandbox — the devices' screens: what each simulated device shows, says and prints, as a
// web page (GET /_sandbox/, screens.html) fed by GET /_sandbox/screens (JSON, polled by the page).
//
//   panels.cpp   what each device event does to the device's panels (display, announcement,
//                receipt, order, nfc), with the QR drawn server-side as an SVG data: URL
//   speech.cpp   amounts as a Vietnamese soundbox reads them
//   screens.cpp  the HTTP side: the page, the JSON, the request log
#pragma once

#include "state.hpp"

#include <httplib.h>

#include <string>

namespace paygw::sandbox {

/// 40123 -> "40.123 VND" (dots between thousands, as Vietnamese amounts are written).
std::string vnd_text(long long amount);
/// 40123 -> "bốn mươi nghìn một trăm hai mươi ba" (0 -> "không"); negative amounts read their
/// magnitude after "âm".
std::string vnd_words(long long amount);
/// The sentence a soundbox speaks for a received amount: "Đã nhận <words> đồng".
std::string amount_sentence(long long amount);
/// "123456" -> "một hai ba bốn năm sáu" (digits one by one; other characters are kept).
std::string digit_words(const std::string& digits);

/// A QR payload as an image for the page: "data:image/svg+xml;base64,..." (level M, quiet zone
/// 4), or "" when the sandbox was built without libqrencode or the text cannot be encoded.
std::string qr_image_url(const std::string& payload);
/// Whether QR images can be drawn (built with libqrencode).
bool qr_images_available();

/// Adds "qr_image" (qr_image_url, cached per payload) beside every "qr" of the devices' panels in
/// a screens_json() answer. Call without State::mu held: drawing takes a while.
void add_qr_images(Json& screens);

/// Updates `panels` (a device's JSON object) for a device event; called by State::record.
void apply_to_panels(Json& panels, const std::string& provider, const std::string& type, const std::string& event,
                     const Json& detail, long long at_ms);

/// Remembers the reply `body` being sent on this thread, for the request log (json_reply calls it).
void remember_reply(const httplib::Response& res, const Json& body);

/// GET /_sandbox/ (the page), GET /_sandbox/screens[?since=N] (its data), and the request log
/// (every request but the page's own reads, method, path, status and business code — never a
/// header or a body).
void install_screens(httplib::Server& server, State& state);

}  // namespace paygw::sandbox
