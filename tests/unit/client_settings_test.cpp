// client_settings: where each client reads its settings, and which value it uses. The sources are built by hand
// (no files are read: the core does no I/O); the precedence facts are those of docs/client-settings.md.
#include "pathwise/client_settings.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace pathwise {
namespace {

SettingSources machine(std::vector<FileText> files, std::vector<EnvVar> environment = {}) {
    SettingSources sources;
    sources.home = "/home/ana";
    sources.project = "/home/ana/src/app";
    sources.files = std::move(files);
    sources.environment = std::move(environment);
    return sources;
}

const SettingFinding* finding(const FoundSettings& found, std::string_view product, std::string_view file,
                              std::string_view key) {
    for (const SettingFinding& f : found.findings) {
        if (f.product->id == product && f.file == file && f.key == key) return &f;
    }
    return nullptr;
}

TEST(ClientSettings, EveryProductIdIsUnique_AndEveryCatalogClientExists) {
    std::vector<std::string_view> ids;
    for (const SettingProduct& product : setting_products()) {
        ids.push_back(product.id);
        for (const SettingLocation& location : product.locations) {
            if (!location.client_id.empty()) {
                EXPECT_NE(find_client(location.client_id), nullptr) << location.client_id;
            }
            for (const ProviderClient& entry : location.providers) {
                EXPECT_NE(find_client(entry.client_id), nullptr) << entry.client_id;
            }
        }
        for (const CreateTarget& target : product.create) {
            EXPECT_NE(find_client(target.client_id), nullptr) << target.client_id;
            // A create target is one of the product's own locations.
            const bool own = std::any_of(product.locations.begin(), product.locations.end(),
                                         [&](const SettingLocation& l) { return &l == target.location; });
            EXPECT_TRUE(own) << product.id;
        }
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(ClientSettings, ExpandLocation_HomeProjectVariableWithFallbackAndEveryFolderUp) {
    SettingSources sources = machine({});
    SettingLocation codex{.file = "${CODEX_HOME:-~/.codex}/config.toml"};
    EXPECT_EQ(expand_location(codex, sources), std::vector<std::string>{"/home/ana/.codex/config.toml"});
    sources.environment.push_back({"CODEX_HOME", "/opt/codex"});
    EXPECT_EQ(expand_location(codex, sources), std::vector<std::string>{"/opt/codex/config.toml"});
    SettingLocation up{.file = "{up}/.env"};
    EXPECT_EQ(expand_location(up, sources), (std::vector<std::string>{"/home/ana/src/app/.env", "/home/ana/src/.env",
                                                                      "/home/ana/.env", "/home/.env", "/.env"}));
    SettingLocation local{.file = "{project}/.claude/settings.local.json"};
    EXPECT_EQ(expand_location(local, sources),
              std::vector<std::string>{"/home/ana/src/app/.claude/settings.local.json"});
    EXPECT_TRUE(expand_location(SettingLocation{.key = "ANTHROPIC_BASE_URL"}, sources).empty());
}

// Gemini CLI searches each folder for .gemini/.env, then .env, before going up: a parent's .gemini/.env loses to
// the working directory's plain .env.
TEST(ClientSettings, GeminiDotEnv_NearestFolderFirst_BothNamesPerFolder) {
    const FoundSettings found =
        find_settings(machine({{"/home/ana/src/.gemini/.env", "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:9\n"},
                               {"/home/ana/src/app/.env", "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045\n"}}),
                      find_setting_product("gemini-cli"));
    const SettingFinding* near = finding(found, "gemini-cli", "/home/ana/src/app/.env", "GOOGLE_GEMINI_BASE_URL");
    const SettingFinding* far = finding(found, "gemini-cli", "/home/ana/src/.gemini/.env", "GOOGLE_GEMINI_BASE_URL");
    ASSERT_NE(near, nullptr);
    ASSERT_NE(far, nullptr);
    EXPECT_TRUE(near->in_effect);
    EXPECT_FALSE(far->in_effect);
    EXPECT_NE(far->shadowed_by.find("/home/ana/src/app/.env"), std::string::npos) << far->shadowed_by;
}

TEST(ClientSettings, Codex_UnsetModelProviderSelectsTheBuiltInOne) {
    const FoundSettings found =
        find_settings(machine({{"/home/ana/.codex/config.toml",
                                "openai_base_url = \"http://127.0.0.1:8045/v1\"\n[model_providers.x]\nbase_url = "
                                "\"http://127.0.0.1:9/v1\"\n"}}),
                      find_setting_product("codex"));
    const SettingFinding* builtin = finding(found, "codex", "/home/ana/.codex/config.toml", "openai_base_url");
    const SettingFinding* custom =
        finding(found, "codex", "/home/ana/.codex/config.toml", "model_providers.x.base_url");
    ASSERT_NE(builtin, nullptr);
    ASSERT_NE(custom, nullptr);
    EXPECT_TRUE(builtin->in_effect);
    EXPECT_EQ(builtin->client->id, "codex-cli.builtin");
    EXPECT_FALSE(custom->in_effect);
    EXPECT_EQ(custom->not_selected_because, "model_provider = \"openai\"");
}

TEST(ClientSettings, ApiKeyValues_NeverEnterAFinding) {
    const FoundSettings found =
        find_settings(machine({{"/home/ana/.claude/settings.json", R"({"env": {"ANTHROPIC_AUTH_TOKEN": "tok-1"}})"}},
                              {{"ANTHROPIC_API_KEY", "sk-2"}, {"GEMINI_API_KEY", "AIza-3"}}));
    int keys = 0;
    for (const SettingFinding& f : found.findings) {
        if (f.location->role != SettingRole::api_key) continue;
        ++keys;
        EXPECT_EQ(f.value, "") << f.key;
        EXPECT_TRUE(f.in_effect) << f.key;  // two different variables: both are in effect
    }
    EXPECT_GE(keys, 4);  // Claude Code's two, the Anthropic SDK's, Gemini CLI's and the genai SDK's
}

TEST(ClientSettings, UnparseableFile_IsAnIssueWithNoFinding) {
    const FoundSettings found = find_settings(machine({{"/home/ana/.claude/settings.json", "{\"env\": "}}),
                                              find_setting_product("claude-code"));
    EXPECT_TRUE(found.findings.empty());
    ASSERT_EQ(found.issues.size(), 1u);
    EXPECT_TRUE(found.issues[0].unreadable);
    EXPECT_EQ(found.issues[0].file, "/home/ana/.claude/settings.json");
}

TEST(ClientSettings, AppliedSettings_CountOnlyTheRequiredValue) {
    const SettingProduct& gemini = *find_setting_product("gemini-cli");
    const ClientVariant& variant = pick_variant(*find_client("gemini-cli"), "");
    const auto applied = [&](std::string_view selected) {
        return applied_settings(
            find_settings(machine({{"/home/ana/.gemini/settings.json", R"({"security": {"auth": {"selectedType": ")" +
                                                                           std::string(selected) + R"("}}})"}}),
                          &gemini),
            gemini, variant);
    };
    EXPECT_EQ(applied("gemini-api-key"), std::vector<std::string>{"security.auth.selectedType"});
    EXPECT_TRUE(applied("oauth-personal").empty());
}

TEST(ClientSettings, PlanConfigure_ShellValueOfClaudeCodeIsFixedInSettingsJson) {
    const SettingProduct& claude = *find_setting_product("claude-code");
    const SettingSources sources = machine({}, {{"ANTHROPIC_BASE_URL", "http://127.0.0.1:8045/v1"}});
    const auto plan = plan_configure(claude, find_settings(sources, &claude), sources, "http://127.0.0.1:8045", true);
    ASSERT_TRUE(plan) << plan.error().message;
    ASSERT_EQ(plan->edits.size(), 1u);
    EXPECT_EQ(plan->edits[0].file, "/home/ana/.claude/settings.json");
    EXPECT_EQ(plan->edits[0].path, (std::vector<std::string>{"env", "ANTHROPIC_BASE_URL"}));
    EXPECT_EQ(plan->edits[0].value, "http://127.0.0.1:8045");
}

TEST(ClientSettings, PlanConfigure_CodexWithoutWebSocketBridge_AddsSupportsWebsocketsFalse) {
    const SettingProduct& codex = *find_setting_product("codex");
    const SettingSources sources = machine({});
    for (const bool bridges : {true, false}) {
        const auto plan =
            plan_configure(codex, find_settings(sources, &codex), sources, "http://127.0.0.1:8045", bridges);
        ASSERT_TRUE(plan) << plan.error().message;
        const bool has = std::any_of(plan->edits.begin(), plan->edits.end(), [](const SettingEdit& edit) {
            return edit.path.back() == "supports_websockets" && edit.value == "false" && edit.literal;
        });
        EXPECT_EQ(has, !bridges);
    }
}

TEST(ClientSettings, ExpandLocation_AVariableThatNamesTheFileOrAFolder_OnlyWhenSet) {
    SettingSources sources = machine({});
    const SettingLocation named{.file = "${KILO_CONFIG}"};
    const SettingLocation folder{.file = "${KILO_CONFIG_DIR}/kilo.json"};
    EXPECT_TRUE(expand_location(named, sources).empty());
    EXPECT_TRUE(expand_location(folder, sources).empty());
    sources.environment = {{"KILO_CONFIG", "conf/kilo.json"}, {"KILO_CONFIG_DIR", "/etc/team-kilo"}};
    EXPECT_EQ(expand_location(named, sources), std::vector<std::string>{"/home/ana/src/app/conf/kilo.json"});
    EXPECT_EQ(expand_location(folder, sources), std::vector<std::string>{"/etc/team-kilo/kilo.json"});
}

// Kilo 7.7.7 (measured): KILO_CONFIG_CONTENT, a whole JSON config in a variable, beats every file, key by key.
TEST(ClientSettings, Kilo_ConfigContentVariable_WinsKeyByKey_OverTheFiles) {
    const FoundSettings found =
        find_settings(machine({{"/home/ana/.config/kilo/kilo.json",
                                R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:9/v1"}},
                           "google": {"options": {"baseURL": "http://127.0.0.1:8045/v1beta"}}}})"}},
                              {{"KILO_CONFIG_CONTENT",
                                R"({"provider": {"openai": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})"}}));
    const SettingFinding* inline_openai = finding(found, "kilo", "", "provider.openai.options.baseURL");
    ASSERT_NE(inline_openai, nullptr);
    EXPECT_EQ(inline_openai->variable, "KILO_CONFIG_CONTENT");
    EXPECT_TRUE(inline_openai->in_effect);
    const SettingFinding* file_openai =
        finding(found, "kilo", "/home/ana/.config/kilo/kilo.json", "provider.openai.options.baseURL");
    ASSERT_NE(file_openai, nullptr);
    EXPECT_FALSE(file_openai->in_effect);
    EXPECT_EQ(file_openai->shadowed_by, "provider.openai.options.baseURL in $KILO_CONFIG_CONTENT");
    // The variable says nothing about google: the file's value stands.
    EXPECT_TRUE(
        finding(found, "kilo", "/home/ana/.config/kilo/kilo.json", "provider.google.options.baseURL")->in_effect);
}

// OpenCode 1.18.33 (measured): ANTHROPIC_BASE_URL is read by its built-in anthropic provider with OpenCode's own
// join, so the host (right for Claude Code in the same shell) is wrong for OpenCode; opencode.json beats the variable.
TEST(ClientSettings, OpenCode_AnthropicBaseUrl_IsItsAnthropicProvider_AndAFileBeatsIt) {
    const SettingProduct& opencode = *find_setting_product("opencode");
    const SettingSources shell_only = machine({}, {{"ANTHROPIC_BASE_URL", "http://127.0.0.1:8045"}});
    const FoundSettings found = find_settings(shell_only, &opencode);
    const SettingFinding* variable = finding(found, "opencode", "", "ANTHROPIC_BASE_URL");
    ASSERT_NE(variable, nullptr);
    EXPECT_TRUE(variable->in_effect);
    EXPECT_EQ(variable->provider, "anthropic");
    ASSERT_NE(variable->client, nullptr);
    EXPECT_EQ(variable->client->id, "opencode.anthropic");

    // configure fixes it in the global opencode.jsonc (OpenCode creates that file), leaving the shell to Claude Code.
    const auto plan = plan_configure(opencode, found, shell_only, "http://127.0.0.1:8045", true);
    ASSERT_TRUE(plan) << plan.error().message;
    ASSERT_EQ(plan->edits.size(), 1u);
    EXPECT_EQ(plan->edits[0].file, "/home/ana/.config/opencode/opencode.jsonc");
    EXPECT_EQ(plan->edits[0].path, (std::vector<std::string>{"provider", "anthropic", "options", "baseURL"}));
    EXPECT_EQ(plan->edits[0].value, "http://127.0.0.1:8045/v1");

    const FoundSettings both = find_settings(
        machine({{"/home/ana/.config/opencode/opencode.jsonc",
                  R"({"provider": {"anthropic": {"options": {"baseURL": "http://127.0.0.1:8045/v1"}}}})"}},
                {{"ANTHROPIC_BASE_URL", "http://127.0.0.1:8045"}}),
        &opencode);
    EXPECT_TRUE(
        finding(both, "opencode", "/home/ana/.config/opencode/opencode.jsonc", "provider.anthropic.options.baseURL")
            ->in_effect);
    EXPECT_FALSE(finding(both, "opencode", "", "ANTHROPIC_BASE_URL")->in_effect);
}

// OpenCode 1.18.33 (measured): an OPENCODE_CONFIG_CONTENT that does not parse stops OpenCode (Kilo skips its own).
TEST(ClientSettings, OpenCode_InvalidConfigContent_StopsTheClient) {
    const SettingProduct& opencode = *find_setting_product("opencode");
    const FoundSettings found = find_settings(machine({}, {{"OPENCODE_CONFIG_CONTENT", "{not json"}}), &opencode);
    const auto issue = std::find_if(found.issues.begin(), found.issues.end(),
                                    [](const auto& i) { return i.file == "$OPENCODE_CONFIG_CONTENT"; });
    ASSERT_NE(issue, found.issues.end());
    EXPECT_NE(issue->problem.find("refuses to start"), std::string::npos) << issue->problem;
}

}  // namespace
}  // namespace pathwise
