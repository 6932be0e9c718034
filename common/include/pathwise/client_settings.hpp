// client_settings.hpp — where each client keeps the settings that decide where it sends requests, in the
// client's own precedence order, and which value each client will really use given what a machine holds there.
// Catalog data like client_catalog.hpp (docs/client-settings.md says how each rule was measured); the files are
// read by the native side, which hands their text in: this header does no I/O.
//
//   pathwise::SettingSources sources{.home = "/home/ana", .project = "/home/ana/app", .environment = env};
//   for (const auto& path : pathwise::setting_files(*pathwise::find_setting_product("claude-code"), sources))
//       sources.files.push_back({path, read(path)});            // native: only the files that exist
//   auto found = pathwise::find_settings(sources);
//   found.findings[0].key;        // "env.ANTHROPIC_BASE_URL" in /home/ana/.claude/settings.json
//   found.findings[0].in_effect;  // true: the value Claude Code will use
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/client_catalog.hpp"
#include "pathwise/config_text.hpp"
#include "pathwise/i18n.hpp"

namespace pathwise {

// What a setting decides.
enum class SettingRole : unsigned char {
    base_url,       // the base URL the client joins its paths to
    extra_setting,  // a catalog ExtraSetting (Gemini CLI's auth type, GOOGLE_GENAI_API_VERSION)
    api_key,        // only whether it is set, and where: a value is never read into a finding
    wire_api,       // Codex's [model_providers.*] wire_api ("chat" is refused at start-up)
    ignored,        // a variable people set that this client does not read (Codex and OPENAI_BASE_URL)
    refused,        // a key the client refuses or drops where it is (`note` says how): always a problem
};

// A provider name found in a config file, and the catalog entry whose joining rules it uses.
struct ProviderClient {
    std::string_view provider;   // "openai", "anthropic"; "*" = any other name
    std::string_view client_id;  // "kilo-cli.openai"
};

// A key `configure` writes next to a base URL it writes ("{provider}" and "{base}" are filled in).
struct CompanionEdit {
    std::string_view key;                  // "model_providers.{provider}.wire_api"
    std::string_view value;                // "responses", "{provider}", "false"
    bool literal = false;                  // written as is (a TOML/JSON boolean), not as a string
    bool only_without_websockets = false;  // only when the proxy does not bridge Responses over WebSocket
    bool only_when_creating = false;       // only when the provider entry is new (Codex's model_provider, name)
};

// One place a client reads one setting from.
struct SettingLocation {
    SettingRole role = SettingRole::base_url;
    // "" = the environment variable named `key`. Otherwise a file: "~/…" under HOME, "{project}/…" in the project
    // folder (the working directory), "{up}/…" in the project folder and every folder above it, nearest first,
    // "${VAR:-fallback}/…" under $VAR when it is set, else under `fallback` ("${CODEX_HOME:-~/.codex}/config.toml"),
    // "${VAR}/…" only when $VAR is set, "${VAR}" the file $VAR names (relative to the project folder).
    std::string_view file = {};
    ConfigFormat format = ConfigFormat::json;
    // Dotted key path ("env.ANTHROPIC_BASE_URL"); "*" stands for one segment of any name (a provider id, a list
    // index). An environment location: the variable's name.
    std::string_view key = {};
    // The catalog entry whose rules apply. "" = from `providers`, keyed by the "*" segment, or by the value of
    // `provider_key`, a key next to the setting (Continue: models[*].provider).
    std::string_view client_id = {};
    std::span<const ProviderClient> providers = {};
    std::string_view provider_key = {};
    // Codex: a base is used only by the provider that the key `selected_by` (same file) names, `selector_default`
    // when that key is absent. A location without "*" stands for the provider `selects_as`.
    std::string_view selected_by = {};
    std::string_view selector_default = {};
    std::string_view selects_as = {};
    // Locations sharing a group > 0 are files of which the client reads only the FIRST that exists (Gemini CLI's
    // .env search), whether or not it holds the key.
    int first_file_group = 0;
    // role extra_setting: the ExtraSetting::name this location holds.
    std::string_view setting_name = {};
    // What the value must be (role wire_api: "responses"); a finding in effect with another value is a problem
    // that `configure` fixes. "" = no rule.
    std::string_view required_value = {};
    std::span<const CompanionEdit> companions = {};  // written along with a base URL written here
    Text note = {};
    // A variable whose value is a whole config document in `format` (Kilo's KILO_CONFIG_CONTENT); `key` is a key
    // inside it and `file` is empty. `configure` never rewrites it: the variable is set where Pathwise cannot see.
    std::string_view env_document = {};
    // What the client does with an env_document that does not parse: skip it silently (Kilo) or refuse to start
    // (OpenCode, which names the variable).
    bool invalid_document_stops_client = false;
};

// What `configure` creates when a product has no base URL configured anywhere: one entry per provider.
struct CreateTarget {
    const SettingLocation* location = nullptr;  // its file (or the first file of its group the client reads)
    std::string_view provider = {};             // fills "*" in the key, "" when the key has none
    std::string_view client_id = {};            // whose recommended base URL is written
};

// A product as a person knows it, with every location it reads, highest precedence first within a role.
struct SettingProduct {
    std::string_view id;    // what `pathwise configure` takes: "claude-code", "codex", "gemini-cli", …
    std::string_view name;  // "Claude Code"
    std::span<const SettingLocation> locations = {};
    // Where `configure` writes when no base URL is configured yet; an environment location means the export
    // line is printed. Empty: configure refuses and says what to add by hand (Continue: a model entry).
    std::span<const CreateTarget> create = {};
    // The npm package and binary whose version scan reads (package.json next to the binary on PATH); "" = none.
    std::string_view package = {};
    std::string_view binary = {};
    std::string_view evidence = {};  // "measured 2.1.330: …" or the source file the order was read from
};

[[nodiscard]] std::span<const SettingProduct> setting_products();
[[nodiscard]] const SettingProduct* find_setting_product(std::string_view id);

// ---- what a machine holds ------------------------------------------------------------------------------------

struct EnvVar {
    std::string name;
    std::string value;
};
struct FileText {
    std::string path;     // absolute
    std::string text;     // the whole file
    std::string error{};  // why it could not be read ("permission denied"); text is then empty
};
struct SettingSources {
    std::string home;     // absolute, no trailing '/'
    std::string project;  // absolute, no trailing '/'
    std::vector<EnvVar> environment;
    std::vector<FileText> files;  // the files that exist, as read
    [[nodiscard]] const std::string* env(std::string_view name) const;
};

// Every file `product` may read, expanded for these sources, in precedence order (duplicates removed).
[[nodiscard]] std::vector<std::string> setting_files(const SettingProduct& product, const SettingSources& sources);
// The same path for one location; several for an "{up}/" location (nearest folder first).
[[nodiscard]] std::vector<std::string> expand_location(const SettingLocation& location, const SettingSources& sources);

// ---- what each client will use -------------------------------------------------------------------------------

struct SettingFinding {
    const SettingProduct* product = nullptr;
    const SettingLocation* location = nullptr;
    std::string file;                     // absolute path, "" for an environment variable
    std::string key;                      // the concrete key: "model_providers.pathwise.base_url", "ANTHROPIC_BASE_URL"
    std::vector<std::string> path;        // the same as segments (a TOML key may hold a dot: "my.proxy")
    std::string value;                    // the setting's value; for role api_key always "" (only that it is set)
    int line = 0;                         // 1-based, 0 for the environment
    const ClientEntry* client = nullptr;  // nullptr: the catalog has no rules for this provider (`provider` says)
    std::string provider;                 // the provider name from the file ("pathwise", "ollama"), "" = none
    bool in_effect = false;               // the value the client will use
    std::string shadowed_by;  // when not in effect: "env.ANTHROPIC_BASE_URL in /home/ana/app/.claude/settings.json"
    std::string not_selected_because;  // Codex: "model_provider = \"openai\"" selects another provider
    std::string variable;              // a finding inside an environment document: its variable, "KILO_CONFIG_CONTENT"
    // The file is one of a first-file group the client does not read, because another file of the group was found
    // first (Gemini CLI's .env search): the value is never used, whatever it says.
    bool in_unread_file = false;
};

// A file the client would read but that stops the scan from knowing what it holds, or that hides another.
struct SettingFileIssue {
    const SettingProduct* product = nullptr;
    std::string file;
    std::string problem;      // "line 3, column 7: expected ':'"; "permission denied";
                              // "not read: /home/ana/app/.env is found first"
    bool unreadable = false;  // true: parse or read error (the scan cannot vouch for this client)
};

struct FoundSettings {
    std::vector<SettingFinding> findings;  // per product, in location order
    std::vector<SettingFileIssue> issues;
};

// Reads every location of every product (or of `only` when given) from `sources`.
[[nodiscard]] FoundSettings find_settings(const SettingSources& sources, const SettingProduct* only = nullptr);

// The ExtraSetting names of `client` that the findings of the same product hold with the value the catalog asks
// for (for resolve_client's applied_settings).
[[nodiscard]] std::vector<std::string> applied_settings(const FoundSettings& found, const SettingProduct& product,
                                                        const ClientVariant& variant);

// ---- what `configure` writes ---------------------------------------------------------------------------------

struct SettingEdit {
    std::string file;  // absolute; "" = an environment variable (printed, never written)
    ConfigFormat format = ConfigFormat::json;
    std::vector<std::string> path;  // key path; for the environment: {NAME}
    std::string value;
    bool literal = false;  // written as is (a boolean), not as a string
    std::string why;       // "the base URL Claude Code will use"
};

struct ConfigurePlan {
    const SettingProduct* product = nullptr;
    const ClientEntry* client = nullptr;  // whose recommendation is written
    std::string base_url;                 // the recommended base URL
    std::vector<SettingEdit> edits;       // file edits first, then environment lines
    std::vector<std::string> notes;       // what the person should know ("your shell's ANTHROPIC_BASE_URL is
                                          // overridden by ~/.claude/settings.json")
};

// The edits that make `product` use the proxy at `proxy_origin`: the location in effect is fixed where it is (a
// file), else the product's write_to file gets the value; the catalog's extra settings the client needs are
// added. `provider_name` is the custom provider to create where the client needs one ("pathwise").
[[nodiscard]] Result<ConfigurePlan> plan_configure(const SettingProduct& product, const FoundSettings& found,
                                                   const SettingSources& sources, std::string_view proxy_origin,
                                                   bool proxy_bridges_websockets, std::string_view version = {});

}  // namespace pathwise
