// access_policy.hpp — the "accept" stage for browsers: which Host names may reach the proxy (a DNS-rebinding
// page gets its own name in Host, docs/peers.md 2.6 Ollama) and which web origins may call it (CORS).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathwise::proxy {

class AccessPolicy {
public:
    // `machine_hostname` is this computer's name (gethostname), accepted in Host like Ollama does.
    AccessPolicy(const config::ServeConfig& config, const std::string& machine_hostname);

    // Host header check. Accepted: loopback names and IPs, *.localhost, the machine's hostname, the configured
    // allowed_hosts, the address the proxy is bound to, and, with allow_lan_access, private-network IPs.
    // A missing Host (HTTP/1.0 tools) is accepted: browsers always send one.
    [[nodiscard]] bool host_allowed(std::string_view host_header) const;

    // Origin check: http(s)://localhost|127.0.0.1|[::1] on any port, the configured cors_origins ("*" = any),
    // and the proxy's own origin as the browser reached it (same origin as the Host header).
    [[nodiscard]] bool origin_allowed(std::string_view origin, std::string_view host_header) const;
    // Local pages only (localhost, 127.0.0.1, [::1], or this proxy's own origin), whatever cors_origins says:
    // what the proxy knows about its own traffic (the request log, metrics) is never shared further.
    [[nodiscard]] bool local_origin(std::string_view origin, std::string_view host_header) const;

    // Adds Access-Control-Allow-* headers when the request carries an allowed Origin.
    void add_cors_headers(const httplib::Request& req, httplib::Response& res) const;
    // Answers an OPTIONS preflight: 204 with the CORS headers when allowed, else 403. Never needs a key.
    void answer_preflight(const httplib::Request& req, httplib::Response& res) const;

private:
    std::vector<std::string> allowed_hosts_;  // lower case, without port
    std::vector<std::string> cors_origins_;   // lower case, without trailing '/'
    bool any_origin_ = false;
    bool private_networks_ = false;
    std::string machine_hostname_;
    std::string bound_host_;
};

// "127.0.0.1:8045" → "127.0.0.1"; "[::1]:8045" → "::1"; lower case.
[[nodiscard]] std::string host_without_port(std::string_view host_header);

}  // namespace pathwise::proxy
