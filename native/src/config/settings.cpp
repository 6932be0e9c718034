// settings.cpp — the facts derived from a loaded configuration (see settings.hpp).
#include "config/settings.hpp"

#include "http/guarded_server.hpp"
#include "pathwise/ascii.hpp"

namespace pathwise::config {

bool reachable_from_lan(const ServeConfig& config) {
    if (config.allow_lan_access) return true;
    std::string host = config.host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    // Any name other than localhost resolves to whatever the network says.
    return !ascii::iequals(host, "localhost") && !http::is_loopback_address(host);
}

AuthMode effective_auth_mode(const ServeConfig& config) {
    if (config.auth_mode != AuthMode::auto_) return config.auth_mode;
    return reachable_from_lan(config) ? AuthMode::all_except_health : AuthMode::off;
}

std::string_view auth_mode_name(AuthMode mode) {
    switch (mode) {
        case AuthMode::off:
            return "off";
        case AuthMode::strict:
            return "strict";
        case AuthMode::all_except_health:
            return "all_except_health";
        case AuthMode::auto_:
            break;
    }
    return "auto";
}

std::optional<AuthMode> parse_auth_mode(std::string_view text) {
    for (const AuthMode mode : {AuthMode::off, AuthMode::strict, AuthMode::all_except_health, AuthMode::auto_}) {
        if (text == auth_mode_name(mode)) return mode;
    }
    return std::nullopt;
}

}  // namespace pathwise::config
