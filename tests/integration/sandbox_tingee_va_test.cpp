// SPDX-License-Identifier: MIT
// Integration: the checks of Tingee's virtual accounts through paygw's client against the
// sandbox's stateful simulation (tools/sandbox/tingee_va.cpp): create → OTP confirm → register
// notify; delete → confirm; a wrong OTP is refused and consumes its session; get-va-paging lists
// what exists. Blocking and async, on both bank path prefixes. Run by sandbox_tingee_test.cpp's
// EveryCall tests.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

using Prefix = tingee::BankPathPrefix;

constexpr const char* kOtp = "123456";  // every OTP the sandbox's bank sends
constexpr const char* kBidv = "970418";

tingee::Client client(const std::string& url, Prefix prefix = Prefix::kV1) {
  return tingee_client(10s, kTingeeSecret, url, prefix);
}

// A create-va of a new BIDV account (its number unique to this check).
tingee::CreateVaRequest create_request(const std::string& account = "AC" + unique_id()) {
  tingee::CreateVaRequest r;
  r.account_number = account;
  r.account_name = "NGUYEN VAN A";
  r.identity = "001090012345";
  r.mobile = "0901234567";
  r.shop_id = 12;
  r.bank_bin = kBidv;
  return r;
}

template <typename Confirmation>
Confirmation confirmation(const std::string& confirm_id, const std::string& otp = kOtp) {
  Confirmation r;
  r.confirm_id = confirm_id;
  r.otp_number = otp;
  r.bank_bin = kBidv;
  return r;
}

void expect_provider_error(const Error& e, const char* code) {
  EXPECT_EQ(e.code, ErrorCode::kProvider) << describe(e);
  EXPECT_EQ(e.provider_code, code) << describe(e);
}

// A linked (active) VA of a new account: its VA number ("" after a failure).
std::string linked_va(const tingee::Client& c, const std::string& account = "AC" + unique_id()) {
  auto created = c.create_va(create_request(account));
  EXPECT_TRUE(created.ok()) << describe(created.error());
  if (!created.ok()) return "";
  auto confirmed = c.confirm_va(confirmation<tingee::ConfirmVaRequest>(created->confirm_id));
  EXPECT_TRUE(confirmed.ok()) << describe(confirmed.error());
  return confirmed.ok() ? confirmed->va_account_number : "";
}

// The VAs whose account number, VA number or holder contains `filter`.
std::vector<tingee::VirtualAccount> listed(const tingee::Client& c, const std::string& filter) {
  tingee::GetVaPagingRequest r;
  r.filter = filter;
  r.max_result_count = 100;
  auto page = c.get_va_paging(r);
  EXPECT_TRUE(page.ok()) << describe(page.error());
  return page.ok() ? page->items : std::vector<tingee::VirtualAccount>{};
}

}  // namespace

Checks tingee_va_checks() {
  Checks k;
  k["tingee.create_va"] = [](const std::string& url, bool async) {
    for (const Prefix prefix : {Prefix::kV1, Prefix::kV1Bank}) {
      auto c = client(url, prefix);
      const auto request = create_request();
      auto created = IT_CALL(async, c, create_va, (request));
      ASSERT_OK(created);
      EXPECT_FALSE(created->confirm_id.empty());
      EXPECT_EQ(created->otp_method, "SMSTTT");
      EXPECT_EQ(created->status, "inactive");
      EXPECT_EQ(created->bank_name, "BIDV");
      EXPECT_EQ(created->shop_id.value_or(0), 12);
      EXPECT_EQ(created->va_account_number.rfind("TNG", 0), 0u) << created->va_account_number;
      EXPECT_EQ(created->message, "Success");
      const auto pending = listed(c, request.account_number);  // a pending link exists, inactive
      ASSERT_EQ(pending.size(), 1u);
      EXPECT_EQ(pending[0].status, "inactive");
      auto bad = request;  // the "84…" form Tingee refuses: refused by paygw, nothing sent
      bad.mobile = "84901234567";
      auto refused = IT_CALL(async, c, create_va, (bad));
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(refused.error().delivery, Delivery::kNotSent);
    }
  };
  k["tingee.create_va_advanced"] = [](const std::string& url, bool async) {
    auto c = client(url, Prefix::kV1Bank);
    tingee::CreateVaAdvancedRequest request;
    static_cast<tingee::CreateVaRequest&>(request) = create_request();
    request.bank_bin.clear();
    request.bank_name = "BIDV";  // by name: the same bank
    auto created = IT_CALL(async, c, create_va_advanced, (request));
    ASSERT_OK(created);
    EXPECT_FALSE(created->confirm_id.empty());
    auto confirmed = c.confirm_va(confirmation<tingee::ConfirmVaRequest>(created->confirm_id));
    ASSERT_OK(confirmed);
    EXPECT_EQ(confirmed->va_account_number, created->va_account_number);
  };
  k["tingee.confirm_va"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string account = "AC" + unique_id();
    auto created = c.create_va(create_request(account));
    ASSERT_OK(created);
    // A wrong OTP is refused, and consumes the session: the right one no longer works on it.
    auto wrong = IT_CALL(async, c, confirm_va, (confirmation<tingee::ConfirmVaRequest>(created->confirm_id, "000000")));
    ASSERT_FALSE(wrong.ok());
    expect_provider_error(wrong.error(), "1021");
    auto reused = IT_CALL(async, c, confirm_va, (confirmation<tingee::ConfirmVaRequest>(created->confirm_id)));
    ASSERT_FALSE(reused.ok());
    expect_provider_error(reused.error(), "1020");
    // A new create-va, a new OTP: the right one activates the VA.
    auto again = c.create_va(create_request(account));
    ASSERT_OK(again);
    auto confirmed = IT_CALL(async, c, confirm_va, (confirmation<tingee::ConfirmVaRequest>(again->confirm_id)));
    ASSERT_OK(confirmed);
    EXPECT_EQ(confirmed->account_number, account);
    EXPECT_EQ(confirmed->va_account_number, again->va_account_number);
    EXPECT_EQ(confirmed->account_type, "personal-account");
    EXPECT_EQ(confirmed->bank_name, "BIDV");
    EXPECT_EQ(confirmed->shop_id.value_or(0), 12);
    // Used once: a second confirm is refused; and the account is now linked (1010).
    auto twice = IT_CALL(async, c, confirm_va, (confirmation<tingee::ConfirmVaRequest>(again->confirm_id)));
    ASSERT_FALSE(twice.ok());
    expect_provider_error(twice.error(), "1020");
    auto relink = c.create_va(create_request(account));
    ASSERT_FALSE(relink.ok());
    expect_provider_error(relink.error(), "1010");
    bool active = false;
    for (const auto& va : listed(c, account))
      active = active || (va.va_account_number == confirmed->va_account_number && va.status == "active");
    EXPECT_TRUE(active);
  };
  k["tingee.delete_va"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string va = linked_va(c);
    ASSERT_FALSE(va.empty());
    auto session = IT_CALL(async, c, delete_va, (tingee::DeleteVaRequest{kBidv, va, std::nullopt}));
    ASSERT_OK(session);
    EXPECT_FALSE(session->confirm_id.empty());
    EXPECT_EQ(session->message, "Success");
    auto unknown =
        IT_CALL(async, c, delete_va, (tingee::DeleteVaRequest{kBidv, "TNG-NO-SUCH-" + unique_id(), std::nullopt}));
    ASSERT_FALSE(unknown.ok());
    expect_provider_error(unknown.error(), "1011");
    auto no_bin = IT_CALL(async, c, delete_va, (tingee::DeleteVaRequest{"", va, std::nullopt}));
    ASSERT_FALSE(no_bin.ok());
    EXPECT_EQ(no_bin.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(listed(c, va).size(), 1u) << "delete-va alone unlinks nothing";
  };
  k["tingee.confirm_delete_va"] = [](const std::string& url, bool async) {
    auto c = client(url, Prefix::kV1Bank);
    const std::string va = linked_va(c);
    ASSERT_FALSE(va.empty());
    auto first = c.delete_va({kBidv, va, std::nullopt});
    ASSERT_OK(first);
    auto wrong = IT_CALL(async, c, confirm_delete_va,
                         (confirmation<tingee::ConfirmDeleteVaRequest>(first->confirm_id, "999999")));
    ASSERT_FALSE(wrong.ok());
    expect_provider_error(wrong.error(), "1021");
    EXPECT_EQ(listed(c, va).size(), 1u) << "a wrong OTP deletes nothing";
    auto second = c.delete_va({kBidv, va, std::nullopt});
    ASSERT_OK(second);
    auto done =
        IT_CALL(async, c, confirm_delete_va, (confirmation<tingee::ConfirmDeleteVaRequest>(second->confirm_id)));
    ASSERT_OK(done);
    EXPECT_EQ(done->message, "Success");
    EXPECT_TRUE(listed(c, va).empty()) << "the VA is gone";
    auto again = c.delete_va({kBidv, va, std::nullopt});
    ASSERT_FALSE(again.ok());
    expect_provider_error(again.error(), "1011");
  };
  k["tingee.get_va_paging"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string tag = "PG" + unique_id() + "-";
    ASSERT_FALSE(linked_va(c, tag + "1").empty());
    ASSERT_FALSE(linked_va(c, tag + "2").empty());
    auto pending = c.create_va(create_request(tag + "3"));  // pending
    ASSERT_OK(pending);
    tingee::GetVaPagingRequest r;
    r.filter = tag;
    r.max_result_count = 2;
    auto page = IT_CALL(async, c, get_va_paging, (r));
    ASSERT_OK(page);
    EXPECT_EQ(page->total_count.value_or(-1), 3);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(page->message, "Success");
    r.skip_count = 2;
    auto rest = IT_CALL(async, c, get_va_paging, (r));
    ASSERT_OK(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    int active = 0;
    for (const auto* p : {&*page, &*rest}) {
      for (const auto& va : p->items) {
        EXPECT_EQ(va.bank_bin, kBidv);
        EXPECT_EQ(va.bank_name, "BIDV");
        EXPECT_EQ(va.account_number.rfind(tag, 0), 0u) << va.account_number;
        EXPECT_FALSE(va.creation_time.empty());
        active += va.status == "active" ? 1 : 0;
      }
    }
    EXPECT_EQ(active, 2);
    r.skip_count = 0;
    r.bank_bin = "970436";  // another bank: none of them
    auto vcb = IT_CALL(async, c, get_va_paging, (r));
    ASSERT_OK(vcb);
    EXPECT_EQ(vcb->total_count.value_or(-1), 0);
  };
  k["tingee.register_notify"] = [](const std::string& url, bool async) {
    auto c = client(url);
    const std::string va = linked_va(c);
    ASSERT_FALSE(va.empty());
    auto session = IT_CALL(async, c, register_notify, (tingee::RegisterNotifyRequest{std::nullopt, va, kBidv, ""}));
    ASSERT_OK(session);
    EXPECT_FALSE(session->confirm_id.empty());
    auto pending = c.create_va(create_request());  // not active yet: nothing to register
    ASSERT_OK(pending);
    auto early = IT_CALL(async, c, register_notify,
                         (tingee::RegisterNotifyRequest{std::nullopt, pending->va_account_number, kBidv, ""}));
    ASSERT_FALSE(early.ok());
    expect_provider_error(early.error(), "1011");
  };
  k["tingee.confirm_register_notify"] = [](const std::string& url, bool async) {
    auto c = client(url, Prefix::kV1Bank);
    const std::string va = linked_va(c);
    ASSERT_FALSE(va.empty());
    auto first = c.register_notify({std::nullopt, va, "", "BIDV"});
    ASSERT_OK(first);
    auto wrong = IT_CALL(async, c, confirm_register_notify,
                         (confirmation<tingee::ConfirmRegisterNotifyRequest>(first->confirm_id, "000001")));
    ASSERT_FALSE(wrong.ok());
    expect_provider_error(wrong.error(), "1021");
    auto second = c.register_notify({std::nullopt, va, kBidv, ""});
    ASSERT_OK(second);
    auto done = IT_CALL(async, c, confirm_register_notify,
                        (confirmation<tingee::ConfirmRegisterNotifyRequest>(second->confirm_id)));
    ASSERT_OK(done);
    EXPECT_EQ(done->message, "Success");
    EXPECT_TRUE(done->confirm_id.empty());
    auto twice = IT_CALL(async, c, confirm_register_notify,
                         (confirmation<tingee::ConfirmRegisterNotifyRequest>(second->confirm_id)));
    ASSERT_FALSE(twice.ok());
    expect_provider_error(twice.error(), "1020");
  };
  return k;
}

}  // namespace paygw::it
