#include "upstream/model_map.hpp"

#include <algorithm>

namespace pathwise::upstream {

bool wildcard_matches(std::string_view pattern, std::string_view name) {
    // Classic greedy match with backtracking to the last '*': linear enough for model names.
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;
    std::size_t resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::optional<std::string> map_model(std::span<const config::ModelMapping> mappings, std::string_view model) {
    const config::ModelMapping* best = nullptr;
    std::ptrdiff_t best_literal_chars = -1;
    for (const config::ModelMapping& mapping : mappings) {
        if (!wildcard_matches(mapping.pattern, model)) continue;
        const auto literal_chars = static_cast<std::ptrdiff_t>(mapping.pattern.size()) -
                                   std::count(mapping.pattern.begin(), mapping.pattern.end(), '*');
        if (literal_chars > best_literal_chars) {  // strictly greater: the first listed wins a tie
            best = &mapping;
            best_literal_chars = literal_chars;
        }
    }
    if (best == nullptr) return std::nullopt;
    return best->target;
}

}  // namespace pathwise::upstream
