// SPDX-License-Identifier: MIT
#include "http/curl_errors.hpp"

namespace paygw::detail {
namespace {

// When a CURLcode can happen in an HTTP(S) transfer.
enum class When {
  kBeforeOrAfter,  // also before the first request byte: the written-bytes facts decide
  kAfterSending,   // only once the request is out (a response, or its absence): always kMaybeSent
  kNotHttp,        // another protocol's, obsolete or unused: unexpected, so always kMaybeSent
};

struct Kind {
  When when;
  ErrorCode code;
  const char* what;
};

// Every CURLcode of libcurl 7.88 (0 .. CURL_LAST-1). Codes libcurl can return in this transport's
// configuration (HTTP/1.1 over TCP or TLS, no redirects, no auth, no FTP) are placed by where in
// the transfer they are raised; see docs/adr/0004-curl-transport.md.
Kind kind_of(CURLcode code) noexcept {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:  // a scheme outside http/https; after sending: an HTTP/0.9 reply
    case CURLE_URL_MALFORMAT: return {When::kBeforeOrAfter, ErrorCode::kInvalidArgument, "bad URL"};
    case CURLE_FAILED_INIT:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_SETOPT_OPTION_SYNTAX:
    case CURLE_RECURSIVE_API_CALL:
    case CURLE_READ_ERROR: return {When::kBeforeOrAfter, ErrorCode::kInternal, "libcurl failed"};
    case CURLE_NOT_BUILT_IN: return {When::kBeforeOrAfter, ErrorCode::kConfig, "libcurl lacks a feature"};
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_INTERFACE_FAILED:
    case CURLE_NO_CONNECTION_AVAILABLE:
    case CURLE_PROXY:
    case CURLE_QUIC_CONNECT_ERROR: return {When::kBeforeOrAfter, ErrorCode::kConnect, "cannot connect"};
    case CURLE_OPERATION_TIMEDOUT: return {When::kBeforeOrAfter, ErrorCode::kTimeout, "timed out"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT: return {When::kBeforeOrAfter, ErrorCode::kTls, "TLS failure"};
    case CURLE_ABORTED_BY_CALLBACK: return {When::kBeforeOrAfter, ErrorCode::kInternal, "aborted by a callback"};
    case CURLE_SEND_ERROR: return {When::kBeforeOrAfter, ErrorCode::kNetwork, "sending the request failed"};
    case CURLE_AUTH_ERROR: return {When::kBeforeOrAfter, ErrorCode::kInternal, "authentication function failed"};
    case CURLE_UNRECOVERABLE_POLL: return {When::kBeforeOrAfter, ErrorCode::kNetwork, "waiting on the socket failed"};

    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_CHUNK_FAILED:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_HTTP_RETURNED_ERROR: return {When::kAfterSending, ErrorCode::kNetwork, "bad response"};
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_WRITE_ERROR: return {When::kAfterSending, ErrorCode::kNetwork, "receiving the response failed"};
    case CURLE_UPLOAD_FAILED:
    case CURLE_SEND_FAIL_REWIND:
    case CURLE_HTTP_POST_ERROR: return {When::kAfterSending, ErrorCode::kNetwork, "sending the request failed"};
    case CURLE_FILESIZE_EXCEEDED:
      return {When::kAfterSending, ErrorCode::kResponseTooLarge, "response body larger than max_response_bytes"};
    case CURLE_SSL_SHUTDOWN_FAILED: return {When::kAfterSending, ErrorCode::kTls, "TLS failure"};

    case CURLE_OK:  // not a failure: reaching here is a bug
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_FTP_ACCEPT_FAILED:
    case CURLE_FTP_WEIRD_PASS_REPLY:
    case CURLE_FTP_ACCEPT_TIMEOUT:
    case CURLE_FTP_WEIRD_PASV_REPLY:
    case CURLE_FTP_WEIRD_227_FORMAT:
    case CURLE_FTP_CANT_GET_HOST:
    case CURLE_FTP_COULDNT_SET_TYPE:
    case CURLE_FTP_COULDNT_RETR_FILE:
    case CURLE_OBSOLETE20:
    case CURLE_QUOTE_ERROR:
    case CURLE_OBSOLETE24:
    case CURLE_OBSOLETE29:
    case CURLE_FTP_PORT_FAILED:
    case CURLE_FTP_COULDNT_USE_REST:
    case CURLE_OBSOLETE32:
    case CURLE_RANGE_ERROR:
    case CURLE_BAD_DOWNLOAD_RESUME:
    case CURLE_FILE_COULDNT_READ_FILE:
    case CURLE_LDAP_CANNOT_BIND:
    case CURLE_LDAP_SEARCH_FAILED:
    case CURLE_OBSOLETE40:
    case CURLE_FUNCTION_NOT_FOUND:
    case CURLE_OBSOLETE44:
    case CURLE_OBSOLETE46:
    case CURLE_OBSOLETE50:
    case CURLE_OBSOLETE51:
    case CURLE_OBSOLETE57:
    case CURLE_OBSOLETE62:
    case CURLE_LOGIN_DENIED:
    case CURLE_TFTP_NOTFOUND:
    case CURLE_TFTP_PERM:
    case CURLE_REMOTE_DISK_FULL:
    case CURLE_TFTP_ILLEGAL:
    case CURLE_TFTP_UNKNOWNID:
    case CURLE_REMOTE_FILE_EXISTS:
    case CURLE_TFTP_NOSUCHUSER:
    case CURLE_OBSOLETE75:
    case CURLE_OBSOLETE76:
    case CURLE_REMOTE_FILE_NOT_FOUND:
    case CURLE_SSH:
    case CURLE_AGAIN:
    case CURLE_FTP_PRET_FAILED:
    case CURLE_RTSP_CSEQ_ERROR:
    case CURLE_RTSP_SESSION_ERROR:
    case CURLE_FTP_BAD_FILE_LIST:
    case CURL_LAST: break;
  }
  return {When::kNotHttp, ErrorCode::kInternal, "unexpected libcurl failure"};
}

}  // namespace

CurlFailure classify_curl_failure(const CurlFailureFacts& f) noexcept {
  if (f.resend_refused) {
    return {ErrorCode::kNetwork, Delivery::kMaybeSent,
            "the kept-alive connection closed before an answer came back; the request had been written and "
            "may have been read, so it was not sent again"};
  }
  // The pre-request callback never let a try send: the exchange failed while connecting
  // (DNS, TCP, a proxy's CONNECT, the TLS handshake), so no byte of the request left this machine.
  // The counters may say otherwise through a proxy: they include the CONNECT request and the
  // proxy's answer to it.
  const bool before_sending = !f.sending_started;
  const Delivery written = f.maybe_written && !before_sending ? Delivery::kMaybeSent : Delivery::kNotSent;
  if (f.code == CURLE_ABORTED_BY_CALLBACK && f.cancelled) {
    return {ErrorCode::kCancelled, written, "cancelled during the exchange"};
  }
  if (f.code == CURLE_ABORTED_BY_CALLBACK && f.stale_connection) {
    return {ErrorCode::kNetwork, written, "the server was closing the kept-alive connection"};
  }
  if (f.code == CURLE_WRITE_ERROR && f.body_too_large) {
    return {ErrorCode::kResponseTooLarge, before_sending ? Delivery::kNotSent : Delivery::kMaybeSent,
            "response body larger than max_response_bytes"};
  }
  if (f.code == CURLE_WRITE_ERROR && f.headers_too_large) {
    return {ErrorCode::kResponseTooLarge, before_sending ? Delivery::kNotSent : Delivery::kMaybeSent,
            "response headers larger than max_response_header_bytes"};
  }
  const Kind kind = kind_of(f.code);
  if (before_sending && kind.when != When::kBeforeOrAfter) {
    // A code of the "after sending" kind before the request was sent: the proxy's answer to
    // CONNECT (libcurl 7.88 fails a refused tunnel with CURLE_RECV_ERROR) or its connection.
    return {ErrorCode::kConnect, Delivery::kNotSent, "connecting failed before the request was sent (proxy tunnel)"};
  }
  const Delivery delivery = kind.when == When::kBeforeOrAfter ? written : Delivery::kMaybeSent;
  if (delivery == Delivery::kMaybeSent && f.code == CURLE_UNSUPPORTED_PROTOCOL) {
    return {ErrorCode::kNetwork, delivery, "the reply is not HTTP/1.x"};  // "Received HTTP/0.9 when not allowed"
  }
  if (delivery == Delivery::kMaybeSent && f.code == CURLE_OUT_OF_MEMORY) {
    // libcurl refuses a response header line longer than CURL_MAX_HTTP_HEADER (100 KiB) with
    // CURLE_OUT_OF_MEMORY ("Rejected ... bytes header"); after sending, that is the likely cause.
    return {ErrorCode::kResponseTooLarge, delivery,
            "a response header line longer than libcurl accepts (100 KiB), or out of memory"};
  }
  if (delivery == Delivery::kMaybeSent &&
      (kind.code == ErrorCode::kInvalidArgument || kind.code == ErrorCode::kConfig)) {
    return {ErrorCode::kNetwork, delivery, "transfer failed"};
  }
  if (f.code == CURLE_OPERATION_TIMEDOUT) {
    return {ErrorCode::kTimeout, delivery, f.sending_started ? "request timed out" : "connect timed out"};
  }
  return {kind.code, delivery, kind.what};
}

BeforeSend decide_before_send(int try_number, bool earlier_try_may_be_written, bool connection_reused,
                              bool input_waiting) noexcept {
  if (try_number > 1 && earlier_try_may_be_written) return BeforeSend::kAbortResend;
  if (connection_reused && input_waiting) return BeforeSend::kAbortStaleConnection;
  return BeforeSend::kSend;
}

}  // namespace paygw::detail
