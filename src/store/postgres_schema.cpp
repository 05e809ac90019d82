// SPDX-License-Identifier: MIT
// The PostgreSQL schema and its migrations (docs/adr/0017-payment-store.md). Never edit a shipped
// migration: append a new one.
#include <paygw/store/postgres.hpp>

namespace paygw::postgres {

std::vector<std::string> migrations() {
  return {
      // 1: submissions (write-ahead .. final) and applied events.
      R"sql(
CREATE TABLE paygw_submissions (
  provider    TEXT   NOT NULL CHECK (provider IN ('charging', 'tconnect', 'tingee')),
  request_id  TEXT   NOT NULL CHECK (octet_length(request_id) BETWEEN 1 AND 128),
  state       TEXT   NOT NULL CHECK (state IN ('write_ahead', 'pending', 'final', 'not_sent')),
  amount      BIGINT NOT NULL CHECK (amount BETWEEN 0 AND 9007199254740991),
  telco       TEXT   NOT NULL DEFAULT '',
  reference   TEXT   NOT NULL DEFAULT '',
  verifier    TEXT   NOT NULL DEFAULT '',
  result      TEXT   NOT NULL DEFAULT '',
  created_ms  BIGINT NOT NULL,
  updated_ms  BIGINT NOT NULL,
  PRIMARY KEY (provider, request_id)
);
CREATE INDEX paygw_submissions_unsettled ON paygw_submissions (created_ms)
  WHERE state IN ('write_ahead', 'pending');
CREATE TABLE paygw_events (
  seq         BIGSERIAL PRIMARY KEY,
  provider    TEXT    NOT NULL CHECK (provider IN ('charging', 'tconnect', 'tingee')),
  event_id    TEXT    NOT NULL CHECK (octet_length(event_id) BETWEEN 1 AND 256),
  kind        TEXT    NOT NULL,
  payload     TEXT    NOT NULL,
  handled     BOOLEAN NOT NULL,
  applied_ms  BIGINT  NOT NULL,
  handled_ms  BIGINT,
  UNIQUE (provider, event_id)
);
CREATE INDEX paygw_events_unhandled ON paygw_events (seq) WHERE NOT handled;
)sql",
      // 2: the read API (time ranges) and stored alerts (docs/adr/0032-receive-store-round-2.md).
      R"sql(
CREATE INDEX paygw_events_applied ON paygw_events (applied_ms);
CREATE INDEX paygw_submissions_created ON paygw_submissions (created_ms, provider, request_id);
CREATE TABLE paygw_alerts (
  seq         BIGSERIAL PRIMARY KEY,
  provider    TEXT   NOT NULL CHECK (provider IN ('charging', 'tconnect', 'tingee')),
  kind        TEXT   NOT NULL,
  subject     TEXT   NOT NULL,
  message     TEXT   NOT NULL,
  raised_ms   BIGINT NOT NULL
);
CREATE INDEX paygw_alerts_raised ON paygw_alerts (raised_ms);
)sql",
      // 3: resumable flows (Tingee VA onboarding; docs/adr/0054-onboarding-flows.md).
      R"sql(
CREATE TABLE paygw_flows (
  provider    TEXT    NOT NULL CHECK (provider IN ('charging', 'tconnect', 'tingee')),
  flow_id     TEXT    NOT NULL CHECK (octet_length(flow_id) BETWEEN 1 AND 128),
  kind        TEXT    NOT NULL,
  state       TEXT    NOT NULL,
  data        TEXT    NOT NULL DEFAULT '',
  version     BIGINT  NOT NULL CHECK (version >= 1),
  created_ms  BIGINT  NOT NULL,
  updated_ms  BIGINT  NOT NULL,
  PRIMARY KEY (provider, flow_id)
);
)sql",
  };
}

}  // namespace paygw::postgres
