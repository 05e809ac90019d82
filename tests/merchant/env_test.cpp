// SPDX-License-Identifier: MIT
// Config::from_env() of the three clients and the one table of variables (paygw/env.hpp): every
// field from its variable, every missing variable named at once, choices checked, no secret value
// in any message, and every variable documented in docs/sandbox-and-cli.md.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

using Vars = std::map<std::string, std::string>;

paygw::EnvLookup lookup_of(const Vars& vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const Vars kTingee = {{"PAYGW_TINGEE_BASE_URL", "https://uat-open-api.tingee.vn"},
                      {"PAYGW_TINGEE_CLIENT_ID", "cid-1"},
                      {"PAYGW_TINGEE_SECRET", "tingee-secret-value"}};
const Vars kTconnect = {{"PAYGW_TCONNECT_BASE_URL", "http://127.0.0.1:9"},
                        {"PAYGW_TCONNECT_PARTNER_CODE", "P1"},
                        {"PAYGW_TCONNECT_USERNAME", "u@x"},
                        {"PAYGW_TCONNECT_PASSWORD", "tc-password-value"},
                        {"PAYGW_TCONNECT_CLIENT_ID", "c1"},
                        {"PAYGW_TCONNECT_CLIENT_SECRET", "tc-client-secret-value"},
                        {"PAYGW_TCONNECT_AES_KEY", std::string(64, 'a')}};
const Vars kCharging = {{"PAYGW_CHARGING_BASE_URL", "https://thesieure.com"},
                        {"PAYGW_CHARGING_PARTNER_ID", "3681148751"},
                        {"PAYGW_CHARGING_PARTNER_KEY", "charging-key-value"}};

TEST(FromEnv, TingeeReadsEveryVariable) {
  Vars vars = kTingee;
  vars["PAYGW_TINGEE_BANK_PREFIX"] = "v1/bank";
  auto c = paygw::tingee::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(c) << paygw::describe(c.error());
  EXPECT_EQ(c->base_url, "https://uat-open-api.tingee.vn");
  EXPECT_EQ(c->client_id, "cid-1");
  EXPECT_EQ(c->secret.reveal(), "tingee-secret-value");
  EXPECT_EQ(c->bank_path_prefix, paygw::tingee::BankPathPrefix::kV1Bank);
  // With a transport it makes a client.
  auto transport = paygw::http::make_curl_transport();
  ASSERT_TRUE(transport);
  c->transport = *transport;
  EXPECT_TRUE(paygw::tingee::Client::create(*c));
}

TEST(FromEnv, TingeeDefaultsAndAllMissingNamedAtOnce) {
  auto c = paygw::tingee::Config::from_env(lookup_of(kTingee));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->bank_path_prefix, paygw::tingee::BankPathPrefix::kV1);
  auto none = paygw::tingee::Config::from_env(lookup_of({{"PAYGW_TINGEE_CLIENT_ID", "x"}}));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, paygw::ErrorCode::kConfig);
  EXPECT_NE(none.error().message.find("PAYGW_TINGEE_BASE_URL"), std::string::npos) << none.error().message;
  EXPECT_NE(none.error().message.find("PAYGW_TINGEE_SECRET"), std::string::npos) << none.error().message;
  EXPECT_EQ(none.error().message.find("PAYGW_TINGEE_CLIENT_ID"), std::string::npos) << none.error().message;
  // An empty value is not set.
  Vars empty = kTingee;
  empty["PAYGW_TINGEE_SECRET"] = "";
  EXPECT_FALSE(paygw::tingee::Config::from_env(lookup_of(empty)));
  Vars bad = kTingee;
  bad["PAYGW_TINGEE_BANK_PREFIX"] = "/v2";
  auto refused = paygw::tingee::Config::from_env(lookup_of(bad));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("PAYGW_TINGEE_BANK_PREFIX must be v1 or v1/bank"), std::string::npos);
}

TEST(FromEnv, TconnectReadsEveryVariable) {
  Vars vars = kTconnect;
  vars["PAYGW_TCONNECT_KEY_FORMAT"] = "RAW";
  vars["PAYGW_TCONNECT_AES_KEY"] = std::string(32, 'k');
  vars["PAYGW_TCONNECT_SERVICE_CODE"] = "vccb-qr";
  auto c = paygw::tconnect::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(c) << paygw::describe(c.error());
  EXPECT_EQ(c->base_url, "http://127.0.0.1:9");
  EXPECT_EQ(c->partner_code, "P1");
  EXPECT_EQ(c->username, "u@x");
  EXPECT_EQ(c->password.reveal(), "tc-password-value");
  EXPECT_EQ(c->client_id, "c1");
  EXPECT_EQ(c->client_secret.reveal(), "tc-client-secret-value");
  EXPECT_EQ(c->aes_key.reveal(), std::string(32, 'k'));
  EXPECT_EQ(c->aes_key_format, paygw::tconnect::KeyFormat::kRaw);
  EXPECT_EQ(c->service_code, "vccb-qr");
  auto transport = paygw::http::make_curl_transport();
  ASSERT_TRUE(transport);
  c->transport = *transport;
  EXPECT_TRUE(paygw::tconnect::Client::create(*c));
}

TEST(FromEnv, TconnectMissingAndBadFormat) {
  auto none = paygw::tconnect::Config::from_env(lookup_of({}));
  ASSERT_FALSE(none);
  for (const auto& [name, value] : kTconnect) {
    EXPECT_NE(none.error().message.find(name), std::string::npos) << name << ": " << none.error().message;
  }
  Vars bad = kTconnect;
  bad["PAYGW_TCONNECT_KEY_FORMAT"] = "base64";
  auto refused = paygw::tconnect::Config::from_env(lookup_of(bad));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, paygw::ErrorCode::kConfig);
}

TEST(FromEnv, ChargingReadsEveryVariable) {
  Vars vars = kCharging;
  vars["PAYGW_CHARGING_SCHEME"] = "B";
  auto c = paygw::charging::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(c) << paygw::describe(c.error());
  EXPECT_EQ(c->base_url, "https://thesieure.com");
  EXPECT_EQ(c->partner_id, "3681148751");
  EXPECT_EQ(c->partner_key.reveal(), "charging-key-value");
  // Scheme B signs key+code+command+partner_id+request_id+serial+telco.
  const paygw::charging::SignFields f{"3681148751", "charging", "R1", "VIETTEL", "CODE", "SERIAL"};
  EXPECT_EQ(c->sign_scheme("K", f), "KCODEcharging3681148751R1SERIALVIETTEL");
  auto a = paygw::charging::Config::from_env(lookup_of(kCharging));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->sign_scheme("K", f), "KCODESERIAL");
  Vars bad = kCharging;
  bad["PAYGW_CHARGING_SCHEME"] = "c";
  EXPECT_FALSE(paygw::charging::Config::from_env(lookup_of(bad)));
}

TEST(FromEnv, ChargingProfileByName) {
  const paygw::charging::SignFields f{"3681148751", "charging", "R1", "VIETTEL", "CODE", "SERIAL"};
  // The profile's base URL, paths and scheme, where the variables leave them unset.
  Vars vars = {{"PAYGW_CHARGING_PARTNER_ID", "3681148751"},
               {"PAYGW_CHARGING_PARTNER_KEY", "charging-key-value"},
               {"PAYGW_CHARGING_PROFILE", "Naptudong"}};
  auto c = paygw::charging::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(c) << paygw::describe(c.error());
  EXPECT_EQ(c->base_url, "https://naptudong.com");
  EXPECT_EQ(c->sign_scheme("K", f), "KCODEcharging3681148751R1SERIALVIETTEL") << "naptudong signs with scheme B";
  EXPECT_EQ(c->price_path, "") << "not known to serve /chargingws/price";
  EXPECT_EQ(c->serial_check_path, "");
  vars["PAYGW_CHARGING_PROFILE"] = "thesieure";
  auto t = paygw::charging::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(t) << paygw::describe(t.error());
  EXPECT_EQ(t->price_path, "/chargingws/price");
  EXPECT_EQ(t->serial_check_path, "/api/checkcard");
  // The variables win over the profile.
  vars["PAYGW_CHARGING_PROFILE"] = "naptudong";
  vars["PAYGW_CHARGING_BASE_URL"] = "http://127.0.0.1:9";
  vars["PAYGW_CHARGING_SCHEME"] = "a";
  auto own = paygw::charging::Config::from_env(lookup_of(vars));
  ASSERT_TRUE(own) << paygw::describe(own.error());
  EXPECT_EQ(own->base_url, "http://127.0.0.1:9");
  EXPECT_EQ(own->sign_scheme("K", f), "KCODESERIAL");
  // An unknown name: a configuration error naming the known profiles.
  vars["PAYGW_CHARGING_PROFILE"] = "no-such-host";
  auto unknown = paygw::charging::Config::from_env(lookup_of(vars));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, paygw::ErrorCode::kConfig);
  EXPECT_NE(unknown.error().message.find("PAYGW_CHARGING_PROFILE"), std::string::npos) << unknown.error().message;
  for (const auto& name : paygw::charging::profile_names()) {
    EXPECT_NE(unknown.error().message.find(name), std::string::npos) << unknown.error().message;
  }
  // Without a profile the base URL is still required.
  vars.erase("PAYGW_CHARGING_PROFILE");
  vars.erase("PAYGW_CHARGING_BASE_URL");
  EXPECT_FALSE(paygw::charging::Config::from_env(lookup_of(vars)));
}

TEST(FromEnv, NoSecretValueInAnyMessage) {
  // A bad choice next to secrets, and missing variables: the messages name variables, never values.
  Vars vars = kTconnect;
  vars.erase("PAYGW_TCONNECT_USERNAME");
  auto e = paygw::tconnect::Config::from_env(lookup_of(vars));
  ASSERT_FALSE(e);
  for (const auto& [name, value] : kTconnect) {
    if (name.find("PASSWORD") != std::string::npos || name.find("SECRET") != std::string::npos ||
        name.find("AES") != std::string::npos) {
      EXPECT_EQ(e.error().message.find(value), std::string::npos) << e.error().message;
    }
  }
}

TEST(FromEnv, ReadsTheProcessEnvironmentByDefault) {
  ::setenv("PAYGW_CHARGING_BASE_URL", "https://env.example.vn", 1);
  ::setenv("PAYGW_CHARGING_PARTNER_ID", "42", 1);
  ::setenv("PAYGW_CHARGING_PARTNER_KEY", "k-from-env", 1);
  ::unsetenv("PAYGW_CHARGING_SCHEME");
  auto c = paygw::charging::Config::from_env();
  ::unsetenv("PAYGW_CHARGING_BASE_URL");
  ::unsetenv("PAYGW_CHARGING_PARTNER_ID");
  ::unsetenv("PAYGW_CHARGING_PARTNER_KEY");
  ASSERT_TRUE(c) << paygw::describe(c.error());
  EXPECT_EQ(c->base_url, "https://env.example.vn");
  EXPECT_EQ(c->partner_id, "42");
  EXPECT_EQ(c->partner_key.reveal(), "k-from-env");
}

TEST(EnvTable, OneTableEveryVariableDocumented) {
  std::ifstream in(std::string(PAYGW_DOCS_DIR) + "/sandbox-and-cli.md");
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string docs = ss.str();
  const auto& all = paygw::env_variables();
  ASSERT_GE(all.size(), 18U);
  std::size_t listed = 0;
  for (const char* group : {"tingee", "tconnect", "charging", "store"}) {
    for (const auto& v : paygw::env_variables(group)) {
      ++listed;
      EXPECT_EQ(v.group, group);
      EXPECT_EQ(v.name.rfind("PAYGW_", 0), 0U) << v.name;
      EXPECT_FALSE(v.description.empty()) << v.name;
      // Documented as a table row: | `NAME` | ...
      EXPECT_NE(docs.find("| `" + std::string(v.name) + "` |"), std::string::npos)
          << v.name << " is not in the docs' table";
    }
  }
  EXPECT_EQ(listed, all.size());
  EXPECT_TRUE(paygw::env_variables("nope").empty());
}

}  // namespace
