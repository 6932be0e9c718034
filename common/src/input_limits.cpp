// input_limits.cpp — see input_limits.hpp.
#include "pathwise/input_limits.hpp"

#include <array>

#include "pathwise/ascii.hpp"

namespace pathwise {

bool json_nesting_exceeds(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        switch (c) {
            case '"':
                in_string = true;
                break;
            case '[':
            case '{':
                if (++depth > max_depth) return true;
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            default:
                break;
        }
    }
    return false;
}

namespace {

// An encoded character that changes how the path splits or resolves once decoded.
std::optional<std::string_view> encoded_delimiter(std::string_view raw_path) {
    struct Encoded {
        std::string_view code;  // lower-case hex after '%'
        std::string_view problem;
    };
    static constexpr std::array<Encoded, 6> kEncoded = {{
        {"2f", "an encoded '/' (%2F)"},
        {"5c", "an encoded '\\' (%5C)"},
        {"3f", "an encoded '?' (%3F)"},
        {"23", "an encoded '#' (%23)"},
        {"2e", "an encoded '.' (%2E)"},
        {"00", "an encoded NUL (%00)"},
    }};
    for (std::size_t at = raw_path.find('%'); at != std::string_view::npos; at = raw_path.find('%', at + 1)) {
        if (at + 2 >= raw_path.size()) break;
        const char code[2] = {ascii::to_lower(raw_path[at + 1]), ascii::to_lower(raw_path[at + 2])};
        for (const auto& encoded : kEncoded) {
            if (encoded.code[0] == code[0] && encoded.code[1] == code[1]) return encoded.problem;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string_view> forwarded_path_problem(std::string_view raw_path, std::string_view decoded_path) {
    if (const auto encoded = encoded_delimiter(raw_path)) return encoded;
    for (const char c : decoded_path) {
        switch (c) {
            case '?':
                return "a '?' inside the path";
            case '#':
                return "a '#' inside the path";
            case '\\':
                return "a '\\' inside the path";
            case '\0':
                return "a NUL byte inside the path";
            case '\r':
            case '\n':
                return "a line break inside the path";
            default:
                break;
        }
    }
    std::size_t start = 0;
    while (start <= decoded_path.size()) {
        const std::size_t slash = decoded_path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? decoded_path.size() : slash;
        const std::string_view segment = decoded_path.substr(start, end - start);
        if (segment == "." || segment == "..") return "a dot segment ('.' or '..') in the path";
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return std::nullopt;
}

}  // namespace pathwise
