// SPDX-License-Identifier: MIT
// The real card-charging connection: each call is one endpoint row run through the shared pipeline.
#include "call/config_check.hpp"
#include "call/pipeline.hpp"
#include "charging/endpoints.hpp"
#include "http/util.hpp"

#include <memory>

namespace paygw::charging {
namespace detail {
namespace {

namespace core = paygw::detail;

class RealConnection final : public Connection, public std::enable_shared_from_this<RealConnection> {
 private:
  // One endpoint row through the pipeline, blocking or async (the connection stays alive until done).
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call(pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call_async(shared_from_this(), pipeline_, protocol_, ep, r, o);
  }

 public:
  RealConnection(Config config, std::string base_url)
      : pipeline_(static_cast<const ClientOptions&>(config), "charging"),  // no step: requests carry their sign
        protocol_(std::move(config), std::move(base_url)) {}

  Result<ChargeResult> submit(const CardRequest& card, const CallOptions& o) override { return call(kSubmit, card, o); }
  std::future<Result<ChargeResult>> submit_async(const CardRequest& card, const CallOptions& o) override {
    return call_async(kSubmit, card, o);
  }
  Result<ChargeResult> check(const CardRequest& card, const CallOptions& o) override { return call(kCheck, card, o); }
  std::future<Result<ChargeResult>> check_async(const CardRequest& card, const CallOptions& o) override {
    return call_async(kCheck, card, o);
  }
  Result<FeeTable> get_fees(const CallOptions& o) override { return call(kGetFees, NoPayload{}, o); }
  std::future<Result<FeeTable>> get_fees_async(const CallOptions& o) override {
    return call_async(kGetFees, NoPayload{}, o);
  }

 private:
  core::Pipeline pipeline_;
  ChargingProtocol protocol_;
};

}  // namespace
}  // namespace detail

Result<std::shared_ptr<Connection>> make_connection(Config config) {
  auto fail = [](std::string m) { return make_error(ErrorCode::kConfig, std::move(m)); };
  auto url = paygw::detail::check_connection_settings(config.base_url, "e.g. https://thesieure.com", config);
  if (!url) return url.error();
  if (config.path.empty() || config.path.front() != '/' || !paygw::detail::header_safe(config.path) ||
      config.path.find_first_of("?#") != std::string::npos) {
    return fail("path must start with '/' and carry no query");
  }
  if (config.partner_id.empty() || !detail::visible_ascii(config.partner_id)) return fail("partner_id is required");
  if (config.partner_key.empty()) return fail("partner_key is required");
  if (!config.sign_scheme) return fail("sign_scheme is required");
  // Aliases are looked up upper-case, and every canonical telco names itself.
  std::map<std::string, std::string> upper;
  for (const auto& [alias, telco] : config.telco_aliases) upper[paygw::detail::ascii_upper_copy(alias)] = telco;
  for (const auto& [telco, values] : config.denominations) {
    upper.emplace(telco, telco);
    if (values.empty()) return fail("denominations for " + telco + " are empty");
    for (Vnd v : values) {
      if (v <= 0 || v > kMaxAmountVnd)
        return fail("denominations for " + telco + " must be within 1.." + std::to_string(kMaxAmountVnd));
    }
  }
  config.telco_aliases = std::move(upper);
  return std::shared_ptr<Connection>(std::make_shared<detail::RealConnection>(std::move(config), std::move(*url)));
}

}  // namespace paygw::charging
