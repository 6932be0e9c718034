// admission.hpp — the gate every request passes before its body is read, as named steps:
//   accept (Host, clean headers, CORS, size and path limits, body encoding) → match the route (or answer
//   the miss) → authenticate → answer the proxy's own routes; what is left is forwarded.
//
//   Admission gate(parts);
//   if (gate.admit(req, res, exchange) == Admitted::to_forward) … exchange.match, exchange.upstream_path
//
// It runs as httplib's pre-routing handler, so a wrong path or a missing key never makes us read a 32 MB upload.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "http/protocol_error.hpp"
#include "pathwise/diagnosis.hpp"
#include "proxy/access_policy.hpp"
#include "proxy/auth.hpp"
#include "proxy/exchange.hpp"
#include "proxy/metrics.hpp"
#include "proxy/request_log.hpp"
#include "upstream/readiness.hpp"

namespace pathwise::proxy {

enum class Admitted : unsigned char {
    answered,    // `res` holds the answer (a refusal, a miss, a service route, the wizard)
    to_forward,  // exchange.match and exchange.upstream_path say where the forwarder sends it
};

class Admission {
public:
    // What the gate reads; everything must outlive it.
    struct Parts {
        const config::ServeConfig& config;
        const AccessPolicy& access;
        config::AuthMode auth_mode;
        const KeyChecker& keys;
        const Metrics& metrics;
        const RecentRequests& recent;
        // The upstreams' reachability for /readyz (cached by the caller).
        std::function<std::vector<upstream::ProtocolReadiness>()> readiness;
        // Where the proxy listens, "http://127.0.0.1:8045" (known once the port is bound).
        std::function<std::string()> listen_origin;
    };
    explicit Admission(Parts parts) : parts_(std::move(parts)) {}

    [[nodiscard]] Admitted admit(const httplib::Request& req, httplib::Response& res, Exchange& exchange) const;

    // The origin clients should type: the Host they used (when it passes the Host check), else the listen address.
    [[nodiscard]] std::string origin_for(const httplib::Request& req) const;

private:
    [[nodiscard]] std::optional<RouteMatch> match_or_answer_miss(const httplib::Request& req, httplib::Response& res,
                                                                 const RequestRouting& routing,
                                                                 Exchange& exchange) const;
    [[nodiscard]] std::optional<RouteMatch> responses_socket_route(const httplib::Request& req,
                                                                   const RequestRouting& routing,
                                                                   Exchange& exchange) const;
    [[nodiscard]] std::optional<http::ProtocolError> authenticate(const httplib::Request& req, const Route& route,
                                                                  Exchange& exchange) const;
    [[nodiscard]] Admitted answer_own_route(const httplib::Request& req, httplib::Response& res, const Route& route,
                                            const Exchange& exchange) const;
    [[nodiscard]] Admitted answer_root(const httplib::Request& req, httplib::Response& res) const;

    Parts parts_;
};

}  // namespace pathwise::proxy
