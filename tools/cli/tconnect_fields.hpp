// SPDX-License-Identifier: MIT
// paygw CLI — the fields of every TConnect request and result type a row names (ADR 0052): the
// Fields<T> visitors and EnumNames<E> tables of row_json.hpp, written by tools/codegen from the
// model headers (include/paygw/tconnect/*.hpp). Nothing here is hand-written: a row whose types the
// generator cannot describe makes `tools/codegen` fail naming the type.
#pragma once

#include <paygw/tconnect/models.hpp>

#include "row_json.hpp"

namespace paygw::cli::rows {

// BEGIN generated from src/tconnect/endpoints.rows by tools/codegen; do not edit
template <>
struct Fields<tconnect::CreateQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::CreateQrRequest& x) {
    v("order_id", "order_id", x.order_id);
    v("va", "va", x.va);
    v("bincode", "bincode", x.bincode);
    v("amount", "amount", x.amount);
    v("service_code", "service_code", x.service_code);
  }
};
template <>
struct Fields<tconnect::CreateVaRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::CreateVaRequest& x) {
    v("bank_code", "bank_code", x.bank_code);
    v("account_name", "account_name", x.account_name);
  }
};
template <>
struct Fields<tconnect::GenerateQrRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::GenerateQrRequest& x) {
    v("req_id", "req_id", x.req_id);
    v("order_id", "order_id", x.order_id);
    v("va", "va", x.va);
    v("bincode", "bincode", x.bincode);
    v("amount", "amount", x.amount);
    v("service_code", "service_code", x.service_code);
  }
};
template <>
struct Fields<tconnect::OrderStatus> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::OrderStatus& x) {
    v("message", "message", x.message);
    v("order_id", "order_id", x.order_id);
    v("acc_no", "acc_no", x.acc_no);
    v("total_amount_paid", "total_amount_paid", x.total_amount_paid);
    v("transactions", "transactions", x.transactions);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::OrderStatusRequest> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::OrderStatusRequest& x) {
    v("order_id", "order_id", x.order_id);
    v("acc_no", "acc_no", x.acc_no);
    v("service_code", "service_code", x.service_code);
  }
};
template <>
struct Fields<tconnect::PosPush> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::PosPush& x) {
    v("serial_no", "serial_no", x.serial_no);
    v("order_id", "order_id", x.order_id);
    v("amount", "amount", x.amount);
  }
};
template <>
struct Fields<tconnect::PushResult> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::PushResult& x) {
    v("message", "message", x.message);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::Qr> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::Qr& x) {
    v("qr_content", "qr_content", x.qr_content);
    v("image_png_base64", "image_png_base64", x.image_png_base64);
    v("dynamic", "dynamic", x.dynamic);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::Service> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::Service& x) {
    v("service_code", "service_code", x.service_code);
    v("bincode", "bincode", x.bincode);
    v("name", "name", x.name);
  }
};
template <>
struct Fields<tconnect::ServiceList> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::ServiceList& x) {
    v("services", "services", x.services);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::SoundboxPush> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::SoundboxPush& x) {
    v("serial_no", "serial_no", x.serial_no);
    v("amount", "amount", x.amount);
    v("qr_string", "qr_string", x.qr_string);
  }
};
template <>
struct Fields<tconnect::Transaction> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::Transaction& x) {
    v("order_id", "order_id", x.order_id);
    v("request_id", "request_id", x.request_id);
    v("status", "status", x.status);
    v("amount", "amount", x.amount);
    v("trn_ref_no", "trn_ref_no", x.trn_ref_no);
    v("narrative", "narrative", x.narrative);
    v("txn_init_dt", "txn_init_dt", x.txn_init_dt);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::TransactionPage> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::TransactionPage& x) {
    v("items", "items", x.items);
    v("total", "total", x.total);
    v("json", "json", x.json);
  }
};
template <>
struct Fields<tconnect::TransactionQuery> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::TransactionQuery& x) {
    v("from_date", "from_date", x.from_date);
    v("to_date", "to_date", x.to_date);
    v("limit", "limit", x.limit);
    v("page", "page", x.page);
  }
};
template <>
struct Fields<tconnect::VirtualAccount> {
  template <class V>
  static void visit([[maybe_unused]] V& v, [[maybe_unused]] tconnect::VirtualAccount& x) {
    v("va", "va", x.va);
    v("account_name", "account_name", x.account_name);
    v("bank_code", "bank_code", x.bank_code);
    v("json", "json", x.json);
  }
};
// END generated

}  // namespace paygw::cli::rows
