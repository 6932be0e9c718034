// route_pattern.hpp — the route-pattern grammar, once: the router (route_table.cpp), the 404 diagnosis
// (diagnosis.cpp, diagnosis_client.cpp) and the resolver (resolution.cpp) all read patterns through it.
//
// A pattern is literal text plus at most one `{model}`, which captures one non-empty path segment; in
// "…/{model}:action" the capture ends at the suffix. A trailing `{model}` never captures "x:generateContent"
// (a lowerCamelCase word after the last ':' is a Gemini action sent with the wrong method), while tagged model
// ids such as "llama3:8b" stay models.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "pathwise/ascii.hpp"

namespace pathwise::route_pattern {

inline constexpr std::string_view kModelPlaceholder = "{model}";

// "v1", "v1beta", "v2", "v1alpha": the API-version segment the providers put first.
[[nodiscard]] constexpr bool is_version_segment(std::string_view segment) {
    if (segment.size() < 2 || segment[0] != 'v' || !ascii::is_digit(segment[1])) return false;
    for (const char c : segment.substr(2)) {
        if (!ascii::is_digit(c) && !ascii::is_lower(c)) return false;
    }
    return true;
}

// Gemini puts the method after the model id as ":generateContent", ":embedContent", ":batchEmbedContents".
[[nodiscard]] constexpr bool ends_with_action_name(std::string_view segment) {
    const std::size_t colon = segment.rfind(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view action = segment.substr(colon + 1);
    if (action.empty() || !ascii::is_lower(action.front())) return false;
    bool has_upper = false;
    for (const char c : action) {
        if (!ascii::is_alpha(c)) return false;
        has_upper = has_upper || ascii::is_upper(c);
    }
    return has_upper;
}

struct PatternMatch {
    std::string_view model;  // the `{model}` capture, "" when the pattern has none
    int literal = 0;         // literal characters matched: more is more specific
};

// Exact match of `text` (a whole path, or one segment) against `pattern` (the same extent).
[[nodiscard]] constexpr std::optional<PatternMatch> match(std::string_view pattern, std::string_view text) {
    // Most comparisons fail on the last character; the diagnosis runs this for every route on every 404.
    if (text.empty() || pattern.empty()) return std::nullopt;
    if (pattern.back() != '}' && pattern.back() != text.back()) return std::nullopt;
    const std::size_t hole = pattern.find(kModelPlaceholder);
    if (hole == std::string_view::npos) {
        if (pattern != text) return std::nullopt;
        return PatternMatch{{}, static_cast<int>(pattern.size())};
    }
    const std::string_view prefix = pattern.substr(0, hole);
    const std::string_view suffix = pattern.substr(hole + kModelPlaceholder.size());
    if (text.size() <= prefix.size() + suffix.size()) return std::nullopt;  // the model is never empty
    if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
    if (text.substr(text.size() - suffix.size()) != suffix) return std::nullopt;
    const std::string_view model = text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
    if (model.find('/') != std::string_view::npos) return std::nullopt;  // one segment only
    if (suffix.empty() && ends_with_action_name(model)) return std::nullopt;
    return PatternMatch{model, static_cast<int>(prefix.size() + suffix.size())};
}

// Appends `pattern` with its `{model}` replaced by `model` (a pattern without one is appended as is).
inline void append_expanded(std::string& out, std::string_view pattern, std::string_view model) {
    const std::size_t hole = pattern.find(kModelPlaceholder);
    if (hole == std::string_view::npos) {
        out.append(pattern);
        return;
    }
    out.append(pattern.substr(0, hole));
    out.append(model);
    out.append(pattern.substr(hole + kModelPlaceholder.size()));
}

}  // namespace pathwise::route_pattern
