// url.cpp — turns what people paste as a base URL into a BaseUrl, or an error that says what to change.
#include "pathwise/url.hpp"

#include <array>
#include <cstddef>
#include <optional>

#include "pathwise/ascii.hpp"

namespace pathwise {
namespace {

constexpr std::string_view kExample = "http://127.0.0.1:8045";

using ascii::is_alpha;
using ascii::is_digit;

constexpr bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Bytes of "invisible" characters that arrive with copy-paste from chat apps and web pages:
// U+00A0 no-break space, U+200B zero-width space, U+FEFF byte-order mark.
std::size_t invisible_char_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) -> unsigned {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U;
    };
    const unsigned c = byte(at);
    if (c > ' ' && c < 0x7f) return 0;  // the common case: a visible ASCII character
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c < 0x20 || c == 0x7f) return 1;
    if (c == 0xC2 && byte(at + 1) == 0xA0) return 2;
    if (c == 0xE2 && byte(at + 1) == 0x80 && byte(at + 2) == 0x8B) return 3;
    if (c == 0xEF && byte(at + 1) == 0xBB && byte(at + 2) == 0xBF) return 3;
    return 0;
}

std::string_view trim_invisible(std::string_view text) {
    for (;;) {
        const std::size_t n = invisible_char_length(text, 0);
        if (n == 0 || text.empty()) break;
        text.remove_prefix(n);
    }
    for (;;) {
        bool trimmed = false;
        for (std::size_t n = 1; n <= 3 && n <= text.size(); ++n) {
            if (invisible_char_length(text, text.size() - n) == n) {
                text.remove_suffix(n);
                trimmed = true;
                break;
            }
        }
        if (!trimmed) break;
    }
    return text;
}

std::size_t first_invisible(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (invisible_char_length(text, i) != 0) return i;
    }
    return std::string_view::npos;
}

// '…', "…", `…`, <…>, and the typographic “…” / ‘…’ that word processors and chat apps substitute.
std::string_view strip_quotes_and_whitespace(std::string_view text) {
    struct Pair {
        std::string_view open, close;
    };
    constexpr std::array kPairs = {Pair{"'", "'"},
                                   Pair{"\"", "\""},
                                   Pair{"`", "`"},
                                   Pair{"<", ">"},
                                   Pair{"\xE2\x80\x9C", "\xE2\x80\x9D"},
                                   Pair{"\xE2\x80\x98", "\xE2\x80\x99"}};
    text = trim_invisible(text);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const Pair& pair : kPairs) {
            if (text.size() >= pair.open.size() + pair.close.size() && text.substr(0, pair.open.size()) == pair.open &&
                text.substr(text.size() - pair.close.size()) == pair.close) {
                text =
                    trim_invisible(text.substr(pair.open.size(), text.size() - pair.open.size() - pair.close.size()));
                stripped = true;
                break;
            }
        }
    }
    return text;
}

// "Base URL: http://…", "OPENAI_BASE_URL=http://…", `export ANTHROPIC_BASE_URL="http://…"`: a label glued
// to the URL by ':' or '=' is dropped. Prose ("my proxy is http://…") has no such separator and is kept.
std::string_view strip_label(std::string_view text) {
    if (ascii::istarts_with(text, "http")) return text;  // already starts like a URL: nothing to strip
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 1; i + 7 <= text.size(); ++i) {
        if (ascii::istarts_with(text.substr(i), "http://") || ascii::istarts_with(text.substr(i), "https://")) {
            start = i;
            break;
        }
    }
    if (start == std::string_view::npos) return text;
    std::string_view label = text.substr(0, start);
    while (!label.empty() && (label.back() == ' ' || label.back() == '"' || label.back() == '\''))
        label.remove_suffix(1);
    if (label.size() < 2 || (label.back() != ':' && label.back() != '=')) return text;
    for (const char c : label.substr(0, label.size() - 1)) {
        if (!is_alpha(c) && !is_digit(c) && c != '_' && c != ' ' && c != '$' && c != ':') return text;
    }
    std::string_view url = text.substr(start);
    const char opening = text[start - 1];
    if ((opening == '"' || opening == '\'') && !url.empty() && url.back() == opening) url.remove_suffix(1);
    return strip_quotes_and_whitespace(url);
}

Error error(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

struct Ipv4 {
    std::array<int, 4> octets{};
};

// Only the dotted-quad form: "127.1" or "0x7f.0.0.1" are legal for some parsers but never what a person means.
bool parse_ipv4(std::string_view host, Ipv4& out) {
    std::size_t part = 0;
    int value = -1;
    for (const char c : host) {
        if (c == '.') {
            if (value < 0 || part == 3) return false;
            out.octets[part++] = value;
            value = -1;
        } else if (is_digit(c)) {
            value = (value < 0 ? 0 : value * 10) + (c - '0');
            if (value > 255) return false;
        } else {
            return false;
        }
    }
    if (value < 0 || part != 3) return false;
    out.octets[3] = value;
    return true;
}

bool looks_numeric(std::string_view host) {
    for (const char c : host) {
        if (!is_digit(c) && c != '.') return false;
    }
    return !host.empty();
}

bool is_valid_ipv6(std::string_view host) {
    if (host.size() < 2) return false;
    std::size_t groups = 0;
    bool has_double_colon = false;
    bool embedded_ipv4 = false;
    std::size_t i = 0;
    if (host.substr(0, 2) == "::") {
        has_double_colon = true;
        i = 2;
    } else if (host.front() == ':') {
        return false;
    }
    while (i < host.size()) {
        std::size_t end = host.find(':', i);
        if (end == std::string_view::npos) end = host.size();
        const std::string_view group = host.substr(i, end - i);
        if (group.find('.') != std::string_view::npos) {
            Ipv4 ignored;
            if (end != host.size() || !parse_ipv4(group, ignored)) return false;
            embedded_ipv4 = true;
        } else {
            if (group.empty() || group.size() > 4) return false;
            for (const char c : group) {
                if (!is_hex(c)) return false;
            }
            ++groups;
        }
        if (end == host.size()) break;
        if (end + 1 < host.size() && host[end + 1] == ':') {
            if (has_double_colon) return false;
            has_double_colon = true;
            i = end + 2;
        } else {
            if (end + 1 == host.size()) return false;  // a single trailing ':'
            i = end + 1;
        }
    }
    const std::size_t total = groups + (embedded_ipv4 ? 2 : 0);
    return has_double_colon ? total < 8 : total == 8;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1") return true;
    // RFC 6761: every *.localhost name resolves to loopback (browsers and curl honour it).
    if (host.size() > 10 && host.substr(host.size() - 10) == ".localhost") return true;
    Ipv4 ip;
    return parse_ipv4(host, ip) && ip.octets[0] == 127;
}

// Hosts where a proxy without TLS is the norm: loopback, the "all interfaces" address people copy from a
// server's startup line, and private LAN addresses (RFC 1918). Anything else is assumed to be https.
bool plain_http_is_likely(std::string_view host) {
    if (is_loopback_host(host) || host == "0.0.0.0") return true;
    Ipv4 ip;
    if (!parse_ipv4(host, ip)) return false;
    const auto& o = ip.octets;
    return o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) || (o[0] == 192 && o[1] == 168);
}

// Messages quote what was typed, but never a whole essay pasted by mistake.
std::string quoted(std::string_view text) {
    constexpr std::size_t kShownLength = 60;
    if (text.size() <= kShownLength) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kShownLength)) + "...'";
}

bool contains_ignoring_case(std::string_view text, std::string_view lower_needle) {
    for (std::size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
        if (ascii::istarts_with(text.substr(i), lower_needle)) return true;
    }
    return false;
}

// People paste the API key into the base-URL field, or a whole `OPENAI_API_KEY=…` line. The message must then
// not repeat what was typed: error messages reach terminals, logs and screenshots.
bool looks_like_an_api_key(std::string_view input) {
    // Provider keys ("sk-ant-api03-…", "sk-proj-…", "AIza…") have no '.', which every host name but localhost has.
    const bool has_host_shape =
        input.find_first_of(".[") != std::string_view::npos || contains_ignoring_case(input, "://");
    if (!has_host_shape) {
        for (const std::string_view prefix : {"sk-", "sk_", "aiza"}) {
            if (ascii::istarts_with(input, prefix)) return true;
        }
    }
    if (ascii::istarts_with(input, "bearer ")) return true;
    // "OPENAI_API_KEY=…", "x-api-key: …", "Authorization: Bearer …" (a header or an env line, not a URL).
    if (input.find_first_of("= ") != std::string_view::npos) {
        const std::string_view before_scheme = input.substr(0, input.find("://"));
        for (const std::string_view word : {"api_key", "api-key", "apikey", "authorization"}) {
            if (contains_ignoring_case(before_scheme, word)) return true;
        }
    }
    // A long token with nothing of a host in it.
    return input.size() >= 32 && input.find_first_of(".:/[") == std::string_view::npos;
}

std::optional<Error> check_host_name(std::string_view host, std::string_view authority) {
    if (host.empty()) {
        return error("no_host", "there is no host in " + quoted(authority) +
                                    ": write the proxy's address before the port, e.g. " + std::string(kExample));
    }
    if (looks_numeric(host)) {
        Ipv4 ignored;
        if (parse_ipv4(host, ignored)) return std::nullopt;
        if (host.find('.') == std::string_view::npos) {
            return error("bad_host", quoted(host) + " is a number, not a host: if it is the port, write " +
                                         "http://127.0.0.1:" + std::string(host));
        }
        return error("bad_host",
                     quoted(host) + " is not a valid IPv4 address (four numbers 0-255 separated by dots): check it");
    }
    if (host.front() == '.' || host.front() == '-' || host.find("..") != std::string_view::npos) {
        return error("bad_host", "the host " + quoted(host) +
                                     " is not a valid name (an empty part between dots, or a leading '.' or '-'): "
                                     "check its spelling");
    }
    for (const char c : host) {
        if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '.' && c != '_') {
            if (c == ':') {
                return error("bad_host", quoted(host) + " looks like an IPv6 address: put it in brackets, e.g. " +
                                             "http://[::1]:8045");
            }
            const std::string what = static_cast<unsigned char>(c) >= 0x80 ? std::string("a non-ASCII character")
                                                                           : quoted(std::string_view(&c, 1));
            return error("bad_host", "the host " + quoted(host) + " contains " + what +
                                         ", which a host name cannot: use letters, digits, '-' and '.' only");
        }
    }
    return std::nullopt;
}

Result<int> parse_port(std::string_view digits) {
    if (digits.empty()) {
        return error("bad_port",
                     "there is a ':' after the host but no port number: add the port (e.g. :8045) or "
                     "remove the ':'");
    }
    long value = 0;
    for (const char c : digits) {
        if (!is_digit(c)) {
            return error("bad_port", "port " + quoted(digits) +
                                         " is not a number: the part after the ':' must be digits, e.g. :8045");
        }
        if (value <= 65535) value = value * 10 + (c - '0');
    }
    if (value == 0 || value > 65535) {
        return error("bad_port",
                     "port " + std::string(digits) + " is out of range (1-65535): check the number after the ':'");
    }
    return static_cast<int>(value);
}

// Scheme typos: "http:/127.0.0.1", "http//127.0.0.1", "https:\\host", "http:127.0.0.1".
std::optional<Error> scheme_typo(std::string_view text) {
    for (const std::string_view scheme : {std::string_view("https"), std::string_view("http")}) {
        if (!ascii::istarts_with(text, scheme)) continue;
        const std::string_view rest = text.substr(scheme.size());
        std::size_t glue = 0;
        if (rest.substr(0, 3) == "://") continue;
        if (rest.substr(0, 2) == ":/" || rest.substr(0, 2) == ":\\" || rest.substr(0, 3) == ":\\\\") {
            glue = rest.find_first_not_of(":/\\");
        } else if (rest.substr(0, 2) == "//") {
            glue = 2;
        } else if (rest.size() > 1 && rest.front() == ':') {
            glue = 1;  // "http:127.0.0.1:8045"
        } else {
            continue;
        }
        if (glue == std::string_view::npos) glue = rest.size();
        const std::string suggestion = std::string(scheme) + "://" + std::string(rest.substr(glue));
        return error("bad_scheme", quoted(text.substr(0, scheme.size() + glue)) + " is not a complete scheme: write " +
                                       quoted(suggestion) + " (two slashes after the colon)");
    }
    return std::nullopt;
}

bool looks_like_a_url_start(std::string_view token) {
    if (token.find("://") != std::string_view::npos) return true;
    if (!token.empty() && token.front() == '[') return true;
    const std::string_view host = token.substr(0, token.find_first_of(":/?#"));
    if (host.size() < token.size() && host.find('.') == std::string_view::npos) {
        return token[host.size()] == ':' || host == "localhost";  // "localhost:8045 /v1", "proxy:8045/ v1"
    }
    return host.find('.') != std::string_view::npos || ascii::lowercase(host) == "localhost";
}

// ---- parse_base_url's steps, in the order it takes them ----------------------------------------------------

// Inputs that are not a URL at all: nothing, an API key, a space or invisible character inside, a scheme typo.
std::optional<Error> refuse_non_url(std::string_view input) {
    if (input.empty()) {
        return error("empty",
                     "the base URL is empty: paste the address the proxy listens on, e.g. " + std::string(kExample));
    }
    if (looks_like_an_api_key(input)) {
        return error("not_a_url",
                     "this looks like an API key, not a base URL: put the key in the client's key setting, and type "
                     "the proxy's address here, e.g. " +
                         std::string(kExample));
    }
    const std::size_t invisible = first_invisible(input);
    if (invisible != std::string_view::npos) {
        if (!looks_like_a_url_start(input.substr(0, invisible))) {
            return error("not_a_url", quoted(input) + " does not look like a URL: type the proxy's address, e.g. " +
                                          std::string(kExample));
        }
        const bool plain_space = input[invisible] == ' ';
        return error("space_inside", std::string("the URL contains ") +
                                         (plain_space ? "a space" : "an invisible or control character") +
                                         " right after " + quoted(input.substr(0, invisible)) +
                                         ": remove it (clients send it as part of the URL)");
    }
    return scheme_typo(input);
}

// "scheme://" (http or https only), "//" (scheme-relative) or nothing: sets url.scheme or marks it guessed, and
// `rest` to what follows the scheme.
std::optional<Error> read_scheme(std::string_view input, BaseUrl& url, std::string_view& rest) {
    rest = input;
    const std::size_t separator = input.find("://");
    const std::size_t first_delimiter = input.find_first_of("/?#");
    if (separator == std::string_view::npos || separator > first_delimiter) {
        if (input.substr(0, 2) == "//") rest = input.substr(2);  // a scheme-relative paste: guessed below
        url.scheme_was_guessed = true;
        return std::nullopt;
    }
    const std::string_view scheme = input.substr(0, separator);
    url.scheme = ascii::lowercase(scheme);
    if (scheme.empty()) {
        return error("bad_scheme",
                     "the URL starts with '://' but has no scheme before it: write http:// (or "
                     "https:// for a TLS proxy), e.g. " +
                         std::string(kExample));
    }
    if (url.scheme == "ws" || url.scheme == "wss") {
        return error("bad_scheme", quoted(std::string(scheme) + "://") +
                                       " is a WebSocket scheme: the base URL is plain HTTP, so write " +
                                       (url.scheme == "ws" ? "http://" : "https://") + " instead");
    }
    if (url.scheme != "http" && url.scheme != "https") {
        return error("bad_scheme", quoted(std::string(scheme) + "://") +
                                       " is not supported: the proxy speaks HTTP, so the base URL starts with "
                                       "http:// (or https:// for a TLS proxy)");
    }
    rest = input.substr(separator + 3);
    return std::nullopt;
}

struct HostAndPort {
    std::string_view host;  // as typed, IPv6 without brackets
    std::string_view port_text;
    bool has_port = false;
};

// "[::1]:8045": a valid IPv6 literal in brackets, then nothing or ':' and a port.
std::optional<Error> read_bracketed_host(std::string_view authority, HostAndPort& out) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
        return error("bad_host", "the IPv6 address " + quoted(authority) + " has no closing ']': write it as " +
                                     "http://[::1]:8045");
    }
    out.host = authority.substr(1, close - 1);
    const std::string_view tail = authority.substr(close + 1);
    if (!tail.empty()) {
        if (tail.front() != ':') {
            return error("bad_host", "unexpected " + quoted(tail) +
                                         " after the IPv6 address: only ':' and a "
                                         "port may follow ']'");
        }
        out.has_port = true;
        out.port_text = tail.substr(1);
    }
    if (out.host.empty()) {
        return error("no_host", "the brackets [] are empty: put the IPv6 address inside, e.g. http://[::1]:8045");
    }
    if (!is_valid_ipv6(out.host)) {
        return error("bad_host", quoted(out.host) + " is not a valid IPv6 address: check it, e.g. http://[::1]:8045");
    }
    return std::nullopt;
}

// The parts of the paste that the host errors quote.
struct PastedParts {
    std::string_view input;
    std::string_view authority;
    std::string_view after_authority;
};

// Why there is no authority at all: "http://" alone (or "http:///…"), a bare path, or not a URL.
Error explain_missing_authority(const PastedParts& pasted, const BaseUrl& url) {
    if (!url.scheme_was_guessed) {
        const bool extra_slash = !pasted.after_authority.empty() && pasted.after_authority.front() == '/';
        return error("no_host", "there is no host after " + quoted(url.scheme + "://") +
                                    (extra_slash ? " (one '/' too many?)" : "") + ": write the proxy's address, e.g. " +
                                    std::string(kExample));
    }
    if (pasted.input.front() == '/') {
        return error("not_a_url", quoted(pasted.input) +
                                      " is only a path: the base URL starts with the proxy's "
                                      "address, e.g. " +
                                      std::string(kExample));
    }
    return error("not_a_url", quoted(pasted.input) +
                                  " does not look like a URL: type the proxy's address, "
                                  "e.g. " +
                                  std::string(kExample));
}

// "host" or "host:port": one ':' at most (more is an IPv6 literal without brackets), then the host name rules.
std::optional<Error> read_plain_host(const PastedParts& pasted, const BaseUrl& url, HostAndPort& out) {
    const std::string_view authority = pasted.authority;
    const std::size_t colon = authority.find(':');
    out.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
        if (authority.find(':', colon + 1) != std::string_view::npos) {
            return error("bad_host", quoted(authority) + " looks like an IPv6 address: put it in brackets, e.g. " +
                                         "http://[::1]:8045");
        }
        out.has_port = true;
        out.port_text = authority.substr(colon + 1);
    }
    if (authority.empty()) return explain_missing_authority(pasted, url);
    return check_host_name(out.host, authority);
}

// The port (explicit, else the scheme's default) and, when no scheme was typed, the scheme: :443 → https,
// :80 → http, else by the host. A guessed scheme needs something URL-like: a port, a dot, IPv6 or loopback.
std::optional<Error> settle_port_and_scheme(std::string_view input, const HostAndPort& typed, BaseUrl& url) {
    if (url.scheme_was_guessed && !typed.has_port && url.host.find('.') == std::string::npos && !url.is_ipv6() &&
        !is_loopback_host(url.host)) {
        return error("not_a_url", quoted(input) + " does not look like a URL: type the proxy's address with its " +
                                      "port, e.g. " + std::string(kExample));
    }
    if (typed.has_port) {
        auto port = parse_port(typed.port_text);
        if (!port) return port.error();
        url.port = *port;
        url.port_explicit = true;
    }
    if (url.scheme_was_guessed) {
        if (url.port_explicit && url.port == 443) {
            url.scheme = "https";
        } else if (url.port_explicit && url.port == 80) {
            url.scheme = "http";
        } else {
            url.scheme = plain_http_is_likely(url.host) ? "http" : "https";
        }
    }
    if (!url.port_explicit) url.port = url.scheme == "https" ? 443 : 80;
    return std::nullopt;
}

// Everything after the authority: path, "?" query, "#" fragment, each kept as typed.
void read_path_query_fragment(std::string_view after_authority, BaseUrl& url) {
    const std::size_t hash = after_authority.find('#');
    const std::string_view before_hash = after_authority.substr(0, hash);
    if (hash != std::string_view::npos) url.fragment = std::string(after_authority.substr(hash + 1));
    const PathAndQuery parts = split_query(before_hash);
    url.path = std::string(parts.path);
    url.query = std::string(parts.query);
}

}  // namespace

bool BaseUrl::is_ipv6() const {
    return host.find(':') != std::string::npos;
}

bool BaseUrl::is_loopback() const {
    return is_loopback_host(host);
}

std::string BaseUrl::origin() const {
    std::string out = scheme + "://";
    out += is_ipv6() ? "[" + host + "]" : host;
    const bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
    if (port != 0 && !default_port) out += ":" + std::to_string(port);
    return out;
}

std::string BaseUrl::to_string() const {
    std::string out = origin() + path;
    if (!query.empty()) out += "?" + query;
    if (!fragment.empty()) out += "#" + fragment;
    return out;
}

Result<BaseUrl> parse_base_url(std::string_view text) {
    const std::string_view input = strip_label(strip_quotes_and_whitespace(text));
    if (auto refused = refuse_non_url(input)) return *refused;

    BaseUrl url;
    std::string_view rest;
    if (auto bad_scheme = read_scheme(input, url, rest)) return *bad_scheme;

    const std::size_t authority_end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authority_end);
    const std::string_view after_authority =
        authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
    if (authority.find('@') != std::string_view::npos) {
        return error("credentials",
                     "the URL contains a user name or password before '@': remove it and put the API "
                     "key in the client's key setting (secrets must not travel in base URLs or links)");
    }

    HostAndPort host_and_port;
    const bool bracketed = !authority.empty() && authority.front() == '[';
    const auto bad_host = bracketed ? read_bracketed_host(authority, host_and_port)
                                    : read_plain_host({input, authority, after_authority}, url, host_and_port);
    if (bad_host) return *bad_host;
    url.host = ascii::lowercase(host_and_port.host);
    if (auto bad_port = settle_port_and_scheme(input, host_and_port, url)) return *bad_port;

    read_path_query_fragment(after_authority, url);
    return url;
}

PathAndQuery split_query(std::string_view target) {
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos) return {target, {}};
    return {target.substr(0, question), target.substr(question + 1)};
}

std::string collapse_slashes(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (const char c : path) {
        if (c == '/' && !out.empty() && out.back() == '/') continue;
        out.push_back(c);
    }
    return out;
}

}  // namespace pathwise
