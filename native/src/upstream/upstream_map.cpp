// upstream_map.cpp — see upstream_map.hpp.
#include "upstream/upstream_map.hpp"

#include <algorithm>

namespace pathwise::upstream {

namespace {

const config::UpstreamConfig* configured_upstream(const config::ServeConfig& config, Protocol protocol) {
    const auto found = config.upstreams.find(protocol);
    return found == config.upstreams.end() ? nullptr : &found->second;
}

void point_at_mock(ResolvedUpstream& resolved, const EmbeddedMock& mock) {
    resolved.name = "mock";
    std::string parse_error;
    if (mock.origin.empty() || !parse_upstream_base(mock.origin, resolved.target, parse_error)) {
        const std::string why = mock.origin.empty() ? mock.start_error : parse_error;
        resolved.setup_error = "Pathwise's embedded mock upstream did not start (" + why + ")";
    }
}

void point_at_configured(ResolvedUpstream& resolved) {
    std::string parse_error;
    if (parse_upstream_base(resolved.config.base_url, resolved.target, parse_error)) {
        resolved.name = resolved.target.origin;
        return;
    }
    resolved.name = resolved.config.base_url;
    resolved.setup_error =
        resolved.config_key + " '" + resolved.config.base_url + "' is not a usable URL: " + parse_error;
}

}  // namespace

bool needs_embedded_mock(const config::ServeConfig& config) {
    return std::any_of(kForwardedProtocols.begin(), kForwardedProtocols.end(), [&](Protocol protocol) {
        const config::UpstreamConfig* configured = configured_upstream(config, protocol);
        return configured == nullptr || configured->is_mock();
    });
}

UpstreamMap resolve_upstreams(const config::ServeConfig& config, const EmbeddedMock& mock) {
    UpstreamMap upstreams;
    for (const Protocol protocol : kForwardedProtocols) {
        auto resolved = std::make_shared<ResolvedUpstream>();
        resolved->protocol = protocol;
        if (const config::UpstreamConfig* configured = configured_upstream(config, protocol)) {
            resolved->config = *configured;
        }
        resolved->config_key = "upstreams." + std::string(protocol_name(protocol)) + ".base_url";
        if (resolved->config.is_mock()) {
            point_at_mock(*resolved, mock);
        } else {
            point_at_configured(*resolved);
        }
        // api_key_env was resolved by the config loader, from the environment it was given (an unset variable
        // stops start-up there), so the key is in api_key either way.
        resolved->api_key = resolved->config.api_key;
        for (std::size_t i = 0; i < resolved->config.fallbacks.size(); ++i) {
            auto fallback = std::make_shared<ResolvedUpstream>();
            fallback->protocol = protocol;
            fallback->config = resolved->config.fallbacks[i];
            fallback->config_key =
                "upstreams." + std::string(protocol_name(protocol)) + "[" + std::to_string(i + 1) + "].base_url";
            point_at_configured(*fallback);
            fallback->api_key = fallback->config.api_key;
            resolved->fallbacks.push_back(std::move(fallback));
        }
        upstreams[protocol] = std::move(resolved);
    }
    return upstreams;
}

}  // namespace pathwise::upstream
