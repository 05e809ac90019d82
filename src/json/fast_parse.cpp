// SPDX-License-Identifier: MIT
// The fast path of json::parse (ADR 0030): a single pass over the bytes that builds the same
// nlohmann::ordered_json DOM nlohmann's own parser builds, for every input it accepts. It never
// rejects anything itself: on a byte sequence it does not accept (a syntax error, a number
// outside double, a BOM ...) it gives up and parse() hands the text to nlohmann, whose verdict
// and result stand. So the one property this file must keep is: what it accepts, nlohmann
// accepts, with an equal DOM (same types, values and member order). tests/unit/json_fast_parse_test.cpp
// and the json_fuzz target compare the two on every input.
#include "json/json.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace paygw::detail::json {
namespace {

constexpr bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Bytes copied as they are inside a string: printable ASCII but '"' and '\\'.
struct PlainBytes {
  bool plain[256] = {};
  constexpr PlainBytes() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainBytes kPlain;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class FastParser {
 public:
  explicit FastParser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // The document, or nullopt when the text is not in what this parser accepts.
  std::optional<Json> run() {
    Json root;
    std::vector<Json*> open;  // the arrays and objects being filled, innermost last
    open.reserve(16);
    last_size_.reserve(16);
    Json* slot = &root;  // where the next value goes
    for (;;) {
      if (!value(*slot)) return std::nullopt;
      if (opened_) {  // `slot` became an empty container whose members follow
        opened_ = false;
        reserve(*slot, open.size());
        open.push_back(slot);
        slot = first_member(*slot);
        if (slot == nullptr) return std::nullopt;
        continue;
      }
      // After a value: a separator, the end of one or more containers, or the end of the text.
      for (;;) {
        skip_space();
        if (open.empty()) {
          if (p_ != end_) return std::nullopt;
          return root;
        }
        if (p_ == end_) return std::nullopt;
        Json& top = *open.back();
        const char close = top.is_array() ? ']' : '}';
        if (*p_ == close) {
          ++p_;
          remember_size(top, open.size() - 1);
          open.pop_back();
          continue;
        }
        if (*p_ != ',') return std::nullopt;
        ++p_;
        slot = next_member(top);
        if (slot == nullptr) return std::nullopt;
        break;
      }
    }
  }

 private:
  void skip_space() {
    while (p_ != end_ && is_space(*p_)) ++p_;
  }

  // Capacity only (not observable in the document): a container gets the size of the last one
  // closed at the same depth — the items of a page have the same members — so its members are
  // not copied again and again as it grows (an ordered_map's keys are const: they are copied).
  void reserve(Json& container, std::size_t depth) {
    constexpr std::size_t kDefault = 4, kMost = 64;  // kMost: never a large guess from one big sibling
    std::size_t hint = depth < last_size_.size() && last_size_[depth] > 0 ? last_size_[depth] : kDefault;
    if (hint > kMost) hint = kMost;
    if (container.is_array()) {
      container.get_ptr<Json::array_t*>()->reserve(hint);
    } else {
      container.get_ptr<Json::object_t*>()->reserve(hint);
    }
  }
  void remember_size(const Json& container, std::size_t depth) {
    if (depth >= last_size_.size()) last_size_.resize(depth + 1, 0);
    last_size_[depth] = container.size();
  }

  // One value into `out`. `[` / `{` followed by a member sets opened_ (the members are read by
  // run()); an empty container is complete here.
  bool value(Json& out) {
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
      case '[': {
        const bool array = *p_ == '[';
        ++p_;
        out = Json(array ? Json::value_t::array : Json::value_t::object);
        skip_space();
        if (p_ != end_ && *p_ == (array ? ']' : '}')) {
          ++p_;
          return true;
        }
        opened_ = true;
        return true;
      }
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't': return literal("true", 4) && (out = true, true);
      case 'f': return literal("false", 5) && (out = false, true);
      case 'n': return literal("null", 4) && (out = nullptr, true);
      default: return number(out);
    }
  }

  // The slot of the first member of the container just opened (whitespace already skipped).
  Json* first_member(Json& container) { return container.is_array() ? array_slot(container) : object_slot(container); }
  // The slot of the member after a ','.
  Json* next_member(Json& container) {
    if (container.is_array()) return array_slot(container);
    skip_space();
    return object_slot(container);
  }

  static Json* array_slot(Json& array) {
    auto& elements = *array.get_ptr<Json::array_t*>();
    elements.emplace_back();
    return &elements.back();
  }

  // `"key" :` then the member's slot. As nlohmann's DOM builder (object[key], ordered_map's
  // emplace): a repeated key keeps its first position and takes the last value.
  Json* object_slot(Json& object) {
    if (p_ == end_ || *p_ != '"') return nullptr;
    std::string key;
    if (!string(key)) return nullptr;
    skip_space();
    if (p_ == end_ || *p_ != ':') return nullptr;
    ++p_;
    auto& members = *object.get_ptr<Json::object_t*>();
    for (auto& member : members) {
      if (member.first == key) return &member.second;
    }
    members.emplace_back(std::move(key), Json());  // the vector under ordered_map: the key is moved, not copied
    return &members.back().second;
  }

  bool literal(const char* word, std::size_t size) {
    if (static_cast<std::size_t>(end_ - p_) < size || std::string_view(p_, size) != std::string_view(word, size)) {
      return false;
    }
    p_ += size;
    return true;
  }

  // RFC 8259 number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?  As nlohmann: an integer is
  // unsigned when it has no '-', signed when it has; one that does not fit 64 bits, a fraction
  // or an exponent is a double (nlohmann rejects a double that overflows: so does this, by giving up).
  bool number(Json& out) {
    const char* start = p_;
    auto digits = [this] {
      const char* from = p_;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      return p_ != from;
    };
    const bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      digits();
    } else {
      return false;
    }
    bool floating = false;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!digits()) return false;
      floating = true;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return false;
      floating = true;
    }
    if (!floating) {
      if (negative) {
        std::int64_t v = 0;
        const auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          out = v;
          return true;
        }
      } else {
        std::uint64_t v = 0;
        const auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          out = v;
          return true;
        }
      }
    }
    double d = 0;
    const auto r = std::from_chars(start, p_, d);
    if (r.ec != std::errc() || r.ptr != p_) return false;  // out of double's range: nlohmann decides
    out = d;
    return true;
  }

  // A string after its opening quote is at p_. Raw bytes: printable ASCII, and UTF-8 sequences
  // exactly as nlohmann validates them (RFC 3629: no overlong forms, no surrogates, <= U+10FFFF).
  bool string(std::string& out) {
    ++p_;  // the opening quote
    for (;;) {
      const char* run = p_;
      while (p_ != end_ && kPlain.plain[static_cast<unsigned char>(*p_)]) ++p_;
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!escape(out)) return false;
        continue;
      }
      if (!utf8_sequence(out)) return false;
    }
  }

  bool utf8_sequence(std::string& out) {
    const auto lead = static_cast<unsigned char>(*p_);
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    std::size_t size = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      size = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      size = 3;
      if (lead == 0xE0) lo = 0xA0;
      if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      size = 4;
      if (lead == 0xF0) lo = 0x90;
      if (lead == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end_ - p_) < size) return false;
    for (std::size_t i = 1; i < size; ++i) {
      const auto b = static_cast<unsigned char>(p_[i]);
      if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return false;
    }
    out.append(p_, size);
    p_ += size;
    return true;
  }

  bool hex4(unsigned& value) {
    if (end_ - p_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex_value(p_[i]);
      if (h < 0) return false;
      value = value * 16 + static_cast<unsigned>(h);
    }
    p_ += 4;
    return true;
  }

  // A backslash escape at p_, decoded into `out` (\uXXXX as UTF-8; a surrogate only as a pair).
  bool escape(std::string& out) {
    ++p_;
    if (p_ == end_) return false;
    const char e = *p_++;
    switch (e) {
      case '"': out.push_back('"'); return true;
      case '\\': out.push_back('\\'); return true;
      case '/': out.push_back('/'); return true;
      case 'b': out.push_back('\b'); return true;
      case 'f': out.push_back('\f'); return true;
      case 'n': out.push_back('\n'); return true;
      case 'r': out.push_back('\r'); return true;
      case 't': out.push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    unsigned cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return true;
  }

  const char* p_;
  const char* end_;
  bool opened_ = false;
  std::vector<std::size_t> last_size_;  // by depth: the size of the last container closed there
};

}  // namespace

std::optional<Json> parse_fast(std::string_view text) { return FastParser(text).run(); }

}  // namespace paygw::detail::json
