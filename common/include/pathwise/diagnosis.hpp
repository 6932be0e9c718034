// diagnosis.hpp — why a request path missed every route, which route was meant, and the base URL that fixes it.
//
//   auto d = pathwise::diagnose_request({.method = pathwise::Method::post, .target = "/v1/v1/messages"},
//                                       "http://127.0.0.1:8045");
//   d.kind;                        // DiagnosisKind::duplicated_version_prefix
//   d.intended->id;                // "anthropic.messages"
//   d.fixed_base_url;              // "http://127.0.0.1:8045"
//   pathwise::explain(d, pathwise::Lang::fr);  // one paragraph, in French
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/client_catalog.hpp"
#include "pathwise/i18n.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise {

enum class DiagnosisKind : unsigned char {
    ok,                           // the path hits a route
    wrong_method,                 // right path, wrong method (GET /v1/chat/completions)
    trailing_slash,               // "/v1/chat/completions/"
    double_slash,                 // "//v1beta/models/…", "/v1//chat/completions"
    duplicated_version_prefix,    // "/v1/v1/messages": base ends in /v1 and the client adds /v1
    nested_full_endpoint,         // "/v1/chat/completions/responses": a full endpoint typed as the base
    missing_version_prefix,       // "/chat/completions", "/messages", "/models/{m}:generateContent"
    gemini_v1_instead_of_v1beta,  // "/v1/models/{m}:generateContent": @google/genai ≥ 3 default
    doubled_gemini_version,       // "/v1beta/v1beta/…", "/v1/v1beta/…", "/v1beta/v1/…"
    wrong_protocol_prefix,        // "/v1beta/chat/completions": an OpenAI call under the Gemini prefix
    foreign_path_prefix,          // "/api/v1/chat/completions": a prefix this proxy does not serve
    websocket_upgrade,            // GET /v1/responses with Upgrade: websocket (Codex; answer 4xx so it POSTs)
    wrong_host_or_port,           // a request that was meant for another server (e.g. a different port in the base)
    unknown,
};

[[nodiscard]] std::string_view diagnosis_kind_name(DiagnosisKind kind);  // "duplicated_version_prefix"

// The kinds `--repair-paths` may serve by the intended route: mistakes where what was meant is unambiguous
// (a doubled or missing version, a stray slash, a full endpoint typed as the base). A wrong protocol, a
// foreign prefix or another host is never guessed at.
[[nodiscard]] bool is_repairable(DiagnosisKind kind);

// What is known about a request seen in a log or by the proxy.
struct RequestFacts {
    Method method = Method::other;  // other = unknown
    std::string_view target;        // path with optional query: "/v1/v1/messages?beta=true"
    bool websocket_upgrade = false;
    // Protocol hints from headers, when known: x-api-key/anthropic-version → anthropic,
    // x-goog-api-key → gemini, Authorization Bearer → openai (weak).
    bool has_anthropic_headers = false;
    bool has_goog_api_key = false;
    std::string_view host = {};  // Host header if known ("127.0.0.1:8045")
    // Who sent it (client_identity.hpp), read only for GET API routes: an OpenAI client's model list that lands on
    // Gemini's, or the reverse, gets a diagnosing 404 in the caller's shape instead of a list it reads as empty.
    std::string_view user_agent = {};
    std::string_view goog_api_client = {};
};

struct Diagnosis {
    DiagnosisKind kind = DiagnosisKind::unknown;
    Protocol protocol = Protocol::service;  // the protocol the request looks like (for the error shape)
    const Route* intended = nullptr;        // the route it was meant for, when one is clear
    std::string seen_path;                  // the path as seen (query removed)
    std::string intended_path;              // e.g. "/v1/messages" ("" when unknown)
    std::string wrong_part;                 // the fragment at fault: "/v1", "/chat/completions", "//"
    std::string fixed_base_url;             // the base URL to type instead ("" when it depends on the client)
    std::string fix_hint_key;               // machine key of the fix, see below
    // --- added fields (explain() uses them; callers may ignore them) ---
    Method method = Method::other;  // the request's method as seen (other = unknown)
    std::string seen_query;         // the query as seen, secrets redacted: "beta=true", "key=REDACTED"
    std::string proxy_origin;       // scheme://host:port the fix is spelled on
    // When the fix depends on whether the client adds the API version itself (the path alone cannot tell:
    // "/api/v1/messages" is the Anthropic SDK with base …/api or @ai-sdk/anthropic with base …/api/v1), both
    // bases are given and fixed_base_url is "". For @google/genai's "/v1/models/…" only the "omits" one is set:
    // fixed_base_url is the genai fix, this one is for clients such as @ai-sdk/google that append "/models/…".
    std::string base_url_if_client_adds_version;
    std::string base_url_if_client_omits_version;
    // The fix also needs the Gemini API version set to v1beta (@google/genai ≥ 3 defaults to v1):
    // env GOOGLE_GENAI_API_VERSION=beta, or apiVersion: 'v1beta' in code.
    bool needs_api_version_v1beta = false;
    // Filled by diagnose_client only: who sent it, what it appended, what was typed, what else to set.
    const ClientEntry* client = nullptr;
    std::string client_part;     // "/v1/messages"
    std::string typed_base_url;  // "http://127.0.0.1:8045/v1"
    std::vector<const ExtraSetting*> settings_needed;
    bool client_cannot_reach_origin = false;  // Cursor: its servers make the calls (needs a public URL)
};

// fix_hint_key values (stable, for tests and JSON):
//   "none"                      kind ok
//   "use_host_only"             fixed_base_url is the origin alone
//   "use_v1"                    fixed_base_url is origin + "/v1"
//   "use_v1beta"                fixed_base_url is origin + "/v1beta"
//   "use_host_and_api_v1beta"   origin alone, plus the Gemini API version v1beta (needs_api_version_v1beta)
//   "depends_on_client"         see base_url_if_client_adds_version / _omits_version
//   "use_method"                send the expected HTTP method (the base URL is right)
//   "remove_trailing_slash"     the configured URL ends with '/' where the route does not
//   "websocket_fallback"        nothing to change: the proxy answers 4xx and the client retries with POST
//   "use_client_base"           diagnose_client: fixed_base_url is the client's own recommended base
//   "check_base_url"            unknown path

// (a) A path from a log, or a request the proxy could not route. `proxy_origin` is where the proxy listens,
// used to spell out the fixed base URL ("http://127.0.0.1:8045"). One pass over the route table, no catalog
// scan, no regex, allocations only for the result (about 1 µs).
[[nodiscard]] Diagnosis diagnose_request(const RequestFacts& request, std::string_view proxy_origin);

// What the proxy needs to know about a request's path, from that same single pass over the route table:
//   auto r = pathwise::route_request(facts, "http://127.0.0.1:8045");
//   if (r.match) … forward to r.match->route;  else … answer *r.diagnosis (or serve r.repaired)
struct RequestRouting {
    std::optional<RouteMatch> match;  // the route it hits: match_route(method, target)
    // The protocol an answer takes before the request is routed (a refused Host, a bad header): the route its
    // path names with any method (match_path), else anthropic-version/x-api-key → anthropic, x-goog-api-key or
    // "v1beta" anywhere in the target → gemini, else openai.
    Protocol protocol = Protocol::openai;
    std::optional<Diagnosis> diagnosis;  // on a miss only: diagnose_request(request, proxy_origin)
    // On a miss that is_repairable() with an intended route of the request's method: that route, matched on
    // diagnosis->intended_path (what match_route(method, intended_path) returns). For `--repair-paths`.
    std::optional<RouteMatch> repaired;
};
// The path matched `matched`, a GET route of the OpenAI or the Gemini API, but the request comes from a catalog
// client of the other one that never calls that route (the OpenAI SDK with …/v1beta lists GET /v1beta/models,
// @google/genai 3.x with the host lists GET /v1/models: both read the other shape as an empty list, measured).
// Then a diagnosis for that client (kind wrong_protocol_prefix, or gemini_v1_instead_of_v1beta for a Gemini
// client under /v1), shaped in its protocol; nullopt otherwise. route_request applies it; the doctor predicts it.
[[nodiscard]] std::optional<Diagnosis> foreign_caller_diagnosis(const RequestFacts& request, const Route& matched,
                                                                std::string_view proxy_origin);
// The prediction for a resolved call that lands on another API's route (ResolvedCall::other_route): true when
// the proxy will refuse it with that diagnosis (it knows this client from the headers the client sends), false
// when it answers in the other API's shape. The same function the proxy runs, on the client's own headers.
[[nodiscard]] bool proxy_refuses_crossing(const ClientEntry& client, const ResolvedCall& call);
[[nodiscard]] RequestRouting route_request(const RequestFacts& request, std::string_view proxy_origin);

// A query string with the values of secret parameters (key, api_key, token, …) replaced by "REDACTED",
// for anything shown or logged: "alt=sse&key=AIza…" → "alt=sse&key=REDACTED".
[[nodiscard]] std::string redact_query(std::string_view query);

// Catalog ids of clients that send exactly this path for some plausible typed base on `proxy_origin`.
// Scans the catalog, so it is kept out of diagnose_request (which the proxy runs on every 404).
[[nodiscard]] std::vector<std::string> likely_clients(const RequestFacts& request, std::string_view proxy_origin);

// (b) A (client, typed base URL) pair: the first call that misses, explained for that client, with the
// client's own recommended base as the fix. kind == ok when every call reaches a route.
struct ClientDiagnosis {
    Resolution resolution;
    Diagnosis diagnosis;  // of the first failing call (kind ok when none fails)
    std::string recommended_base_url;
    std::vector<const ExtraSetting*> settings_needed;
    // Index in resolution.calls of the call `diagnosis` is about; -1 when every call reaches its route.
    int failing_call_index = -1;
};
[[nodiscard]] Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                                      std::string_view typed_base_url);
// The same, knowing where the proxy listens: a typed base on another host or port is `wrong_host_or_port`,
// and the recommended base is spelled on `proxy_origin`.
[[nodiscard]] Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                                      std::string_view typed_base_url, std::string_view proxy_origin);
// The same, with extra settings already applied (a scanned GOOGLE_GENAI_API_VERSION=beta, Gemini CLI's auth type):
// they change the paths resolved and leave settings_needed.
[[nodiscard]] Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                                      std::string_view typed_base_url, std::string_view proxy_origin,
                                                      const ResolveOptions& options);

// One paragraph a person can act on: what went wrong, which route was meant, what to type instead.
[[nodiscard]] std::string explain(const Diagnosis& diagnosis, Lang lang);
// A short title: "Duplicated /v1 prefix", "Préfixe /v1 en double", "Prefijo /v1 duplicado".
[[nodiscard]] std::string_view title(DiagnosisKind kind, Lang lang);

}  // namespace pathwise
