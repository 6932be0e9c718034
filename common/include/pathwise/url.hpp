// url.hpp — parse what people actually paste as a base URL into a typed value.
//
//   auto url = pathwise::parse_base_url(" '127.0.0.1:8045/v1/' ");
//   if (!url) std::puts(url.error().message.c_str());
//   url->origin();   // "http://127.0.0.1:8045"
//   url->path;       // "/v1/"   (kept as typed: clients differ in how they treat the trailing slash)
#pragma once

#include <string>
#include <string_view>

#include "pathwise/result.hpp"

namespace pathwise {

struct BaseUrl {
    std::string scheme;  // "http" or "https", lower case
    std::string host;    // lower case; IPv6 literals without brackets ("::1")
    int port = 0;        // explicit or the scheme's default (80/443)
    bool port_explicit = false;
    std::string path;                 // as typed after the authority ("" when none); `//` inside kept verbatim
    std::string query;                // without '?', "" when none
    std::string fragment;             // without '#', "" when none
    bool scheme_was_guessed = false;  // "localhost:8045" → http, "api.x.com" → https

    [[nodiscard]] bool is_ipv6() const;
    [[nodiscard]] bool is_loopback() const;  // localhost, 127.0.0.0/8, ::1
    // "http://127.0.0.1:8045" — the default port is left out, IPv6 gets brackets.
    [[nodiscard]] std::string origin() const;
    // origin() + path (+ "?" query) (+ "#" fragment): what the client sees as its base URL string.
    [[nodiscard]] std::string to_string() const;
};

// Accepts: surrounding whitespace and quotes ('…', "…", `…`, <…>, “…”), a missing scheme (loopback,
// 0.0.0.0 and private LAN IPv4 such as 192.168.x.x → http, anything else → https; an explicit :443 → https,
// :80 → http), upper-case scheme/host, IPv6 literals, default ports, trailing slashes, `//` in the path, query
// and fragment, and a label glued on by ':' or '=' ("Base URL: http://…", `export OPENAI_BASE_URL="http://…"`).
// Error codes: "empty", "bad_scheme" (also typos like "http:/host", with the corrected URL in the message),
// "bad_port", "space_inside" (also tabs and invisible characters such as U+00A0), "no_host", "bad_host",
// "not_a_url", "credentials" (user:pass@ is refused: secrets must not travel in base URLs or share links).
[[nodiscard]] Result<BaseUrl> parse_base_url(std::string_view text);

// Splits "/a/b?x=1" into path and query ("/a/b", "x=1").
struct PathAndQuery {
    std::string_view path;
    std::string_view query;
};
[[nodiscard]] PathAndQuery split_query(std::string_view target);

// "/v1//chat/completions/" → "/v1/chat/completions/" (collapses runs of '/'; keeps a trailing one).
[[nodiscard]] std::string collapse_slashes(std::string_view path);

}  // namespace pathwise
