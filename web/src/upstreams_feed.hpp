// upstreams_feed.hpp — what serves each protocol, as the proxy that serves the wizard says
// (GET /_pathwise/upstreams), and the "served by …: pass-through / translated" line of each client call.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "pathwise/i18n.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/route_table.hpp"
#include "pathwise/translate/protocol.hpp"

namespace pathwise::web {

enum class UpstreamsStatus : unsigned char {
    not_available,  // not served by the proxy (desktop build, file://)
    waiting,        // first fetch in flight
    ok,
    unauthorized,  // 401/403: the proxy wants its key (typed in the Live view)
    failed,        // nothing answered, or not the expected JSON
};

struct KnownUpstream {
    std::string upstream;                       // "mock" or the URL without credentials
    std::optional<translate::Protocol> speaks;  // nullopt: not declared, each call passes in its own protocol
    std::size_t fallbacks = 0;
};

struct UpstreamsFeed {
    UpstreamsStatus status = UpstreamsStatus::waiting;
    std::map<Protocol, KnownUpstream> upstreams;
    std::string asked_for;  // the origin and key of the last fetch: a new one is asked when either changes
    double last_fetch_at = -100.0;
    bool fetch_in_flight = false;
};

// Parses {"upstreams":[{"protocol","upstream","speaks","fallbacks"}, …]}; entries with an unknown protocol or
// speaks are skipped. False (and `error` set) when the text is not that shape at all.
[[nodiscard]] bool parse_upstreams(std::string_view json_text, std::map<Protocol, KnownUpstream>& upstreams,
                                   std::string& error);

// What the platform reports after one fetch: http_status 0 = the request itself failed.
void apply_upstreams_reply(UpstreamsFeed& feed, int http_status, std::string_view body);

// The line under a call: "served by http://127.0.0.1:11434/v1 (speaks openai-chat): translated from anthropic",
// or "upstream unknown — …" when the proxy did not say. nullopt for calls that reach no upstream (no route, a
// WebSocket attempt, a fallback call that is not sent, the proxy's own routes).
[[nodiscard]] std::optional<std::string> served_by_text(const UpstreamsFeed& feed, const ResolvedCall& call,
                                                        Protocol client_family, Lang lang);

}  // namespace pathwise::web
