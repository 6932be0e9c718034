// service_routes.hpp — the proxy's own routes (route table, Protocol::service): one handler per route id.
//
//   answer_service_route(*find_route("healthz"), context, res);   // {"status":"ok","version":"…"}
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "pathwise/route_table.hpp"
#include "proxy/metrics.hpp"
#include "proxy/request_log.hpp"
#include "upstream/readiness.hpp"

namespace httplib {
struct Response;
}

namespace pathwise::proxy {

struct ServiceContext {
    const config::ServeConfig& config;  // /_pathwise/upstreams describes its upstreams (never their keys)
    const Metrics& metrics;
    const RecentRequests& recent;
    // The upstreams' reachability for /readyz (the caller caches it: probing connects to every upstream).
    std::function<std::vector<upstream::ProtocolReadiness>()> readiness;
    bool show_details = false;  // a key was accepted (or auth is off): only then does /readyz name the upstreams
};

// Answers a service route; a route without a handler gets a 501 (tests/native/route_facts_test.cpp makes sure
// every service route in the table has one).
void answer_service_route(const Route& route, const ServiceContext& context, httplib::Response& res);
[[nodiscard]] bool has_service_handler(std::string_view route_id);

}  // namespace pathwise::proxy
