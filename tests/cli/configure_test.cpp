// `pathwise configure CLIENT`: rewrites the client's own config in a throwaway HOME. Every expected file is written
// out by hand, byte for byte: the point is that nothing but the one key changes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "test_home.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kOrigin = "http://127.0.0.1:8045";

CliRun configure(const TestHome& home, const std::string& client, std::vector<std::string> extra = {"--yes"},
                 std::vector<std::string> env = {}) {
    std::vector<std::string> args{"configure", client, "--origin", kOrigin, "--no-probe", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return home.run(args, env);
}

std::vector<std::string> backups_of(const std::string& path) {
    std::vector<std::string> found;
    const fs::path file(path);
    for (const auto& entry : fs::directory_iterator(file.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(file.filename().string() + ".pathwise-backup-")) found.push_back(entry.path().string());
    }
    return found;
}

TEST(Configure, ClaudeCode_FixesTheKeyWhereItIs_AndKeepsEveryOtherByte) {
    const TestHome home;
    const std::string before =
        "{\n"
        "    \"permissions\": { \"allow\": [\"Bash(ls)\"] },\n"
        "    \"env\": {\n"
        "        \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045/v1\",\n"
        "        \"DISABLE_TELEMETRY\": \"1\"\n"
        "    }\n"
        "}";  // no final newline: it must stay that way
    const std::string path = home.write(".claude/settings.json", before);
    const CliRun run = configure(home, "claude-code");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = run.json();
    EXPECT_EQ(out["base_url"], "http://127.0.0.1:8045");
    EXPECT_TRUE(out["written"]);
    EXPECT_EQ(home.read(".claude/settings.json"),
              "{\n"
              "    \"permissions\": { \"allow\": [\"Bash(ls)\"] },\n"
              "    \"env\": {\n"
              "        \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045\",\n"
              "        \"DISABLE_TELEMETRY\": \"1\"\n"
              "    }\n"
              "}");
    ASSERT_EQ(out["files"].size(), 1u);
    const std::string backup = out["files"][0]["backup"];
    EXPECT_EQ(backups_of(path), std::vector<std::string>{backup});
    std::ifstream saved(backup, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(saved), {}), before);

    // Idempotent: a second run changes nothing and makes no second backup.
    const CliRun again = configure(home, "claude-code");
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_TRUE(again.json()["already_configured"]);
    EXPECT_FALSE(again.json()["written"]);
    EXPECT_EQ(backups_of(path).size(), 1u);
}

TEST(Configure, ClaudeCode_NoFile_CreatesSettingsJsonPrivateToTheUser) {
    const TestHome home;
    const CliRun run = configure(home, "claude-code");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(home.read(".claude/settings.json"),
              "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045\"\n  }\n}\n");
    struct stat info {};
    ASSERT_EQ(::stat((home.home() + "/.claude/settings.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_FALSE(run.json()["files"][0]["existed"]);
}

// settings.json beats the shell (measured, Claude Code 2.1.330), so the fix goes there and wins.
TEST(Configure, ClaudeCode_WrongShellVariable_IsOverriddenFromSettingsJson) {
    const TestHome home;
    const CliRun run = configure(home, "claude-code", {"--yes"}, {"ANTHROPIC_BASE_URL=http://127.0.0.1:8045/v1"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(run.json()["environment"].empty());
    const json scan = home.scan({"ANTHROPIC_BASE_URL=http://127.0.0.1:8045/v1"}).json();
    const json claude = product(scan, "claude-code");
    EXPECT_TRUE(setting(claude, "env.ANTHROPIC_BASE_URL")["in_effect"]);
    EXPECT_TRUE(claude["ok"]) << claude.dump(2);
}

TEST(Configure, Codex_NothingConfigured_AddsAProviderAndSelectsIt) {
    const TestHome home;
    home.write(".codex/config.toml", "# my settings\nmodel = \"gpt-5-codex\"\n\n[analytics]\nenabled = false\n");
    const CliRun run = configure(home, "codex");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.json()["base_url"], "http://127.0.0.1:8045/v1");
    EXPECT_EQ(home.read(".codex/config.toml"),
              "# my settings\n"
              "model = \"gpt-5-codex\"\n"
              "model_provider = \"pathwise\"\n"
              "\n"
              "[analytics]\n"
              "enabled = false\n"
              "\n"
              "[model_providers.pathwise]\n"
              "base_url = \"http://127.0.0.1:8045/v1\"\n"
              "name = \"Pathwise\"\n"
              "wire_api = \"responses\"\n");
    const json codex = product(home.scan().json(), "codex");
    EXPECT_TRUE(codex["ok"]) << codex.dump(2);
}

TEST(Configure, Codex_FixesTheSelectedProviderAndItsWireApi) {
    const TestHome home;
    home.write(".codex/config.toml",
               "model_provider = \"proxy\"\n\n[model_providers.proxy]\nname = \"Proxy\"\n"
               "base_url = \"http://127.0.0.1:8045\"   # typed by hand\nwire_api = \"chat\"\n");
    const CliRun run = configure(home, "codex");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(home.read(".codex/config.toml"),
              "model_provider = \"proxy\"\n\n[model_providers.proxy]\nname = \"Proxy\"\n"
              "base_url = \"http://127.0.0.1:8045/v1\"   # typed by hand\nwire_api = \"responses\"\n");
}

// A proxy that does not bridge Responses over WebSocket: Codex is told not to try (supports_websockets = false).
TEST(Configure, Codex_ProxyWithoutWebSocket_GetsSupportsWebsocketsFalse) {
    const TestHome home;
    const CliRun run = configure(home, "codex", {"--yes"}, {"PATHWISE_RESPONSES_WEBSOCKET=false"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(home.read(".codex/config.toml").find("supports_websockets = false\n"), std::string::npos)
        << home.read(".codex/config.toml");
}

TEST(Configure, GeminiCli_WritesTheDotEnvItReadsAndTheAuthType) {
    const TestHome home;
    home.write(".gemini/settings.json", "{\n  // mine\n  \"general\": {\"vimMode\": true}\n}\n");
    const CliRun run = configure(home, "gemini-cli");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(home.read(".gemini/.env"), "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045\n");
    EXPECT_EQ(home.read(".gemini/settings.json"),
              "{\n  // mine\n  \"general\": {\"vimMode\": true},\n  \"security\": {\n    \"auth\": {\n"
              "      \"selectedType\": \"gemini-api-key\"\n    }\n  }\n}\n");
    EXPECT_TRUE(product(home.scan().json(), "gemini-cli")["ok"]);
}

// Only the first .env found is read (measured, Gemini CLI 0.61.0): the fix goes into that one.
TEST(Configure, GeminiCli_ProjectDotEnvIsTheOneWritten) {
    const TestHome home;
    home.write("work/app/.env", "DEBUG=1");
    home.write(".gemini/settings.json", R"({"security": {"auth": {"selectedType": "gemini-api-key"}}})");
    ASSERT_EQ(configure(home, "gemini-cli").exit_code, 0);
    // The file had no final newline, and the line added keeps it that way.
    EXPECT_EQ(home.read("work/app/.env"), "DEBUG=1\nGOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045");
    EXPECT_FALSE(fs::exists(home.home() + "/.gemini/.env"));
}

// The shell beats every .env (measured): a file cannot fix it, so the line to type is printed.
TEST(Configure, GeminiCli_WrongShellVariable_PrintsTheLineToType) {
    const TestHome home;
    home.write(".gemini/settings.json", R"({"security": {"auth": {"selectedType": "gemini-api-key"}}})");
    const CliRun run =
        configure(home, "gemini-cli", {"--yes"}, {"GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045/v1beta"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = run.json();
    ASSERT_EQ(out["environment"].size(), 1u) << out.dump(2);
    EXPECT_EQ(out["environment"][0]["export"], "export GOOGLE_GEMINI_BASE_URL='http://127.0.0.1:8045'");
    EXPECT_EQ(out["environment"][0]["powershell"], "$env:GOOGLE_GEMINI_BASE_URL = \"http://127.0.0.1:8045\"");
    EXPECT_FALSE(fs::exists(home.home() + "/.gemini/.env"));
}

// KILO_CONFIG_CONTENT beats every file (measured 7.7.7): a file written would not win, and the variable may hold a
// key, so configure says what to change there and writes nothing.
TEST(Configure, Kilo_BaseFromConfigContentVariable_RefusesAndWritesNothing) {
    const TestHome home;
    const CliRun run = configure(
        home, "kilo", {"--yes"},
        {R"(KILO_CONFIG_CONTENT={"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045", "apiKey": "sk-kilo-91ab"}}}})"});
    EXPECT_NE(run.exit_code, 0) << run.out;
    const std::string said = run.out + run.err;
    EXPECT_NE(said.find("provider.openai.options.baseURL in $KILO_CONFIG_CONTENT decides"), std::string::npos) << said;
    EXPECT_NE(said.find("to http://127.0.0.1:8045/v1 where you set KILO_CONFIG_CONTENT"), std::string::npos) << said;
    EXPECT_EQ(said.find("sk-kilo-91ab"), std::string::npos) << said;
    EXPECT_FALSE(fs::exists(home.home() + "/.config/kilo/kilo.json"));
}

TEST(Configure, Kilo_NothingConfigured_PointsTheThreeBuiltInProviders) {
    const TestHome home;
    ASSERT_EQ(configure(home, "kilo").exit_code, 0);
    EXPECT_EQ(
        home.read(".config/kilo/kilo.json"),
        "{\n  \"provider\": {\n"
        "    \"openai\": {\n      \"options\": {\n        \"baseURL\": \"http://127.0.0.1:8045/v1\"\n      }\n    },\n"
        "    \"anthropic\": {\n      \"options\": {\n        \"baseURL\": \"http://127.0.0.1:8045/v1\"\n      }\n    "
        "},\n"
        "    \"google\": {\n      \"options\": {\n        \"baseURL\": \"http://127.0.0.1:8045/v1beta\"\n      }\n    "
        "}\n"
        "  }\n}\n");
    EXPECT_TRUE(product(home.scan().json(), "kilo")["ok"]);
}

TEST(Configure, Continue_FixesEachModelAndLeavesUnknownProvidersAlone) {
    const TestHome home;
    home.write(".continue/config.yaml",
               "name: Local\nmodels:\n  - name: a\n    provider: anthropic\n    apiBase: http://127.0.0.1:8045 # x\n"
               "  - name: b\n    provider: ollama\n    apiBase: http://127.0.0.1:11434\n");
    const CliRun run = configure(home, "continue");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(home.read(".continue/config.yaml"),
              "name: Local\nmodels:\n  - name: a\n    provider: anthropic\n    apiBase: http://127.0.0.1:8045/v1 # x\n"
              "  - name: b\n    provider: ollama\n    apiBase: http://127.0.0.1:11434\n");
    ASSERT_EQ(run.json()["notes"].size(), 1u);
    EXPECT_NE(run.json()["notes"][0].get<std::string>().find("ollama"), std::string::npos);
}

TEST(Configure, Continue_NoModel_RefusesAndSaysWhatToAdd) {
    const TestHome home;
    home.write(".continue/config.yaml", "name: Local\nversion: 1.0.0\n");
    const CliRun run = configure(home, "continue");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("add one by hand"), std::string::npos) << run.err;
    EXPECT_EQ(home.read(".continue/config.yaml"), "name: Local\nversion: 1.0.0\n");
}

TEST(Configure, EnvironmentOnlySdk_PrintsExportAndPowerShellLines) {
    const TestHome home;
    const CliRun run = home.run({"configure", "openai-sdk", "--origin", kOrigin, "--no-probe"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("export OPENAI_BASE_URL='http://127.0.0.1:8045/v1'"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("$env:OPENAI_BASE_URL = \"http://127.0.0.1:8045/v1\""), std::string::npos) << run.out;
}

TEST(Configure, UnparseableFile_IsRefusedAndLeftUntouched) {
    const TestHome home;
    const std::string broken = "model_provider = \"proxy\"\n[model_providers.proxy\nbase_url = \"x\"\n";
    const std::string path = home.write(".codex/config.toml", broken);
    const CliRun run = configure(home, "codex");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find(path), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Nothing was written"), std::string::npos) << run.err;
    EXPECT_EQ(home.read(".codex/config.toml"), broken);
    EXPECT_TRUE(backups_of(path).empty());
}

TEST(Configure, DryRun_ShowsTheDiffAndWritesNothing) {
    const TestHome home;
    home.write(".claude/settings.json", "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045/v1\"}}\n");
    const CliRun run = home.run({"configure", "claude-code", "--origin", kOrigin, "--no-probe", "--dry-run"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("--- ~/.claude/settings.json\n"
                           "+++ ~/.claude/settings.json (after pathwise configure)\n"
                           "@@ -1,1 +1,1 @@\n"
                           "-{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045/v1\"}}\n"
                           "+{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045\"}}\n"),
              std::string::npos)
        << run.out;
    EXPECT_EQ(home.read(".claude/settings.json"),
              "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045/v1\"}}\n");
}

TEST(Configure, NotATerminalWithoutYes_WritesNothing) {
    const TestHome home;
    const CliRun run = home.run({"configure", "claude-code", "--origin", kOrigin, "--no-probe"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("pass --yes"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(home.home() + "/.claude/settings.json"));
}

TEST(Configure, SymlinkedConfig_ChangesTheTargetAndKeepsTheLink) {
    const TestHome home;
    const std::string target =
        home.write("dotfiles/claude.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:8045/v1"}})");
    fs::create_directories(home.home() + "/.claude");
    fs::create_symlink(target, home.home() + "/.claude/settings.json");
    ASSERT_EQ(configure(home, "claude-code").exit_code, 0);
    EXPECT_TRUE(fs::is_symlink(home.home() + "/.claude/settings.json"));
    EXPECT_EQ(home.read("dotfiles/claude.json"), R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:8045"}})");
}

// Keys sit next to base URLs in these files: a diff's context must never print them (the file keeps them).
TEST(Configure, Diff_NeverShowsAKeyThatSitsNextToTheBaseUrl) {
    const TestHome home;
    home.write(".claude/settings.json",
               "{\n  \"env\": {\n    \"ANTHROPIC_API_KEY\": \"sk-ant-REALSECRET-1\",\n    \"ANTHROPIC_BASE_URL\": "
               "\"http://127.0.0.1:8045/v1\"\n  }\n}\n");
    home.write(
        ".config/kilo/kilo.json",
        R"({"provider": {"anthropic": {"options": {"baseURL": "http://127.0.0.1:8045", "apiKey": "kilo-REALSECRET-2"}}}})");
    for (const std::string client : {"claude-code", "kilo"}) {
        const CliRun text = home.run({"configure", client, "--origin", kOrigin, "--no-probe", "--dry-run"});
        const CliRun as_json = configure(home, client, {"--dry-run"});
        for (const CliRun* run : {&text, &as_json}) {
            EXPECT_EQ(run->exit_code, 0) << run->err;
            for (const std::string secret : {"sk-ant-REALSECRET-1", "kilo-REALSECRET-2"}) {
                EXPECT_EQ(run->out.find(secret), std::string::npos) << client << ": " << run->out;
                EXPECT_EQ(run->err.find(secret), std::string::npos) << client;
            }
        }
        EXPECT_NE(text.out.find("<redacted>"), std::string::npos) << text.out;
    }
    ASSERT_EQ(configure(home, "claude-code").exit_code, 0);
    EXPECT_NE(home.read(".claude/settings.json").find("\"sk-ant-REALSECRET-1\""), std::string::npos);
}

// Two runs within one second: each original gets its own backup.
TEST(Configure, BackupsOfTwoQuickRuns_DoNotOverwriteEachOther) {
    const TestHome home;
    const std::string path =
        home.write(".claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://a.example/v1"}})");
    ASSERT_EQ(configure(home, "claude-code").exit_code, 0);
    home.write(".claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://b.example/v1"}})");
    ASSERT_EQ(configure(home, "claude-code").exit_code, 0);
    const std::vector<std::string> backups = backups_of(path);
    ASSERT_EQ(backups.size(), 2u);
    std::vector<std::string> originals;
    for (const std::string& backup : backups) {
        std::ifstream in(backup, std::ios::binary);
        originals.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::sort(originals.begin(), originals.end());
    EXPECT_EQ(originals, (std::vector<std::string>{R"({"env": {"ANTHROPIC_BASE_URL": "http://a.example/v1"}})",
                                                   R"({"env": {"ANTHROPIC_BASE_URL": "http://b.example/v1"}})"}));
}

TEST(Configure, UnknownClient_SuggestsTheClosest) {
    const TestHome home;
    const CliRun run = home.run({"configure", "claude-cod"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("did you mean 'claude-code'?"), std::string::npos) << run.err;
}

// One shell, two clients: ANTHROPIC_BASE_URL at the host is right for Claude Code and wrong for OpenCode (it appends
// only /messages, measured 1.18.33). configure fixes OpenCode in the file OpenCode creates at first start, which beats
// the variable, and scan then finds both clients pointed right with the shell unchanged.
TEST(Configure, OpenCode_SharedAnthropicBaseUrl_IsFixedInOpenCodeJsoncNotTheShell) {
    const TestHome home;
    const std::vector<std::string> shell{"ANTHROPIC_BASE_URL=http://127.0.0.1:8045"};
    const json before = home.scan(shell).json();
    EXPECT_TRUE(product(before, "claude-code")["ok"]) << before.dump(2);
    EXPECT_FALSE(product(before, "opencode")["ok"]) << before.dump(2);

    const CliRun run = configure(home, "opencode", {"--yes"}, shell);
    ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
    EXPECT_EQ(home.read(".config/opencode/opencode.jsonc"),
              "{\n  \"provider\": {\n    \"anthropic\": {\n      \"options\": {\n        \"baseURL\": "
              "\"http://127.0.0.1:8045/v1\"\n      }\n    }\n  }\n}\n");
    const json after = home.scan(shell).json();
    EXPECT_TRUE(product(after, "opencode")["ok"]) << after.dump(2);
    EXPECT_TRUE(product(after, "claude-code")["ok"]) << after.dump(2);
}

}  // namespace
}  // namespace pathwise_cli_test
