// paygw-reconcile: `paygw reconcile` as a program of its own until the paygw CLI wires it in
// (paygw::cli::add_reconcile_command). Ctrl-C cancels the run between queries.
#include "reconcile_command.hpp"

#include <atomic>
#include <csignal>
#include <thread>

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }
}  // namespace

int main(int argc, char** argv) {
  paygw::CancelToken cancel;
  std::signal(SIGINT, on_interrupt);
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done) {
      if (g_interrupted) cancel.cancel();
      cancel.wait_for(std::chrono::milliseconds(100));
    }
  });
  CLI::App app{"paygw reconcile"};
  app.require_subcommand(1);
  int exit_code = 0;
  paygw::cli::add_reconcile_command(app, exit_code, cancel);
  int rc = 0;
  try {
    app.parse(argc, argv);
    rc = exit_code;
  } catch (const CLI::ParseError& e) {
    rc = app.exit(e);
  }
  done = true;
  cancel.cancel();  // wakes the watcher
  watcher.join();
  return rc;
}
