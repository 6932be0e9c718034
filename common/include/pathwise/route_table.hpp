// route_table.hpp — the proxy's routes: one table read by the router, the diagnosis, the wizard and the docs.
//
//   auto m = pathwise::match_route(pathwise::Method::post, "/v1/messages?beta=true");
//   m->route->id;   // "anthropic.messages"
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pathwise {

enum class Protocol : unsigned char { service, openai, anthropic, gemini };
enum class Method : unsigned char { get, post, put, patch, del, head, options, other };

[[nodiscard]] std::string_view protocol_name(Protocol p);  // "service", "openai", "anthropic", "gemini"
[[nodiscard]] std::string_view method_name(Method m);      // "GET", "POST", …
[[nodiscard]] Method parse_method(std::string_view name);  // case-insensitive; unknown → Method::other

struct Route {
    std::string_view id;        // stable: "openai.chat_completions", "gemini.generate_content", "healthz"
    Method method;
    // Literal segments plus `{model}` (one path segment; in "…/{model}:action" it ends at the last ':').
    // A trailing `{model}` never captures "x:generateContent"-style segments (a lowerCamelCase word after the
    // last ':' is a Gemini action, sent with the wrong method); tagged ids such as "llama3:8b" stay models.
    std::string_view pattern;   // "/v1beta/models/{model}:generateContent"
    Protocol protocol;
    std::string_view purpose;   // English, one line: "Chat completions"
    bool public_in_all_except_health;  // true only for health routes
    bool can_stream;            // the client may ask for SSE (stream:true, :streamGenerateContent)
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
