// config_writer.hpp — how `pathwise configure` replaces a client's config file: only when it still holds what was
// read (nobody changed it meanwhile), after a timestamped backup, through a temporary file renamed into place so a
// crash never leaves half a file, with the original's permissions (a new file: 0600, it may later hold a key).
#pragma once

#include <optional>
#include <string>

#include "pathwise/result.hpp"

namespace pathwise::scan {

struct Written {
    std::string backup;  // the backup's path, "" for a file that did not exist
};

// `expected` is the text read before (nullopt: the file did not exist and must still not). Errors:
// "configure_changed" (the file changed since it was read), "configure_write" (with the system's reason).
[[nodiscard]] Result<Written> replace_config_file(const std::string& path, const std::optional<std::string>& expected,
                                                  const std::string& text, const std::string& timestamp);

// "20261203-142501": local time, for backup names that sort.
[[nodiscard]] std::string backup_timestamp();

}  // namespace pathwise::scan
