// client_identity: the headers each real client sent to a capture server on loopback (tests/clients, pinned
// versions of tests/clients/package.json, measured 2026-12-03), and the catalog entry they must name.
#include "pathwise/client_identity.hpp"

#include <gtest/gtest.h>

namespace pathwise {
namespace {

struct Measured {
    const char* user_agent;
    const char* goog_api_client;
    Protocol protocol;
    const char* intended_route;  // "" = unknown
    const char* client;
    const char* version;
};

// Exactly the headers seen, secrets aside.
constexpr Measured kMeasured[] = {
    {"claude-cli/2.1.330 (external, sdk-cli)", "", Protocol::anthropic, "anthropic.messages", "claude-code", "2.1.330"},
    {"codex_exec/0.169.0 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.169.0)", "", Protocol::openai, "openai.responses",
     "codex-cli", "0.169.0"},
    {"GeminiCLI-tui/0.61.0/gemini-2.5-flash (linux; x64; terminal)", "google-genai-sdk/1.30.0 gl-node/v22.23.3",
     Protocol::gemini, "gemini.stream_generate_content", "gemini-cli", "0.61.0"},
    {"kilo/latest/7.7.7/cli ai-sdk/provider-utils/4.0.27 runtime/bun/1.3.14", "", Protocol::anthropic,
     "anthropic.messages", "kilo-cli.anthropic", "7.7.7"},
    {"kilo/latest/7.7.7/cli ai-sdk/provider-utils/4.0.27 runtime/bun/1.3.14", "", Protocol::gemini, "",
     "kilo-cli.google", "7.7.7"},
    {"OpenAI/JS 7.57.0", "", Protocol::openai, "openai.chat_completions", "openai-node", "7.57.0"},
    {"Anthropic/JS 1.12.0", "", Protocol::anthropic, "anthropic.messages", "anthropic-sdk-node", "1.12.0"},
    {"google-genai-sdk/3.1.0 gl-node/v22.23.3", "google-genai-sdk/3.1.0 gl-node/v22.23.3", Protocol::gemini, "",
     "google-genai-node", "3.1.0"},
    {"node", "genai-js/0.24.1", Protocol::gemini, "", "google-generative-ai", "0.24.1"},
    {"langchainjs-openai/1.0.0 ((node/v22.23.3; linux; x64))", "", Protocol::openai, "openai.chat_completions",
     "langchain-openai", "1.0.0"},
    {"ai/7.0.173 ai-sdk-provider-utils/5.0.81 node.js/22", "", Protocol::anthropic, "anthropic.messages",
     "ai-sdk-anthropic", "7.0.173"},
    {"ai/7.0.173 ai-sdk-provider-utils/5.0.81 node.js/22", "", Protocol::gemini, "", "ai-sdk-google", "7.0.173"},
    // Measured 2026-12-03 (docs/clients.md 1.15, 1.16).
    {"opencode/1.18.33 ai-sdk/provider-utils/4.0.46 runtime/bun/1.3.14", "", Protocol::anthropic, "anthropic.messages",
     "opencode.anthropic", "1.18.33"},
    {"opencode/1.18.33 (linux 6.1.0; x64) ai-sdk/provider-utils/4.0.40 runtime/bun/1.3.14", "", Protocol::openai,
     "openai.responses", "opencode.openai", "1.18.33"},
    {"QwenCode/0.24.4 (linux; x64)", "", Protocol::openai, "openai.chat_completions", "qwen-code", "0.24.4"},
    {"QwenCode/0.24.4 (linux; x64)", "", Protocol::openai, "openai.responses", "qwen-code.openai-responses", "0.24.4"},
    {"QwenCode/0.24.4 (linux; x64)", "google-genai-sdk/2.6.0 gl-node/v22.23.3", Protocol::gemini,
     "gemini.stream_generate_content", "qwen-code.gemini", "0.24.4"},
    // Qwen Code's anthropic mode sends Claude Code's User-Agent with its own version.
    {"claude-cli/0.24.4 (external, cli)", "", Protocol::anthropic, "anthropic.messages", "qwen-code.anthropic",
     "0.24.4"},
};

TEST(ClientIdentity, EveryMeasuredClientIsNamed) {
    for (const Measured& m : kMeasured) {
        const Route* intended = m.intended_route[0] != '\0' ? find_route(m.intended_route) : nullptr;
        const auto who = identify_client({m.user_agent, m.goog_api_client}, m.protocol, intended);
        ASSERT_TRUE(who.has_value()) << m.user_agent;
        EXPECT_EQ(who->client->id, m.client) << m.user_agent;
        EXPECT_EQ(who->version, m.version) << m.user_agent;
    }
}

TEST(ClientIdentity, UnknownOrHostileHeaders_NameNobodyAndKeepOnlyAVersion) {
    EXPECT_FALSE(identify_client({"curl/8.5.0", ""}, Protocol::openai, nullptr).has_value());
    EXPECT_FALSE(identify_client({"", ""}, Protocol::openai, nullptr).has_value());
    const auto who = identify_client({"claude-cli/9.9.9\r\nX-Evil: 1 <script>", ""}, Protocol::anthropic, nullptr);
    ASSERT_TRUE(who.has_value());
    EXPECT_EQ(who->version, "9.9.9");
    const auto long_version =
        identify_client({"claude-cli/" + std::string(400, '1'), ""}, Protocol::anthropic, nullptr);
    ASSERT_TRUE(long_version.has_value());
    EXPECT_EQ(long_version->version.size(), 24u);
}

TEST(ClientIdentity, Fix_NamesTheSettingTheBaseAndConfigure) {
    const auto who = identify_client({"claude-cli/2.1.330 (external, sdk-cli)", ""}, Protocol::anthropic, nullptr);
    ASSERT_TRUE(who.has_value());
    const ClientFix fix = fix_for(*who, "http://127.0.0.1:8045");
    EXPECT_EQ(fix.client_name, "Claude Code 2.1.330");
    EXPECT_EQ(fix.base_url, "http://127.0.0.1:8045");
    EXPECT_EQ(fix.where, "ANTHROPIC_BASE_URL");
    EXPECT_EQ(fix.configure, "pathwise configure claude-code");
    EXPECT_EQ(explain_fix(fix, Lang::en),
              "Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1:8045 (or run `pathwise "
              "configure claude-code`).");
    EXPECT_EQ(explain_fix(fix, Lang::fr),
              "Envoyé par Claude Code 2.1.330 : réglez ANTHROPIC_BASE_URL sur http://127.0.0.1:8045 (ou lancez "
              "`pathwise configure claude-code`).");
}

// @google/genai 3.x needs its API version set as well as the host (docs/clients.md 3.1).
TEST(ClientIdentity, Fix_GenaiThree_AlsoNamesTheApiVersionSetting) {
    const auto who =
        identify_client({"google-genai-sdk/3.1.0 gl-node/v22.23.3", "google-genai-sdk/3.1.0 gl-node/v22.23.3"},
                        Protocol::gemini, nullptr);
    ASSERT_TRUE(who.has_value());
    const ClientFix fix = fix_for(*who, "http://127.0.0.1:8045");
    EXPECT_EQ(fix.base_url, "http://127.0.0.1:8045");
    EXPECT_NE(fix.where.find("GOOGLE_GENAI_API_VERSION=beta"), std::string::npos) << fix.where;
    EXPECT_EQ(fix.configure, "pathwise configure google-genai");
}

}  // namespace
}  // namespace pathwise
