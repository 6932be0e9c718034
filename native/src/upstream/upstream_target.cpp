#include "upstream/upstream_target.hpp"

#include "pathwise/url.hpp"

namespace pathwise::upstream {

bool parse_upstream_base(std::string_view base_url, UpstreamTarget& target, std::string& error) {
    auto parsed = parse_base_url(base_url);
    if (!parsed) {
        error = parsed.error().message;
        return false;
    }
    target.origin = parsed->origin();
    target.scheme = parsed->scheme;
    target.host = parsed->host;
    target.port = parsed->port;
    std::string prefix = collapse_slashes(parsed->path);
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    target.path_prefix = prefix;
    return true;
}

std::string upstream_path(std::string_view path_prefix, std::string_view route_path) {
    if (path_prefix.empty()) return std::string(route_path);
    // "/v1" + "/v1/chat/completions": the prefix's last segment is the route's first one → join once.
    const std::size_t last_slash = path_prefix.rfind('/');
    const std::string_view last_segment = path_prefix.substr(last_slash);  // "/v1"
    if (route_path.substr(0, last_segment.size()) == last_segment &&
        (route_path.size() == last_segment.size() || route_path[last_segment.size()] == '/' ||
         route_path[last_segment.size()] == '?')) {
        return std::string(path_prefix.substr(0, last_slash)) + std::string(route_path);
    }
    return std::string(path_prefix) + std::string(route_path);
}

}  // namespace pathwise::upstream
