// run_pathwise.hpp — runs the real `pathwise` executable as a child process and captures what it printed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pathwise_cli_test {

struct CliRun {
    int exit_code = -1;  // -1 when the process did not exit normally (signal, timeout)
    std::string out;     // stdout
    std::string err;     // stderr
    // stdout parsed as JSON; fails the current test (and returns null) when it is not one JSON value.
    [[nodiscard]] nlohmann::json json() const;
};

struct RunOptions {
    // Added to a clean environment: PATHWISE_LANG, NO_COLOR, COLUMNS, TERM and LANG are removed first
    // so the machine's settings never leak into a test.
    std::vector<std::string> env;  // "NAME=value"; replaces an inherited variable of that name
    // Start from an empty environment instead: the child sees `env` only (scan tests: no base URL of the machine
    // running the tests may leak in).
    bool only_these_variables = false;
    // CliRun on a pseudo-terminal (stdout and stderr merged into `out`) to see what a person's terminal gets.
    bool on_terminal = false;
};

// Runs `pathwise args...`; kills the process (by its PID) when it takes longer than 20 s.
CliRun run_pathwise(const std::vector<std::string>& args, const RunOptions& options = {});

}  // namespace pathwise_cli_test
