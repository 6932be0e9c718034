// suggest.hpp — "did you mean …?": the one rule for mistyped client ids, flags, config keys and variables.
//
//   std::array<std::string_view, 2> ids{"claude-code", "codex-cli"};
//   pathwise::closest_match("claude-cod", ids);   // "claude-code"
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pathwise {

// The candidate closest to `typed` (case-insensitive edit distance, or a candidate that contains `typed`),
// when it is close enough to be a plausible typo; nullopt otherwise.
[[nodiscard]] std::optional<std::string_view> closest_match(std::string_view typed,
                                                            std::span<const std::string_view> candidates);

}  // namespace pathwise
