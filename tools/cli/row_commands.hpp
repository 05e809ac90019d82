// SPDX-License-Identifier: MIT
// paygw CLI — `paygw <provider> endpoints` and `paygw <provider> call <endpoint>` over a table of
// rows (ADR 0052), shared by every provider: tingee_rows.cpp, tconnect_rows.cpp, charging_rows.cpp
// each hold only their generated table (tools/codegen) and a `Provider` description:
//
//   struct Provider : rows::ProviderBase {
//     using Creds = …;                                    // the group's credentials (a shared_ptr)
//     static constexpr const char* kGroup = "tingee";     // the command group
//     static constexpr const char* kLabel = "Tingee";     // in help texts
//     static constexpr const char* kExample = "create-va";
//     static constexpr const char* kKeys = "camelCase";   // the JSON keys (`cli_keys` of the rows file)
//     static auto client(const Creds&, const Context&);   // the typed client (throws ConfigError)
//     static bool not_found(const char* path, const Error&);  // exit 3 rather than 1
//     // optional: static void outcome(Output&, const Result&) for a result that sets the exit code
//   };
//
// `call` reads the operator's JSON strictly into the row's typed request (row_json.hpp: an unknown
// key, a wrong JSON type, a fraction, an overflow, an unknown enum value: exit 2, nothing sent),
// then makes the typed client call (validation, signing/encryption, login and the retry policy of
// the row's kind are the SDK's) and prints the typed result (secret members "<redacted>").
#pragma once

#include "cli.hpp"
#include "row_json.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace paygw::cli::rows {

/// What a Provider need not say: no result sets the exit code beyond success.
struct ProviderBase {
  template <class T>
  static void outcome(Output& /*out*/, const T& /*result*/) {}
};

/// One row of a provider's table: what `endpoints` lists and how `call` runs it.
template <class P>
struct Row {
  const char* name;     ///< The CLI name: the row's name in kebab-case.
  const char* method;   ///< HTTP method.
  const char* path;     ///< Path as the rows give it.
  bool read;            ///< kind read (retried, never "outcome unknown"); else a write.
  const char* request;  ///< The request type ("none" when it takes none).
  const char* result;   ///< The result type.
  const char* doc;      ///< The row's doc.
  /// Reads `body`, calls, prints.
  int (*run)(Context& ctx, const typename P::Creds& creds, const Row& row, const Json& body);
  Json (*example)();  ///< The request's wire keys with the type's defaults (call --example).
};

template <class P, class Res>
int finish(const Context& ctx, const Row<P>& row, const Result<Res>& result) {
  if (!result) return fail(ctx, result.error(), P::not_found(row.path, result.error()));
  Output out;
  out.fields = to_json(*result, false);
  P::outcome(out, *result);
  return print(ctx, out);
}

/// Reads `body` into a Req (a UsageError naming the member when it does not fit: nothing sent),
/// then makes the typed call, which validates the request as every client call does.
template <class P, class Req, class F>
int call(Context& ctx, const typename P::Creds& creds, const Row<P>& row, const Json& body, F f) {
  std::string error;
  const Req request = from_json<Req>(body, &error);
  if (!error.empty()) throw UsageError{"--body: " + error + "; nothing was sent"};
  return finish(ctx, row, f(P::client(creds, ctx), request, ctx.call()));
}

/// A row without a request: no body, or `{}`.
template <class P, class Res, class F>
int call_none(Context& ctx, const typename P::Creds& creds, const Row<P>& row, const Json& body, F f) {
  if (!body.is_null() && !(body.is_object() && body.empty())) {
    throw UsageError{"--body: this endpoint takes no request (give {} or no --body); nothing was sent"};
  }
  return finish(ctx, row, f(P::client(creds, ctx), ctx.call()));
}

/// The operator's JSON: --body TEXT, --body - (standard input) or --body-file PATH; null when none.
/// The text is never echoed (it may hold a card's code): only the parser's position is.
inline Json body_of(const std::string& body, const std::string& file) {
  const std::string text = !file.empty() ? read_file(file) : text_or_stdin(body);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return nullptr;
  try {
    Json j = Json::parse(text);
    if (!j.is_object()) throw UsageError{"--body must be a JSON object ({...}); nothing was sent"};
    return j;
  } catch (const Json::parse_error& e) {
    // Not e.what(): nlohmann's message quotes the text last read ("last read: '\"1234…'"), which
    // may be a card's code. The position is enough to find the mistake.
    throw UsageError{"--body is not JSON (a syntax error at byte " + std::to_string(e.byte) + "); nothing was sent"};
  }
}

/// Adds `endpoints` and `call <endpoint>` over `table` to `group`.
template <class P, std::size_t N>
void add_row_commands(CLI::App& group, Context& ctx, const typename P::Creds& creds, const Row<P> (&table)[N]) {
  const std::string label = P::kLabel;
  const std::string listing = std::string("paygw ") + P::kGroup + " endpoints";
  command(group, ctx, "endpoints",
          "List every " + label +
              " endpoint `call` reaches: name, kind (read/write), method, path, request type. --raw prints the "
              "names. No network.",
          [&ctx, &table] {
            Output o;
            Json list = Json::array();
            for (const auto& row : table) {
              list.push_back({{"name", row.name},
                              {"kind", row.read ? "read" : "write"},
                              {"method", row.method},
                              {"path", row.path},
                              {"request", row.request},
                              {"result", row.result},
                              {"doc", row.doc}});
              o.raw.emplace_back(row.name);
            }
            o.set("count", list.size()).set("endpoints", list);
            return print(ctx, o);
          });
  auto name = std::make_shared<std::string>();
  auto body = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto example = std::make_shared<bool>(false);
  auto* c = command(
      group, ctx, "call",
      "Call any " + label + " endpoint (`" + listing + "` lists them) with its request as JSON (" + P::kKeys +
          " keys; --example shows them). The JSON is read into the typed request (unknown keys, wrong types, "
          "fractions, overflows, unknown enum values: exit 2, nothing sent) and validated, signed and sent by the "
          "client like every call; a write is never resent once it may have been sent. Prints the typed result.",
      [&ctx, &table, creds, name, body, file, example, listing] {
        const Row<P>* row = nullptr;
        for (const auto& r : table) {
          if (*name == r.name) row = &r;
        }
        if (row == nullptr) {
          throw UsageError{"unknown endpoint '" + *name + "' ('" + listing + "' lists them); nothing was sent"};
        }
        ctx.read = row->read;  // a read's failure is never "outcome unknown" (ADR 0015)
        if (*example) {
          Output o;
          o.fields = row->example();
          return print(ctx, o);
        }
        return row->run(ctx, creds, *row, body_of(*body, *file));
      });
  c->add_option("endpoint", *name, std::string("The endpoint's name, e.g. ") + P::kExample + " (see `" + listing + "`)")
      ->required();
  auto* b = c->add_option("--body", *body, "The request as a JSON object, or - to read it from standard input");
  c->add_option("--body-file", *file, "Read the request's JSON from this file")->excludes(b);
  c->add_flag("--example", *example, "Print the request's JSON keys (with the type's defaults) instead of calling");
}

}  // namespace paygw::cli::rows
