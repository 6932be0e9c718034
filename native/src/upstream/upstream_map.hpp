// upstream_map.hpp — which upstream each forwarded protocol goes to, resolved once at start-up from the settings.
// A protocol with no upstream configured goes to the embedded mock, which `serve` starts and whose origin it
// hands in here: the forwarder only ever sees the resolved map.
//
//   if (upstream::needs_embedded_mock(config)) mock = mock::MockServer::start(options, error);
//   auto upstreams = upstream::resolve_upstreams(config, {mock ? mock->origin() : "", error});
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "pathwise/route_table.hpp"
#include "upstream/upstream_target.hpp"

namespace pathwise::upstream {

// One protocol's upstream, as every request to it uses it.
struct ResolvedUpstream {
    Protocol protocol = Protocol::openai;
    std::string name;        // "mock" or the origin, for records and messages
    std::string config_key;  // "upstreams.openai.base_url": what the person should check
    UpstreamTarget target;
    std::string api_key;            // from api_key or $api_key_env; "" = pass the client's key through
    config::UpstreamConfig config;  // timeouts, headers, model map, ca_file
    std::string setup_error;        // non-empty: every request answers 502 with this (bad base_url, mock down)
    // Tried in order after this one fails before the client got a byte (config.fallbacks, resolved).
    std::vector<std::shared_ptr<const ResolvedUpstream>> fallbacks;
};

inline constexpr std::array<Protocol, 3> kForwardedProtocols = {Protocol::openai, Protocol::anthropic,
                                                                Protocol::gemini};

// One entry per forwarded protocol; an upstream that cannot be used carries its setup_error (every request to it
// answers 502 with that text, and /readyz reports it).
using UpstreamMap = std::map<Protocol, std::shared_ptr<const ResolvedUpstream>>;

struct EmbeddedMock {
    std::string origin;       // "http://127.0.0.1:41234"; "" when it is not running
    std::string start_error;  // why it did not start, when it was needed
};

// True when some forwarded protocol has no upstream configured, so the embedded mock must answer for it.
[[nodiscard]] bool needs_embedded_mock(const config::ServeConfig& config);

// The upstream of every forwarded protocol: the configured base URL, or `mock` (named "mock" in records,
// messages and /readyz) when none is configured.
[[nodiscard]] UpstreamMap resolve_upstreams(const config::ServeConfig& config, const EmbeddedMock& mock);

}  // namespace pathwise::upstream
