// SPDX-License-Identifier: MIT
// Uses an installed paygw + paygw::sqlite offline: a store in a scratch file, a Tingee webhook
// signed with paygw::tingee::sign, delivered twice to a receive::Dispatcher: applied once.
#include <paygw/paygw.hpp>
#include <paygw/receive/dispatcher.hpp>
#include <paygw/store/sqlite.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  using namespace paygw;
  if (argc != 2) return std::puts("usage: sqlite_consumer <database file>"), 2;
  sqlite::StoreOptions options;
  options.path = argv[1];
  auto store = sqlite::open_store(options);
  if (!store) return std::printf("store: %s\n", describe(store.error()).c_str()), 1;

  int credits = 0;
  receive::DispatcherConfig config;
  config.store = *store;
  config.applier.handlers.tingee_payment = [&](const receive::TingeePayment&, receive::ApplyContext&) -> Result<void> {
    ++credits;
    return {};
  };
  config.tingee = receive::TingeeEndpoint{"/tingee", Secret("consumer-secret"), {}};
  auto dispatcher = receive::Dispatcher::create(std::move(config));
  if (!dispatcher) return std::printf("dispatcher: %s\n", describe(dispatcher.error()).c_str()), 1;

  const std::string body =
      R"({"transactionCode":"FT-CONSUMER","amount":2000,"accountNumber":"0123","transactionDate":"20260716174026"})";
  auto sig = tingee::sign(Secret("consumer-secret"), "20260716174026000", body);
  if (!sig) return 1;
  const http::Headers headers = {{"x-request-timestamp", "20260716174026000"}, {"x-signature", *sig}};
  for (int i = 0; i < 2; ++i) {
    const auto reply = dispatcher->handle("POST", "/tingee", headers, body);
    if (reply.status != 200) return std::printf("reply %d: %s\n", reply.status, reply.note.c_str()), 1;
  }
  if (credits != 1) return std::printf("applied %d times\n", credits), 1;
  std::printf("paygw %s sqlite consumer OK\n", kVersion);
  return 0;
}
