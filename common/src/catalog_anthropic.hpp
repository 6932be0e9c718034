// catalog_anthropic.hpp — Anthropic-protocol clients: @anthropic-ai/sdk, anthropic-sdk-python, Claude Code and
// @ai-sdk/anthropic (docs/clients.md section 2). Internal to the core; read by client_catalog.cpp.
#pragma once

#include <array>

#include "catalog_rules.hpp"

namespace pathwise::catalog {

// The Anthropic SDKs put /v1 in every resource path, so the base must NOT end in /v1 (docs/clients.md 2.1).
inline constexpr Text kAnthropicNoV1{
    "Type the host only: the SDK adds /v1 itself, so a base ending in /v1 sends /v1/v1/messages.",
    "Saisissez seulement l'hôte : le SDK ajoute /v1 lui-même, une base terminée par /v1 envoie donc "
    "/v1/v1/messages.",
    "Escribe solo el host: el SDK añade /v1 por su cuenta, así que una base que termina en /v1 envía "
    "/v1/v1/messages."};

// ---- @anthropic-ai/sdk (Node) -------------------------------------------------------------------------------

// Both Stainless SDKs (Node and Python) send beta resources to the same path with ?beta=true
// (docs/clients.md 2.1, 2.2).
inline constexpr ClientCall kAnthropicMessagesBeta{.id = "messages_beta",
                                                   .method = Method::post,
                                                   .path = "/v1/messages",
                                                   .query = "beta=true",
                                                   .route_id = "anthropic.messages",
                                                   .trigger = "client.beta.messages.create()"};

inline constexpr std::array kAnthropicNodeCalls = {
    kAnthropicMessages,
    kAnthropicMessagesBeta,
    kAnthropicCountTokens,
    kAnthropicModels,
};
inline constexpr std::array kAnthropicNodeEntryPoints = {
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"},
    EntryPoint{"code", "new Anthropic({ baseURL })", "const client = new Anthropic({ baseURL: \"{base}\" });"},
};
inline constexpr std::array kAnthropicNode1Caveats = {
    kAnthropicNoV1,
    Text{"1.x sends the key as Authorization: Bearer with anthropic-version: 2026-10-21 (0.x used x-api-key).",
         "La 1.x envoie la clé dans Authorization: Bearer avec anthropic-version: 2026-10-21 (la 0.x utilisait "
         "x-api-key).",
         "La 1.x envía la clave en Authorization: Bearer con anthropic-version: 2026-10-21 (la 0.x usaba "
         "x-api-key)."},
};
inline constexpr std::array kAnthropicNode0Caveats = {kAnthropicNoV1};
inline constexpr std::array kAnthropicNodeVariants = {
    ClientVariant{.versions = "1.x",
                  .min_version = "1.0.0",
                  .measured = "1.12.0",
                  .source = "measured; anthropics/anthropic-sdk-typescript src/client.ts buildURL()",
                  .join = kStainlessNodeJoin,
                  .calls = kAnthropicNodeCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kAnthropicNodeEntryPoints,
                  .caveats = kAnthropicNode1Caveats,
                  .auth_header = "Authorization: Bearer (anthropic-version: 2026-10-21)"},
    ClientVariant{.versions = "0.x",
                  .max_version = "1.0.0",
                  .measured = "0.137.0",
                  .source = "measured; anthropics/anthropic-sdk-typescript src/client.ts buildURL()",
                  .join = kStainlessNodeJoin,
                  .calls = kAnthropicNodeCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kAnthropicNodeEntryPoints,
                  .caveats = kAnthropicNode0Caveats,
                  .auth_header = "x-api-key (anthropic-version: 2023-06-01)"},
};

// ---- anthropic-sdk-python -----------------------------------------------------------------------------------

inline constexpr std::array kAnthropicPythonCalls = {
    kAnthropicMessages,
    kAnthropicMessagesBeta,
    ClientCall{.id = "count_tokens",
               .method = Method::post,
               .path = "/v1/messages/count_tokens",
               .route_id = "anthropic.count_tokens",
               .trigger = "client.messages.count_tokens()"},
};
inline constexpr std::array kAnthropicPythonEntryPoints = {
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"},
    EntryPoint{"code", "Anthropic(base_url=…)", "client = Anthropic(base_url=\"{base}\")"},
};
inline constexpr std::array kAnthropicPythonCaveats = {kAnthropicNoV1};
inline constexpr std::array kAnthropicPythonVariants = {
    ClientVariant{.versions = "all",
                  .source = "anthropics/anthropic-sdk-python src/anthropic/_base_client.py _prepare_url()",
                  .join = kStainlessPythonJoin,
                  .calls = kAnthropicPythonCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kAnthropicPythonEntryPoints,
                  .caveats = kAnthropicPythonCaveats},
};

// ---- Claude Code --------------------------------------------------------------------------------------------

// Measured 2.1.330: one streamed POST {B strip1}/v1/messages?beta=true per `claude -p` run (docs/clients.md 2.3).
inline constexpr std::array kClaudeCodeCalls = {
    ClientCall{.id = "messages",
               .method = Method::post,
               .path = "/v1/messages",
               .query = "beta=true",
               .route_id = "anthropic.messages",
               .trigger = "claude -p"},
};
inline constexpr std::array kClaudeCodeEntryPoints = {
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"},
};
inline constexpr std::array kClaudeCodeCaveats = {
    kAnthropicNoV1,
    Text{"ANTHROPIC_API_KEY is sent as x-api-key, ANTHROPIC_AUTH_TOKEN as Authorization: Bearer.",
         "ANTHROPIC_API_KEY est envoyée dans x-api-key, ANTHROPIC_AUTH_TOKEN dans Authorization: Bearer.",
         "ANTHROPIC_API_KEY se envía en x-api-key y ANTHROPIC_AUTH_TOKEN en Authorization: Bearer."},
    Text{"OpenCode reads the same ANTHROPIC_BASE_URL but appends only /messages (it needs …/v1): give OpenCode its "
         "base in opencode.json and keep the variable at the host for Claude Code.",
         "OpenCode lit la même ANTHROPIC_BASE_URL mais n'ajoute que /messages (il lui faut …/v1) : donnez sa base à "
         "OpenCode dans opencode.json et gardez la variable sur l'hôte pour Claude Code.",
         "OpenCode lee la misma ANTHROPIC_BASE_URL pero solo añade /messages (necesita …/v1): da a OpenCode su base "
         "en opencode.json y deja la variable en el host para Claude Code."},
};
inline constexpr std::array kClaudeCodeVariants = {
    ClientVariant{.versions = "2.x",
                  .measured = "2.1.330",
                  .source = "measured (native binary; source not public)",
                  .join = kStripAllConcatJoin,
                  .calls = kClaudeCodeCalls,
                  .default_base_url = "https://api.anthropic.com",
                  .entry_points = kClaudeCodeEntryPoints,
                  .caveats = kClaudeCodeCaveats},
};

// ---- @ai-sdk/anthropic --------------------------------------------------------------------------------------

inline constexpr std::array kAiSdkAnthropicEntryPoints = {
    EntryPoint{"code", "createAnthropic({ baseURL })", "const anthropic = createAnthropic({ baseURL: \"{base}\" });"},
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"},
};
inline constexpr std::array kAiSdkAnthropicCaveats = {
    Text{"Unlike the Anthropic SDK, this provider appends only /messages: the base must end in /v1 (host only "
         "sends /messages).",
         "Contrairement au SDK Anthropic, ce fournisseur n'ajoute que /messages : la base doit se terminer par /v1 "
         "(l'hôte seul envoie /messages).",
         "A diferencia del SDK de Anthropic, este proveedor solo añade /messages: la base debe terminar en /v1 (solo "
         "el host envía /messages)."},
};
inline constexpr std::array kAiSdkAnthropicVariants = {
    ClientVariant{.versions = "4.x",
                  .min_version = "4.0.0",
                  .measured = "4.0.105",
                  .source = "measured; vercel/ai packages/anthropic/src/anthropic-provider.ts",
                  .join = kAiSdkJoin,
                  .calls = kAiSdkAnthropicCalls,
                  .default_base_url = "https://api.anthropic.com/v1",
                  .entry_points = kAiSdkAnthropicEntryPoints,
                  .caveats = kAiSdkAnthropicCaveats},
};

inline constexpr std::array kAnthropicClients = {
    ClientEntry{.id = "anthropic-sdk-node",
                .name = "Anthropic SDK (Node, @anthropic-ai/sdk)",
                .product = "Anthropic SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key",
                .variants = kAnthropicNodeVariants,
                .family = "Anthropic SDK, Claude Code",
                .user_agent_prefix = "Anthropic/JS "},
    ClientEntry{.id = "anthropic-sdk-python",
                .name = "Anthropic SDK (Python)",
                .product = "Anthropic SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key (api_key) or Authorization: Bearer (auth_token)",
                .variants = kAnthropicPythonVariants,
                .user_agent_prefix = "Anthropic/Python "},
    ClientEntry{.id = "claude-code",
                .name = "Claude Code",
                .product = "Claude Code",
                .kind = ClientKind::cli,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key (ANTHROPIC_API_KEY) or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN)",
                .variants = kClaudeCodeVariants,
                .user_agent_prefix = "claude-cli/"},
    ClientEntry{.id = "ai-sdk-anthropic",
                .name = "Vercel AI SDK: @ai-sdk/anthropic",
                .product = "Vercel AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::anthropic,
                .auth_header = "x-api-key (anthropic-version: 2023-06-01)",
                .variants = kAiSdkAnthropicVariants,
                .family = "@ai-sdk/anthropic",
                .user_agent_prefix = "ai/"},
};

}  // namespace pathwise::catalog
