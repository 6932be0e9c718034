// diagnosis_404_test.cpp — a missed path gets a 404 in the error shape of the protocol it looks like, with the
// diagnosis, the route meant and the base URL to type on THIS proxy's origin; --repair-paths serves it instead.
// The table is written by hand from docs/clients.md (what each client appends) and docs/peers.md §5.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "pathwise_process.hpp"
#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

enum class Shape { openai, anthropic, gemini };

struct MissCase {
    std::string name;
    std::string method;
    std::string path;
    Shape shape;
    std::string kind;
    std::string intended_path;
    std::string fixed_base_suffix;  // appended to the proxy origin; "-" = no fixed base expected
    std::string body;
};

const std::string kOpenAiBody = R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";
const std::string kAnthropicBody =
    R"({"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi"}]})";
const std::string kGeminiBody = R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})";

const std::vector<MissCase>& miss_cases() {
    static const std::vector<MissCase> cases = {
        // openai-node with base "…/v1/": one '/' is dropped, Python SDKs add one (BerriAI/litellm#8350).
        {"TrailingSlash_OpenAi", "POST", "/v1/chat/completions/", Shape::openai, "trailing_slash",
         "/v1/chat/completions", "-", kOpenAiBody},
        {"DoubleSlash_OpenAi", "POST", "//v1/chat/completions", Shape::openai, "double_slash", "/v1/chat/completions",
         "", kOpenAiBody},
        // @google/generative-ai keeps a trailing '/' of the base and adds "/v1beta" (docs/clients.md 3.3).
        {"DoubleSlash_Gemini", "POST", "//v1beta/models/gemini-2.5-flash:generateContent", Shape::gemini,
         "double_slash", "/v1beta/models/gemini-2.5-flash:generateContent", "", kGeminiBody},
        // Anthropic SDK with base "…/v1" (docs/clients.md 2.1).
        {"DuplicatedV1_Anthropic", "POST", "/v1/v1/messages", Shape::anthropic, "duplicated_version_prefix",
         "/v1/messages", "", kAnthropicBody},
        // A client that adds /v1 itself (Cline 2026, docs/clients.md 1.8) with a base ending in /v1: drop the /v1.
        {"DuplicatedV1_OpenAi", "POST", "/v1/v1/chat/completions", Shape::openai, "duplicated_version_prefix",
         "/v1/chat/completions", "", kOpenAiBody},
        // A full endpoint typed as the base (harry0703/MoneyPrinterTurbo#57; Kilo Code #63).
        {"NestedEndpoint_OpenAi", "POST", "/v1/chat/completions/chat/completions", Shape::openai,
         "nested_full_endpoint", "/v1/chat/completions", "/v1", kOpenAiBody},
        {"NestedEndpoint_KiloResponses", "POST", "/v1/chat/completions/responses", Shape::openai,
         "nested_full_endpoint", "/v1/responses", "/v1", R"({"model":"gpt-4o-mini","input":"hi"})"},
        // Host-only base with clients that add no version (AI SDK, Codex).
        {"MissingV1_OpenAi", "POST", "/chat/completions", Shape::openai, "missing_version_prefix",
         "/v1/chat/completions", "/v1", kOpenAiBody},
        {"MissingV1_Anthropic", "POST", "/messages", Shape::anthropic, "missing_version_prefix", "/v1/messages", "/v1",
         kAnthropicBody},
        {"MissingV1beta_Gemini", "POST", "/models/gemini-2.5-flash:generateContent", Shape::gemini,
         "missing_version_prefix", "/v1beta/models/gemini-2.5-flash:generateContent", "/v1beta", kGeminiBody},
        // @google/genai ≥ 3.0 defaults to API v1 (docs/clients.md 3.1).
        {"GeminiV1_Gemini", "POST", "/v1/models/gemini-2.5-flash:generateContent", Shape::gemini,
         "gemini_v1_instead_of_v1beta", "/v1beta/models/gemini-2.5-flash:generateContent", "", kGeminiBody},
        // Gemini CLI with base "…/v1beta" (docs/clients.md 3.5).
        {"DoubledGeminiVersion_Gemini", "POST", "/v1beta/v1beta/models/gemini-2.5-flash:streamGenerateContent",
         Shape::gemini, "doubled_gemini_version", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "",
         kGeminiBody},
        {"WrongProtocolPrefix_OpenAi", "POST", "/v1beta/chat/completions", Shape::openai, "wrong_protocol_prefix",
         "/v1/chat/completions", "/v1", kOpenAiBody},
        {"ForeignPrefix_OpenAi", "POST", "/api/v1/chat/completions", Shape::openai, "foreign_path_prefix",
         "/v1/chat/completions", "/v1", kOpenAiBody},
        {"Unknown_OpenAi", "POST", "/totally/unknown", Shape::openai, "unknown", "", "-", "{}"},
    };
    return cases;
}

// Sends the exact bytes of the path ("//" kept), as the client would.
RawResponse send_raw(int port, const MissCase& miss, const std::string& extra_headers = "") {
    return raw_exchange(
        port,
        miss.method + " " + miss.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(miss.body.size()) + "\r\n" +
            extra_headers + "Connection: close\r\n\r\n" + miss.body,
        10s);
}

void expect_shape(Shape shape, const json& body, const std::string& text) {
    switch (shape) {
        case Shape::openai:
            EXPECT_EQ(body["error"]["type"], "invalid_request_error") << text;
            EXPECT_EQ(body["error"]["code"], "path_not_found") << text;
            EXPECT_TRUE(body["error"]["message"].is_string()) << text;
            break;
        case Shape::anthropic:
            EXPECT_EQ(body["type"], "error") << text;
            EXPECT_EQ(body["error"]["type"], "not_found_error") << text;
            EXPECT_TRUE(body["error"]["message"].is_string()) << text;
            break;
        case Shape::gemini:
            EXPECT_EQ(body["error"]["code"], 404) << text;
            EXPECT_EQ(body["error"]["status"], "NOT_FOUND") << text;
            EXPECT_TRUE(body["error"]["message"].is_string()) << text;
            break;
    }
}

std::string message_of(Shape shape, const json& body) {
    (void)shape;
    return body["error"]["message"].is_string() ? body["error"]["message"].get<std::string>() : "";
}

class MissedPaths : public ::testing::Test {
protected:
    static void SetUpTestSuite() { proxy_ = std::make_unique<PathwiseProcess>(PathwiseProcess::start_serve()); }
    static void TearDownTestSuite() { proxy_.reset(); }
    static std::unique_ptr<PathwiseProcess> proxy_;
};
std::unique_ptr<PathwiseProcess> MissedPaths::proxy_;

TEST_F(MissedPaths, EveryKind_404InItsProtocolShapeWithDiagnosis) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    const std::string origin = proxy_->origin();
    for (const auto& miss : miss_cases()) {
        SCOPED_TRACE(miss.name + ": " + miss.method + " " + miss.path);
        const RawResponse res = send_raw(proxy_->port(), miss);
        EXPECT_EQ(res.status, 404) << res.head;
        const json body = json::parse(res.body, nullptr, false);
        expect_shape(miss.shape, body, res.body);
        EXPECT_EQ(body["pathwise"]["diagnosis"], miss.kind) << res.body;
        EXPECT_EQ(body["pathwise"]["intended_path"], miss.intended_path) << res.body;
        const std::string message = message_of(miss.shape, body);
        if (miss.fixed_base_suffix != "-") {
            const std::string fixed = origin + miss.fixed_base_suffix;
            EXPECT_EQ(body["pathwise"]["fixed_base_url"], fixed) << res.body;
            // The message names the base URL to type, on the origin the client used.
            EXPECT_NE(message.find(fixed), std::string::npos) << message;
        }
        if (!miss.intended_path.empty()) {
            EXPECT_NE(message.find(miss.intended_path), std::string::npos) << message;
        }
    }
}

TEST_F(MissedPaths, EveryKind_LogLineCarriesTheDiagnosis) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    for (const auto& miss : miss_cases()) {
        SCOPED_TRACE(miss.name);
        (void)send_raw(proxy_->port(), miss);
        const std::string path_only = miss.path;
        EXPECT_TRUE(proxy_->wait_for_stderr(miss.method + " " + path_only + " 404", 3s)) << proxy_->stderr_text();
        EXPECT_TRUE(proxy_->wait_for_stderr("miss=" + miss.kind, 3s)) << proxy_->stderr_text();
    }
}

TEST_F(MissedPaths, HostUsedByClient_AppearsInFixedBaseUrl) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    const std::string host = "localhost:" + std::to_string(proxy_->port());
    const auto res = raw_exchange(
        proxy_->port(),
        "POST /v1/v1/messages HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 5s);
    const json body = json::parse(res.body, nullptr, false);
    EXPECT_EQ(body["pathwise"]["fixed_base_url"], "http://" + host) << res.body;
}

// The headers measured from the real clients (tests/unit/client_identity_test.cpp) name the sender: the 404, the
// log line and the Live view's feed then say which setting of THAT client to change, and to what.
TEST_F(MissedPaths, KnownClient_IsNamedWithTheSettingToChange_InBodyLogAndFeed) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    const std::string origin = proxy_->origin();
    const auto res = raw_exchange(proxy_->port(),
                                  "POST /v1/v1/messages?beta=true HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: "
                                  "claude-cli/2.1.330 (external, sdk-cli)\r\nanthropic-version: 2023-06-01\r\n"
                                  "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                                  5s);
    EXPECT_EQ(res.status, 404);
    const json body = json::parse(res.body, nullptr, false);
    EXPECT_EQ(body["pathwise"]["client"], "claude-code") << res.body;
    EXPECT_EQ(body["pathwise"]["client_version"], "2.1.330");
    EXPECT_EQ(body["pathwise"]["client_setting"], "ANTHROPIC_BASE_URL");
    EXPECT_EQ(body["pathwise"]["configure"], "pathwise configure claude-code");
    const std::string message = body["error"]["message"];
    EXPECT_NE(message.find("Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1"),
              std::string::npos)
        << message;
    EXPECT_TRUE(proxy_->wait_for_stderr("client=claude-code/2.1.330", 3s)) << proxy_->stderr_text();
    const auto feed = proxy_->client()->Get("/_pathwise/requests");
    ASSERT_TRUE(feed);
    bool seen = false;
    const json recent = json::parse(feed->body);
    for (const json& record : recent["requests"]) {
        if (record["client"] != "claude-code") continue;
        seen = true;
        EXPECT_EQ(record["client_version"], "2.1.330");
        EXPECT_NE(record["client_fix"].get<std::string>().find("set ANTHROPIC_BASE_URL to"), std::string::npos);
    }
    EXPECT_TRUE(seen) << feed->body;
}

// @google/genai 3.x with the host only calls /v1/models/… (docs/clients.md 3.1): the fix needs its API version too.
TEST_F(MissedPaths, KnownClient_GenaiThree_FixNamesTheApiVersionSetting) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    httplib::Headers headers{{"User-Agent", "google-genai-sdk/3.1.0 gl-node/v22.23.3"},
                             {"x-goog-api-client", "google-genai-sdk/3.1.0 gl-node/v22.23.3"}};
    auto res = proxy_->client()->Post("/v1/models/gemini-2.5-flash:generateContent", headers, "{}", "application/json");
    ASSERT_TRUE(res);
    const json body = json::parse(res->body, nullptr, false);
    EXPECT_EQ(body["pathwise"]["client"], "google-genai-node") << res->body;
    EXPECT_NE(body["pathwise"]["client_setting"].get<std::string>().find("GOOGLE_GENAI_API_VERSION=beta"),
              std::string::npos)
        << res->body;
}

TEST_F(MissedPaths, UnknownClient_GetsNoClientFields) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    auto res = proxy_->client()->Post("/v1/v1/messages", "{}", "application/json");  // cpp-httplib's own User-Agent
    ASSERT_TRUE(res);
    const json body = json::parse(res->body, nullptr, false);
    EXPECT_FALSE(body["pathwise"].contains("client")) << res->body;
}

// A path mistake answers the same every time: clients that retry are told not to (measured in protocol_error.cpp:
// Claude Code stops on X-Should-Retry: false, Kilo takes its delay from Retry-After).
TEST_F(MissedPaths, EveryMiss_SaysDoNotRetry) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    for (const char* path :
         {"/v1/v1/messages", "/v1/chat/completions/responses", "/v1/models/gemini-2.5-flash:generateContent"}) {
        auto res = proxy_->client()->Post(path, "{}", "application/json");
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_EQ(res->get_header_value("X-Should-Retry"), "false") << path;
        EXPECT_EQ(res->get_header_value("Retry-After"), "0") << path;
    }
    auto wrong_method = proxy_->client()->Get("/v1/chat/completions");
    ASSERT_TRUE(wrong_method);
    EXPECT_EQ(wrong_method->status, 405);
    EXPECT_EQ(wrong_method->get_header_value("X-Should-Retry"), "false");
    auto routed = proxy_->client()->Get("/v1/models");
    ASSERT_TRUE(routed);
    EXPECT_EQ(routed->status, 200);
    EXPECT_FALSE(routed->has_header("X-Should-Retry")) << "only refusals carry it";
}

TEST_F(MissedPaths, LangQuery_French_MessageTranslated) {
    ASSERT_TRUE(proxy_->ready()) << proxy_->stderr_text();
    auto en = proxy_->client()->Post("/v1/v1/messages", "{}", "application/json");
    auto fr = proxy_->client()->Post("/v1/v1/messages?lang=fr", "{}", "application/json");
    ASSERT_TRUE(en);
    ASSERT_TRUE(fr);
    const json en_body = json::parse(en->body, nullptr, false);
    const json fr_body = json::parse(fr->body, nullptr, false);
    EXPECT_NE(en_body["error"]["message"], fr_body["error"]["message"]);
    EXPECT_EQ(fr_body["pathwise"]["diagnosis"], "duplicated_version_prefix");
}

TEST(RepairPaths, Off_ByDefault_MistakesStay404) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/v1/chat/completions", kOpenAiBody, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_FALSE(res->has_header("X-Pathwise-Repaired"));
}

TEST(RepairPaths, On_KnownMistakes_ServedByIntendedRouteWithHeaderAndLog) {
    auto proxy = PathwiseProcess::start_serve({"--repair-paths"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    for (const auto& miss : miss_cases()) {
        if (miss.kind == "unknown" || miss.kind == "wrong_protocol_prefix" || miss.kind == "foreign_path_prefix")
            continue;
        SCOPED_TRACE(miss.name + ": " + miss.path);
        const RawResponse res = send_raw(proxy.port(), miss);
        EXPECT_EQ(res.status, 200) << res.head << "\n" << res.body;
        EXPECT_EQ(header_value(res.head, "X-Pathwise-Repaired"), miss.path + " -> " + miss.intended_path) << res.head;
        EXPECT_TRUE(proxy.wait_for_stderr("repaired " + miss.path + " → " + miss.intended_path, 3s))
            << proxy.stderr_text();
    }
}

TEST(RepairPaths, On_UnclearMistakes_Still404) {
    auto proxy = PathwiseProcess::start_serve({"--repair-paths"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    for (const auto& miss : miss_cases()) {
        if (miss.kind != "unknown" && miss.kind != "foreign_path_prefix" && miss.kind != "wrong_protocol_prefix")
            continue;
        SCOPED_TRACE(miss.name);
        const RawResponse res = send_raw(proxy.port(), miss);
        EXPECT_EQ(res.status, 404) << res.head;
    }
}

TEST(RepairPaths, On_RepairedRequestStillNeedsKey) {
    auto proxy = PathwiseProcess::start_serve({"--repair-paths", "--auth-mode", "strict", "--api-key", "k"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto without = proxy.client()->Post("/v1/v1/messages", kAnthropicBody, "application/json");
    ASSERT_TRUE(without);
    EXPECT_EQ(without->status, 401);
    auto with = proxy.client()->Post("/v1/v1/messages", {{"x-api-key", "k"}}, kAnthropicBody, "application/json");
    ASSERT_TRUE(with);
    EXPECT_EQ(with->status, 200) << with->body;
}

}  // namespace
}  // namespace pathwise::testing
