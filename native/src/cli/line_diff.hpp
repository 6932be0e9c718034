// line_diff.hpp — a unified diff of two texts, for `pathwise configure` to show what it will change.
//
//   unified_diff(before, after, "~/.claude/settings.json", 2);
//   // --- ~/.claude/settings.json
//   // +++ ~/.claude/settings.json (after pathwise configure)
//   // @@ -2,3 +2,3 @@ …
#pragma once

#include <string>
#include <string_view>

namespace pathwise::cli {

// "" when the texts are equal. `context` unchanged lines around each change. A missing final newline is marked
// "\ No newline at end of file", as diff(1) does, so a change to it is visible.
[[nodiscard]] std::string unified_diff(std::string_view before, std::string_view after, std::string_view label,
                                       std::size_t context = 2);

}  // namespace pathwise::cli
