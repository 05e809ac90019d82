// SPDX-License-Identifier: MIT
// Helpers of the codec tests of Tingee's account-administration groups (virtual accounts,
// direct debit, ...), on top of tingee_codec_test_support.hpp.
#pragma once

#include "tingee_codec_test_support.hpp"

#include <string>

namespace paygw::test::tingee_codec {

/// The built body's bytes equal `expected` (checked to be JSON, then compacted): values and member
/// order. (same_json() would also compare integer signedness, which parsing cannot reproduce.)
inline void expect_body(const Result<Json>& body, const std::string& expected) {
  ASSERT_TRUE(body.ok()) << body.error().message;
  auto want = paygw::detail::json::parse(expected);
  ASSERT_TRUE(want.ok()) << expected;
  EXPECT_EQ(compact(body), compact(*want));
}

/// A query builder refused its request with kInvalidArgument `message`, nothing sent.
inline void expect_invalid_query(const Result<std::string>& query, const std::string& message) {
  ASSERT_FALSE(query.ok()) << *query;
  EXPECT_EQ(query.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(query.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(query.error().message, message);
}

/// The request path (with its query string) of exchange `i` of a fixture.
inline std::string fixture_path_of(const std::string& name, std::size_t i = 0) {
  return fixture(name)["exchanges"][i]["request"]["path"].get<std::string>();
}

}  // namespace paygw::test::tingee_codec
