// pathwise_process.cpp — spawn/stop helpers for integration tests (see pathwise_process.hpp).
#include "pathwise_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace pathwise::testing {
namespace {

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string make_temp_path(const char* stem) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + stem + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemp(buffer.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed: " + std::string(std::strerror(errno)));
    ::close(fd);
    return buffer.data();
}

int decode_wait_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

std::string pathwise_binary() {
    if (const char* override_path = std::getenv("PATHWISE_TEST_BINARY"); override_path && *override_path) {
        return override_path;
    }
    return PATHWISE_BINARY;
}

int pick_free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        socklen_t length = sizeof address;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

TempDir::TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/pathwise-test-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
    }
    path_ = buffer.data();
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write_file(std::string_view name, std::string_view content) const {
    const std::filesystem::path full = std::filesystem::path(path_) / std::string(name);
    std::filesystem::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return full.string();
}

PathwiseProcess PathwiseProcess::start(ProcessOptions options) {
    PathwiseProcess process;
    process.stdout_path_ = make_temp_path("pathwise-stdout");
    process.stderr_path_ = make_temp_path("pathwise-stderr");

    std::map<std::string, std::string> environment;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text = *entry;
        const auto equals = text.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string name(text.substr(0, equals));
        if (options.isolate_environment && name.rfind("PATHWISE_", 0) == 0) continue;
        environment[name] = std::string(text.substr(equals + 1));
    }
    if (options.isolate_environment) {
        process.home_ = std::make_unique<TempDir>();
        environment["HOME"] = process.home_->path();
        environment["XDG_CONFIG_HOME"] = process.home_->path() + "/config";
    }
    for (const auto& [name, value] : options.env) environment[name] = value;

    std::vector<std::string> env_strings;
    env_strings.reserve(environment.size());
    for (const auto& [name, value] : environment) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : env_strings) envp.push_back(entry.data());
    envp.push_back(nullptr);

    std::string binary = pathwise_binary();
    std::vector<std::string> argv_strings{binary};
    argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
    std::vector<char*> argv;
    for (auto& argument : argv_strings) argv.push_back(argument.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, process.stdout_path_.c_str(), O_WRONLY | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, process.stderr_path_.c_str(), O_WRONLY | O_TRUNC, 0600);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + binary + ": " + std::strerror(rc));
    process.pid_ = pid;
    return process;
}

PathwiseProcess PathwiseProcess::start_serve(std::vector<std::string> extra_args,
                                             std::map<std::string, std::string> env,
                                             std::chrono::milliseconds timeout) {
    ProcessOptions options;
    options.args = {"serve"};
    bool has_port = false;
    for (const auto& argument : extra_args)
        has_port = has_port || argument == "--port" || argument.rfind("--port=", 0) == 0;
    if (!has_port) options.args.insert(options.args.end(), {"--port", "0"});
    options.args.insert(options.args.end(), extra_args.begin(), extra_args.end());
    options.env = std::move(env);
    PathwiseProcess process = start(std::move(options));

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const auto remaining = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    };
    if (!process.wait_for_stdout("\n", remaining())) return process;
    const std::string out = process.stdout_text();
    const std::string first_line = out.substr(0, out.find('\n'));
    if (first_line.rfind(kListeningPrefix, 0) != 0) return process;
    // "http://HOST:PORT" — HOST may be "[::1]".
    const std::string url = first_line.substr(kListeningPrefix.size());
    const auto colon = url.rfind(':');
    const auto scheme_end = url.find("://");
    if (colon == std::string::npos || scheme_end == std::string::npos) return process;
    process.host_ = url.substr(scheme_end + 3, colon - scheme_end - 3);
    process.port_ = std::atoi(url.c_str() + colon + 1);

    while (remaining().count() > 0 && process.running()) {
        auto client = process.client(500ms);
        if (auto res = client->Get("/healthz")) {
            process.ready_ = true;
            break;
        }
        std::this_thread::sleep_for(20ms);
    }
    return process;
}

PathwiseProcess::PathwiseProcess(PathwiseProcess&& other) noexcept {
    *this = std::move(other);
}

PathwiseProcess& PathwiseProcess::operator=(PathwiseProcess&& other) noexcept {
    if (this != &other) {
        release();
        pid_ = other.pid_;
        exit_code_ = other.exit_code_;
        ready_ = other.ready_;
        port_ = other.port_;
        host_ = std::move(other.host_);
        stdout_path_ = std::move(other.stdout_path_);
        stderr_path_ = std::move(other.stderr_path_);
        home_ = std::move(other.home_);
        other.pid_ = -1;
        other.stdout_path_.clear();
        other.stderr_path_.clear();
    }
    return *this;
}

PathwiseProcess::~PathwiseProcess() {
    release();
}

void PathwiseProcess::release() noexcept {
    if (pid_ > 0 && !exit_code_) {
        try {
            stop(2s);
        } catch (...) {
        }
    }
    if (!stdout_path_.empty()) ::unlink(stdout_path_.c_str());
    if (!stderr_path_.empty()) ::unlink(stderr_path_.c_str());
    pid_ = -1;
}

std::string PathwiseProcess::origin() const {
    const bool ipv6 = host_.find(':') != std::string::npos && host_.front() != '[';
    return "http://" + (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

std::unique_ptr<httplib::Client> PathwiseProcess::client(std::chrono::milliseconds timeout) const {
    const std::string connect_host = host_.empty() || host_ == "0.0.0.0" ? "127.0.0.1" : host_;
    auto client = std::make_unique<httplib::Client>(connect_host, port_);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
    client->set_connection_timeout(seconds.count(), micros.count());
    client->set_read_timeout(seconds.count(), micros.count());
    client->set_write_timeout(seconds.count(), micros.count());
    return client;
}

bool PathwiseProcess::running() {
    if (pid_ <= 0 || exit_code_) return false;
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
        exit_code_ = decode_wait_status(status);
        return false;
    }
    return done == 0;
}

std::optional<int> PathwiseProcess::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(10ms);
    }
    return exit_code_;
}

int PathwiseProcess::stop(std::chrono::milliseconds grace) {
    if (!running()) return exit_code_.value_or(-1);
    send_signal(SIGTERM);
    if (auto code = wait_exit(grace)) return *code;
    send_signal(SIGKILL);
    return wait_exit(5s).value_or(-1);
}

void PathwiseProcess::send_signal(int signal_number) const {
    if (pid_ > 0 && !exit_code_) ::kill(pid_, signal_number);
}

std::string PathwiseProcess::stdout_text() const {
    return read_whole_file(stdout_path_);
}
std::string PathwiseProcess::stderr_text() const {
    return read_whole_file(stderr_path_);
}

bool PathwiseProcess::wait_for_stdout(std::string_view needle, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (stdout_text().find(needle) != std::string::npos) return true;
        if (!running() || std::chrono::steady_clock::now() >= deadline) {
            return stdout_text().find(needle) != std::string::npos;
        }
        std::this_thread::sleep_for(10ms);
    }
}

bool PathwiseProcess::wait_for_stderr(std::string_view needle, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (stderr_text().find(needle) != std::string::npos) return true;
        if (!running() || std::chrono::steady_clock::now() >= deadline) {
            return stderr_text().find(needle) != std::string::npos;
        }
        std::this_thread::sleep_for(10ms);
    }
}

}  // namespace pathwise::testing
