// SPDX-License-Identifier: MIT
// The CURLcode -> (ErrorCode, Delivery) mapping over every code of libcurl 7.88's curl.h, with
// and without request bytes written, and the pre-request / new-connection decisions. The table
// is written from curl.h and from where libcurl raises each code (docs/adr/0004-curl-transport.md),
// not from the implementation.
#include <gtest/gtest.h>

#include <iterator>

#include "http/curl_errors.hpp"

namespace {

using namespace paygw;
using detail::BeforeSend;
using detail::classify_curl_failure;
using detail::CurlFailureFacts;
using E = ErrorCode;
constexpr Delivery kNot = Delivery::kNotSent;
constexpr Delivery kMaybe = Delivery::kMaybeSent;

struct Row {
  int code;
  E unwritten_code;    // nothing written
  Delivery unwritten;  // nothing written
  E written_code;      // a request byte may have left: always kMaybeSent
};

// clang-format off
const Row kTable[] = {
    {0, E::kInternal, kMaybe, E::kInternal},             // OK: never a failure
    {1, E::kInvalidArgument, kNot, E::kNetwork},         // UNSUPPORTED_PROTOCOL (scheme; after sending: HTTP/0.9)
    {2, E::kInternal, kNot, E::kInternal},               // FAILED_INIT
    {3, E::kInvalidArgument, kNot, E::kNetwork},         // URL_MALFORMAT
    {4, E::kConfig, kNot, E::kNetwork},                  // NOT_BUILT_IN
    {5, E::kConnect, kNot, E::kConnect},                 // COULDNT_RESOLVE_PROXY
    {6, E::kConnect, kNot, E::kConnect},                 // COULDNT_RESOLVE_HOST
    {7, E::kConnect, kNot, E::kConnect},                 // COULDNT_CONNECT (also libcurl's own retry after a written try)
    {8, E::kNetwork, kMaybe, E::kNetwork},               // WEIRD_SERVER_REPLY
    {9, E::kInternal, kMaybe, E::kInternal},             // REMOTE_ACCESS_DENIED
    {10, E::kInternal, kMaybe, E::kInternal},            // FTP_ACCEPT_FAILED
    {11, E::kInternal, kMaybe, E::kInternal},            // FTP_WEIRD_PASS_REPLY
    {12, E::kInternal, kMaybe, E::kInternal},            // FTP_ACCEPT_TIMEOUT
    {13, E::kInternal, kMaybe, E::kInternal},            // FTP_WEIRD_PASV_REPLY
    {14, E::kInternal, kMaybe, E::kInternal},            // FTP_WEIRD_227_FORMAT
    {15, E::kInternal, kMaybe, E::kInternal},            // FTP_CANT_GET_HOST
    {16, E::kNetwork, kMaybe, E::kNetwork},              // HTTP2
    {17, E::kInternal, kMaybe, E::kInternal},            // FTP_COULDNT_SET_TYPE
    {18, E::kNetwork, kMaybe, E::kNetwork},              // PARTIAL_FILE
    {19, E::kInternal, kMaybe, E::kInternal},            // FTP_COULDNT_RETR_FILE
    {20, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE20
    {21, E::kInternal, kMaybe, E::kInternal},            // QUOTE_ERROR
    {22, E::kNetwork, kMaybe, E::kNetwork},              // HTTP_RETURNED_ERROR
    {23, E::kNetwork, kMaybe, E::kNetwork},              // WRITE_ERROR (a response was being received)
    {24, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE24
    {25, E::kNetwork, kMaybe, E::kNetwork},              // UPLOAD_FAILED
    {26, E::kInternal, kNot, E::kInternal},              // READ_ERROR
    {27, E::kInternal, kNot, E::kResponseTooLarge},      // OUT_OF_MEMORY (after sending: a header line over 100 KiB)
    {28, E::kTimeout, kNot, E::kTimeout},                // OPERATION_TIMEDOUT
    {29, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE29
    {30, E::kInternal, kMaybe, E::kInternal},            // FTP_PORT_FAILED
    {31, E::kInternal, kMaybe, E::kInternal},            // FTP_COULDNT_USE_REST
    {32, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE32
    {33, E::kInternal, kMaybe, E::kInternal},            // RANGE_ERROR
    {34, E::kNetwork, kMaybe, E::kNetwork},              // HTTP_POST_ERROR
    {35, E::kTls, kNot, E::kTls},                        // SSL_CONNECT_ERROR
    {36, E::kInternal, kMaybe, E::kInternal},            // BAD_DOWNLOAD_RESUME
    {37, E::kInternal, kMaybe, E::kInternal},            // FILE_COULDNT_READ_FILE
    {38, E::kInternal, kMaybe, E::kInternal},            // LDAP_CANNOT_BIND
    {39, E::kInternal, kMaybe, E::kInternal},            // LDAP_SEARCH_FAILED
    {40, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE40
    {41, E::kInternal, kMaybe, E::kInternal},            // FUNCTION_NOT_FOUND
    {42, E::kInternal, kNot, E::kInternal},              // ABORTED_BY_CALLBACK (no transport flag set)
    {43, E::kInternal, kNot, E::kInternal},              // BAD_FUNCTION_ARGUMENT
    {44, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE44
    {45, E::kConnect, kNot, E::kConnect},                // INTERFACE_FAILED
    {46, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE46
    {47, E::kNetwork, kMaybe, E::kNetwork},              // TOO_MANY_REDIRECTS
    {48, E::kInternal, kNot, E::kInternal},              // UNKNOWN_OPTION
    {49, E::kInternal, kNot, E::kInternal},              // SETOPT_OPTION_SYNTAX
    {50, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE50
    {51, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE51
    {52, E::kNetwork, kMaybe, E::kNetwork},              // GOT_NOTHING
    {53, E::kTls, kNot, E::kTls},                        // SSL_ENGINE_NOTFOUND
    {54, E::kTls, kNot, E::kTls},                        // SSL_ENGINE_SETFAILED
    {55, E::kNetwork, kNot, E::kNetwork},                // SEND_ERROR
    {56, E::kNetwork, kMaybe, E::kNetwork},              // RECV_ERROR
    {57, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE57
    {58, E::kTls, kNot, E::kTls},                        // SSL_CERTPROBLEM
    {59, E::kTls, kNot, E::kTls},                        // SSL_CIPHER
    {60, E::kTls, kNot, E::kTls},                        // PEER_FAILED_VERIFICATION
    {61, E::kNetwork, kMaybe, E::kNetwork},              // BAD_CONTENT_ENCODING
    {62, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE62
    {63, E::kResponseTooLarge, kMaybe, E::kResponseTooLarge},  // FILESIZE_EXCEEDED
    {64, E::kTls, kNot, E::kTls},                        // USE_SSL_FAILED
    {65, E::kNetwork, kMaybe, E::kNetwork},              // SEND_FAIL_REWIND
    {66, E::kTls, kNot, E::kTls},                        // SSL_ENGINE_INITFAILED
    {67, E::kInternal, kMaybe, E::kInternal},            // LOGIN_DENIED
    {68, E::kInternal, kMaybe, E::kInternal},            // TFTP_NOTFOUND
    {69, E::kInternal, kMaybe, E::kInternal},            // TFTP_PERM
    {70, E::kInternal, kMaybe, E::kInternal},            // REMOTE_DISK_FULL
    {71, E::kInternal, kMaybe, E::kInternal},            // TFTP_ILLEGAL
    {72, E::kInternal, kMaybe, E::kInternal},            // TFTP_UNKNOWNID
    {73, E::kInternal, kMaybe, E::kInternal},            // REMOTE_FILE_EXISTS
    {74, E::kInternal, kMaybe, E::kInternal},            // TFTP_NOSUCHUSER
    {75, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE75
    {76, E::kInternal, kMaybe, E::kInternal},            // OBSOLETE76
    {77, E::kTls, kNot, E::kTls},                        // SSL_CACERT_BADFILE
    {78, E::kInternal, kMaybe, E::kInternal},            // REMOTE_FILE_NOT_FOUND
    {79, E::kInternal, kMaybe, E::kInternal},            // SSH
    {80, E::kTls, kMaybe, E::kTls},                      // SSL_SHUTDOWN_FAILED (closing, after the exchange)
    {81, E::kInternal, kMaybe, E::kInternal},            // AGAIN (curl_easy_send/recv only)
    {82, E::kTls, kNot, E::kTls},                        // SSL_CRL_BADFILE
    {83, E::kTls, kNot, E::kTls},                        // SSL_ISSUER_ERROR
    {84, E::kInternal, kMaybe, E::kInternal},            // FTP_PRET_FAILED
    {85, E::kInternal, kMaybe, E::kInternal},            // RTSP_CSEQ_ERROR
    {86, E::kInternal, kMaybe, E::kInternal},            // RTSP_SESSION_ERROR
    {87, E::kInternal, kMaybe, E::kInternal},            // FTP_BAD_FILE_LIST
    {88, E::kNetwork, kMaybe, E::kNetwork},              // CHUNK_FAILED
    {89, E::kConnect, kNot, E::kConnect},                // NO_CONNECTION_AVAILABLE
    {90, E::kTls, kNot, E::kTls},                        // SSL_PINNEDPUBKEYNOTMATCH
    {91, E::kTls, kNot, E::kTls},                        // SSL_INVALIDCERTSTATUS
    {92, E::kNetwork, kMaybe, E::kNetwork},              // HTTP2_STREAM
    {93, E::kInternal, kNot, E::kInternal},              // RECURSIVE_API_CALL
    {94, E::kInternal, kNot, E::kInternal},              // AUTH_ERROR
    {95, E::kNetwork, kMaybe, E::kNetwork},              // HTTP3
    {96, E::kConnect, kNot, E::kConnect},                // QUIC_CONNECT_ERROR
    {97, E::kConnect, kNot, E::kConnect},                // PROXY
    {98, E::kTls, kNot, E::kTls},                        // SSL_CLIENTCERT
    {99, E::kNetwork, kNot, E::kNetwork},                // UNRECOVERABLE_POLL
};
// clang-format on

// A try began to send (the pre-request callback let it); `written`: libcurl counted bytes of it.
CurlFailureFacts facts(int code, bool written) {
  CurlFailureFacts f;
  f.code = static_cast<CURLcode>(code);
  f.maybe_written = written;
  f.sending_started = true;
  return f;
}

TEST(CurlErrorMapping, TableCoversEveryCodeOfThisLibcurl) {
  ASSERT_EQ(std::size(kTable), static_cast<std::size_t>(CURL_LAST))
      << "libcurl has CURLcodes this table does not place: audit them (ADR 0004) and add rows";
  for (std::size_t i = 0; i < std::size(kTable); ++i) EXPECT_EQ(kTable[i].code, static_cast<int>(i));
}

TEST(CurlErrorMapping, EveryCodeWithAndWithoutBytesWritten) {
  for (const Row& row : kTable) {
    SCOPED_TRACE("CURLcode " + std::to_string(row.code) + " " + curl_easy_strerror(static_cast<CURLcode>(row.code)));
    const auto unwritten = classify_curl_failure(facts(row.code, false));
    EXPECT_EQ(unwritten.code, row.unwritten_code);
    EXPECT_EQ(unwritten.delivery, row.unwritten);
    const auto written = classify_curl_failure(facts(row.code, true));
    EXPECT_EQ(written.code, row.written_code);
    EXPECT_EQ(written.delivery, kMaybe) << "a request byte may have left: never kNotSent";
    EXPECT_NE(written.code, E::kInvalidArgument) << "kInvalidArgument promises nothing was sent";
    EXPECT_NE(written.code, E::kConfig) << "kConfig promises nothing was sent";
    EXPECT_NE(std::string(written.what), "");
  }
}

TEST(CurlErrorMapping, TransportFlagsDecideBeforeTheCode) {
  CurlFailureFacts f = facts(CURLE_ABORTED_BY_CALLBACK, false);
  f.cancelled = true;
  EXPECT_EQ(classify_curl_failure(f).code, E::kCancelled);
  EXPECT_EQ(classify_curl_failure(f).delivery, kNot);
  f.maybe_written = true;
  EXPECT_EQ(classify_curl_failure(f).delivery, kMaybe);

  for (CURLcode code : {CURLE_ABORTED_BY_CALLBACK, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR}) {
    CurlFailureFacts refused = facts(code, true);  // stopped in the pre-request or sockopt callback
    refused.resend_refused = true;
    EXPECT_EQ(classify_curl_failure(refused).code, E::kNetwork);
    EXPECT_EQ(classify_curl_failure(refused).delivery, kMaybe);
  }

  CurlFailureFacts stale = facts(CURLE_ABORTED_BY_CALLBACK, false);
  stale.stale_connection = true;
  EXPECT_EQ(classify_curl_failure(stale).code, E::kNetwork);
  EXPECT_EQ(classify_curl_failure(stale).delivery, kNot);

  CurlFailureFacts body = facts(CURLE_WRITE_ERROR, true);
  body.body_too_large = true;
  EXPECT_EQ(classify_curl_failure(body).code, E::kResponseTooLarge);
  EXPECT_EQ(classify_curl_failure(body).delivery, kMaybe);
  CurlFailureFacts headers = facts(CURLE_WRITE_ERROR, true);
  headers.headers_too_large = true;
  EXPECT_EQ(classify_curl_failure(headers).code, E::kResponseTooLarge);
  EXPECT_EQ(classify_curl_failure(headers).delivery, kMaybe);
  headers.maybe_written = false;  // headers arrived: the answer to a request, whatever the counters say
  EXPECT_EQ(classify_curl_failure(headers).delivery, kMaybe);

  CurlFailureFacts connect = facts(CURLE_OPERATION_TIMEDOUT, false);
  connect.sending_started = false;
  EXPECT_EQ(std::string(classify_curl_failure(connect).what), "connect timed out");
  connect.sending_started = true;
  EXPECT_EQ(std::string(classify_curl_failure(connect).what), "request timed out");
}

// No try began to send (the pre-request callback never let one): the failure came while
// connecting, and through a proxy the counters hold the CONNECT request and the proxy's answer,
// not the request. Issue 21: a refused CONNECT and a TLS verification failure behind a proxy
// were kMaybeSent.
TEST(CurlErrorMapping, NothingLeftBeforeTheFirstTryWhateverTheCounters) {
  for (const Row& row : kTable) {
    SCOPED_TRACE("CURLcode " + std::to_string(row.code) + " " + curl_easy_strerror(static_cast<CURLcode>(row.code)));
    CurlFailureFacts f = facts(row.code, true);  // the proxy's CONNECT exchange was counted
    f.sending_started = false;
    const auto failure = classify_curl_failure(f);
    EXPECT_EQ(failure.delivery, kNot);
    if (row.unwritten == kNot) {
      EXPECT_EQ(failure.code, row.unwritten_code) << "the code of a connect-phase failure";
    }
  }
  CurlFailureFacts refused = facts(CURLE_RECV_ERROR, true);  // libcurl 7.88: "CONNECT tunnel failed, response 403"
  refused.sending_started = false;
  EXPECT_EQ(classify_curl_failure(refused).code, E::kConnect);
  CurlFailureFacts verify = facts(CURLE_PEER_FAILED_VERIFICATION, true);
  verify.sending_started = false;
  EXPECT_EQ(classify_curl_failure(verify).code, E::kTls);
  EXPECT_EQ(classify_curl_failure(verify).delivery, kNot);
  CurlFailureFacts resend = facts(CURLE_COULDNT_CONNECT, true);  // refused resend: a try had begun
  resend.sending_started = false;
  resend.resend_refused = true;
  EXPECT_EQ(classify_curl_failure(resend).delivery, kMaybe);
}

TEST(CurlErrorMapping, AHeaderLineOverLibcurlsLimitIsResponseTooLarge) {
  // libcurl 7.88 fails a response header line over CURL_MAX_HTTP_HEADER (100 KiB) with
  // CURLE_OUT_OF_MEMORY; the request was out, so it is a too-large answer, not "internal".
  const auto failure = classify_curl_failure(facts(CURLE_OUT_OF_MEMORY, true));
  EXPECT_EQ(failure.code, E::kResponseTooLarge);
  EXPECT_EQ(failure.delivery, kMaybe);
}

TEST(CurlResendDecision, BeforeEachTryToSend) {
  using detail::decide_before_send;
  // try, earlier try may be written, connection reused, input waiting
  EXPECT_EQ(decide_before_send(1, false, false, false), BeforeSend::kSend);
  EXPECT_EQ(decide_before_send(1, false, true, false), BeforeSend::kSend);
  EXPECT_EQ(decide_before_send(1, false, true, true), BeforeSend::kAbortStaleConnection);
  EXPECT_EQ(decide_before_send(1, false, false, true), BeforeSend::kSend) << "a new connection: TLS data may wait";
  EXPECT_EQ(decide_before_send(2, false, false, false), BeforeSend::kSend) << "the keep-alive race: nothing left";
  EXPECT_EQ(decide_before_send(2, false, true, false), BeforeSend::kSend);
  EXPECT_EQ(decide_before_send(2, true, false, false), BeforeSend::kAbortResend);
  EXPECT_EQ(decide_before_send(2, true, true, false), BeforeSend::kAbortResend);
  EXPECT_EQ(decide_before_send(2, true, true, true), BeforeSend::kAbortResend);
  EXPECT_EQ(decide_before_send(6, true, false, false), BeforeSend::kAbortResend);
}

TEST(CurlResendDecision, NewConnections) {
  using detail::may_open_connection;
  EXPECT_TRUE(may_open_connection(0, false));
  EXPECT_TRUE(may_open_connection(0, true));  // the first connection of a transfer
  EXPECT_TRUE(may_open_connection(1, false)) << "libcurl's resend after nothing was written";
  EXPECT_FALSE(may_open_connection(1, true));
  EXPECT_FALSE(may_open_connection(3, true));
}

}  // namespace
