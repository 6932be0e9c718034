// diagnosis_client.cpp — the diagnosis with a client in mind: (client, version, typed base) → the first call
// that misses, explained for that client, with its own recommended base; and the reverse question, which
// catalog clients send a given path (likely_clients scans the catalog, so the per-404 path never calls it).
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "pathwise/diagnosis.hpp"
#include "route_pattern.hpp"

namespace pathwise {
namespace {

using route_pattern::is_version_segment;

bool same_host_and_port(const BaseUrl& a, const BaseUrl& b) {
    return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}

// The typed base, as the person sees it: origin + path (+ query, redacted) — never a key.
std::string typed_base_for_display(const BaseUrl& base) {
    std::string text = base.origin() + base.path;
    if (!base.query.empty()) text += "?" + redact_query(base.query);
    return text;
}

}  // namespace

Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                        std::string_view typed_base_url) {
    return diagnose_client(client, version, typed_base_url, {});
}

Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                        std::string_view typed_base_url, std::string_view proxy_origin) {
    return diagnose_client(client, version, typed_base_url, proxy_origin, {});
}

Result<ClientDiagnosis> diagnose_client(const ClientEntry& client, std::string_view version,
                                        std::string_view typed_base_url, std::string_view proxy_origin,
                                        const ResolveOptions& options) {
    auto resolved = resolve_client(client, version, typed_base_url, options);
    if (!resolved) return resolved.error();

    ClientDiagnosis out;
    out.resolution = std::move(resolved.value());
    const BaseUrl& typed = out.resolution.base;
    std::string origin = typed.origin();
    bool elsewhere = false;
    if (!proxy_origin.empty()) {
        auto proxy = parse_base_url(proxy_origin);
        if (!proxy) return proxy.error();
        origin = proxy->origin();
        elsewhere = !same_host_and_port(proxy.value(), typed);
    }

    auto recommendation = recommend(client, version, origin);
    const bool has_recommendation = recommendation.ok();
    if (has_recommendation) {
        out.recommended_base_url = recommendation->base_url;
        out.settings_needed = recommendation->settings;
        std::erase_if(out.settings_needed, [&](const ExtraSetting* setting) {
            return std::find(options.applied_settings.begin(), options.applied_settings.end(), setting->name) !=
                   options.applied_settings.end();
        });
    }

    Diagnosis& d = out.diagnosis;
    const ResolvedCall* failing = out.resolution.first_unrouted();
    if (elsewhere) {
        d.kind = DiagnosisKind::wrong_host_or_port;
        d.protocol = client.protocol;
        d.proxy_origin = origin;
        d.wrong_part = typed.origin();
        if (failing != nullptr) d.seen_path = failing->path;
    } else if (failing != nullptr) {
        const std::string target = failing->target();
        RequestFacts facts;
        facts.method = failing->method;
        facts.target = target;
        // The protocol's own headers are always sent (anthropic-version; x-goog-api-key or ?key=).
        facts.has_anthropic_headers = client.protocol == Protocol::anthropic;
        facts.has_goog_api_key = client.protocol == Protocol::gemini;
        d = diagnose_request(facts, origin);
        d.client_part = failing->client_part;
        out.failing_call_index = static_cast<int>(failing - out.resolution.calls.data());
    } else {
        d.kind = DiagnosisKind::ok;
        d.protocol = client.protocol;
        d.proxy_origin = origin;
        d.fix_hint_key = "none";
        // Roo Code openai-native with host only: "/responses" fails, then its fallback "/v1/responses" works
        // (docs/clients.md 1.9). It works, but every request starts with a failure the recommended base avoids.
        for (const ResolvedCall& call : out.resolution.calls) {
            if (!out.resolution.needs_fallback || !call.sent || call.websocket_upgrade || call.reaches_route())
                continue;
            d.method = call.method;
            d.wrong_part = call.path;
            if (has_recommendation && recommendation->base_url != typed_base_for_display(typed)) {
                d.fixed_base_url = recommendation->base_url;
                d.fix_hint_key = "use_client_base";
            }
            break;
        }
    }

    // The client's own recommended base replaces the path-only guess (and any "depends on the client").
    if (d.kind != DiagnosisKind::ok && has_recommendation && recommendation->reachable &&
        !recommendation->base_url.empty()) {
        d.fixed_base_url = recommendation->base_url;
        d.fix_hint_key = "use_client_base";
        d.base_url_if_client_adds_version.clear();
        d.base_url_if_client_omits_version.clear();
    }
    d.client = &client;
    d.typed_base_url = typed_base_for_display(typed);
    d.settings_needed = out.settings_needed;
    // Cursor's servers make its calls (docs/clients.md 1.14): a loopback proxy is out of their reach.
    d.client_cannot_reach_origin =
        (has_recommendation && recommendation->needs_public_url) || (!client.reaches_loopback && typed.is_loopback());
    return out;
}

std::vector<std::string> likely_clients(const RequestFacts& request, std::string_view proxy_origin) {
    std::vector<std::string> ids;
    auto origin = parse_base_url(proxy_origin);
    if (!origin) return ids;

    std::string_view target = request.target;
    target = target.substr(0, target.find('#'));
    const std::string_view path = target.substr(0, target.find('?'));
    if (path.empty() || path.front() != '/') return ids;

    // The typed base is some prefix of the path: cut before each '/', with and without that '/'
    // ("/v1/v1/messages" ← "", "/", "/v1", "/v1/"). Nobody types two API versions, so a base that holds
    // two ("/v1/v1") is not plausible: @ai-sdk/anthropic + "…/v1/v1" is not a likely sender of /v1/v1/messages.
    std::vector<std::string> typed_paths;
    std::size_t versions_so_far = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '/') continue;
        if (i > 0) {
            const std::size_t previous = path.rfind('/', i - 1);
            if (is_version_segment(path.substr(previous + 1, i - previous - 1))) ++versions_so_far;
        }
        if (versions_so_far > 1) break;
        // Nor does anyone type "//": a doubled slash in the path is a typed trailing '/' plus the client's '/'.
        for (const std::string_view typed : {path.substr(0, i), path.substr(0, i + 1)}) {
            if (typed.find("//") == std::string_view::npos) typed_paths.emplace_back(typed);
        }
    }

    for (const ClientEntry& client : client_catalog()) {
        // Protocol headers name the protocol outright (anthropic-version / x-api-key, x-goog-api-key).
        if (request.has_anthropic_headers && client.protocol != Protocol::anthropic) continue;
        if (request.has_goog_api_key && client.protocol != Protocol::gemini) continue;
        bool found = false;
        for (const ClientVariant& variant : client.variants) {
            // As typed, and with the variant's settings applied (@google/genai 3.x with apiVersion v1beta).
            ResolveOptions plain;
            ResolveOptions with_settings;
            for (const ExtraSetting& setting : variant.extra_settings) {
                with_settings.applied_settings.emplace_back(setting.name);
            }
            const ResolveOptions* option_sets[] = {&plain, &with_settings};
            for (const ResolveOptions* options : option_sets) {
                if (options == &with_settings && with_settings.applied_settings.empty()) continue;
                for (const std::string& typed_path : typed_paths) {
                    BaseUrl base = origin.value();
                    base.path = typed_path;
                    base.query.clear();
                    base.fragment.clear();
                    const Resolution resolution = resolve_client(client, variant, base, *options);
                    for (const ResolvedCall& call : resolution.calls) {
                        if (!call.sent || call.path != path) continue;
                        if (request.method != Method::other && call.method != request.method) continue;
                        if (request.websocket_upgrade && !call.websocket_upgrade) continue;
                        found = true;
                        break;
                    }
                    if (found) break;
                }
                if (found) break;
            }
            if (found) break;
        }
        if (found) ids.emplace_back(client.id);
    }
    return ids;
}

}  // namespace pathwise
