// load.hpp — `pathwise serve`'s configuration, merged: defaults < config file < PATHWISE_* environment < flags,
// then unsafe or impossible combinations refused with a message that says what to change.
#pragma once

#include <string>
#include <vector>

#include "config/settings.hpp"
#include "pathwise/result.hpp"

namespace pathwise::config {

// Error codes: "help" (message = usage text, exit 0), "usage" (bad flag, exit 2), "config" (file, environment
// or an unsafe combination, exit 1). Warnings (e.g. an unknown PATHWISE_* variable) go to `warnings`.
// `environment` is the only environment read (process_environment() in production, a map in tests), the
// upstreams' api_key_env included.
[[nodiscard]] Result<ServeConfig> load_serve_config(const std::vector<std::string>& args,
                                                    const Environment& environment, std::vector<std::string>& warnings);

}  // namespace pathwise::config
