// config_file.hpp — the JSON config file: where it is (--config, PATHWISE_CONFIG, else
// $XDG_CONFIG_HOME/pathwise/config.json or ~/.config/pathwise/config.json; a missing default file is fine), and
// what it sets. Every error names the file, and the line and column for a syntax error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "config/setting_table.hpp"

namespace pathwise::config {

// Reads the file `flag_path` (from --config) or the environment points at and applies it to `config`.
// Returns "" or a message for config_error().
[[nodiscard]] std::string apply_config_file(ServeConfig& config, Provenance& provenance, const std::string& flag_path,
                                            const Environment& environment);

// "line 3, column 14" from a 1-based byte position in `text` (what nlohmann::json::parse_error::byte gives).
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
[[nodiscard]] TextPosition position_of_byte(std::string_view text, std::size_t byte);

}  // namespace pathwise::config
