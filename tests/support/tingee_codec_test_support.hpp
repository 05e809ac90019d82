// SPDX-License-Identifier: MIT
// Helpers of the Tingee codec tests: exact request bytes, fixture exchanges, error checks.
#pragma once

#include <paygw/tingee/bills.hpp>

#include "support.hpp"
#include "tingee/codec.hpp"
#include "tingee/codec_bills.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>

namespace paygw::test::tingee_codec {

namespace codec = paygw::tingee::detail;
using codec::Json;

/// Compact bytes of a built body (or "error: <message>").
inline std::string compact(const Result<Json>& body) {
  if (!body) return "error: " + body.error().message;
  auto text = paygw::detail::json::dump(*body);
  return text ? *text : "error: " + text.error().message;
}

inline void expect_invalid(const Result<Json>& body, const std::string& message) {
  ASSERT_FALSE(body.ok()) << compact(body);
  EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(body.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(body.error().message, message);
}

inline Json fixture(const std::string& name) {
  std::ifstream in(test::fixture_path("tingee/" + name + ".json"));
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = paygw::detail::json::parse(text.str());
  EXPECT_TRUE(parsed.ok()) << name;
  return parsed ? *parsed : Json();
}

/// The request body of exchange `i` of a fixture, compact in fixture member order.
inline std::string fixture_body(const std::string& name, std::size_t i = 0) {
  return compact(fixture(name)["exchanges"][i]["request"]["json"]);
}

inline http::Response fixture_response(const std::string& name, std::size_t i) {
  const Json file = fixture(name);
  const Json& r = file["exchanges"][i]["response"];
  http::Response response;
  response.status = r["status"].get<int>();
  response.body = compact(r["json"]);
  return response;
}

/// The envelope of exchange `i` (which must be a success).
inline Json fixture_envelope(const std::string& name, std::size_t i = 0) {
  auto envelope = codec::parse_envelope(fixture_response(name, i));
  EXPECT_TRUE(envelope.ok()) << (envelope ? "" : envelope.error().message);
  return envelope ? *envelope : Json();
}

inline Json envelope_with(Json data) { return Json{{"code", "00"}, {"message", "Success"}, {"data", std::move(data)}}; }

inline void expect_malformed(const Error& e, const std::string& message) {
  EXPECT_EQ(e.code, ErrorCode::kMalformed);
  EXPECT_EQ(e.delivery, Delivery::kMaybeSent);
  EXPECT_EQ(e.http_status, 200);
  EXPECT_EQ(e.message, message);
}

}  // namespace paygw::test::tingee_codec
