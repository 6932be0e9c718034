// access_policy.cpp — see access_policy.hpp.
#include "proxy/access_policy.hpp"

#include <arpa/inet.h>
#include <httplib.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "pathwise/ascii.hpp"
#include "proxy/auth.hpp"

namespace pathwise::proxy {
namespace {

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii::to_lower(c);
    return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_loopback_name(std::string_view host) {
    if (host == "localhost" || ends_with(host, ".localhost") || host == "::1") return true;
    in_addr v4{};
    const std::string text(host);
    return inet_pton(AF_INET, text.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

bool is_private_ip(std::string_view host) {
    const std::string text(host);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        const std::uint32_t ip = ntohl(v4.s_addr);
        return (ip >> 24) == 10 || (ip >> 20) == 0xAC1 /* 172.16/12 */ || (ip >> 16) == 0xC0A8 /* 192.168/16 */ ||
               (ip >> 16) == 0xA9FE /* 169.254/16 */ || (ip >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        const unsigned char first = v6.s6_addr[0];
        return (first & 0xFE) == 0xFC /* fc00::/7 */ ||
               (first == 0xFE && (v6.s6_addr[1] & 0xC0) == 0x80) /* fe80::/10 */;
    }
    return false;
}

// "http://localhost:5173" → {scheme "http", host "localhost"}; false when it is not an http(s) origin.
bool split_origin(std::string_view origin, std::string& scheme, std::string& host_and_port) {
    const auto separator = origin.find("://");
    if (separator == std::string_view::npos) return false;
    scheme = to_lower(origin.substr(0, separator));
    if (scheme != "http" && scheme != "https") return false;
    host_and_port = to_lower(origin.substr(separator + 3));
    return !host_and_port.empty() && host_and_port.find('/') == std::string::npos;
}

std::string without_trailing_slash(std::string text) {
    while (!text.empty() && text.back() == '/') text.pop_back();
    return text;
}

}  // namespace

std::string host_without_port(std::string_view host_header) {
    std::string host = to_lower(host_header);
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        return close == std::string::npos ? host : host.substr(1, close - 1);
    }
    const auto colon = host.rfind(':');
    if (colon != std::string::npos && host.find(':') == colon) host.resize(colon);  // not a bare IPv6 literal
    while (!host.empty() && host.back() == '.') host.pop_back();                    // "localhost." is localhost
    return host;
}

AccessPolicy::AccessPolicy(const config::ServeConfig& config, const std::string& machine_hostname)
    : private_networks_(reachable_from_lan(config)),
      machine_hostname_(to_lower(machine_hostname)),
      bound_host_(host_without_port(config.host)) {
    for (const auto& host : config.allowed_hosts) allowed_hosts_.push_back(host_without_port(host));
    for (const auto& origin : config.cors_origins) {
        if (origin == "*")
            any_origin_ = true;
        else
            cors_origins_.push_back(without_trailing_slash(to_lower(origin)));
    }
}

bool AccessPolicy::host_allowed(std::string_view host_header) const {
    if (host_header.empty()) return true;
    const std::string host = host_without_port(host_header);
    if (is_loopback_name(host)) return true;
    if (!machine_hostname_.empty() && (host == machine_hostname_ || host == machine_hostname_ + ".local")) return true;
    if (std::find(allowed_hosts_.begin(), allowed_hosts_.end(), host) != allowed_hosts_.end()) return true;
    if (!bound_host_.empty() && bound_host_ != "0.0.0.0" && bound_host_ != "::" && host == bound_host_) return true;
    return private_networks_ && is_private_ip(host);
}

bool AccessPolicy::local_origin(std::string_view origin, std::string_view host_header) const {
    std::string scheme;
    std::string host_and_port;
    if (!split_origin(origin, scheme, host_and_port)) return false;
    const std::string host = host_without_port(host_and_port);
    if (host == "localhost" || host == "127.0.0.1" || host == "::1") return true;
    // Same origin: the wizard served by this proxy, reached under a name that passed the Host check.
    return !host_header.empty() && host_and_port == to_lower(host_header) && host_allowed(host_header);
}

bool AccessPolicy::origin_allowed(std::string_view origin, std::string_view host_header) const {
    if (any_origin_ || local_origin(origin, host_header)) return true;
    return std::find(cors_origins_.begin(), cors_origins_.end(), without_trailing_slash(to_lower(origin))) !=
           cors_origins_.end();
}

void AccessPolicy::add_cors_headers(const httplib::Request& req, httplib::Response& res) const {
    if (!req.has_header("Origin")) return;
    const std::string origin = req.get_header_value("Origin");
    if (!origin_allowed(origin, req.get_header_value("Host"))) return;
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Expose-Headers", "X-Pathwise-Repaired, Retry-After, X-Should-Retry");
}

void AccessPolicy::answer_preflight(const httplib::Request& req, httplib::Response& res) const {
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || !origin_allowed(origin, req.get_header_value("Host"))) {
        res.status = 403;
        return;
    }
    add_cors_headers(req, res);
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    // Echo what the browser asks for: the SDKs send many x-stainless-* and anthropic-* headers.
    const std::string requested = req.get_header_value("Access-Control-Request-Headers");
    res.set_header(
        "Access-Control-Allow-Headers",
        requested.empty() ? "Authorization, Content-Type, x-api-key, x-goog-api-key, anthropic-version" : requested);
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
}

}  // namespace pathwise::proxy
