// diagnosis.cpp — diagnose_request: why a request path missed every route, which route was meant, and the
// base URL that fixes it. Runs on every proxy 404, so it allocates only its result and never scans the catalog
// (foreign_caller_diagnosis does, for GET model-list routes that carry a User-Agent only).
//
// How it reads a path: clients build `typed base path` + `their own path`, and their own path always ends
// with a route's *tail* (the route pattern without its version segment: "chat/completions", "messages",
// "models/{model}:generateContent"). So the path is split into
//     outer  /  client version (optional)  /  tail
//     "/v1"  /  "v1"                       /  "messages"        ← /v1/v1/messages
// and the shape of `outer` and of the version says what the person typed and what to type instead.
#include "pathwise/diagnosis.hpp"

#include <array>
#include <cstddef>
#include <optional>

#include "pathwise/ascii.hpp"
#include "pathwise/client_identity.hpp"
#include "pathwise/resolution.hpp"
#include "route_pattern.hpp"

namespace pathwise {
namespace {

using route_pattern::ends_with_action_name;
using route_pattern::is_version_segment;

constexpr std::size_t kMaxSegments = 32;  // longer paths are not base-URL mistakes; they stay "unknown"

// The non-empty segments of a path: "//v1beta//models" → {"v1beta", "models"} (runs of '/' collapse).
struct Segments {
    std::array<std::string_view, kMaxSegments> items;  // only [0, count) is ever read
    std::size_t count = 0;
    bool overflow = false;
    [[nodiscard]] std::string_view operator[](std::size_t i) const { return items[i]; }
};

Segments split_segments(std::string_view path) {
    Segments out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        if (out.count == kMaxSegments) {
            out.overflow = true;
            return out;
        }
        out.items[out.count++] = path.substr(i, end - i);
        i = end;
    }
    return out;
}

std::string join_segments(const Segments& segments, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        out += '/';
        out += segments[i];
    }
    return out;
}

// A route pattern is version + tail: "/v1beta/models/{model}:countTokens" → "v1beta" + "models/{model}:countTokens".
// The tail is matched against the end of the path straight from the pattern string, last segment first (most
// routes fail on their last character), so the per-404 scan needs no derived table and no allocation.
struct TailMatch {
    bool matched = false;
    std::size_t start = 0;         // index of the path segment where the route's tail begins
    int literal = 0;               // literal characters matched (more = more specific)
    std::string_view version;      // the route's version segment, "" for unversioned routes ("/healthz")
    bool tail_has_action = false;  // the tail names a Gemini action (":generateContent")
};

TailMatch match_tail(std::string_view pattern, const Segments& path, std::size_t end) {
    if (end == 0 || pattern.size() < 2) return {};
    const std::string_view last = path[end - 1];
    if (pattern.back() != '}' && (last.empty() || last.back() != pattern.back())) return {};

    TailMatch result;
    std::size_t index = end;
    std::size_t stop = pattern.size();
    while (stop > 0) {
        const std::size_t slash = pattern.rfind('/', stop - 1);
        const std::size_t begin = slash == std::string_view::npos ? 0 : slash + 1;
        const std::string_view segment = pattern.substr(begin, stop - begin);
        const bool first_segment = slash == 0 || slash == std::string_view::npos;
        if (first_segment && is_version_segment(segment) && index < end) {
            result.version = segment;
            break;
        }
        if (index == 0) return {};
        --index;
        const auto matched = route_pattern::match(segment, path[index]);
        if (!matched) return {};
        result.literal += matched->literal;
        result.tail_has_action = result.tail_has_action || segment.find(':') != std::string_view::npos;
        if (first_segment) break;
        stop = slash;
    }
    result.matched = true;
    result.start = index;
    return result;
}

bool is_secret_parameter(std::string_view name) {
    constexpr std::array<std::string_view, 14> kSecretNames = {
        "key",    "api_key",       "apikey", "api-key",   "access_token", "token",     "auth",
        "secret", "authorization", "sig",    "signature", "password",     "x-api-key", "x-goog-api-key"};
    for (const std::string_view secret : kSecretNames) {
        if (ascii::iequals(name, secret)) return true;
    }
    return false;
}

// What the request itself says about its protocol, beyond the route it was meant for.
struct Hints {
    Protocol header = Protocol::service;  // service = no header hint
    bool gemini_evidence = false;         // x-goog-api-key, ?key=, a "v1beta" segment or a Gemini action
    bool anthropic_evidence = false;      // a "messages" segment
};

Hints hints_of(const RequestFacts& request, const Segments& segments, std::string_view query) {
    Hints hints;
    if (request.has_anthropic_headers)
        hints.header = Protocol::anthropic;
    else if (request.has_goog_api_key)
        hints.header = Protocol::gemini;
    hints.gemini_evidence = request.has_goog_api_key;
    for (std::size_t i = 0; i < segments.count; ++i) {
        if (segments[i] == "v1beta") hints.gemini_evidence = true;
        if (segments[i] == "messages") hints.anthropic_evidence = true;
    }
    // A Gemini action (":generateContent") ends the path of the call the client meant to make.
    if (segments.count > 0 && ends_with_action_name(segments[segments.count - 1])) hints.gemini_evidence = true;
    // Continue and LobeChat put the Gemini key in the query (`?key=`).
    std::size_t begin = 0;
    while (begin < query.size()) {
        std::size_t end = query.find('&', begin);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view parameter = query.substr(begin, end - begin);
        if (parameter.substr(0, parameter.find('=')) == "key") hints.gemini_evidence = true;
        begin = end + 1;
    }
    return hints;
}

// The best route whose tail ends the path.
struct Candidate {
    const Route* route = nullptr;
    std::string_view version;
    std::size_t tail_start = 0;
    // Ranking, most important first.
    bool method_fits = false;
    std::size_t tail_size = 0;
    int literal = 0;
    bool header_agrees = false;
    bool version_before_tail = false;
    bool path_hint_agrees = false;

    [[nodiscard]] bool better_than(const Candidate& other) const {
        if (other.route == nullptr) return true;
        if (method_fits != other.method_fits) return method_fits;
        if (tail_size != other.tail_size) return tail_size > other.tail_size;
        if (literal != other.literal) return literal > other.literal;
        if (header_agrees != other.header_agrees) return header_agrees;
        if (version_before_tail != other.version_before_tail) return version_before_tail;
        if (path_hint_agrees != other.path_hint_agrees) return path_hint_agrees;
        return false;  // earlier in the table wins (openai before gemini for a bare "/models")
    }
};

// Ranks `route` against the best candidate so far, if its tail ends the path.
void consider_candidate(Candidate& best, const Route& route, const RequestFacts& request, const Segments& segments,
                        const Hints& hints) {
    const TailMatch match = match_tail(route.pattern, segments, segments.count);
    if (!match.matched) return;
    // "/models" and "/v1/models/gpt-4o" are OpenAI-shaped too: only call them Gemini with some evidence.
    if (route.protocol == Protocol::gemini && !hints.gemini_evidence && !match.tail_has_action) return;
    Candidate candidate;
    candidate.route = &route;
    candidate.version = match.version;
    candidate.tail_start = match.start;
    // Codex's WebSocket try is a GET on a POST route: the method says nothing there.
    candidate.method_fits =
        request.method == Method::other || request.websocket_upgrade || request.method == route.method;
    candidate.tail_size = segments.count - match.start;
    candidate.literal = match.literal;
    candidate.header_agrees = hints.header == route.protocol;
    candidate.version_before_tail = candidate.tail_start > 0 && segments[candidate.tail_start - 1] == match.version;
    candidate.path_hint_agrees = (route.protocol == Protocol::gemini && hints.gemini_evidence) ||
                                 (route.protocol == Protocol::anthropic && hints.anthropic_evidence);
    if (candidate.better_than(best)) best = candidate;
}

// What the part of the path before the client's version looks like.
enum class OuterShape : unsigned char { versions_only, ends_with_endpoint, ends_with_version, foreign };

OuterShape shape_of_outer(const Segments& segments, std::size_t outer_end) {
    bool all_versions = true;
    for (std::size_t i = 0; i < outer_end; ++i) all_versions = all_versions && is_version_segment(segments[i]);
    if (all_versions) return OuterShape::versions_only;
    for (const Route& route : route_table()) {
        const TailMatch match = match_tail(route.pattern, segments, outer_end);
        if (match.matched && !match.version.empty()) return OuterShape::ends_with_endpoint;
    }
    if (is_version_segment(segments[outer_end - 1])) return OuterShape::ends_with_version;
    return OuterShape::foreign;
}

std::string_view strip_scheme_and_authority(std::string_view target) {
    const std::size_t scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos || target.find('/') < scheme_end) return target;
    const std::size_t path_begin = target.find_first_of("/?#", scheme_end + 3);
    return path_begin == std::string_view::npos ? std::string_view{} : target.substr(path_begin);
}

// "http://127.0.0.1:8045/v1/" → "http://127.0.0.1:8045"; "127.0.0.1:8045" → "http://127.0.0.1:8045".
std::string origin_of(std::string_view proxy_origin) {
    while (!proxy_origin.empty() && (proxy_origin.front() == ' ' || proxy_origin.front() == '\t')) {
        proxy_origin.remove_prefix(1);
    }
    if (proxy_origin.empty()) return {};  // the fixes are then spelled as paths ("/v1")
    const std::size_t scheme_end = proxy_origin.find("://");
    const std::size_t authority_begin = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
    const std::size_t authority_end = proxy_origin.find_first_of("/?# \t", authority_begin);
    std::string origin;
    if (scheme_end == std::string_view::npos) origin = "http://";
    origin.append(proxy_origin.substr(0, authority_end));
    return origin;
}

void set_fixed_base(Diagnosis& d, std::string base, bool needs_api_version_v1beta) {
    const std::string_view origin = d.proxy_origin;
    if (needs_api_version_v1beta)
        d.fix_hint_key = "use_host_and_api_v1beta";
    else if (base == origin)
        d.fix_hint_key = "use_host_only";
    else if (std::string_view(base).substr(origin.size()) == "/v1")
        d.fix_hint_key = "use_v1";
    else if (std::string_view(base).substr(origin.size()) == "/v1beta")
        d.fix_hint_key = "use_v1beta";
    else
        d.fix_hint_key = "use_client_base";
    d.fixed_base_url = std::move(base);
    d.needs_api_version_v1beta = needs_api_version_v1beta;
}

// The route is found and the path is exactly its pattern up to slashes and method.
void classify_exact(Diagnosis& d, const RequestFacts& request, const Candidate& c, std::string_view path) {
    const std::string with_version = c.version.empty() ? d.proxy_origin : d.proxy_origin + "/" + std::string(c.version);
    if (request.websocket_upgrade) {
        d.kind = DiagnosisKind::websocket_upgrade;
        d.wrong_part = "Upgrade: websocket";
        d.fix_hint_key = "websocket_fallback";
        // OpenAI-protocol clients never add the version themselves, so the base that produced this is known.
        if (c.route->protocol == Protocol::openai) d.fixed_base_url = with_version;
        return;
    }
    if (request.method != Method::other && request.method != c.route->method) {
        d.kind = DiagnosisKind::wrong_method;
        d.wrong_part = std::string(method_name(request.method));
        d.fix_hint_key = "use_method";
        return;
    }
    const std::size_t double_slash = path.find("//");
    if (double_slash != std::string_view::npos) {
        d.kind = DiagnosisKind::double_slash;
        d.wrong_part = "//";
        // The '/' that doubled ends the typed base: "//v1beta/…" came from "http://host/" (@google/generative-ai
        // joins `${baseUrl}/${apiVersion}` without normalising). Only a break before the tail is the base's.
        const std::string_view before = path.substr(0, double_slash);
        const Segments typed = split_segments(before);
        if (typed.count <= (c.version.empty() ? 0U : 1U)) {
            set_fixed_base(d, d.proxy_origin + std::string(before), false);
        } else {
            d.fix_hint_key = "check_base_url";
        }
        return;
    }
    if (path.size() > 1 && path.back() == '/') {
        d.kind = DiagnosisKind::trailing_slash;
        d.wrong_part = "/";
        d.fix_hint_key = "remove_trailing_slash";
        return;
    }
    // route_table's matcher and this one disagree: say nothing rather than something wrong.
    d.kind = DiagnosisKind::unknown;
    d.intended = nullptr;
    d.intended_path.clear();
    d.wrong_part = d.seen_path;
    d.fix_hint_key = "check_base_url";
}

void classify_mismatch(Diagnosis& d, const Candidate& c, const Segments& segments) {
    const Route& route = *c.route;
    const std::string& origin = d.proxy_origin;
    const std::string with_version = origin + "/" + std::string(c.version);
    const std::size_t t = c.tail_start;
    const bool has_client_version = t > 0 && is_version_segment(segments[t - 1]);
    const std::string_view client_version = has_client_version ? segments[t - 1] : std::string_view{};
    const std::size_t outer_end = has_client_version ? t - 1 : t;
    const bool gemini = route.protocol == Protocol::gemini;
    // @google/genai ≥ 3.0 inserts "v1" where the proxy serves "v1beta" (npm 3.1.0, GOOGLE_AI_API_DEFAULT_VERSION).
    const bool genai_v1 = gemini && client_version == "v1";
    // The version right before the tail is the client's own when the path carries another version or endpoint
    // before it; a version that is not the route's was typed in the base (OpenAI-family clients never add one).
    const bool version_is_routes = client_version == c.version;

    if (outer_end == 0) {
        if (!has_client_version) {
            // "/chat/completions", "/messages", "/models/x:generateContent": host-only base, client adds no version.
            d.kind = DiagnosisKind::missing_version_prefix;
            d.wrong_part = join_segments(segments, 0, segments.count);
            set_fixed_base(d, with_version, false);
        } else if (genai_v1) {
            d.kind = DiagnosisKind::gemini_v1_instead_of_v1beta;
            d.wrong_part = "/v1";
            set_fixed_base(d, origin, true);
            d.base_url_if_client_omits_version = with_version;  // @ai-sdk/google with a base ending in /v1
        } else {
            // "/v1beta/chat/completions": the base ends in another protocol's prefix, the client adds no version.
            d.kind = DiagnosisKind::wrong_protocol_prefix;
            d.wrong_part = "/" + std::string(client_version);
            set_fixed_base(d, with_version, false);
        }
        return;
    }

    const OuterShape outer = shape_of_outer(segments, outer_end);
    const std::string outer_path = join_segments(segments, 0, outer_end);
    const bool client_adds_version = has_client_version && (version_is_routes || genai_v1);

    switch (outer) {
        case OuterShape::versions_only: {
            bool outer_repeats_version = true;
            for (std::size_t i = 0; i < outer_end; ++i)
                outer_repeats_version = outer_repeats_version && segments[i] == c.version;
            if (gemini)
                d.kind = DiagnosisKind::doubled_gemini_version;
            else if (version_is_routes && outer_repeats_version)
                d.kind = DiagnosisKind::duplicated_version_prefix;
            else
                d.kind = DiagnosisKind::wrong_protocol_prefix;  // "/v1beta/v1/messages", "/v1/v1beta/chat/completions"
            d.wrong_part = version_is_routes ? outer_path : join_segments(segments, 0, t);
            break;
        }
        case OuterShape::ends_with_endpoint:
            d.kind = DiagnosisKind::nested_full_endpoint;
            d.wrong_part = outer_path;
            break;
        case OuterShape::ends_with_version:
        case OuterShape::foreign:
            d.kind = DiagnosisKind::foreign_path_prefix;
            d.wrong_part = outer_path;
            break;
    }

    if (!has_client_version || !client_adds_version) {
        set_fixed_base(d, with_version, false);
        return;
    }
    if (outer != OuterShape::foreign || route.protocol == Protocol::openai) {
        // OpenAI-family clients never add a version: "/api/v1/chat/completions" came from a base ending in /api/v1.
        if (outer == OuterShape::foreign)
            set_fixed_base(d, with_version, false);
        else
            set_fixed_base(d, origin, genai_v1);
        return;
    }
    // "/api/v1/messages": the Anthropic SDK with base …/api, or @ai-sdk/anthropic with base …/api/v1.
    d.fix_hint_key = "depends_on_client";
    d.base_url_if_client_adds_version = origin;
    d.base_url_if_client_omits_version = with_version;
    d.needs_api_version_v1beta = genai_v1;
}

Protocol protocol_from_path(const Hints& hints) {
    if (hints.anthropic_evidence) return Protocol::anthropic;
    if (hints.gemini_evidence) return Protocol::gemini;
    return Protocol::openai;
}

// What one walk over the route table finds for a request: the router's answer and the route the diagnosis
// would say was meant, so the proxy's miss costs one scan (route_request), not one per question.
struct TableScan {
    std::optional<RouteMatch> routed;       // method + router path, first in table order (as match_route)
    const Route* routed_by_path = nullptr;  // router path, any method (as match_path)
    const Route* exact = nullptr;           // the diagnosis's own exact match on its cleaned path
    Candidate best;                         // the best route whose tail ends the path
};

// The request as the diagnosis reads it, and what the walk over the table found.
struct Reading {
    std::string_view path;   // absolute URL and fragment cut (a log line may hold either), query removed
    std::string_view query;  // without the '?'
    Segments segments;
    Hints hints;
    TableScan scan;
};

// `router_path` is the target as the router sees it (query removed, nothing else cut); `path` the diagnosis's.
TableScan scan_table(const RequestFacts& request, std::string_view router_path, const Reading& reading) {
    TableScan scan;
    const bool same_path = router_path == reading.path;
    for (const Route& route : route_table()) {
        const auto routed = route_pattern::match(route.pattern, router_path);
        if (routed && scan.routed_by_path == nullptr) scan.routed_by_path = &route;
        if (routed && !scan.routed && route.method == request.method) {
            scan.routed = RouteMatch{&route, std::string(routed->model)};
        }
        // What the router would do with the diagnosis's path; Method::other (a log line without one) = any.
        const bool method_fits = request.method == Method::other || request.method == route.method;
        if (scan.exact == nullptr && method_fits &&
            (same_path ? routed.has_value() : route_pattern::match(route.pattern, reading.path).has_value())) {
            scan.exact = &route;
        }
        if (!reading.segments.overflow) consider_candidate(scan.best, route, request, reading.segments, reading.hints);
    }
    return scan;
}

Reading read_request(const RequestFacts& request) {
    Reading reading;
    std::string_view target = strip_scheme_and_authority(request.target);
    target = target.substr(0, target.find('#'));
    const std::size_t question = target.find('?');
    reading.path = target.substr(0, question);
    reading.query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
    reading.segments = split_segments(reading.path);
    reading.hints = hints_of(request, reading.segments, reading.query);
    reading.scan = scan_table(request, request.target.substr(0, request.target.find('?')), reading);
    return reading;
}

// The diagnosis of a path that names no route exactly: the best candidate, and how the path differs from it.
void classify_miss(Diagnosis& d, const RequestFacts& request, const Reading& reading) {
    const Candidate& candidate = reading.scan.best;
    const Segments& segments = reading.segments;
    if (candidate.route == nullptr) {
        d.wrong_part = d.seen_path;
        return;  // unknown
    }
    d.intended = candidate.route;
    if (reading.hints.header == Protocol::service) d.protocol = candidate.route->protocol;
    d.intended_path = candidate.version.empty() ? std::string() : "/" + std::string(candidate.version);
    d.intended_path += join_segments(segments, candidate.tail_start, segments.count);

    const std::size_t t = candidate.tail_start;
    const bool exact = candidate.version.empty() ? t == 0 : (t == 1 && segments[0] == candidate.version);
    if (exact) {
        classify_exact(d, request, candidate, reading.path);
    } else if (candidate.version.empty()) {
        // "/api/healthz": unversioned routes live at the root only.
        d.kind = DiagnosisKind::foreign_path_prefix;
        d.wrong_part = join_segments(segments, 0, t);
        set_fixed_base(d, d.proxy_origin, false);
    } else {
        classify_mismatch(d, candidate, segments);
    }
}

Diagnosis diagnose_reading(const RequestFacts& request, const Reading& reading, std::string_view proxy_origin) {
    Diagnosis d;
    d.method = request.method;
    d.proxy_origin = origin_of(proxy_origin);
    d.seen_path = reading.path.empty() ? std::string("/") : std::string(reading.path);
    if (!reading.query.empty()) d.seen_query = redact_query(reading.query);
    const Hints& hints = reading.hints;
    d.protocol = hints.header != Protocol::service ? hints.header : protocol_from_path(hints);
    d.fix_hint_key = "check_base_url";
    if (reading.segments.overflow) {
        d.wrong_part = d.seen_path;
        return d;
    }

    // What the router does. @google/genai 3.x's GET /v1/models (x-goog-api-key) lands on the OpenAI model
    // list, which it cannot read: diagnose it as the Gemini call it is.
    const std::string_view path = reading.path;
    const bool slashes_clean = path.find("//") == std::string_view::npos && !(path.size() > 1 && path.back() == '/');
    const Route* exact = reading.scan.exact;
    if (slashes_clean && !request.websocket_upgrade && exact != nullptr &&
        !(hints.header == Protocol::gemini && exact->protocol == Protocol::openai)) {
        d.kind = DiagnosisKind::ok;
        d.intended = exact;
        d.intended_path = std::string(path);
        if (hints.header == Protocol::service) d.protocol = exact->protocol;
        d.fix_hint_key = "none";
        return d;
    }
    classify_miss(d, request, reading);
    return d;
}

// The shape an answer takes before the request is routed (a refused Host, a bad header): the protocol of the
// route its path names, else what its headers or a "v1beta" in its path say, else OpenAI's.
Protocol protocol_before_routing(const RequestFacts& request, const Route* routed_by_path) {
    if (routed_by_path != nullptr) return routed_by_path->protocol;
    if (request.has_anthropic_headers) return Protocol::anthropic;
    if (request.has_goog_api_key || request.target.find("v1beta") != std::string_view::npos) return Protocol::gemini;
    return Protocol::openai;
}

}  // namespace

std::string_view diagnosis_kind_name(DiagnosisKind kind) {
    switch (kind) {
        case DiagnosisKind::ok:
            return "ok";
        case DiagnosisKind::wrong_method:
            return "wrong_method";
        case DiagnosisKind::trailing_slash:
            return "trailing_slash";
        case DiagnosisKind::double_slash:
            return "double_slash";
        case DiagnosisKind::duplicated_version_prefix:
            return "duplicated_version_prefix";
        case DiagnosisKind::nested_full_endpoint:
            return "nested_full_endpoint";
        case DiagnosisKind::missing_version_prefix:
            return "missing_version_prefix";
        case DiagnosisKind::gemini_v1_instead_of_v1beta:
            return "gemini_v1_instead_of_v1beta";
        case DiagnosisKind::doubled_gemini_version:
            return "doubled_gemini_version";
        case DiagnosisKind::wrong_protocol_prefix:
            return "wrong_protocol_prefix";
        case DiagnosisKind::foreign_path_prefix:
            return "foreign_path_prefix";
        case DiagnosisKind::websocket_upgrade:
            return "websocket_upgrade";
        case DiagnosisKind::wrong_host_or_port:
            return "wrong_host_or_port";
        case DiagnosisKind::unknown:
            break;
    }
    return "unknown";
}

std::string redact_query(std::string_view query) {
    std::string out;
    out.reserve(query.size());
    std::size_t begin = 0;
    while (begin < query.size()) {
        std::size_t end = query.find('&', begin);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view parameter = query.substr(begin, end - begin);
        const std::size_t equals = parameter.find('=');
        if (begin > 0) out += '&';
        if (equals != std::string_view::npos && is_secret_parameter(parameter.substr(0, equals))) {
            out.append(parameter.substr(0, equals + 1));
            out.append("REDACTED");
        } else {
            out.append(parameter);
        }
        begin = end + 1;
    }
    return out;
}

bool is_repairable(DiagnosisKind kind) {
    switch (kind) {
        case DiagnosisKind::trailing_slash:
        case DiagnosisKind::double_slash:
        case DiagnosisKind::duplicated_version_prefix:
        case DiagnosisKind::nested_full_endpoint:
        case DiagnosisKind::missing_version_prefix:
        case DiagnosisKind::gemini_v1_instead_of_v1beta:
        case DiagnosisKind::doubled_gemini_version:
            return true;
        default:
            return false;
    }
}

Diagnosis diagnose_request(const RequestFacts& request, std::string_view proxy_origin) {
    return diagnose_reading(request, read_request(request), proxy_origin);
}

std::optional<Diagnosis> foreign_caller_diagnosis(const RequestFacts& request, const Route& matched,
                                                  std::string_view proxy_origin) {
    const auto is_list_api = [](Protocol protocol) {
        return protocol == Protocol::openai || protocol == Protocol::gemini;
    };
    if (matched.method != Method::get || !is_list_api(matched.protocol)) return std::nullopt;
    if (request.user_agent.empty() && request.goog_api_client.empty()) return std::nullopt;
    const Protocol hinted = request.has_goog_api_key ? Protocol::gemini : matched.protocol;
    const auto who = identify_client({request.user_agent, request.goog_api_client}, hinted, nullptr);
    // Anthropic clients list models on /v1/models by design: only OpenAI ↔ Gemini is a crossing.
    if (!who || !is_list_api(who->client->protocol) || who->client->protocol == matched.protocol) return std::nullopt;
    const ClientVariant& variant = pick_variant(*who->client, who->version);
    const ClientCall* own = nullptr;
    for (const ClientCall& call : variant.calls) {
        if (call.route_id == matched.id) return std::nullopt;  // it does mean this route
        if (call.method == Method::get && own == nullptr) own = &call;
    }
    Diagnosis d;
    d.protocol = who->client->protocol;
    d.method = Method::get;
    const std::string_view target = request.target;
    d.seen_path = std::string(target.substr(0, target.find('?')));
    d.proxy_origin = std::string(proxy_origin);
    d.intended = own != nullptr ? find_route(own->route_id) : nullptr;
    // A client with no model-list call of its own (ChatOpenAI): its protocol's route that ends the same way.
    const std::string_view last = matched.pattern.substr(matched.pattern.rfind('/'));
    for (const Route& route : route_table()) {
        if (d.intended != nullptr) break;
        if (route.method == Method::get && route.protocol == d.protocol && route.pattern.ends_with(last)) {
            d.intended = &route;
        }
    }
    if (d.intended != nullptr) d.intended_path = std::string(d.intended->pattern);
    d.wrong_part = d.seen_path.substr(0, d.seen_path.find('/', 1));
    const bool gemini_under_v1 = d.protocol == Protocol::gemini && d.wrong_part == "/v1";
    d.kind = gemini_under_v1 ? DiagnosisKind::gemini_v1_instead_of_v1beta : DiagnosisKind::wrong_protocol_prefix;
    if (auto recommendation = recommend(*who->client, who->version, proxy_origin);
        recommendation && recommendation->reachable) {
        d.fixed_base_url = recommendation->base_url;
        d.fix_hint_key = "use_client_base";
        d.needs_api_version_v1beta = !recommendation->settings.empty() && gemini_under_v1;
    }
    return d;
}

bool proxy_refuses_crossing(const ClientEntry& client, const ResolvedCall& call) {
    if (call.other_route == nullptr) return false;
    RequestFacts facts;
    facts.method = call.method;
    facts.target = call.path;
    facts.has_goog_api_key = client.protocol == Protocol::gemini;
    facts.user_agent = client.user_agent_prefix;
    facts.goog_api_client = client.goog_api_client_prefix;
    return foreign_caller_diagnosis(facts, *call.other_route, call.origin).has_value();
}

RequestRouting route_request(const RequestFacts& request, std::string_view proxy_origin) {
    const Reading reading = read_request(request);
    RequestRouting routing;
    routing.match = reading.scan.routed;
    routing.protocol = protocol_before_routing(request, reading.scan.routed_by_path);
    if (routing.match) {
        if (auto foreign = foreign_caller_diagnosis(request, *routing.match->route, proxy_origin)) {
            routing.match.reset();
            routing.protocol = foreign->protocol;
            routing.diagnosis = std::move(*foreign);
        }
        return routing;
    }
    const Diagnosis& diagnosis = routing.diagnosis.emplace(diagnose_reading(request, reading, proxy_origin));
    // The route meant is known, so its pattern alone says whether (and with which model) the repaired path hits it.
    const Route* intended = diagnosis.intended;
    if (is_repairable(diagnosis.kind) && intended != nullptr && intended->method == request.method) {
        if (const auto repaired = route_pattern::match(intended->pattern, diagnosis.intended_path)) {
            routing.repaired = RouteMatch{intended, std::string(repaired->model)};
        }
    }
    return routing;
}

}  // namespace pathwise
