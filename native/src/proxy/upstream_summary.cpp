// upstream_summary.cpp — see upstream_summary.hpp.
#include "proxy/upstream_summary.hpp"

#include <array>

#include "pathwise/url.hpp"

namespace pathwise::proxy {

std::string shown_upstream(const config::UpstreamConfig& upstream) {
    if (upstream.is_mock()) return "mock";
    const auto parsed = parse_base_url(upstream.base_url);
    if (!parsed) return "(invalid base URL)";
    return parsed->origin() + parsed->path;
}

nlohmann::json upstream_summary(const config::ServeConfig& config) {
    constexpr std::array kFamilies = {Protocol::openai, Protocol::anthropic, Protocol::gemini};
    nlohmann::json upstreams = nlohmann::json::array();
    for (const Protocol family : kFamilies) {
        const auto found = config.upstreams.find(family);
        const config::UpstreamConfig upstream =
            found != config.upstreams.end() ? found->second : config::UpstreamConfig{};
        upstreams.push_back(
            {{"protocol", protocol_name(family)},
             {"upstream", shown_upstream(upstream)},
             {"speaks", upstream.protocol ? nlohmann::json(translate::protocol_name(*upstream.protocol)) : nullptr},
             {"fallbacks", upstream.fallbacks.size()}});
    }
    return {{"upstreams", upstreams}};
}

}  // namespace pathwise::proxy
