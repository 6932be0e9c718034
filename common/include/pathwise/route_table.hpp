// route_table.hpp — the proxy's routes: one table read by the router, the diagnosis, the wizard and the docs.
//
//   auto m = pathwise::match_route(pathwise::Method::post, "/v1/messages?beta=true");
//   m->route->id;   // "anthropic.messages"
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "pathwise/translate/protocol.hpp"

namespace pathwise {

enum class Protocol : unsigned char { service, openai, anthropic, gemini };
enum class Method : unsigned char { get, post, put, patch, del, head, options, other };

[[nodiscard]] std::string_view protocol_name(Protocol p);  // "service", "openai", "anthropic", "gemini"
// The family whose routes, headers and key header a chat protocol uses (openai-chat → openai).
[[nodiscard]] Protocol family_of(translate::Protocol chat);
[[nodiscard]] std::string_view method_name(Method m);      // "GET", "POST", …
[[nodiscard]] Method parse_method(std::string_view name);  // case-insensitive; unknown → Method::other

// How a client asks a route for a stream: `"stream": true` in the JSON body, or the path itself
// (Gemini's ":streamGenerateContent"). The forwarder and the mock read this, never the route id.
enum class StreamSignal : unsigned char { none, body_flag, path };

// Who may call a route: every API route needs the key when auth is on; health routes are public in
// auth mode "all_except_health"; the proxy's own diagnostics are also refused to non-local browser origins.
enum class RouteAccess : unsigned char { api, health, local_diagnostics };

// Everything the proxy, the mock, the doctor and the wizard need to know about a route lives on its entry
// (route_table.cpp). What native code attaches by id (the mock's reply, the service handler) is checked
// against this table by tests/unit/route_facts_test.cpp, so a new route cannot ship without them.
struct Route {
    std::string_view id;  // stable: "openai.chat_completions", "gemini.generate_content", "healthz"
    Method method;
    // Literal segments plus `{model}` (one path segment; in "…/{model}:action" it ends at the last ':').
    // A trailing `{model}` never captures "x:generateContent"-style segments (a lowerCamelCase word after the
    // last ':' is a Gemini action, sent with the wrong method); tagged ids such as "llama3:8b" stay models.
    std::string_view pattern;  // "/v1beta/models/{model}:generateContent"
    Protocol protocol;
    std::string_view purpose;  // English, one line: "Chat completions"
    RouteAccess access;
    StreamSignal stream;
    // A minimal valid JSON body for the curl/PowerShell check, "{model}" filled in by the caller; "" for GET.
    std::string_view example_body;
    // The chat protocol of the route's body, when it carries a chat request that Pathwise can translate for an
    // upstream speaking another protocol (translate/codec.hpp); nullopt for the rest (model lists, counts, …).
    std::optional<translate::Protocol> chat;

    [[nodiscard]] constexpr bool can_stream() const { return stream != StreamSignal::none; }
};

// Every route, in a stable order (service, openai, anthropic, gemini).
[[nodiscard]] std::span<const Route> route_table();
[[nodiscard]] const Route* find_route(std::string_view id);

struct RouteMatch {
    const Route* route = nullptr;
    std::string model;  // the `{model}` capture, "" when the pattern has none
};

// Matches method + request target; the query string is ignored (`?beta=true`, `?alt=sse`, `?key=`).
// The path must match exactly (no repair, no trailing-slash tolerance: diagnosis.hpp explains those).
[[nodiscard]] std::optional<RouteMatch> match_route(Method method, std::string_view target);
// The same ignoring the method: for "405 use POST" answers.
[[nodiscard]] std::optional<RouteMatch> match_path(std::string_view target);

// Builds a concrete path from a pattern: ("/v1beta/models/{model}:countTokens", "gemini-2.5-flash").
[[nodiscard]] std::string expand_pattern(std::string_view pattern, std::string_view model);

}  // namespace pathwise
