// load.cpp — see load.hpp. Each source is its own file: config_file, environment, flags.
#include "config/load.hpp"

#include <algorithm>

#include "config/config_file.hpp"
#include "config/environment.hpp"
#include "config/flags.hpp"

namespace pathwise::config {
namespace {

// "" or why this configuration must not run: reachable from the LAN without a key, CORS '*' without auth, …
std::string refuse_unsafe(const ServeConfig& config) {
    // What decides auth is the address actually bound, not the flag: 0.0.0.0 or a LAN address is reachable
    // from the network whichever way it was asked for.
    const bool lan = reachable_from_lan(config);
    const std::string why_lan = config.allow_lan_access ? std::string("allow_lan_access is on")
                                                        : "the proxy listens on " + config.host + ", not on loopback";
    if (lan && config.api_keys.empty()) {
        return why_lan +
               " but no API key is configured, so anyone on your network could use this proxy (and the "
               "upstream keys behind it). Set a key with --api-key KEY, PATHWISE_API_KEY or \"api_keys\" in the config "
               "file, or listen on 127.0.0.1 only.";
    }
    if (lan && config.auth_mode == AuthMode::off) {
        return why_lan +
               " and auth_mode is off, so anyone on your network could use this proxy. Use "
               "--auth-mode all_except_health (or strict, or auto) with your API key, or listen on "
               "127.0.0.1 only.";
    }
    const AuthMode effective = effective_auth_mode(config);
    const bool any_origin =
        std::find(config.cors_origins.begin(), config.cors_origins.end(), "*") != config.cors_origins.end();
    if (any_origin && effective == AuthMode::off) {
        return "cors_origins '*' with auth off would let any web page you visit use this proxy and "
               "read its request log. Set an API key and --auth-mode strict (or all_except_health), or "
               "list the origins you trust instead of '*'.";
    }
    if ((effective == AuthMode::strict || effective == AuthMode::all_except_health) && config.api_keys.empty()) {
        return "auth_mode " + std::string(auth_mode_name(config.auth_mode)) +
               " needs at least one API key: set --api-key KEY, PATHWISE_API_KEY or \"api_keys\" in the "
               "config file, or use --auth-mode off.";
    }
    return "";
}

// One upstream's api_key_env (`where` names it for the message).
std::string resolve_key_variable(UpstreamConfig& upstream, const Environment& environment, const std::string& where) {
    if (!upstream.api_key.empty() || upstream.api_key_env.empty()) return "";
    const auto found = environment.find(upstream.api_key_env);
    if (found == environment.end() || found->second.empty()) {
        return where + ".api_key_env names " + upstream.api_key_env + ", which is not set in the environment";
    }
    upstream.api_key = found->second;
    return "";
}

// upstreams.*.api_key_env (fallbacks included) names a variable of the environment the loader was given.
std::string resolve_key_variables(ServeConfig& config, const Environment& environment) {
    for (auto& [protocol, upstream] : config.upstreams) {
        const std::string where = "upstreams." + std::string(protocol_name(protocol));
        if (auto error = resolve_key_variable(upstream, environment, where); !error.empty()) return error;
        for (std::size_t i = 0; i < upstream.fallbacks.size(); ++i) {
            if (auto error =
                    resolve_key_variable(upstream.fallbacks[i], environment, where + "[" + std::to_string(i + 1) + "]");
                !error.empty()) {
                return error;
            }
        }
    }
    return "";
}

}  // namespace

Result<ServeConfig> load_serve_config(const std::vector<std::string>& args, const Environment& environment,
                                      std::vector<std::string>& warnings) {
    auto flags = parse_flags(args);
    if (!flags) return flags.error();
    ServeConfig config;
    Provenance provenance;

    // 1. The file.
    if (auto error = apply_config_file(config, provenance, flags->config_path, environment); !error.empty()) {
        return config_error(error);
    }
    // 2. The environment.
    if (auto error = apply_environment(config, provenance, environment, warnings); !error.empty()) {
        return config_error(error);
    }
    // 3. The flags.
    for (const auto& [setting, value] : flags->values) {
        if (auto error = apply_setting(config, provenance, *setting, value); !error.empty()) {
            return usage_error(flag_of(*setting) + " " + error);
        }
    }
    for (const auto& [protocol, url] : flags->upstreams) config.upstreams[protocol].base_url = url;
    for (const auto& [protocol, speaks] : flags->upstream_protocols) config.upstreams[protocol].protocol = speaks;

    // Derived values and safety checks.
    if (!provenance.web_root_set) config.web_root = PATHWISE_DEFAULT_WEB_ROOT;
    if (config.allow_lan_access && !provenance.host_set) config.host = "0.0.0.0";
    config.api_keys.erase(std::remove(config.api_keys.begin(), config.api_keys.end(), std::string()),
                          config.api_keys.end());
    if (auto error = refuse_unsafe(config); !error.empty()) return config_error(error);
    if (auto error = resolve_key_variables(config, environment); !error.empty()) return config_error(error);
    return config;
}

}  // namespace pathwise::config
