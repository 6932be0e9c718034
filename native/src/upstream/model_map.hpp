// model_map.hpp — rename the model a client asked for into the upstream's name ("gpt-4*" → "my-deployment").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "config/settings.hpp"

namespace pathwise::upstream {

// True when `name` matches `pattern`, where each '*' stands for any run of characters (possibly empty).
[[nodiscard]] bool wildcard_matches(std::string_view pattern, std::string_view name);

// The target of the most specific matching mapping: the one with the most non-'*' characters; on a tie the
// one listed first. nullopt when nothing matches (the model goes upstream unchanged).
[[nodiscard]] std::optional<std::string> map_model(std::span<const config::ModelMapping> mappings,
                                                   std::string_view model);

}  // namespace pathwise::upstream
