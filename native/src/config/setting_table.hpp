// setting_table.hpp — the settings `pathwise serve` knows, one row each: the JSON key, and from it the flag
// (--max-body-bytes) and the environment variable (PATHWISE_MAX_BODY_BYTES), its kind, its help line and how a
// value is checked and stored. The file, environment and flag readers all go through these rows: adding a
// setting = one row.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "pathwise/result.hpp"

namespace pathwise::config {

enum class Kind { text, integer, boolean, text_list };

// A setter gets a value already converted to the row's kind; it returns "" or what is wrong with the value.
using Setter = std::function<std::string(ServeConfig&, const nlohmann::json&)>;

struct Setting {
    std::string_view key;  // JSON key; flag = "--" + key with '_' → '-'; env = "PATHWISE_" + upper(key)
    Kind kind;
    std::string_view help;
    Setter apply;
    std::string_view flag_alias = {};  // a singular flag for list settings: "--api-key" for api_keys
};

[[nodiscard]] const std::vector<Setting>& settings();
[[nodiscard]] const Setting* find_setting(std::string_view key);
[[nodiscard]] std::vector<std::string> keys_of_settings();
[[nodiscard]] std::string flag_of(const Setting& setting);     // "--max-body-bytes", from the key
[[nodiscard]] std::string shown_flag(const Setting& setting);  // the alias if it has one: "--api-key"
[[nodiscard]] std::string env_of(std::string_view key);        // "PATHWISE_MAX_BODY_BYTES"
[[nodiscard]] std::string_view kind_name(Kind kind);           // "a whole number"
[[nodiscard]] bool json_has_kind(const nlohmann::json& value, Kind kind);
// Text from a flag or the environment → the setting's JSON kind ("8045" → 8045, "a, b" → ["a","b"]).
[[nodiscard]] std::optional<nlohmann::json> parse_text_value(const Setting& setting, std::string_view text,
                                                             std::string& error);

// What each source set, so later checks know whether `host` was chosen by the person.
struct Provenance {
    bool host_set = false;
    bool web_root_set = false;
};
[[nodiscard]] std::string apply_setting(ServeConfig& config, Provenance& provenance, const Setting& setting,
                                        const nlohmann::json& value);

[[nodiscard]] std::optional<Protocol> parse_protocol(std::string_view name);  // "openai" → Protocol::openai
[[nodiscard]] const std::vector<std::string>& upstream_protocol_names();
[[nodiscard]] std::string check_base_url(std::string_view text);  // "" when usable ("" itself = the mock)

// " (did you mean 'port'?)" or "" — pathwise/suggest.hpp's rule, the same as the CLI's.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
[[nodiscard]] std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

// The two ways loading fails: "usage" (a bad flag, exit 2) and "config" (file, environment or an unsafe
// combination, exit 1); both messages start with "pathwise serve: ".
[[nodiscard]] Error usage_error(const std::string& message);
[[nodiscard]] Error config_error(const std::string& message);

}  // namespace pathwise::config
