#include "http/header_policy.hpp"

#include <array>

#include "pathwise/ascii.hpp"

namespace pathwise::http {

namespace {

using ascii::iequals;
using ascii::istarts_with;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

bool is_hop_by_hop(std::string_view name) {
    constexpr std::array<std::string_view, 7> kHopByHop = {"connection",        "keep-alive", "te",  "trailer",
                                                           "transfer-encoding", "upgrade",    "host"};
    for (std::string_view hop : kHopByHop) {
        if (iequals(name, hop)) return true;
    }
    return istarts_with(name, "proxy-");
}

std::string_view key_header_name(Protocol protocol) {
    switch (protocol) {
        case Protocol::anthropic:
            return "x-api-key";
        case Protocol::gemini:
            return "x-goog-api-key";
        case Protocol::openai:
        case Protocol::service:
            break;
    }
    return "Authorization";
}

std::string key_header_value(Protocol protocol, std::string_view key) {
    if (protocol == Protocol::openai || protocol == Protocol::service) return "Bearer " + std::string(key);
    return std::string(key);
}

bool is_client_key_header(std::string_view name) {
    return iequals(name, "authorization") || iequals(name, "x-api-key") || iequals(name, "x-goog-api-key");
}

std::string_view key_from_header_value(std::string_view name, std::string_view value) {
    value = trim(value);
    if (iequals(name, "authorization") && istarts_with(value, "bearer ")) return trim(value.substr(7));
    return value;
}

bool is_clean_field_name(std::string_view name) {
    if (name.empty()) return false;
    constexpr std::string_view kTokenPunctuation = "!#$%&'*+-.^_`|~";
    for (const char c : name) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && kTokenPunctuation.find(c) == std::string_view::npos) return false;
    }
    return true;
}

bool is_clean_field_value(std::string_view value) {
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f) return false;
    }
    return true;
}

std::string decode_query_component(std::string_view text) {
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string remove_query_param(std::string_view query, std::string_view name, std::string* removed) {
    std::string kept;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        if (decode_query_component(pair.substr(0, eq)) == name) {
            if (removed != nullptr && eq != std::string_view::npos)
                *removed = decode_query_component(pair.substr(eq + 1));
            continue;
        }
        if (pair.empty()) continue;
        if (!kept.empty()) kept.push_back('&');
        kept.append(pair);
    }
    return kept;
}

bool is_event_stream(std::string_view content_type) {
    const std::size_t semicolon = content_type.find(';');
    return iequals(trim(content_type.substr(0, semicolon)), "text/event-stream");
}

}  // namespace pathwise::http
