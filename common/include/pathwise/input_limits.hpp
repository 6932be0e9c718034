// input_limits.hpp — checks on what a client sends, made before anything walks or forwards it.
//
//   if (json_nesting_exceeds(body, kMaxJsonNesting)) → 400: nothing recursive ever sees the body
//   if (auto problem = forwarded_path_problem(raw_path, decoded_path)) → 400 naming *problem
//
// Pure functions: the proxy and the mock upstream call them at their edges.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pathwise {

// Deeper JSON than this is refused: real requests nest a few dozen levels (tool schemas included), and every
// recursive walk (dump, a schema sampler) stays far from the stack's end.
inline constexpr std::size_t kMaxJsonNesting = 256;

// True when arrays/objects in `text` nest deeper than `max_depth` (brackets inside strings do not count).
// It does not validate the JSON; it only scans until the limit is crossed, in one pass without recursion.
[[nodiscard]] bool json_nesting_exceeds(std::string_view text, std::size_t max_depth);

// Why a request path may not be forwarded as it was matched, or nullopt when it may. `raw_path` is the target
// as received up to '?', `decoded_path` what the route was matched on. The upstream must see exactly the path
// that was matched, so a decoded '?', '#', NUL, CR/LF or backslash, a dot segment ("." or ".."), or an encoded
// '/', '\', '?', '#', '.' or NUL (which the upstream would split or resolve differently) is a problem.
[[nodiscard]] std::optional<std::string_view> forwarded_path_problem(std::string_view raw_path,
                                                                     std::string_view decoded_path);

}  // namespace pathwise
