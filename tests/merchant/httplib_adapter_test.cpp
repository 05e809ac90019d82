// SPDX-License-Identifier: MIT
// paygw::httplib: a Dispatcher mounted on a real cpp-httplib server on 127.0.0.1 with
// adapters::mount(), driven by an HTTP client: a signed Tingee webhook is applied once however
// often it arrives, a bad signature is refused, an unknown path is 404, a wrong method 405 with
// Allow, and on_reply sees every reply.
#include <paygw/httplib.hpp>
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

TEST(HttplibAdapter, MountsTheDispatcher) {
  using namespace paygw;
  const std::string secret = "tingee-secret-for-the-adapter";
  std::atomic<int> applied{0};
  receive::DispatcherConfig config;
  config.store = make_memory_store();
  config.applier.handlers.tingee_payment = [&](const receive::TingeePayment&, receive::ApplyContext&) -> Result<void> {
    ++applied;
    return {};
  };
  config.tingee = receive::TingeeEndpoint{"/hooks/tingee", Secret(secret), {}};
  auto dispatcher = receive::Dispatcher::create(std::move(config));
  ASSERT_TRUE(dispatcher) << describe(dispatcher.error());

  httplib::Server server;
  std::mutex mu;
  std::vector<std::string> notes;
  adapters::HttplibOptions options;
  options.on_reply = [&](const httplib::Request& req, const receive::Reply& reply) {
    std::lock_guard<std::mutex> lock(mu);
    notes.push_back(req.method + " " + req.path + " " + std::to_string(reply.status));
  };
  adapters::mount(server, *dispatcher, options);
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread listener([&] { server.listen_after_bind(); });
  for (int i = 0; i < 2000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  httplib::Client client("127.0.0.1", port);
  const std::string body =
      R"({"clientId":"cid","transactionCode":"FT-ADAPTER-1","amount":2000,"content":"DH1","bank":"VCB",)"
      R"("bankBin":"970436","accountNumber":"0123","transactionDate":"20260716174026"})";
  const std::string ts = "20260716174026000";
  auto sig = tingee::sign(Secret(secret), ts, body);
  ASSERT_TRUE(sig);
  const httplib::Headers headers = {{"x-request-timestamp", ts}, {"x-signature", *sig}};
  for (int i = 0; i < 3; ++i) {
    auto res = client.Post("/hooks/tingee", headers, body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
  }
  EXPECT_EQ(applied.load(), 1);

  const httplib::Headers forged = {{"x-request-timestamp", ts}, {"x-signature", std::string(128, '0')}};
  auto refused = client.Post("/hooks/tingee", forged, body, "application/json");
  ASSERT_TRUE(refused);
  EXPECT_NE(refused->status, 200);
  auto unknown = client.Post("/nowhere", "{}", "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto method = client.Delete("/hooks/tingee");
  ASSERT_TRUE(method);
  EXPECT_EQ(method->status, 405);
  EXPECT_FALSE(method->get_header_value("Allow").empty());
  EXPECT_EQ(applied.load(), 1);

  server.stop();
  listener.join();
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(notes.size(), 6U);
  EXPECT_EQ(notes.front(), "POST /hooks/tingee 200");
  EXPECT_EQ(notes.back(), "DELETE /hooks/tingee 405");
}

}  // namespace
