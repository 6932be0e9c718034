// catalog_rules.hpp — the join rules and call lists shared by several catalog entries (internal to the core).
//
// Each rule is named for the code that implements it in the client, so a catalog entry reads like the
// client's source: `.join = kAiSdkJoin` means "withoutTrailingSlash(baseURL) + path" (docs/clients.md 1.4).
#pragma once

#include <array>

#include "pathwise/client_catalog.hpp"

namespace pathwise::catalog {

// ---- Join rules ---------------------------------------------------------------------------------------------

// openai-node / @anthropic-ai/sdk (Stainless) `buildURL`: `baseURL + (baseURL.endsWith('/') && path.startsWith('/')
// ? path.slice(1) : path)` (docs/clients.md 1.1, 2.1). A query in the base swallows the path (pre-7 openai-node).
inline constexpr JoinRule kStainlessNodeJoin{.trim = BaseTrim::keep, .join = JoinStyle::concat_drop_one_slash};
// openai-node 7.x: same, and "if baseURL contains '?', its query params are kept and merged" (docs/clients.md 1.1).
inline constexpr JoinRule kStainlessNode7Join{
    .trim = BaseTrim::keep, .join = JoinStyle::concat_drop_one_slash, .keeps_base_query = true};
// openai-python / anthropic-sdk-python `_enforce_trailing_slash` + `raw_path + url.raw_path.lstrip(b"/")`;
// "hard-coded query in the URL is preserved and merged with params" (docs/clients.md 1.2, 2.2).
inline constexpr JoinRule kStainlessPythonJoin{
    .trim = BaseTrim::ensure_one, .join = JoinStyle::concat_drop_one_slash, .keeps_base_query = true};
// Vercel AI SDK providers: `${withoutTrailingSlash(baseURL)}${path}` (docs/clients.md 1.4, 1.5, 2.4, 3.4);
// (docs/clients.md 2.3 reads Claude Code as strip1 too, but the real client strips all: see kStripAllConcatJoin.)
inline constexpr JoinRule kAiSdkJoin{.trim = BaseTrim::strip_one, .join = JoinStyle::concat};
// Codex `url_for_path()`: `base.trim_end_matches('/') + "/" + path.trim_start_matches('/')` (docs/clients.md 1.6).
// Claude Code 2.1.330 and Kilo CLI 7.7.7 remove EVERY trailing '/' before appending (measured by
// tests/clients: base "http://127.0.0.1:8045//" → "/v1/messages?beta=true", "/chat/completions"), unlike the
// AI SDK packages they build on, which remove only one.
inline constexpr JoinRule kStripAllConcatJoin{.trim = BaseTrim::strip_all, .join = JoinStyle::concat};
inline constexpr JoinRule kCodexJoin{.trim = BaseTrim::strip_all, .join = JoinStyle::slash_join};
// @google/genai `[baseUrl (one '/' stripped), apiVersion, path].join('/')` (docs/clients.md 3.1); google-genai python
// `join_url_path(base_url, f'{api_version}/{path}')` has the same effect (docs/clients.md 3.2).
inline constexpr JoinRule kGenaiV1betaJoin{
    .trim = BaseTrim::strip_one, .join = JoinStyle::slash_join, .api_version = "v1beta"};
// @google/genai 3.x: GOOGLE_AI_API_DEFAULT_VERSION = 'v1' (measured 3.1.0).
inline constexpr JoinRule kGenaiV1Join{.trim = BaseTrim::strip_one, .join = JoinStyle::slash_join, .api_version = "v1"};
// @google/generative-ai `${baseUrl}/${apiVersion}/${model}:${task}` — no slash normalisation (docs/clients.md 3.3).
inline constexpr JoinRule kGenerativeAiJoin{.trim = BaseTrim::keep, .join = JoinStyle::concat, .api_version = "v1beta"};
// Continue: `apiBase += "/"` when missing, then `new URL(endpoint, apiBase)` (docs/clients.md 1.10).
inline constexpr JoinRule kContinueJoin{.trim = BaseTrim::ensure_one, .join = JoinStyle::url_resolve};
// A URL written by hand as `${base}/path` / f"{url}/path": Open WebUI, LobeChat's model lists, Kilo Code legacy's
// model list, Roo Code's fallback, and a person typing a URL into curl.
inline constexpr JoinRule kTemplateJoin{.trim = BaseTrim::keep, .join = JoinStyle::concat};
// Cline 2026 SDK `normalizeSdkBaseUrl`: graft the provider default's path onto a root base, strip the trailing '/',
// then the AI SDK provider appends its path (docs/clients.md 1.8).
inline constexpr JoinRule kClineV1Join{
    .trim = BaseTrim::strip_one, .rewrite = {.graft_when_root = "/v1"}, .join = JoinStyle::concat};
inline constexpr JoinRule kClineV1betaJoin{
    .trim = BaseTrim::strip_one, .rewrite = {.graft_when_root = "/v1beta"}, .join = JoinStyle::concat};
// Cherry Studio 2026 `formatApiHost(host, true, 'v1')` then the provider SDK (docs/clients.md 1.11).
inline constexpr JoinRule kCherryJoin{
    .trim = BaseTrim::strip_one,
    .rewrite = {.append_version_unless_present = "v1", .trailing_hash_means_verbatim = true},
    .join = JoinStyle::concat_drop_one_slash};
// Cherry Studio 2024–2025 `formatApiHost(host) = host.endsWith('/') ? host : host + '/v1/'` (docs/clients.md 1.11).
inline constexpr JoinRule kCherryLegacyJoin{.trim = BaseTrim::keep,
                                            .rewrite = {.legacy_trailing_slash_suppresses_v1 = true},
                                            .join = JoinStyle::concat_drop_one_slash};

// ---- Calls ---------------------------------------------------------------------------------------------------

// OpenAI SDK resources: "/chat/completions", "/responses", "/models" (openai-node src/client.ts, docs/clients.md 1.1).
inline constexpr ClientCall kOpenAiChat{.id = "chat",
                                        .method = Method::post,
                                        .path = "/chat/completions",
                                        .route_id = "openai.chat_completions",
                                        .trigger = "chat.completions.create()"};
inline constexpr ClientCall kOpenAiResponses{.id = "responses",
                                             .method = Method::post,
                                             .path = "/responses",
                                             .route_id = "openai.responses",
                                             .trigger = "responses.create()"};
inline constexpr ClientCall kOpenAiModels{
    .id = "models", .method = Method::get, .path = "/models", .route_id = "openai.models", .trigger = "models.list()"};

inline constexpr std::array kOpenAiSdkCalls = {kOpenAiChat, kOpenAiResponses, kOpenAiModels};
inline constexpr std::array kOpenAiChatCalls = {kOpenAiChat};
inline constexpr std::array kOpenAiChatAndModelsCalls = {kOpenAiChat, kOpenAiModels};
inline constexpr std::array kOpenAiResponsesCalls = {kOpenAiResponses};

// Anthropic SDK resources carry their version: "/v1/messages", "/v1/messages/count_tokens", "/v1/models"
// (docs/clients.md 2.1).
inline constexpr ClientCall kAnthropicMessages{.id = "messages",
                                               .method = Method::post,
                                               .path = "/v1/messages",
                                               .route_id = "anthropic.messages",
                                               .trigger = "messages.create()"};
inline constexpr ClientCall kAnthropicCountTokens{.id = "count_tokens",
                                                  .method = Method::post,
                                                  .path = "/v1/messages/count_tokens",
                                                  .route_id = "anthropic.count_tokens",
                                                  .trigger = "messages.countTokens()"};
// /v1/models is one route for both protocols: the proxy answers in the shape the headers ask for (route_table.cpp).
inline constexpr ClientCall kAnthropicModels{.id = "models",
                                             .method = Method::get,
                                             .path = "/v1/models",
                                             .route_id = "openai.models",
                                             .trigger = "models.list()"};

// The AI SDK Anthropic provider appends "/messages" to a base that must already end in /v1 (docs/clients.md 2.4).
inline constexpr std::array kAiSdkAnthropicCalls = {ClientCall{.id = "messages",
                                                               .method = Method::post,
                                                               .path = "/messages",
                                                               .route_id = "anthropic.messages",
                                                               .trigger = "generateText({model: anthropic(id)})"}};

// @google/genai paths, joined after the API version (docs/clients.md 3.1: generateContent, streamGenerateContent
// with ?alt=sse, countTokens, GET models).
inline constexpr ClientCall kGenaiGenerate{.id = "generate",
                                           .method = Method::post,
                                           .path = "models/{model}:generateContent",
                                           .route_id = "gemini.generate_content",
                                           .trigger = "models.generateContent()"};
inline constexpr ClientCall kGenaiStream{.id = "stream",
                                         .method = Method::post,
                                         .path = "models/{model}:streamGenerateContent",
                                         .query = "alt=sse",
                                         .route_id = "gemini.stream_generate_content",
                                         .trigger = "models.generateContentStream()"};
inline constexpr ClientCall kGenaiCountTokens{.id = "count_tokens",
                                              .method = Method::post,
                                              .path = "models/{model}:countTokens",
                                              .route_id = "gemini.count_tokens",
                                              .trigger = "models.countTokens()"};
inline constexpr ClientCall kGenaiModels{
    .id = "models", .method = Method::get, .path = "models", .route_id = "gemini.models", .trigger = "models.list()"};

inline constexpr std::array kGenaiSdkCalls = {kGenaiGenerate, kGenaiStream, kGenaiCountTokens, kGenaiModels};
inline constexpr std::array kGenaiStreamCalls = {kGenaiStream};

// The AI SDK Google provider appends "/models/{m}:…" to a base that must already end in /v1beta (docs/clients.md 3.4).
inline constexpr ClientCall kAiSdkGoogleGenerate{.id = "generate",
                                                 .method = Method::post,
                                                 .path = "/models/{model}:generateContent",
                                                 .route_id = "gemini.generate_content",
                                                 .trigger = "generateText({model: google(id)})"};
inline constexpr ClientCall kAiSdkGoogleStream{.id = "stream",
                                               .method = Method::post,
                                               .path = "/models/{model}:streamGenerateContent",
                                               .query = "alt=sse",
                                               .route_id = "gemini.stream_generate_content",
                                               .trigger = "streamText({model: google(id)})"};
inline constexpr std::array kAiSdkGoogleCalls = {kAiSdkGoogleGenerate, kAiSdkGoogleStream};
inline constexpr std::array kAiSdkGoogleStreamCalls = {kAiSdkGoogleStream};

}  // namespace pathwise::catalog
