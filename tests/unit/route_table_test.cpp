// route_table_test.cpp — the route table's contents and the matcher the router and the diagnosis share.
#include "pathwise/route_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pathwise {
namespace {

// ---- the table itself -------------------------------------------------------------------------------------

struct ExpectedRoute {
    std::string_view id;
    Method method;
    std::string_view pattern;
    Protocol protocol;
    RouteAccess access;
    StreamSignal stream;
};

// Written by hand from the project brief; the order is part of the contract (service, openai, anthropic, gemini).
const std::vector<ExpectedRoute> kExpectedRoutes = {
    {"healthz", Method::get, "/healthz", Protocol::service, RouteAccess::health, StreamSignal::none},
    {"readyz", Method::get, "/readyz", Protocol::service, RouteAccess::health, StreamSignal::none},
    {"metrics", Method::get, "/metrics", Protocol::service, RouteAccess::local_diagnostics, StreamSignal::none},
    {"pathwise.requests", Method::get, "/_pathwise/requests", Protocol::service, RouteAccess::local_diagnostics,
     StreamSignal::none},
    {"pathwise.upstreams", Method::get, "/_pathwise/upstreams", Protocol::service, RouteAccess::local_diagnostics,
     StreamSignal::none},
    {"openai.models", Method::get, "/v1/models", Protocol::openai, RouteAccess::api, StreamSignal::none},
    {"openai.chat_completions", Method::post, "/v1/chat/completions", Protocol::openai, RouteAccess::api,
     StreamSignal::body_flag},
    {"openai.responses", Method::post, "/v1/responses", Protocol::openai, RouteAccess::api, StreamSignal::body_flag},
    {"anthropic.messages", Method::post, "/v1/messages", Protocol::anthropic, RouteAccess::api,
     StreamSignal::body_flag},
    {"anthropic.count_tokens", Method::post, "/v1/messages/count_tokens", Protocol::anthropic, RouteAccess::api,
     StreamSignal::none},
    {"gemini.models", Method::get, "/v1beta/models", Protocol::gemini, RouteAccess::api, StreamSignal::none},
    {"gemini.model", Method::get, "/v1beta/models/{model}", Protocol::gemini, RouteAccess::api, StreamSignal::none},
    {"gemini.generate_content", Method::post, "/v1beta/models/{model}:generateContent", Protocol::gemini,
     RouteAccess::api, StreamSignal::none},
    {"gemini.stream_generate_content", Method::post, "/v1beta/models/{model}:streamGenerateContent", Protocol::gemini,
     RouteAccess::api, StreamSignal::path},
    {"gemini.count_tokens", Method::post, "/v1beta/models/{model}:countTokens", Protocol::gemini, RouteAccess::api,
     StreamSignal::none},
};

TEST(RouteTable, Contents_MatchTheDocumentedRoutesInOrder) {
    const auto table = route_table();
    ASSERT_EQ(table.size(), kExpectedRoutes.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        SCOPED_TRACE(std::string(kExpectedRoutes[i].id));
        EXPECT_EQ(table[i].id, kExpectedRoutes[i].id);
        EXPECT_EQ(table[i].method, kExpectedRoutes[i].method);
        EXPECT_EQ(table[i].pattern, kExpectedRoutes[i].pattern);
        EXPECT_EQ(table[i].protocol, kExpectedRoutes[i].protocol);
        EXPECT_EQ(table[i].access, kExpectedRoutes[i].access);
        EXPECT_EQ(table[i].stream, kExpectedRoutes[i].stream);
        EXPECT_EQ(table[i].example_body.empty(), table[i].method != Method::post);
        EXPECT_FALSE(table[i].purpose.empty());
    }
}

TEST(RouteTable, Ids_AreUniqueAndFindable) {
    std::set<std::string_view> seen;
    for (const Route& route : route_table()) {
        EXPECT_TRUE(seen.insert(route.id).second) << "duplicate id " << route.id;
        EXPECT_EQ(find_route(route.id), &route);
    }
}

TEST(RouteTable, FindRoute_UnknownId_IsNull) {
    EXPECT_EQ(find_route("openai.embeddings"), nullptr);
    EXPECT_EQ(find_route(""), nullptr);
    EXPECT_EQ(find_route("HEALTHZ"), nullptr);
}

TEST(RouteTable, EveryPatternMatchesItsOwnRoute) {
    for (const Route& route : route_table()) {
        const std::string path = expand_pattern(route.pattern, "gemini-2.5-flash");
        const auto m = match_route(route.method, path);
        ASSERT_TRUE(m.has_value()) << path;
        EXPECT_EQ(m->route, &route) << path;
    }
}

// ---- names ------------------------------------------------------------------------------------------------

TEST(RouteTable, ProtocolNames) {
    EXPECT_EQ(protocol_name(Protocol::service), "service");
    EXPECT_EQ(protocol_name(Protocol::openai), "openai");
    EXPECT_EQ(protocol_name(Protocol::anthropic), "anthropic");
    EXPECT_EQ(protocol_name(Protocol::gemini), "gemini");
}

// The routes a translated upstream can serve: each protocol's chat route (docs/translation.md), nothing else.
TEST(RouteTable, ChatRoutes_AreTheFourChatEndpoints_InTheirFamily) {
    std::vector<std::pair<std::string_view, std::string_view>> chat;
    for (const Route& route : route_table()) {
        if (!route.chat) continue;
        chat.emplace_back(route.id, translate::protocol_name(*route.chat));
        EXPECT_EQ(family_of(*route.chat), route.protocol) << route.id;
    }
    const std::vector<std::pair<std::string_view, std::string_view>> expected = {
        {"openai.chat_completions", "openai-chat"},   {"openai.responses", "openai-responses"},
        {"anthropic.messages", "anthropic"},          {"gemini.generate_content", "gemini"},
        {"gemini.stream_generate_content", "gemini"},
    };
    EXPECT_EQ(chat, expected);
    EXPECT_EQ(family_of(translate::Protocol::openai_chat), Protocol::openai);
    EXPECT_EQ(family_of(translate::Protocol::openai_responses), Protocol::openai);
}

TEST(RouteTable, MethodNames) {
    EXPECT_EQ(method_name(Method::get), "GET");
    EXPECT_EQ(method_name(Method::post), "POST");
    EXPECT_EQ(method_name(Method::put), "PUT");
    EXPECT_EQ(method_name(Method::patch), "PATCH");
    EXPECT_EQ(method_name(Method::del), "DELETE");
    EXPECT_EQ(method_name(Method::head), "HEAD");
    EXPECT_EQ(method_name(Method::options), "OPTIONS");
    EXPECT_EQ(method_name(Method::other), "OTHER");
}

struct MethodCase {
    std::string_view text;
    Method expected;
};

TEST(RouteTable, ParseMethod_IsCaseInsensitive_UnknownIsOther) {
    const std::vector<MethodCase> cases = {
        {"GET", Method::get},     {"get", Method::get},    {"Post", Method::post},  {"pUt", Method::put},
        {"PATCH", Method::patch}, {"delete", Method::del}, {"HEAD", Method::head},  {"options", Method::options},
        {"TRACE", Method::other}, {"", Method::other},     {"GETX", Method::other}, {"GE", Method::other},
        {" GET", Method::other},  {"DEL", Method::other},
    };
    for (const auto& c : cases) EXPECT_EQ(parse_method(c.text), c.expected) << "'" << c.text << "'";
}

// ---- matching ---------------------------------------------------------------------------------------------

struct MatchCase {
    std::string_view situation;
    Method method;
    std::string_view target;
    std::string_view expected_id;  // "" = no match
    std::string_view expected_model;
};

TEST(RouteTable, MatchRoute_Table) {
    const std::vector<MatchCase> cases = {
        {"health", Method::get, "/healthz", "healthz", ""},
        {"readiness", Method::get, "/readyz", "readyz", ""},
        {"metrics", Method::get, "/metrics", "metrics", ""},
        {"wizard live view", Method::get, "/_pathwise/requests", "pathwise.requests", ""},
        {"live view with a cursor query", Method::get, "/_pathwise/requests?since=42", "pathwise.requests", ""},
        {"openai models", Method::get, "/v1/models", "openai.models", ""},
        {"anthropic sdk lists models on the same route", Method::get, "/v1/models?limit=20", "openai.models", ""},
        {"chat completions", Method::post, "/v1/chat/completions", "openai.chat_completions", ""},
        {"responses", Method::post, "/v1/responses", "openai.responses", ""},
        {"anthropic messages", Method::post, "/v1/messages", "anthropic.messages", ""},
        {"claude code adds ?beta=true", Method::post, "/v1/messages?beta=true", "anthropic.messages", ""},
        {"count tokens", Method::post, "/v1/messages/count_tokens", "anthropic.count_tokens", ""},
        {"count tokens with beta", Method::post, "/v1/messages/count_tokens?beta=true", "anthropic.count_tokens", ""},
        {"gemini list", Method::get, "/v1beta/models", "gemini.models", ""},
        {"gemini list with key", Method::get, "/v1beta/models?key=abc", "gemini.models", ""},
        {"gemini get model", Method::get, "/v1beta/models/gemini-2.5-flash", "gemini.model", "gemini-2.5-flash"},
        {"gemini generate", Method::post, "/v1beta/models/gemini-2.5-flash:generateContent", "gemini.generate_content",
         "gemini-2.5-flash"},
        {"gemini stream with alt=sse", Method::post, "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
         "gemini.stream_generate_content", "gemini-2.5-pro"},
        {"gemini count tokens", Method::post, "/v1beta/models/gemini-2.0-flash:countTokens", "gemini.count_tokens",
         "gemini-2.0-flash"},
        {"model with a tag: model ends at the last colon", Method::post, "/v1beta/models/llama3:8b:generateContent",
         "gemini.generate_content", "llama3:8b"},
        {"get a model with a tag keeps the tag", Method::get, "/v1beta/models/qwen3:latest", "gemini.model",
         "qwen3:latest"},
        {"model with dots and underscores", Method::get, "/v1beta/models/my_model.v2", "gemini.model", "my_model.v2"},
        {"empty query after ?", Method::get, "/v1/models?", "openai.models", ""},

        // Exact paths: no repair here (the diagnosis explains these misses).
        {"doubled v1", Method::post, "/v1/v1/messages", "", ""},
        {"trailing slash", Method::post, "/v1/chat/completions/", "", ""},
        {"trailing slash on models", Method::get, "/v1/models/", "", ""},
        {"missing v1", Method::post, "/chat/completions", "", ""},
        {"double slash inside", Method::post, "/v1//messages", "", ""},
        {"upper case path", Method::post, "/V1/messages", "", ""},
        {"root", Method::get, "/", "", ""},
        {"empty target", Method::get, "", "", ""},
        {"only a query", Method::get, "?x=1", "", ""},
        {"gemini v1 instead of v1beta", Method::post, "/v1/models/gemini-2.5-flash:generateContent", "", ""},
        {"gemini empty model", Method::post, "/v1beta/models/:generateContent", "", ""},
        {"gemini empty model segment for get", Method::get, "/v1beta/models/", "", ""},
        {"gemini model with a slash", Method::post, "/v1beta/models/a/b:generateContent", "", ""},
        {"gemini get with two segments", Method::get, "/v1beta/models/a/b", "", ""},
        {"gemini unknown action", Method::post, "/v1beta/models/gemini-2.5-flash:embedContent", "", ""},
        {"gemini get of an unknown action is not a model", Method::get, "/v1beta/models/gemini-2.5-flash:embedContent",
         "", ""},
        {"gemini action spelled lower case", Method::post, "/v1beta/models/x:generatecontent", "", ""},
        {"gemini action without the colon", Method::post, "/v1beta/models/xgenerateContent", "", ""},

        // Wrong method: match_route misses (match_path finds the route for a 405).
        {"get on chat completions", Method::get, "/v1/chat/completions", "", ""},
        {"post on models", Method::post, "/v1/models", "", ""},
        {"post on health", Method::post, "/healthz", "", ""},
        {"head on health is not get", Method::head, "/healthz", "", ""},
        {"get on a gemini action is not get-model", Method::get, "/v1beta/models/x:generateContent", "", ""},
        {"get on stream action", Method::get, "/v1beta/models/x:streamGenerateContent?alt=sse", "", ""},
        {"other method", Method::other, "/v1/messages", "", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.situation) + ": " + std::string(method_name(c.method)) + " " +
                     std::string(c.target));
        const auto m = match_route(c.method, c.target);
        if (c.expected_id.empty()) {
            EXPECT_FALSE(m.has_value()) << "matched " << (m ? m->route->id : "");
            continue;
        }
        ASSERT_TRUE(m.has_value());
        ASSERT_NE(m->route, nullptr);
        EXPECT_EQ(m->route->id, c.expected_id);
        EXPECT_EQ(m->model, c.expected_model);
    }
}

struct PathCase {
    std::string_view situation;
    std::string_view target;
    std::string_view expected_id;
    std::string_view expected_model;
};

TEST(RouteTable, MatchPath_IgnoresMethod_ForWrongMethodAnswers) {
    const std::vector<PathCase> cases = {
        {"chat completions", "/v1/chat/completions", "openai.chat_completions", ""},
        {"models", "/v1/models", "openai.models", ""},
        {"health", "/healthz?verbose=1", "healthz", ""},
        {"gemini action is the post route, not get-model", "/v1beta/models/x:generateContent",
         "gemini.generate_content", "x"},
        {"gemini stream action", "/v1beta/models/x:streamGenerateContent?alt=sse", "gemini.stream_generate_content",
         "x"},
        {"gemini count tokens", "/v1beta/models/gemini-2.5-flash:countTokens", "gemini.count_tokens",
         "gemini-2.5-flash"},
        {"gemini plain model", "/v1beta/models/gemini-2.5-flash", "gemini.model", "gemini-2.5-flash"},
        {"doubled prefix still misses", "/v1/v1/models", "", ""},
        {"trailing slash still misses", "/v1/messages/", "", ""},
        {"unknown action misses", "/v1beta/models/x:embedContent", "", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.situation) + ": " + std::string(c.target));
        const auto m = match_path(c.target);
        if (c.expected_id.empty()) {
            EXPECT_FALSE(m.has_value());
            continue;
        }
        ASSERT_TRUE(m.has_value());
        EXPECT_EQ(m->route->id, c.expected_id);
        EXPECT_EQ(m->model, c.expected_model);
    }
}

TEST(RouteTable, ExpandPattern_FillsModel_LeavesPlainPatternsAlone) {
    EXPECT_EQ(expand_pattern("/v1beta/models/{model}:countTokens", "gemini-2.5-flash"),
              "/v1beta/models/gemini-2.5-flash:countTokens");
    EXPECT_EQ(expand_pattern("/v1beta/models/{model}", "llama3:8b"), "/v1beta/models/llama3:8b");
    EXPECT_EQ(expand_pattern("/v1/messages", "ignored"), "/v1/messages");
    EXPECT_EQ(expand_pattern("/v1beta/models/{model}:generateContent", ""), "/v1beta/models/:generateContent");
}

}  // namespace
}  // namespace pathwise
