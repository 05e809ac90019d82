// SPDX-License-Identifier: MIT
// paygw CLI — `paygw banks list|show`: the VietQR bank directory compiled into paygw (or a
// refreshed data file, --file), without any network; and the --bin/--bank-bin transform that lets
// every command take a bank's code or short name where it takes a BIN.
#include "cli.hpp"

#include <iostream>

namespace paygw::cli {
namespace {

Json bank_json(const vietqr::Bank& b) {
  return Json{
      {"bin", b.bin}, {"code", b.code}, {"short_name", b.short_name}, {"name", b.name}, {"tingee_code", b.tingee_code}};
}

// The compiled-in directory, or the data file at `file` (`paygw tingee refresh-banks` writes one).
vietqr::BankDirectory directory_from(const std::string& file) {
  if (file.empty()) return vietqr::bank_directory();
  auto parsed = vietqr::BankDirectory::from_tsv(read_file(file));
  if (!parsed) throw UsageError{file + ": " + parsed.error().message};
  return std::move(*parsed);
}

}  // namespace

CLI::Validator known_bank() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const vietqr::Bank* b = vietqr::bank_directory().find(value);
        if (b != nullptr) {
          value = b->bin;
          return "";
        }
        if (value.size() == 6 && value.find_first_not_of("0123456789") == std::string::npos) return "";
        return "'" + value + "' is neither a 6-digit BIN nor a bank of `paygw banks list`";
      },
      "BIN|BANK");
}

void add_banks_commands(CLI::App& app, Context& ctx) {
  CLI::App* g = app.add_subcommand("banks", "The VietQR bank directory (BIN, code, short name), no network");
  g->require_subcommand(1);
  {
    auto file = std::make_shared<std::string>();
    auto* c =
        command(*g, ctx, "list",
                "Every bank of the directory. --raw prints 'BIN<TAB>CODE<TAB>SHORT_NAME<TAB>TINGEE_CODE' per line.",
                [&ctx, file] {
                  const vietqr::BankDirectory d = directory_from(*file);
                  Output o;
                  Json list = Json::array();
                  for (const auto& b : d.banks()) {
                    list.push_back(bank_json(b));
                    o.raw.push_back(b.bin + "\t" + b.code + "\t" + b.short_name + "\t" + b.tingee_code);
                  }
                  o.set("count", d.size()).set("banks", list);
                  return print(ctx, o);
                });
    c->add_option("--file", *file, "A bank data file (paygw tingee refresh-banks --out) instead of the built-in list");
  }
  {
    auto name = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    auto* c = command(*g, ctx, "show",
                      "One bank, by BIN, code (VCB), Tingee code (CTG) or short name (Vietcombank); exit 3 when "
                      "none matches. --raw prints its BIN.",
                      [&ctx, name, file] {
                        const vietqr::BankDirectory d = directory_from(*file);
                        const vietqr::Bank* b = d.find(*name);
                        if (b == nullptr) {
                          const std::string message = "no bank '" + *name + "' in the directory (paygw banks list)";
                          if (ctx.globals.json) {
                            std::cout << Json{{"error",
                                               {{"code", "not_found"},
                                                {"message", message},
                                                {"exit_code", static_cast<int>(Exit::kNotFound)}}}}
                                             .dump(2, ' ', false, Json::error_handler_t::replace)
                                      << "\n";
                          }
                          std::cerr << "paygw: " << message << "\n";
                          return static_cast<int>(Exit::kNotFound);
                        }
                        Output o;
                        o.fields = bank_json(*b);
                        o.raw = {b->bin};
                        return print(ctx, o);
                      });
    c->add_option("bank", *name, "BIN, code or short name")->required();
    c->add_option("--file", *file, "A bank data file instead of the built-in list");
  }
}

}  // namespace paygw::cli
