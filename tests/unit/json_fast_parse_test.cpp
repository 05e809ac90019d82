// SPDX-License-Identifier: MIT
// json::parse_fast against nlohmann's own parser (the reference, an independent implementation):
// whatever parse_fast accepts, nlohmann accepts with an equal DOM — same value types (unsigned,
// signed, double bit for bit), strings, member order, duplicate keys — and whatever nlohmann
// rejects, parse_fast rejects. Hand-picked edge cases first, then seeded random documents and
// random byte edits of them (bounded count, deterministic).
#include "../support/json_same.hpp"
#include "json/json.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace json = paygw::detail::json;
using json::Json;

namespace {

Json reference(const std::string& text) { return Json::parse(text, nullptr, /*allow_exceptions=*/false); }

using paygw::test::same_json;

// The property, for one text. Returns whether the fast path took it.
bool agrees(const std::string& text) {
  const auto fast = json::parse_fast(text);
  const Json ref = reference(text);
  if (fast) {
    EXPECT_FALSE(ref.is_discarded()) << "fast path accepted what nlohmann rejects: " << text;
    EXPECT_TRUE(same_json(*fast, ref)) << "different DOM for: " << text;
  }
  // json::parse is nlohmann's verdict either way.
  EXPECT_EQ(json::parse(text).ok(), !ref.is_discarded()) << text;
  return fast.has_value();
}

}  // namespace

TEST(JsonFastParse, TakesTheFormsProvidersSendWithNlohmannsResult) {
  const char* const accepted[] = {
      R"({"code":"00","message":"Success","data":{"totalCount":3,"items":[{"id":1,"uuid":"DEMO-BOX-3LS"}]}})",
      "  {\n\t\"a\" : [ 1 , 2 ,3 ] ,\r\n \"b\":{}}  ",
      "[]",
      "{}",
      "[[]]",
      "[{}]",
      "0",
      "-0",
      "\"\"",
      "true",
      "false",
      "null",
      "[true,false,null]",
      // numbers: unsigned, signed, the 64-bit edges and one past them (doubles), fractions, exponents
      "[0,1,-1,18446744073709551615,18446744073709551616,-9223372036854775808,-9223372036854775809]",
      "[0.0,-0.0,1.5,-1.5,1e5,1E5,1e+5,1e-5,2.5E-3,150000.00,9007199254740993,1.7976931348623157e308]",
      "[4.9e-324,2.2250738585072014e-308,0.1,0.30000000000000004,123456789012345678901234567890]",
      // strings: escapes, \u in both cases, surrogate pairs, NUL by escape, raw UTF-8 of every length
      R"(["\"\\\/\b\f\n\r\t","\u0041\u00e9\u00E9\u20ac\uD83D\uDE00\ud83d\ude00","a\u0000b"])",
      "[\"Thanh to\xc3\xa1n \xc4\x91\xc6\xa1n\",\"\xe2\x82\xac\",\"\xf0\x9f\x98\x80\",\"\xf4\x8f\xbf\xbf\"]",
      "[\"\xe0\xa0\x80\",\"\xed\x9f\xbf\",\"\xef\xbf\xbf\",\"\xf0\x90\x80\x80\",\"\xc2\x80\",\"\x7f\"]",
      // a repeated key: first position, last value (nlohmann's object[key])
      R"({"a":1,"b":2,"a":{"x":[3]}})",
      R"({"a":[1,2],"a":"s"})",
  };
  for (const char* text : accepted) EXPECT_TRUE(agrees(text)) << "not taken by the fast path: " << text;
}

TEST(JsonFastParse, RejectsWhatNlohmannRejects) {
  const std::string rejected[] = {
      "",
      " ",
      "{",
      "}",
      "[",
      "]",
      "[1,]",
      "{\"a\":1,}",
      "{,}",
      "[,1]",
      "{\"a\"}",
      "{\"a\" 1}",
      "{a:1}",
      "{'a':1}",
      "[01]",
      "[-]",
      "[-01]",
      "[1.]",
      "[.1]",
      "[1e]",
      "[1e+]",
      "[+1]",
      "[0x10]",
      "[NaN]",
      "[Infinity]",
      "[1e400]",
      "[-1e400]",
      "tru",
      "truex",
      "nul",
      "[true false]",
      "{} {}",
      "[] x",
      "\"abc",
      "\"a\nb\"",
      "\"a\tb\"",
      std::string("\"a\0b\"", 5),
      "\"\\x\"",
      "\"\\u12\"",
      "\"\\u12G4\"",
      "\"\\uD83D\"",
      "\"\\uD83Dx\"",
      "\"\\uD83D\\u0041\"",
      "\"\\uDE00\"",
      "\"\xc0\xaf\"",
      "\"\xc1\xbf\"",
      "\"\xe0\x9f\xbf\"",
      "\"\xed\xa0\x80\"",
      "\"\xf0\x8f\xbf\xbf\"",
      "\"\xf4\x90\x80\x80\"",
      "\"\xf5\x80\x80\x80\"",
      "\"\xff\"",
      "\"\x80\"",
      "\"\xc3\"",
      "\"\xe2\x82\"",
      "/* c */ {}",
      "{\"a\":1} // c",
  };
  for (const auto& text : rejected) {
    EXPECT_FALSE(json::parse_fast(text).has_value()) << text;
    EXPECT_TRUE(reference(text).is_discarded()) << "the case is not invalid JSON: " << text;
    EXPECT_FALSE(json::parse(text).ok()) << text;
  }
}

TEST(JsonFastParse, LeavesToNlohmannWhatItDoesNotRead) {
  // Texts nlohmann accepts that the fast path declines; json::parse still gives nlohmann's
  // document. (nlohmann ends its input at a NUL byte outside a string: what follows is not read.)
  for (const std::string& text : {std::string("\xef\xbb\xbf{\"a\":1}"), std::string("[1e-400]"),
                                  std::string("[1]\0", 4), std::string("{}\0garbage", 10)}) {
    agrees(text);
    EXPECT_TRUE(json::parse(text).ok()) << text;
  }
}

TEST(JsonFastParse, DeepNestingNeedsNoRecursion) {
  const std::string deep = std::string(20000, '[') + std::string(20000, ']');
  EXPECT_TRUE(agrees(deep));
  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "{\"k\":";
    s += "1";
    for (int i = 0; i < 5000; ++i) s += "}";
    return s;
  }();
  EXPECT_TRUE(agrees(objects));
}

namespace {

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::string document() {
    std::string out;
    value(out, 0);
    space(out);
    return out;
  }

  std::string edit(std::string text) {
    const int edits = pick(1, 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const auto at = static_cast<std::size_t>(pick(0, static_cast<int>(text.size()) - 1));
      const char byte =
          static_cast<char>(pick(0, 1) != 0 ? kInteresting[pick(0, sizeof kInteresting - 2)] : pick(0, 255));
      switch (pick(0, 2)) {
        case 0: text[at] = byte; break;
        case 1: text.insert(at, 1, byte); break;
        default: text.erase(at, 1); break;
      }
    }
    return text;
  }

 private:
  static constexpr char kInteresting[] = "{}[],:\"\\/-+.eE0123456789tfnu \t\n\x7f\x80\xbf\xc2\xe0\xed\xf0\xf4\xff";

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  void space(std::string& out) {
    static const char* const kSpaces[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
    out += kSpaces[pick(0, 6)];
  }

  void value(std::string& out, int depth) {
    space(out);
    switch (pick(0, depth >= 4 ? 3 : 5)) {
      case 0: number(out); break;
      case 1: string(out); break;
      case 2: out += pick(0, 1) != 0 ? "true" : (pick(0, 1) != 0 ? "false" : "null"); break;
      case 3: string(out); break;
      case 4: {
        out += '[';
        const int n = pick(0, 4);
        for (int i = 0; i < n; ++i) {
          if (i > 0) out += ',';
          value(out, depth + 1);
        }
        space(out);
        out += ']';
        break;
      }
      default: {
        out += '{';
        const int n = pick(0, 4);
        for (int i = 0; i < n; ++i) {
          if (i > 0) out += ',';
          space(out);
          string(out, /*short_key=*/true);
          space(out);
          out += ':';
          value(out, depth + 1);
        }
        space(out);
        out += '}';
      }
    }
  }

  void number(std::string& out) {
    static const char* const kEdges[] = {"0",
                                         "-0",
                                         "18446744073709551615",
                                         "18446744073709551616",
                                         "-9223372036854775808",
                                         "-9223372036854775809",
                                         "9007199254740993",
                                         "1.7976931348623157e308",
                                         "4.9e-324",
                                         "0.1",
                                         "-0.0",
                                         "1E+2"};
    if (pick(0, 3) == 0) {
      out += kEdges[pick(0, 11)];
      return;
    }
    if (pick(0, 1) != 0) out += '-';
    out += std::to_string(pick(0, 1) != 0 ? pick(0, 9) : pick(1, 2000000000));
    if (pick(0, 2) == 0) out += "." + std::to_string(pick(0, 99999));
    if (pick(0, 3) == 0)
      out += std::string(pick(0, 1) != 0 ? "e" : "E") + (pick(0, 1) != 0 ? "-" : "+") + std::to_string(pick(0, 290));
  }

  void string(std::string& out, bool short_key = false) {
    static const char* const kPieces[] = {"a",
                                          "Z",
                                          " ",
                                          "~",
                                          "\\\"",
                                          "\\\\",
                                          "\\/",
                                          "\\b",
                                          "\\f",
                                          "\\n",
                                          "\\r",
                                          "\\t",
                                          "\\u0000",
                                          "\\u001f",
                                          "\\u00e9",
                                          "\\u20AC",
                                          "\\uD83D\\uDE00",
                                          "\xc3\xa1",
                                          "\xc4\x91",
                                          "\xe2\x82\xac",
                                          "\xf0\x9f\x98\x80",
                                          "\xed\x9f\xbf"};
    out += '"';
    const int n = short_key ? pick(0, 2) : pick(0, 12);
    for (int i = 0; i < n; ++i) out += short_key ? kPieces[pick(0, 3)] : kPieces[pick(0, 21)];
    out += '"';
  }

  std::mt19937 rng_;
};

}  // namespace

TEST(JsonFastParse, RandomDocumentsAndEditsAgreeWithNlohmann) {
  Generator gen(20261201);
  int taken = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string doc = gen.document();
    // A generated document is valid JSON of the forms the fast path reads (no BOM, numbers in
    // double's range), so the fast path must take every one.
    EXPECT_TRUE(agrees(doc)) << doc;
    for (int e = 0; e < 4; ++e) taken += agrees(gen.edit(doc)) ? 1 : 0;
  }
  EXPECT_GT(taken, 0);  // some edits stay valid: the accepting side of the comparison is exercised
}
