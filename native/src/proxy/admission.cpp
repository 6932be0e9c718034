// admission.cpp — the gate before the body is read (see admission.hpp): one function per check, in the order
// admit() runs them.
#include "proxy/admission.hpp"

#include <string>
#include <string_view>

#include "http/guarded_server.hpp"
#include "http/header_policy.hpp"
#include "http/json_text.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/input_limits.hpp"
#include "proxy/miss.hpp"
#include "proxy/request_traits.hpp"
#include "proxy/root_page.hpp"
#include "proxy/service_routes.hpp"
#include "proxy/static_files.hpp"

namespace pathwise::proxy {
namespace {

using http::ProtocolError;
using Refusal = std::optional<ProtocolError>;

Admitted answer(httplib::Response& res, const ProtocolError& error) {
    http::send_error(res, error);
    return Admitted::answered;
}

// ---------------------------------------------------------------- 1. accept

// Only names of this machine: a DNS-rebinding page reaches us with its own name in Host.
Refusal host_refusal(const AccessPolicy& access, const std::string& host, Protocol protocol) {
    if (access.host_allowed(host)) return std::nullopt;
    return ProtocolError{403, protocol,
                         "Host '" + host +
                             "' is not allowed: Pathwise only answers requests addressed to this "
                             "machine (localhost, 127.0.0.1, its hostname), which protects it from DNS-rebinding "
                             "web pages. If you reach it through another name, add it to \"allowed_hosts\" in the "
                             "config file or pass --allowed-host " +
                             host_without_port(host) + ".",
                         "host_not_allowed"};
}

// A header whose name or (percent-decoded) value is not one clean line: the first one found, or null.
const std::pair<const std::string, std::string>* unclean_header(const httplib::Request& req) {
    for (const auto& header : req.headers) {
        if (!http::is_clean_field_name(header.first) || !http::is_clean_field_value(header.second)) {
            return &header;
        }
    }
    return nullptr;
}

// The library percent-decodes header values: "%0d%0a" arrives as CR LF, which would inject headers (and whole
// requests) into the upstream connection if it were copied there.
Refusal header_refusal(const httplib::Request& req, Protocol protocol) {
    const auto* header = unclean_header(req);
    if (header == nullptr) return std::nullopt;
    return ProtocolError{400, protocol,
                         "The header '" + quotable(header->first) +
                             "' contains a line break or another control "
                             "character (after percent-decoding); Pathwise forwards only headers that are one clean "
                             "line. Remove it or send its value without encoded control characters.",
                         "invalid_header"};
}

bool is_preflight(const httplib::Request& req) {
    return req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method");
}

// Only local origins (CORS), unless the config trusts more.
Refusal origin_refusal(const AccessPolicy& access, const httplib::Request& req, const std::string& host,
                       Protocol protocol) {
    if (!req.has_header("Origin") || access.origin_allowed(req.get_header_value("Origin"), host)) return std::nullopt;
    return ProtocolError{403, protocol,
                         "Origin '" + req.get_header_value("Origin") +
                             "' may not call this proxy: only local "
                             "pages (http://localhost, http://127.0.0.1, http://[::1] on any port) may. Add it to "
                             "\"cors_origins\" in the config file or pass --cors-origin if you trust it.",
                         "origin_not_allowed"};
}

std::size_t header_bytes(const httplib::Request& req) {
    std::size_t total = req.method.size() + req.target.size() + req.version.size() + 4;
    for (const auto& [name, value] : req.headers) total += name.size() + value.size() + 4;
    return total;
}

Refusal size_refusal(const httplib::Request& req, std::size_t max_header_bytes, Protocol protocol) {
    if (header_bytes(req) <= max_header_bytes) return std::nullopt;
    return ProtocolError{431, protocol,
                         "The request headers are larger than " + std::to_string(max_header_bytes) +
                             " bytes (max_header_bytes); send smaller headers or raise the limit.",
                         ""};
}

bool is_root(const httplib::Request& req) {
    return (req.method == "GET" || req.method == "HEAD") && req.path == "/";
}

// Pathwise forwards exactly the path it matched, so a path the upstream could split or resolve differently
// (an encoded '/', '?', a "..") is refused.
Refusal path_refusal(const httplib::Request& req, Protocol protocol) {
    const std::string_view raw_path = std::string_view(req.target).substr(0, req.target.find('?'));
    const auto problem = forwarded_path_problem(raw_path, req.path);
    if (!problem) return std::nullopt;
    return ProtocolError{400, protocol,
                         "The request path has " + std::string(*problem) +
                             ". Pathwise forwards exactly the "
                             "path it matched, so it refuses paths that the upstream could split or resolve "
                             "differently. Send the plain path, e.g. /v1/chat/completions.",
                         "invalid_path"};
}

Refusal body_refusal(const httplib::Request& req, Protocol protocol) {
    if (!http::announces_body(req)) return std::nullopt;
    const std::string coding = req.get_header_value("Content-Encoding");
    if (!has_content_reader(req) && !coding.empty() && !ascii::iequals(coding, "identity")) {
        return ProtocolError{415, protocol,
                             "A " + req.method +
                                 " body with Content-Encoding is not accepted; send it "
                                 "uncompressed.",
                             "unsupported_encoding"};
    }
    if (req.is_multipart_form_data()) {
        return ProtocolError{415, protocol,
                             "multipart/form-data bodies are not served by Pathwise's routes; send JSON.",
                             "unsupported_media_type"};
    }
    return std::nullopt;
}

// A POST/PUT/PATCH/DELETE with neither Content-Length nor a body announced: the library would read such a body
// until the connection closes, so it is told there is none.
void mark_bodyless(const httplib::Request& req) {
    if (http::announces_body(req) || !has_content_reader(req) || req.has_header("Content-Length")) return;
    const_cast<httplib::Request&>(req).set_header("Content-Length",
                                                  "0");  // NOLINT: the library's own non-const request
}

std::string query_part(std::string_view target) {
    const auto question = target.find('?');
    return question == std::string_view::npos ? std::string() : std::string(target.substr(question));
}

}  // namespace

// ---------------------------------------------------------------- the steps, in order

Admitted Admission::admit(const httplib::Request& req, httplib::Response& res, Exchange& exchange) const {
    // 1. Accept. The protocol of a refusal here is guessed from the path and headers (no route matched yet).
    const std::string host = req.get_header_value("Host");
    parts_.access.add_cors_headers(req, res);
    const RequestRouting routing = route_of(req, origin_for(req));
    exchange.protocol = routing.protocol;
    if (auto refusal = host_refusal(parts_.access, host, exchange.protocol)) return answer(res, *refusal);
    if (auto refusal = header_refusal(req, exchange.protocol)) return answer(res, *refusal);
    if (is_preflight(req)) {
        parts_.access.answer_preflight(req, res);  // preflights never carry keys, so they never need one
        return Admitted::answered;
    }
    if (auto refusal = origin_refusal(parts_.access, req, host, exchange.protocol)) return answer(res, *refusal);
    if (auto refusal = size_refusal(req, parts_.config.max_header_bytes, exchange.protocol)) {
        return answer(res, *refusal);
    }
    if (is_root(req)) return answer_root(req, res);
    if (auto refusal = path_refusal(req, exchange.protocol)) return answer(res, *refusal);
    if (auto refusal = body_refusal(req, exchange.protocol)) return answer(res, *refusal);
    mark_bodyless(req);

    // 2. Match the route — before auth, so a wrong URL gets a 404 that explains it, not a 401.
    const std::optional<RouteMatch> match = match_or_answer_miss(req, res, routing, exchange);
    if (!match) return Admitted::answered;
    const Route& route = *match->route;
    exchange.record.route_id = std::string(route.id);
    exchange.protocol = route.protocol;

    // 3. Authenticate.
    if (auto refusal = authenticate(req, route, exchange)) {
        res.set_header("WWW-Authenticate", "Bearer");
        return answer(res, *refusal);
    }

    // 4. Answer the proxy's own routes here; forward the rest once httplib has read the body.
    if (route.protocol == Protocol::service) return answer_own_route(req, res, route, exchange);
    exchange.match = match;
    exchange.upstream_path =
        exchange.record.repaired_to.empty() ? req.target : exchange.record.repaired_to + query_part(req.target);
    return Admitted::to_forward;
}

// Codex's GET upgrade of a Responses route is served as that route (proxy/responses_socket.hpp), unless the
// config turned it off; a mistyped path is repaired like a POST would be when repair_paths is on.
std::optional<RouteMatch> Admission::responses_socket_route(const httplib::Request& req, const RequestRouting& routing,
                                                            Exchange& exchange) const {
    if (!parts_.config.responses_websocket || !is_websocket_upgrade(req) || req.method != "GET") return std::nullopt;
    const auto serves_responses = [](const std::optional<RouteMatch>& match) {
        return match && match->route->chat == translate::Protocol::openai_responses;
    };
    auto exact = match_route(Method::post, req.target);
    if (serves_responses(exact)) return exact;
    if (!parts_.config.repair_paths || !routing.diagnosis || routing.diagnosis->intended_path.empty()) {
        return std::nullopt;
    }
    auto repaired = match_route(Method::post, routing.diagnosis->intended_path);
    if (!serves_responses(repaired)) return std::nullopt;
    exchange.record.repaired_to = routing.diagnosis->intended_path;
    return repaired;
}

// The route to go on with; nothing when `res` already holds the answer (the wizard's files, or the miss).
std::optional<RouteMatch> Admission::match_or_answer_miss(const httplib::Request& req, httplib::Response& res,
                                                          const RequestRouting& routing, Exchange& exchange) const {
    if (routing.match) return routing.match;
    if (auto socket_route = responses_socket_route(req, routing, exchange)) {
        exchange.websocket = true;
        return socket_route;
    }
    if (!is_websocket_upgrade(req)) {
        if ((req.method == "GET" || req.method == "HEAD") && serve_static_file(parts_.config.web_root, req.path, res)) {
            return std::nullopt;  // the wizard's files are public
        }
        if (parts_.config.repair_paths) {
            if (auto repaired = repair_miss(req, res, routing, exchange)) return repaired;
        }
    }
    answer_miss(req, res, *routing.diagnosis, exchange);
    return std::nullopt;
}

std::optional<http::ProtocolError> Admission::authenticate(const httplib::Request& req, const Route& route,
                                                           Exchange& exchange) const {
    const Audience audience = route.access == RouteAccess::health ? Audience::health : Audience::api;
    if (key_required(parts_.auth_mode, audience)) {
        const auto key = presented_key(req, route.protocol == Protocol::gemini);
        exchange.key_accepted = key && parts_.keys.accepts(*key);
        if (!exchange.key_accepted) {
            return ProtocolError{
                401, route.protocol,
                std::string(key ? "The API key is not valid for this proxy." : "No API key was sent.") +
                    " Send the key configured for Pathwise in the header " +
                    std::string(key_header_hint(route.protocol)) + ".",
                ""};
        }
    }
    // Health routes are public here, but a caller with the key is shown the upstreams' details.
    if (audience == Audience::health && parts_.auth_mode == config::AuthMode::all_except_health) {
        const auto key = presented_key(req, false);
        exchange.key_accepted = key && parts_.keys.accepts(*key);
    }
    return std::nullopt;
}

Admitted Admission::answer_own_route(const httplib::Request& req, httplib::Response& res, const Route& route,
                                     const Exchange& exchange) const {
    const bool private_route = route.access == RouteAccess::local_diagnostics;
    if (private_route && req.has_header("Origin") &&
        !parts_.access.local_origin(req.get_header_value("Origin"), req.get_header_value("Host"))) {
        return answer(res, {403, Protocol::service,
                            "What Pathwise knows about its own traffic is only shared with local pages, "
                            "whatever cors_origins allows.",
                            "origin_not_allowed"});
    }
    const bool show_details = exchange.key_accepted || parts_.auth_mode == config::AuthMode::off;
    const ServiceContext context{parts_.config, parts_.metrics, parts_.recent, parts_.readiness, show_details};
    answer_service_route(route, context, res);
    return Admitted::answered;
}

Admitted Admission::answer_root(const httplib::Request& req, httplib::Response& res) const {
    const std::string accept = req.get_header_value("Accept");
    const bool wants_json =
        accept.find("application/json") != std::string::npos && accept.find("text/html") == std::string::npos;
    if (wants_json) {
        res.set_content(root_document(origin_for(req)).dump(2, ' ', false, http::kReplaceInvalidUtf8),
                        "application/json");
    } else if (!serve_static_file(parts_.config.web_root, "/", res)) {
        res.set_content(wizard_missing_page(origin_for(req), parts_.config.web_root), "text/html; charset=utf-8");
    }
    res.status = 200;
    return Admitted::answered;
}

std::string Admission::origin_for(const httplib::Request& req) const {
    const std::string host = req.get_header_value("Host");
    if (!host.empty() && parts_.access.host_allowed(host)) return "http://" + host;
    return parts_.listen_origin();
}

}  // namespace pathwise::proxy
