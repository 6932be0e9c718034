// pathwise_process.hpp — start the real `pathwise` binary from a test, talk to it, stop it by PID.
//
//   auto proxy = pathwise::testing::PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", "k"});
//   ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
//   httplib::Client client = proxy.client();          // http://127.0.0.1:<ephemeral port>
//   auto res = client.Get("/healthz");
//   int code = proxy.stop();                          // SIGTERM, then SIGKILL after the grace period
//
// `pathwise serve --port 0` binds an ephemeral port and prints, as the FIRST line of stdout,
//   pathwise listening on http://127.0.0.1:54321
// which start_serve() parses (kListeningPrefix). Output goes to temporary files (no pipe can fill up and
// block the child); stdout_text()/stderr_text() read them at any time.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
class Client;
}

namespace pathwise::testing {

using namespace std::chrono_literals;

inline constexpr std::string_view kListeningPrefix = "pathwise listening on ";

// Path of the `pathwise` binary under test (a compile definition set by tests/integration/CMakeLists.txt).
[[nodiscard]] std::string pathwise_binary();

// A port nobody listens on right now (bound to 127.0.0.1:0 then released). Racy by nature: prefer
// `--port 0` with start_serve(); use this for servers that need the port up front (e.g. `pathwise mock`).
[[nodiscard]] int pick_free_port();

// A fresh directory under $TMPDIR, removed (recursively) by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }
    // Writes `content` to path()/name and returns the full path.
    std::string write_file(std::string_view name, std::string_view content) const;

private:
    std::string path_;
};

struct ProcessOptions {
    std::vector<std::string> args;           // after the binary name: {"serve", "--port", "0"}
    std::map<std::string, std::string> env;  // set (or override) in the child's environment
    // By default every inherited PATHWISE_* variable is removed and XDG_CONFIG_HOME/HOME point at an
    // empty temporary directory, so a developer's own config never leaks into a test.
    bool isolate_environment = true;
};

class PathwiseProcess {
public:
    // Spawns `pathwise <args>`; returns immediately. Check running()/wait_for_stdout().
    static PathwiseProcess start(ProcessOptions options);
    // Spawns `pathwise serve --port 0 <extra_args>` (adds "--port 0" unless extra_args has --port), waits for
    // the listening line and for GET /healthz to answer (any status: strict auth answers 401), up to `timeout`.
    static PathwiseProcess start_serve(std::vector<std::string> extra_args = {},
                                       std::map<std::string, std::string> env = {},
                                       std::chrono::milliseconds timeout = 10s);

    PathwiseProcess(PathwiseProcess&& other) noexcept;
    PathwiseProcess& operator=(PathwiseProcess&& other) noexcept;
    PathwiseProcess(const PathwiseProcess&) = delete;
    PathwiseProcess& operator=(const PathwiseProcess&) = delete;
    ~PathwiseProcess();  // stop() if still running, removes the output files

    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] bool ready() const { return ready_; }  // start_serve: listening line seen and /healthz answered
    [[nodiscard]] int port() const { return port_; }     // from the listening line, 0 when not seen
    [[nodiscard]] std::string host() const { return host_; }
    [[nodiscard]] std::string origin() const;  // "http://127.0.0.1:54321"
    // A client for this server, with short timeouts so a hung server fails the test instead of blocking.
    [[nodiscard]] std::unique_ptr<httplib::Client> client(std::chrono::milliseconds timeout = 5s) const;

    [[nodiscard]] bool running();
    // Waits for the process to exit by itself; returns its exit code (128+signal if killed), or nullopt on timeout.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout);
    // SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit code (128+signal when killed by one).
    int stop(std::chrono::milliseconds grace = 5s);
    void send_signal(int signal_number) const;

    [[nodiscard]] std::string stdout_text() const;
    [[nodiscard]] std::string stderr_text() const;
    // Polls the captured output until `needle` appears; false on timeout.
    bool wait_for_stdout(std::string_view needle, std::chrono::milliseconds timeout);
    bool wait_for_stderr(std::string_view needle, std::chrono::milliseconds timeout);

private:
    PathwiseProcess() = default;
    void release() noexcept;

    pid_t pid_ = -1;
    std::optional<int> exit_code_;
    bool ready_ = false;
    int port_ = 0;
    std::string host_;
    std::string stdout_path_;
    std::string stderr_path_;
    std::unique_ptr<TempDir> home_;  // the isolated XDG_CONFIG_HOME/HOME
};

}  // namespace pathwise::testing
