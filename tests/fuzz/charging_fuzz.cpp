// SPDX-License-Identifier: MIT
// libFuzzer target: card-charging responses, fee tables and callbacks (GET query and POST body).
// The input is split at the first '\n' into a query string and a body.
#include <paygw/charging/callback.hpp>

#include "charging/codec.hpp"
#include "json/json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string query = nl == std::string::npos ? input : input.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
  const paygw::charging::Submission stored{"989876", "VIETTEL", "314688440422676", "10003395125761", 50000};
  (void)paygw::charging::verify_callback({query, body}, paygw::Secret("fuzz-key"), stored);

  paygw::charging::detail::Params params;
  if (paygw::charging::detail::parse_json_object(input, params).ok())
    (void)paygw::charging::detail::parse_result(params);
  paygw::charging::detail::Params form;
  paygw::charging::detail::parse_form(input, form);
  (void)paygw::charging::detail::parse_result(form);
  if (auto json = paygw::detail::json::parse(input); json.ok()) (void)paygw::charging::detail::parse_fee_table(*json);
  return 0;
}
