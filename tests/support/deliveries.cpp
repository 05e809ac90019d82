// SPDX-License-Identifier: MIT
#include "deliveries.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace paygw::test {

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

namespace {

std::string unhex(const std::string& h) {
  std::string out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::string url_encode(const std::string& s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
  }
  return out;
}

constexpr const char* kTimestamp = "20260716174026000";

Inbound signed_tingee(const std::string& path, const std::string& secret, std::string body, std::string label) {
  Inbound d;
  d.target = path;
  d.headers = {{"Content-Type", "application/json"},
               {"x-request-timestamp", kTimestamp},
               {"x-signature", hmac_sha512_hex(secret, std::string(kTimestamp) + ":" + body)}};
  d.body = std::move(body);
  d.label = std::move(label);
  return d;
}

}  // namespace

std::string hmac_sha512_hex(const std::string& key, const std::string& message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), out, &len);
  return hex(std::string(reinterpret_cast<const char*>(out), len));
}

std::string md5_hex(const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, EVP_md5(), nullptr);
  return hex(std::string(reinterpret_cast<const char*>(out), len));
}

std::string tconnect_envelope(const std::string& key_hex, const std::string& iv16, const std::string& plaintext) {
  const std::string key = unhex(key_hex);
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::string out(plaintext.size() + 16, '\0');
  int n1 = 0, n2 = 0;
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  const bool ok =
      EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                         reinterpret_cast<const unsigned char*>(iv16.data())) == 1 &&
      EVP_EncryptUpdate(ctx, o, &n1, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(ctx, o + n1, &n2) == 1;
  EVP_CIPHER_CTX_free(ctx);
  if (!ok) throw std::runtime_error("AES-256-CBC failed");
  out.resize(static_cast<std::size_t>(n1 + n2));
  return R"({"data":")" + hex(iv16 + out) + R"("})";
}

Inbound tingee_payment(const std::string& path, const std::string& secret, const std::string& transaction_code,
                       std::int64_t amount, const std::string& bill_id) {
  std::string extra = bill_id.empty() ? "[]" : R"([{"name":"billId","value":")" + bill_id + R"("}])";
  std::string body = R"({"clientId":"client-1","transactionCode":")" + transaction_code + R"(","amount":)" +
                     std::to_string(amount) +
                     R"(,"content":"thanh toan","bank":"STB","bankBin":"970403","accountNumber":"0123456789",)"
                     R"("vaAccountNumber":"TNG60716173559","transactionDate":"20260716174026","additionalData":)" +
                     extra + "}";
  return signed_tingee(path, secret, std::move(body), "tingee " + transaction_code);
}

Inbound tingee_bank_link(const std::string& path, const std::string& secret, const std::string& request_id,
                         const std::string& status) {
  std::string body = R"({"requestId":")" + request_id + R"(","status":")" + status +
                     R"(","vaAccountNumber":"TNG1","accountNumber":"0123","accountName":"NGUYEN VAN A"})";
  return signed_tingee(path, secret, std::move(body), "tingee bank-link " + request_id);
}

Inbound tingee_ping(const std::string& path) {
  Inbound d;
  d.target = path;
  d.headers = {{"Content-Type", "application/json"}};
  d.body = R"({"event":"ping","message":"Tingee Webhook Connection Test","timestamp":1752662426000})";
  d.label = "tingee ping";
  return d;
}

Inbound tconnect_ipn(const std::string& path, const std::string& key_hex, const std::string& order_id,
                     std::int64_t amount, const std::string& request_id, int iv_seed) {
  std::string iv(16, '\0');
  for (int i = 0; i < 16; ++i) iv[static_cast<std::size_t>(i)] = static_cast<char>((iv_seed * 31 + i * 7) & 0xff);
  const std::string plain = R"({"order_id":")" + order_id + R"(","amount":)" + std::to_string(amount) +
                            R"(,"payment_type":"QR","retrieval_ref_no":"RRN)" + request_id + R"(","request_id":")" +
                            request_id + R"(","narrative":"thanh toan )" + order_id +
                            R"(","acc_no":"9704541234","original_transaction_date":1752662426})";
  Inbound d;
  d.target = path;
  d.headers = {{"Content-Type", "application/json"}};
  d.body = tconnect_envelope(key_hex, iv, plain);
  d.label = "tconnect " + order_id;
  return d;
}

Inbound charging_callback(const std::string& path, const std::string& partner_key, const Card& card, int status,
                          std::int64_t amount, std::int64_t value, CallbackForm form) {
  const std::string sign = md5_hex(partner_key + card.code + card.serial);
  std::vector<std::pair<std::string, std::string>> fields = {{"status", std::to_string(status)},
                                                             {"message", status == 99 ? "PENDING" : "Thành công"},
                                                             {"request_id", card.request_id},
                                                             {"declared_value", std::to_string(card.declared_value)},
                                                             {"code", card.code},
                                                             {"serial", card.serial},
                                                             {"telco", card.telco},
                                                             {"trans_id", "5418" + std::to_string(status)},
                                                             {"callback_sign", sign}};
  if (value >= 0) fields.emplace_back("value", std::to_string(value));
  if (amount >= 0) fields.emplace_back("amount", std::to_string(amount));
  Inbound d;
  d.label = "charging " + card.request_id + " status " + std::to_string(status);
  if (form == CallbackForm::kPostJson) {
    std::string body = "{";
    for (const auto& [k, v] : fields) {
      const bool number = k == "status" || k == "declared_value" || k == "value" || k == "amount";
      if (body.size() > 1) body += ",";
      body += "\"" + k + "\":" + (number ? v : "\"" + v + "\"");
    }
    d.body = body + "}";
    d.headers = {{"Content-Type", "application/json"}};
    d.target = path;
    return d;
  }
  std::string encoded;
  for (const auto& [k, v] : fields) encoded += (encoded.empty() ? "" : "&") + k + "=" + url_encode(v);
  if (form == CallbackForm::kGetQuery) {
    d.method = "GET";
    d.target = path + "?" + encoded;
  } else {
    d.target = path;
    d.body = encoded;
    d.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  }
  return d;
}

}  // namespace paygw::test
