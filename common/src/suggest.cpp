#include "pathwise/suggest.hpp"

#include <algorithm>
#include <vector>

#include "pathwise/ascii.hpp"

namespace pathwise {
namespace {

using ascii::to_lower;

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (to_lower(a[i - 1]) == to_lower(b[j - 1]) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
    if (needle.empty() || needle.size() > haystack.size()) return false;
    for (std::size_t start = 0; start + needle.size() <= haystack.size(); ++start) {
        bool same = true;
        for (std::size_t k = 0; k < needle.size() && same; ++k)
            same = to_lower(haystack[start + k]) == to_lower(needle[k]);
        if (same) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view typed, std::span<const std::string_view> candidates) {
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    for (const std::string_view candidate : candidates) {
        const std::size_t distance = edit_distance(typed, candidate);
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    // A typo changes a few letters; allow about one edit per three characters (at least two).
    const std::size_t allowed = std::max<std::size_t>(2, typed.size() / 3);
    if (best && best_distance <= allowed) return best;
    // "claude" → "claude-code", "genai" → "google-genai": a fragment of exactly one id is a clear hint.
    if (typed.size() >= 3) {
        std::optional<std::string_view> only_container;
        for (const std::string_view candidate : candidates) {
            if (!contains_ignoring_case(candidate, typed)) continue;
            if (only_container) return std::nullopt;
            only_container = candidate;
        }
        return only_container;
    }
    return std::nullopt;
}

}  // namespace pathwise
