// auth_test.cpp — every route × every auth mode × every place a client puts its key, against the real binary.
// Expected statuses come from the issue: off = no key anywhere; strict = key everywhere (health too);
// all_except_health = key everywhere but /healthz and /readyz; auto = off when only loopback can connect.
// Key locations: Authorization: Bearer (any case), x-api-key, x-goog-api-key, ?key= (Gemini routes only).
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "pathwise_process.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kKey = "pw-test-key-0123456789";

enum class Family { service, openai, anthropic, gemini };

struct RouteCase {
    std::string method;
    std::string path;
    Family family;
    bool health;  // public in all_except_health
    std::string body;
};

const std::vector<RouteCase>& route_cases() {
    static const std::vector<RouteCase> cases = {
        {"GET", "/healthz", Family::service, true, ""},
        {"GET", "/readyz", Family::service, true, ""},
        {"GET", "/metrics", Family::service, false, ""},
        {"GET", "/_pathwise/requests", Family::service, false, ""},
        {"GET", "/_pathwise/upstreams", Family::service, false, ""},
        {"GET", "/v1/models", Family::openai, false, ""},
        {"POST", "/v1/chat/completions", Family::openai, false,
         R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})"},
        {"POST", "/v1/responses", Family::openai, false, R"({"model":"gpt-4o-mini","input":"hi"})"},
        {"POST", "/v1/messages", Family::anthropic, false,
         R"({"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi"}]})"},
        {"POST", "/v1/messages/count_tokens", Family::anthropic, false,
         R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]})"},
        {"GET", "/v1beta/models", Family::gemini, false, ""},
        {"GET", "/v1beta/models/gemini-2.5-flash", Family::gemini, false, ""},
        {"POST", "/v1beta/models/gemini-2.5-flash:generateContent", Family::gemini, false,
         R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})"},
        {"POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", Family::gemini, false,
         R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})"},
        {"POST", "/v1beta/models/gemini-2.5-flash:countTokens", Family::gemini, false,
         R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})"},
    };
    return cases;
}

enum class KeyPlace { none, bearer, bearer_lower_case, x_api_key, x_goog_api_key, query_key };

std::string place_name(KeyPlace place) {
    switch (place) {
        case KeyPlace::none:
            return "no key";
        case KeyPlace::bearer:
            return "Authorization: Bearer";
        case KeyPlace::bearer_lower_case:
            return "authorization: bearer";
        case KeyPlace::x_api_key:
            return "x-api-key";
        case KeyPlace::x_goog_api_key:
            return "x-goog-api-key";
        case KeyPlace::query_key:
            return "?key=";
    }
    return "";
}

httplib::Result send(httplib::Client& client, const RouteCase& route, KeyPlace place, const std::string& key) {
    httplib::Headers headers;
    std::string path = route.path;
    switch (place) {
        case KeyPlace::none:
            break;
        case KeyPlace::bearer:
            headers.emplace("Authorization", "Bearer " + key);
            break;
        case KeyPlace::bearer_lower_case:
            headers.emplace("authorization", "bearer " + key);
            break;
        case KeyPlace::x_api_key:
            headers.emplace("x-api-key", key);
            break;
        case KeyPlace::x_goog_api_key:
            headers.emplace("x-goog-api-key", key);
            break;
        case KeyPlace::query_key:
            path += (path.find('?') == std::string::npos ? "?key=" : "&key=") + key;
            break;
    }
    if (route.method == "GET") return client.Get(path, headers);
    return client.Post(path, headers, route.body, "application/json");
}

// The 401 body must be in the shape the client parses, and say which header to send.
void expect_unauthorized_shape(const RouteCase& route, const std::string& text) {
    const json body = json::parse(text, nullptr, false);
    switch (route.family) {
        case Family::anthropic:
            EXPECT_EQ(body["type"], "error") << text;
            EXPECT_EQ(body["error"]["type"], "authentication_error") << text;
            EXPECT_NE(body["error"]["message"].get<std::string>().find("x-api-key"), std::string::npos) << text;
            break;
        case Family::gemini:
            EXPECT_EQ(body["error"]["code"], 401) << text;
            EXPECT_EQ(body["error"]["status"], "UNAUTHENTICATED") << text;
            EXPECT_NE(body["error"]["message"].get<std::string>().find("x-goog-api-key"), std::string::npos) << text;
            break;
        case Family::openai:
        case Family::service:
            EXPECT_TRUE(body["error"]["message"].is_string()) << text;
            EXPECT_NE(body["error"]["message"].get<std::string>().find("Authorization: Bearer"), std::string::npos)
                << text;
            break;
    }
}

struct ModeCase {
    std::string mode;
    bool health_needs_key;
    bool api_needs_key;
};

class AuthModes : public ::testing::TestWithParam<ModeCase> {};

TEST_P(AuthModes, EveryRouteAndKeyPlace_AnswersAsTheModeSays) {
    const ModeCase& mode = GetParam();
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", mode.mode, "--api-key", kKey});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client(10s);
    for (const auto& route : route_cases()) {
        const bool needs_key = route.health ? mode.health_needs_key : mode.api_needs_key;
        for (const KeyPlace place : {KeyPlace::none, KeyPlace::bearer, KeyPlace::bearer_lower_case, KeyPlace::x_api_key,
                                     KeyPlace::x_goog_api_key, KeyPlace::query_key}) {
            SCOPED_TRACE(route.method + " " + route.path + " with " + place_name(place));
            auto res = send(*client, route, place, kKey);
            ASSERT_TRUE(res) << httplib::to_string(res.error());
            // ?key= is a Gemini convention (the Google SDKs send it); elsewhere it is not a key.
            const bool key_counts =
                place != KeyPlace::none && (place != KeyPlace::query_key || route.family == Family::gemini);
            if (needs_key && !key_counts) {
                EXPECT_EQ(res->status, 401) << res->body;
                expect_unauthorized_shape(route, res->body);
            } else {
                EXPECT_EQ(res->status, 200) << res->body;
            }
        }
        if (needs_key) {
            SCOPED_TRACE(route.method + " " + route.path + " with a wrong key");
            auto wrong = send(*client, route, KeyPlace::bearer, std::string(kKey) + "x");
            ASSERT_TRUE(wrong);
            EXPECT_EQ(wrong->status, 401);
            auto truncated = send(*client, route, KeyPlace::x_api_key, std::string(kKey).substr(0, 5));
            ASSERT_TRUE(truncated);
            EXPECT_EQ(truncated->status, 401);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Serve, AuthModes,
                         ::testing::Values(ModeCase{"off", false, false}, ModeCase{"strict", true, true},
                                           ModeCase{"all_except_health", false, true},
                                           // auto on loopback only = off (docs/peers.md 1.3)
                                           ModeCase{"auto", false, false}),
                         [](const auto& mode_info) { return mode_info.param.mode; });

TEST(Auth, SeveralKeys_EachAccepted) {
    auto proxy =
        PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", "first-key", "--api-key", "second-key"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    for (const std::string key : {"first-key", "second-key"}) {
        auto res = client->Get("/v1/models", {{"Authorization", "Bearer " + key}});
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << key;
    }
    auto empty = client->Get("/v1/models", {{"x-api-key", ""}});
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 401);
}

// Claude Code 2.1.330 retried a 401 for 40 s without a word; with X-Should-Retry: false it stops at once and prints
// the message (measured, protocol_error.cpp).
TEST(Auth, WrongKey_401SaysDoNotRetry) {
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", "right-key"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/messages", {{"x-api-key", "wrong-key"}, {"anthropic-version", "2023-06-01"}},
                                    "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(res->get_header_value("X-Should-Retry"), "false");
    EXPECT_EQ(res->get_header_value("Retry-After"), "0");
}

TEST(Auth, WrongPathWithoutKey_Is404NotAuth) {
    // Matching runs before auth: a wrong URL must be explained, not answered "401" (docs/peers.md §5, gbrain#2209).
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", kKey});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/v1/messages", "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
}

TEST(Auth, KeyFromEnvironment_Accepted) {
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict"}, {{"PATHWISE_API_KEY", "env-key"}});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/v1/models", {{"x-api-key", "env-key"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
}

TEST(Auth, PreflightOptions_NeedsNoKeyEvenInStrict) {
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", kKey});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Options("/v1/chat/completions",
                                       {{"Origin", "http://localhost:5173"},
                                        {"Access-Control-Request-Method", "POST"},
                                        {"Access-Control-Request-Headers", "authorization,content-type"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 204);
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:5173");
}

}  // namespace
}  // namespace pathwise::testing
