// miss.cpp — the answer to a request that matches no route (see miss.hpp).
#include "proxy/miss.hpp"

#include <string>

#include "http/protocol_error.hpp"
#include "pathwise/client_identity.hpp"
#include "proxy/request_traits.hpp"

namespace pathwise::proxy {
namespace {

nlohmann::json details_of(const Diagnosis& diagnosis) {
    return {{"diagnosis", diagnosis_kind_name(diagnosis.kind)},
            {"intended_path", diagnosis.intended_path},
            {"intended_route", diagnosis.intended ? diagnosis.intended->id : ""},
            {"wrong_part", diagnosis.wrong_part},
            {"fixed_base_url", diagnosis.fixed_base_url}};
}

}  // namespace

std::optional<RouteMatch> repair_miss(const httplib::Request& req, httplib::Response& res,
                                      const RequestRouting& routing, Exchange& exchange) {
    if (!routing.repaired || !routing.diagnosis) return std::nullopt;
    const std::string& intended_path = routing.diagnosis->intended_path;
    exchange.record.repaired_to = intended_path;
    res.set_header("X-Pathwise-Repaired", req.path + " -> " + intended_path);
    return routing.repaired;
}

void answer_miss(const httplib::Request& req, httplib::Response& res, const Diagnosis& diagnosis, Exchange& exchange) {
    exchange.protocol = diagnosis.protocol;
    exchange.record.diagnosis_kind = std::string(diagnosis_kind_name(diagnosis.kind));
    exchange.record.diagnosis = explain(diagnosis, Lang::en);
    exchange.record.fixed_base_url = diagnosis.fixed_base_url;
    nlohmann::json details = details_of(diagnosis);
    std::string message = explain(diagnosis, request_lang(req));
    // Who sent it, from its own headers, and what that client must change: a 404 that names the setting.
    const auto who = identify_client({req.get_header_value("User-Agent"), req.get_header_value("x-goog-api-client")},
                                     diagnosis.protocol, diagnosis.intended);
    if (who) {
        const ClientFix fix = fix_for(*who, diagnosis.proxy_origin);
        exchange.record.client = std::string(who->client->id);
        exchange.record.client_version = who->version;
        exchange.record.client_fix = explain_fix(fix, Lang::en);
        message += " " + explain_fix(fix, request_lang(req));
        details["client"] = who->client->id;
        details["client_version"] = who->version;
        details["client_base_url"] = fix.base_url;
        details["client_setting"] = fix.where;
        details["configure"] = fix.configure;
    }
    if (diagnosis.kind == DiagnosisKind::websocket_upgrade || is_websocket_upgrade(req)) {
        // Codex tries the Responses WebSocket 7 times before POSTing (docs/clients.md 1.6): a non-101 answer
        // right away makes it fall back to POST at once.
        http::send_error(
            res, {426, Protocol::openai,
                  "WebSockets are not supported by this proxy; send the request with POST " +
                      (diagnosis.intended_path.empty() ? std::string("/v1/responses") : diagnosis.intended_path) +
                      " instead.",
                  "websocket_not_supported", details});
        return;
    }
    if (diagnosis.kind == DiagnosisKind::wrong_method && diagnosis.intended != nullptr) {
        const std::string allowed(method_name(diagnosis.intended->method));
        res.set_header("Allow", allowed == "GET" ? "GET, HEAD" : allowed);
        http::send_error(res, {405, diagnosis.protocol, message, "method_not_allowed", details});
        return;
    }
    http::send_error(res, {404, diagnosis.protocol, message, "path_not_found", details});
}

Lang request_lang(const httplib::Request& req) {
    if (req.has_param("lang")) {
        if (const auto lang = parse_lang(req.get_param_value("lang"))) return *lang;
    }
    const std::string accept_language = req.get_header_value("Accept-Language");
    if (!accept_language.empty()) {
        if (const auto lang = parse_lang(accept_language.substr(0, accept_language.find_first_of(",;")))) return *lang;
    }
    return Lang::en;
}

}  // namespace pathwise::proxy
