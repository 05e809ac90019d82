// SPDX-License-Identifier: MIT
// paygw CLI — the fields of every card-charging request and result type a row names (ADR 0052): the
// Fields<T> visitors and EnumNames<E> tables of row_json.hpp, written by tools/codegen from the
// model headers (include/paygw/charging/*.hpp). Nothing here is hand-written: a row whose types the
// generator cannot describe makes `tools/codegen` fail naming the type.
#pragma once

#include <paygw/charging/models.hpp>

#include "row_json.hpp"

namespace paygw::cli::rows {

// BEGIN generated from src/charging/endpoints.rows by tools/codegen; do not edit
template <>
struct EnumNames<charging::Status> {
  static constexpr const char* kNames[] = {"success",       "wrong_value",       "card_error", "maintenance", "pending",
                                           "submit_failed", "duplicate_request", "not_found",  "unknown"};
};
template <>
struct Fields<charging::CardRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::CardRequest& x) {
    v("telco", "telco", x.telco);
    v("code", "code", x.code, kSecret);
    v("serial", "serial", x.serial, kSecret);
    v("amount", "declared_value", x.declared_value);
    v("request_id", "request_id", x.request_id);
  }
};
template <>
struct Fields<charging::ChargeResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::ChargeResult& x) {
    v("status_code", "status_code", x.status_code);
    v("status", "status", x.status);
    v("message", "message", x.message);
    v("request_id", "request_id", x.request_id);
    v("trans_id", "trans_id", x.trans_id);
    v("telco", "telco", x.telco);
    v("declared_value", "declared_value", x.declared_value);
    v("value", "value", x.value);
    v("card_value", "card_value", x.card_value);
    v("amount", "amount", x.amount);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<charging::FeeRow> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::FeeRow& x) {
    v("telco", "telco", x.telco);
    v("value", "value", x.value);
    v("fees", "fees", x.fees);
    v("penalty", "penalty", x.penalty);
  }
};
template <>
struct Fields<charging::FeeTable> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::FeeTable& x) {
    v("rows", "rows", x.rows);
    v("skipped_rows", "skipped_rows", x.skipped_rows);
  }
};
template <>
struct Fields<charging::Percent> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::Percent& x) {
    v("ten_thousandths", "ten_thousandths", x.ten_thousandths);
  }
};
template <>
struct Fields<charging::PriceTable> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::PriceTable& x) {
    v("table", "table", x.table);
    v("telcos", "telcos", x.telcos);
  }
};
template <>
struct Fields<charging::SerialCheck> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::SerialCheck& x) {
    v("check_status", "check_status", x.check_status);
    v("serial", "serial", x.serial, kSecret);
    v("card_status", "card_status", x.card_status);
    v("value", "value", x.value);
    v("date_used", "date_used", x.date_used);
    v("acc_charged", "acc_charged", x.acc_charged);
  }
};
template <>
struct Fields<charging::SerialCheckRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] charging::SerialCheckRequest& x) {
    v("telco", "telco", x.telco);
    v("serial", "serial", x.serial, kSecret);
  }
};
// END generated

}  // namespace paygw::cli::rows
