// route_table.cpp — the one table of routes the proxy serves, and the matcher the router and the diagnosis share.
#include "pathwise/route_table.hpp"

#include <array>
#include <cstddef>

#include "pathwise/ascii.hpp"
#include "route_pattern.hpp"

namespace pathwise {
namespace {

// The single source of truth. Adding a route = one line here (+ its test vector in route_table_test.cpp).
constexpr std::string_view kChatBody = R"({"model":"{model}","messages":[{"role":"user","content":"hi"}]})";
constexpr std::string_view kGeminiBody = R"({"contents":[{"parts":[{"text":"hi"}]}]})";
constexpr std::optional<translate::Protocol> kNotChat;
constexpr std::optional kOpenAIChat = translate::Protocol::openai_chat;
constexpr std::optional kAnthropicChat = translate::Protocol::anthropic;
constexpr std::optional kGeminiChat = translate::Protocol::gemini;
constexpr std::optional kResponsesChat = translate::Protocol::openai_responses;

// The enumerators are brought into the initializer's scope only, so the table reads as one line per route.
constexpr std::array kRoutes = [] {
    using enum Method;
    using enum Protocol;
    using enum RouteAccess;
    using enum StreamSignal;
    return std::array{
        // service
        Route{"healthz", get, "/healthz", service, "Liveness: the proxy process answers", health, none, "", kNotChat},
        Route{"readyz", get, "/readyz", service, "Readiness: the upstream answers", health, none, "", kNotChat},
        Route{"metrics", get, "/metrics", service, "Prometheus metrics", local_diagnostics, none, "", kNotChat},
        Route{"pathwise.requests", get, "/_pathwise/requests", service, "Recent requests, for the wizard's live view",
              local_diagnostics, none, "", kNotChat},
        Route{"pathwise.upstreams", get, "/_pathwise/upstreams", service,
              "What serves each protocol, for the wizard's \"served by\" lines", local_diagnostics, none, "", kNotChat},
        // openai — /v1/models is also what the Anthropic SDK calls for its model list: one route, and the proxy
        // answers in the shape the request headers ask for (anthropic-version → Anthropic shape).
        Route{"openai.models", get, "/v1/models", openai, "List models", api, none, "", kNotChat},
        Route{"openai.chat_completions", post, "/v1/chat/completions", openai, "Chat completions", api, body_flag,
              kChatBody, kOpenAIChat},
        Route{"openai.responses", post, "/v1/responses", openai, "Responses API", api, body_flag,
              R"({"model":"{model}","input":"hi"})", kResponsesChat},
        // anthropic
        Route{"anthropic.messages", post, "/v1/messages", anthropic, "Messages", api, body_flag,
              R"({"model":"{model}","max_tokens":16,"messages":[{"role":"user","content":"hi"}]})", kAnthropicChat},
        Route{"anthropic.count_tokens", post, "/v1/messages/count_tokens", anthropic, "Count message tokens", api, none,
              kChatBody, kNotChat},
        // gemini
        Route{"gemini.models", get, "/v1beta/models", gemini, "List models", api, none, "", kNotChat},
        Route{"gemini.model", get, "/v1beta/models/{model}", gemini, "Get one model", api, none, "", kNotChat},
        Route{"gemini.generate_content", post, "/v1beta/models/{model}:generateContent", gemini, "Generate content",
              api, none, kGeminiBody, kGeminiChat},
        Route{"gemini.stream_generate_content", post, "/v1beta/models/{model}:streamGenerateContent", gemini,
              "Generate content as a stream (SSE with ?alt=sse)", api, path, kGeminiBody, kGeminiChat},
        Route{"gemini.count_tokens", post, "/v1beta/models/{model}:countTokens", gemini, "Count content tokens", api,
              none, kGeminiBody, kNotChat},
    };
}();

// A POST route without an example body would give the doctor a curl check that cannot succeed.
static_assert(
    [] {
        for (const Route& route : kRoutes) {
            if ((route.method == Method::post) == route.example_body.empty()) return false;
        }
        return true;
    }(),
    "every POST route needs an example_body, and only POST routes have one");

std::optional<RouteMatch> first_match(std::string_view target, const Method* method) {
    const std::string_view path = target.substr(0, target.find('?'));
    for (const Route& route : kRoutes) {
        if (method != nullptr && route.method != *method) continue;
        if (const auto matched = route_pattern::match(route.pattern, path)) {
            return RouteMatch{&route, std::string(matched->model)};
        }
    }
    return std::nullopt;
}

}  // namespace

Protocol family_of(translate::Protocol chat) {
    switch (chat) {
        case translate::Protocol::openai_chat:
        case translate::Protocol::openai_responses:
            return Protocol::openai;
        case translate::Protocol::anthropic:
            return Protocol::anthropic;
        case translate::Protocol::gemini:
            return Protocol::gemini;
    }
    return Protocol::openai;
}

std::string_view protocol_name(Protocol p) {
    switch (p) {
        case Protocol::service:
            return "service";
        case Protocol::openai:
            return "openai";
        case Protocol::anthropic:
            return "anthropic";
        case Protocol::gemini:
            return "gemini";
    }
    return "service";
}

std::string_view method_name(Method m) {
    switch (m) {
        case Method::get:
            return "GET";
        case Method::post:
            return "POST";
        case Method::put:
            return "PUT";
        case Method::patch:
            return "PATCH";
        case Method::del:
            return "DELETE";
        case Method::head:
            return "HEAD";
        case Method::options:
            return "OPTIONS";
        case Method::other:
            break;
    }
    return "OTHER";
}

Method parse_method(std::string_view name) {
    constexpr std::array kKnown = {Method::get, Method::post, Method::put,    Method::patch,
                                   Method::del, Method::head, Method::options};
    for (const Method m : kKnown) {
        if (ascii::iequals(name, method_name(m))) return m;
    }
    return Method::other;
}

std::span<const Route> route_table() {
    return {kRoutes.data(), kRoutes.size()};
}

const Route* find_route(std::string_view id) {
    for (const Route& route : kRoutes) {
        if (route.id == id) return &route;
    }
    return nullptr;
}

std::optional<RouteMatch> match_route(Method method, std::string_view target) {
    return first_match(target, &method);
}

std::optional<RouteMatch> match_path(std::string_view target) {
    return first_match(target, nullptr);
}

std::string expand_pattern(std::string_view pattern, std::string_view model) {
    std::string path;
    path.reserve(pattern.size() + model.size());
    route_pattern::append_expanded(path, pattern, model);
    return path;
}

}  // namespace pathwise
