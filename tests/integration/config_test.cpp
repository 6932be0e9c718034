// config_test.cpp — `pathwise serve` refuses bad configuration with a message that says what and where, and
// merges file < PATHWISE_* environment < flags. Exit codes: 1 = cannot start, 2 = bad command line.
#include <gtest/gtest.h>
#include <httplib.h>

#include "pathwise_process.hpp"

namespace pathwise::testing {
namespace {

// Runs `pathwise serve <args>` expecting it to exit by itself; returns {exit code, stderr}.
std::pair<int, std::string> run_expecting_exit(std::vector<std::string> args,
                                               std::map<std::string, std::string> env = {}) {
    ProcessOptions options;
    options.args = {"serve"};
    options.args.insert(options.args.end(), args.begin(), args.end());
    options.env = std::move(env);
    auto process = PathwiseProcess::start(std::move(options));
    const auto code = process.wait_exit(10s);
    if (!code) {
        process.stop();
        return {-1, "still running: " + process.stderr_text()};
    }
    return {*code, process.stderr_text()};
}

TEST(ServeConfig, MalformedFile_NamesFileLineAndColumn) {
    TempDir dir;
    // Trailing comma: the '}' on line 4, column 1 is where parsing fails.
    const std::string path = dir.write_file("config.json", "{\n  \"port\": 0,\n  \"repair_paths\": true,\n}\n");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_NE(err.find("line 4, column 1"), std::string::npos) << err;
}

TEST(ServeConfig, MalformedFile_SecondLineMissingQuote_ReportsLineTwo) {
    TempDir dir;
    const std::string path = dir.write_file("config.json", "{\n  \"port: 0\n}\n");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("line 2, column"), std::string::npos) << err;
}

TEST(ServeConfig, UnknownKey_NamedWithDidYouMean) {
    TempDir dir;
    const std::string path = dir.write_file("config.json", R"({"prot": 8046})");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("unknown key 'prot'"), std::string::npos) << err;
    EXPECT_NE(err.find("did you mean 'port'"), std::string::npos) << err;
}

TEST(ServeConfig, UnknownUpstreamKey_NamedWithDidYouMean) {
    TempDir dir;
    const std::string path =
        dir.write_file("config.json", R"({"upstreams": {"openai": {"base_ur": "https://api.openai.com/v1"}}})");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("upstreams.openai.base_ur"), std::string::npos) << err;
    EXPECT_NE(err.find("did you mean 'base_url'"), std::string::npos) << err;
}

TEST(ServeConfig, UnknownProtocol_NamedWithDidYouMean) {
    TempDir dir;
    const std::string path = dir.write_file("config.json", R"({"upstreams": {"antropic": {"base_url": ""}}})");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("did you mean 'anthropic'"), std::string::npos) << err;
}

TEST(ServeConfig, WrongValueType_SaysWhatIsExpected) {
    TempDir dir;
    const std::string path = dir.write_file("config.json", R"({"port": "8045"})");
    const auto [code, err] = run_expecting_exit({"--config", path});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("'port' must be a whole number"), std::string::npos) << err;
}

TEST(ServeConfig, ExplicitConfigMissing_Refused) {
    const auto [code, err] = run_expecting_exit({"--config", "/nonexistent/pathwise.json"});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("/nonexistent/pathwise.json"), std::string::npos) << err;
}

TEST(ServeConfig, UnknownFlag_Exit2WithDidYouMean) {
    const auto [code, err] = run_expecting_exit({"--prot", "9000"});
    EXPECT_EQ(code, 2) << err;
    EXPECT_NE(err.find("unknown option '--prot'"), std::string::npos) << err;
    EXPECT_NE(err.find("did you mean '--port'"), std::string::npos) << err;
}

TEST(ServeConfig, BadFlagValue_Exit2) {
    const auto [code, err] = run_expecting_exit({"--port", "eighty"});
    EXPECT_EQ(code, 2) << err;
    EXPECT_NE(err.find("--port"), std::string::npos) << err;
    const auto [mode_code, mode_err] = run_expecting_exit({"--auth-mode", "sometimes"});
    EXPECT_EQ(mode_code, 2) << mode_err;
    EXPECT_NE(mode_err.find("off, strict, all_except_health, auto"), std::string::npos) << mode_err;
}

TEST(ServeConfig, Help_Exit0WithOptions) {
    ProcessOptions options;
    options.args = {"serve", "--help"};
    auto process = PathwiseProcess::start(options);
    EXPECT_EQ(process.wait_exit(5s), 0);
    EXPECT_NE(process.stdout_text().find("--repair-paths"), std::string::npos);
    EXPECT_NE(process.stdout_text().find("PATHWISE_PORT"), std::string::npos);
}

TEST(ServeConfig, PortInUse_ClearMessageExit1) {
    auto first = PathwiseProcess::start_serve();
    ASSERT_TRUE(first.ready()) << first.stderr_text();
    const std::string port = std::to_string(first.port());
    const auto [code, err] = run_expecting_exit({"--port", port});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("port " + port + " is in use by another program; stop it or run with --port N"),
              std::string::npos)
        << err;
    // The first one is unharmed.
    auto res = first.client()->Get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
}

TEST(ServeConfig, LanAccessWithoutKey_RefusesToStartSayingWhy) {
    const auto [code, err] = run_expecting_exit({"--allow-lan-access", "--port", "0"});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("allow_lan_access"), std::string::npos) << err;
    EXPECT_NE(err.find("no API key"), std::string::npos) << err;
}

TEST(ServeConfig, StrictWithoutKey_RefusesToStart) {
    const auto [code, err] = run_expecting_exit({"--auth-mode", "strict", "--port", "0"});
    EXPECT_EQ(code, 1) << err;
    EXPECT_NE(err.find("needs at least one API key"), std::string::npos) << err;
}

TEST(ServeConfig, LanAccessAutoMode_HealthPublicApiNeedsKey) {
    // --host keeps the test on loopback; allow_lan_access still turns auto into all_except_health.
    auto proxy = PathwiseProcess::start_serve({"--allow-lan-access", "--host", "127.0.0.1", "--api-key", "lan-key"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    auto health = client->Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto models = client->Get("/v1/models");
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 401);
    auto with_key = client->Get("/v1/models", {{"Authorization", "Bearer lan-key"}});
    ASSERT_TRUE(with_key);
    EXPECT_EQ(with_key->status, 200);
}

// Which key works tells which source won: flags > environment > file.
int status_with_key(PathwiseProcess& proxy, const std::string& key) {
    auto res = proxy.client()->Get("/v1/models", {{"x-api-key", key}});
    return res ? res->status : 0;
}

TEST(ServeConfig, Precedence_FlagOverEnvironmentOverFile) {
    TempDir dir;
    const std::string path =
        dir.write_file("config.json", R"({"auth_mode": "strict", "api_keys": ["file-key"], "port": 0})");
    {
        auto proxy = PathwiseProcess::start_serve({"--config", path});
        ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
        EXPECT_EQ(status_with_key(proxy, "file-key"), 200);
    }
    {
        auto proxy = PathwiseProcess::start_serve({"--config", path}, {{"PATHWISE_API_KEY", "env-key"}});
        ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
        EXPECT_EQ(status_with_key(proxy, "env-key"), 200);
        EXPECT_EQ(status_with_key(proxy, "file-key"), 401);
    }
    {
        auto proxy = PathwiseProcess::start_serve({"--config", path, "--api-key", "flag-key"},
                                                  {{"PATHWISE_API_KEY", "env-key"}});
        ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
        EXPECT_EQ(status_with_key(proxy, "flag-key"), 200);
        EXPECT_EQ(status_with_key(proxy, "env-key"), 401);
    }
}

TEST(ServeConfig, DefaultFile_ReadFromXdgConfigHome) {
    TempDir config_home;
    config_home.write_file("pathwise/config.json", R"({"auth_mode": "strict", "api_key": "xdg-key"})");
    auto proxy = PathwiseProcess::start_serve({}, {{"XDG_CONFIG_HOME", config_home.path()}});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    EXPECT_EQ(status_with_key(proxy, "xdg-key"), 200);
    EXPECT_EQ(status_with_key(proxy, "other"), 401);
    EXPECT_NE(proxy.stdout_text().find(config_home.path() + "/pathwise/config.json"), std::string::npos);
}

TEST(ServeConfig, DefaultFileMissing_StartsWithDefaults) {
    TempDir empty_home;
    auto proxy = PathwiseProcess::start_serve({}, {{"XDG_CONFIG_HOME", empty_home.path()}});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
}

TEST(ServeConfig, EnvironmentTypo_WarnsWithDidYouMean) {
    auto proxy = PathwiseProcess::start_serve({}, {{"PATHWISE_REPAIR_PATH", "1"}});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    EXPECT_NE(proxy.stderr_text().find("did you mean PATHWISE_REPAIR_PATHS"), std::string::npos) << proxy.stderr_text();
}

}  // namespace
}  // namespace pathwise::testing
