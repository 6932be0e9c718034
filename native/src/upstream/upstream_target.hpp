// upstream_target.hpp — where a request goes: the upstream's origin and the path to ask there.
//
// The rule for `upstreams.<protocol>.base_url`:
//   * an origin                      https://api.openai.com      + /v1/chat/completions
//                                    → https://api.openai.com/v1/chat/completions
//   * an origin with a path prefix   https://gw.example.com/openai + /v1/chat/completions
//                                    → https://gw.example.com/openai/v1/chat/completions
//   * a base that already ends with the route's version segment (what people copy from provider docs)
//                                    https://api.openai.com/v1   + /v1/chat/completions
//                                    → https://api.openai.com/v1/chat/completions   (never /v1/v1/…)
#pragma once

#include <string>
#include <string_view>

namespace pathwise::upstream {

struct UpstreamTarget {
    std::string origin;  // "https://api.openai.com" (what the record and messages name)
    std::string scheme;  // "http" / "https"
    std::string host;
    int port = 0;
    std::string path_prefix;  // "" or "/openai" (no trailing '/')
};

// Parses a configured base URL; false with `error` set when it is not an http(s) URL.
[[nodiscard]] bool parse_upstream_base(std::string_view base_url, UpstreamTarget& target, std::string& error);

// The path to request upstream for `route_path` (which starts with '/'; a query is kept as is).
[[nodiscard]] std::string upstream_path(std::string_view path_prefix, std::string_view route_path);

}  // namespace pathwise::upstream
