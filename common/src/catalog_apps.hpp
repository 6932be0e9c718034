// catalog_apps.hpp — applications built on the SDKs: Kilo, Cline, Roo Code, Continue, Cherry Studio, Open WebUI,
// LobeChat, Cursor, and a person typing URLs into curl (docs/clients.md 1.7–1.14). Internal to the core.
#pragma once

#include <array>

#include "catalog_rules.hpp"

namespace pathwise::catalog {

inline constexpr Text kAppFullEndpointDoubles{
    "Type the base, not the full endpoint: the app appends its own path (…/v1/chat/completions is doubled).",
    "Saisissez la base, pas l'adresse complète du point d'accès : l'application ajoute son propre chemin "
    "(…/v1/chat/completions est doublé).",
    "Escribe la base, no la URL completa del endpoint: la aplicación añade su propia ruta "
    "(…/v1/chat/completions se duplica)."};

// ---- Kilo CLI 7.x (opencode fork; also the 2026 Kilo VS Code extension) -------------------------------------

// Providers are AI SDK providers fed `provider.<id>.options.baseURL` (measured 7.7.7, docs/clients.md 1.7).
inline constexpr std::array kKiloOpenAiCompatibleCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "kilo run (npm: @ai-sdk/openai-compatible)"}};
inline constexpr std::array kKiloOpenAiCalls = {ClientCall{.id = "responses",
                                                           .method = Method::post,
                                                           .path = "/responses",
                                                           .route_id = "openai.responses",
                                                           .trigger = "kilo run (built-in openai provider)"}};
inline constexpr std::array kKiloAnthropicCalls = {ClientCall{.id = "messages",
                                                              .method = Method::post,
                                                              .path = "/messages",
                                                              .route_id = "anthropic.messages",
                                                              .trigger = "kilo run (anthropic provider)"}};
inline constexpr std::array kKiloGoogleCalls = {ClientCall{.id = "stream",
                                                           .method = Method::post,
                                                           .path = "/models/{model}:streamGenerateContent",
                                                           .query = "alt=sse",
                                                           .route_id = "gemini.stream_generate_content",
                                                           .trigger = "kilo run (google provider)"}};

inline constexpr std::array kKiloOpenAiCompatibleEntryPoints = {
    EntryPoint{"config", "kilo.json provider.<id>.options.baseURL",
               "{ \"provider\": { \"pathwise\": { \"npm\": \"@ai-sdk/openai-compatible\", \"options\": { \"baseURL\": "
               "\"{base}\" }, \"models\": { \"gpt-4o-mini\": {} } } } }"}};
inline constexpr std::array kKiloOpenAiEntryPoints = {
    EntryPoint{"config", "kilo.json provider.openai.options.baseURL",
               "{ \"provider\": { \"openai\": { \"options\": { \"baseURL\": \"{base}\" } } } }"}};
inline constexpr std::array kKiloAnthropicEntryPoints = {
    EntryPoint{"config", "kilo.json provider.anthropic.options.baseURL",
               "{ \"provider\": { \"anthropic\": { \"options\": { \"baseURL\": \"{base}\" } } } }"}};
inline constexpr std::array kKiloGoogleEntryPoints = {
    EntryPoint{"config", "kilo.json provider.google.options.baseURL",
               "{ \"provider\": { \"google\": { \"options\": { \"baseURL\": \"{base}\" } } } }"}};

inline constexpr Text kKiloSharesRules{
    "Kilo CLI 7.x and the 2026 Kilo VS Code extension share these rules: the AI SDK providers append only the "
    "endpoint, so the base carries the version (/v1 for OpenAI and Anthropic, /v1beta for Google).",
    "Kilo CLI 7.x et l'extension VS Code Kilo de 2026 partagent ces règles : les fournisseurs de l'AI SDK "
    "n'ajoutent que le point d'accès, la base porte donc la version (/v1 pour OpenAI et Anthropic, /v1beta pour "
    "Google).",
    "Kilo CLI 7.x y la extensión de VS Code de Kilo de 2026 comparten estas reglas: los proveedores del AI SDK solo "
    "añaden el endpoint, así que la base lleva la versión (/v1 para OpenAI y Anthropic, /v1beta para Google)."};
inline constexpr std::array kKiloCaveats = {kKiloSharesRules};
inline constexpr Text kKiloOpenAiResponses{
    "The built-in openai provider uses the Responses API (/responses), not Chat Completions.",
    "Le fournisseur openai intégré utilise l'API Responses (/responses), pas Chat Completions.",
    "El proveedor openai integrado usa la API Responses (/responses), no Chat Completions."};
inline constexpr std::array kKiloOpenAiCaveats = {kKiloSharesRules, kKiloOpenAiResponses};

inline constexpr std::string_view kKiloSource = "measured; Kilo-Org/kilocode (opencode fork) AI SDK providers";
inline constexpr std::array kKiloOpenAiCompatibleVariants = {
    ClientVariant{.versions = "7.x",
                  .measured = "7.7.7",
                  .source = kKiloSource,
                  .join = kStripAllConcatJoin,
                  .calls = kKiloOpenAiCompatibleCalls,
                  .entry_points = kKiloOpenAiCompatibleEntryPoints,
                  .caveats = kKiloCaveats}};
inline constexpr std::array kKiloOpenAiVariants = {ClientVariant{.versions = "7.x",
                                                                 .measured = "7.7.7",
                                                                 .source = kKiloSource,
                                                                 .join = kStripAllConcatJoin,
                                                                 .calls = kKiloOpenAiCalls,
                                                                 .default_base_url = "https://api.openai.com/v1",
                                                                 .entry_points = kKiloOpenAiEntryPoints,
                                                                 .caveats = kKiloOpenAiCaveats}};
inline constexpr std::array kKiloAnthropicVariants = {ClientVariant{.versions = "7.x",
                                                                    .measured = "7.7.7",
                                                                    .source = kKiloSource,
                                                                    .join = kStripAllConcatJoin,
                                                                    .calls = kKiloAnthropicCalls,
                                                                    .default_base_url = "https://api.anthropic.com/v1",
                                                                    .entry_points = kKiloAnthropicEntryPoints,
                                                                    .caveats = kKiloCaveats}};
inline constexpr std::array kKiloGoogleVariants = {
    ClientVariant{.versions = "7.x",
                  .measured = "7.7.7",
                  .source = kKiloSource,
                  .join = kStripAllConcatJoin,
                  .calls = kKiloGoogleCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta",
                  .entry_points = kKiloGoogleEntryPoints,
                  .caveats = kKiloCaveats}};

// ---- OpenCode (npm opencode-ai; Kilo CLI 7.x is its fork) --------------------------------------------------

// Measured 1.18.33 (docs/clients.md 1.15): the AI SDK providers Kilo has, fed provider.<id>.options.baseURL, every
// trailing '/' removed. Each `opencode run` sends two streamed calls to the same path: a session title (the
// provider's small model) and the answer. The built-in anthropic and openai providers also read ANTHROPIC_BASE_URL
// and OPENAI_BASE_URL when no config sets a baseURL, with the same join.
inline constexpr std::array kOpenCodeOpenAiCompatibleCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "opencode run (npm: @ai-sdk/openai-compatible)"}};
inline constexpr std::array kOpenCodeOpenAiCalls = {ClientCall{.id = "responses",
                                                               .method = Method::post,
                                                               .path = "/responses",
                                                               .route_id = "openai.responses",
                                                               .trigger = "opencode run (built-in openai provider)"}};
inline constexpr std::array kOpenCodeAnthropicCalls = {ClientCall{.id = "messages",
                                                                  .method = Method::post,
                                                                  .path = "/messages",
                                                                  .route_id = "anthropic.messages",
                                                                  .trigger = "opencode run (anthropic provider)"}};
inline constexpr std::array kOpenCodeGoogleCalls = {ClientCall{.id = "stream",
                                                               .method = Method::post,
                                                               .path = "/models/{model}:streamGenerateContent",
                                                               .query = "alt=sse",
                                                               .route_id = "gemini.stream_generate_content",
                                                               .trigger = "opencode run (google provider)"}};
inline constexpr std::array kOpenCodeOpenAiCompatibleEntryPoints = {
    EntryPoint{"config", "opencode.json provider.<id>.options.baseURL",
               "{ \"provider\": { \"pathwise\": { \"npm\": \"@ai-sdk/openai-compatible\", \"options\": { "
               "\"baseURL\": \"{base}\" }, \"models\": { \"gpt-4o-mini\": {} } } } }"}};
inline constexpr std::array kOpenCodeOpenAiEntryPoints = {
    EntryPoint{"config", "opencode.json provider.openai.options.baseURL",
               "{ \"provider\": { \"openai\": { \"options\": { \"baseURL\": \"{base}\" } } } }"},
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"}};
inline constexpr std::array kOpenCodeAnthropicEntryPoints = {
    EntryPoint{"config", "opencode.json provider.anthropic.options.baseURL",
               "{ \"provider\": { \"anthropic\": { \"options\": { \"baseURL\": \"{base}\" } } } }"},
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"}};
inline constexpr std::array kOpenCodeGoogleEntryPoints = {
    EntryPoint{"config", "opencode.json provider.google.options.baseURL",
               "{ \"provider\": { \"google\": { \"options\": { \"baseURL\": \"{base}\" } } } }"}};

inline constexpr Text kOpenCodeRules{
    "OpenCode's AI SDK providers append only the endpoint, so the base carries the version (/v1 for OpenAI and "
    "Anthropic, /v1beta for Google). Each run sends two calls: a session title, then the answer.",
    "Les fournisseurs AI SDK d'OpenCode n'ajoutent que le point d'accès, la base porte donc la version (/v1 pour "
    "OpenAI et Anthropic, /v1beta pour Google). Chaque exécution envoie deux appels : un titre de session, puis la "
    "réponse.",
    "Los proveedores AI SDK de OpenCode solo añaden el endpoint, así que la base lleva la versión (/v1 para OpenAI y "
    "Anthropic, /v1beta para Google). Cada ejecución envía dos llamadas: un título de sesión y luego la respuesta."};
inline constexpr std::array kOpenCodeCaveats = {kOpenCodeRules};
inline constexpr std::array kOpenCodeOpenAiCaveats = {
    kOpenCodeRules,
    Text{"The built-in openai provider uses the Responses API (/responses) and also reads OPENAI_BASE_URL (…/v1).",
         "Le fournisseur openai intégré utilise l'API Responses (/responses) et lit aussi OPENAI_BASE_URL (…/v1).",
         "El proveedor openai integrado usa la API Responses (/responses) y también lee OPENAI_BASE_URL (…/v1)."}};
// The same variable, two right answers (OpenCode #35005): Claude Code's caveat says the other half.
inline constexpr Text kOpenCodeAnthropicEnv{
    "ANTHROPIC_BASE_URL means something else here than for Claude Code: OpenCode appends only /messages, so it "
    "needs …/v1, where Claude Code needs the host alone. One shell cannot serve both: give OpenCode its base in "
    "opencode.json (provider.anthropic.options.baseURL beats the variable) and keep the variable for Claude Code.",
    "ANTHROPIC_BASE_URL ne veut pas dire la même chose ici que pour Claude Code : OpenCode n'ajoute que /messages, "
    "il lui faut donc …/v1, là où Claude Code veut l'hôte seul. Un même shell ne peut pas servir les deux : donnez "
    "sa base à OpenCode dans opencode.json (provider.anthropic.options.baseURL l'emporte sur la variable) et gardez "
    "la variable pour Claude Code.",
    "ANTHROPIC_BASE_URL no significa lo mismo aquí que para Claude Code: OpenCode solo añade /messages, así que "
    "necesita …/v1, donde Claude Code necesita solo el host. Un mismo shell no sirve a los dos: da a OpenCode su "
    "base en opencode.json (provider.anthropic.options.baseURL gana a la variable) y deja la variable para Claude "
    "Code."};
inline constexpr std::array kOpenCodeAnthropicCaveats = {kOpenCodeRules, kOpenCodeAnthropicEnv};
inline constexpr std::array kOpenCodeGoogleCaveats = {
    kOpenCodeRules,
    Text{"No environment variable moves the google provider (GOOGLE_GEMINI_BASE_URL is ignored): set it in "
         "opencode.json.",
         "Aucune variable d'environnement ne déplace le fournisseur google (GOOGLE_GEMINI_BASE_URL est ignorée) : "
         "réglez-le dans opencode.json.",
         "Ninguna variable de entorno mueve el proveedor google (GOOGLE_GEMINI_BASE_URL se ignora): ajústalo en "
         "opencode.json."}};

inline constexpr std::string_view kOpenCodeSource = "measured; anomalyco/opencode AI SDK providers (Bun binary)";
inline constexpr std::array kOpenCodeOpenAiCompatibleVariants = {
    ClientVariant{.versions = "1.x",
                  .measured = "1.18.33",
                  .source = kOpenCodeSource,
                  .join = kStripAllConcatJoin,
                  .calls = kOpenCodeOpenAiCompatibleCalls,
                  .entry_points = kOpenCodeOpenAiCompatibleEntryPoints,
                  .caveats = kOpenCodeCaveats}};
inline constexpr std::array kOpenCodeOpenAiVariants = {ClientVariant{.versions = "1.x",
                                                                     .measured = "1.18.33",
                                                                     .source = kOpenCodeSource,
                                                                     .join = kStripAllConcatJoin,
                                                                     .calls = kOpenCodeOpenAiCalls,
                                                                     .default_base_url = "https://api.openai.com/v1",
                                                                     .entry_points = kOpenCodeOpenAiEntryPoints,
                                                                     .caveats = kOpenCodeOpenAiCaveats}};
inline constexpr std::array kOpenCodeAnthropicVariants = {
    ClientVariant{.versions = "1.x",
                  .measured = "1.18.33",
                  .source = kOpenCodeSource,
                  .join = kStripAllConcatJoin,
                  .calls = kOpenCodeAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com/v1",
                  .entry_points = kOpenCodeAnthropicEntryPoints,
                  .caveats = kOpenCodeAnthropicCaveats}};
inline constexpr std::array kOpenCodeGoogleVariants = {
    ClientVariant{.versions = "1.x",
                  .measured = "1.18.33",
                  .source = kOpenCodeSource,
                  .join = kStripAllConcatJoin,
                  .calls = kOpenCodeGoogleCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta",
                  .entry_points = kOpenCodeGoogleEntryPoints,
                  .caveats = kOpenCodeGoogleCaveats}};

// ---- Kilo Code legacy extension (≤4.x, Roo fork) ------------------------------------------------------------

// The model list is `axios.get(\`${baseUrl}/models\`)`, a hand-built URL (docs/clients.md 1.7).
inline constexpr std::array kKiloLegacyCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "new OpenAI({ baseURL: openAiBaseUrl })"},
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/models",
               .route_id = "openai.models",
               .trigger = "axios.get(`${baseUrl}/models`)",
               .join_override = &kTemplateJoin},
};
inline constexpr std::array kKiloLegacyEntryPoints = {
    EntryPoint{"setting", "OpenAI Compatible → Base URL (openAiBaseUrl)", "{base}"}};
inline constexpr std::array kKiloLegacyCaveats = {
    Text{"Kilo's docs promise \"full endpoint URL\" support, but the code read does not strip /chat/completions: "
         "type the base.",
         "La documentation de Kilo promet la prise en charge d'une « URL de point d'accès complète », mais le code "
         "lu ne retire pas /chat/completions : saisissez la base.",
         "La documentación de Kilo promete admitir la «URL completa del endpoint», pero el código leído no quita "
         "/chat/completions: escribe la base."},
};
inline constexpr std::array kKiloLegacyVariants = {
    ClientVariant{.versions = "<=4.x",
                  .max_version = "5.0.0",
                  .source = "Kilo-Org/kilocode src/api/providers/openai.ts (legacy extension)",
                  .join = kStainlessNodeJoin,
                  .calls = kKiloLegacyCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kKiloLegacyEntryPoints,
                  .caveats = kKiloLegacyCaveats}};

// ---- Cline (2026 SDK) ---------------------------------------------------------------------------------------

inline constexpr std::array kClineOpenAiCompatibleCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "OpenAI Compatible provider (@ai-sdk/openai-compatible)"}};
inline constexpr std::array kClineOpenAiCalls = {
    ClientCall{.id = "responses",
               .method = Method::post,
               .path = "/responses",
               .route_id = "openai.responses",
               .trigger = "OpenAI provider (@ai-sdk/openai .responses())"}};
inline constexpr std::array kClineAnthropicCalls = {ClientCall{.id = "messages",
                                                               .method = Method::post,
                                                               .path = "/messages",
                                                               .route_id = "anthropic.messages",
                                                               .trigger = "Anthropic provider (@ai-sdk/anthropic)"}};
inline constexpr std::array kClineGeminiCalls = {ClientCall{.id = "stream",
                                                            .method = Method::post,
                                                            .path = "/models/{model}:streamGenerateContent",
                                                            .query = "alt=sse",
                                                            .route_id = "gemini.stream_generate_content",
                                                            .trigger = "Gemini provider (@ai-sdk/google)"}};
inline constexpr std::array kClineOpenAiCompatibleEntryPoints = {
    EntryPoint{"setting", "OpenAI Compatible → Base URL (openAiBaseUrl)", "{base}"}};
inline constexpr std::array kClineOpenAiEntryPoints = {EntryPoint{"setting", "OpenAI → Base URL", "{base}"}};
inline constexpr std::array kClineAnthropicEntryPoints = {
    EntryPoint{"setting", "Anthropic → custom base URL (anthropicBaseUrl)", "{base}"}};
inline constexpr std::array kClineGeminiEntryPoints = {
    EntryPoint{"setting", "Gemini → custom base URL (geminiBaseUrl)", "{base}"}};
inline constexpr std::array kClineCaveats = {
    Text{"Cline grafts the provider's default path (/v1, /v1beta) onto a host-only URL; any other path is used as "
         "typed. Builds before 2026-05 used the vendor SDKs directly (Anthropic SDK: {base}/v1/messages).",
         "Cline greffe le chemin par défaut du fournisseur (/v1, /v1beta) sur une URL réduite à l'hôte ; tout autre "
         "chemin est utilisé tel quel. Les versions d'avant 2026-05 utilisaient directement les SDK des éditeurs "
         "(SDK Anthropic : {base}/v1/messages).",
         "Cline injerta la ruta por defecto del proveedor (/v1, /v1beta) en una URL que solo tiene el host; "
         "cualquier otra ruta se usa tal cual. Las versiones anteriores a 2026-05 usaban directamente los SDK de "
         "cada proveedor (SDK de Anthropic: {base}/v1/messages)."},
    Text{"Read from the extension's source, not run. The Cline CLI (npm cline 3.x, measured) does not graft: see "
         "its own entries.",
         "Lu dans le code de l'extension, non exécuté. La CLI Cline (npm cline 3.x, mesurée) ne greffe rien : voir "
         "ses propres entrées.",
         "Leído del código de la extensión, no ejecutado. La CLI de Cline (npm cline 3.x, medida) no injerta nada: "
         "ver sus propias entradas."},
    kAppFullEndpointDoubles,
};
inline constexpr std::string_view kClineSource =
    "cline/cline apps/vscode/src/sdk/cline-session-factory.ts normalizeSdkBaseUrl() (snapshot 2026-08-22)";
inline constexpr std::string_view kClineVersions = "2026 SDK (since 2026-05)";
inline constexpr std::array kClineOpenAiCompatibleVariants = {
    ClientVariant{.versions = kClineVersions,
                  .source = kClineSource,
                  .join = kClineV1Join,
                  .calls = kClineOpenAiCompatibleCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kClineOpenAiCompatibleEntryPoints,
                  .caveats = kClineCaveats}};
inline constexpr std::array kClineOpenAiVariants = {ClientVariant{.versions = kClineVersions,
                                                                  .source = kClineSource,
                                                                  .join = kClineV1Join,
                                                                  .calls = kClineOpenAiCalls,
                                                                  .default_base_url = "https://api.openai.com/v1",
                                                                  .entry_points = kClineOpenAiEntryPoints,
                                                                  .caveats = kClineCaveats}};
inline constexpr std::array kClineAnthropicVariants = {ClientVariant{.versions = kClineVersions,
                                                                     .source = kClineSource,
                                                                     .join = kClineV1Join,
                                                                     .calls = kClineAnthropicCalls,
                                                                     .default_base_url = "https://api.anthropic.com/v1",
                                                                     .entry_points = kClineAnthropicEntryPoints,
                                                                     .caveats = kClineCaveats}};
inline constexpr std::array kClineGeminiVariants = {
    ClientVariant{.versions = kClineVersions,
                  .source = kClineSource,
                  .join = kClineV1betaJoin,
                  .calls = kClineGeminiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta",
                  .entry_points = kClineGeminiEntryPoints,
                  .caveats = kClineCaveats}};

// ---- Cline CLI 3.x (npm `cline`, a Bun binary on the same SDK) ---------------------------------------------

// Measured 3.0.65 (docs/clients.md 1.8): unlike the extension, nothing is grafted. OpenAI Compatible, OpenAI and
// Anthropic strip one trailing '/' and append the AI SDK path; Gemini strips every '/' and appends /v1beta unless
// the path's last segment is a version (`normalizeGeminiBaseUrl`). Bun sends a leading run of '/' as one.
inline constexpr JoinRule kClineCliJoin{
    .trim = BaseTrim::strip_one, .join = JoinStyle::concat, .collapses_leading_slashes = true};
inline constexpr JoinRule kClineCliGeminiJoin{.trim = BaseTrim::strip_all,
                                              .rewrite = {.append_version_unless_last = "v1beta"},
                                              .join = JoinStyle::concat,
                                              .collapses_leading_slashes = true};
inline constexpr std::array kClineCliOpenAiCompatibleCalls = {ClientCall{.id = "chat",
                                                                         .method = Method::post,
                                                                         .path = "/chat/completions",
                                                                         .route_id = "openai.chat_completions",
                                                                         .trigger = "cline -P openai-compatible"}};
inline constexpr std::array kClineCliOpenAiCalls = {ClientCall{.id = "responses",
                                                               .method = Method::post,
                                                               .path = "/responses",
                                                               .route_id = "openai.responses",
                                                               .trigger = "cline -P openai-native"}};
inline constexpr std::array kClineCliAnthropicCalls = {ClientCall{.id = "messages",
                                                                  .method = Method::post,
                                                                  .path = "/messages",
                                                                  .route_id = "anthropic.messages",
                                                                  .trigger = "cline -P anthropic"}};
inline constexpr std::array kClineCliGeminiCalls = {ClientCall{.id = "stream",
                                                               .method = Method::post,
                                                               .path = "/models/{model}:streamGenerateContent",
                                                               .query = "alt=sse",
                                                               .route_id = "gemini.stream_generate_content",
                                                               .trigger = "cline -P gemini"}};
inline constexpr std::string_view kClineCliProvidersFile = "~/.cline/data/settings/providers.json";
inline constexpr std::array kClineCliOpenAiCompatibleEntryPoints = {
    EntryPoint{"command", "cline auth -b", "cline auth -p openai-compatible -k KEY -m gpt-4o-mini -b {base}"},
    EntryPoint{"config", "providers.json providers.openai-compatible.settings.baseUrl",
               "{ \"providers\": { \"openai-compatible\": { \"settings\": { \"baseUrl\": \"{base}\" } } } }"}};
inline constexpr std::array kClineCliOpenAiEntryPoints = {
    EntryPoint{"command", "cline auth -b", "cline auth -p openai-native -k KEY -m gpt-4o-mini -b {base}"},
    EntryPoint{"config", "providers.json providers.openai-native.settings.baseUrl",
               "{ \"providers\": { \"openai-native\": { \"settings\": { \"baseUrl\": \"{base}\" } } } }"}};
inline constexpr std::array kClineCliAnthropicEntryPoints = {
    EntryPoint{"config", "providers.json providers.anthropic.settings.baseUrl",
               "{ \"providers\": { \"anthropic\": { \"settings\": { \"baseUrl\": \"{base}\" } } } }"}};
inline constexpr std::array kClineCliGeminiEntryPoints = {
    EntryPoint{"config", "providers.json providers.gemini.settings.baseUrl",
               "{ \"providers\": { \"gemini\": { \"settings\": { \"baseUrl\": \"{base}\" } } } }"}};
inline constexpr Text kClineCliNoGraft{
    "Unlike the Cline extension, the CLI grafts nothing: the base must carry the version (…/v1); the host alone "
    "sends /chat/completions, /responses or /messages.",
    "Contrairement à l'extension Cline, la CLI ne greffe rien : la base doit porter la version (…/v1) ; l'hôte "
    "seul envoie /chat/completions, /responses ou /messages.",
    "A diferencia de la extensión de Cline, la CLI no injerta nada: la base debe llevar la versión (…/v1); solo el "
    "host envía /chat/completions, /responses o /messages."};
inline constexpr Text kClineCliProvidersJson{
    "The base URL lives in ~/.cline/data/settings/providers.json; an entry without \"updatedAt\" is ignored and the "
    "run goes to the provider's own host. `cline auth -b` takes a base URL only for the OpenAI providers.",
    "L'URL de base se trouve dans ~/.cline/data/settings/providers.json ; une entrée sans « updatedAt » est ignorée "
    "et la requête part vers l'hôte du fournisseur. `cline auth -b` n'accepte une URL de base que pour les "
    "fournisseurs OpenAI.",
    "La URL base está en ~/.cline/data/settings/providers.json; una entrada sin «updatedAt» se ignora y la petición "
    "va al host del proveedor. `cline auth -b` solo acepta una URL base para los proveedores OpenAI."};
inline constexpr std::array kClineCliCaveats = {kClineCliNoGraft, kClineCliProvidersJson, kAppFullEndpointDoubles};
inline constexpr std::array kClineCliGeminiCaveats = {
    Text{"The Gemini provider appends /v1beta unless the path already ends in a version: the host alone and …/v1beta "
         "both work; …/v1 sends /v1/models/…, which is not Gemini's API.",
         "Le fournisseur Gemini ajoute /v1beta sauf si le chemin se termine déjà par une version : l'hôte seul et "
         "…/v1beta fonctionnent ; …/v1 envoie /v1/models/…, qui n'est pas l'API de Gemini.",
         "El proveedor Gemini añade /v1beta salvo que la ruta ya termine en una versión: solo el host y …/v1beta "
         "funcionan; …/v1 envía /v1/models/…, que no es la API de Gemini."},
    kClineCliProvidersJson};
inline constexpr std::string_view kClineCliSource = "measured (Bun binary; cline/cline sdk/packages/llms providers)";
inline constexpr std::array kClineCliOpenAiCompatibleVariants = {
    ClientVariant{.versions = "3.x",
                  .measured = "3.0.65",
                  .source = kClineCliSource,
                  .join = kClineCliJoin,
                  .calls = kClineCliOpenAiCompatibleCalls,
                  .entry_points = kClineCliOpenAiCompatibleEntryPoints,
                  .caveats = kClineCliCaveats}};
inline constexpr std::array kClineCliOpenAiVariants = {ClientVariant{.versions = "3.x",
                                                                     .measured = "3.0.65",
                                                                     .source = kClineCliSource,
                                                                     .join = kClineCliJoin,
                                                                     .calls = kClineCliOpenAiCalls,
                                                                     .default_base_url = "https://api.openai.com/v1",
                                                                     .entry_points = kClineCliOpenAiEntryPoints,
                                                                     .caveats = kClineCliCaveats}};
inline constexpr std::array kClineCliAnthropicVariants = {
    ClientVariant{.versions = "3.x",
                  .measured = "3.0.65",
                  .source = kClineCliSource,
                  .join = kClineCliJoin,
                  .calls = kClineCliAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com/v1",
                  .entry_points = kClineCliAnthropicEntryPoints,
                  .caveats = kClineCliCaveats}};
inline constexpr std::array kClineCliGeminiVariants = {
    ClientVariant{.versions = "3.x",
                  .measured = "3.0.65",
                  .source = kClineCliSource,
                  .join = kClineCliGeminiJoin,
                  .calls = kClineCliGeminiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta",
                  .entry_points = kClineCliGeminiEntryPoints,
                  .caveats = kClineCliGeminiCaveats}};

// ---- Roo Code -----------------------------------------------------------------------------------------------

inline constexpr std::array kRooOpenAiCompatibleCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "new OpenAI({ baseURL: openAiBaseUrl })"}};
// openai-native.ts: SDK responses.create, and on any SDK error
// fetch(`${openAiNativeBaseUrl || "https://api.openai.com"}/v1/responses`) (docs/clients.md 1.9).
inline constexpr std::array kRooOpenAiNativeCalls = {
    ClientCall{.id = "responses",
               .method = Method::post,
               .path = "/responses",
               .route_id = "openai.responses",
               .trigger = "client.responses.create()"},
    ClientCall{.id = "responses_fallback",
               .method = Method::post,
               .path = "/v1/responses",
               .route_id = "openai.responses",
               .trigger = "fetch(`${openAiNativeBaseUrl}/v1/responses`) after an SDK error",
               .join_override = &kTemplateJoin,
               .fallback_of = "responses"},
};
inline constexpr std::array kRooAnthropicCalls = {kAnthropicMessages};
inline constexpr std::array kRooGeminiCalls = {kGenaiStream};
inline constexpr std::array kRooOpenAiCompatibleEntryPoints = {
    EntryPoint{"setting", "OpenAI Compatible → Base URL (openAiBaseUrl)", "{base}"}};
inline constexpr std::array kRooOpenAiNativeEntryPoints = {
    EntryPoint{"setting", "OpenAI → custom base URL (openAiNativeBaseUrl)", "{base}"}};
inline constexpr std::array kRooAnthropicEntryPoints = {
    EntryPoint{"setting", "Anthropic → custom base URL (anthropicBaseUrl)", "{base}"}};
inline constexpr std::array kRooGeminiEntryPoints = {
    EntryPoint{"setting", "Gemini → custom base URL (googleGeminiBaseUrl)", "{base}"}};
inline constexpr std::array kRooOpenAiCompatibleCaveats = {kAppFullEndpointDoubles};
inline constexpr std::array kRooOpenAiNativeCaveats = {
    Text{"With the host only, the SDK call to /responses fails and Roo retries /v1/responses; with …/v1 the first "
         "call works (and the retry would send /v1/v1/responses).",
         "Avec l'hôte seul, l'appel du SDK à /responses échoue et Roo réessaie /v1/responses ; avec …/v1 le premier "
         "appel fonctionne (et la nouvelle tentative enverrait /v1/v1/responses).",
         "Con solo el host, la llamada del SDK a /responses falla y Roo reintenta /v1/responses; con …/v1 la primera "
         "llamada funciona (y el reintento enviaría /v1/v1/responses)."},
};
inline constexpr std::array kRooAnthropicCaveats = {
    Text{"Roo uses the Anthropic SDK, which adds /v1 itself: type the host only.",
         "Roo utilise le SDK Anthropic, qui ajoute /v1 lui-même : saisissez seulement l'hôte.",
         "Roo usa el SDK de Anthropic, que añade /v1 por su cuenta: escribe solo el host."}};
inline constexpr std::array kRooGeminiCaveats = {
    Text{"Roo bundles @google/genai ^1.29 (v1beta by default), which adds /v1beta itself: type the host only.",
         "Roo embarque @google/genai ^1.29 (v1beta par défaut), qui ajoute /v1beta lui-même : saisissez seulement "
         "l'hôte.",
         "Roo incluye @google/genai ^1.29 (v1beta por defecto), que añade /v1beta por su cuenta: escribe solo el "
         "host."}};
inline constexpr std::string_view kRooVersions = "snapshot 2026-04-14";
inline constexpr std::array kRooOpenAiCompatibleVariants = {
    ClientVariant{.versions = kRooVersions,
                  .source = "RooCodeInc/Roo-Code src/api/providers/openai.ts",
                  .join = kStainlessNodeJoin,
                  .calls = kRooOpenAiCompatibleCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kRooOpenAiCompatibleEntryPoints,
                  .caveats = kRooOpenAiCompatibleCaveats}};
inline constexpr std::array kRooOpenAiNativeVariants = {
    ClientVariant{.versions = kRooVersions,
                  .source = "RooCodeInc/Roo-Code src/api/providers/openai-native.ts",
                  .join = kStainlessNodeJoin,
                  .calls = kRooOpenAiNativeCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kRooOpenAiNativeEntryPoints,
                  .caveats = kRooOpenAiNativeCaveats}};
inline constexpr std::array kRooAnthropicVariants = {
    ClientVariant{.versions = kRooVersions,
                  .source = "RooCodeInc/Roo-Code src/api/providers/anthropic.ts",
                  .join = kStainlessNodeJoin,
                  .calls = kRooAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kRooAnthropicEntryPoints,
                  .caveats = kRooAnthropicCaveats}};
inline constexpr std::array kRooGeminiVariants = {
    ClientVariant{.versions = kRooVersions,
                  .source = "RooCodeInc/Roo-Code src/api/providers/gemini.ts",
                  .join = kGenaiV1betaJoin,
                  .calls = kRooGeminiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kRooGeminiEntryPoints,
                  .caveats = kRooGeminiCaveats}};

// ---- Continue -----------------------------------------------------------------------------------------------

// `new URL(endpoint, apiBase + '/')` with relative endpoints (docs/clients.md 1.10).
inline constexpr std::array kContinueOpenAiCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "chat (provider: openai)"},
    ClientCall{
        .id = "models", .method = Method::get, .path = "models", .route_id = "openai.models", .trigger = "model list"},
};
inline constexpr std::array kContinueAnthropicCalls = {ClientCall{.id = "messages",
                                                                  .method = Method::post,
                                                                  .path = "messages",
                                                                  .route_id = "anthropic.messages",
                                                                  .trigger = "chat (provider: anthropic)"}};
// Gemini puts the key in the query string: `models/${model}:streamGenerateContent?key=${apiKey}`.
inline constexpr std::array kContinueGeminiCalls = {ClientCall{.id = "stream",
                                                               .method = Method::post,
                                                               .path = "models/{model}:streamGenerateContent",
                                                               .query = "key={key}",
                                                               .route_id = "gemini.stream_generate_content",
                                                               .trigger = "chat (provider: gemini)"}};
inline constexpr std::array kContinueOpenAiEntryPoints = {
    EntryPoint{"config", "config.yaml models[].apiBase",
               "models:\n  - name: gpt-4o-mini\n    provider: openai\n    model: gpt-4o-mini\n    apiBase: {base}"}};
inline constexpr std::array kContinueAnthropicEntryPoints = {EntryPoint{
    "config", "config.yaml models[].apiBase",
    "models:\n  - name: claude-sonnet-4-5\n    provider: anthropic\n    model: claude-sonnet-4-5\n    apiBase: "
    "{base}"}};
inline constexpr std::array kContinueGeminiEntryPoints = {
    EntryPoint{"config", "config.yaml models[].apiBase",
               "models:\n  - name: gemini-2.5-flash\n    provider: gemini\n    model: gemini-2.5-flash\n    apiBase: "
               "{base}"}};
inline constexpr Text kContinueUrlSemantics{
    "Continue adds a trailing '/' to apiBase and resolves the endpoint against it like a browser (new URL), so "
    "apiBase must include the version: …/v1 and …/v1/ both work, the host alone does not.",
    "Continue ajoute un « / » final à apiBase puis résout le point d'accès comme un navigateur (new URL) : apiBase "
    "doit donc contenir la version ; …/v1 et …/v1/ fonctionnent, l'hôte seul non.",
    "Continue añade una «/» final a apiBase y resuelve el endpoint como un navegador (new URL), así que apiBase debe "
    "incluir la versión: …/v1 y …/v1/ funcionan, solo el host no."};
inline constexpr std::array kContinueCaveats = {kContinueUrlSemantics};
inline constexpr std::array kContinueGeminiCaveats = {
    kContinueUrlSemantics,
    Text{"This is the IDE extension, read from source. The Continue CLI ignores apiBase for Gemini (measured 1.5.47): "
         "see Continue CLI — Gemini.",
         "Ceci est l'extension pour IDE, lue dans le code. La CLI Continue ignore apiBase pour Gemini (mesuré en "
         "1.5.47) : voir Continue CLI — Gemini.",
         "Esta es la extensión para IDE, leída del código. La CLI de Continue ignora apiBase para Gemini (medido en "
         "1.5.47): ver Continue CLI — Gemini."},
    Text{"The Gemini provider sends the API key in the query string (?key=…): it can end up in access logs.",
         "Le fournisseur Gemini envoie la clé d'API dans la chaîne de requête (?key=…) : elle peut apparaître dans "
         "les journaux d'accès.",
         "El proveedor Gemini envía la clave de API en la cadena de consulta (?key=…): puede acabar en los registros "
         "de acceso."}};
inline constexpr std::string_view kContinueVersions = "snapshot 2026-06-18";
// The CLI (@continuedev/cli 1.5.47) was run for openai and anthropic: the same paths for all nine typed bases.
inline constexpr std::string_view kContinueCliMeasured = "1.5.47";
inline constexpr std::array kContinueOpenAiVariants = {
    ClientVariant{.versions = kContinueVersions,
                  .measured = kContinueCliMeasured,
                  .source = "measured with Continue CLI 1.5.47; IDE: continuedev/continue core/llm/llms/OpenAI.ts",
                  .join = kContinueJoin,
                  .calls = kContinueOpenAiCalls,
                  .default_base_url = "https://api.openai.com/v1/",
                  .entry_points = kContinueOpenAiEntryPoints,
                  .caveats = kContinueCaveats}};
inline constexpr std::array kContinueAnthropicVariants = {
    ClientVariant{.versions = kContinueVersions,
                  .measured = kContinueCliMeasured,
                  .source = "measured with Continue CLI 1.5.47; IDE: continuedev/continue core/llm/llms/Anthropic.ts",
                  .join = kContinueJoin,
                  .calls = kContinueAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com/v1/",
                  .entry_points = kContinueAnthropicEntryPoints,
                  .caveats = kContinueCaveats}};
inline constexpr std::array kContinueGeminiVariants = {
    ClientVariant{.versions = kContinueVersions,
                  .source = "continuedev/continue core/llm/llms/Gemini.ts",
                  .join = kContinueJoin,
                  .calls = kContinueGeminiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta/",
                  .entry_points = kContinueGeminiEntryPoints,
                  .caveats = kContinueGeminiCaveats}};

// ---- Continue CLI: Gemini --------------------------------------------------------------------------------------

// Measured 1.5.47 (docs/clients.md 1.10): models[].apiBase never reaches @google/genai (1.46, API v1beta), so chat
// goes to Google whatever apiBase says; only the SDK's GOOGLE_GEMINI_BASE_URL moves it.
inline constexpr std::array kContinueCliGeminiCalls = {ClientCall{.id = "stream",
                                                                  .method = Method::post,
                                                                  .path = "models/{model}:streamGenerateContent",
                                                                  .query = "alt=sse",
                                                                  .route_id = "gemini.stream_generate_content",
                                                                  .trigger = "cn -p (provider: gemini)"}};
inline constexpr std::array kContinueCliGeminiEntryPoints = {
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"}};
inline constexpr std::array kContinueCliGeminiCaveats = {
    Text{"config.yaml's apiBase is ignored for Gemini: without GOOGLE_GEMINI_BASE_URL every request goes to "
         "generativelanguage.googleapis.com and never reaches the proxy.",
         "L'apiBase de config.yaml est ignoré pour Gemini : sans GOOGLE_GEMINI_BASE_URL, chaque requête part vers "
         "generativelanguage.googleapis.com et n'atteint jamais le proxy.",
         "El apiBase de config.yaml se ignora para Gemini: sin GOOGLE_GEMINI_BASE_URL cada petición va a "
         "generativelanguage.googleapis.com y nunca llega al proxy."},
    Text{"The SDK adds /v1beta itself: type the host only (…/v1beta sends /v1beta/v1beta/…).",
         "Le SDK ajoute /v1beta lui-même : saisissez l'hôte seul (…/v1beta envoie /v1beta/v1beta/…).",
         "El SDK añade /v1beta por sí mismo: escribe solo el host (…/v1beta envía /v1beta/v1beta/…)."}};
inline constexpr std::array kContinueCliGeminiVariants = {
    ClientVariant{.versions = "1.5+",
                  .measured = kContinueCliMeasured,
                  .source = "measured; @continuedev/openai-adapters GeminiApi (new GoogleGenAI({ apiKey }))",
                  .join = kGenaiV1betaJoin,
                  .calls = kContinueCliGeminiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kContinueCliGeminiEntryPoints,
                  .caveats = kContinueCliGeminiCaveats}};

// ---- Cherry Studio ------------------------------------------------------------------------------------------

inline constexpr std::array kCherryCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "chat (OpenAI-compatible provider)"},
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/models",
               .route_id = "openai.models",
               .trigger = "Manage → fetch model list"},
};
inline constexpr std::array kCherryEntryPoints = {EntryPoint{"setting", "Provider → API 地址 / API Host", "{base}"}};
inline constexpr std::array kCherryCaveats = {
    Text{"Cherry Studio appends /v1 unless the address already has a /v<number> segment; end the address with '#' "
         "to use it verbatim (…/v1/chat/completions# is sent as typed).",
         "Cherry Studio ajoute /v1 sauf si l'adresse contient déjà un segment /v<nombre> ; terminez l'adresse par "
         "« # » pour l'utiliser telle quelle (…/v1/chat/completions# est envoyée comme saisie).",
         "Cherry Studio añade /v1 salvo que la dirección ya tenga un segmento /v<número>; termina la dirección con "
         "«#» para usarla tal cual (…/v1/chat/completions# se envía tal como se escribe)."}};
inline constexpr std::array kCherryLegacyCaveats = {
    Text{"Older builds (2024–2025): a trailing '/' means \"use as is\" and suppresses /v1, so http://host:port/ sends "
         "/chat/completions; type the address without the trailing slash.",
         "Anciennes versions (2024–2025) : un « / » final signifie « utiliser tel quel » et supprime /v1, donc "
         "http://hôte:port/ envoie /chat/completions ; saisissez l'adresse sans barre finale.",
         "Versiones antiguas (2024–2025): una «/» final significa «usar tal cual» y suprime /v1, así que "
         "http://host:puerto/ envía /chat/completions; escribe la dirección sin la barra final."}};
// No release number is known for the switch: both variants are unbounded, the 2026 rule is picked by default.
inline constexpr std::array kCherryVariants = {
    ClientVariant{.versions = "2026 builds",
                  .source = "CherryHQ/cherry-studio src/renderer/src/utils/api.ts formatApiHost() (01cafa35)",
                  .join = kCherryJoin,
                  .calls = kCherryCalls,
                  .entry_points = kCherryEntryPoints,
                  .caveats = kCherryCaveats},
    ClientVariant{.versions = "2024–2025 builds",
                  .source = "CherryHQ/cherry-studio formatApiHost() (2024–2025)",
                  .join = kCherryLegacyJoin,
                  .calls = kCherryCalls,
                  .entry_points = kCherryEntryPoints,
                  .caveats = kCherryLegacyCaveats},
};

// ---- Open WebUI ---------------------------------------------------------------------------------------------

// f"{url}/chat/completions", f"{url}/models" (backend/open_webui/routers/openai.py, docs/clients.md 1.12).
inline constexpr std::array kOpenWebUiCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "f\"{url}/chat/completions\""},
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/models",
               .route_id = "openai.models",
               .trigger = "f\"{url}/models\""},
};
inline constexpr std::array kOpenWebUiEntryPoints = {
    EntryPoint{"env", "OPENAI_API_BASE_URL", "OPENAI_API_BASE_URL={base}"},
    EntryPoint{"setting", "Admin → Settings → Connections → OpenAI API", "{base}"},
};
inline constexpr std::array kOpenWebUiCaveats = {
    Text{"Admin connections use the URL exactly as typed (a trailing '/' gives //chat/completions); direct user "
         "connections strip it.",
         "Les connexions d'administration utilisent l'URL exactement telle que saisie (un « / » final donne "
         "//chat/completions) ; les connexions directes des utilisateurs le retirent.",
         "Las conexiones de administración usan la URL exactamente como se escribe (una «/» final da "
         "//chat/completions); las conexiones directas de usuario la quitan."}};
inline constexpr std::array kOpenWebUiVariants = {
    ClientVariant{.versions = "all",
                  .source = "open-webui/open-webui backend/open_webui/routers/openai.py",
                  .join = kTemplateJoin,
                  .calls = kOpenWebUiCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kOpenWebUiEntryPoints,
                  .caveats = kOpenWebUiCaveats}};

// ---- LobeChat -----------------------------------------------------------------------------------------------

inline constexpr std::array kLobeOpenAiCalls = {kOpenAiChat, kOpenAiModels};
// anthropic/index.ts: the SDK for messages, a hand-built fetch(`${baseURL}/v1/models`) for the model list.
inline constexpr std::array kLobeAnthropicCalls = {
    kAnthropicMessages,
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/v1/models",
               .route_id = "openai.models",
               .trigger = "fetch(`${baseURL}/v1/models`)",
               .join_override = &kTemplateJoin},
};
// google/index.ts: @google/genai for chat, fetch(`${baseURL}/v1beta/models?key=${apiKey}`) for the model list.
inline constexpr std::array kLobeGoogleCalls = {
    kGenaiStream,
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/v1beta/models",
               .query = "key={key}",
               .route_id = "gemini.models",
               .trigger = "fetch(`${baseURL}/v1beta/models?key=${apiKey}`)",
               .join_override = &kTemplateJoin},
};
inline constexpr std::array kLobeOpenAiEntryPoints = {
    EntryPoint{"env", "OPENAI_PROXY_URL", "OPENAI_PROXY_URL={base}"},
    EntryPoint{"setting", "Settings → AI providers → OpenAI → API proxy address", "{base}"}};
inline constexpr std::array kLobeAnthropicEntryPoints = {
    EntryPoint{"env", "ANTHROPIC_PROXY_URL", "ANTHROPIC_PROXY_URL={base}"},
    EntryPoint{"setting", "Settings → AI providers → Anthropic → API proxy address", "{base}"}};
inline constexpr std::array kLobeGoogleEntryPoints = {
    EntryPoint{"env", "GOOGLE_PROXY_URL", "GOOGLE_PROXY_URL={base}"},
    EntryPoint{"setting", "Settings → AI providers → Google → API proxy address", "{base}"}};
inline constexpr std::array kLobeOpenAiCaveats = {kAppFullEndpointDoubles};
inline constexpr std::array kLobeAnthropicCaveats = {
    Text{"LobeChat uses the Anthropic SDK, which adds /v1 itself: type the host only.",
         "LobeChat utilise le SDK Anthropic, qui ajoute /v1 lui-même : saisissez seulement l'hôte.",
         "LobeChat usa el SDK de Anthropic, que añade /v1 por su cuenta: escribe solo el host."}};
inline constexpr std::array kLobeGoogleCaveats = {
    Text{"The model list sends the API key in the query string (?key=…). Chat goes through the bundled @google/genai: "
         "if it is 3.x its default is v1, not v1beta.",
         "La liste des modèles envoie la clé d'API dans la chaîne de requête (?key=…). Le chat passe par le "
         "@google/genai embarqué : en 3.x sa version par défaut est v1, pas v1beta.",
         "La lista de modelos envía la clave de API en la cadena de consulta (?key=…). El chat pasa por el "
         "@google/genai incluido: en la 3.x su versión por defecto es v1, no v1beta."}};
inline constexpr std::string_view kLobeVersions = "packages/model-runtime (2026)";
inline constexpr std::array kLobeOpenAiVariants = {
    ClientVariant{.versions = kLobeVersions,
                  .source = "lobehub/lobe-chat packages/model-runtime/src/providers/openai",
                  .join = kStainlessNodeJoin,
                  .calls = kLobeOpenAiCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kLobeOpenAiEntryPoints,
                  .caveats = kLobeOpenAiCaveats}};
inline constexpr std::array kLobeAnthropicVariants = {
    ClientVariant{.versions = kLobeVersions,
                  .source = "lobehub/lobe-chat packages/model-runtime/src/providers/anthropic/index.ts",
                  .join = kStainlessNodeJoin,
                  .calls = kLobeAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kLobeAnthropicEntryPoints,
                  .caveats = kLobeAnthropicCaveats}};
inline constexpr std::array kLobeGoogleVariants = {
    ClientVariant{.versions = kLobeVersions,
                  .source = "lobehub/lobe-chat packages/model-runtime/src/providers/google/index.ts",
                  .join = kGenaiV1betaJoin,
                  .calls = kLobeGoogleCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com",
                  .entry_points = kLobeGoogleEntryPoints,
                  .caveats = kLobeGoogleCaveats}};

// ---- Cursor -------------------------------------------------------------------------------------------------

// Closed source; docs and forum: {base}/chat/completions, "Verify" calls {base}/models (docs/clients.md 1.14).
inline constexpr std::array kCursorCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "chat / Agent mode"},
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/models",
               .route_id = "openai.models",
               .trigger = "Verify button"},
};
inline constexpr std::array kCursorEntryPoints = {
    EntryPoint{"setting", "Settings → Models → OpenAI API Key → Override OpenAI Base URL", "{base}"}};
inline constexpr std::array kCursorCaveats = {
    Text{"Cursor sends the requests from its own servers, so 127.0.0.1 is unreachable: expose the proxy on a public "
         "URL (a tunnel) and type that URL with /v1.",
         "Cursor envoie les requêtes depuis ses propres serveurs, 127.0.0.1 est donc injoignable : exposez le proxy "
         "sur une URL publique (un tunnel) et saisissez cette URL suivie de /v1.",
         "Cursor envía las peticiones desde sus propios servidores, así que 127.0.0.1 no es accesible: publica el "
         "proxy en una URL pública (un túnel) y escribe esa URL con /v1."},
    Text{"Agent mode sends a Responses-API-shaped body to /chat/completions (a known Cursor bug).",
         "Le mode Agent envoie un corps au format de l'API Responses vers /chat/completions (bogue connu de Cursor).",
         "El modo Agent envía un cuerpo con formato de la API Responses a /chat/completions (un error conocido de "
         "Cursor)."},
};
inline constexpr std::array kCursorVariants = {ClientVariant{.versions = "all",
                                                             .source = "closed source; docs and forum.cursor.com",
                                                             .join = kTemplateJoin,
                                                             .calls = kCursorCalls,
                                                             .default_base_url = "https://api.openai.com/v1",
                                                             .entry_points = kCursorEntryPoints,
                                                             .caveats = kCursorCaveats}};

// ---- curl ---------------------------------------------------------------------------------------------------

// A person types full URLs: the "base" is what goes before the route's own path, one call per protocol.
inline constexpr std::array kCurlCalls = {
    ClientCall{.id = "models",
               .method = Method::get,
               .path = "/v1/models",
               .route_id = "openai.models",
               .trigger = "curl -i {base}/v1/models"},
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/v1/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "curl {base}/v1/chat/completions -d …"},
    ClientCall{.id = "messages",
               .method = Method::post,
               .path = "/v1/messages",
               .route_id = "anthropic.messages",
               .trigger = "curl {base}/v1/messages -d …"},
    ClientCall{.id = "generate",
               .method = Method::post,
               .path = "/v1beta/models/{model}:generateContent",
               .route_id = "gemini.generate_content",
               .trigger = "curl {base}/v1beta/models/…:generateContent -d …"},
};
inline constexpr std::array kCurlEntryPoints = {EntryPoint{"command", "curl", "curl -i {base}/v1/models"}};
inline constexpr std::array kCurlCaveats = {
    Text{"curl sends exactly the URL you type: write the whole path (/v1/…, /v1beta/…) and no trailing slash.",
         "curl envoie exactement l'URL saisie : écrivez le chemin complet (/v1/…, /v1beta/…) sans barre finale.",
         "curl envía exactamente la URL que escribes: pon la ruta completa (/v1/…, /v1beta/…) y sin barra final."}};
inline constexpr std::array kCurlVariants = {ClientVariant{.versions = "all",
                                                           .source = "the URL is used as typed",
                                                           .join = kTemplateJoin,
                                                           .calls = kCurlCalls,
                                                           .entry_points = kCurlEntryPoints,
                                                           .caveats = kCurlCaveats}};

inline constexpr std::array kAppClients = {
    ClientEntry{.id = "kilo-cli.openai-compatible",
                .name = "Kilo CLI — OpenAI Compatible provider",
                .product = "Kilo CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kKiloOpenAiCompatibleVariants,
                .user_agent_prefix = "kilo/"},
    ClientEntry{.id = "kilo-cli.openai",
                .name = "Kilo CLI — OpenAI provider",
                .product = "Kilo CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kKiloOpenAiVariants,
                .user_agent_prefix = "kilo/"},
    ClientEntry{.id = "kilo-cli.anthropic",
                .name = "Kilo CLI — Anthropic provider",
                .product = "Kilo CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kKiloAnthropicVariants,
                .user_agent_prefix = "kilo/"},
    ClientEntry{.id = "kilo-cli.google",
                .name = "Kilo CLI — Google provider",
                .product = "Kilo CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kKiloGoogleVariants,
                .user_agent_prefix = "kilo/"},
    ClientEntry{.id = "opencode.openai-compatible",
                .name = "OpenCode — OpenAI Compatible provider",
                .product = "OpenCode",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kOpenCodeOpenAiCompatibleVariants,
                .user_agent_prefix = "opencode/"},
    ClientEntry{.id = "opencode.openai",
                .name = "OpenCode — OpenAI provider",
                .product = "OpenCode",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kOpenCodeOpenAiVariants,
                .user_agent_prefix = "opencode/"},
    ClientEntry{.id = "opencode.anthropic",
                .name = "OpenCode — Anthropic provider",
                .product = "OpenCode",
                .kind = ClientKind::cli,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kOpenCodeAnthropicVariants,
                .user_agent_prefix = "opencode/"},
    ClientEntry{.id = "opencode.google",
                .name = "OpenCode — Google provider",
                .product = "OpenCode",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kOpenCodeGoogleVariants,
                .user_agent_prefix = "opencode/"},
    ClientEntry{.id = "kilo-code-legacy",
                .name = "Kilo Code extension (legacy ≤4.x) — OpenAI Compatible",
                .product = "Kilo Code",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kKiloLegacyVariants},
    ClientEntry{.id = "cline.openai-compatible",
                .name = "Cline — OpenAI Compatible",
                .product = "Cline",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kClineOpenAiCompatibleVariants},
    ClientEntry{.id = "cline.openai",
                .name = "Cline — OpenAI",
                .product = "Cline",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kClineOpenAiVariants},
    ClientEntry{.id = "cline.anthropic",
                .name = "Cline — Anthropic",
                .product = "Cline",
                .kind = ClientKind::app,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kClineAnthropicVariants},
    ClientEntry{.id = "cline.gemini",
                .name = "Cline — Gemini",
                .product = "Cline",
                .kind = ClientKind::app,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kClineGeminiVariants},
    ClientEntry{.id = "cline-cli.openai-compatible",
                .name = "Cline CLI — OpenAI Compatible",
                .product = "Cline CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kClineCliOpenAiCompatibleVariants},
    ClientEntry{.id = "cline-cli.openai",
                .name = "Cline CLI — OpenAI",
                .product = "Cline CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kClineCliOpenAiVariants},
    ClientEntry{.id = "cline-cli.anthropic",
                .name = "Cline CLI — Anthropic",
                .product = "Cline CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kClineCliAnthropicVariants},
    ClientEntry{.id = "cline-cli.gemini",
                .name = "Cline CLI — Gemini",
                .product = "Cline CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kClineCliGeminiVariants},
    ClientEntry{.id = "roo-code.openai-compatible",
                .name = "Roo Code — OpenAI Compatible",
                .product = "Roo Code",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kRooOpenAiCompatibleVariants},
    ClientEntry{.id = "roo-code.openai-native",
                .name = "Roo Code — OpenAI",
                .product = "Roo Code",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kRooOpenAiNativeVariants},
    ClientEntry{.id = "roo-code.anthropic",
                .name = "Roo Code — Anthropic",
                .product = "Roo Code",
                .kind = ClientKind::app,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kRooAnthropicVariants},
    ClientEntry{.id = "roo-code.gemini",
                .name = "Roo Code — Gemini",
                .product = "Roo Code",
                .kind = ClientKind::app,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kRooGeminiVariants},
    ClientEntry{.id = "continue.openai",
                .name = "Continue — OpenAI",
                .product = "Continue",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kContinueOpenAiVariants},
    ClientEntry{.id = "continue.anthropic",
                .name = "Continue — Anthropic",
                .product = "Continue",
                .kind = ClientKind::app,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kContinueAnthropicVariants},
    ClientEntry{.id = "continue.gemini",
                .name = "Continue — Gemini",
                .product = "Continue",
                .kind = ClientKind::app,
                .protocol = Protocol::gemini,
                .auth_header = "?key= (query string)",
                .variants = kContinueGeminiVariants},
    ClientEntry{.id = "continue-cli.gemini",
                .name = "Continue CLI — Gemini",
                .product = "Continue CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kContinueCliGeminiVariants},
    ClientEntry{.id = "cherry-studio",
                .name = "Cherry Studio — OpenAI-compatible provider",
                .product = "Cherry Studio",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kCherryVariants},
    ClientEntry{.id = "open-webui",
                .name = "Open WebUI — OpenAI connection",
                .product = "Open WebUI",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kOpenWebUiVariants},
    ClientEntry{.id = "lobechat.openai",
                .name = "LobeChat — OpenAI",
                .product = "LobeChat",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kLobeOpenAiVariants},
    ClientEntry{.id = "lobechat.anthropic",
                .name = "LobeChat — Anthropic",
                .product = "LobeChat",
                .kind = ClientKind::app,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kLobeAnthropicVariants},
    ClientEntry{.id = "lobechat.google",
                .name = "LobeChat — Google",
                .product = "LobeChat",
                .kind = ClientKind::app,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key (model list: ?key=)",
                .variants = kLobeGoogleVariants},
    ClientEntry{.id = "cursor",
                .name = "Cursor — Override OpenAI Base URL",
                .product = "Cursor",
                .kind = ClientKind::app,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .reaches_loopback = false,
                .variants = kCursorVariants},
    ClientEntry{.id = "curl",
                .name = "curl (URLs typed by hand)",
                .product = "curl",
                .kind = ClientKind::tool,
                .protocol = Protocol::service,
                .auth_header = "whatever header you add (-H)",
                .variants = kCurlVariants},
};

}  // namespace pathwise::catalog
