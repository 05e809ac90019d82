// SPDX-License-Identifier: MIT
#include <paygw/testing/recording_transport.hpp>

#include "fixture.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace paygw::testing {

using detail::Json;

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
    out[detail::lower(name)] = listed(redaction.headers, name) ? std::string(kRedacted) : value;
  }
  return out;
}

// Whether the value of `name` is secret, given a test for "the same object/form has member x".
template <typename Has>
bool secret_field(const Redaction& redaction, std::string_view name, Has has) {
  if (listed(redaction.fields, name)) return true;
  for (const auto& [field, companion] : redaction.fields_beside) {
    if (detail::iequals(field, name) && has(companion)) return true;
  }
  return false;
}

void redact_members(Json& node, const Redaction& redaction) {
  if (node.is_object()) {
    auto has = [&node](const std::string& companion) {
      for (const auto& [key, value] : node.items()) {
        if (detail::iequals(key, companion)) return true;
      }
      return false;
    };
    for (auto& [key, value] : node.items()) {
      if (!value.is_null() && secret_field(redaction, key, has)) {
        value = std::string(kRedacted);
      } else {
        redact_members(value, redaction);
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) redact_members(item, redaction);
  }
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int hi = text[i] == '%' && i + 2 < text.size() ? detail::hex_value(text[i + 1]) : -1;
    const int lo = hi >= 0 ? detail::hex_value(text[i + 2]) : -1;
    if (hi >= 0 && lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(text[i] == '+' ? ' ' : text[i]);
    }
  }
  return out;
}

// `name=value&...` with the secret values replaced; every other byte is kept as it was.
std::string redact_form(std::string_view form, const Redaction& redaction) {
  std::vector<std::string_view> pairs;
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= form.size();) {
    const auto amp = form.find('&', start);
    const auto end = amp == std::string_view::npos ? form.size() : amp;
    pairs.push_back(form.substr(start, end - start));
    names.push_back(percent_decode(pairs.back().substr(0, pairs.back().find('='))));
    start = end + 1;
  }
  auto has = [&names](const std::string& companion) {
    for (const auto& n : names) {
      if (detail::iequals(n, companion)) return true;
    }
    return false;
  };
  std::string out;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (i > 0) out += '&';
    const auto eq = pairs[i].find('=');
    if (eq != std::string_view::npos && secret_field(redaction, names[i], has)) {
      out.append(pairs[i].substr(0, eq + 1)).append(kRedacted);
    } else {
      out.append(pairs[i]);
    }
  }
  return out;
}

// The path and query of `url` with the query's secret values redacted.
std::string redacted_path(const std::string& url, const Redaction& redaction) {
  std::string path = detail::url_path(url);
  const auto q = path.find('?');
  if (q == std::string::npos) return path;
  return path.substr(0, q + 1) + redact_form(std::string_view(path).substr(q + 1), redaction);
}

// A JSON body is written as "json" (redacted, readable); anything else as "body", read as a form.
Json body_json(const std::string& body, const Redaction& redaction) {
  if (body.empty()) return Json::object();
  auto parsed = detail::parse_json(body);
  if (!parsed) return detail::body_member(redact_form(body, redaction));
  const bool envelope =
      parsed->is_object() && parsed->size() == 1 && parsed->contains("data") && (*parsed)["data"].is_string();
  if (envelope && redaction.encrypted_envelopes) {
    (*parsed)["data"] = std::string(kRedacted);
  } else {
    redact_members(*parsed, redaction);
  }
  return detail::body_member(body, &*parsed);
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
  req["path"] = redacted_path(request.url, redaction_);
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
  const std::string text = exchange.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";

  std::lock_guard<std::mutex> lock(mu_);
  char number[16];
  std::snprintf(number, sizeof number, "%03zu", ++counter_);
  const std::string path = directory_ + "/" + number + "-" + std::string(http::to_string(request.method)) + "-" +
                           slug(detail::url_path(request.url, false)) + ".json";
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
