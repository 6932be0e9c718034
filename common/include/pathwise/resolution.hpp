// resolution.hpp — (client, version, typed base URL) → the exact requests it will send, and what to type instead.
//
//   auto r = pathwise::resolve_client(*pathwise::find_client("anthropic-sdk-node"), "", "http://127.0.0.1:8045/v1");
//   r->calls[0].path;           // "/v1/v1/messages"
//   r->calls[0].route == nullptr; // no route: see diagnosis.hpp for why and what to fix
//   auto rec = pathwise::recommend(*pathwise::find_client("anthropic-sdk-node"), "", "http://127.0.0.1:8045");
//   rec.base_url;               // "http://127.0.0.1:8045"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/client_catalog.hpp"
#include "pathwise/result.hpp"
#include "pathwise/url.hpp"

namespace pathwise {

struct ResolvedCall {
    const ClientCall* call = nullptr;
    Method method = Method::get;
    std::string origin;       // "http://127.0.0.1:8045"
    std::string base_part;    // the part of the final path that came from the typed base ("/v1")
    std::string client_part;  // the part the client appended ("/chat/completions")
    // base_part + client_part (after the client's own joining). A "?query" or "#…" typed into the base of a client
    // that glues strings swallows what it appends: the path is then the base path and client_part is empty.
    std::string path;
    std::string query;  // final query without '?', "" when none ("{key}" stays a placeholder)
    bool websocket_upgrade = false;
    const Route* route = nullptr;  // the proxy route this hits (== the call's route_id), nullptr when it misses
    std::string model;             // the model segment used in the example ("gemini-2.5-flash", "")
    // The path matched a route, but not the one this call is meant for (@google/genai 3.x GET /v1/models
    // lands on openai.models): `route` stays nullptr.
    const Route* other_route = nullptr;
    // A fallback call (ClientCall::fallback_of) is sent only when its primary call missed; false otherwise.
    bool sent = true;

    [[nodiscard]] bool reaches_route() const { return route != nullptr; }
    // path + "?" + query (query omitted when empty): what goes on the request line.
    [[nodiscard]] std::string target() const;
    // origin + target(): "http://127.0.0.1:8045/v1/messages?beta=true".
    [[nodiscard]] std::string url() const;
};

struct Resolution {
    const ClientEntry* client = nullptr;
    const ClientVariant* variant = nullptr;
    BaseUrl base;
    std::vector<ResolvedCall> calls;  // in the variant's order (a fallback right after the call it replaces)
    // Every sent non-websocket call hits its route (a primary that missed counts as routed when its fallback
    // reaches a route: Roo Code openai-native with host only works after one failed /responses).
    bool all_calls_routed = false;
    bool needs_fallback = false;  // some primary call only works through its fallback
    // The first sent, non-websocket call that misses its route (nullptr when all_calls_routed).
    [[nodiscard]] const ResolvedCall* first_unrouted() const;
};

// Options applied on top of the variant: the extra settings a person has applied (by name).
struct ResolveOptions {
    std::vector<std::string> applied_settings;  // names of ExtraSetting entries in effect
    std::string_view example_model;  // "" → protocol default ("gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash")
    // The typed text ended with '#' (BaseUrl cannot tell "…#" from no fragment). The typed-string overload of
    // resolve_client sets it itself; only Cherry Studio (BaseRewrite::trailing_hash_means_verbatim) reads it.
    bool typed_url_ended_with_hash = false;
};

// Error when the typed base URL does not parse (the error is parse_base_url's).
[[nodiscard]] Result<Resolution> resolve_client(const ClientEntry& client, std::string_view version,
                                                std::string_view typed_base_url, const ResolveOptions& options = {});
[[nodiscard]] Resolution resolve_client(const ClientEntry& client, const ClientVariant& variant, const BaseUrl& base,
                                        const ResolveOptions& options = {});

struct VerifyCommand {
    std::string_view shell;    // "curl" or "powershell"
    std::string command;       // "curl -i http://127.0.0.1:8045/v1/models"
    std::string_view call_id;  // the client call it checks ("models", "messages")
};

struct Recommendation {
    const ClientEntry* client = nullptr;
    const ClientVariant* variant = nullptr;
    // false when no candidate base on this origin works (then base_url and verify are empty), or when
    // needs_public_url (Cursor and 127.0.0.1).
    bool reachable = true;
    // true when the paths would work but the client cannot reach this origin (Cursor calls from its servers, so
    // a loopback, private-network or intranet-only origin needs a public URL/tunnel): base_url is still the one
    // to type, with the public origin in place of this one.
    bool needs_public_url = false;
    std::string_view auth_header;               // what the client sends its key as (auth_header_of; catalog data)
    std::string base_url;                       // exactly what to type: "http://127.0.0.1:8045/v1"
    std::vector<const ExtraSetting*> settings;  // extra settings that must be applied as well
    std::vector<const EntryPoint*> entry_points;
    std::vector<std::string> examples;  // entry-point examples with {base} filled in
    Resolution resolution;              // what the client sends with that base (all routed when reachable)
    std::vector<VerifyCommand> verify;  // curl and PowerShell checks of the routes this client uses
};

// The base URL is derived, not stored: the shortest base on `proxy_origin` ("", "/", "/v1", "/v1/", "/v1beta",
// "/v1beta/") for which every call the client makes reaches its route, preferring bases that need no fallback
// call, trying the variant's API-version settings only when no plain base works.
// `proxy_origin` may be anything parse_base_url accepts; its path, query and fragment are ignored.
// Error: parse_base_url's, when proxy_origin does not parse.
[[nodiscard]] Result<Recommendation> recommend(const ClientEntry& client, std::string_view version,
                                               std::string_view proxy_origin);

}  // namespace pathwise
