// client_settings_data.hpp — the data behind client_settings.hpp: every place each product reads its base URL
// and the settings beside it, highest precedence first. docs/client-settings.md gives each rule's evidence.
#pragma once

#include <array>

#include "pathwise/client_settings.hpp"

namespace pathwise::catalog {

// ---- Claude Code ---------------------------------------------------------------------------------------------
// Measured 2.1.330 (two capture servers, one value per place): .claude/settings.local.json beats the project's
// .claude/settings.json, which beats ~/.claude/settings.json, which beats the shell's ANTHROPIC_BASE_URL.
inline constexpr std::array kClaudeCodeLocations = {
    SettingLocation{
        .file = "{project}/.claude/settings.local.json", .key = "env.ANTHROPIC_BASE_URL", .client_id = "claude-code"},
    SettingLocation{
        .file = "{project}/.claude/settings.json", .key = "env.ANTHROPIC_BASE_URL", .client_id = "claude-code"},
    SettingLocation{.file = "~/.claude/settings.json", .key = "env.ANTHROPIC_BASE_URL", .client_id = "claude-code"},
    SettingLocation{.key = "ANTHROPIC_BASE_URL", .client_id = "claude-code"},
    SettingLocation{
        .role = SettingRole::api_key, .file = "{project}/.claude/settings.local.json", .key = "env.ANTHROPIC_API_KEY"},
    SettingLocation{
        .role = SettingRole::api_key, .file = "{project}/.claude/settings.json", .key = "env.ANTHROPIC_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .file = "~/.claude/settings.json", .key = "env.ANTHROPIC_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .key = "ANTHROPIC_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .file = "~/.claude/settings.json", .key = "env.ANTHROPIC_AUTH_TOKEN"},
    SettingLocation{.role = SettingRole::api_key, .key = "ANTHROPIC_AUTH_TOKEN"},
};

// ---- Codex CLI -----------------------------------------------------------------------------------------------
// codex-rs config: $CODEX_HOME (default ~/.codex)/config.toml. `model_provider` picks the provider ("openai", the
// built-in one, when unset); the built-in provider's base is `openai_base_url`; OPENAI_BASE_URL is not read
// (measured 0.169.0). Codex 0.169's ModelProviderInfo has `supports_websockets` (read from the binary's serde
// field list).
inline constexpr std::array kCodexProviderCompanions = {
    CompanionEdit{.key = "model_provider", .value = "{provider}", .only_when_creating = true},
    CompanionEdit{.key = "model_providers.{provider}.name", .value = "Pathwise", .only_when_creating = true},
    // wire_api = "chat" is refused at start-up (measured 0.169.0); "responses" is the only wire API left.
    CompanionEdit{.key = "model_providers.{provider}.wire_api", .value = "responses"},
    CompanionEdit{.key = "model_providers.{provider}.supports_websockets",
                  .value = "false",
                  .literal = true,
                  .only_without_websockets = true},
};
// Measured 0.169.0: `profile = "name"` stops Codex at start-up ("legacy `profile` config is no longer supported"):
// a profile is now $CODEX_HOME/<name>.config.toml, layered on config.toml only with `--profile name`.
inline constexpr Text kCodexLegacyProfile{
    "Codex 0.169 refuses to start with this legacy key: move that profile's settings into "
    "$CODEX_HOME/<name>.config.toml and run `codex --profile <name>`.",
    "Codex 0.169 refuse de démarrer avec cette ancienne clé : déplacez les réglages de ce profil dans "
    "$CODEX_HOME/<nom>.config.toml et lancez `codex --profile <nom>`.",
    "Codex 0.169 se niega a arrancar con esta clave antigua: mueva los ajustes de ese perfil a "
    "$CODEX_HOME/<nombre>.config.toml y ejecute `codex --profile <nombre>`."};
// Measured 0.169.0: a trusted project's .codex/config.toml is read, but its URL keys are dropped with "Ignored
// unsupported project-local config keys …: openai_base_url, chatgpt_base_url, model_provider, model_providers".
inline constexpr Text kCodexProjectUrlKey{
    "Codex ignores this in a project's .codex/config.toml (measured 0.169.0): set it in "
    "$CODEX_HOME/config.toml (`pathwise configure codex`).",
    "Codex ignore ceci dans le .codex/config.toml d'un projet (mesuré en 0.169.0) : réglez-le dans "
    "$CODEX_HOME/config.toml (`pathwise configure codex`).",
    "Codex ignora esto en el .codex/config.toml de un proyecto (medido en 0.169.0): configúrelo en "
    "$CODEX_HOME/config.toml (`pathwise configure codex`)."};
constexpr SettingLocation codex_project_url_key(std::string_view key) {
    return SettingLocation{.role = SettingRole::refused,
                           .file = "{project}/.codex/config.toml",
                           .format = ConfigFormat::toml,
                           .key = key,
                           .note = kCodexProjectUrlKey};
}
inline constexpr std::array kCodexLocations = {
    SettingLocation{.file = "${CODEX_HOME:-~/.codex}/config.toml",
                    .format = ConfigFormat::toml,
                    .key = "model_providers.*.base_url",
                    .client_id = "codex-cli",
                    .selected_by = "model_provider",
                    .selector_default = "openai",
                    .companions = kCodexProviderCompanions},
    SettingLocation{.file = "${CODEX_HOME:-~/.codex}/config.toml",
                    .format = ConfigFormat::toml,
                    .key = "openai_base_url",
                    .client_id = "codex-cli.builtin",
                    .selected_by = "model_provider",
                    .selector_default = "openai",
                    .selects_as = "openai"},
    SettingLocation{.role = SettingRole::wire_api,
                    .file = "${CODEX_HOME:-~/.codex}/config.toml",
                    .format = ConfigFormat::toml,
                    .key = "model_providers.*.wire_api",
                    .selected_by = "model_provider",
                    .selector_default = "openai",
                    .required_value = "responses"},
    SettingLocation{.role = SettingRole::ignored,
                    .key = "OPENAI_BASE_URL",
                    .note = {"Codex does not read OPENAI_BASE_URL (measured 0.169.0: requests still went to "
                             "api.openai.com); its base URL is set in config.toml.",
                             "Codex ne lit pas OPENAI_BASE_URL (mesuré en 0.169.0 : les requêtes partaient vers "
                             "api.openai.com) ; sa base se règle dans config.toml.",
                             "Codex no lee OPENAI_BASE_URL (medido en 0.169.0: las peticiones iban a api.openai.com); "
                             "su base se configura en config.toml."}},
    SettingLocation{.role = SettingRole::api_key, .key = "OPENAI_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .key = "CODEX_API_KEY"},
    SettingLocation{.role = SettingRole::refused,
                    .file = "${CODEX_HOME:-~/.codex}/config.toml",
                    .format = ConfigFormat::toml,
                    .key = "profile",
                    .note = kCodexLegacyProfile},
    codex_project_url_key("model_provider"),
    codex_project_url_key("openai_base_url"),
    codex_project_url_key("model_providers.*.base_url"),
};

// ---- Gemini CLI ----------------------------------------------------------------------------------------------
// Measured 0.61.0: the shell's GOOGLE_GEMINI_BASE_URL beats any .env; only the FIRST .env found is loaded — from
// the working directory up to /, .gemini/.env then .env in each folder, then ~/.gemini/.env, then ~/.env (bundle
// findEnvFile) — so a project .env without the variable hides ~/.gemini/.env (measured: no request reached it).
// The workspace's .gemini/settings.json overrides ~/.gemini/settings.json.
inline constexpr std::array kGeminiCliLocations = {
    SettingLocation{.key = "GOOGLE_GEMINI_BASE_URL", .client_id = "gemini-cli"},
    SettingLocation{.file = "{up}/.gemini/.env",
                    .format = ConfigFormat::dotenv,
                    .key = "GOOGLE_GEMINI_BASE_URL",
                    .client_id = "gemini-cli",
                    .first_file_group = 1},
    SettingLocation{.file = "{up}/.env",
                    .format = ConfigFormat::dotenv,
                    .key = "GOOGLE_GEMINI_BASE_URL",
                    .client_id = "gemini-cli",
                    .first_file_group = 1},
    SettingLocation{.file = "~/.gemini/.env",
                    .format = ConfigFormat::dotenv,
                    .key = "GOOGLE_GEMINI_BASE_URL",
                    .client_id = "gemini-cli",
                    .first_file_group = 1},
    SettingLocation{.file = "~/.env",
                    .format = ConfigFormat::dotenv,
                    .key = "GOOGLE_GEMINI_BASE_URL",
                    .client_id = "gemini-cli",
                    .first_file_group = 1},
    SettingLocation{.role = SettingRole::extra_setting,
                    .file = "{project}/.gemini/settings.json",
                    .key = "security.auth.selectedType",
                    .setting_name = "security.auth.selectedType"},
    SettingLocation{.role = SettingRole::extra_setting,
                    .file = "~/.gemini/settings.json",
                    .key = "security.auth.selectedType",
                    .setting_name = "security.auth.selectedType"},
    SettingLocation{.role = SettingRole::api_key, .key = "GEMINI_API_KEY"},
    SettingLocation{.role = SettingRole::api_key,
                    .file = "~/.gemini/.env",
                    .format = ConfigFormat::dotenv,
                    .key = "GEMINI_API_KEY"},
};

// ---- Kilo CLI ------------------------------------------------------------------------------------------------
// Measured 7.7.7, one capture port per place, pairwise (docs/client-settings.md). Configs merge key by key, so each
// place competes for the one key. Highest first: KILO_CONFIG_CONTENT (a whole JSON config in a variable; invalid
// JSON is skipped silently), then the files of $KILO_CONFIG_DIR, ~/.kilo/, ~/.kilocode/ (home folders beat every
// project file), the project's .kilo/ and .kilocode/, the project's opencode.json and kilo.json, the file
// $KILO_CONFIG names, and last the global ${XDG_CONFIG_HOME:-~/.config}/kilo/. Within one folder the bundle loads
// config.json, kilo.json, kilo.jsonc, opencode.json, opencode.jsonc, a later one overriding (measured for the
// global folder: opencode.json > kilo.json > config.json). OPENCODE_CONFIG(_CONTENT) is not read. A provider named
// openai, anthropic or google is the built-in AI SDK provider of that name; any other is a custom one
// (docs/clients.md 1.7: `npm` @ai-sdk/openai-compatible).
inline constexpr std::array kKiloProviders = {
    ProviderClient{"openai", "kilo-cli.openai"},
    ProviderClient{"anthropic", "kilo-cli.anthropic"},
    ProviderClient{"google", "kilo-cli.google"},
    ProviderClient{"*", "kilo-cli.openai-compatible"},
};
constexpr SettingLocation kilo_file(std::string_view file) {
    return SettingLocation{.file = file, .key = "provider.*.options.baseURL", .providers = kKiloProviders};
}
inline constexpr std::size_t kKiloGlobalKiloJson = 29;  // where `configure kilo` writes when nothing is set
inline constexpr std::array kKiloLocations = {
    SettingLocation{
        .key = "provider.*.options.baseURL", .providers = kKiloProviders, .env_document = "KILO_CONFIG_CONTENT"},
    kilo_file("${KILO_CONFIG_DIR}/opencode.jsonc"),
    kilo_file("${KILO_CONFIG_DIR}/opencode.json"),
    kilo_file("${KILO_CONFIG_DIR}/kilo.jsonc"),
    kilo_file("${KILO_CONFIG_DIR}/kilo.json"),
    kilo_file("~/.kilo/opencode.jsonc"),
    kilo_file("~/.kilo/opencode.json"),
    kilo_file("~/.kilo/kilo.jsonc"),
    kilo_file("~/.kilo/kilo.json"),
    kilo_file("~/.kilocode/opencode.jsonc"),
    kilo_file("~/.kilocode/opencode.json"),
    kilo_file("~/.kilocode/kilo.jsonc"),
    kilo_file("~/.kilocode/kilo.json"),
    kilo_file("{project}/.kilo/opencode.jsonc"),
    kilo_file("{project}/.kilo/opencode.json"),
    kilo_file("{project}/.kilo/kilo.jsonc"),
    kilo_file("{project}/.kilo/kilo.json"),
    kilo_file("{project}/.kilocode/opencode.jsonc"),
    kilo_file("{project}/.kilocode/opencode.json"),
    kilo_file("{project}/.kilocode/kilo.jsonc"),
    kilo_file("{project}/.kilocode/kilo.json"),
    kilo_file("{project}/opencode.jsonc"),
    kilo_file("{project}/opencode.json"),
    kilo_file("{project}/kilo.jsonc"),
    kilo_file("{project}/kilo.json"),
    kilo_file("${KILO_CONFIG}"),
    kilo_file("${XDG_CONFIG_HOME:-~/.config}/kilo/opencode.jsonc"),
    kilo_file("${XDG_CONFIG_HOME:-~/.config}/kilo/opencode.json"),
    kilo_file("${XDG_CONFIG_HOME:-~/.config}/kilo/kilo.jsonc"),
    kilo_file("${XDG_CONFIG_HOME:-~/.config}/kilo/kilo.json"),
    kilo_file("${XDG_CONFIG_HOME:-~/.config}/kilo/config.json"),
};
static_assert(kKiloLocations[kKiloGlobalKiloJson].file == "${XDG_CONFIG_HOME:-~/.config}/kilo/kilo.json");

// ---- Continue ------------------------------------------------------------------------------------------------
// Continue's docs: ~/.continue/config.yaml, models[].apiBase next to models[].provider; the older config.json has
// the same keys. Read from source and docs, not run (the extension is not on npm).
inline constexpr std::array kContinueProviders = {
    ProviderClient{"openai", "continue.openai"},
    ProviderClient{"anthropic", "continue.anthropic"},
    ProviderClient{"gemini", "continue.gemini"},
};
inline constexpr std::array kContinueLocations = {
    SettingLocation{.file = "~/.continue/config.yaml",
                    .format = ConfigFormat::yaml,
                    .key = "models.*.apiBase",
                    .providers = kContinueProviders,
                    .provider_key = "provider",
                    .first_file_group = 1},
    SettingLocation{.file = "~/.continue/config.json",
                    .key = "models.*.apiBase",
                    .providers = kContinueProviders,
                    .provider_key = "provider",
                    .first_file_group = 1},
};

// ---- OpenCode -------------------------------------------------------------------------------------------------
// Measured 1.18.33, one base and key per place, pairwise (98 runs; the bundle's config loader agrees). Configs merge
// key by key, so each place competes for the one key. Highest first: OPENCODE_CONFIG_CONTENT (a whole JSONC config;
// one that does not parse stops OpenCode, naming the variable), $OPENCODE_CONFIG_DIR, ~/.opencode/, the project's
// .opencode/ folders and opencode.json(c) (from the working directory up to the git root), the file
// $OPENCODE_CONFIG names, the global ${XDG_CONFIG_HOME:-~/.config}/opencode/ (opencode.jsonc > opencode.json >
// config.json; config.json is read only there), and last ANTHROPIC_BASE_URL / OPENAI_BASE_URL for the built-in
// provider of that name. Within a folder opencode.jsonc beats opencode.json. Any file that does not parse stops
// OpenCode with its path. Not modelled: the managed /etc/opencode/ (above all of these) and an organisation's
// remote config; {up} walks to / nearest first, where OpenCode stops at the git root and lets the farthest
// .opencode/ win (it differs only with several project configs on one path).
inline constexpr std::array kOpenCodeProviders = {
    ProviderClient{"openai", "opencode.openai"},
    ProviderClient{"anthropic", "opencode.anthropic"},
    ProviderClient{"google", "opencode.google"},
    ProviderClient{"*", "opencode.openai-compatible"},
};
constexpr SettingLocation opencode_file(std::string_view file) {
    return SettingLocation{.file = file, .key = "provider.*.options.baseURL", .providers = kOpenCodeProviders};
}
inline constexpr std::size_t kOpenCodeGlobalJsonc = 10;  // OpenCode creates it ({"$schema"}) at first start
inline constexpr std::array kOpenCodeLocations = {
    SettingLocation{.key = "provider.*.options.baseURL",
                    .providers = kOpenCodeProviders,
                    .env_document = "OPENCODE_CONFIG_CONTENT",
                    .invalid_document_stops_client = true},
    opencode_file("${OPENCODE_CONFIG_DIR}/opencode.jsonc"),
    opencode_file("${OPENCODE_CONFIG_DIR}/opencode.json"),
    opencode_file("~/.opencode/opencode.jsonc"),
    opencode_file("~/.opencode/opencode.json"),
    opencode_file("{up}/.opencode/opencode.jsonc"),
    opencode_file("{up}/.opencode/opencode.json"),
    opencode_file("{up}/opencode.jsonc"),
    opencode_file("{up}/opencode.json"),
    opencode_file("${OPENCODE_CONFIG}"),
    opencode_file("${XDG_CONFIG_HOME:-~/.config}/opencode/opencode.jsonc"),
    opencode_file("${XDG_CONFIG_HOME:-~/.config}/opencode/opencode.json"),
    opencode_file("${XDG_CONFIG_HOME:-~/.config}/opencode/config.json"),
    // The same variable Claude Code reads, with another join: OpenCode needs …/v1 in it (catalog caveat).
    SettingLocation{.key = "ANTHROPIC_BASE_URL", .client_id = "opencode.anthropic", .selects_as = "anthropic"},
    SettingLocation{.key = "OPENAI_BASE_URL", .client_id = "opencode.openai", .selects_as = "openai"},
    SettingLocation{.role = SettingRole::api_key, .key = "ANTHROPIC_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .key = "OPENAI_API_KEY"},
};
static_assert(kOpenCodeLocations[kOpenCodeGlobalJsonc].file == "${XDG_CONFIG_HOME:-~/.config}/opencode/opencode.jsonc");

// ---- SDKs that read only the environment ---------------------------------------------------------------------
inline constexpr std::array kOpenAiSdkLocations = {
    SettingLocation{.key = "OPENAI_BASE_URL", .client_id = "openai-node"},
    SettingLocation{.role = SettingRole::api_key, .key = "OPENAI_API_KEY"},
};
inline constexpr std::array kAnthropicSdkLocations = {
    SettingLocation{.key = "ANTHROPIC_BASE_URL", .client_id = "anthropic-sdk-node"},
    SettingLocation{.role = SettingRole::api_key, .key = "ANTHROPIC_API_KEY"},
};
inline constexpr std::array kGoogleGenAiLocations = {
    SettingLocation{.key = "GOOGLE_GEMINI_BASE_URL", .client_id = "google-genai-node"},
    SettingLocation{.role = SettingRole::extra_setting,
                    .key = "GOOGLE_GENAI_API_VERSION",
                    .setting_name = "GOOGLE_GENAI_API_VERSION"},
    SettingLocation{.role = SettingRole::api_key, .key = "GEMINI_API_KEY"},
    SettingLocation{.role = SettingRole::api_key, .key = "GOOGLE_API_KEY"},
};

inline constexpr std::array kClaudeCodeCreate = {CreateTarget{&kClaudeCodeLocations[2], "", "claude-code"}};
inline constexpr std::array kCodexCreate = {CreateTarget{&kCodexLocations[0], "pathwise", "codex-cli"}};
inline constexpr std::array kGeminiCliCreate = {CreateTarget{&kGeminiCliLocations[3], "", "gemini-cli"}};
// The three built-in providers, each given its own base (…/v1, …/v1, …/v1beta: docs/clients.md 1.7).
inline constexpr std::array kKiloCreate = {
    CreateTarget{&kKiloLocations[kKiloGlobalKiloJson], "openai", "kilo-cli.openai"},
    CreateTarget{&kKiloLocations[kKiloGlobalKiloJson], "anthropic", "kilo-cli.anthropic"},
    CreateTarget{&kKiloLocations[kKiloGlobalKiloJson], "google", "kilo-cli.google"},
};
inline constexpr std::array kOpenCodeCreate = {
    CreateTarget{&kOpenCodeLocations[kOpenCodeGlobalJsonc], "openai", "opencode.openai"},
    CreateTarget{&kOpenCodeLocations[kOpenCodeGlobalJsonc], "anthropic", "opencode.anthropic"},
    CreateTarget{&kOpenCodeLocations[kOpenCodeGlobalJsonc], "google", "opencode.google"},
};
inline constexpr std::array kOpenAiSdkCreate = {CreateTarget{&kOpenAiSdkLocations[0], "", "openai-node"}};
inline constexpr std::array kAnthropicSdkCreate = {CreateTarget{&kAnthropicSdkLocations[0], "", "anthropic-sdk-node"}};
inline constexpr std::array kGoogleGenAiCreate = {CreateTarget{&kGoogleGenAiLocations[0], "", "google-genai-node"}};

inline constexpr std::array kSettingProducts = {
    SettingProduct{.id = "claude-code",
                   .name = "Claude Code",
                   .locations = kClaudeCodeLocations,
                   .create = kClaudeCodeCreate,
                   .package = "@anthropic-ai/claude-code",
                   .binary = "claude",
                   .evidence = "measured 2.1.330"},
    SettingProduct{.id = "codex",
                   .name = "Codex CLI",
                   .locations = kCodexLocations,
                   .create = kCodexCreate,
                   .package = "@openai/codex",
                   .binary = "codex",
                   .evidence = "measured 0.169.0; openai/codex codex-rs/core/src/config"},
    SettingProduct{.id = "gemini-cli",
                   .name = "Gemini CLI",
                   .locations = kGeminiCliLocations,
                   .create = kGeminiCliCreate,
                   .package = "@google/gemini-cli",
                   .binary = "gemini",
                   .evidence = "measured 0.61.0; bundle findEnvFile()"},
    SettingProduct{.id = "kilo",
                   .name = "Kilo CLI",
                   .locations = kKiloLocations,
                   .create = kKiloCreate,
                   .package = "@kilocode/cli",
                   .binary = "kilo",
                   .evidence = "measured 7.7.7; bundle ConfigPaths"},
    SettingProduct{.id = "continue",
                   .name = "Continue",
                   .locations = kContinueLocations,
                   .evidence = "Continue docs (config.yaml reference)"},
    SettingProduct{.id = "opencode",
                   .name = "OpenCode",
                   .locations = kOpenCodeLocations,
                   .create = kOpenCodeCreate,
                   .package = "opencode-ai",
                   .binary = "opencode",
                   .evidence = "measured 1.18.33; bundle config loader"},
    SettingProduct{.id = "openai-sdk",
                   .name = "OpenAI SDK (OPENAI_BASE_URL)",
                   .locations = kOpenAiSdkLocations,
                   .create = kOpenAiSdkCreate,
                   .evidence = "measured openai 7.x: the variable and the option give the same paths"},
    SettingProduct{.id = "anthropic-sdk",
                   .name = "Anthropic SDK (ANTHROPIC_BASE_URL)",
                   .locations = kAnthropicSdkLocations,
                   .create = kAnthropicSdkCreate,
                   .evidence = "measured @anthropic-ai/sdk"},
    SettingProduct{.id = "google-genai",
                   .name = "Gemini SDK @google/genai (GOOGLE_GEMINI_BASE_URL)",
                   .locations = kGoogleGenAiLocations,
                   .create = kGoogleGenAiCreate,
                   .evidence = "measured @google/genai 3.1.0 and 2.32.0"},
};

}  // namespace pathwise::catalog
