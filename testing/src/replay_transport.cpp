// SPDX-License-Identifier: MIT
#include <paygw/testing/replay_transport.hpp>

#include "fixture.hpp"

#include <fstream>
#include <sstream>

namespace paygw::testing {

using detail::Json;

namespace detail {

Result<http::Method> parse_method(std::string_view name) {
  for (auto m : {http::Method::kGet, http::Method::kPost, http::Method::kPut, http::Method::kDelete}) {
    if (http::to_string(m) == name) return m;
  }
  return make_error(ErrorCode::kConfig, "unknown HTTP method '" + std::string(name) + "'");
}

Result<ErrorCode> parse_error_code(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::kInternal); ++i) {
    const auto code = static_cast<ErrorCode>(i);
    if (to_string(code) == name) return code;
  }
  return make_error(ErrorCode::kConfig, "unknown error code '" + std::string(name) + "'");
}

Json body_member(std::string_view body, const Json* redacted_json) {
  Json out = Json::object();
  if (redacted_json != nullptr) {
    out["json"] = *redacted_json;
  } else {
    out["body"] = std::string(body);
  }
  return out;
}

}  // namespace detail

enum class BodyKind { kNone, kExact, kJson };

struct ReplayTransport::Exchange {
  std::string source;
  http::Method method = http::Method::kGet;
  std::string path;
  http::Headers headers;
  BodyKind body_kind = BodyKind::kNone;
  std::string body;
  Json json;
  std::string check;  // compact JSON of the request's "check" member, or ""
  http::Response response;
  std::optional<Error> error;
  bool used = false;

  std::string describe() const { return std::string(http::to_string(method)) + " " + path + " (" + source + ")"; }
};

namespace {

using Exchange = ReplayTransport::Exchange;

Error bad_fixture(const std::string& source, const std::string& what) {
  return make_error(ErrorCode::kConfig, "fixture " + source + ": " + what);
}

Result<http::Headers> parse_headers(const Json& node, const std::string& source) {
  http::Headers out;
  if (node.is_null()) return out;
  if (!node.is_object()) return bad_fixture(source, "headers must be an object");
  for (const auto& [name, value] : node.items()) {
    if (!value.is_string()) return bad_fixture(source, "header '" + name + "' must be a string");
    out.emplace_back(name, value.get<std::string>());
  }
  return out;
}

Result<std::string> response_body(const Json& node, const std::string& source) {
  if (const Json* b = detail::member(node, "body")) {
    if (!b->is_string()) return bad_fixture(source, "response body must be a string");
    return b->get<std::string>();
  }
  if (const Json* j = detail::member(node, "json")) {
    auto text = detail::dump_strict(*j);
    if (!text) return bad_fixture(source, "response json is not valid UTF-8");
    return std::move(*text);
  }
  return std::string();
}

Result<std::unique_ptr<Exchange>> parse_exchange(const Json& node, const std::string& source) {
  if (!node.is_object()) return bad_fixture(source, "exchange must be an object");
  auto ex = std::make_unique<Exchange>();
  ex->source = source;
  const Json* req = detail::member(node, "request");
  if (req == nullptr || !req->is_object()) return bad_fixture(source, "missing \"request\" object");
  auto method = detail::parse_method(detail::text_member(*req, "method"));
  if (!method) return bad_fixture(source, method.error().message);
  ex->method = *method;
  ex->path = detail::text_member(*req, "path");
  if (ex->path.empty() || ex->path.front() != '/') return bad_fixture(source, "request path must start with '/'");
  auto headers = parse_headers(req->value("headers", Json()), source);
  if (!headers) return headers.error();
  ex->headers = std::move(*headers);
  if (const Json* check = detail::member(*req, "check")) {
    auto text = detail::dump_strict(*check);
    if (!text) return bad_fixture(source, "request check is not valid UTF-8");
    ex->check = std::move(*text);
  }
  if (const Json* b = detail::member(*req, "body")) {
    if (!b->is_string()) return bad_fixture(source, "request body must be a string");
    ex->body_kind = BodyKind::kExact;
    ex->body = b->get<std::string>();
  } else if (const Json* j = detail::member(*req, "json")) {
    ex->body_kind = BodyKind::kJson;
    ex->json = *j;
  }

  if (const Json* te = detail::member(node, "transport_error")) {
    auto code = detail::parse_error_code(detail::text_member(*te, "code"));
    if (!code) return bad_fixture(source, code.error().message);
    const std::string delivery = detail::text_member(*te, "delivery");
    if (delivery != "not_sent" && delivery != "maybe_sent") {
      return bad_fixture(source, "transport_error.delivery must be not_sent or maybe_sent");
    }
    ex->error = make_error(*code, "replayed transport error",
                           delivery == "not_sent" ? Delivery::kNotSent : Delivery::kMaybeSent);
    return ex;
  }
  const Json* resp = detail::member(node, "response");
  if (resp == nullptr || !resp->is_object()) return bad_fixture(source, "missing \"response\" or \"transport_error\"");
  const auto status = detail::integer_member(*resp, "status");
  if (!status || *status < 100 || *status > 599) return bad_fixture(source, "response status must be 100..599");
  ex->response.status = static_cast<int>(*status);
  auto resp_headers = parse_headers(resp->value("headers", Json()), source);
  if (!resp_headers) return resp_headers.error();
  ex->response.headers = std::move(*resp_headers);
  auto body = response_body(*resp, source);
  if (!body) return body.error();
  ex->response.body = std::move(*body);
  return ex;
}

std::string quote(std::string_view s) {
  constexpr std::size_t kMax = 400;
  std::string out = "'";
  out +=
      s.size() > kMax ? std::string(s.substr(0, kMax)) + "...(" + std::to_string(s.size()) + " bytes)" : std::string(s);
  return out + "'";
}

// Structural comparison that also checks member order; "<redacted>" in `expected` matches anything.
std::string compare_json(const Json& expected, const Json& actual, const std::string& where) {
  if (expected.is_string() && expected.get_ref<const std::string&>() == kRedacted) return {};
  const auto show = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
  // Signed and unsigned integers are one kind (the parser picks by sign); 5 and 5.0 are not.
  if (expected.type() != actual.type() && !(expected.is_number_integer() && actual.is_number_integer())) {
    return where + ": expected " + show(expected) + ", got " + show(actual);
  }
  if (expected.is_object()) {
    auto e = expected.begin();
    auto a = actual.begin();
    for (; e != expected.end() && a != actual.end(); ++e, ++a) {
      if (e.key() != a.key()) return where + ": expected member '" + e.key() + "' here, got '" + a.key() + "'";
      if (auto d = compare_json(e.value(), a.value(), where + "." + e.key()); !d.empty()) return d;
    }
    if (e != expected.end()) return where + ": missing member '" + e.key() + "'";
    if (a != actual.end()) return where + ": unexpected member '" + a.key() + "'";
    return {};
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      return where + ": expected " + std::to_string(expected.size()) + " elements, got " +
             std::to_string(actual.size());
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (auto d = compare_json(expected[i], actual[i], where + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    }
    return {};
  }
  if (expected != actual) return where + ": expected " + show(expected) + ", got " + show(actual);
  return {};
}

// `expected` and `actual` as `name=value&...`: the same names in the same order, each value equal
// or written "<redacted>" in `expected` (RecordingTransport's placeholder for a secret).
bool form_matches(std::string_view expected, std::string_view actual) {
  while (true) {
    const auto e_amp = expected.find('&');
    const auto a_amp = actual.find('&');
    const auto e_pair = expected.substr(0, e_amp);
    const auto a_pair = actual.substr(0, a_amp);
    const auto e_eq = e_pair.find('=');
    const auto a_eq = a_pair.find('=');
    if (e_pair != a_pair) {
      if (e_eq == std::string_view::npos || a_eq == std::string_view::npos) return false;
      if (e_pair.substr(0, e_eq) != a_pair.substr(0, a_eq) || e_pair.substr(e_eq + 1) != kRedacted) return false;
    }
    if ((e_amp == std::string_view::npos) != (a_amp == std::string_view::npos)) return false;
    if (e_amp == std::string_view::npos) return true;
    expected.remove_prefix(e_amp + 1);
    actual.remove_prefix(a_amp + 1);
  }
}

bool has_redacted_value(std::string_view form) {
  const std::string marker = "=" + std::string(kRedacted);
  for (auto at = form.find(marker); at != std::string_view::npos; at = form.find(marker, at + 1)) {
    const auto end = at + marker.size();
    if (end == form.size() || form[end] == '&') return true;
  }
  return false;
}

// Paths are equal, or equal up to '?' with queries that form_matches.
bool path_matches(std::string_view expected, std::string_view actual) {
  if (expected == actual) return true;
  const auto eq = expected.find('?');
  const auto aq = actual.find('?');
  if (eq == std::string_view::npos || aq == std::string_view::npos || expected.substr(0, eq) != actual.substr(0, aq)) {
    return false;
  }
  const auto query = expected.substr(eq + 1);
  return has_redacted_value(query) && form_matches(query, actual.substr(aq + 1));
}

std::string compare_body(const Exchange& ex, const std::string& body) {
  switch (ex.body_kind) {
    case BodyKind::kNone: return body.empty() ? std::string() : "expected no body, got " + quote(body);
    case BodyKind::kExact: {
      if (body == ex.body || (has_redacted_value(ex.body) && form_matches(ex.body, body))) return {};
      std::size_t i = 0;
      while (i < body.size() && i < ex.body.size() && body[i] == ex.body[i]) ++i;
      return "body differs at byte " + std::to_string(i) + "\n    expected " + quote(ex.body) + "\n    actual   " +
             quote(body);
    }
    case BodyKind::kJson: {
      auto parsed = detail::parse_json(body);
      if (!parsed) return "body is not JSON: " + quote(body);
      if (auto d = compare_json(ex.json, *parsed, "body"); !d.empty()) return d;
      auto canonical = detail::dump_strict(*parsed);
      if (!canonical || *canonical != body) return "body is not compact JSON: " + quote(body);
      return {};
    }
  }
  return {};
}

std::string compare_headers(const Exchange& ex, const http::Headers& actual) {
  std::string out;
  for (const auto& [name, value] : ex.headers) {
    const std::string* got = http::find_header(actual, name);
    if (got == nullptr) {
      out += "\n    missing header " + name;
    } else if (value != kRedacted && *got != value) {
      out += "\n    header " + name + ": expected " + quote(value) + ", got " + quote(*got);
    }
  }
  return out;
}

}  // namespace

ReplayTransport::ReplayTransport() = default;
ReplayTransport::~ReplayTransport() = default;

Result<std::shared_ptr<ReplayTransport>> ReplayTransport::from_json(std::string_view text, std::string source) {
  auto doc = detail::parse_json(text);
  if (!doc) return bad_fixture(source, "not valid JSON");
  auto replay = std::make_shared<ReplayTransport>();
  if (const Json* list = detail::member(*doc, "exchanges")) {
    if (!list->is_array()) return bad_fixture(source, "\"exchanges\" must be a list");
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto ex = parse_exchange((*list)[i], source + "#" + std::to_string(i));
      if (!ex) return ex.error();
      replay->exchanges_.push_back(std::move(*ex));
    }
  } else {
    auto ex = parse_exchange(*doc, source);
    if (!ex) return ex.error();
    replay->exchanges_.push_back(std::move(*ex));
  }
  return replay;
}

Result<std::shared_ptr<ReplayTransport>> ReplayTransport::from_files(const std::vector<std::string>& paths) {
  auto all = std::make_shared<ReplayTransport>();
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kConfig, "cannot read fixture " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto one = from_json(buffer.str(), path);
    if (!one) return one.error();
    for (auto& ex : (*one)->exchanges_) all->exchanges_.push_back(std::move(ex));
  }
  return all;
}

void ReplayTransport::set_request_check(RequestCheck check) {
  std::lock_guard<std::mutex> lock(mu_);
  check_ = std::move(check);
}

Result<http::Response> ReplayTransport::send(const http::Request& request) {
  std::lock_guard<std::mutex> lock(mu_);
  requests_.push_back(request);
  const std::string path = detail::url_path(request.url);
  const std::string what = std::string(http::to_string(request.method)) + " " + path;
  Exchange* match = nullptr;
  for (auto& ex : exchanges_) {
    if (!ex->used && ex->method == request.method && path_matches(ex->path, path)) {
      match = ex.get();
      break;
    }
  }
  std::string diff;
  if (match == nullptr) {
    diff = "no fixture for " + what + "\n  unused fixtures:";
    for (const auto& ex : exchanges_) {
      if (!ex->used) diff += "\n    " + ex->describe();
    }
  } else {
    diff = compare_headers(*match, request.headers);
    if (auto body = compare_body(*match, request.body); !body.empty()) diff += "\n    " + body;
    if (diff.empty() && check_) {
      if (auto problem = check_(request, match->check); !problem.empty()) diff = "\n    " + problem;
    }
    if (!diff.empty()) diff = what + " does not match " + match->describe() + ":" + diff;
  }
  if (!diff.empty()) {
    failures_.push_back(diff);
    return make_error(ErrorCode::kInternal, "replay mismatch: " + diff);
  }
  match->used = true;
  if (match->error) return *match->error;
  return match->response;
}

std::vector<std::string> ReplayTransport::failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_;
}

std::vector<std::string> ReplayTransport::unused() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& ex : exchanges_) {
    if (!ex->used) out.push_back(ex->describe());
  }
  return out;
}

std::vector<http::Request> ReplayTransport::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

std::string ReplayTransport::report() const {
  std::string out;
  for (const auto& f : failures()) out += "mismatch: " + f + "\n";
  for (const auto& u : unused()) out += "unused fixture: " + u + "\n";
  return out;
}

}  // namespace paygw::testing
