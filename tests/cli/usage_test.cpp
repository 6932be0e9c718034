// Usage: help, version, exit code 2 with a message that says what was wrong, colour only on a terminal.
#include <gtest/gtest.h>

#include <cctype>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {
namespace {

TEST(Usage, Version_PrintsSemver) {
    const CliRun run = run_pathwise({"--version"});
    EXPECT_EQ(run.exit_code, 0);
    ASSERT_EQ(run.out.rfind("pathwise ", 0), 0u) << run.out;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(run.out[9]))) << run.out;
    EXPECT_NE(run.out.find('.'), std::string::npos);
}

TEST(Usage, EachCommandHasHelp) {
    for (const char* command : {"doctor", "clients", "routes", "link"}) {
        const CliRun run = run_pathwise({command, "--help"});
        EXPECT_EQ(run.exit_code, 0) << command;
        EXPECT_EQ(run.out.rfind(std::string("usage: pathwise ") + command, 0), 0u) << run.out;
        EXPECT_TRUE(run.err.empty()) << run.err;
    }
}

TEST(Usage, MistypedOption_SuggestsTheRightOne) {
    const CliRun run = run_pathwise({"doctor", "--clinet", "claude-code", "http://127.0.0.1:8045"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown option '--clinet'; did you mean '--client'?"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("pathwise doctor --help"), std::string::npos) << run.err;
}

TEST(Usage, OptionWithoutValue_SaysItNeedsOne) {
    const CliRun run = run_pathwise({"doctor", "--client"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("option '--client' needs a value"), std::string::npos) << run.err;
}

TEST(Usage, UnknownLanguage_IsUsageError) {
    const CliRun run = run_pathwise({"routes", "--lang", "de"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown language 'de'"), std::string::npos) << run.err;
}

TEST(Usage, UnusableLanguageEnvironment_FallsBackToEnglish) {
    RunOptions options;
    options.env = {"PATHWISE_LANG=klingon"};
    const CliRun run = run_pathwise({"doctor", "/v1/v1/messages"}, options);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("Diagnosis"), std::string::npos) << run.out;
}

TEST(Usage, MethodWithClient_IsUsageError) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "--method", "POST", "http://127.0.0.1:8045"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("--method applies to a PATH"), std::string::npos) << run.err;
}

TEST(Usage, Terminal_GetsColour) {
    RunOptions options;
    options.on_terminal = true;
    options.env = {"TERM=xterm"};
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1"}, options);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("\x1b["), std::string::npos) << run.out;
}

TEST(Usage, TerminalWithNoColor_GetsPlainText) {
    RunOptions options;
    options.on_terminal = true;
    options.env = {"TERM=xterm", "NO_COLOR=1"};
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1"}, options);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("/v1/v1/messages"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
}

TEST(Usage, JsonOnTerminal_HasNoColour) {
    RunOptions options;
    options.on_terminal = true;
    options.env = {"TERM=xterm"};
    const CliRun run = run_pathwise({"routes", "--json"}, options);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("\"routes\""), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
}

}  // namespace
}  // namespace pathwise_cli_test
