// environment.hpp — the PATHWISE_* environment variables: one per setting (PATHWISE_PORT, …), plus
// PATHWISE_API_KEY and PATHWISE_UPSTREAM_<PROTOCOL>. An unknown PATHWISE_* name only warns (tests and scripts set
// others), with a did-you-mean when it is close to a known one.
#pragma once

#include <string>
#include <vector>

#include "config/setting_table.hpp"

namespace pathwise::config {

// Returns "" or a message for config_error().
[[nodiscard]] std::string apply_environment(ServeConfig& config, Provenance& provenance, const Environment& environment,
                                            std::vector<std::string>& warnings);

// The current process environment as a map (the only place the loader touches `environ`).
[[nodiscard]] Environment process_environment();

}  // namespace pathwise::config
