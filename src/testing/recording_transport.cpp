#include <paygw/testing/replay_transport.hpp>

#include "http/util.hpp"
#include "testing/fixture.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace paygw::testing {

namespace json = detail::json;
using json::Json;

namespace {

bool listed(const std::vector<std::string>& names, std::string_view name) {
  for (const auto& n : names) {
    if (detail::iequals(n, name)) return true;
  }
  return false;
}

Json headers_json(const http::Headers& headers, const Redaction& redaction) {
  Json out = Json::object();
  for (const auto& [name, value] : headers) {
    if (name == "Expect") continue;
    out[detail::ascii_lower_copy(name)] = listed(redaction.headers, name) ? std::string(kRedacted) : value;
  }
  return out;
}

void redact_members(Json& node, const Redaction& redaction) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (listed(redaction.json_fields, key) && !value.is_null()) {
        value = std::string(kRedacted);
      } else {
        redact_members(value, redaction);
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) redact_members(item, redaction);
  }
}

// A JSON body is written as "json" (redacted, readable); anything else verbatim as "body".
Json body_json(const std::string& body, const Redaction& redaction) {
  if (body.empty()) return Json::object();
  auto parsed = json::parse(body);
  if (!parsed) return fixture::body_member(body);
  redact_members(*parsed, redaction);
  return fixture::body_member(body, &*parsed);
}

std::string slug(std::string_view path) {
  std::string out;
  for (char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

RecordingTransport::RecordingTransport(std::shared_ptr<http::Transport> inner, std::string directory,
                                       Redaction redaction)
    : inner_(std::move(inner)), directory_(std::move(directory)), redaction_(std::move(redaction)) {}

Result<http::Response> RecordingTransport::send(const http::Request& request) {
  auto result = inner_->send(request);

  Json req = Json::object();
  req["method"] = std::string(http::to_string(request.method));
  req["path"] = detail::url_path(request.url);
  req["headers"] = headers_json(request.headers, redaction_);
  req.update(body_json(request.body, redaction_));
  Json exchange = Json::object();
  exchange["request"] = std::move(req);
  if (result) {
    Json resp = Json::object();
    resp["status"] = result->status;
    resp["headers"] = headers_json(result->headers, redaction_);
    resp.update(body_json(result->body, redaction_));
    exchange["response"] = std::move(resp);
  } else {
    exchange["transport_error"] = Json{{"code", std::string(to_string(result.error().code))},
                                       {"delivery", result.error().maybe_sent() ? "maybe_sent" : "not_sent"}};
  }
  const std::string text = exchange.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";

  std::lock_guard<std::mutex> lock(mu_);
  char number[16];
  std::snprintf(number, sizeof number, "%03zu", ++counter_);
  const std::string path = directory_ + "/" + number + "-" + std::string(http::to_string(request.method)) + "-" +
                           slug(detail::url_path_without_query(request.url)) + ".json";
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (ec || !out) {
    failures_.push_back("cannot write " + path);
  } else {
    written_.push_back(path);
  }
  return result;
}

std::vector<std::string> RecordingTransport::failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_;
}

std::vector<std::string> RecordingTransport::written() const {
  std::lock_guard<std::mutex> lock(mu_);
  return written_;
}

}  // namespace paygw::testing
