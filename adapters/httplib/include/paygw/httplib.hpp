// SPDX-License-Identifier: MIT
// paygw::httplib — the receive::Dispatcher on a cpp-httplib server, in a few lines:
//
//   #include <paygw/httplib.hpp>        // find_package(paygw CONFIG COMPONENTS httplib)
//   httplib::Server server;              // target_link_libraries(app PRIVATE paygw::httplib)
//   paygw::adapters::mount(server, *dispatcher);
//   server.listen("0.0.0.0", 8080);
//
// Header-only, so that it is compiled with your cpp-httplib (its version and its
// CPPHTTPLIB_* macros). paygw's own headers never include <httplib.h>; this optional component does.
#pragma once

#include <paygw/receive/dispatcher.hpp>

#include <httplib.h>

#include <functional>
#include <string>
#include <utility>

namespace paygw::adapters {

/// How mount() serves a Dispatcher.
struct HttplibOptions {
  /// The paths to route to the dispatcher (a cpp-httplib pattern, a regular expression): every
  /// path by default — the dispatcher answers 404 for a path it does not serve and 405 for a method.
  std::string pattern = ".*";
  /// Called after each reply is set, e.g. to log `reply.note` (never a secret). Optional.
  std::function<void(const ::httplib::Request&, const receive::Reply&)> on_reply;
};

/// A cpp-httplib handler that hands each request to `dispatcher` as it came — method, target
/// (path and query), headers, raw body — and sends its Reply: status, headers, body and
/// Content-Type. Never throws (Dispatcher::handle does not). Thread safety: the handler may run on
/// every server thread at once (Dispatcher::handle is thread-safe; so must `on_reply` be).
inline ::httplib::Server::Handler handler(receive::Dispatcher dispatcher, HttplibOptions options = {}) {
  return [dispatcher = std::move(dispatcher), options = std::move(options)](const ::httplib::Request& req,
                                                                            ::httplib::Response& res) {
    const http::Headers headers(req.headers.begin(), req.headers.end());
    const receive::Reply reply = dispatcher.handle(req.method, req.target, headers, req.body);
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    res.set_content(reply.body, reply.content_type);
    if (options.on_reply) options.on_reply(req, reply);
  };
}

/// Routes options.pattern on `server` to handler(dispatcher, options) for GET, POST, PUT, PATCH
/// and DELETE (the dispatcher answers 405 with Allow for a method its endpoint does not take).
/// Call before server.listen(). Thread safety: as handler().
inline void mount(::httplib::Server& server, const receive::Dispatcher& dispatcher, HttplibOptions options = {}) {
  const std::string pattern = options.pattern;
  const auto h = handler(dispatcher, std::move(options));
  server.Get(pattern, h);
  server.Post(pattern, h);
  server.Put(pattern, h);
  server.Patch(pattern, h);
  server.Delete(pattern, h);
}

}  // namespace paygw::adapters
