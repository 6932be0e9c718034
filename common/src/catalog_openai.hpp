// catalog_openai.hpp — OpenAI-protocol SDKs and CLIs: openai-node, openai-python, @langchain/openai, the AI SDK
// OpenAI providers and Codex CLI (docs/clients.md section 1.1–1.6). Internal to the core; read by client_catalog.cpp.
#pragma once

#include <array>

#include "catalog_rules.hpp"

namespace pathwise::catalog {

inline constexpr Text kFullEndpointDoubles{
    "Type the base, not the full endpoint: every measured client appends its own path, so "
    "…/v1/chat/completions becomes /v1/chat/completions/chat/completions.",
    "Saisissez la base, pas l'adresse complète du point d'accès : chaque client mesuré ajoute son propre chemin, "
    "donc …/v1/chat/completions devient /v1/chat/completions/chat/completions.",
    "Escribe la base, no la URL completa del endpoint: todos los clientes medidos añaden su propia ruta, así que "
    "…/v1/chat/completions se convierte en /v1/chat/completions/chat/completions."};

// ---- openai (openai-node) -------------------------------------------------------------------------------------

inline constexpr std::array kOpenAiNodeEntryPoints = {
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
    EntryPoint{"code", "new OpenAI({ baseURL })", "const client = new OpenAI({ baseURL: \"{base}\" });"},
};
inline constexpr std::array kOpenAiNode7Caveats = {
    kFullEndpointDoubles,
    Text{"openai 7.x needs Node 22; on Node 20 `npm install openai` silently installs 6.x (same paths).",
         "openai 7.x exige Node 22 ; sous Node 20, `npm install openai` installe sans prévenir la 6.x (mêmes chemins).",
         "openai 7.x requiere Node 22; con Node 20, `npm install openai` instala la 6.x sin avisar (mismas rutas)."},
};
inline constexpr std::array kOpenAiNode6Caveats = {
    kFullEndpointDoubles,
    Text{"Before 7.x a query string in the base URL swallows the path (…/v1?x=1 + /chat/completions stays in the "
         "query): leave queries out of the base URL.",
         "Avant la 7.x, une chaîne de requête dans l'URL de base avale le chemin (…/v1?x=1 + /chat/completions reste "
         "dans la requête) : ne mettez pas de « ?… » dans l'URL de base.",
         "Antes de la 7.x, una cadena de consulta en la URL base se traga la ruta (…/v1?x=1 + /chat/completions queda "
         "en la consulta): no pongas «?…» en la URL base."},
};
inline constexpr std::array kOpenAiNodeVariants = {
    ClientVariant{.versions = "7.x",
                  .min_version = "7.0.0",
                  .measured = "7.57.0",
                  .source = "measured; openai/openai-node src/client.ts buildURL()",
                  .join = kStainlessNode7Join,
                  .calls = kOpenAiSdkCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kOpenAiNodeEntryPoints,
                  .caveats = kOpenAiNode7Caveats},
    ClientVariant{.versions = "<7 (6.x)",
                  .max_version = "7.0.0",
                  .measured = "6.49.0",
                  .source = "measured; openai/openai-node src/client.ts buildURL()",
                  .join = kStainlessNodeJoin,
                  .calls = kOpenAiSdkCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kOpenAiNodeEntryPoints,
                  .caveats = kOpenAiNode6Caveats},
};

// ---- openai-python ------------------------------------------------------------------------------------------

inline constexpr std::array kOpenAiPythonEntryPoints = {
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
    EntryPoint{"code", "OpenAI(base_url=…)", "client = OpenAI(base_url=\"{base}\")"},
};
inline constexpr std::array kOpenAiPythonCaveats = {kFullEndpointDoubles};
inline constexpr std::array kOpenAiPythonVariants = {
    ClientVariant{.versions = "all",
                  .source = "openai/openai-python src/openai/_base_client.py _prepare_url()",
                  .join = kStainlessPythonJoin,
                  .calls = kOpenAiSdkCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kOpenAiPythonEntryPoints,
                  .caveats = kOpenAiPythonCaveats},
};

// ---- @langchain/openai --------------------------------------------------------------------------------------

// ChatOpenAI hands its baseURL to the openai SDK; `useResponsesApi: true` switches to /responses (docs/clients.md 1.3).
inline constexpr std::array kLangchainOpenAiCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "new ChatOpenAI({ model })"},
    ClientCall{.id = "responses",
               .method = Method::post,
               .path = "/responses",
               .route_id = "openai.responses",
               .trigger = "new ChatOpenAI({ model, useResponsesApi: true })"},
};
inline constexpr std::array kLangchainOpenAiEntryPoints = {
    EntryPoint{"code", "configuration.baseURL",
               "const llm = new ChatOpenAI({ model: \"gpt-4o-mini\", configuration: { baseURL: \"{base}\" } });"},
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
    EntryPoint{"env", "OPENAI_API_BASE", "export OPENAI_API_BASE={base}"},
};
inline constexpr std::array kLangchainOpenAiCaveats = {kFullEndpointDoubles};
inline constexpr std::array kLangchainOpenAiVariants = {
    ClientVariant{.versions = "1.x",
                  .min_version = "1.0.0",
                  .measured = "1.6.0",
                  .source = "measured; dist/chat_models/base.js (baseURL handed to the openai SDK)",
                  .join = kStainlessNodeJoin,
                  .calls = kLangchainOpenAiCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kLangchainOpenAiEntryPoints,
                  .caveats = kLangchainOpenAiCaveats},
};

// ---- ai + @ai-sdk/openai ------------------------------------------------------------------------------------

// `openai(id)` uses the Responses API; `openai.chat(id)` uses Chat Completions (docs/clients.md 1.4).
inline constexpr std::array kAiSdkOpenAiCalls = {
    ClientCall{.id = "responses",
               .method = Method::post,
               .path = "/responses",
               .route_id = "openai.responses",
               .trigger = "openai(\"gpt-4o-mini\")"},
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "openai.chat(\"gpt-4o-mini\")"},
};
inline constexpr std::array kAiSdkOpenAiEntryPoints = {
    EntryPoint{"code", "createOpenAI({ baseURL })", "const openai = createOpenAI({ baseURL: \"{base}\" });"},
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
};
inline constexpr std::array kAiSdkOpenAiCaveats = {
    Text{"openai(model) calls the Responses API (/responses), not Chat Completions; use openai.chat(model) for "
         "/chat/completions. A full …/v1/chat/completions base gives /v1/chat/completions/responses.",
         "openai(model) appelle l'API Responses (/responses), pas Chat Completions ; utilisez openai.chat(model) pour "
         "/chat/completions. Une base …/v1/chat/completions donne /v1/chat/completions/responses.",
         "openai(model) llama a la API Responses (/responses), no a Chat Completions; usa openai.chat(model) para "
         "/chat/completions. Una base …/v1/chat/completions da /v1/chat/completions/responses."},
};
inline constexpr std::array kAiSdkOpenAiVariants = {
    ClientVariant{.versions = "4.x",
                  .min_version = "4.0.0",
                  .measured = "4.0.118",
                  .source = "measured; vercel/ai packages/openai/src/openai-provider.ts",
                  .join = kAiSdkJoin,
                  .calls = kAiSdkOpenAiCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kAiSdkOpenAiEntryPoints,
                  .caveats = kAiSdkOpenAiCaveats},
};

// ---- @ai-sdk/openai-compatible ------------------------------------------------------------------------------

inline constexpr std::array kAiSdkOpenAiCompatibleCalls = {
    ClientCall{.id = "chat",
               .method = Method::post,
               .path = "/chat/completions",
               .route_id = "openai.chat_completions",
               .trigger = "provider.chatModel(\"gpt-4o-mini\")"},
};
inline constexpr std::array kAiSdkOpenAiCompatibleEntryPoints = {
    EntryPoint{"code", "createOpenAICompatible({ baseURL })",
               "const provider = createOpenAICompatible({ name: \"pathwise\", baseURL: \"{base}\" });"},
};
inline constexpr std::array kAiSdkOpenAiCompatibleCaveats = {
    kFullEndpointDoubles,
    Text{"baseURL is required and no environment variable is read.",
         "baseURL est obligatoire et aucune variable d'environnement n'est lue.",
         "baseURL es obligatorio y no se lee ninguna variable de entorno."},
};
inline constexpr std::array kAiSdkOpenAiCompatibleVariants = {
    ClientVariant{.versions = "3.x",
                  .min_version = "3.0.0",
                  .measured = "3.0.92",
                  .source = "measured; vercel/ai packages/openai-compatible",
                  .join = kAiSdkJoin,
                  .calls = kAiSdkOpenAiCompatibleCalls,
                  .entry_points = kAiSdkOpenAiCompatibleEntryPoints,
                  .caveats = kAiSdkOpenAiCompatibleCaveats},
};

// ---- Codex CLI ----------------------------------------------------------------------------------------------

inline constexpr ClientCall kCodexResponses{.id = "responses",
                                            .method = Method::post,
                                            .path = "responses",
                                            .route_id = "openai.responses",
                                            .trigger = "codex exec"};
inline constexpr std::array kCodexCustomCalls = {kCodexResponses};
// Built-in provider: 7× GET {base}/responses with Upgrade: websocket, then POST after a non-101 answer (measured).
inline constexpr std::array kCodexBuiltinCalls = {
    ClientCall{.id = "responses_ws",
               .method = Method::get,
               .path = "responses",
               .websocket_upgrade = true,
               .route_id = "openai.responses",
               .trigger = "Responses over WebSocket (tried first)"},
    kCodexResponses,
};
inline constexpr std::array kCodexCustomEntryPoints = {
    EntryPoint{"config", "~/.codex/config.toml [model_providers.<id>] base_url",
               "model_provider = \"pathwise\"\n\n[model_providers.pathwise]\nname = \"Pathwise\"\nbase_url = "
               "\"{base}\"\nenv_key = \"PATHWISE_API_KEY\"\nwire_api = \"responses\""},
};
inline constexpr std::array kCodexBuiltinEntryPoints = {
    EntryPoint{"flag", "-c openai_base_url", "codex -c openai_base_url=\"{base}\""},
    EntryPoint{"config", "~/.codex/config.toml openai_base_url", "openai_base_url = \"{base}\""},
};
inline constexpr Text kCodexEnvIgnored{
    "OPENAI_BASE_URL is ignored by Codex (measured 0.169.0: requests still went to api.openai.com); set the base in "
    "config.toml. wire_api = \"chat\" is refused at start-up, so Codex only uses /v1/responses.",
    "Codex ignore OPENAI_BASE_URL (mesuré en 0.169.0 : les requêtes partaient toujours vers api.openai.com) ; "
    "réglez la base dans config.toml. wire_api = \"chat\" est refusé au démarrage : Codex n'utilise que "
    "/v1/responses.",
    "Codex ignora OPENAI_BASE_URL (medido en 0.169.0: las peticiones seguían yendo a api.openai.com); configura la "
    "base en config.toml. wire_api = \"chat\" se rechaza al arrancar, así que Codex solo usa /v1/responses."};
inline constexpr std::array kCodexCustomCaveats = {kCodexEnvIgnored};
inline constexpr std::array kCodexBuiltinCaveats = {
    kCodexEnvIgnored,
    Text{"The built-in provider first tries GET …/responses with Upgrade: websocket (7 times); the proxy answers "
         "4xx at once and Codex then sends POST.",
         "Le fournisseur intégré essaie d'abord GET …/responses avec Upgrade: websocket (7 fois) ; le proxy répond "
         "aussitôt en 4xx et Codex envoie alors un POST.",
         "El proveedor integrado prueba primero GET …/responses con Upgrade: websocket (7 veces); el proxy responde "
         "enseguida con 4xx y Codex envía entonces un POST."},
};
inline constexpr std::array kCodexCustomVariants = {
    ClientVariant{.versions = "0.169+",
                  .measured = "0.169.0",
                  .source = "measured; openai/codex codex-rs/codex-api/src/provider.rs url_for_path()",
                  .join = kCodexJoin,
                  .calls = kCodexCustomCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kCodexCustomEntryPoints,
                  .caveats = kCodexCustomCaveats},
};
inline constexpr std::array kCodexBuiltinVariants = {
    ClientVariant{.versions = "0.169+",
                  .measured = "0.169.0",
                  .source = "measured; openai/codex codex-rs/codex-api/src/provider.rs url_for_path()",
                  .join = kCodexJoin,
                  .calls = kCodexBuiltinCalls,
                  .default_base_url = "https://api.openai.com/v1",
                  .entry_points = kCodexBuiltinEntryPoints,
                  .caveats = kCodexBuiltinCaveats},
};

inline constexpr std::array kOpenAiClients = {
    ClientEntry{.id = "openai-node",
                .name = "OpenAI SDK (Node)",
                .product = "OpenAI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kOpenAiNodeVariants,
                .family = "OpenAI SDKs, LangChain",
                .user_agent_prefix = "OpenAI/JS "},
    ClientEntry{.id = "openai-python",
                .name = "OpenAI SDK (Python)",
                .product = "OpenAI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kOpenAiPythonVariants,
                .user_agent_prefix = "OpenAI/Python "},
    ClientEntry{.id = "langchain-openai",
                .name = "LangChain ChatOpenAI (@langchain/openai)",
                .product = "LangChain",
                .kind = ClientKind::sdk,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kLangchainOpenAiVariants,
                .user_agent_prefix = "langchainjs-openai/"},
    ClientEntry{.id = "ai-sdk-openai",
                .name = "Vercel AI SDK: @ai-sdk/openai",
                .product = "Vercel AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kAiSdkOpenAiVariants,
                .user_agent_prefix = "ai/"},
    ClientEntry{.id = "ai-sdk-openai-compatible",
                .name = "Vercel AI SDK: @ai-sdk/openai-compatible",
                .product = "Vercel AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kAiSdkOpenAiCompatibleVariants,
                .user_agent_prefix = "ai/"},
    ClientEntry{.id = "codex-cli",
                .name = "Codex CLI (custom provider)",
                .product = "Codex CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kCodexCustomVariants,
                .family = "Codex CLI",
                .user_agent_prefix = "codex_"},
    ClientEntry{.id = "codex-cli.builtin",
                .name = "Codex CLI (built-in provider, openai_base_url)",
                .product = "Codex CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kCodexBuiltinVariants,
                .user_agent_prefix = "codex_"},
};

}  // namespace pathwise::catalog
