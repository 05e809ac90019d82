// SPDX-License-Identifier: MIT
// paygw-sandbox — the VietQR bank directory (src/vietqr/banks.tsv, the list paygw compiles in),
// read with the sandbox's own few lines of parsing (it does not link paygw): Tingee's get-banks
// serves its banks, bankName finds them, and GET /_sandbox/banks lists all of them in the shape
// of api.vietqr.io/v2/banks.
#include "sandbox.hpp"

#include <sstream>

namespace paygw::sandbox {

const std::vector<DirectoryBank>& directory_banks() {
  static const std::vector<DirectoryBank> banks = [] {
    std::vector<DirectoryBank> out;
    std::istringstream in(banks_tsv());
    bool header = false;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      if (!header) {
        header = true;  // bin code short_name name tingee_code
        continue;
      }
      std::vector<std::string> f;
      std::istringstream fields(line);
      for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
      while (f.size() < 5) f.emplace_back();
      out.push_back(DirectoryBank{f[0], f[1], f[2], f[3], f[4]});
    }
    return out;
  }();
  return banks;
}

std::string tingee_bank_bin(const std::string& bank_name) {
  for (const auto& b : directory_banks()) {
    if (!b.tingee_code.empty() && b.tingee_code == bank_name) return b.bin;
  }
  return "";
}

Json tingee_banks_json() {
  Json banks = Json::array();
  for (const auto& b : directory_banks()) {
    if (b.tingee_code.empty()) continue;
    banks.push_back(Json{{"code", b.tingee_code},
                         {"name", b.name},
                         {"shortName", b.short_name},
                         {"bin", b.bin},
                         {"urlLogo", ""},
                         {"termsAndConditions", {{"url", ""}, {"urlVA", ""}}}});
  }
  return banks;
}

void install_banks(httplib::Server& server) {
  server.Get("/_sandbox/banks", [](const httplib::Request&, httplib::Response& res) {
    Json data = Json::array();
    for (const auto& b : directory_banks()) {
      data.push_back(Json{{"bin", b.bin}, {"code", b.code}, {"shortName", b.short_name}, {"name", b.name}});
    }
    json_reply(res, 200, Json{{"code", "00"}, {"desc", "bank directory"}, {"data", data}});
  });
}

}  // namespace paygw::sandbox
