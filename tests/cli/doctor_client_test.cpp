// `pathwise doctor --client ID BASE_URL`: expected paths and bases are the measured facts of
// docs/clients.md (section numbers cited per test), written here by hand.
#include <gtest/gtest.h>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;

// The call with this id in the doctor's JSON (ids are the catalog contract in client_catalog.hpp).
json call_with_id(const json& doctor, std::string_view id) {
    for (const json& call : doctor["calls"]) {
        if (call["id"] == id) return call;
    }
    ADD_FAILURE() << "no call '" << id << "' in " << doctor["calls"].dump();
    return json::object();
}

bool has_setting(const json& doctor, std::string_view name, std::string_view value) {
    for (const json& setting : doctor["settings_needed"]) {
        if (setting["name"] == name && setting["value"] == value) return true;
    }
    return false;
}

// The JSON keys the real-client suite (tests/clients) and the docs rely on: a contract, not an accident.
TEST(DoctorClient, Json_HasEveryContractKey) {
    const CliRun run = run_pathwise({"doctor", "--client", "gemini-cli", "http://127.0.0.1:8045/v1beta", "--json"});
    const json doctor = run.json();
    for (const char* key : {"client", "variant", "typed_base_url", "ok", "calls", "diagnosis", "recommended_base_url",
                            "settings_needed"}) {
        EXPECT_TRUE(doctor.contains(key)) << key;
    }
    ASSERT_FALSE(doctor["calls"].empty());
    for (const char* key :
         {"id", "method", "path", "query", "websocket_upgrade", "route", "base_part", "client_part"}) {
        EXPECT_TRUE(doctor["calls"][0].contains(key)) << key;
    }
    for (const char* key : {"kind", "intended_route", "explanation", "fixed_base_url"}) {
        EXPECT_TRUE(doctor["diagnosis"].contains(key)) << key;
    }
    // docs/clients.md 3.5: Gemini CLI needs security.auth.selectedType = "gemini-api-key" in settings.json.
    ASSERT_FALSE(doctor["settings_needed"].empty());
    const json& setting = doctor["settings_needed"][0];
    EXPECT_EQ(setting["name"], "security.auth.selectedType");
    EXPECT_EQ(setting["value"], "gemini-api-key");
    EXPECT_TRUE(setting.contains("where"));
}

// docs/clients.md 3.5: without the auth type Gemini CLI exits 41 before sending anything, so the doctor calls the
// setting required, in the verdict too, not "also set" (issue 14).
TEST(DoctorClient, GeminiCli_AuthTypeIsRequired_InTheVerdictAndTheSetup) {
    const CliRun json_run = run_pathwise({"doctor", "--client", "gemini-cli", "http://127.0.0.1:8045", "--json"});
    ASSERT_FALSE(json_run.json()["settings_needed"].empty());
    EXPECT_EQ(json_run.json()["settings_needed"][0]["required"], true);
    const CliRun run = run_pathwise({"doctor", "--client", "gemini-cli", "http://127.0.0.1:8045"});
    EXPECT_NE(run.out.find("every request reaches a route once security.auth.selectedType=gemini-api-key is set "
                           "(required: without it Gemini CLI exits before sending anything)"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("Required: security.auth.selectedType=gemini-api-key"), std::string::npos) << run.out;
    // A recommended setting of another client stays "Also set": @google/genai 3.x's API version.
    const CliRun genai = run_pathwise({"doctor", "--client", "google-genai-node", "http://127.0.0.1:8045"});
    EXPECT_EQ(genai.out.find("Required:"), std::string::npos) << genai.out;
}

// docs/clients.md 2.3: Claude Code with …/v1 sends POST /v1/v1/messages?beta=true; type host only.
TEST(DoctorClient, ClaudeCode_BaseWithV1_DoublesPrefix) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["client"], "claude-code");
    EXPECT_EQ(doctor["typed_base_url"], "http://127.0.0.1:8045/v1");
    EXPECT_EQ(doctor["ok"], false);
    ASSERT_FALSE(doctor["calls"].empty());
    const json& first = doctor["calls"][0];
    EXPECT_EQ(first["method"], "POST");
    EXPECT_EQ(first["path"], "/v1/v1/messages");
    EXPECT_EQ(first["query"], "beta=true");
    EXPECT_EQ(first["base_part"], "/v1");
    EXPECT_EQ(first["client_part"], "/v1/messages");
    EXPECT_TRUE(first["route"].is_null());
    EXPECT_EQ(first["websocket_upgrade"], false);
    EXPECT_EQ(doctor["diagnosis"]["kind"], "duplicated_version_prefix");
    EXPECT_EQ(doctor["diagnosis"]["intended_route"], "anthropic.messages");
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045");
}

TEST(DoctorClient, ClaudeCode_HostOnly_ReachesMessages) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["ok"], true);
    EXPECT_EQ(doctor["diagnosis"]["kind"], "ok");
    EXPECT_EQ(doctor["calls"][0]["path"], "/v1/messages");
    EXPECT_EQ(doctor["calls"][0]["route"], "anthropic.messages");
    EXPECT_EQ(doctor["calls"][0]["base_part"], "");
}

// docs/clients.md 1.15 (OpenCode #35005): the ANTHROPIC_BASE_URL that is right for Claude Code (the host) sends
// /messages from OpenCode; the doctor says OpenCode needs …/v1 there and that the two clients read it differently.
TEST(DoctorClient, OpenCodeAnthropic_ClaudeCodesHost_MissesAndSaysWhy) {
    const CliRun run = run_pathwise({"doctor", "--client", "opencode.anthropic", "http://127.0.0.1:8045"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("POST    http://127.0.0.1:8045/messages"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("export ANTHROPIC_BASE_URL=http://127.0.0.1:8045/v1"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("where Claude Code needs the host alone"), std::string::npos) << run.out;
    const CliRun claude = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045"});
    EXPECT_EQ(claude.exit_code, 0) << claude.err;
    EXPECT_NE(claude.out.find("OpenCode reads the same ANTHROPIC_BASE_URL"), std::string::npos) << claude.out;
}

// docs/clients.md 1.1: openai-node with host only → /chat/completions; type …/v1.
TEST(DoctorClient, OpenAiNode_HostOnly_MissesVersion) {
    const CliRun run = run_pathwise({"doctor", "--client", "openai-node", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "chat")["path"], "/chat/completions");
    EXPECT_EQ(doctor["diagnosis"]["kind"], "missing_version_prefix");
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045/v1");
}

TEST(DoctorClient, OpenAiNode_BaseWithV1AndSlash_Works) {
    const CliRun run = run_pathwise({"doctor", "--client", "openai-node", "http://127.0.0.1:8045/v1/", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const json chat = call_with_id(run.json(), "chat");
    EXPECT_EQ(chat["path"], "/v1/chat/completions");
    EXPECT_EQ(chat["route"], "openai.chat_completions");
}

// docs/clients.md 1.4: the AI SDK's openai(model) uses the Responses API, so a typed chat endpoint nests.
TEST(DoctorClient, AiSdkOpenAi_FullChatEndpoint_NestsResponses) {
    const CliRun run =
        run_pathwise({"doctor", "--client", "ai-sdk-openai", "http://127.0.0.1:8045/v1/chat/completions", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    const json responses = call_with_id(doctor, "responses");
    EXPECT_EQ(responses["path"], "/v1/chat/completions/responses");
    EXPECT_EQ(responses["base_part"], "/v1/chat/completions");
    EXPECT_EQ(responses["client_part"], "/responses");
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045/v1");
}

// docs/clients.md 2.4: @ai-sdk/anthropic with host only sends /messages; type …/v1 (the opposite of the SDK).
TEST(DoctorClient, AiSdkAnthropic_HostOnly_SendsMessagesWithoutVersion) {
    const CliRun run = run_pathwise({"doctor", "--client", "ai-sdk-anthropic", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "messages")["path"], "/messages");
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045/v1");
}

// docs/clients.md 3.1: @google/genai 3.x defaults to v1; host only plus GOOGLE_GENAI_API_VERSION=beta works.
TEST(DoctorClient, GoogleGenai3_HostOnly_UsesV1AndNeedsApiVersionSetting) {
    const CliRun run = run_pathwise(
        {"doctor", "--client", "google-genai-node", "--version", "3.1.0", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "generate")["path"], "/v1/models/gemini-2.5-flash:generateContent");
    EXPECT_TRUE(call_with_id(doctor, "generate")["route"].is_null());
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045");
    EXPECT_TRUE(has_setting(doctor, "GOOGLE_GENAI_API_VERSION", "beta")) << doctor["settings_needed"].dump();
}

TEST(DoctorClient, GoogleGenai3_HostOnlyWithApiVersionSetting_Works) {
    const CliRun run = run_pathwise({"doctor", "--client", "google-genai-node", "--version", "3.1.0", "--setting",
                                     "GOOGLE_GENAI_API_VERSION", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "generate")["path"], "/v1beta/models/gemini-2.5-flash:generateContent");
    EXPECT_EQ(call_with_id(doctor, "generate")["route"], "gemini.generate_content");
    EXPECT_FALSE(has_setting(doctor, "GOOGLE_GENAI_API_VERSION", "beta"));
}

// docs/clients.md 3.1: 2.32.0 (what Node 20 installs) still defaults to v1beta: host only works, …/v1beta doubles.
TEST(DoctorClient, GoogleGenai2_BaseWithV1beta_DoublesVersion) {
    const CliRun host_only = run_pathwise(
        {"doctor", "--client", "google-genai-node", "--version", "2.32.0", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(host_only.exit_code, 0) << host_only.out << host_only.err;
    const CliRun doubled = run_pathwise(
        {"doctor", "--client", "google-genai-node", "--version", "2.32.0", "http://127.0.0.1:8045/v1beta", "--json"});
    EXPECT_EQ(doubled.exit_code, 1);
    EXPECT_EQ(call_with_id(doubled.json(), "generate")["path"],
              "/v1beta/v1beta/models/gemini-2.5-flash:generateContent");
}

// docs/clients.md 3.3: @google/generative-ai does no slash normalisation: host/ → //v1beta/…
TEST(DoctorClient, GoogleGenerativeAi_HostWithSlash_SendsDoubleSlash) {
    const CliRun run = run_pathwise({"doctor", "--client", "google-generative-ai", "http://127.0.0.1:8045/", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "generate")["path"], "//v1beta/models/gemini-2.5-flash:generateContent");
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045");
}

// docs/clients.md 1.6: the built-in Codex provider first tries a WebSocket upgrade, then POSTs /v1/responses.
TEST(DoctorClient, CodexBuiltin_BaseWithV1_WebsocketTryThenPost) {
    const CliRun run = run_pathwise({"doctor", "--client", "codex-cli.builtin", "http://127.0.0.1:8045/v1", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const json doctor = run.json();
    const json upgrade = call_with_id(doctor, "responses_ws");
    EXPECT_EQ(upgrade["method"], "GET");
    EXPECT_EQ(upgrade["path"], "/v1/responses");
    EXPECT_EQ(upgrade["websocket_upgrade"], true);
    EXPECT_EQ(call_with_id(doctor, "responses")["route"], "openai.responses");
}

// docs/clients.md 1.14: Cursor's servers make the calls, so a loopback proxy is unreachable even with the right path.
TEST(DoctorClient, Cursor_LoopbackBase_RightPathsButUnreachable) {
    const CliRun run = run_pathwise({"doctor", "--client", "cursor", "http://127.0.0.1:8045/v1", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["reachable"], false);
    EXPECT_EQ(doctor["ok"], false);
    EXPECT_EQ(call_with_id(doctor, "chat")["path"], "/v1/chat/completions");
    EXPECT_EQ(call_with_id(doctor, "chat")["route"], "openai.chat_completions");
    EXPECT_NE(doctor["diagnosis"]["explanation"].get<std::string>().find("public"), std::string::npos)
        << doctor["diagnosis"].dump();
}

// docs/clients.md 1.9: Roo Code's OpenAI provider with host only fails /responses, then falls back to /v1/responses.
TEST(DoctorClient, RooCodeOpenAiNative_HostOnly_WorksThroughFallback) {
    const CliRun run =
        run_pathwise({"doctor", "--client", "roo-code.openai-native", "http://127.0.0.1:8045", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const json doctor = run.json();
    EXPECT_EQ(call_with_id(doctor, "responses")["path"], "/responses");
    EXPECT_TRUE(call_with_id(doctor, "responses")["route"].is_null());
    EXPECT_EQ(call_with_id(doctor, "responses_fallback")["path"], "/v1/responses");
    EXPECT_EQ(call_with_id(doctor, "responses_fallback")["sent"], true);
    EXPECT_EQ(doctor["recommended_base_url"], "http://127.0.0.1:8045/v1");
}

TEST(DoctorClient, HumanOutput_MarksBasePartAndClientPart) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("http://127.0.0.1:8045/v1/v1/messages?beta=true"), std::string::npos) << run.out;
    // Three '^' under the typed "/v1", twelve '~' under the client's "/v1/messages".
    EXPECT_NE(run.out.find("^^^~~~~~~~~~~~~\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("http://127.0.0.1:8045\n"), std::string::npos) << "the fix is missing:\n" << run.out;
    EXPECT_NE(run.out.find("curl"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Invoke-"), std::string::npos) << "no PowerShell check:\n" << run.out;
    EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << "colour codes in a pipe";
}

TEST(DoctorClient, French_SpeaksFrench) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1", "--lang", "fr"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("Requêtes que ce client enverra"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Préfixe"), std::string::npos) << "diagnosis title not in French:\n" << run.out;
}

TEST(DoctorClient, SpanishFromEnvironment_SpeaksSpanish) {
    RunOptions options;
    options.env = {"PATHWISE_LANG=es"};
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:8045/v1"}, options);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("Peticiones que enviará este cliente"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Solución"), std::string::npos) << run.out;
}

TEST(DoctorClient, UnknownClient_SuggestsClosestId) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-cod", "http://127.0.0.1:8045"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown client 'claude-cod'; did you mean 'claude-code'? run `pathwise clients`"),
              std::string::npos)
        << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST(DoctorClient, BadPort_ReportsParserMessage) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code", "http://127.0.0.1:99999/v1"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("99999"), std::string::npos) << "the message should name the bad port:\n" << run.err;
}

TEST(DoctorClient, MissingBaseUrl_SaysWhatIsMissing) {
    const CliRun run = run_pathwise({"doctor", "--client", "claude-code"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("missing the base URL"), std::string::npos) << run.err;
}

TEST(DoctorClient, UnknownSetting_ListsKnownOnes) {
    const CliRun run = run_pathwise({"doctor", "--client", "google-genai-node", "--version", "3.1.0", "--setting",
                                     "GOOGLE_API_VERSION", "http://127.0.0.1:8045"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown setting 'GOOGLE_API_VERSION'"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("GOOGLE_GENAI_API_VERSION"), std::string::npos) << run.err;
}

// A model list that lands on the other API's route: the doctor says what the proxy answers there. The OpenAI SDK
// is known to the proxy by its User-Agent (OpenAI/JS), so it gets the diagnosing 404; Cherry Studio sends no
// header the catalog knows, so it gets Gemini's list, which it reads as empty (docs/clients.md, re-measured
// 2026-12-01).
TEST(DoctorClient, CallOnAnotherApisRoute_PredictsWhatTheProxyAnswers) {
    const json sdk =
        run_pathwise({"doctor", "--client", "openai-node", "http://127.0.0.1:8045/v1beta", "--json"}).json();
    const json sdk_models = call_with_id(sdk, "models");
    EXPECT_EQ(sdk_models["other_route"], "gemini.models");
    EXPECT_EQ(sdk_models["other_route_answer"], "diagnosing_404");
    const json cherry =
        run_pathwise({"doctor", "--client", "cherry-studio", "http://127.0.0.1:8045/v1beta", "--json"}).json();
    const json cherry_models = call_with_id(cherry, "models");
    EXPECT_EQ(cherry_models["other_route"], "gemini.models");
    EXPECT_EQ(cherry_models["other_route_answer"], "wrong_shape");
    EXPECT_TRUE(call_with_id(sdk, "chat")["other_route_answer"].is_null());
    const CliRun text = run_pathwise({"doctor", "--client", "openai-node", "http://127.0.0.1:8045/v1beta"});
    EXPECT_NE(text.out.find("the proxy knows this client from its headers and answers 404 with the fix"),
              std::string::npos)
        << text.out;
}

}  // namespace
}  // namespace pathwise_cli_test
