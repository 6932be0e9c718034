// config_text.hpp — read and edit the config files LLM clients keep (JSON/JSONC, TOML, YAML, .env) as text:
// find every value with its byte span, and set one string while every other byte stays as it was (comments,
// order, indentation, line endings). `pathwise scan` reads with it and `pathwise configure` writes with it.
//
//   auto values = pathwise::read_config_values(pathwise::ConfigFormat::toml, text);
//   // values->at(0).path == {"model_providers", "pathwise", "base_url"}, .value == "http://127.0.0.1:8045/v1"
//   const std::array<std::string_view, 2> path{"env", "ANTHROPIC_BASE_URL"};
//   auto edited = pathwise::set_config_string(pathwise::ConfigFormat::json, text, path, "http://127.0.0.1:8045");
//
// A reader that meets a construct it does not support returns an error instead of guessing: `configure` must
// never write a file it did not understand. Refused as "config_unsupported": YAML anchors, aliases, tags, flow
// collections other than an empty {} or [], block scalars (| >), values continued on the next line, quoted values
// spanning lines, several documents, directives; nesting deeper than 64 levels (JSON, TOML arrays, YAML); in TOML,
// a new [table] below an [[array]] element that is not the last one (no header can name it).
//
// Paths: JSON/YAML keys from the root, a list element as its index. TOML: the [header] segments, then the (dotted)
// key: `[model_providers.pathwise]` + `base_url` is {"model_providers", "pathwise", "base_url"}; an [[array]]
// table's element is its index like a JSON list's: the second `[[mcp]]`'s name is {"mcp", "1", "name"}.
// Where a key appears twice (JSON allows it), the first one is found and edited.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"

namespace pathwise {

enum class ConfigFormat : unsigned char {
    json,    // JSON, plus // and /* */ comments and trailing commas (JSONC: Gemini CLI, OpenCode/Kilo)
    toml,    // TOML 1.0 (Codex's config.toml)
    yaml,    // the block-style YAML subset config files use (Continue's config.yaml)
    dotenv,  // KEY=value lines, `export ` prefix, quotes, # comments (Gemini CLI's .env)
};

// One scalar value (string, number, boolean, null) found in a document.
struct ConfigValue {
    // Keys from the root; a list element is its decimal index: {"models", "0", "apiBase"}. dotenv: {"KEY"}.
    std::vector<std::string> path;
    std::string value;       // decoded (escapes resolved, quotes removed); a number or boolean as written
    bool is_string = false;  // a quoted (or YAML plain) string, as opposed to a number/boolean/null
    std::size_t begin = 0;   // byte span of the value as written, quotes included
    std::size_t end = 0;
    int line = 0;  // 1-based line of `begin`
};

// Every scalar in document order. Error codes: "config_syntax" (the message names line and column and what was
// expected), "config_unsupported" (valid input this reader does not handle, e.g. YAML anchors or flow maps).
[[nodiscard]] Result<std::vector<ConfigValue>> read_config_values(ConfigFormat format, std::string_view text);

// The first value whose path equals `path`, nullptr when none.
[[nodiscard]] const ConfigValue* find_config_value(std::span<const ConfigValue> values,
                                                   std::span<const std::string_view> path);

// `text` with the string at `path` set to `value` (quoted and escaped as the format needs); every byte outside
// the edit is unchanged. A missing key is added, with the objects/tables it needs, indented like its siblings;
// an empty `text` becomes a new document. Setting a value that is already there returns `text` unchanged.
// Where new text goes: JSON, the last member of the deepest existing object (one-line objects stay on one line);
// TOML, after the last key of its table, a top-level key before the first [header], a new table at the end;
// YAML, after the map's last entry and its children; .env, a new last line. The line break is the file's own.
// The result is read back before it is returned ("config_internal" if it would not read as intended).
// Errors: those of read_config_values; "config_path_conflict" when the path runs through a value that is not an
// object/table (e.g. "env" is a string), or names a list element that does not exist.
[[nodiscard]] Result<std::string> set_config_string(ConfigFormat format, std::string_view text,
                                                    std::span<const std::string_view> path, std::string_view value);

// The same, writing `literal` as it is instead of a quoted string: a boolean or a number ("false", "8"). Setting the
// literal that is already there returns `text` unchanged. In .env every value is text, so this only makes sense for
// JSON, TOML and YAML.
[[nodiscard]] Result<std::string> set_config_literal(ConfigFormat format, std::string_view text,
                                                     std::span<const std::string_view> path, std::string_view literal);

}  // namespace pathwise
