// upstream_summary.hpp — GET /_pathwise/upstreams: what serves each inbound protocol, for the wizard's
// "served by" lines. Never a key: the URL is shown without its query, fragment or credentials.
//
//   upstream_summary(config);
//   // {"upstreams":[{"protocol":"anthropic","upstream":"http://127.0.0.1:11434/v1","speaks":"openai-chat",
//   //                "fallbacks":0}, …]}   one entry per protocol family, a missing one = "mock"
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "config/settings.hpp"

namespace pathwise::proxy {

// "mock" for the embedded mock; else origin + path of the base URL (no user:pass@, ?key=…, #…); a base URL
// that does not parse is named "(invalid base URL)", never echoed.
[[nodiscard]] std::string shown_upstream(const config::UpstreamConfig& upstream);

// `speaks` is the declared protocol, or null when the config did not say (each call passes in its own protocol).
[[nodiscard]] nlohmann::json upstream_summary(const config::ServeConfig& config);

}  // namespace pathwise::proxy
