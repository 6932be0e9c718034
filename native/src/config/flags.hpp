// flags.hpp — `pathwise serve`'s command line: --config, --upstream PROTO=URL, and one flag per setting
// (setting_table.hpp), read with the one option parser (options.hpp), and the usage text made from the same rows.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/setting_table.hpp"

namespace pathwise::config {

struct ParsedFlags {
    std::string config_path;
    std::vector<std::pair<const Setting*, nlohmann::json>> values;  // in command-line order, lists merged
    std::vector<std::pair<Protocol, std::string>> upstreams;
    std::vector<std::pair<Protocol, translate::Protocol>> upstream_protocols;  // --upstream-protocol
};

// Error "help" carries the usage text (exit 0); "usage" a bad flag (exit 2).
[[nodiscard]] Result<ParsedFlags> parse_flags(const std::vector<std::string>& args);

[[nodiscard]] std::string usage_text();

}  // namespace pathwise::config
