// machine_settings.hpp — what `pathwise scan` and `pathwise configure` read from this machine: the environment,
// HOME, the project folder, every client config file the catalog names that exists (bounded in size), and the
// version of each installed client (its package.json next to the binary on PATH: no process is started).
#pragma once

#include <optional>
#include <string>

#include "pathwise/client_settings.hpp"
#include "pathwise/result.hpp"

namespace pathwise::scan {

inline constexpr std::size_t kMaxConfigFileBytes = 1u << 20;  // a client config is a few KB; refuse to guess above

// Error "scan_no_home" when HOME is unset or not a folder. `project` "" = the working directory.
[[nodiscard]] Result<SettingSources> read_machine(const std::string& project);

// The installed version of the product's npm package, when its binary is on PATH; nullopt otherwise.
struct Installed {
    std::string binary_path;  // resolved through symlinks
    std::string version;      // "" when the package.json could not be found
};
[[nodiscard]] std::optional<Installed> find_installed(const SettingProduct& product, const SettingSources& sources);

}  // namespace pathwise::scan
