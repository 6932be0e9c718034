// service_routes.cpp — see service_routes.hpp. Adding a service route: its line in common/src/route_table.cpp,
// its handler in kHandlers below.
#include "proxy/service_routes.hpp"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/json_text.hpp"
#include "http/protocol_error.hpp"
#include "proxy/upstream_summary.hpp"

namespace pathwise::proxy {
namespace {

// "service" lets `pathwise scan` tell a Pathwise from any server that answers 200; the auth mode and the WebSocket
// bridge are what a client's config must match (`pathwise configure`). Names only: never a key.
void healthz(const ServiceContext& context, httplib::Response& res) {
    res.status = 200;
    res.set_content(
        http::json_text(nlohmann::json{{"status", "ok"},
                                       {"service", "pathwise"},
                                       {"version", PATHWISE_VERSION},
                                       {"auth", config::auth_mode_name(config::effective_auth_mode(context.config))},
                                       {"responses_websocket", context.config.responses_websocket}}),
        "application/json");
}

nlohmann::json candidate_json(const upstream::CandidateReadiness& candidate) {
    return {{"upstream", candidate.upstream}, {"reachable", candidate.reachable}, {"error", candidate.error}};
}

// One entry per protocol: its primary's fields as before (upstream, reachable, error), then "serving" (the
// candidate a request reaches first, null when none) and "fallbacks" (each one probed, in order).
nlohmann::json protocol_json(const upstream::ProtocolReadiness& status) {
    nlohmann::json entry = candidate_json(status.primary);
    entry["protocol"] = protocol_name(status.protocol);
    const upstream::CandidateReadiness* serving = status.serving();
    entry["serving"] = serving ? nlohmann::json(serving->upstream) : nlohmann::json();
    entry["fallbacks"] = nlohmann::json::array();
    for (const auto& fallback : status.fallbacks) entry["fallbacks"].push_back(candidate_json(fallback));
    return entry;
}

// Why not ready, naming the protocols only: the public /readyz must not say where the upstreams are.
std::string not_ready_message(const std::vector<std::string>& unserved) {
    std::string names;
    for (const std::string& name : unserved) names += (names.empty() ? "" : ", ") + name;
    return "No reachable upstream for " + names + ": the primary and every fallback failed to connect.";
}

// Ready = every protocol has a reachable candidate, its primary or one of its fallbacks.
void readyz(const ServiceContext& context, httplib::Response& res) {
    nlohmann::json upstreams = nlohmann::json::array();
    std::vector<std::string> unserved;
    for (const auto& status : context.readiness()) {
        if (status.serving() == nullptr) unserved.emplace_back(protocol_name(status.protocol));
        upstreams.push_back(protocol_json(status));
    }
    nlohmann::json body = {{"status", unserved.empty() ? "ready" : "not_ready"}};
    if (!unserved.empty()) body["message"] = not_ready_message(unserved);
    if (context.show_details) body["upstreams"] = upstreams;
    res.status = unserved.empty() ? 200 : 503;
    res.set_content(http::json_text(body), "application/json");
}

void metrics(const ServiceContext& context, httplib::Response& res) {
    res.status = 200;
    res.set_content(context.metrics.prometheus_text(), "text/plain; version=0.0.4; charset=utf-8");
}

void recent_requests(const ServiceContext& context, httplib::Response& res) {
    res.status = 200;
    res.set_content(http::json_text(context.recent.to_json()), "application/json");
}

// Which upstream serves each protocol and what it speaks, so the wizard can say "pass-through" or "translated".
// Keys never appear (upstream_summary.hpp); like the requests feed, it needs the proxy key when auth is on.
void upstreams(const ServiceContext& context, httplib::Response& res) {
    res.status = 200;
    res.set_content(http::json_text(upstream_summary(context.config)), "application/json");
}

struct ServiceHandler {
    std::string_view route_id;
    void (*answer)(const ServiceContext& context, httplib::Response& res);
};
constexpr std::array kHandlers = {
    ServiceHandler{"healthz", healthz},
    ServiceHandler{"readyz", readyz},
    ServiceHandler{"metrics", metrics},
    ServiceHandler{"pathwise.requests", recent_requests},
    ServiceHandler{"pathwise.upstreams", upstreams},
};

}  // namespace

void answer_service_route(const Route& route, const ServiceContext& context, httplib::Response& res) {
    for (const ServiceHandler& handler : kHandlers) {
        if (handler.route_id == route.id) return handler.answer(context, res);
    }
    http::send_error(res, {501, Protocol::service, "Route " + std::string(route.id) + " is not served here.", ""});
}

bool has_service_handler(std::string_view route_id) {
    return std::any_of(kHandlers.begin(), kHandlers.end(),
                       [&](const ServiceHandler& handler) { return handler.route_id == route_id; });
}

}  // namespace pathwise::proxy
