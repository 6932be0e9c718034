// route_request_test.cpp — route_request answers, from one pass over the route table, what the proxy used to
// ask in three: the router's match (match_route), the protocol of an answer before routing (the route that
// match_path finds, else the headers), and on a miss the diagnosis (diagnose_request) and the repaired route.
// Each row is checked against those separate calls, so the single pass cannot drift from them.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/diagnosis.hpp"

namespace pathwise {
namespace {

constexpr std::string_view kOrigin = "http://127.0.0.1:8045";

struct Request {
    Method method;
    std::string target;
    bool websocket = false;
    bool anthropic_headers = false;
    bool goog_api_key = false;

    [[nodiscard]] RequestFacts facts() const {
        return {.method = method,
                .target = target,
                .websocket_upgrade = websocket,
                .has_anthropic_headers = anthropic_headers,
                .has_goog_api_key = goog_api_key,
                .host = "127.0.0.1:8045"};
    }
    [[nodiscard]] std::string label() const {
        return std::string(method_name(method)) + " " + target + (websocket ? " [websocket]" : "") +
               (anthropic_headers ? " [anthropic]" : "") + (goog_api_key ? " [goog]" : "");
    }
};

// The proxy's protocol guess as it was written in server.cpp before it moved into route_request.
Protocol old_guess_protocol(const Request& request) {
    if (const auto match = match_path(request.target)) return match->route->protocol;
    if (request.anthropic_headers) return Protocol::anthropic;
    if (request.goog_api_key || request.target.find("v1beta") != std::string::npos) return Protocol::gemini;
    return Protocol::openai;
}

void expect_same_match(const std::optional<RouteMatch>& got, const std::optional<RouteMatch>& want,
                       const std::string& label) {
    ASSERT_EQ(got.has_value(), want.has_value()) << label;
    if (!want) return;
    EXPECT_EQ(got->route, want->route) << label;
    EXPECT_EQ(got->model, want->model) << label;
}

void expect_same_diagnosis(const Diagnosis& got, const Diagnosis& want, const std::string& label) {
    EXPECT_EQ(got.kind, want.kind) << label;
    EXPECT_EQ(got.protocol, want.protocol) << label;
    EXPECT_EQ(got.intended, want.intended) << label;
    EXPECT_EQ(got.seen_path, want.seen_path) << label;
    EXPECT_EQ(got.seen_query, want.seen_query) << label;
    EXPECT_EQ(got.intended_path, want.intended_path) << label;
    EXPECT_EQ(got.wrong_part, want.wrong_part) << label;
    EXPECT_EQ(got.fixed_base_url, want.fixed_base_url) << label;
    EXPECT_EQ(got.fix_hint_key, want.fix_hint_key) << label;
    EXPECT_EQ(got.proxy_origin, want.proxy_origin) << label;
    EXPECT_EQ(got.base_url_if_client_adds_version, want.base_url_if_client_adds_version) << label;
    EXPECT_EQ(got.base_url_if_client_omits_version, want.base_url_if_client_omits_version) << label;
    EXPECT_EQ(got.needs_api_version_v1beta, want.needs_api_version_v1beta) << label;
}

void expect_same_as_separate_calls(const Request& request) {
    const std::string label = request.label();
    const RequestFacts facts = request.facts();
    const RequestRouting routing = route_request(facts, kOrigin);

    expect_same_match(routing.match, match_route(request.method, request.target), label);
    EXPECT_EQ(routing.protocol, old_guess_protocol(request)) << label;
    ASSERT_EQ(routing.diagnosis.has_value(), !routing.match.has_value()) << label;
    if (!routing.diagnosis) {
        EXPECT_FALSE(routing.repaired.has_value()) << label;
        return;
    }
    const Diagnosis separate = diagnose_request(facts, kOrigin);
    expect_same_diagnosis(*routing.diagnosis, separate, label);
    std::optional<RouteMatch> old_repair;
    if (is_repairable(separate.kind) && separate.intended != nullptr) {
        old_repair = match_route(request.method, separate.intended_path);
    }
    expect_same_match(routing.repaired, old_repair, label);
}

// Every route's path, and the ways clients get it wrong, with every method and protocol hint.
std::vector<Request> generated_requests() {
    const std::vector<std::string> prefixes = {
        "", "/v1", "/v1beta", "/v1/v1", "/v1beta/v1beta", "/api", "/api/v1", "/", "/v1/chat/completions"};
    const std::vector<std::string> suffixes = {"", "/", "?beta=true", "?key=AIzaFAKE&alt=sse"};
    const std::vector<Method> methods = {Method::get, Method::post, Method::del, Method::other};
    std::vector<Request> requests;
    for (const Route& route : route_table()) {
        const std::string path = expand_pattern(route.pattern, "gemini-2.5-flash");
        const std::string without_version = path.substr(path.find('/', 1) == std::string::npos ? 0 : path.find('/', 1));
        for (const std::string& base : {path, without_version}) {
            for (const std::string& prefix : prefixes) {
                for (const std::string& suffix : suffixes) {
                    for (const Method method : methods) {
                        for (int hints = 0; hints < 4; ++hints) {
                            requests.push_back({method, prefix + base + suffix, hints == 3, hints == 1, hints == 2});
                        }
                    }
                }
            }
        }
    }
    return requests;
}

// Targets the router and the diagnosis read differently, and targets that match nothing at all.
const std::vector<Request> kOddRequests = {
    {Method::get, "/"},
    {Method::get, ""},
    {Method::get, "/assets/wizard.js"},
    {Method::post, "/v1/messages#fragment"},              // the diagnosis cuts a fragment, the router does not
    {Method::post, "http://127.0.0.1:8045/v1/messages"},  // an absolute URL pasted from a log
    {Method::post, "http://127.0.0.1:8045/v1/v1/messages"},
    {Method::post, "/v1/chat/completions?x=1?y=2"},
    {Method::get, "/v1/models", false, false, true},  // @google/genai 3.x on the OpenAI model list
    {Method::get, "/v1/responses", true},             // Codex's WebSocket try
    {Method::post, "/somewhere/v1beta/else"},         // "v1beta" alone makes the guess Gemini
    {Method::post, "/models/gemini-2.5-flash:generateContent"},
    {Method::post, "/v1beta/models/a/b:generateContent"},
    {Method::get, "/v1beta/models/gemini-2.5-flash:generateContent"},
    {Method::post, "//v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"},
    {Method::get, "/healthz/"},
    {Method::get, "/api/healthz"},
    {Method::post, std::string(40 * 3, 'x')},
    {Method::post,
     [] {
         std::string deep;
         for (int i = 0; i < 40; ++i) deep += "/v1";
         return deep + "/chat/completions";
     }()},
};

TEST(RouteRequest, EveryGeneratedPath_AgreesWithTheSeparateCalls) {
    const std::vector<Request> requests = generated_requests();
    ASSERT_GT(requests.size(), 5000U);
    for (const Request& request : requests) expect_same_as_separate_calls(request);
}

TEST(RouteRequest, OddTargets_AgreeWithTheSeparateCalls) {
    for (const Request& request : kOddRequests) expect_same_as_separate_calls(request);
}

TEST(RouteRequest, Hit_GivesTheRouteAndItsModelAndNoDiagnosis) {
    const RequestRouting routing =
        route_request(Request{Method::post, "/v1beta/models/gemini-2.5-flash:generateContent"}.facts(), kOrigin);
    ASSERT_TRUE(routing.match.has_value());
    EXPECT_EQ(routing.match->route->id, "gemini.generate_content");
    EXPECT_EQ(routing.match->model, "gemini-2.5-flash");
    EXPECT_EQ(routing.protocol, Protocol::gemini);
    EXPECT_FALSE(routing.diagnosis.has_value());
}

TEST(RouteRequest, AnthropicSdk_BaseWithV1_DiagnosedAndRepairable) {
    const RequestRouting routing =
        route_request(Request{Method::post, "/v1/v1/messages", false, true}.facts(), kOrigin);
    EXPECT_FALSE(routing.match.has_value());
    EXPECT_EQ(routing.protocol, Protocol::anthropic);
    ASSERT_TRUE(routing.diagnosis.has_value());
    EXPECT_EQ(routing.diagnosis->kind, DiagnosisKind::duplicated_version_prefix);
    EXPECT_EQ(routing.diagnosis->fixed_base_url, "http://127.0.0.1:8045");
    ASSERT_TRUE(routing.repaired.has_value());
    EXPECT_EQ(routing.repaired->route->id, "anthropic.messages");
}

TEST(RouteRequest, WrongMethod_IsNeverRepaired) {
    const RequestRouting routing = route_request(Request{Method::get, "/v1/chat/completions"}.facts(), kOrigin);
    EXPECT_FALSE(routing.match.has_value());
    EXPECT_EQ(routing.protocol, Protocol::openai);  // the path names an OpenAI route, whatever the method
    ASSERT_TRUE(routing.diagnosis.has_value());
    EXPECT_EQ(routing.diagnosis->kind, DiagnosisKind::wrong_method);
    EXPECT_FALSE(routing.repaired.has_value());
}

// A model list that lands on the other API's route, from a client its headers name (headers measured from the real
// clients, tests/unit/client_identity_test.cpp): a diagnosing miss in the caller's shape, not a list it reads as
// empty. Anthropic clients, clients that do call that route, and unnamed clients keep the route.
struct CrossingCase {
    const char* name;
    const char* target;
    const char* user_agent;
    const char* goog_api_client;
    bool goog_api_key;
    const char* kind;  // "" = routed as before
    Protocol shape;
    const char* intended;
    const char* fixed;
};

constexpr CrossingCase kCrossings[] = {
    {"openai sdk, base …/v1beta", "/v1beta/models", "OpenAI/JS 7.57.0", "", false, "wrong_protocol_prefix",
     Protocol::openai, "openai.models", "http://127.0.0.1:8045/v1"},
    {"genai 3, host only", "/v1/models", "google-genai-sdk/3.1.0 gl-node/v22.23.3",
     "google-genai-sdk/3.1.0 gl-node/v22.23.3", true, "gemini_v1_instead_of_v1beta", Protocol::gemini, "gemini.models",
     "http://127.0.0.1:8045"},
    {"langchain, base …/v1beta", "/v1beta/models", "langchainjs-openai/1.0.0 ((node/v22.23.3; linux; x64))", "", false,
     "wrong_protocol_prefix", Protocol::openai, "openai.models", "http://127.0.0.1:8045/v1"},
    {"anthropic sdk lists /v1/models by design", "/v1/models", "Anthropic/JS 1.12.0", "", false, "", Protocol::openai,
     "", ""},
    {"ai-sdk google calls its own list", "/v1beta/models", "ai/7.0.173 ai-sdk-provider-utils/5.0.81 node.js/22", "",
     true, "", Protocol::gemini, "", ""},
    {"genai 2 on its own list", "/v1beta/models", "google-genai-sdk/2.32.0 gl-node/v22.23.3",
     "google-genai-sdk/2.32.0 gl-node/v22.23.3", true, "", Protocol::gemini, "", ""},
    {"curl is not named", "/v1beta/models", "curl/8.5.0", "", false, "", Protocol::gemini, "", ""},
};

TEST(RouteRequest, ModelListOfTheOtherApi_FromANamedClient_IsAMissInItsShape) {
    for (const CrossingCase& c : kCrossings) {
        SCOPED_TRACE(c.name);
        RequestFacts facts;
        facts.method = Method::get;
        facts.target = c.target;
        facts.has_goog_api_key = c.goog_api_key;
        facts.user_agent = c.user_agent;
        facts.goog_api_client = c.goog_api_client;
        const RequestRouting routing = route_request(facts, "http://127.0.0.1:8045");
        if (std::string_view(c.kind).empty()) {
            EXPECT_TRUE(routing.match.has_value());
            EXPECT_FALSE(routing.diagnosis.has_value());
            continue;
        }
        EXPECT_FALSE(routing.match.has_value());
        ASSERT_TRUE(routing.diagnosis.has_value());
        EXPECT_EQ(diagnosis_kind_name(routing.diagnosis->kind), c.kind);
        EXPECT_EQ(routing.diagnosis->protocol, c.shape);
        EXPECT_EQ(routing.protocol, c.shape);
        ASSERT_NE(routing.diagnosis->intended, nullptr);
        EXPECT_EQ(routing.diagnosis->intended->id, c.intended);
        EXPECT_EQ(routing.diagnosis->fixed_base_url, c.fixed);
        EXPECT_FALSE(routing.repaired.has_value());  // a wrong protocol is never guessed at
    }
}

}  // namespace
}  // namespace pathwise
