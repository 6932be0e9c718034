// catalog_qwen.hpp — Qwen Code (npm @qwen-code/qwen-code, a Gemini CLI fork), each auth type that takes a base URL
// (docs/clients.md 1.16). Internal to the core.
#pragma once

#include <array>

#include "catalog_rules.hpp"

namespace pathwise::catalog {

// Measured 0.24.4 over the suite's nine typed bases; one streamed call per `qwen -p` run once
// memory.enableManagedAutoMemory is false (else a second "memory extraction" call follows the answer).
// openai: the openai SDK 5.11 (Stainless); openai-responses: its own fetch, `normalizeOpenAiWireBaseUrl(B) +
// "/v1/responses"` (a trailing /v1 is dropped first); anthropic: @anthropic-ai/sdk 0.36.3 (B + /v1/messages, the key
// as Bearer for any host but Anthropic's); gemini: @google/genai 2.6.0 (B + /v1beta/…).
inline constexpr JoinRule kQwenResponsesJoin{
    .trim = BaseTrim::keep, .rewrite = {.drops_trailing_version = "v1"}, .join = JoinStyle::concat};

inline constexpr std::array kQwenOpenAiCalls = {ClientCall{.id = "chat",
                                                           .method = Method::post,
                                                           .path = "/chat/completions",
                                                           .route_id = "openai.chat_completions",
                                                           .trigger = "qwen -p (auth type openai)"}};
inline constexpr std::array kQwenResponsesCalls = {ClientCall{.id = "responses",
                                                              .method = Method::post,
                                                              .path = "/v1/responses",
                                                              .route_id = "openai.responses",
                                                              .trigger = "qwen -p (auth type openai-responses)"}};
inline constexpr std::array kQwenAnthropicCalls = {ClientCall{.id = "messages",
                                                              .method = Method::post,
                                                              .path = "/v1/messages",
                                                              .route_id = "anthropic.messages",
                                                              .trigger = "qwen -p (auth type anthropic)"}};
inline constexpr std::array kQwenGeminiCalls = {ClientCall{.id = "stream",
                                                           .method = Method::post,
                                                           .path = "models/{model}:streamGenerateContent",
                                                           .query = "alt=sse",
                                                           .route_id = "gemini.stream_generate_content",
                                                           .trigger = "qwen -p (auth type gemini)"}};

inline constexpr std::array kQwenOpenAiEntryPoints = {
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
    EntryPoint{"command", "qwen --openai-base-url", "qwen --auth-type openai --openai-base-url {base}"},
    EntryPoint{"config", "~/.qwen/settings.json security.auth.baseUrl",
               "{ \"security\": { \"auth\": { \"selectedType\": \"openai\", \"baseUrl\": \"{base}\" } } }"}};
inline constexpr std::array kQwenResponsesEntryPoints = {
    EntryPoint{"env", "OPENAI_BASE_URL", "export OPENAI_BASE_URL={base}"},
    EntryPoint{"config", "~/.qwen/settings.json security.auth.baseUrl",
               "{ \"security\": { \"auth\": { \"selectedType\": \"openai-responses\", \"baseUrl\": \"{base}\" } } }"}};
inline constexpr std::array kQwenAnthropicEntryPoints = {
    EntryPoint{"env", "ANTHROPIC_BASE_URL", "export ANTHROPIC_BASE_URL={base}"},
    EntryPoint{"config", "~/.qwen/settings.json security.auth.baseUrl",
               "{ \"security\": { \"auth\": { \"selectedType\": \"anthropic\", \"baseUrl\": \"{base}\" } } }"}};
inline constexpr std::array kQwenGeminiEntryPoints = {
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"},
    EntryPoint{"config", "~/.qwen/settings.json security.auth.baseUrl",
               "{ \"security\": { \"auth\": { \"selectedType\": \"gemini\", \"baseUrl\": \"{base}\" } } }"}};

inline constexpr Text kQwenAuthType{
    "Qwen Code picks its protocol from security.auth.selectedType in ~/.qwen/settings.json (or --auth-type); "
    "without it, only OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL all set choose openai, and -p otherwise exits "
    "with \"No auth type is selected\".",
    "Qwen Code choisit son protocole d'après security.auth.selectedType dans ~/.qwen/settings.json (ou "
    "--auth-type) ; sans lui, seules OPENAI_BASE_URL, OPENAI_API_KEY et OPENAI_MODEL toutes réglées choisissent "
    "openai, sinon -p s'arrête avec « No auth type is selected ».",
    "Qwen Code elige su protocolo según security.auth.selectedType en ~/.qwen/settings.json (o --auth-type); sin "
    "él, solo OPENAI_BASE_URL, OPENAI_API_KEY y OPENAI_MODEL a la vez eligen openai, y si no -p termina con «No "
    "auth type is selected»."};
inline constexpr std::array kQwenOpenAiCaveats = {
    kQwenAuthType, Text{"The openai auth type appends /chat/completions: the base carries /v1.",
                        "Le type openai ajoute /chat/completions : la base porte /v1.",
                        "El tipo openai añade /chat/completions: la base lleva /v1."}};
inline constexpr std::array kQwenResponsesCaveats = {
    kQwenAuthType,
    Text{"The openai-responses auth type drops a trailing /v1 and appends /v1/responses itself: the host and …/v1 "
         "both work.",
         "Le type openai-responses retire un /v1 final et ajoute /v1/responses lui-même : l'hôte et …/v1 "
         "fonctionnent tous deux.",
         "El tipo openai-responses quita un /v1 final y añade /v1/responses por sí mismo: el host y …/v1 "
         "funcionan."}};
inline constexpr std::array kQwenAnthropicCaveats = {
    kQwenAuthType,
    Text{"Like Claude Code (whose User-Agent it sends, claude-cli/0.x), the anthropic auth type appends /v1/messages: "
         "type the host; the key goes as Authorization: Bearer.",
         "Comme Claude Code (dont il envoie le User-Agent, claude-cli/0.x), le type anthropic ajoute /v1/messages : "
         "saisissez l'hôte ; la clé part dans Authorization: Bearer.",
         "Como Claude Code (cuyo User-Agent envía, claude-cli/0.x), el tipo anthropic añade /v1/messages: escribe el "
         "host; la clave va en Authorization: Bearer."}};
inline constexpr std::array kQwenGeminiCaveats = {
    kQwenAuthType, Text{"The gemini auth type uses @google/genai 2.x, which adds /v1beta itself: type the host.",
                        "Le type gemini utilise @google/genai 2.x, qui ajoute /v1beta lui-même : saisissez l'hôte.",
                        "El tipo gemini usa @google/genai 2.x, que añade /v1beta por sí mismo: escribe el host."}};

inline constexpr std::string_view kQwenSource = "measured; QwenLM/qwen-code bundle (content generators)";
inline constexpr std::array kQwenOpenAiVariants = {ClientVariant{.versions = "0.24+",
                                                                 .measured = "0.24.4",
                                                                 .source = kQwenSource,
                                                                 .join = kStainlessNodeJoin,
                                                                 .calls = kQwenOpenAiCalls,
                                                                 .entry_points = kQwenOpenAiEntryPoints,
                                                                 .caveats = kQwenOpenAiCaveats}};
inline constexpr std::array kQwenResponsesVariants = {ClientVariant{.versions = "0.24+",
                                                                    .measured = "0.24.4",
                                                                    .source = kQwenSource,
                                                                    .join = kQwenResponsesJoin,
                                                                    .calls = kQwenResponsesCalls,
                                                                    .entry_points = kQwenResponsesEntryPoints,
                                                                    .caveats = kQwenResponsesCaveats}};
inline constexpr std::array kQwenAnthropicVariants = {ClientVariant{.versions = "0.24+",
                                                                    .measured = "0.24.4",
                                                                    .source = kQwenSource,
                                                                    .join = kStainlessNodeJoin,
                                                                    .calls = kQwenAnthropicCalls,
                                                                    .entry_points = kQwenAnthropicEntryPoints,
                                                                    .caveats = kQwenAnthropicCaveats}};
inline constexpr std::array kQwenGeminiVariants = {ClientVariant{.versions = "0.24+",
                                                                 .measured = "0.24.4",
                                                                 .source = kQwenSource,
                                                                 .join = kGenaiV1betaJoin,
                                                                 .calls = kQwenGeminiCalls,
                                                                 .entry_points = kQwenGeminiEntryPoints,
                                                                 .caveats = kQwenGeminiCaveats}};

inline constexpr std::array kQwenClients = {
    ClientEntry{.id = "qwen-code",
                .name = "Qwen Code — OpenAI-compatible (auth type openai)",
                .product = "Qwen Code",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kQwenOpenAiVariants,
                .user_agent_prefix = "QwenCode/"},
    ClientEntry{.id = "qwen-code.openai-responses",
                .name = "Qwen Code — OpenAI Responses (auth type openai-responses)",
                .product = "Qwen Code",
                .kind = ClientKind::cli,
                .protocol = Protocol::openai,
                .auth_header = "Authorization: Bearer",
                .variants = kQwenResponsesVariants,
                .user_agent_prefix = "QwenCode/"},
    // It sends Claude Code's User-Agent with its own version, "claude-cli/0.24.4 (external, cli)": the longer prefix
    // tells it from Claude Code (2.x) until either crosses the other's major.
    ClientEntry{.id = "qwen-code.anthropic",
                .name = "Qwen Code — Anthropic (auth type anthropic)",
                .product = "Qwen Code",
                .kind = ClientKind::cli,
                .protocol = Protocol::anthropic,
                .auth_header = "Authorization: Bearer",
                .variants = kQwenAnthropicVariants,
                .user_agent_prefix = "claude-cli/0."},
    ClientEntry{.id = "qwen-code.gemini",
                .name = "Qwen Code — Gemini (auth type gemini)",
                .product = "Qwen Code",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kQwenGeminiVariants,
                .user_agent_prefix = "QwenCode/"},
};

}  // namespace pathwise::catalog
