#include "run_pathwise.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstring>
#include <string_view>

namespace pathwise_cli_test {
namespace {

constexpr auto kTimeout = std::chrono::seconds(20);

std::vector<std::string> clean_environment(const std::vector<std::string>& extra, bool only_extra) {
    constexpr std::array<std::string_view, 5> kRemoved = {"PATHWISE_LANG=", "NO_COLOR=", "COLUMNS=", "TERM=", "LANG="};
    std::vector<std::string> env;
    for (char** entry = environ; !only_extra && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        bool removed = false;
        for (const std::string_view prefix : kRemoved) removed = removed || text.rfind(prefix, 0) == 0;
        // A variable the test sets replaces the inherited one (getenv returns the first of two).
        for (const std::string& set : extra) {
            const std::string_view name = std::string_view(set).substr(0, set.find('=') + 1);
            removed = removed || text.rfind(name, 0) == 0;
        }
        if (!removed) env.emplace_back(text);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    out.reserve(strings.size() + 1);
    for (std::string& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Reads every fd until all reach EOF (or, for a pty, EIO once the child closed it) or the deadline passes.
void drain(std::vector<std::pair<int, std::string*>> sources, std::chrono::steady_clock::time_point deadline) {
    std::array<char, 4096> buffer{};
    while (!sources.empty() && std::chrono::steady_clock::now() < deadline) {
        std::vector<pollfd> fds;
        fds.reserve(sources.size());
        for (const auto& source : sources) fds.push_back({source.first, POLLIN, 0});
        if (poll(fds.data(), fds.size(), 200) < 0) break;
        for (std::size_t i = fds.size(); i-- > 0;) {
            if (fds[i].revents == 0) continue;
            const ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
            if (n > 0) {
                sources[i].second->append(buffer.data(), static_cast<std::size_t>(n));
            } else {
                sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(i));
            }
        }
    }
}

}  // namespace

nlohmann::json CliRun::json() const {
    const nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "stdout is not JSON:\n" << out << "\nstderr:\n" << err;
    return parsed.is_discarded() ? nlohmann::json() : parsed;
}

CliRun run_pathwise(const std::vector<std::string>& args, const RunOptions& options) {
    std::vector<std::string> argv_strings{PATHWISE_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = clean_environment(options.env, options.only_these_variables);
    std::vector<char*> argv = pointers(argv_strings);
    std::vector<char*> envp = pointers(env_strings);

    CliRun run;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int out_pipe[2] = {-1, -1};
    int err_pipe[2] = {-1, -1};
    int terminal = -1;
    int terminal_child = -1;
    if (options.on_terminal) {
        if (openpty(&terminal, &terminal_child, nullptr, nullptr, nullptr) != 0) {
            ADD_FAILURE() << "openpty: " << std::strerror(errno);
            return run;
        }
        posix_spawn_file_actions_adddup2(&actions, terminal_child, STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, terminal_child, STDERR_FILENO);
        posix_spawn_file_actions_addclose(&actions, terminal);
    } else {
        if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
            ADD_FAILURE() << "pipe: " << std::strerror(errno);
            return run;
        }
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
        posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
        posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
    }
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv_strings[0].c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        ADD_FAILURE() << "posix_spawn " << argv_strings[0] << ": " << std::strerror(spawned);
        return run;
    }

    const auto deadline = std::chrono::steady_clock::now() + kTimeout;
    if (options.on_terminal) {
        close(terminal_child);
        drain({{terminal, &run.out}}, deadline);
        close(terminal);
    } else {
        close(out_pipe[1]);
        close(err_pipe[1]);
        drain({{out_pipe[0], &run.out}, {err_pipe[0], &run.err}}, deadline);
        close(out_pipe[0]);
        close(err_pipe[0]);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
        kill(pid, SIGKILL);
        ADD_FAILURE() << "pathwise did not finish within 20 s; killed PID " << pid;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    return run;
}

}  // namespace pathwise_cli_test
