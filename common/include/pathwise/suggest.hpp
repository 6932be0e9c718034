// suggest.hpp — "did you mean …?" for mistyped client ids and option names.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pathwise::cli {

// The candidate closest to `typed` (case-insensitive edit distance, or a candidate that contains `typed`),
// when it is close enough to be a plausible typo; nullopt otherwise.
[[nodiscard]] std::optional<std::string_view> closest_match(std::string_view typed,
                                                            std::span<const std::string_view> candidates);

}  // namespace pathwise::cli
