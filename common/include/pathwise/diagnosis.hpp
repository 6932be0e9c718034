// diagnosis.hpp — why a request path missed every route, which route was meant, and the base URL that fixes it.
//
//   auto d = pathwise::diagnose_request({.method = pathwise::Method::post, .target = "/v1/v1/messages"},
//                                       "http://127.0.0.1:8045");
//   d.kind;                        // DiagnosisKind::duplicated_version_prefix
//   d.intended->id;                // "anthropic.messages"
//   d.fixed_base_url;              // "http://127.0.0.1:8045"
//   pathwise::explain(d, pathwise::Lang::fr);  // one paragraph, in French
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/client_catalog.hpp"
#include "pathwise/i18n.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise {

enum class DiagnosisKind : unsigned char {
    ok,                          // the path hits a route
    wrong_method,                // right path, wrong method (GET /v1/chat/completions)
    trailing_slash,              // "/v1/chat/completions/"
    double_slash,                // "//v1beta/models/…", "/v1//chat/completions"
    duplicated_version_prefix,   // "/v1/v1/messages": base ends in /v1 and the client adds /v1
    nested_full_endpoint,        // "/v1/chat/completions/responses": a full endpoint typed as the base
    missing_version_prefix,      // "/chat/completions", "/messages", "/models/{m}:generateContent"
    gemini_v1_instead_of_v1beta, // "/v1/models/{m}:generateContent": @google/genai ≥ 3 default
    doubled_gemini_version,      // "/v1beta/v1beta/…", "/v1/v1beta/…", "/v1beta/v1/…"
    wrong_protocol_prefix,       // "/v1beta/chat/completions": an OpenAI call under the Gemini prefix
    foreign_path_prefix,         // "/api/v1/chat/completions": a prefix this proxy does not serve
    websocket_upgrade,           // GET /v1/responses with Upgrade: websocket (Codex; answer 4xx so it POSTs)
    wrong_host_or_port,          // a request that was meant for another server (e.g. a different port in the base)
    unknown,
};

[[nodiscard]] std::string_view diagnosis_kind_name(DiagnosisKind kind);  // "duplicated_version_prefix"

// What is known about a request seen in a log or by the proxy.
struct RequestFacts {
    Method method = Method::other;  // other = unknown
    std::string_view target;        // path with optional query: "/v1/v1/messages?beta=true"
    bool websocket_upgrade = false;
    // Protocol hints from headers, when known: x-api-key/anthropic-version → anthropic,
    // x-goog-api-key → gemini, Authorization Bearer → openai (weak).
    bool has_anthropic_headers = false;
    bool has_goog_api_key = false;
    std::string_view host;          // Host header if known ("127.0.0.1:8045")
};

struct Diagnosis {
    DiagnosisKind kind = DiagnosisKind::unknown;
    Protocol protocol = Protocol::service;  // the protocol the request looks like (for the error shape)
    const Route* intended = nullptr;        // the route it was meant for, when one is clear
    std::string seen_path;                  // the path as seen (query removed)
    std::string intended_path;              // e.g. "/v1/messages" ("" when unknown)
    std::string wrong_part;                 // the fragment at fault: "/v1", "/chat/completions", "//"
    std::string fixed_base_url;             // the base URL to type instead ("" when it depends on the client)
    std::string fix_hint_key;               // machine key of the fix: "remove_v1", "add_v1", "use_v1beta", …
};

// (a) A path from a log, or a request the proxy could not route. `proxy_origin` is where the proxy listens,
// used to spell out the fixed base URL ("http://127.0.0.1:8045").
[[nodiscard]] Diagnosis diagnose_request(const RequestFacts& request, std::string_view proxy_origin);

// Catalog ids of clients that send exactly this path for some plausible typed base on `proxy_origin`.
// Scans the catalog, so it is kept out of diagnose_request (which the proxy runs on every 404).
[[nodiscard]] std::vector<std::string> likely_clients(const RequestFacts& request, std::string_view proxy_origin);

// (b) A (client, typed base URL) pair: the first call that misses, explained for that client, with the
// client's own recommended base as the fix. kind == ok when every call reaches a route.
struct ClientDiagnosis {
    Resolution resolution;
    Diagnosis diagnosis;         // of the first failing call (kind ok when none fails)
    std::string recommended_base_url;
    std::vector<const ExtraSetting*> settings_needed;
};
[[nodiscard]] Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                                      std::string_view typed_base_url);

// One paragraph a person can act on: what went wrong, which route was meant, what to type instead.
[[nodiscard]] std::string explain(const Diagnosis& diagnosis, Lang lang);
// A short title: "Duplicated /v1 prefix", "Préfixe /v1 en double", "Prefijo /v1 duplicado".
[[nodiscard]] std::string_view title(DiagnosisKind kind, Lang lang);

}  // namespace pathwise
