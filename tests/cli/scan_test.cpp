// `pathwise scan --no-probe`: a throwaway HOME and project folder holding the config files each client really
// reads (shapes copied from what the real clients accept: tests/clients/lib/cli_clients.mjs), and the scan's
// verdict on each. Precedence facts are the ones measured in docs/client-settings.md, written here by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "test_home.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

TEST(Scan, NothingConfigured_ListsNothingAndExitsZero) {
    const TestHome home;
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json scan = run.json();
    EXPECT_TRUE(scan["ok"]);
    EXPECT_TRUE(scan["products"].empty()) << scan.dump(2);
    EXPECT_EQ(scan["home"], home.home());
    EXPECT_EQ(scan["project"], home.project());
}

TEST(Scan, ClaudeCode_UserSettingsWithV1_DuplicatesPrefix) {
    const TestHome home;
    home.write(".claude/settings.json",
               "{\n  \"permissions\": {\"allow\": []},\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": "
               "\"http://127.0.0.1:8045/v1\"\n  }\n}\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1) << run.out;
    const json claude = product(run.json(), "claude-code");
    const json base = setting(claude, "env.ANTHROPIC_BASE_URL");
    EXPECT_EQ(base["file"], home.home() + "/.claude/settings.json");
    EXPECT_EQ(base["line"], 4);
    EXPECT_EQ(base["value"], "http://127.0.0.1:8045/v1");
    EXPECT_TRUE(base["in_effect"]);
    EXPECT_EQ(base["client"], "claude-code");
    // Claude Code appends /v1/messages (docs/clients.md 2.1).
    EXPECT_EQ(base["calls"][0]["path"], "/v1/v1/messages");
    EXPECT_EQ(base["diagnosis"]["kind"], "duplicated_version_prefix");
    EXPECT_EQ(base["recommended_base_url"], "http://127.0.0.1:8045");
    EXPECT_FALSE(claude["ok"]);
    EXPECT_EQ(claude["configure"], "pathwise configure claude-code");
}

// Measured with Claude Code 2.1.330: settings.local.json > project settings.json > ~/.claude > the shell.
TEST(Scan, ClaudeCode_ProjectLocalSettingsBeatProjectUserAndShell) {
    const TestHome home;
    home.write(".claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:9001"}})");
    home.write("work/app/.claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:9002"}})");
    home.write("work/app/.claude/settings.local.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:8045"}})");
    const CliRun run = home.scan({"ANTHROPIC_BASE_URL=http://127.0.0.1:9003/v1"});
    const json claude = product(run.json(), "claude-code");
    const json local = setting(claude, "env.ANTHROPIC_BASE_URL", "settings.local.json");
    EXPECT_TRUE(local["in_effect"]);
    EXPECT_EQ(local["diagnosis"]["kind"], "ok");
    for (const std::string suffix : {"/work/app/.claude/settings.json", "/.claude/settings.json"}) {
        const json other = setting(claude, "env.ANTHROPIC_BASE_URL", home.home() + suffix);
        EXPECT_FALSE(other["in_effect"]) << suffix;
        EXPECT_NE(other["not_used_because"].get<std::string>().find("settings.local.json"), std::string::npos);
    }
    const json shell = setting(claude, "ANTHROPIC_BASE_URL");
    EXPECT_EQ(shell["file"], "");
    EXPECT_FALSE(shell["in_effect"]);
    // The Anthropic SDK reads the same variable and does use it: there it is in effect, and wrong.
    const json sdk = product(run.json(), "anthropic-sdk");
    EXPECT_TRUE(setting(sdk, "ANTHROPIC_BASE_URL")["in_effect"]);
    EXPECT_EQ(setting(sdk, "ANTHROPIC_BASE_URL")["diagnosis"]["kind"], "duplicated_version_prefix");
    EXPECT_TRUE(claude["ok"]);
    EXPECT_EQ(run.exit_code, 1);
}

TEST(Scan, ApiKeys_AreReportedAsSetButNeverShown) {
    const TestHome home;
    home.write(".claude/settings.json",
               R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:8045", "ANTHROPIC_API_KEY": "sk-ant-file-7d1e"}})");
    for (const bool as_json : {true, false}) {
        const CliRun run = as_json ? home.scan({"ANTHROPIC_API_KEY=sk-ant-shell-51c9", "GEMINI_API_KEY=AIza-9f3b"})
                                   : home.run({"scan", "--no-probe"},
                                              {"ANTHROPIC_API_KEY=sk-ant-shell-51c9", "GEMINI_API_KEY=AIza-9f3b"});
        for (const std::string secret : {"sk-ant-file-7d1e", "sk-ant-shell-51c9", "AIza-9f3b"}) {
            EXPECT_EQ(run.out.find(secret), std::string::npos) << secret << "\n" << run.out;
            EXPECT_EQ(run.err.find(secret), std::string::npos) << secret;
        }
        if (!as_json) {
            EXPECT_NE(run.out.find("ANTHROPIC_API_KEY = (set; never shown)"), std::string::npos) << run.out;
            continue;
        }
        const json claude = product(run.json(), "claude-code");
        const json in_file = setting(claude, "env.ANTHROPIC_API_KEY");
        EXPECT_EQ(in_file["role"], "api_key");
        EXPECT_EQ(in_file["value"], "");
        EXPECT_TRUE(in_file["in_effect"]);
        EXPECT_FALSE(setting(claude, "ANTHROPIC_API_KEY")["in_effect"]);
    }
}

TEST(Scan, Codex_SelectedProviderIsInEffect_OthersAreNotSelected) {
    const TestHome home;
    home.write(".codex/config.toml",
               "model = \"gpt-5-codex\"\n"
               "model_provider = \"pathwise\"\n"
               "openai_base_url = \"http://127.0.0.1:8045/v1\"\n"
               "\n"
               "[model_providers.pathwise]\n"
               "name = \"Pathwise\"\n"
               "base_url = \"http://127.0.0.1:8045/v1/chat/completions\"\n"
               "wire_api = \"responses\"\n"
               "\n"
               "[model_providers.ollama-local]\n"
               "base_url = \"http://127.0.0.1:11434/v1\"\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1);
    const json codex = product(run.json(), "codex");
    const json selected = setting(codex, "model_providers.pathwise.base_url");
    EXPECT_TRUE(selected["in_effect"]);
    EXPECT_EQ(selected["line"], 7);
    EXPECT_EQ(selected["client"], "codex-cli");
    EXPECT_EQ(selected["provider"], "pathwise");
    // Codex joins "responses" to the base (docs/clients.md 1.6).
    EXPECT_EQ(selected["calls"][0]["path"], "/v1/chat/completions/responses");
    EXPECT_EQ(selected["diagnosis"]["kind"], "nested_full_endpoint");
    EXPECT_EQ(selected["recommended_base_url"], "http://127.0.0.1:8045/v1");
    const json other = setting(codex, "model_providers.ollama-local.base_url");
    EXPECT_FALSE(other["in_effect"]);
    EXPECT_EQ(other["not_used_because"], "model_provider = \"pathwise\"");
    const json builtin = setting(codex, "openai_base_url");
    EXPECT_FALSE(builtin["in_effect"]);
    EXPECT_EQ(builtin["client"], "codex-cli.builtin");
}

// Codex 0.169.0 (measured): a trusted project's .codex/config.toml is read, but its URL keys are dropped with a
// warning; the user config's provider is the one used.
TEST(Scan, Codex_UrlKeysInAProjectConfig_AreIgnoredByCodex_AndSaidSo) {
    const TestHome home;
    home.write(".codex/config.toml",
               "model_provider = \"pathwise\"\n"
               "[model_providers.pathwise]\nbase_url = \"http://127.0.0.1:8045/v1\"\nwire_api = \"responses\"\n"
               "[projects.\"" +
                   home.project() + "\"]\ntrust_level = \"trusted\"\n");
    home.write("work/app/.codex/config.toml",
               "model = \"gpt-5-codex\"\nmodel_provider = \"local\"\n"
               "[model_providers.local]\nbase_url = \"http://127.0.0.1:9/v1\"\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1) << run.out;
    const json codex = product(run.json(), "codex");
    EXPECT_TRUE(setting(codex, "model_providers.pathwise.base_url", "/.codex/config.toml")["in_effect"]);
    const json dropped = setting(codex, "model_providers.local.base_url", "/work/app/.codex/config.toml");
    EXPECT_EQ(dropped["role"], "refused");
    EXPECT_TRUE(dropped["in_effect"]) << "each refused key is a problem of its own";
    EXPECT_EQ(setting(codex, "model_provider", "/work/app/.codex/config.toml")["role"], "refused");
    std::size_t said = 0;
    for (const auto& problem : codex["problems"]) {
        if (problem.get<std::string>().find("Codex ignores this in a project's .codex/config.toml") !=
            std::string::npos) {
            ++said;
        }
    }
    EXPECT_EQ(said, 2u) << codex["problems"].dump(2);
}

// With the project folder at HOME, ~/.codex/config.toml is the user config, not a project layer.
TEST(Scan, Codex_ProjectFolderIsHome_ItsConfigIsTheUserConfig) {
    const TestHome home;
    home.write(".codex/config.toml",
               "model_provider = \"pathwise\"\n"
               "[model_providers.pathwise]\nbase_url = \"http://127.0.0.1:8045/v1\"\nwire_api = \"responses\"\n");
    RunOptions options;
    options.env = {"HOME=" + home.home(), "PATH=/usr/bin:/bin"};
    options.only_these_variables = true;
    const CliRun run = run_pathwise({"scan", "--no-probe", "--json", "--project", home.home()}, options);
    const json codex = product(run.json(), "codex");
    for (const auto& entry : codex["settings"]) EXPECT_NE(entry["role"], "refused") << entry.dump(2);
    EXPECT_TRUE(codex["ok"]) << codex.dump(2);
}

// Codex 0.169.0 (measured): `profile = "…"` stops it at start-up; profiles are <name>.config.toml files now.
TEST(Scan, Codex_LegacyProfileKey_IsAProblemEvenWhenTheUrlIsRight) {
    const TestHome home;
    home.write(".codex/config.toml",
               "profile = \"work\"\nmodel_provider = \"pathwise\"\n"
               "[model_providers.pathwise]\nbase_url = \"http://127.0.0.1:8045/v1\"\nwire_api = \"responses\"\n"
               "[profiles.work]\nmodel = \"gpt-5-codex\"\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1) << run.out;
    const json codex = product(run.json(), "codex");
    EXPECT_EQ(setting(codex, "model_providers.pathwise.base_url")["diagnosis"]["kind"], "ok");
    ASSERT_EQ(codex["problems"].size(), 1u) << codex.dump(2);
    EXPECT_NE(codex["problems"][0].get<std::string>().find("refuses to start with this legacy key"), std::string::npos);
    EXPECT_NE(codex["problems"][0].get<std::string>().find("codex --profile <name>"), std::string::npos);
}

TEST(Scan, Codex_CodexHomeVariableMovesTheConfig_AndWireApiChatIsAProblem) {
    const TestHome home;
    home.write("elsewhere/codex/config.toml",
               "model_provider = \"proxy\"\n[model_providers.proxy]\nbase_url = \"http://127.0.0.1:8045/v1\"\n"
               "wire_api = \"chat\"\n");
    home.write(".codex/config.toml", "openai_base_url = \"http://127.0.0.1:9/v1\"\n");
    const CliRun run = home.scan({"CODEX_HOME=" + home.home() + "/elsewhere/codex"});
    EXPECT_EQ(run.exit_code, 1);
    const json codex = product(run.json(), "codex");
    const json base = setting(codex, "model_providers.proxy.base_url");
    EXPECT_EQ(base["file"], home.home() + "/elsewhere/codex/config.toml");
    EXPECT_EQ(base["diagnosis"]["kind"], "ok");
    const json wire = setting(codex, "model_providers.proxy.wire_api");
    EXPECT_EQ(wire["role"], "wire_api");
    ASSERT_EQ(codex["problems"].size(), 1u) << codex.dump(2);
    EXPECT_NE(codex["problems"][0].get<std::string>().find("\"responses\""), std::string::npos);
    for (const json& entry : codex["settings"]) EXPECT_NE(entry["value"], "http://127.0.0.1:9/v1");
}

TEST(Scan, OpenAiBaseUrl_IsUsedByTheSdkAndIgnoredByCodex) {
    const TestHome home;
    home.write(".codex/config.toml", "model = \"gpt-5-codex\"\n");
    const CliRun run = home.scan({"OPENAI_BASE_URL=http://127.0.0.1:8045/v1"});
    const json scan = run.json();
    const json ignored = setting(product(scan, "codex"), "OPENAI_BASE_URL");
    EXPECT_EQ(ignored["role"], "ignored");
    EXPECT_NE(ignored["note"].get<std::string>().find("does not read OPENAI_BASE_URL"), std::string::npos);
    const json sdk = setting(product(scan, "openai-sdk"), "OPENAI_BASE_URL");
    EXPECT_EQ(sdk["client"], "openai-node");
    EXPECT_EQ(sdk["diagnosis"]["kind"], "ok");
    EXPECT_EQ(run.exit_code, 0) << run.out;
}

// Gemini CLI 0.61.0 loads only the first .env it finds (measured): a project .env hides ~/.gemini/.env.
TEST(Scan, GeminiCli_ProjectDotEnvHidesTheOneInHome) {
    const TestHome home;
    home.write("work/app/.env", "DEBUG=1\n");
    home.write(".gemini/.env", "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045\n");
    home.write(".gemini/settings.json", R"({"security": {"auth": {"selectedType": "gemini-api-key"}}})");
    const CliRun run = home.scan();
    const json scan = run.json();
    const json gemini = product(scan, "gemini-cli");
    const json hidden = setting(gemini, "GOOGLE_GEMINI_BASE_URL", "/.gemini/.env");
    EXPECT_FALSE(hidden["in_effect"]);
    EXPECT_NE(hidden["not_used_because"].get<std::string>().find(home.project() + "/.env"), std::string::npos);
    bool reported = false;
    for (const json& issue : scan["file_issues"]) {
        reported = reported || (issue["file"] == home.home() + "/.gemini/.env" && issue["unreadable"] == false);
    }
    EXPECT_TRUE(reported) << scan["file_issues"].dump(2);
    // Meant, never used: Gemini CLI goes to its default (measured: googleapis.com, not the proxy).
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_FALSE(gemini["ok"]);
    ASSERT_FALSE(gemini["problems"].empty());
    EXPECT_NE(gemini["problems"][0].get<std::string>().find("never reads"), std::string::npos) << gemini.dump(2);
    EXPECT_EQ(gemini["configure"], "pathwise configure gemini-cli");
}

// The project's settings.json overrides the one in HOME: the problem names the file whose value is in effect.
TEST(Scan, GeminiCli_WrongAuthTypeInTheProject_NamesTheProjectFile) {
    const TestHome home;
    home.write(".gemini/.env", "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045\n");
    home.write(".gemini/settings.json", R"({"security": {"auth": {"selectedType": "gemini-api-key"}}})");
    home.write("work/app/.gemini/settings.json", R"({"security": {"auth": {"selectedType": "oauth-personal"}}})");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1);
    const json gemini = product(run.json(), "gemini-cli");
    ASSERT_EQ(gemini["problems"].size(), 1u) << gemini.dump(2);
    EXPECT_NE(gemini["problems"][0].get<std::string>().find("\"oauth-personal\" in ~/work/app/.gemini/settings.json"),
              std::string::npos)
        << gemini["problems"][0];
}

TEST(Scan, GeminiCli_WithoutAuthType_IsAProblemEvenWithTheRightBase) {
    const TestHome home;
    home.write(".gemini/.env", "# proxy\nexport GOOGLE_GEMINI_BASE_URL=\"http://127.0.0.1:8045\"\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1);
    const json gemini = product(run.json(), "gemini-cli");
    const json base = setting(gemini, "GOOGLE_GEMINI_BASE_URL");
    EXPECT_EQ(base["line"], 2);
    EXPECT_EQ(base["diagnosis"]["kind"], "ok");
    ASSERT_EQ(gemini["problems"].size(), 1u) << gemini.dump(2);
    EXPECT_NE(gemini["problems"][0].get<std::string>().find("security.auth.selectedType"), std::string::npos);

    home.write(".gemini/settings.json",
               "{\n  // set by hand\n  \"security\": {\"auth\": {\"selectedType\": "
               "\"gemini-api-key\"}}\n}\n");
    const CliRun fixed = home.scan();
    EXPECT_EQ(fixed.exit_code, 0) << fixed.out;
}

TEST(Scan, Kilo_EachProviderUsesItsOwnRules) {
    const TestHome home;
    home.write(".config/kilo/kilo.json", R"({
  "$schema": "https://app.kilo.ai/config.json",
  "provider": {
    "anthropic": {"options": {"baseURL": "http://127.0.0.1:8045"}},
    "google": {"options": {"baseURL": "http://127.0.0.1:8045/v1beta"}},
    "pathwise": {"npm": "@ai-sdk/openai-compatible", "options": {"baseURL": "http://127.0.0.1:8045/v1"}}
  }
})");
    const CliRun run = home.scan();
    const json kilo = product(run.json(), "kilo");
    const json anthropic = setting(kilo, "provider.anthropic.options.baseURL");
    EXPECT_EQ(anthropic["client"], "kilo-cli.anthropic");
    // @ai-sdk/anthropic appends /messages: the host alone misses (docs/clients.md 1.7).
    EXPECT_EQ(anthropic["calls"][0]["path"], "/messages");
    EXPECT_EQ(anthropic["recommended_base_url"], "http://127.0.0.1:8045/v1");
    EXPECT_EQ(setting(kilo, "provider.google.options.baseURL")["diagnosis"]["kind"], "ok");
    const json custom = setting(kilo, "provider.pathwise.options.baseURL");
    EXPECT_EQ(custom["client"], "kilo-cli.openai-compatible");
    EXPECT_EQ(custom["diagnosis"]["kind"], "ok");
    EXPECT_EQ(run.exit_code, 1);
}

// Kilo 7.7.7 (measured): a project kilo.json beats the global config for the same provider.
TEST(Scan, Kilo_ProjectConfigBeatsGlobal) {
    const TestHome home;
    home.write(".config/kilo/kilo.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9/v1"}}}})");
    home.write("work/app/kilo.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})");
    const json kilo = product(home.scan().json(), "kilo");
    EXPECT_TRUE(setting(kilo, "provider.openai.options.baseURL", "/work/app/kilo.json")["in_effect"]);
    EXPECT_FALSE(setting(kilo, "provider.openai.options.baseURL", "/.config/kilo/kilo.json")["in_effect"]);
}

// Kilo 7.7.7 (measured, docs/client-settings.md): KILO_CONFIG_CONTENT beats every file, ~/.kilo/ beats the
// project's files, and the file KILO_CONFIG names sits between the project and the global folder.
TEST(Scan, Kilo_ConfigContentVariable_BeatsEveryFile) {
    const TestHome home;
    home.write("work/app/.kilo/kilo.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9/v1"}}}})");
    const std::string content =
        R"(KILO_CONFIG_CONTENT={"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045/v1/chat/completions", "apiKey": "sk-kilo-content-91ab"}}}})";
    const CliRun run = home.scan({content});
    EXPECT_EQ(run.exit_code, 1) << run.out;
    EXPECT_EQ(run.out.find("sk-kilo-content-91ab"), std::string::npos) << "a key in the variable is never shown";
    const json kilo = product(run.json(), "kilo");
    const json inline_base = setting(kilo, "provider.openai.options.baseURL", "");
    EXPECT_EQ(inline_base["variable"], "KILO_CONFIG_CONTENT");
    EXPECT_EQ(inline_base["file"], "");
    EXPECT_TRUE(inline_base["in_effect"]);
    EXPECT_EQ(inline_base["diagnosis"]["kind"], "nested_full_endpoint");
    EXPECT_EQ(kilo["configure"], "") << "configure cannot rewrite a variable set elsewhere";
    const json project = setting(kilo, "provider.openai.options.baseURL", "/work/app/.kilo/kilo.json");
    EXPECT_FALSE(project["in_effect"]);
    EXPECT_NE(project["not_used_because"].get<std::string>().find("$KILO_CONFIG_CONTENT"), std::string::npos)
        << project.dump(2);
}

TEST(Scan, Kilo_ConfigContentThatDoesNotParse_IsSkippedAsKiloSkipsIt) {
    const TestHome home;
    home.write(".config/kilo/kilo.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})");
    const CliRun run = home.scan({R"(KILO_CONFIG_CONTENT={"provider": )"});
    const json scan = run.json();
    const json kilo = product(scan, "kilo");
    EXPECT_TRUE(setting(kilo, "provider.openai.options.baseURL", "/.config/kilo/kilo.json")["in_effect"]);
    bool reported = false;
    for (const auto& issue : scan["file_issues"]) {
        reported =
            reported || (issue["file"] == "$KILO_CONFIG_CONTENT" &&
                         issue["problem"].get<std::string>().find("skips it without a word") != std::string::npos);
    }
    EXPECT_TRUE(reported) << scan["file_issues"].dump(2);
}

TEST(Scan, Kilo_HomeKiloFolderBeatsTheProject_KiloConfigFileBeatsOnlyTheGlobalFolder) {
    const TestHome home;
    home.write(".config/kilo/opencode.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9001/v1"}}}})");
    const std::string named = home.write(
        "elsewhere/mine.json",
        R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9002/v1"}}, "anthropic": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})");
    home.write("work/app/opencode.json",
               R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9003/v1"}}}})");
    home.write(".kilo/kilo.json", R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})");
    const json kilo = product(home.scan({"KILO_CONFIG=" + named}).json(), "kilo");
    EXPECT_TRUE(setting(kilo, "provider.openai.options.baseURL", "/.kilo/kilo.json")["in_effect"]);
    for (const char* loser : {"/work/app/opencode.json", "/elsewhere/mine.json", "/.config/kilo/opencode.json"}) {
        EXPECT_FALSE(setting(kilo, "provider.openai.options.baseURL", loser)["in_effect"]) << loser;
    }
    // Nothing else sets anthropic: the KILO_CONFIG file's value is in effect.
    EXPECT_TRUE(setting(kilo, "provider.anthropic.options.baseURL", "/elsewhere/mine.json")["in_effect"]);
}

TEST(Scan, Continue_ModelsArePairedWithTheirProvider) {
    const TestHome home;
    home.write(".continue/config.yaml",
               "name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n"
               "  - name: proxy-gpt\n    provider: openai\n    model: gpt-4o-mini\n"
               "    apiBase: http://127.0.0.1:8045/v1/\n"
               "  - name: proxy-claude\n    provider: anthropic\n    model: claude-sonnet-4-5\n"
               "    apiBase: http://127.0.0.1:8045\n"
               "  - name: local\n    provider: ollama\n    apiBase: http://127.0.0.1:11434\n");
    const CliRun run = home.scan();
    const json cont = product(run.json(), "continue");
    EXPECT_EQ(setting(cont, "models.0.apiBase")["client"], "continue.openai");
    EXPECT_EQ(setting(cont, "models.0.apiBase")["diagnosis"]["kind"], "ok");
    const json claude = setting(cont, "models.1.apiBase");
    EXPECT_EQ(claude["client"], "continue.anthropic");
    EXPECT_EQ(claude["calls"][0]["path"], "/messages");
    const json ollama = setting(cont, "models.2.apiBase");
    EXPECT_TRUE(ollama["client"].is_null());
    EXPECT_EQ(ollama["provider"], "ollama");
    EXPECT_TRUE(ollama["in_effect"]);
    EXPECT_EQ(run.exit_code, 1);
}

TEST(Scan, UnparseableFile_SaysWhereAndFails) {
    const TestHome home;
    home.write(".claude/settings.json", "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\" \"http://127.0.0.1:8045\"\n}\n");
    const CliRun run = home.scan();
    EXPECT_EQ(run.exit_code, 1);
    const json scan = run.json();
    ASSERT_EQ(scan["file_issues"].size(), 1u) << scan.dump(2);
    EXPECT_EQ(scan["file_issues"][0]["file"], home.home() + "/.claude/settings.json");
    EXPECT_TRUE(scan["file_issues"][0]["unreadable"]);
    EXPECT_NE(scan["file_issues"][0]["problem"].get<std::string>().find("3:"), std::string::npos)
        << scan["file_issues"][0]["problem"];
    EXPECT_EQ(product(scan, "claude-code")["configure"], "");
}

// What cannot be read is reported, never silently skipped (permissions cannot be tested: CI runs as root).
TEST(Scan, FolderInPlaceOfAFile_AndOversizedFile_AreReported) {
    const TestHome home;
    fs::create_directories(home.home() + "/.codex/config.toml");
    home.write(".claude/settings.json", "{\"env\": {\"X\": \"" + std::string(1100000, 'x') + "\"}}");
    const json scan = home.scan().json();
    ASSERT_EQ(scan["file_issues"].size(), 2u) << scan["file_issues"].dump(2);
    std::map<std::string, std::string> problems;
    for (const json& issue : scan["file_issues"]) problems[issue["file"]] = issue["problem"];
    EXPECT_EQ(problems[home.home() + "/.codex/config.toml"], "not a regular file");
    EXPECT_EQ(problems[home.home() + "/.claude/settings.json"], "larger than 1 MiB; not read");
}

TEST(Scan, MissingHome_IsAClearUsageError) {
    RunOptions options;
    options.env = {"PATH=/usr/bin:/bin"};
    options.only_these_variables = true;
    const CliRun run = run_pathwise({"scan", "--no-probe"}, options);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("HOME is not set"), std::string::npos) << run.err;
}

TEST(Scan, Text_NamesTheFileTheValueAndTheFix) {
    const TestHome home;
    home.write(".claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": "http://127.0.0.1:8045/v1"}})");
    const CliRun run = home.run({"scan", "--no-probe"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("env.ANTHROPIC_BASE_URL = http://127.0.0.1:8045/v1  (~/.claude/settings.json:1)"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("POST /v1/v1/messages?beta=true"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("use instead: http://127.0.0.1:8045"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("fix: pathwise configure claude-code"), std::string::npos) << run.out;
    const CliRun french = home.run({"scan", "--no-probe", "--lang", "fr"});
    EXPECT_NE(french.out.find("utilisez plutôt : http://127.0.0.1:8045"), std::string::npos) << french.out;
}

}  // namespace
}  // namespace pathwise_cli_test
