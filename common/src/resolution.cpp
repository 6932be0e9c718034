// resolution.cpp — the one join engine: (catalog rule, typed base URL) → the exact requests a client sends, and
// the derived recommendation (the shortest base on the proxy's origin that reaches every route the client uses).
//
// Nothing here knows a client by name: every difference between clients is data in catalog_*.hpp.
#include "pathwise/resolution.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "route_pattern.hpp"

namespace pathwise {
namespace {

using route_pattern::kModelPlaceholder;
constexpr std::string_view kKeyPlaceholder = "{key}";
constexpr std::string_view kBasePlaceholder = "{base}";

// Bases tried by `recommend`, shortest first; with and without the trailing slash because clients differ on it.
constexpr std::array<std::string_view, 6> kCandidateBasePaths = {"", "/", "/v1", "/v1/", "/v1beta", "/v1beta/"};

std::string_view default_model(Protocol protocol) {
    switch (protocol) {
        case Protocol::openai:
            return "gpt-4o-mini";
        case Protocol::anthropic:
            return "claude-sonnet-4-5";
        case Protocol::gemini:
        case Protocol::service:
            break;
    }
    return "gemini-2.5-flash";  // only Gemini puts the model in the path
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view strip_leading_slashes(std::string_view path, bool only_one) {
    if (only_one) return (!path.empty() && path.front() == '/') ? path.substr(1) : path;
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    return path;
}

// Cherry Studio `hasAPIVersion()`: the path matches /\/v\d+/i somewhere ("/v1", "/v1beta", "/api/v2").
bool has_version_segment(std::string_view path) {
    for (std::size_t i = 0; i + 2 < path.size(); ++i) {
        if (path[i] == '/' && (path[i + 1] == 'v' || path[i + 1] == 'V') && path[i + 2] >= '0' && path[i + 2] <= '9') {
            return true;
        }
    }
    return false;
}

// Cline CLI `normalizeGeminiBaseUrl`: the last segment of the (slash-stripped) path is a version.
bool ends_with_version_segment(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    return route_pattern::is_version_segment(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// A call whose model is not known yet keeps its "{model}" for the person to fill in.
void append_expanded(std::string& out, std::string_view text, std::string_view model) {
    if (model.empty()) {
        out.append(text);
        return;
    }
    route_pattern::append_expanded(out, text, model);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// What the client makes of the typed base before it glues a path on (steps 1 and 2 of JoinRule).
struct PreparedBase {
    std::string path;
    // String-built URLs: a '?query' or '#…' in the base swallows everything appended after it.
    bool query_swallows_path = false;
    bool fragment_swallows_path = false;
    // Cherry Studio "…#": the path ends with an endpoint that one call uses verbatim; the others join onto the
    // part before it.
    const ClientCall* verbatim_call = nullptr;
    std::size_t verbatim_split = 0;
};

bool joins_as_string(const JoinRule& rule) {
    return rule.join != JoinStyle::url_resolve && !rule.keeps_base_query;
}

PreparedBase prepare_base(const JoinRule& rule, const BaseUrl& base, bool typed_hash,
                          std::span<const ClientCall> calls) {
    PreparedBase prepared;
    std::string& path = prepared.path;
    path.reserve(base.path.size() + 8);
    path = base.path;

    // Clients that trim the base as a string act on its last characters: with "?query" or "#…" typed after the
    // path, those are not the path's ("…/v1?x=1" + '/' changes the query). Parsing clients trim the path itself.
    const bool string_ends_with_path =
        rule.keeps_base_query || (base.query.empty() && base.fragment.empty() && !typed_hash);
    switch (string_ends_with_path ? rule.trim : BaseTrim::keep) {
        case BaseTrim::keep:
            break;
        case BaseTrim::strip_one:
            if (!path.empty() && path.back() == '/') path.pop_back();
            break;
        case BaseTrim::strip_all:
            while (!path.empty() && path.back() == '/') path.pop_back();
            break;
        case BaseTrim::ensure_one:
            if (path.empty() || path.back() != '/') path.push_back('/');
            break;
    }

    const BaseRewrite& rewrite = rule.rewrite;
    const bool hash_is_verbatim = rewrite.trailing_hash_means_verbatim && typed_hash;
    if (!rewrite.graft_when_root.empty() && (path.empty() || path == "/")) path = rewrite.graft_when_root;
    if (!rewrite.append_version_unless_present.empty() && !hash_is_verbatim && !has_version_segment(path)) {
        path.push_back('/');
        path.append(rewrite.append_version_unless_present);
    }
    if (!rewrite.drops_trailing_version.empty()) {
        const std::string version = "/" + std::string(rewrite.drops_trailing_version);
        if (path.ends_with(version + "/")) {
            path.resize(path.size() - version.size() - 1);
        } else if (path.ends_with(version)) {
            path.resize(path.size() - version.size());
        }
        if (path.ends_with('/')) path.pop_back();
    }
    if (!rewrite.append_version_unless_last.empty() && !ends_with_version_segment(path)) {
        path.push_back('/');
        path.append(rewrite.append_version_unless_last);
    }
    if (rewrite.legacy_trailing_slash_suppresses_v1 && (path.empty() || path.back() != '/')) path.append("/v1/");

    if (hash_is_verbatim) {
        // Only endpoints a client POSTs to count as "explicit endpoints" (chat/completions, responses, messages,
        // …:generateContent — Cherry's routeToEndpoint list); a GET model list is never one.
        for (const ClientCall& call : calls) {
            if (call.method == Method::get || call.websocket_upgrade) continue;
            const std::string_view endpoint = strip_leading_slashes(call.path, false);
            if (endpoint.empty() || !ends_with(path, endpoint)) continue;
            const std::size_t split = path.size() - endpoint.size();
            if (split == 0 || path[split - 1] != '/') continue;
            prepared.verbatim_call = &call;
            prepared.verbatim_split = split - 1;
            break;
        }
    }

    if (joins_as_string(rule)) {
        prepared.query_swallows_path = !base.query.empty();
        prepared.fragment_swallows_path = !hash_is_verbatim && (typed_hash || !base.fragment.empty());
    }
    return prepared;
}

std::string_view effective_api_version(const ClientVariant& variant, const ResolveOptions& options) {
    std::string_view version = variant.join.api_version;
    for (const ExtraSetting& setting : variant.extra_settings) {
        if (setting.sets_api_version.empty()) continue;
        for (const std::string& applied : options.applied_settings) {
            if (applied == setting.name) version = setting.sets_api_version;
        }
    }
    return version;
}

// Step 3 of JoinRule for one call: fills base_part, client_part, path and query. The path is built in one buffer
// and client_part copied from it (resolving the whole catalog is benchmarked: keep allocations per call low).
void join_call(const JoinRule& rule, std::string_view api_version, const PreparedBase& prepared, const BaseUrl& base,
               const ClientCall& call, std::string_view model, ResolvedCall& out) {
    std::string_view base_path = prepared.path;
    if (prepared.verbatim_call != nullptr) {
        if (prepared.verbatim_call == &call) {
            out.base_part = base_path;
            out.path = base_path;
            out.query = call.query;
            return;
        }
        base_path = base_path.substr(0, prepared.verbatim_split);
    }

    // What the client appends: "/<api_version>/<path>" when the rule inserts a version, else the path as written.
    std::string_view appended = call.path;
    bool slash_before_version = false;
    bool slash_before_path = false;
    const bool versioned = !api_version.empty();
    switch (rule.join) {
        case JoinStyle::concat:
        case JoinStyle::concat_drop_one_slash:
            if (versioned) {
                slash_before_version = true;
                slash_before_path = true;
                appended = strip_leading_slashes(call.path, true);
            } else if (rule.join == JoinStyle::concat_drop_one_slash && !base_path.empty() && base_path.back() == '/' &&
                       !appended.empty() && appended.front() == '/') {
                appended.remove_prefix(1);
            }
            break;
        case JoinStyle::slash_join:
            slash_before_version = versioned;
            slash_before_path = true;
            appended = strip_leading_slashes(call.path, false);
            break;
        case JoinStyle::url_resolve: {
            // WHATWG relative resolution of "segment/…" against the base: drop what follows the last '/'.
            const std::size_t last_slash = base_path.rfind('/');
            base_path = last_slash == std::string_view::npos ? std::string_view{} : base_path.substr(0, last_slash + 1);
            slash_before_version = versioned && base_path.empty();
            slash_before_path = !versioned && base_path.empty();
            appended = strip_leading_slashes(call.path, false);
            if (versioned) slash_before_path = true;
            break;
        }
    }

    std::string& path = out.path;
    // Exact size, so a path that fits the small-string buffer allocates nothing.
    const std::size_t model_growth =
        model.empty() ? 0 : model.size() - std::min(model.size(), kModelPlaceholder.size());
    path.reserve(base_path.size() + (versioned ? api_version.size() + (slash_before_version ? 1 : 0) : 0) +
                 (slash_before_path ? 1 : 0) + appended.size() + model_growth);
    path.append(base_path);
    if (versioned) {
        if (slash_before_version) path.push_back('/');
        path.append(api_version);
    }
    if (slash_before_path) path.push_back('/');
    append_expanded(path, appended, model);
    const std::string_view client_part = std::string_view(path).substr(base_path.size());

    if (prepared.query_swallows_path || prepared.fragment_swallows_path) {
        // `new URL(base + path)` with "?"/"#" in the base: the appended text lands in the query (or the fragment,
        // which is never sent), so the request goes to the base path itself.
        if (prepared.query_swallows_path) {
            out.query = base.query;
            if (!prepared.fragment_swallows_path) {
                out.query.append(client_part);
                if (!call.query.empty()) {
                    out.query.push_back('?');
                    out.query.append(call.query);
                }
            }
        }
        out.base_part = base_path;
        path.resize(base_path.size());
        if (path.empty()) path = "/";
        return;
    }

    out.base_part = base_path;
    out.client_part = client_part;
    if (path.empty() || path.front() != '/') {
        path.insert(path.begin(), '/');
        out.client_part.insert(out.client_part.begin(), '/');
    }
    if (rule.collapses_double_slash && path.find("//") != std::string::npos) {
        path = collapse_slashes(path);
        out.base_part = collapse_slashes(out.base_part);
        out.client_part = path.substr(std::min(out.base_part.size(), path.size()));
    }

    if (rule.collapses_leading_slashes && path.starts_with("//")) {
        const std::size_t extra = std::min(path.find_first_not_of('/'), path.size()) - 1;
        path.erase(0, extra);
        out.base_part.erase(0, std::min(extra, out.base_part.size()));
        out.client_part = path.substr(std::min(out.base_part.size(), path.size()));
    }

    if (rule.keeps_base_query && !base.query.empty()) {
        out.query = base.query;
        if (!call.query.empty()) {
            out.query.push_back('&');
            out.query.append(call.query);
        }
    } else {
        out.query = call.query;
    }
}

bool is_primary(const ClientCall& call) {
    return call.fallback_of.empty();
}

const ResolvedCall* find_resolved(const std::vector<ResolvedCall>& calls, std::string_view id, bool primary) {
    for (const ResolvedCall& resolved : calls) {
        if (resolved.call->id == id && is_primary(*resolved.call) == primary) return &resolved;
    }
    return nullptr;
}

const ResolvedCall* routed_fallback_of(const std::vector<ResolvedCall>& calls, std::string_view primary_id) {
    for (const ResolvedCall& resolved : calls) {
        if (resolved.call->fallback_of == primary_id && resolved.route != nullptr) return &resolved;
    }
    return nullptr;
}

// "10.1.2.3" → {10, 1, 2, 3}; false for anything that is not a dotted quad.
bool parse_dotted_quad(std::string_view host, std::array<int, 4>& octets) {
    std::size_t part = 0;
    int value = -1;
    for (const char c : host) {
        if (c >= '0' && c <= '9') {
            value = (value < 0 ? 0 : value) * 10 + (c - '0');
            if (value > 255) return false;
        } else if (c == '.' && value >= 0 && part < 3) {
            octets[part++] = value;
            value = -1;
        } else {
            return false;
        }
    }
    if (value < 0 || part != 3) return false;
    octets[3] = value;
    return true;
}

// Hosts a service on the internet cannot call back: loopback, private and link-local addresses, and names that
// only resolve on a local network. A client that calls from its own servers (Cursor) needs a public URL then.
bool only_reachable_locally(const BaseUrl& base) {
    const std::string_view host = base.host;
    if (base.is_loopback() || host == "0.0.0.0") return true;
    std::array<int, 4> o{};
    if (parse_dotted_quad(host, o)) {
        return o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) || (o[0] == 192 && o[1] == 168) ||
               (o[0] == 169 && o[1] == 254) || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);  // CGNAT (tailnets)
    }
    if (base.is_ipv6()) {
        // BaseUrl hosts are lower case: fc00::/7 unique-local, fe80::/10 link-local.
        const bool unique_local = host.size() >= 2 && host[0] == 'f' && (host[1] == 'c' || host[1] == 'd');
        return unique_local || host.substr(0, 4) == "fe80";
    }
    if (host.find('.') == std::string_view::npos) return true;  // single-label intranet name
    for (const std::string_view suffix : {".local", ".lan", ".internal", ".home.arpa"}) {
        if (ends_with(host, suffix)) return true;
    }
    return false;
}

bool typed_text_ends_with_hash(std::string_view text) {
    constexpr std::string_view kIgnoredAtEnd = " \t\r\n'\"`>";
    while (!text.empty() && kIgnoredAtEnd.find(text.back()) != std::string_view::npos) text.remove_suffix(1);
    return !text.empty() && text.back() == '#';
}

}  // namespace

std::string ResolvedCall::target() const {
    std::string result;
    result.reserve(path.size() + query.size() + 1);
    result = path;
    if (!query.empty()) {
        result.push_back('?');
        result.append(query);
    }
    return result;
}

std::string ResolvedCall::url() const {
    return origin + target();
}

const ResolvedCall* Resolution::first_unrouted() const {
    for (const ResolvedCall& resolved : calls) {
        if (!resolved.sent || resolved.websocket_upgrade || resolved.route != nullptr) continue;
        if (is_primary(*resolved.call) && routed_fallback_of(calls, resolved.call->id) != nullptr) continue;
        return &resolved;
    }
    return nullptr;
}

Resolution resolve_client(const ClientEntry& client, const ClientVariant& variant, const BaseUrl& base,
                          const ResolveOptions& options) {
    Resolution resolution;
    resolution.client = &client;
    resolution.variant = &variant;
    resolution.base = base;
    resolution.calls.reserve(variant.calls.size());

    const std::string origin = base.origin();
    const std::string_view api_version = effective_api_version(variant, options);
    const PreparedBase prepared = prepare_base(variant.join, base, options.typed_url_ended_with_hash, variant.calls);

    for (const ClientCall& call : variant.calls) {
        ResolvedCall& resolved = resolution.calls.emplace_back();
        resolved.call = &call;
        resolved.method = call.method;
        resolved.origin = origin;
        resolved.websocket_upgrade = call.websocket_upgrade;

        // Only Gemini paths carry "{model}"; default_model(service) is the Gemini one for curl's Gemini call.
        const bool has_model = call.path.find(kModelPlaceholder) != std::string_view::npos;
        const std::string_view model = !has_model                       ? std::string_view{}
                                       : !options.example_model.empty() ? options.example_model
                                                                        : default_model(client.protocol);
        if (has_model) resolved.model = model;

        if (call.join_override != nullptr) {
            const PreparedBase own = prepare_base(*call.join_override, base, options.typed_url_ended_with_hash, {});
            join_call(*call.join_override, call.join_override->api_version, own, base, call, model, resolved);
        } else {
            join_call(variant.join, api_version, prepared, base, call, model, resolved);
        }

        if (const auto match = match_route(call.method, resolved.path)) {
            if (match->route->id == call.route_id) {
                resolved.route = match->route;
            } else {
                resolved.other_route = match->route;
            }
        }
    }

    // A fallback is sent only when its primary missed (Roo Code openai-native, docs/clients.md 1.9).
    bool all_routed = true;
    for (ResolvedCall& resolved : resolution.calls) {
        if (is_primary(*resolved.call)) continue;
        const ResolvedCall* primary = find_resolved(resolution.calls, resolved.call->fallback_of, true);
        resolved.sent = primary == nullptr || primary->route == nullptr;
    }
    for (const ResolvedCall& resolved : resolution.calls) {
        if (!is_primary(*resolved.call) || resolved.websocket_upgrade || resolved.route != nullptr) continue;
        if (routed_fallback_of(resolution.calls, resolved.call->id) != nullptr) {
            resolution.needs_fallback = true;
        } else {
            all_routed = false;
        }
    }
    resolution.all_calls_routed = all_routed;
    return resolution;
}

Result<Resolution> resolve_client(const ClientEntry& client, std::string_view version, std::string_view typed_base_url,
                                  const ResolveOptions& options) {
    auto base = parse_base_url(typed_base_url);
    if (!base) return base.error();
    if (client.variants.empty()) {
        return Error{"no_variant", "This catalog entry has no version variant; report it as a Pathwise bug."};
    }
    ResolveOptions effective = options;
    effective.typed_url_ended_with_hash =
        options.typed_url_ended_with_hash || typed_text_ends_with_hash(typed_base_url);
    return resolve_client(client, pick_variant(client, version), *base, effective);
}

namespace {

std::string example_body(const Route& route) {
    if (route.example_body.empty()) return "{}";
    std::string json(route.example_body);
    replace_all(json, kModelPlaceholder, default_model(route.protocol));
    return json;
}

// Prefer a GET the client really makes (no body to get wrong), then a call without its own query (no SSE stream,
// no key in the URL), else its first call.
const ResolvedCall* call_to_verify(const Resolution& resolution) {
    const ResolvedCall* without_query = nullptr;
    const ResolvedCall* first = nullptr;
    for (const ResolvedCall& resolved : resolution.calls) {
        if (!resolved.sent || resolved.websocket_upgrade || resolved.route == nullptr) continue;
        if (resolved.method == Method::get) return &resolved;
        if (without_query == nullptr && resolved.call->query.empty()) without_query = &resolved;
        if (first == nullptr) first = &resolved;
    }
    return without_query != nullptr ? without_query : first;
}

std::vector<VerifyCommand> verify_commands(const Resolution& resolution) {
    std::vector<VerifyCommand> commands;
    const ResolvedCall* resolved = call_to_verify(resolution);
    if (resolved == nullptr) return commands;

    std::string url = resolved->url();
    replace_all(url, kKeyPlaceholder, "YOUR_API_KEY");  // never a real key in a command line
    const bool needs_quotes = url.find_first_of("?&") != std::string::npos;
    const std::string curl_url = needs_quotes ? "\"" + url + "\"" : url;
    const std::string powershell_url = needs_quotes ? "'" + url + "'" : url;

    std::string curl = "curl -i " + curl_url;
    std::string powershell = "Invoke-WebRequest -UseBasicParsing ";
    if (resolved->method == Method::post) {
        const std::string body = example_body(*resolved->route);
        curl += " -H \"Content-Type: application/json\" -d '" + body + "'";
        powershell += "-Method Post -ContentType 'application/json' -Body '" + body + "' ";
    }
    powershell += powershell_url + " | Select-Object -ExpandProperty StatusCode";
    commands.push_back(VerifyCommand{"curl", std::move(curl), resolved->call->id});
    commands.push_back(VerifyCommand{"powershell", std::move(powershell), resolved->call->id});
    return commands;
}

}  // namespace

Result<Recommendation> recommend(const ClientEntry& client, std::string_view version, std::string_view proxy_origin) {
    auto parsed = parse_base_url(proxy_origin);
    if (!parsed) return parsed.error();
    if (client.variants.empty()) {
        return Error{"no_variant", "This catalog entry has no version variant; report it as a Pathwise bug."};
    }
    BaseUrl base = std::move(parsed.value());
    base.query.clear();
    base.fragment.clear();

    Recommendation rec;
    rec.client = &client;
    rec.variant = &pick_variant(client, version);
    const ClientVariant& variant = *rec.variant;
    rec.auth_header = auth_header_of(client, variant);

    ResolveOptions options;
    std::vector<const ExtraSetting*> always_needed;
    std::vector<const ExtraSetting*> version_settings;
    for (const ExtraSetting& setting : variant.extra_settings) {
        if (setting.sets_api_version.empty()) {
            always_needed.push_back(&setting);
            options.applied_settings.emplace_back(setting.name);
        } else {
            version_settings.push_back(&setting);
        }
    }

    // Plain bases first; API-version settings only when no plain base works; a base that works only through a
    // fallback call (after a failed request) comes last.
    const ExtraSetting* chosen_setting = nullptr;
    bool found = false;
    const auto try_bases = [&](const ExtraSetting* setting, bool accept_fallback) {
        ResolveOptions attempt = options;
        if (setting != nullptr) attempt.applied_settings.emplace_back(setting->name);
        for (const std::string_view candidate : kCandidateBasePaths) {
            base.path = candidate;
            Resolution resolution = resolve_client(client, variant, base, attempt);
            if (resolution.all_calls_routed && (accept_fallback || !resolution.needs_fallback)) {
                rec.resolution = std::move(resolution);
                chosen_setting = setting;
                found = true;
                return;
            }
        }
    };
    for (const bool accept_fallback : {false, true}) {
        if (!found) try_bases(nullptr, accept_fallback);
        for (const ExtraSetting* setting : version_settings) {
            if (!found) try_bases(setting, accept_fallback);
        }
    }

    if (!found) {
        base.path.clear();
        rec.resolution = resolve_client(client, variant, base, options);
        rec.reachable = false;
        return rec;
    }

    rec.base_url = rec.resolution.base.to_string();
    rec.needs_public_url = !client.reaches_loopback && only_reachable_locally(base);
    rec.reachable = !rec.needs_public_url;
    rec.settings = always_needed;
    if (chosen_setting != nullptr) rec.settings.push_back(chosen_setting);
    for (const EntryPoint& entry : variant.entry_points) {
        rec.entry_points.push_back(&entry);
        std::string example(entry.example);
        replace_all(example, kBasePlaceholder, rec.base_url);
        rec.examples.push_back(std::move(example));
    }
    rec.verify = verify_commands(rec.resolution);
    return rec;
}

}  // namespace pathwise
