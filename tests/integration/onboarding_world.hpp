// SPDX-License-Identifier: MIT
// The Tingee onboarding integration tests' world (sandbox_tingee_onboarding_test.cpp, the VA flows;
// sandbox_tingee_bank_link_onboarding_test.cpp, the hosted bank-link flow): the sandbox client
// behind a transport that counts each operation's requests and can refuse or swallow one, a memory
// store on a fixed clock, the sandbox's VA list, its hosted bank-link page, and EXPECT_STATE (also
// used by the SQLite and PostgreSQL onboarding tests).
#pragma once

#include "sandbox_fixture.hpp"

#include <paygw/tingee/onboarding.hpp>
#include <paygw/tingee/webhook.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace paygw::it {

using tingee::Onboarding;
using tingee::OnboardingState;
using tingee::OnboardingStep;

constexpr const char* kOtp = "123456";
constexpr const char* kBidv = "970418";
constexpr const char* kAcb = "970416";
constexpr const char* kVcb = "970436";  // the holder approves in the bank app (deepLink)
constexpr const char* kTpb = "970423";  // the holder approves on the authorizeLink page

/// The sandbox transport, with faults on one Tingee operation (the last path segment): `before`
/// runs before a request is sent and may refuse it (not sent); `after` runs once the answer came
/// back and may swallow it (the request was carried out, the caller learns nothing).
class FaultyTransport final : public http::Transport {
 public:
  struct Fault {
    std::string op;
    bool refuse_before = false;  // kConnect, nothing sent (every attempt, until cleared)
    bool lose_answer = false;    // kNetwork after the real exchange (once)
    std::function<void()> hook;  // runs at the fault, once
  };

  void arm(Fault f) {
    std::lock_guard<std::mutex> lock(mu_);
    fault_ = std::move(f);
  }
  void clear() { arm({}); }
  int sent(const std::string& op) {
    std::lock_guard<std::mutex> lock(mu_);
    return counts_[op];
  }

  Result<http::Response> send(const http::Request& request) override {
    const std::string op = op_of(request.url);
    Fault f;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (fault_.op == op) f = fault_;
      if (f.lose_answer) fault_ = {};
      if (f.refuse_before && f.hook) fault_.hook = nullptr;
    }
    if (f.refuse_before) {
      if (f.hook) f.hook();
      Error e = make_error(ErrorCode::kConnect, "test: connection refused");
      e.delivery = Delivery::kNotSent;
      return e;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++counts_[op];
    }
    auto r = transport()->send(request);
    if (f.lose_answer) {
      if (f.hook) f.hook();
      Error e = make_error(ErrorCode::kNetwork, "test: the answer was lost");
      e.delivery = Delivery::kMaybeSent;
      return e;
    }
    return r;
  }

 private:
  static std::string op_of(const std::string& url) {
    std::string path = url.substr(0, url.find('?'));
    return path.substr(path.rfind('/') + 1);
  }
  std::mutex mu_;
  Fault fault_;
  std::map<std::string, int> counts_;
};

/// A Tingee client of the sandbox that sends through `transport`.
inline tingee::Client sandbox_client_with(std::shared_ptr<http::Transport> transport) {
  tingee::Config c;
  c.base_url = sandbox().url();
  c.client_id = kTingeeId;
  c.secret = Secret(kTingeeSecret);
  c.transport = std::move(transport);
  c.timeout = 10s;
  return *tingee::Client::create(c);
}

/// A create-va request for `account` at bank `bin`.
inline tingee::CreateVaRequest va_request(const std::string& account, const std::string& bin = kBidv) {
  tingee::CreateVaRequest r;
  r.account_number = account;
  r.account_name = "NGUYEN VAN A";
  r.identity = "001090012345";
  r.mobile = "0901234567";
  r.bank_bin = bin;
  return r;
}

/// The sandbox's VAs of `account` (pending ones included), read through `client`.
inline std::vector<tingee::VirtualAccount> sandbox_vas(const tingee::Client& client, const std::string& account) {
  tingee::GetVaPagingRequest r;
  r.filter = account;
  r.max_result_count = 100;
  auto page = client.get_va_paging(r);
  EXPECT_TRUE(page.ok()) << describe(page.error());
  std::vector<tingee::VirtualAccount> out;
  if (page.ok()) {
    for (const auto& va : page->items) {
      if (va.account_number == account) out.push_back(va);
    }
  }
  return out;
}

struct World {
  std::shared_ptr<FixedClock> clock =
      std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::hours(490000)));
  std::shared_ptr<PaymentStore> store = make_memory_store({clock});
  std::shared_ptr<FaultyTransport> faults = std::make_shared<FaultyTransport>();
  tingee::Client client = sandbox_client_with(faults);

  tingee::OnboardingOptions options() const {
    tingee::OnboardingOptions o;
    o.clock = clock;
    return o;
  }
  /// Another process touches the flow (same state, same data): the object that sent cannot record.
  std::function<void()> crash(const std::string& flow_id) {
    return [this, flow_id] {
      auto f = store->find_flow(Provider::kTingee, flow_id);
      ASSERT_TRUE(f.ok() && f->has_value());
      ASSERT_TRUE(*store->update_flow(Provider::kTingee, flow_id, (*f)->version, (*f)->state, (*f)->data));
    };
  }
  Onboarding link(const std::string& flow_id, const std::string& account, const std::string& bin = kBidv) {
    auto o = Onboarding::link(client, store, flow_id, request(account, bin), options());
    EXPECT_TRUE(o.ok()) << describe(o.error());
    return std::move(*o);
  }
  static tingee::CreateVaRequest request(const std::string& account, const std::string& bin = kBidv) {
    return va_request(account, bin);
  }
  /// The sandbox's VAs of `account` (pending ones included).
  std::vector<tingee::VirtualAccount> vas(const std::string& account) { return sandbox_vas(client, account); }
  /// The holder opens the sandbox's approval page (a TPB authorizeLink, or a VCB confirmId's).
  static int approve(const std::string& link) {
    const std::string base = sandbox().url();
    EXPECT_EQ(link.rfind(base, 0), 0u) << link;
    httplib::Client http(base);
    auto r = http.Get(link.substr(base.size()));
    return r ? r->status : 0;
  }
  static std::string vcb_approval(const std::string& confirm_id) {
    return sandbox().url() + "/_sandbox/tingee/va/approve?confirmId=" + confirm_id;
  }
  void expect_one_active(const std::string& account, const std::string& va_number) {
    const auto all = vas(account);
    ASSERT_EQ(all.size(), 1u) << "exactly one VA of the account";
    EXPECT_EQ(all[0].status, "active");
    EXPECT_EQ(all[0].va_account_number, va_number);
  }
};

/// The holder completes the sandbox's hosted page of `session` (its `s`) with `account`; the
/// signed bank-link webhook goes to the receiver's `hook_path`. Returns the page's HTTP status.
inline int complete_page(const std::string& session, const std::string& account, const std::string& hook_path,
                         const std::string& status = "confirm-va-success") {
  const nlohmann::json body = {{"s", session},
                               {"accountNumber", account},
                               {"bankName", "BIDV"},
                               {"status", status},
                               {"url", receiver().url(hook_path)}};
  return admin("/_sandbox/tingee/bank-link", body.dump()).status;
}

/// The one bank-link webhook the receiver's `hook_path` got, verified.
inline tingee::BankLinkEvent the_event(const std::string& hook_path) {
  const auto hits = receiver().hits(hook_path);
  EXPECT_EQ(hits.size(), 1u) << "one bank-link webhook";
  if (hits.empty()) return {};
  auto event = tingee::verify_webhook(hits.back().body, hits.back().headers, Secret(kTingeeSecret));
  EXPECT_TRUE(event.ok()) << describe(event.error());
  if (!event.ok() || !event->bank_link) return {};
  return *event->bank_link;
}

inline tingee::CreateBankLinkSessionRequest session_request() {
  tingee::CreateBankLinkSessionRequest r;
  r.redirect_url = "https://shop.example/linked";
  r.bank_name = "BIDV";
  return r;
}

// Evaluates `expr` once (a call of the flow) and checks its state and step.
#define EXPECT_STATE(expr, st, sp)                                                 \
  do {                                                                             \
    const auto r_ = (expr);                                                        \
    ASSERT_TRUE(r_.ok()) << describe(r_.error());                                  \
    EXPECT_EQ(tingee::to_string(r_->state), tingee::to_string(st)) << r_->message; \
    EXPECT_EQ(tingee::to_string(r_->step), tingee::to_string(sp)) << r_->message;  \
  } while (0)

}  // namespace paygw::it
