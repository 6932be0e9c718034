// client_identity.hpp — which catalog client sent a request, from the headers it sends (catalog data:
// ClientEntry::user_agent_prefix, goog_api_client_prefix), and what that client must change to reach the proxy.
// The proxy runs this on a miss only, so a 404 can say "Claude Code 2.1.330: set ANTHROPIC_BASE_URL to …".
//
//   auto who = pathwise::identify_client({.user_agent = "claude-cli/2.1.330 (external, sdk-cli)"},
//                                        pathwise::Protocol::anthropic, nullptr);
//   who->client->id;   // "claude-code"
//   who->version;      // "2.1.330"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pathwise/client_catalog.hpp"
#include "pathwise/i18n.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise {

// The headers that name a client. Values are hostile: only a catalog prefix and a dotted version are kept.
struct ClientHeaders {
    std::string_view user_agent;
    std::string_view goog_api_client;  // x-goog-api-client
};

struct IdentifiedClient {
    const ClientEntry* client = nullptr;
    std::string version;  // "2.1.330"; "" when the header carries none (digits and dots only, at most 24 chars)
};

// The catalog entry whose prefix starts a header. Among entries sharing a prefix (Kilo CLI's four providers, the
// AI SDK's), the one speaking `protocol` and making a call meant for `intended` (when known) wins.
[[nodiscard]] std::optional<IdentifiedClient> identify_client(const ClientHeaders& headers, Protocol protocol,
                                                              const Route* intended);

// What a person does about it, for a 404 body, a log line and the Live view:
struct ClientFix {
    std::string client_name;  // "Claude Code 2.1.330"
    std::string base_url;     // the base URL this client needs on `proxy_origin` ("" when none works)
    std::string where;        // where that client reads it: "ANTHROPIC_BASE_URL"
    std::string configure;    // "pathwise configure claude-code" when configure knows the client, else ""
};
[[nodiscard]] ClientFix fix_for(const IdentifiedClient& identified, std::string_view proxy_origin);
// One sentence: "Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1:8045 (or run `pathwise
// configure claude-code`)."
[[nodiscard]] std::string explain_fix(const ClientFix& fix, Lang lang);

}  // namespace pathwise
