// ascii.hpp — the one place for ASCII case rules: header names, hosts, hex digits, flag names, ids.
//
// Locale-free on purpose (std::tolower depends on the C locale, and UTF-8 bytes must pass through untouched):
//   pathwise::ascii::iequals("Content-Type", "content-type");   // true
//   pathwise::ascii::lowercase("LocalHost");                     // "localhost"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pathwise::ascii {

[[nodiscard]] constexpr char to_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr char to_upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
[[nodiscard]] constexpr bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
[[nodiscard]] constexpr bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
[[nodiscard]] constexpr bool is_alpha(char c) {
    return is_lower(c) || is_upper(c);
}
[[nodiscard]] constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}
[[nodiscard]] constexpr bool istarts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

[[nodiscard]] inline std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = to_lower(c);
    return out;
}
[[nodiscard]] inline std::string uppercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = to_upper(c);
    return out;
}

}  // namespace pathwise::ascii
