// SPDX-License-Identifier: MIT
#include "pg_server.hpp"

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace paygw::test {

namespace fs = std::filesystem;

namespace {

struct RunAs {
  uid_t uid = 0;
  gid_t gid = 0;
  bool drop = false;
};

RunAs run_as() {
  RunAs r;
  if (geteuid() != 0) return r;
  for (const char* name : {"paygw-test", "nobody"}) {
    if (const passwd* pw = getpwnam(name); pw != nullptr) {
      r.uid = pw->pw_uid;
      r.gid = pw->pw_gid;
      r.drop = true;
      return r;
    }
  }
  throw std::runtime_error("running as root and neither user paygw-test nor nobody exists");
}

// fork + (drop privileges) + exec, stdout/stderr to `log`. Returns the child's pid.
pid_t spawn(const std::vector<std::string>& argv, const std::string& log, const RunAs& as) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    setpgid(0, 0);  // a group of its own: a Ctrl-C to the test does not reach it first
    if (as.drop && (setgroups(0, nullptr) != 0 || setgid(as.gid) != 0 || setuid(as.uid) != 0)) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof(a);
  if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 ||
      getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    close(s);
    throw std::runtime_error("no free port");
  }
  close(s);
  return ntohs(a.sin_port);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string PgServer::find_bin_dir(std::string* why) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = entry.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "postgres")) found.push_back(bin);
  }
  if (found.empty()) {
    if (why != nullptr) *why = "no PostgreSQL server in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)";
    return {};
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::atoi(a.parent_path().filename().c_str()) < std::atoi(b.parent_path().filename().c_str());
  });
  return found.back().string();
}

std::unique_ptr<PgServer> PgServer::start(const std::string& bin, bool durable) {
  const RunAs as = run_as();
  std::unique_ptr<PgServer> s(new PgServer());
  std::string pattern = (fs::temp_directory_path() / "paygw-pg-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  s->dir_ = pattern;
  chmod(s->dir_.c_str(), 0700);
  if (as.drop && chown(s->dir_.c_str(), as.uid, as.gid) != 0) throw std::runtime_error("chown failed");
  const std::string data = s->dir_ + "/data";
  const std::string log = s->dir_ + "/server.log";
  { std::ofstream touch(log); }
  if (as.drop && chown(log.c_str(), as.uid, as.gid) != 0) throw std::runtime_error("chown failed");

  const pid_t init =
      spawn({bin + "/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"},
            log, as);
  if (wait_exit(init) != 0) throw std::runtime_error("initdb failed:\n" + slurp(log));
  for (int attempt = 0; attempt < 5 && s->pid_ < 0; ++attempt) {
    s->port_ = free_port();
    const pid_t pid = spawn({bin + "/postgres", "-D", data, "-p", std::to_string(s->port_), "-k", s->dir_, "-c",
                             "listen_addresses=127.0.0.1", "-c", durable ? "fsync=on" : "fsync=off", "-c",
                             "max_connections=200", "-c", "shared_buffers=32MB"},
                            log, as);
    for (int i = 0; i < 300; ++i) {  // up to 30 s
      if (PQping(s->conninfo().c_str()) == PQPING_OK) {
        s->pid_ = pid;
        break;
      }
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) break;  // exited (port taken?): try another port
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (s->pid_ < 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
  if (s->pid_ < 0) throw std::runtime_error("postgres did not start:\n" + slurp(log));
  return s;
}

PgServer::~PgServer() {
  if (pid_ > 0) {
    kill(pid_, SIGINT);  // fast shutdown
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
      gone = waitpid(pid_, nullptr, WNOHANG) == pid_;
      if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!gone) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

std::string PgServer::conninfo(const std::string& db) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=" + db + " connect_timeout=10";
}

std::string PgServer::create_database(const std::string& name) const {
  PGconn* c = PQconnectdb(conninfo().c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    const std::string why = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect: " + why);
  }
  PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string why = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error("CREATE DATABASE failed: " + why);
  return conninfo(name);
}

}  // namespace paygw::test
