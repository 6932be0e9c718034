// `pathwise doctor PATH`: paths seen in logs, with the kinds and fixes docs/clients.md §4 derives from them.
#include <gtest/gtest.h>

#include <algorithm>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;

bool contains(const json& list, std::string_view value) {
    return std::any_of(list.begin(), list.end(), [&](const json& item) { return item == value; });
}

TEST(DoctorPath, Json_HasEveryContractKey) {
    const json doctor = run_pathwise({"doctor", "/v1/v1/messages", "--json"}).json();
    for (const char* key : {"path", "method", "kind", "protocol", "intended_route", "intended_path", "wrong_part",
                            "explanation", "fixed_base_url", "likely_clients"}) {
        EXPECT_TRUE(doctor.contains(key)) << key;
    }
    EXPECT_TRUE(doctor["method"].is_null()) << "no method was given";
}

// docs/clients.md 1.4: a Responses-API client given the full chat endpoint.
TEST(DoctorPath, ChatEndpointAsBase_IsNestedFullEndpoint) {
    const CliRun run = run_pathwise({"doctor", "/v1/chat/completions/responses", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["path"], "/v1/chat/completions/responses");
    EXPECT_EQ(doctor["kind"], "nested_full_endpoint");
    EXPECT_EQ(doctor["intended_route"], "openai.responses");
    EXPECT_EQ(doctor["fixed_base_url"], "http://127.0.0.1:8045/v1");
    EXPECT_EQ(doctor["protocol"], "openai");
    EXPECT_TRUE(contains(doctor["likely_clients"], "ai-sdk-openai")) << doctor["likely_clients"].dump();
    EXPECT_FALSE(doctor["explanation"].get<std::string>().empty());
}

// docs/clients.md 2.1 / 2.3: the Anthropic SDK and Claude Code given …/v1.
TEST(DoctorPath, DoubledV1Messages_IsDuplicatedVersionPrefix) {
    const CliRun run = run_pathwise({"doctor", "--method", "POST", "/v1/v1/messages?beta=true", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["method"], "POST");
    EXPECT_EQ(doctor["path"], "/v1/v1/messages");
    EXPECT_EQ(doctor["query"], "beta=true");
    EXPECT_EQ(doctor["kind"], "duplicated_version_prefix");
    EXPECT_EQ(doctor["intended_route"], "anthropic.messages");
    EXPECT_EQ(doctor["intended_path"], "/v1/messages");
    EXPECT_EQ(doctor["fixed_base_url"], "http://127.0.0.1:8045");
    EXPECT_TRUE(contains(doctor["likely_clients"], "claude-code")) << doctor["likely_clients"].dump();
}

TEST(DoctorPath, RoutedPath_ExitsZero) {
    const CliRun run = run_pathwise({"doctor", "--method", "POST", "/v1/chat/completions", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["kind"], "ok");
    EXPECT_EQ(doctor["route"], "openai.chat_completions");
}

// An access-log request line pasted as one argument.
TEST(DoctorPath, AccessLogRequestLine_TakesMethodAndPath) {
    const CliRun run = run_pathwise({"doctor", "\"POST /v1/v1/messages?beta=true HTTP/1.1\"", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["method"], "POST");
    EXPECT_EQ(doctor["path"], "/v1/v1/messages");
    EXPECT_EQ(doctor["kind"], "duplicated_version_prefix");
}

TEST(DoctorPath, FullUrl_SpellsFixOnItsOrigin) {
    const CliRun run = run_pathwise({"doctor", "--method", "POST", "http://127.0.0.1:9000/v1/v1/messages", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(run.json()["fixed_base_url"], "http://127.0.0.1:9000");
}

TEST(DoctorPath, OriginOption_SpellsFixOnIt) {
    const CliRun run = run_pathwise({"doctor", "--origin", "http://localhost:8100", "/chat/completions", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["kind"], "missing_version_prefix");
    EXPECT_EQ(doctor["fixed_base_url"], "http://localhost:8100/v1");
}

// /api/v1/messages is the Anthropic SDK with base …/api (it adds /v1, docs/clients.md 2.1) or @ai-sdk/anthropic with
// base …/api/v1 (it adds /messages, 2.4): the path alone cannot tell, so both fixes are given.
TEST(DoctorPath, ForeignPrefix_GivesBothFixes) {
    const CliRun run = run_pathwise({"doctor", "--method", "POST", "/api/v1/messages", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["kind"], "foreign_path_prefix");
    EXPECT_EQ(doctor["fixed_base_url"], "");
    EXPECT_EQ(doctor["base_url_if_client_adds_version"], "http://127.0.0.1:8045");
    EXPECT_EQ(doctor["base_url_if_client_omits_version"], "http://127.0.0.1:8045/v1");
    const CliRun text = run_pathwise({"doctor", "--method", "POST", "/api/v1/messages"});
    EXPECT_NE(text.out.find("http://127.0.0.1:8045  if the client adds the API version itself"), std::string::npos)
        << text.out;
}

// docs/clients.md 3.3: @google/generative-ai with a trailing slash on the host.
TEST(DoctorPath, LeadingDoubleSlash_IsDoubleSlash) {
    const CliRun run =
        run_pathwise({"doctor", "--method", "POST", "//v1beta/models/gemini-2.5-flash:generateContent", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["kind"], "double_slash");
    EXPECT_EQ(doctor["intended_route"], "gemini.generate_content");
    EXPECT_EQ(doctor["fixed_base_url"], "http://127.0.0.1:8045");
}

// docs/clients.md 3.1: @google/genai 3.x default API version.
TEST(DoctorPath, GeminiUnderV1_IsGeminiV1InsteadOfV1beta) {
    const CliRun run =
        run_pathwise({"doctor", "--method", "POST", "/v1/models/gemini-2.5-flash:generateContent", "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    const json doctor = run.json();
    EXPECT_EQ(doctor["kind"], "gemini_v1_instead_of_v1beta");
    EXPECT_EQ(doctor["intended_route"], "gemini.generate_content");
    EXPECT_TRUE(contains(doctor["likely_clients"], "google-genai-node")) << doctor["likely_clients"].dump();
}

// docs/clients.md 1.10 / 1.13: Continue and LobeChat put the Gemini key in ?key=; it must not be printed back.
TEST(DoctorPath, KeyInQuery_IsNotEchoed) {
    const CliRun json_run =
        run_pathwise({"doctor", "/models/gemini-2.5-flash:streamGenerateContent?key=AIzaTopSecret42", "--json"});
    EXPECT_EQ(json_run.exit_code, 1) << json_run.err;
    EXPECT_EQ(json_run.out.find("AIzaTopSecret42"), std::string::npos) << json_run.out;
    EXPECT_EQ(json_run.json()["kind"], "missing_version_prefix");
    const CliRun text_run =
        run_pathwise({"doctor", "/models/gemini-2.5-flash:streamGenerateContent?key=AIzaTopSecret42"});
    EXPECT_EQ(text_run.out.find("AIzaTopSecret42"), std::string::npos) << text_run.out;
}

TEST(DoctorPath, HumanOutput_ShowsDiagnosisAndFix) {
    const CliRun run = run_pathwise({"doctor", "/v1/chat/completions/responses"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("nested_full_endpoint"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("openai.responses"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("http://127.0.0.1:8045/v1"), std::string::npos) << run.out;
}

TEST(DoctorPath, Spanish_ExplainsInSpanish) {
    const CliRun run = run_pathwise({"doctor", "/v1/v1/messages", "--lang", "es"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("Diagnóstico"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Prefijo"), std::string::npos) << "title not in Spanish:\n" << run.out;
}

TEST(DoctorPath, PathWithoutLeadingSlash_IsUsageError) {
    const CliRun run = run_pathwise({"doctor", "v1/messages"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("starting with '/'"), std::string::npos) << run.err;
}

TEST(DoctorPath, UnknownMethod_IsUsageError) {
    const CliRun run = run_pathwise({"doctor", "--method", "FETCH", "/v1/messages"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown HTTP method 'FETCH'"), std::string::npos) << run.err;
}

TEST(DoctorPath, NothingToCheck_IsUsageError) {
    const CliRun run = run_pathwise({"doctor"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("missing what to check"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace pathwise_cli_test
