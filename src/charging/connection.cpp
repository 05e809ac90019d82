// SPDX-License-Identifier: MIT
// The real card-charging connection: each call is one endpoint row run through the shared pipeline.
#include "call/call.hpp"
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
  // One endpoint row through the pipeline: blocking, a future or a Completion (the connection stays
  // alive until done). The overrides below are generated from charging/endpoints.rows.
  template <typename E, typename Req>
  auto call(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call(pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  auto call_async(const E& ep, const Req& r, const CallOptions& o) const {
    return core::call_future(shared_from_this(), pipeline_, protocol_, ep, r, o);
  }
  template <typename E, typename Req>
  void call_back(const E& ep, const Req& r, const CallOptions& o, Completion<typename E::Response> done) const {
    core::call_back(shared_from_this(), pipeline_, protocol_, ep, r, o, std::move(done));
  }

 public:
  RealConnection(Config config, std::string base_url)
      : pipeline_(static_cast<const ClientOptions&>(config), "charging"),  // no step: requests carry their sign
        protocol_(std::move(config), std::move(base_url)) {}

  // BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
  Result<ChargeResult> submit(const CardRequest& card, const CallOptions& options) override {
    return call(kSubmit, card, options);
  }
  std::future<Result<ChargeResult>> submit_async(const CardRequest& card, const CallOptions& options) override {
    return call_async(kSubmit, card, options);
  }
  void submit_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options) override {
    call_back(kSubmit, card, options, std::move(done));
  }
  Result<ChargeResult> check(const CardRequest& card, const CallOptions& options) override {
    return call(kCheck, card, options);
  }
  std::future<Result<ChargeResult>> check_async(const CardRequest& card, const CallOptions& options) override {
    return call_async(kCheck, card, options);
  }
  void check_async(const CardRequest& card, Completion<ChargeResult> done, const CallOptions& options) override {
    call_back(kCheck, card, options, std::move(done));
  }
  Result<FeeTable> get_fees(const CallOptions& options) override {
    return call(kGetFees, detail::NoPayload{}, options);
  }
  std::future<Result<FeeTable>> get_fees_async(const CallOptions& options) override {
    return call_async(kGetFees, detail::NoPayload{}, options);
  }
  void get_fees_async(Completion<FeeTable> done, const CallOptions& options) override {
    call_back(kGetFees, detail::NoPayload{}, options, std::move(done));
  }
  Result<PriceTable> get_price_table(const CallOptions& options) override {
    return call(kGetPriceTable, detail::NoPayload{}, options);
  }
  std::future<Result<PriceTable>> get_price_table_async(const CallOptions& options) override {
    return call_async(kGetPriceTable, detail::NoPayload{}, options);
  }
  void get_price_table_async(Completion<PriceTable> done, const CallOptions& options) override {
    call_back(kGetPriceTable, detail::NoPayload{}, options, std::move(done));
  }
  Result<SerialCheck> check_serial(const SerialCheckRequest& request, const CallOptions& options) override {
    return call(kCheckSerial, request, options);
  }
  std::future<Result<SerialCheck>> check_serial_async(const SerialCheckRequest& request,
                                                      const CallOptions& options) override {
    return call_async(kCheckSerial, request, options);
  }
  void check_serial_async(const SerialCheckRequest& request, Completion<SerialCheck> done,
                          const CallOptions& options) override {
    call_back(kCheckSerial, request, options, std::move(done));
  }
  // END generated

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
  const auto bad_path = [](const std::string& path) {
    return !path.empty() &&
           (path.front() != '/' || !paygw::detail::header_safe(path) || path.find_first_of("?#") != std::string::npos);
  };
  if (bad_path(config.price_path)) return fail("price_path must be empty or start with '/' and carry no query");
  if (bad_path(config.serial_check_path)) {
    return fail("serial_check_path must be empty or start with '/' and carry no query");
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
