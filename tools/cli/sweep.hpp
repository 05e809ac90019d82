// SPDX-License-Identifier: MIT
// paygw CLI — `paygw sweep` (tools/cli/sweep.cpp): applies the credits no webhook or IPN delivered,
// by paging through the providers' transaction lists. Built with the store components, like
// `paygw reconcile`.
#pragma once

#include "cli.hpp"

namespace paygw::cli {

/// Adds `sweep` to the paygw CLI's `app`.
void add_sweep_command(CLI::App& app, Context& ctx);

}  // namespace paygw::cli
