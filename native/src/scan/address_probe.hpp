// address_probe.hpp — what really listens at a base URL a client will use, and what it answers to the exact
// requests that client sends. Bounded: one short connect and read timeout per request, no API key ever sent,
// and a POST carries `{}`, which no provider accepts as a generation request (nothing is billed).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "pathwise/resolution.hpp"

namespace pathwise::scan {

enum class ListenerKind : unsigned char {
    pathwise,            // its /healthz says so
    answers_everything,  // 200 to a path no API has (LM Studio does): its answers cannot reveal a wrong path
    other_server,        // an HTTP server that is not a Pathwise (another proxy, the provider itself)
    nothing,             // no connection (refused, no route, timed out)
};
[[nodiscard]] std::string_view listener_kind_name(ListenerKind kind);  // "pathwise", "answers_everything", …

struct Listener {
    ListenerKind kind = ListenerKind::nothing;
    std::string version;              // Pathwise's version
    std::string auth;                 // Pathwise's effective auth mode: "off", "strict", "all_except_health"
    bool bridges_websockets = false;  // Pathwise serves Codex's Responses over WebSocket
    std::string detail;               // "connection refused", "answered 404 to GET /pathwise-scan-…"
};

struct ProbeLimits {
    std::chrono::milliseconds connect{1'500};
    std::chrono::milliseconds read{3'000};
};

// `origin` is "scheme://host:port" (BaseUrl::origin()).
[[nodiscard]] Listener probe_listener(const std::string& origin, const ProbeLimits& limits);

struct Replay {
    std::string method;
    std::string target;  // path + query, placeholders removed ("key={key}" is dropped)
    bool websocket_upgrade = false;
    int status = 0;       // 0 = no answer
    std::string summary;  // the error message of the answer, or why there was none
};
// Sent as `sender` would send it: its User-Agent and x-goog-api-client prefixes (with `version`) and its protocol's
// version header (anthropic-version), so the proxy answers the replay exactly as it answers the client (a model
// list that crosses to the other API is refused only for a client it can name).
[[nodiscard]] Replay replay_call(const std::string& origin, const ResolvedCall& call, const ClientEntry& sender,
                                 std::string_view version, const ProbeLimits& limits);

}  // namespace pathwise::scan
