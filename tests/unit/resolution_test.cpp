// resolution_test.cpp — every measured or source-read path in docs/clients.md (sections 0–4) as a test vector:
// (client, version, typed base) → the exact method, path and query the client sends, and whether it reaches its
// route. Expected values are copied by hand from docs/clients.md, never computed.
#include "pathwise/resolution.hpp"

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

constexpr Method GET = Method::get;
constexpr Method POST = Method::post;
constexpr bool ROUTED = true;
constexpr bool MISSES = false;

struct PathVector {
    const char* name;  // the test's name: Client_Situation_Outcome
    std::string_view client;
    std::string_view version;  // "" = newest variant
    std::string_view typed;    // the base URL the person typed
    std::string_view call;     // ClientCall id
    Method method;
    std::string_view path;
    std::string_view query;
    bool routed;
};

// gtest prints a parameter as raw bytes unless told how: print the vector's name.
void PrintTo(const PathVector& v, std::ostream* os) {
    *os << v.name;
}

const ResolvedCall* find_resolved(const Resolution& resolution, std::string_view call_id) {
    for (const ResolvedCall& resolved : resolution.calls) {
        if (resolved.call != nullptr && resolved.call->id == call_id) return &resolved;
    }
    return nullptr;
}

// docs/clients.md 1.1 (measured openai 7.57.0, "6.49.0 identical") and 1.2 (openai-python "identical to the Node SDK
// for all seven variants").
// clang-format off
const std::vector<PathVector> kOpenAiSdkVectors = {
    {"OpenAiNode7_HostOnly_MissesV1", "openai-node", "7.57.0", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiNode7_HostSlash_MissesV1", "openai-node", "7.57.0", "http://127.0.0.1:8045/", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiNode7_BaseWithV1_Routes", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiNode7_BaseWithV1Slash_Routes", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiNode7_FullEndpoint_Doubles", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"OpenAiNode7_BaseWithV1beta_WrongPrefix", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"OpenAiNode7_ApiV1Prefix_Kept", "openai-node", "7.57.0", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    {"OpenAiNode7_Responses_HostOnly_Misses", "openai-node", "7.57.0", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    {"OpenAiNode7_Responses_BaseWithV1_Routes", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"OpenAiNode7_Responses_FullEndpoint_Nested", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1/chat/completions", "responses", POST, "/v1/chat/completions/responses", "", MISSES},
    {"OpenAiNode7_Models_HostOnly_Misses", "openai-node", "7.57.0", "http://127.0.0.1:8045", "models", GET, "/models", "", MISSES},
    {"OpenAiNode7_Models_BaseWithV1_Routes", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1", "models", GET, "/v1/models", "", ROUTED},
    // 7.x: "if baseURL contains '?', its query params are kept and merged".
    {"OpenAiNode7_BaseQuery_Kept", "openai-node", "7.57.0", "http://127.0.0.1:8045/v1?api-version=1", "chat", POST, "/v1/chat/completions", "api-version=1", ROUTED},
    {"OpenAiNode6_HostOnly_MissesV1", "openai-node", "6.49.0", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiNode6_HostSlash_MissesV1", "openai-node", "6.49.0", "http://127.0.0.1:8045/", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiNode6_BaseWithV1_Routes", "openai-node", "6.49.0", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiNode6_BaseWithV1Slash_Routes", "openai-node", "6.49.0", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiNode6_FullEndpoint_Doubles", "openai-node", "6.49.0", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"OpenAiNode6_BaseWithV1beta_WrongPrefix", "openai-node", "6.49.0", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"OpenAiNode6_ApiV1Prefix_Kept", "openai-node", "6.49.0", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    // Pre-7 buildURL is `new URL(baseURL + path)`: with "?x" in the base the path lands in the query string.
    {"OpenAiNode6_BaseQuery_SwallowsPath", "openai-node", "6.49.0", "http://127.0.0.1:8045/v1?api-version=1", "chat", POST, "/v1", "api-version=1/chat/completions", MISSES},
    {"OpenAiPython_HostOnly_MissesV1", "openai-python", "", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiPython_HostSlash_MissesV1", "openai-python", "", "http://127.0.0.1:8045/", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenAiPython_BaseWithV1_Routes", "openai-python", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiPython_BaseWithV1Slash_Routes", "openai-python", "", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenAiPython_FullEndpoint_Doubles", "openai-python", "", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"OpenAiPython_BaseWithV1beta_WrongPrefix", "openai-python", "", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"OpenAiPython_ApiV1Prefix_Kept", "openai-python", "", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    {"OpenAiPython_BaseQuery_Kept", "openai-python", "", "http://127.0.0.1:8045/v1?api-version=1", "chat", POST, "/v1/chat/completions", "api-version=1", ROUTED},
    // 1.3 @langchain/openai 1.6.0: the openai SDK rule; useResponsesApi → /responses.
    {"LangchainOpenAi_HostOnly_MissesV1", "langchain-openai", "1.6.0", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"LangchainOpenAi_BaseWithV1_Routes", "langchain-openai", "1.6.0", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"LangchainOpenAi_BaseWithV1Slash_Routes", "langchain-openai", "1.6.0", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"LangchainOpenAi_FullEndpoint_Doubles", "langchain-openai", "1.6.0", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"LangchainOpenAi_UseResponsesApi_BaseWithV1_Routes", "langchain-openai", "1.6.0", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"LangchainOpenAi_UseResponsesApi_HostOnly_Misses", "langchain-openai", "1.6.0", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    // 1.4 @ai-sdk/openai 4.0.118: openai(m) → Responses, openai.chat(m) → Chat Completions; one '/' stripped.
    {"AiSdkOpenAi_HostOnly_ResponsesMissesV1", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    {"AiSdkOpenAi_HostSlash_ResponsesMissesV1", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/", "responses", POST, "/responses", "", MISSES},
    {"AiSdkOpenAi_BaseWithV1_ResponsesRoutes", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"AiSdkOpenAi_BaseWithV1Slash_ResponsesRoutes", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/v1/", "responses", POST, "/v1/responses", "", ROUTED},
    {"AiSdkOpenAi_FullEndpoint_ResponsesNested", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/v1/chat/completions", "responses", POST, "/v1/chat/completions/responses", "", MISSES},
    {"AiSdkOpenAi_ApiV1Prefix_ResponsesKept", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/api/v1", "responses", POST, "/api/v1/responses", "", MISSES},
    {"AiSdkOpenAi_Chat_BaseWithV1_Routes", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"AiSdkOpenAi_Chat_HostOnly_Misses", "ai-sdk-openai", "4.0.118", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    // 1.5 @ai-sdk/openai-compatible 3.0.92: same as the openai SDK for chat.
    {"AiSdkOpenAiCompatible_HostOnly_MissesV1", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"AiSdkOpenAiCompatible_HostSlash_MissesV1", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/", "chat", POST, "/chat/completions", "", MISSES},
    {"AiSdkOpenAiCompatible_BaseWithV1_Routes", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"AiSdkOpenAiCompatible_BaseWithV1Slash_Routes", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"AiSdkOpenAiCompatible_FullEndpoint_Doubles", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"AiSdkOpenAiCompatible_BaseWithV1beta_WrongPrefix", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"AiSdkOpenAiCompatible_ApiV1Prefix_Kept", "ai-sdk-openai-compatible", "3.0.92", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
};
// clang-format on

// docs/clients.md 1.6 Codex 0.169.0 (custom provider, wire_api = "responses"; built-in provider + openai_base_url).
// clang-format off
const std::vector<PathVector> kCodexVectors = {
    {"Codex_HostOnly_MissesV1", "codex-cli", "0.169.0", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    {"Codex_HostSlash_MissesV1", "codex-cli", "0.169.0", "http://127.0.0.1:8045/", "responses", POST, "/responses", "", MISSES},
    {"Codex_BaseWithV1_Routes", "codex-cli", "0.169.0", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"Codex_BaseWithV1Slash_Routes", "codex-cli", "0.169.0", "http://127.0.0.1:8045/v1/", "responses", POST, "/v1/responses", "", ROUTED},
    {"Codex_FullEndpoint_Nested", "codex-cli", "0.169.0", "http://127.0.0.1:8045/v1/chat/completions", "responses", POST, "/v1/chat/completions/responses", "", MISSES},
    {"Codex_BaseWithV1beta_WrongPrefix", "codex-cli", "0.169.0", "http://127.0.0.1:8045/v1beta", "responses", POST, "/v1beta/responses", "", MISSES},
    {"Codex_ApiV1Prefix_Kept", "codex-cli", "0.169.0", "http://127.0.0.1:8045/api/v1", "responses", POST, "/api/v1/responses", "", MISSES},
    {"CodexBuiltin_BaseWithV1_WebSocketTryFirst", "codex-cli.builtin", "0.169.0", "http://127.0.0.1:8045/v1", "responses_ws", GET, "/v1/responses", "", MISSES},
    {"CodexBuiltin_BaseWithV1_PostRoutes", "codex-cli.builtin", "0.169.0", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"CodexBuiltin_HostOnly_PostMissesV1", "codex-cli.builtin", "0.169.0", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
};
// clang-format on

// docs/clients.md 1.7 Kilo CLI 7.7.7 (all seven variants measured: openai-compatible → {B strip1}/chat/completions,
// openai → {B}/responses, anthropic → {B}/messages, google → {B}/models/{m}:streamGenerateContent?alt=sse) and the
// legacy extension (OpenAI SDK rule + axios `${baseUrl}/models`).
// clang-format off
const std::vector<PathVector> kKiloVectors = {
    {"KiloOpenAiCompatible_HostOnly_MissesV1", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"KiloOpenAiCompatible_HostSlash_MissesV1", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/", "chat", POST, "/chat/completions", "", MISSES},
    {"KiloOpenAiCompatible_BaseWithV1_Routes", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    // Measured by tests/clients (not in docs/clients.md): Kilo strips every trailing '/', the bare AI SDK only one.
    {"KiloOpenAiCompatible_HostDoubleSlash_StripsAllSlashes", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045//", "chat", POST, "/chat/completions", "", MISSES},
    {"KiloAnthropic_V1DoubleSlash_StripsAllSlashes", "kilo-cli.anthropic", "7.7.7", "http://127.0.0.1:8045/v1//", "messages", POST, "/v1/messages", "", ROUTED},
    {"KiloOpenAiCompatible_BaseWithV1Slash_Routes", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"KiloOpenAiCompatible_FullEndpoint_Doubles", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"KiloOpenAiCompatible_BaseWithV1beta_WrongPrefix", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"KiloOpenAiCompatible_ApiV1Prefix_Kept", "kilo-cli.openai-compatible", "7.7.7", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    {"KiloOpenAi_HostOnly_ResponsesMissesV1", "kilo-cli.openai", "7.7.7", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    {"KiloOpenAi_BaseWithV1_ResponsesRoutes", "kilo-cli.openai", "7.7.7", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"KiloOpenAi_FullEndpoint_ResponsesNested", "kilo-cli.openai", "7.7.7", "http://127.0.0.1:8045/v1/chat/completions", "responses", POST, "/v1/chat/completions/responses", "", MISSES},
    {"KiloAnthropic_HostOnly_MissesV1", "kilo-cli.anthropic", "7.7.7", "http://127.0.0.1:8045", "messages", POST, "/messages", "", MISSES},
    {"KiloAnthropic_BaseWithV1_Routes", "kilo-cli.anthropic", "7.7.7", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
    {"KiloAnthropic_BaseWithV1Slash_Routes", "kilo-cli.anthropic", "7.7.7", "http://127.0.0.1:8045/v1/", "messages", POST, "/v1/messages", "", ROUTED},
    {"KiloAnthropic_FullEndpoint_Nested", "kilo-cli.anthropic", "7.7.7", "http://127.0.0.1:8045/v1/chat/completions", "messages", POST, "/v1/chat/completions/messages", "", MISSES},
    {"KiloGoogle_HostSlash_MissesV1beta", "kilo-cli.google", "7.7.7", "http://127.0.0.1:8045/", "stream", POST, "/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"KiloGoogle_FullEndpoint_Nested", "kilo-cli.google", "7.7.7", "http://127.0.0.1:8045/v1/chat/completions", "stream", POST, "/v1/chat/completions/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"KiloGoogle_HostOnly_MissesV1beta", "kilo-cli.google", "7.7.7", "http://127.0.0.1:8045", "stream", POST, "/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"KiloGoogle_BaseWithV1beta_Routes", "kilo-cli.google", "7.7.7", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"KiloGoogle_BaseWithV1betaSlash_Routes", "kilo-cli.google", "7.7.7", "http://127.0.0.1:8045/v1beta/", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"KiloLegacy_BaseWithV1_ChatRoutes", "kilo-code-legacy", "4.0.0", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"KiloLegacy_BaseWithV1_ModelsRoutes", "kilo-code-legacy", "4.0.0", "http://127.0.0.1:8045/v1", "models", GET, "/v1/models", "", ROUTED},
    // `${baseUrl}/models` is a template: the typed trailing slash stays (the OpenAI SDK drops it for chat).
    {"KiloLegacy_BaseWithV1Slash_ModelsDoubleSlash", "kilo-code-legacy", "4.0.0", "http://127.0.0.1:8045/v1/", "models", GET, "/v1//models", "", MISSES},
    {"KiloLegacy_BaseWithV1Slash_ChatRoutes", "kilo-code-legacy", "4.0.0", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"KiloLegacy_FullEndpoint_Doubles", "kilo-code-legacy", "4.0.0", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
};
// clang-format on

// docs/clients.md 1.15 OpenCode 1.18.33 (measured): Kilo's joins, every trailing '/' removed.
// clang-format off
const std::vector<PathVector> kOpenCodeVectors = {
    {"OpenCodeCompatible_HostOnly_MissesV1", "opencode.openai-compatible", "1.18.33", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenCodeCompatible_DoubleSlash_StripsAll", "opencode.openai-compatible", "1.18.33", "http://127.0.0.1:8045//", "chat", POST, "/chat/completions", "", MISSES},
    {"OpenCodeCompatible_V1_Routes", "opencode.openai-compatible", "1.18.33", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenCodeOpenAi_FullEndpoint_Nested", "opencode.openai", "1.18.33", "http://127.0.0.1:8045/v1/chat/completions", "responses", POST, "/v1/chat/completions/responses", "", MISSES},
    {"OpenCodeAnthropic_HostOnly_SendsMessagesWithoutV1", "opencode.anthropic", "1.18.33", "http://127.0.0.1:8045", "messages", POST, "/messages", "", MISSES},
    {"OpenCodeAnthropic_V1_Routes", "opencode.anthropic", "1.18.33", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
    {"OpenCodeGoogle_V1_WrongVersion", "opencode.google", "1.18.33", "http://127.0.0.1:8045/v1", "stream", POST, "/v1/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"OpenCodeGoogle_V1beta_Routes", "opencode.google", "1.18.33", "http://127.0.0.1:8045/v1beta/", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
};
// clang-format on

// docs/clients.md 1.16 Qwen Code 0.24.4 (measured), one vector set per auth type.
// clang-format off
const std::vector<PathVector> kQwenVectors = {
    {"Qwen_HostOnly_MissesV1", "qwen-code", "0.24.4", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"Qwen_DoubleSlash_DropsOne", "qwen-code", "0.24.4", "http://127.0.0.1:8045//", "chat", POST, "//chat/completions", "", MISSES},
    {"Qwen_V1_Routes", "qwen-code", "0.24.4", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"QwenResponses_HostOnly_Routes", "qwen-code.openai-responses", "0.24.4", "http://127.0.0.1:8045", "responses", POST, "/v1/responses", "", ROUTED},
    {"QwenResponses_V1Slash_VersionDropped", "qwen-code.openai-responses", "0.24.4", "http://127.0.0.1:8045/v1/", "responses", POST, "/v1/responses", "", ROUTED},
    {"QwenResponses_ApiV1_VersionDropped", "qwen-code.openai-responses", "0.24.4", "http://127.0.0.1:8045/api/v1", "responses", POST, "/api/v1/responses", "", MISSES},
    {"QwenResponses_V1beta_Kept", "qwen-code.openai-responses", "0.24.4", "http://127.0.0.1:8045/v1beta/", "responses", POST, "/v1beta/v1/responses", "", MISSES},
    {"QwenResponses_DoubleSlash_DropsOne", "qwen-code.openai-responses", "0.24.4", "http://127.0.0.1:8045//", "responses", POST, "//v1/responses", "", MISSES},
    {"QwenAnthropic_V1_Doubles", "qwen-code.anthropic", "0.24.4", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"QwenAnthropic_HostOnly_Routes", "qwen-code.anthropic", "0.24.4", "http://127.0.0.1:8045/", "messages", POST, "/v1/messages", "", ROUTED},
    {"QwenGemini_HostOnly_Routes", "qwen-code.gemini", "0.24.4", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"QwenGemini_V1beta_Doubles", "qwen-code.gemini", "0.24.4", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
};
// clang-format on

// docs/clients.md 1.8 Cline CLI 3.0.65 (measured): no graft; strip one '/', Bun sends a leading run of '/' as one;
// Gemini appends /v1beta unless the last segment is a version.
// clang-format off
const std::vector<PathVector> kClineCliVectors = {
    {"ClineCli_HostOnly_MissesV1", "cline-cli.openai-compatible", "3.0.65", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"ClineCli_DoubleSlash_LeadingRunIsOne", "cline-cli.openai-compatible", "3.0.65", "http://127.0.0.1:8045//", "chat", POST, "/chat/completions", "", MISSES},
    {"ClineCli_V1DoubleSlash_StripsOnlyOne", "cline-cli.openai-compatible", "3.0.65", "http://127.0.0.1:8045/v1//", "chat", POST, "/v1//chat/completions", "", MISSES},
    {"ClineCli_BaseWithV1_Routes", "cline-cli.openai-compatible", "3.0.65", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"ClineCli_FullEndpoint_Doubles", "cline-cli.openai-compatible", "3.0.65", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"ClineCliOpenAi_BaseWithV1_ResponsesRoutes", "cline-cli.openai", "3.0.65", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"ClineCliAnthropic_HostOnly_MissesV1", "cline-cli.anthropic", "3.0.65", "http://127.0.0.1:8045/", "messages", POST, "/messages", "", MISSES},
    {"ClineCliGemini_HostOnly_GetsV1beta", "cline-cli.gemini", "3.0.65", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"ClineCliGemini_DoubleSlash_GetsV1beta", "cline-cli.gemini", "3.0.65", "http://127.0.0.1:8045//", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"ClineCliGemini_V1_KeptAsVersion", "cline-cli.gemini", "3.0.65", "http://127.0.0.1:8045/v1", "stream", POST, "/v1/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"ClineCliGemini_ApiV1_KeptAsVersion", "cline-cli.gemini", "3.0.65", "http://127.0.0.1:8045/api/v1", "stream", POST, "/api/v1/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"ClineCliGemini_FullEndpoint_GetsV1beta", "cline-cli.gemini", "3.0.65", "http://127.0.0.1:8045/v1/chat/completions", "stream", POST, "/v1/chat/completions/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
};
// clang-format on

// docs/clients.md 1.10 Continue CLI 1.5.47 (measured): Gemini through GOOGLE_GEMINI_BASE_URL, @google/genai 1.46
// (v1beta).
// clang-format off
const std::vector<PathVector> kContinueCliVectors = {
    {"ContinueCliGemini_HostOnly_Routes", "continue-cli.gemini", "1.5.47", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"ContinueCliGemini_V1beta_Doubles", "continue-cli.gemini", "1.5.47", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"ContinueCliGemini_DoubleSlash_Kept", "continue-cli.gemini", "1.5.47", "http://127.0.0.1:8045//", "stream", POST, "//v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"ContinueOpenAi_Cli_HostOnly_MissesV1", "continue.openai", "1.5.47", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"ContinueAnthropic_Cli_V1_Routes", "continue.anthropic", "1.5.47", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
};
// clang-format on

// docs/clients.md 1.8 Cline (2026 SDK): graft the provider default path onto a root base, keep any typed path.
// clang-format off
const std::vector<PathVector> kClineVectors = {
    {"Cline_HostOnly_GraftsV1", "cline.openai-compatible", "", "http://127.0.0.1:8045", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cline_HostSlash_GraftsV1", "cline.openai-compatible", "", "http://127.0.0.1:8045/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cline_BaseWithV1_Routes", "cline.openai-compatible", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cline_ApiV1Prefix_Verbatim", "cline.openai-compatible", "", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    {"Cline_FullEndpoint_Doubles", "cline.openai-compatible", "", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"ClineOpenAi_HostOnly_GraftsV1", "cline.openai", "", "http://127.0.0.1:8045", "responses", POST, "/v1/responses", "", ROUTED},
    {"ClineAnthropic_HostOnly_GraftsV1", "cline.anthropic", "", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"ClineAnthropic_BaseWithV1_Routes", "cline.anthropic", "", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
    {"ClineGemini_HostOnly_GraftsV1beta", "cline.gemini", "", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"ClineGemini_BaseWithV1beta_Routes", "cline.gemini", "", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
};
// clang-format on

// docs/clients.md 1.9 Roo Code: OpenAI SDK, openai-native with its fetch fallback, Anthropic SDK, @google/genai ^1.29.
// clang-format off
const std::vector<PathVector> kRooVectors = {
    {"RooOpenAiCompatible_BaseWithV1_Routes", "roo-code.openai-compatible", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"RooOpenAiCompatible_HostOnly_MissesV1", "roo-code.openai-compatible", "", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"RooOpenAiNative_HostOnly_SdkCallMisses", "roo-code.openai-native", "", "http://127.0.0.1:8045", "responses", POST, "/responses", "", MISSES},
    {"RooOpenAiNative_HostOnly_FallbackRoutes", "roo-code.openai-native", "", "http://127.0.0.1:8045", "responses_fallback", POST, "/v1/responses", "", ROUTED},
    {"RooOpenAiNative_BaseWithV1_SdkCallRoutes", "roo-code.openai-native", "", "http://127.0.0.1:8045/v1", "responses", POST, "/v1/responses", "", ROUTED},
    {"RooOpenAiNative_BaseWithV1_FallbackWouldDouble", "roo-code.openai-native", "", "http://127.0.0.1:8045/v1", "responses_fallback", POST, "/v1/v1/responses", "", MISSES},
    {"RooAnthropic_HostOnly_Routes", "roo-code.anthropic", "", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"RooAnthropic_BaseWithV1_DoublesPrefix", "roo-code.anthropic", "", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"RooGemini_HostOnly_Routes", "roo-code.gemini", "", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"RooGemini_HostSlash_Routes", "roo-code.gemini", "", "http://127.0.0.1:8045/", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
};
// clang-format on

// docs/clients.md 1.10 Continue: apiBase gets a trailing '/', then new URL(endpoint, apiBase).
// clang-format off
const std::vector<PathVector> kContinueVectors = {
    {"ContinueOpenAi_BaseWithV1Slash_Routes", "continue.openai", "", "http://127.0.0.1:8045/v1/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"ContinueOpenAi_BaseWithV1_SlashAddedRoutes", "continue.openai", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"ContinueOpenAi_HostOnly_MissesV1", "continue.openai", "", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"ContinueOpenAi_FullEndpointSlash_Doubles", "continue.openai", "", "http://127.0.0.1:8045/v1/chat/completions/", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"ContinueOpenAi_Models_BaseWithV1_Routes", "continue.openai", "", "http://127.0.0.1:8045/v1", "models", GET, "/v1/models", "", ROUTED},
    {"ContinueAnthropic_BaseWithV1_Routes", "continue.anthropic", "", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
    {"ContinueAnthropic_HostOnly_MissesV1", "continue.anthropic", "", "http://127.0.0.1:8045", "messages", POST, "/messages", "", MISSES},
    // `apiBase += "/"` on "…/v1?x=1" appends to the query, so new URL() resolves against "/v1" → "/chat/completions".
    {"ContinueOpenAi_BaseQuery_SlashLandsInQuery", "continue.openai", "", "http://127.0.0.1:8045/v1?x=1", "chat", POST, "/chat/completions", "", MISSES},
    {"ContinueGemini_BaseWithV1betaSlash_KeyInQuery", "continue.gemini", "", "http://127.0.0.1:8045/v1beta/", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "key={key}", ROUTED},
    {"ContinueGemini_HostOnly_MissesV1beta", "continue.gemini", "", "http://127.0.0.1:8045", "stream", POST, "/models/gemini-2.5-flash:streamGenerateContent", "key={key}", MISSES},
};
// clang-format on

// docs/clients.md 1.11 Cherry Studio: 2026 formatApiHost (append /v1 unless a /v\d segment, '#' = verbatim) and the
// 2024–2025 rule (a trailing '/' suppresses /v1/).
// clang-format off
const std::vector<PathVector> kCherryVectors = {
    {"Cherry_HostOnly_AppendsV1", "cherry-studio", "", "http://127.0.0.1:8045", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cherry_HostSlash_AppendsV1", "cherry-studio", "", "http://127.0.0.1:8045/", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cherry_BaseWithV1_Kept", "cherry-studio", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cherry_BaseWithV1beta_Kept", "cherry-studio", "", "http://127.0.0.1:8045/v1beta", "chat", POST, "/v1beta/chat/completions", "", MISSES},
    {"Cherry_ApiV1Prefix_Kept", "cherry-studio", "", "http://127.0.0.1:8045/api/v1", "chat", POST, "/api/v1/chat/completions", "", MISSES},
    {"Cherry_FullEndpoint_Doubles", "cherry-studio", "", "http://127.0.0.1:8045/v1/chat/completions", "chat", POST, "/v1/chat/completions/chat/completions", "", MISSES},
    {"Cherry_FullEndpointWithHash_Verbatim", "cherry-studio", "", "http://127.0.0.1:8045/v1/chat/completions#", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"Cherry_HostOnly_ModelsAppendsV1", "cherry-studio", "", "http://127.0.0.1:8045", "models", GET, "/v1/models", "", ROUTED},
};
// clang-format on

// docs/clients.md 1.12–1.14 Open WebUI (f"{url}/chat/completions"), LobeChat (SDK rules + hand-built model lists),
// Cursor ({base}/chat/completions; forum: base …/openai/v1 → POST /openai/v1/chat/completions).
// clang-format off
const std::vector<PathVector> kAppVectors = {
    {"OpenWebUi_BaseWithV1_Routes", "open-webui", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"OpenWebUi_BaseWithV1_ModelsRoutes", "open-webui", "", "http://127.0.0.1:8045/v1", "models", GET, "/v1/models", "", ROUTED},
    {"OpenWebUi_HostOnly_MissesV1", "open-webui", "", "http://127.0.0.1:8045", "chat", POST, "/chat/completions", "", MISSES},
    {"LobeOpenAi_BaseWithV1_Routes", "lobechat.openai", "", "http://127.0.0.1:8045/v1", "chat", POST, "/v1/chat/completions", "", ROUTED},
    {"LobeAnthropic_HostOnly_Routes", "lobechat.anthropic", "", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"LobeAnthropic_HostOnly_ModelListRoutes", "lobechat.anthropic", "", "http://127.0.0.1:8045", "models", GET, "/v1/models", "", ROUTED},
    {"LobeGoogle_HostOnly_ChatRoutes", "lobechat.google", "", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"LobeGoogle_HostOnly_ModelListKeyInQuery", "lobechat.google", "", "http://127.0.0.1:8045", "models", GET, "/v1beta/models", "key={key}", ROUTED},
    {"Cursor_ForumBase_AppendsChatCompletions", "cursor", "", "https://proxy.example.com/openai/v1", "chat", POST, "/openai/v1/chat/completions", "", MISSES},
    {"Cursor_BaseWithV1_VerifyCallsModels", "cursor", "", "https://proxy.example.com/v1", "models", GET, "/v1/models", "", ROUTED},
    {"Curl_HostOnly_TypedPathRoutes", "curl", "", "http://127.0.0.1:8045", "models", GET, "/v1/models", "", ROUTED},
    {"Curl_BaseWithV1_Doubles", "curl", "", "http://127.0.0.1:8045/v1", "models", GET, "/v1/v1/models", "", MISSES},
};
// clang-format on

// docs/clients.md 2.1–2.4: the Anthropic SDKs add /v1 themselves; @ai-sdk/anthropic does not.
// clang-format off
const std::vector<PathVector> kAnthropicVectors = {
    {"AnthropicSdk1_HostOnly_Routes", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"AnthropicSdk1_HostSlash_Routes", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/", "messages", POST, "/v1/messages", "", ROUTED},
    {"AnthropicSdk_BaseWithV1_DoublesPrefix", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"AnthropicSdk1_BaseWithV1Slash_DoublesPrefix", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1/", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"AnthropicSdk1_FullEndpoint_Nested", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1/chat/completions", "messages", POST, "/v1/chat/completions/v1/messages", "", MISSES},
    {"AnthropicSdk1_BaseWithV1beta_Nested", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1beta", "messages", POST, "/v1beta/v1/messages", "", MISSES},
    {"AnthropicSdk1_ApiV1Prefix_Nested", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/api/v1", "messages", POST, "/api/v1/v1/messages", "", MISSES},
    {"AnthropicSdk1_Beta_HostOnly_BetaQuery", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045", "messages_beta", POST, "/v1/messages", "beta=true", ROUTED},
    {"AnthropicSdk1_CountTokens_HostOnly_Routes", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045", "count_tokens", POST, "/v1/messages/count_tokens", "", ROUTED},
    {"AnthropicSdk1_CountTokens_BaseWithV1_Doubles", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1", "count_tokens", POST, "/v1/v1/messages/count_tokens", "", MISSES},
    {"AnthropicSdk1_Models_HostOnly_Routes", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045", "models", GET, "/v1/models", "", ROUTED},
    {"AnthropicSdk1_Models_BaseWithV1_Doubles", "anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045/v1", "models", GET, "/v1/v1/models", "", MISSES},
    {"AnthropicSdk0_HostOnly_Routes", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"AnthropicSdk0_HostSlash_Routes", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/", "messages", POST, "/v1/messages", "", ROUTED},
    {"AnthropicSdk0_BaseWithV1_DoublesPrefix", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"AnthropicSdk0_BaseWithV1Slash_DoublesPrefix", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/v1/", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"AnthropicSdk0_FullEndpoint_Nested", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/v1/chat/completions", "messages", POST, "/v1/chat/completions/v1/messages", "", MISSES},
    {"AnthropicSdk0_BaseWithV1beta_Nested", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/v1beta", "messages", POST, "/v1beta/v1/messages", "", MISSES},
    {"AnthropicSdk0_ApiV1Prefix_Nested", "anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045/api/v1", "messages", POST, "/api/v1/v1/messages", "", MISSES},
    {"AnthropicPython_HostOnly_Routes", "anthropic-sdk-python", "", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "", ROUTED},
    {"AnthropicPython_Beta_HostOnly_BetaQuery", "anthropic-sdk-python", "", "http://127.0.0.1:8045", "messages_beta", POST, "/v1/messages", "beta=true", ROUTED},
    {"AnthropicPython_CountTokens_HostOnly_Routes", "anthropic-sdk-python", "", "http://127.0.0.1:8045", "count_tokens", POST, "/v1/messages/count_tokens", "", ROUTED},
    {"AnthropicPython_BaseWithV1_DoublesPrefix", "anthropic-sdk-python", "", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "", MISSES},
    {"ClaudeCode_HostOnly_BetaQueryRoutes", "claude-code", "2.1.330", "http://127.0.0.1:8045", "messages", POST, "/v1/messages", "beta=true", ROUTED},
    {"ClaudeCode_HostSlash_BetaQueryRoutes", "claude-code", "2.1.330", "http://127.0.0.1:8045/", "messages", POST, "/v1/messages", "beta=true", ROUTED},
    {"ClaudeCode_BaseWithV1_DoublesPrefix", "claude-code", "2.1.330", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/v1/messages", "beta=true", MISSES},
    {"ClaudeCode_ApiV1Prefix_Nested", "claude-code", "2.1.330", "http://127.0.0.1:8045/api/v1", "messages", POST, "/api/v1/v1/messages", "beta=true", MISSES},
    // Measured by tests/clients (not in docs/clients.md): Claude Code strips every trailing '/'.
    {"ClaudeCode_HostDoubleSlash_StripsAllSlashes", "claude-code", "2.1.330", "http://127.0.0.1:8045//", "messages", POST, "/v1/messages", "beta=true", ROUTED},
    {"AiSdkAnthropic_HostOnly_MissesV1", "ai-sdk-anthropic", "4.0.105", "http://127.0.0.1:8045", "messages", POST, "/messages", "", MISSES},
    {"AiSdkAnthropic_BaseWithV1_Routes", "ai-sdk-anthropic", "4.0.105", "http://127.0.0.1:8045/v1", "messages", POST, "/v1/messages", "", ROUTED},
    {"AiSdkAnthropic_FullEndpoint_Nested", "ai-sdk-anthropic", "4.0.105", "http://127.0.0.1:8045/v1/chat/completions", "messages", POST, "/v1/chat/completions/messages", "", MISSES},
};
// clang-format on

// docs/clients.md 3.1–3.5.
// clang-format off
const std::vector<PathVector> kGeminiVectors = {
    {"Genai3_HostOnly_DefaultsToV1", "google-genai-node", "3.1.0", "http://127.0.0.1:8045", "generate", POST, "/v1/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"Genai3_HostSlash_DefaultsToV1", "google-genai-node", "3.1.0", "http://127.0.0.1:8045/", "generate", POST, "/v1/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"Genai3_HostOnly_StreamDefaultsToV1", "google-genai-node", "3.1.0", "http://127.0.0.1:8045", "stream", POST, "/v1/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"Genai3_HostOnly_CountTokensDefaultsToV1", "google-genai-node", "3.1.0", "http://127.0.0.1:8045", "count_tokens", POST, "/v1/models/gemini-2.5-flash:countTokens", "", MISSES},
    // GET /v1/models matches the OpenAI list route, which is not the Gemini list the call is meant for.
    {"Genai3_HostOnly_ModelListIsNotGeminiRoute", "google-genai-node", "3.1.0", "http://127.0.0.1:8045", "models", GET, "/v1/models", "", MISSES},
    {"Genai3_BaseWithV1beta_Nested", "google-genai-node", "3.1.0", "http://127.0.0.1:8045/v1beta", "generate", POST, "/v1beta/v1/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"Genai2_HostOnly_Routes", "google-genai-node", "2.32.0", "http://127.0.0.1:8045", "generate", POST, "/v1beta/models/gemini-2.5-flash:generateContent", "", ROUTED},
    {"Genai2_HostOnly_StreamRoutes", "google-genai-node", "2.32.0", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"Genai2_HostOnly_ModelListRoutes", "google-genai-node", "2.32.0", "http://127.0.0.1:8045", "models", GET, "/v1beta/models", "", ROUTED},
    {"Genai2_BaseWithV1beta_DoublesVersion", "google-genai-node", "2.32.0", "http://127.0.0.1:8045/v1beta", "generate", POST, "/v1beta/v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"Genai2_BaseWithV1_Nested", "google-genai-node", "2.32.0", "http://127.0.0.1:8045/v1", "generate", POST, "/v1/v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"GenaiPython_HostOnly_Routes", "google-genai-python", "", "http://127.0.0.1:8045", "generate", POST, "/v1beta/models/gemini-2.5-flash:generateContent", "", ROUTED},
    {"GenaiPython_BaseWithV1beta_DoublesVersion", "google-genai-python", "", "http://127.0.0.1:8045/v1beta", "generate", POST, "/v1beta/v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"GenerativeAi_HostOnly_Routes", "google-generative-ai", "0.24.1", "http://127.0.0.1:8045", "generate", POST, "/v1beta/models/gemini-2.5-flash:generateContent", "", ROUTED},
    {"GenerativeAi_HostSlash_DoubleSlash", "google-generative-ai", "0.24.1", "http://127.0.0.1:8045/", "generate", POST, "//v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"GenerativeAi_BaseWithV1Slash_DoubleSlash", "google-generative-ai", "0.24.1", "http://127.0.0.1:8045/v1/", "generate", POST, "/v1//v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"GenerativeAi_BaseWithV1beta_DoublesVersion", "google-generative-ai", "0.24.1", "http://127.0.0.1:8045/v1beta", "generate", POST, "/v1beta/v1beta/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"GenerativeAi_HostOnly_StreamRoutes", "google-generative-ai", "0.24.1", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"AiSdkGoogle_HostOnly_MissesV1beta", "ai-sdk-google", "4.0.121", "http://127.0.0.1:8045", "generate", POST, "/models/gemini-2.5-flash:generateContent", "", MISSES},
    {"AiSdkGoogle_BaseWithV1beta_Routes", "ai-sdk-google", "4.0.121", "http://127.0.0.1:8045/v1beta", "generate", POST, "/v1beta/models/gemini-2.5-flash:generateContent", "", ROUTED},
    {"AiSdkGoogle_BaseWithV1beta_StreamRoutes", "ai-sdk-google", "4.0.121", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"GeminiCli_HostOnly_Routes", "gemini-cli", "0.61.0", "http://127.0.0.1:8045", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"GeminiCli_HostSlash_Routes", "gemini-cli", "0.61.0", "http://127.0.0.1:8045/", "stream", POST, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", ROUTED},
    {"GeminiCli_BaseWithV1_Nested", "gemini-cli", "0.61.0", "http://127.0.0.1:8045/v1", "stream", POST, "/v1/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"GeminiCli_BaseWithV1beta_DoublesVersion", "gemini-cli", "0.61.0", "http://127.0.0.1:8045/v1beta", "stream", POST, "/v1beta/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"GeminiCli_FullEndpoint_Nested", "gemini-cli", "0.61.0", "http://127.0.0.1:8045/v1/chat/completions", "stream", POST, "/v1/chat/completions/v1beta/models/gemini-2.5-flash:streamGenerateContent", "alt=sse", MISSES},
    {"GeminiCli_HostOnly_RouterClassifierRoutes", "gemini-cli", "0.61.0", "http://127.0.0.1:8045", "generate", POST, "/v1beta/models/gemini-2.5-flash:generateContent", "", ROUTED},
};
// clang-format on

class ClientPathTest : public ::testing::TestWithParam<PathVector> {};

TEST_P(ClientPathTest, SendsExactlyWhatCLIENTSmdSays) {
    const PathVector& v = GetParam();
    const ClientEntry* client = find_client(v.client);
    ASSERT_NE(client, nullptr) << v.client;
    const auto resolution = resolve_client(*client, v.version, v.typed);
    ASSERT_TRUE(resolution.ok()) << resolution.error().message;
    const ResolvedCall* call = find_resolved(*resolution, v.call);
    ASSERT_NE(call, nullptr) << "no call '" << v.call << "' in " << v.client;
    EXPECT_EQ(method_name(call->method), method_name(v.method));
    EXPECT_EQ(call->path, v.path);
    EXPECT_EQ(call->query, v.query);
    EXPECT_EQ(call->route != nullptr, v.routed) << call->target();
    EXPECT_EQ(call->base_part + call->client_part, call->path) << "base_part + client_part must spell the path";
}

std::string vector_name(const ::testing::TestParamInfo<PathVector>& param_info) {
    return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(OpenAiSdks, ClientPathTest, ::testing::ValuesIn(kOpenAiSdkVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Codex, ClientPathTest, ::testing::ValuesIn(kCodexVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Kilo, ClientPathTest, ::testing::ValuesIn(kKiloVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(OpenCode, ClientPathTest, ::testing::ValuesIn(kOpenCodeVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Qwen, ClientPathTest, ::testing::ValuesIn(kQwenVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(ClineCli, ClientPathTest, ::testing::ValuesIn(kClineCliVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(ContinueCli, ClientPathTest, ::testing::ValuesIn(kContinueCliVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Cline, ClientPathTest, ::testing::ValuesIn(kClineVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Roo, ClientPathTest, ::testing::ValuesIn(kRooVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Continue, ClientPathTest, ::testing::ValuesIn(kContinueVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Cherry, ClientPathTest, ::testing::ValuesIn(kCherryVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Apps, ClientPathTest, ::testing::ValuesIn(kAppVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Anthropic, ClientPathTest, ::testing::ValuesIn(kAnthropicVectors), vector_name);
INSTANTIATE_TEST_SUITE_P(Gemini, ClientPathTest, ::testing::ValuesIn(kGeminiVectors), vector_name);

// ---- situations that need more than one call or an option ----------------------------------------------------

Resolution must_resolve(std::string_view client, std::string_view version, std::string_view typed,
                        const ResolveOptions& options = {}) {
    const ClientEntry* entry = find_client(client);
    EXPECT_NE(entry, nullptr) << client;
    auto resolution = resolve_client(*entry, version, typed, options);
    EXPECT_TRUE(resolution.ok());
    return resolution.ok() ? std::move(resolution).value() : Resolution{};
}

TEST(Resolution, Genai3_ApiVersionBetaSetting_HostOnlyReachesV1beta) {
    ResolveOptions options;
    options.applied_settings = {"GOOGLE_GENAI_API_VERSION"};
    const Resolution r = must_resolve("google-genai-node", "3.1.0", "http://127.0.0.1:8045", options);
    const ResolvedCall* generate = find_resolved(r, "generate");
    ASSERT_NE(generate, nullptr);
    EXPECT_EQ(generate->path, "/v1beta/models/gemini-2.5-flash:generateContent");
    EXPECT_TRUE(generate->reaches_route());
    EXPECT_EQ(find_resolved(r, "models")->path, "/v1beta/models");
    EXPECT_TRUE(r.all_calls_routed);
}

TEST(Resolution, Genai3_HostOnly_ModelListLandsOnOpenAiRouteNotGemini) {
    const Resolution r = must_resolve("google-genai-node", "3.1.0", "http://127.0.0.1:8045");
    const ResolvedCall* models = find_resolved(r, "models");
    ASSERT_NE(models, nullptr);
    EXPECT_EQ(models->route, nullptr);
    ASSERT_NE(models->other_route, nullptr);
    EXPECT_EQ(models->other_route->id, "openai.models");
    EXPECT_FALSE(r.all_calls_routed);
    ASSERT_NE(r.first_unrouted(), nullptr);
    EXPECT_EQ(r.first_unrouted()->call->id, "generate");
}

TEST(Resolution, AnthropicSdk_BaseWithV1_NothingRoutes) {
    const Resolution r = must_resolve("anthropic-sdk-node", "", "http://127.0.0.1:8045/v1");
    EXPECT_FALSE(r.all_calls_routed);
    ASSERT_NE(r.first_unrouted(), nullptr);
    EXPECT_EQ(r.first_unrouted()->url(), "http://127.0.0.1:8045/v1/v1/messages");
}

TEST(Resolution, ClaudeCode_HostOnly_UrlKeepsBetaQuery) {
    const Resolution r = must_resolve("claude-code", "", "http://127.0.0.1:8045");
    ASSERT_EQ(r.calls.size(), 1U);
    EXPECT_EQ(r.calls[0].url(), "http://127.0.0.1:8045/v1/messages?beta=true");
    EXPECT_EQ(r.calls[0].target(), "/v1/messages?beta=true");
    EXPECT_TRUE(r.all_calls_routed);
    EXPECT_EQ(r.first_unrouted(), nullptr);
}

TEST(Resolution, RooOpenAiNative_HostOnly_WorksThroughFallback) {
    const Resolution r = must_resolve("roo-code.openai-native", "", "http://127.0.0.1:8045");
    EXPECT_TRUE(r.all_calls_routed);
    EXPECT_TRUE(r.needs_fallback);
    EXPECT_TRUE(find_resolved(r, "responses_fallback")->sent);
    EXPECT_EQ(r.first_unrouted(), nullptr);
}

TEST(Resolution, RooOpenAiNative_BaseWithV1_FallbackNeverSent) {
    const Resolution r = must_resolve("roo-code.openai-native", "", "http://127.0.0.1:8045/v1");
    EXPECT_TRUE(r.all_calls_routed);
    EXPECT_FALSE(r.needs_fallback);
    EXPECT_FALSE(find_resolved(r, "responses_fallback")->sent);
}

TEST(Resolution, CodexBuiltin_WebSocketTryDoesNotCountAsMiss) {
    const Resolution r = must_resolve("codex-cli.builtin", "", "http://127.0.0.1:8045/v1");
    const ResolvedCall* ws = find_resolved(r, "responses_ws");
    ASSERT_NE(ws, nullptr);
    EXPECT_TRUE(ws->websocket_upgrade);
    EXPECT_EQ(r.calls.front().call->id, "responses_ws");  // measured: the upgrade comes first
    EXPECT_TRUE(r.all_calls_routed);
}

TEST(Resolution, CherryLegacy_HostSlash_SuppressesV1) {
    const ClientEntry* cherry = find_client("cherry-studio");
    ASSERT_NE(cherry, nullptr);
    ASSERT_EQ(cherry->variants.size(), 2U);
    const ClientVariant& legacy = cherry->variants[1];
    auto slash = parse_base_url("http://127.0.0.1:8045/");
    auto host = parse_base_url("http://127.0.0.1:8045");
    ASSERT_TRUE(slash.ok() && host.ok());
    const Resolution with_slash = resolve_client(*cherry, legacy, *slash);
    EXPECT_EQ(find_resolved(with_slash, "chat")->path, "/chat/completions");
    EXPECT_FALSE(with_slash.all_calls_routed);
    const Resolution host_only = resolve_client(*cherry, legacy, *host);
    EXPECT_EQ(find_resolved(host_only, "chat")->path, "/v1/chat/completions");
    EXPECT_TRUE(host_only.all_calls_routed);
}

TEST(Resolution, CherryHash_OtherCallsJoinOntoBaseBeforeEndpoint) {
    const Resolution r = must_resolve("cherry-studio", "", "http://127.0.0.1:8045/v1/chat/completions#");
    EXPECT_EQ(find_resolved(r, "chat")->path, "/v1/chat/completions");
    EXPECT_EQ(find_resolved(r, "models")->path, "/v1/models");
    EXPECT_TRUE(r.all_calls_routed);
}

TEST(Resolution, ExampleModel_OverridesProtocolDefault) {
    ResolveOptions options;
    options.example_model = "gemini-2.0-pro";
    const Resolution r = must_resolve("gemini-cli", "", "http://127.0.0.1:8045", options);
    EXPECT_EQ(r.calls[0].path, "/v1beta/models/gemini-2.0-pro:streamGenerateContent");
    EXPECT_EQ(r.calls[0].model, "gemini-2.0-pro");
    EXPECT_TRUE(r.calls[0].reaches_route());
}

TEST(Resolution, Ipv6Origin_KeptInEveryCall) {
    const Resolution r = must_resolve("openai-node", "", "http://[::1]:9000/v1");
    EXPECT_EQ(r.calls[0].origin, "http://[::1]:9000");
    EXPECT_EQ(r.calls[0].url(), "http://[::1]:9000/v1/chat/completions");
}

TEST(Resolution, UnparsableBase_ReturnsParseError) {
    const ClientEntry* client = find_client("openai-node");
    ASSERT_NE(client, nullptr);
    const auto empty = resolve_client(*client, "", "   ");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "empty");
    EXPECT_FALSE(empty.error().message.empty());
    const auto credentials = resolve_client(*client, "", "http://user:secret@127.0.0.1:8045/v1");
    ASSERT_FALSE(credentials.ok());
    EXPECT_EQ(credentials.error().code, "credentials");
}

// ---- recommendations: the "type this for 127.0.0.1:8045" column of docs/clients.md section 0 ----------------------

struct ExpectedRecommendation {
    std::string_view client;
    std::string_view version;
    std::string_view base_url;
    std::string_view setting;  // the extra setting that must come with it, "" when none
};

// clang-format off
const std::vector<ExpectedRecommendation> kTypeThis = {
    {"openai-node", "7.57.0", "http://127.0.0.1:8045/v1", ""},
    {"openai-node", "6.49.0", "http://127.0.0.1:8045/v1", ""},
    {"openai-python", "", "http://127.0.0.1:8045/v1", ""},
    {"langchain-openai", "", "http://127.0.0.1:8045/v1", ""},
    {"ai-sdk-openai", "", "http://127.0.0.1:8045/v1", ""},
    {"ai-sdk-openai-compatible", "", "http://127.0.0.1:8045/v1", ""},
    {"codex-cli", "", "http://127.0.0.1:8045/v1", ""},
    {"codex-cli.builtin", "", "http://127.0.0.1:8045/v1", ""},
    {"kilo-cli.openai-compatible", "", "http://127.0.0.1:8045/v1", ""},
    {"kilo-cli.openai", "", "http://127.0.0.1:8045/v1", ""},
    {"kilo-cli.anthropic", "", "http://127.0.0.1:8045/v1", ""},
    {"kilo-cli.google", "", "http://127.0.0.1:8045/v1beta", ""},
    {"kilo-code-legacy", "", "http://127.0.0.1:8045/v1", ""},  // 1.7: the OpenAI SDK rule
    {"opencode.openai-compatible", "", "http://127.0.0.1:8045/v1", ""},  // 1.15
    {"opencode.openai", "", "http://127.0.0.1:8045/v1", ""},
    {"opencode.anthropic", "", "http://127.0.0.1:8045/v1", ""},  // not the host: OpenCode appends only /messages
    {"opencode.google", "", "http://127.0.0.1:8045/v1beta", ""},
    {"qwen-code", "", "http://127.0.0.1:8045/v1", ""},  // 1.16
    {"qwen-code.openai-responses", "", "http://127.0.0.1:8045", ""},  // it adds /v1/responses itself
    {"qwen-code.anthropic", "", "http://127.0.0.1:8045", ""},
    {"qwen-code.gemini", "", "http://127.0.0.1:8045", ""},
    {"cline.openai-compatible", "", "http://127.0.0.1:8045", ""},  // "host only or …/v1": host is shorter
    {"cline.openai", "", "http://127.0.0.1:8045", ""},
    {"cline.anthropic", "", "http://127.0.0.1:8045", ""},
    {"cline.gemini", "", "http://127.0.0.1:8045", ""},
    {"cline-cli.openai-compatible", "", "http://127.0.0.1:8045/v1", ""},  // 1.8: the CLI grafts nothing
    {"cline-cli.openai", "", "http://127.0.0.1:8045/v1", ""},
    {"cline-cli.anthropic", "", "http://127.0.0.1:8045/v1", ""},
    {"cline-cli.gemini", "", "http://127.0.0.1:8045", ""},
    {"continue-cli.gemini", "", "http://127.0.0.1:8045", ""},  // 1.10: GOOGLE_GEMINI_BASE_URL, not apiBase
    {"roo-code.openai-compatible", "", "http://127.0.0.1:8045/v1", ""},
    {"roo-code.openai-native", "", "http://127.0.0.1:8045/v1", ""},  // "…/v1 works directly"
    {"roo-code.anthropic", "", "http://127.0.0.1:8045", ""},
    {"roo-code.gemini", "", "http://127.0.0.1:8045", ""},
    // docs/clients.md writes "…/v1/"; Continue appends the '/' itself (BaseLLM ctor),
    // so the shorter "…/v1" is the same.
    {"continue.openai", "", "http://127.0.0.1:8045/v1", ""},
    {"continue.anthropic", "", "http://127.0.0.1:8045/v1", ""},
    {"continue.gemini", "", "http://127.0.0.1:8045/v1beta", ""},
    {"cherry-studio", "", "http://127.0.0.1:8045", ""},  // "host only (it appends /v1)"
    {"open-webui", "", "http://127.0.0.1:8045/v1", ""},
    {"lobechat.openai", "", "http://127.0.0.1:8045/v1", ""},
    {"lobechat.anthropic", "", "http://127.0.0.1:8045", ""},
    {"lobechat.google", "", "http://127.0.0.1:8045", ""},
    {"cursor", "", "http://127.0.0.1:8045/v1", ""},
    {"anthropic-sdk-node", "1.12.0", "http://127.0.0.1:8045", ""},
    {"anthropic-sdk-node", "0.137.0", "http://127.0.0.1:8045", ""},
    {"anthropic-sdk-python", "", "http://127.0.0.1:8045", ""},
    {"claude-code", "", "http://127.0.0.1:8045", ""},
    {"ai-sdk-anthropic", "", "http://127.0.0.1:8045/v1", ""},
    {"google-genai-node", "3.1.0", "http://127.0.0.1:8045", "GOOGLE_GENAI_API_VERSION"},
    {"google-genai-node", "2.32.0", "http://127.0.0.1:8045", ""},
    {"google-genai-python", "", "http://127.0.0.1:8045", ""},
    {"google-generative-ai", "", "http://127.0.0.1:8045", ""},
    {"ai-sdk-google", "", "http://127.0.0.1:8045/v1beta", ""},
    {"gemini-cli", "", "http://127.0.0.1:8045", "security.auth.selectedType"},
    {"curl", "", "http://127.0.0.1:8045", ""},
};
// clang-format on

void PrintTo(const ExpectedRecommendation& r, std::ostream* os) {
    *os << r.client << " " << r.version;
}

class RecommendationTest : public ::testing::TestWithParam<ExpectedRecommendation> {};

TEST_P(RecommendationTest, MatchesTypeThisColumn) {
    const ExpectedRecommendation& expected = GetParam();
    const ClientEntry* client = find_client(expected.client);
    ASSERT_NE(client, nullptr) << expected.client;
    const auto rec = recommend(*client, expected.version, "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok()) << rec.error().message;
    EXPECT_EQ(rec->base_url, expected.base_url);
    EXPECT_TRUE(rec->resolution.all_calls_routed);
    if (expected.setting.empty()) {
        EXPECT_TRUE(rec->settings.empty()) << rec->settings.front()->name;
    } else {
        ASSERT_EQ(rec->settings.size(), 1U);
        EXPECT_EQ(rec->settings[0]->name, expected.setting);
    }
}

std::string recommendation_name(const ::testing::TestParamInfo<ExpectedRecommendation>& param_info) {
    std::string name;
    for (const char c : param_info.param.client) name.push_back((c == '-' || c == '.') ? '_' : c);
    for (const char c : param_info.param.version) name.push_back(c == '.' ? '_' : c);
    return name;
}

INSTANTIATE_TEST_SUITE_P(TypeThis, RecommendationTest, ::testing::ValuesIn(kTypeThis), recommendation_name);

TEST(Recommendation, Genai3_SettingValueIsBeta) {
    const auto rec = recommend(*find_client("google-genai-node"), "3.1.0", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->settings.size(), 1U);
    EXPECT_EQ(rec->settings[0]->value, "beta");
    EXPECT_EQ(rec->resolution.calls[0].path, "/v1beta/models/gemini-2.5-flash:generateContent");
}

TEST(Recommendation, GeminiCli_AuthSettingValue) {
    const auto rec = recommend(*find_client("gemini-cli"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->settings.size(), 1U);
    EXPECT_EQ(rec->settings[0]->value, "gemini-api-key");
}

TEST(Recommendation, Cursor_Loopback_UnreachableNeedsPublicUrl) {
    const auto rec = recommend(*find_client("cursor"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    EXPECT_FALSE(rec->reachable);
    EXPECT_TRUE(rec->needs_public_url);
    EXPECT_EQ(rec->base_url, "http://127.0.0.1:8045/v1");
}

TEST(Recommendation, Cursor_PrivateNetworkOrigins_NeedPublicUrl) {
    for (const std::string_view origin :
         {"http://192.168.1.20:8045", "http://10.0.0.5:8045", "http://172.20.0.2:8045", "http://localhost:8045",
          "http://[::1]:9000", "http://[fd00::5]:8045", "http://myserver:8045", "http://proxy.local:8045"}) {
        const auto rec = recommend(*find_client("cursor"), "", origin);
        ASSERT_TRUE(rec.ok()) << origin;
        EXPECT_TRUE(rec->needs_public_url) << origin;
        EXPECT_FALSE(rec->reachable) << origin;
    }
}

TEST(Recommendation, OtherClients_PrivateNetworkOrigin_Reachable) {
    const auto rec = recommend(*find_client("openai-node"), "", "http://192.168.1.20:8045");
    ASSERT_TRUE(rec.ok());
    EXPECT_TRUE(rec->reachable);
    EXPECT_FALSE(rec->needs_public_url);
    EXPECT_EQ(rec->base_url, "http://192.168.1.20:8045/v1");
}

TEST(Recommendation, Cursor_PublicOrigin_Reachable) {
    const auto rec = recommend(*find_client("cursor"), "", "https://proxy.example.com");
    const auto public_ip = recommend(*find_client("cursor"), "", "http://203.0.113.7:8045");
    ASSERT_TRUE(public_ip.ok());
    EXPECT_TRUE(public_ip->reachable);
    ASSERT_TRUE(rec.ok());
    EXPECT_TRUE(rec->reachable);
    EXPECT_FALSE(rec->needs_public_url);
    EXPECT_EQ(rec->base_url, "https://proxy.example.com/v1");
}

TEST(Recommendation, OriginPathIsIgnored) {
    const auto rec = recommend(*find_client("claude-code"), "", "http://127.0.0.1:8045/v1/messages?x=1#frag");
    ASSERT_TRUE(rec.ok());
    EXPECT_EQ(rec->base_url, "http://127.0.0.1:8045");
}

TEST(Recommendation, ClaudeCode_ExampleAndVerifyCommands) {
    const auto rec = recommend(*find_client("claude-code"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->examples.size(), 1U);
    EXPECT_EQ(rec->examples[0], "export ANTHROPIC_BASE_URL=http://127.0.0.1:8045");
    ASSERT_EQ(rec->verify.size(), 2U);
    EXPECT_EQ(rec->verify[0].shell, "curl");
    EXPECT_EQ(
        rec->verify[0].command,
        "curl -i \"http://127.0.0.1:8045/v1/messages?beta=true\" -H \"Content-Type: application/json\" -d "
        "'{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'");
    EXPECT_EQ(rec->verify[1].shell, "powershell");
    EXPECT_EQ(
        rec->verify[1].command,
        "Invoke-WebRequest -UseBasicParsing -Method Post -ContentType 'application/json' -Body "
        "'{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}' "
        "'http://127.0.0.1:8045/v1/messages?beta=true' | Select-Object -ExpandProperty StatusCode");
}

TEST(Recommendation, OpenAiNode_VerifyIsTheTutorialModelList) {
    const auto rec = recommend(*find_client("openai-node"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->verify.size(), 2U);
    EXPECT_EQ(rec->verify[0].command, "curl -i http://127.0.0.1:8045/v1/models");
    EXPECT_EQ(rec->verify[1].command,
              "Invoke-WebRequest -UseBasicParsing http://127.0.0.1:8045/v1/models | Select-Object -ExpandProperty "
              "StatusCode");
    EXPECT_EQ(rec->verify[0].call_id, "models");
}

TEST(Recommendation, AiSdkGoogle_VerifyPostsGenerateContent) {
    const auto rec = recommend(*find_client("ai-sdk-google"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->verify.size(), 2U);
    EXPECT_EQ(rec->verify[0].command,
              "curl -i http://127.0.0.1:8045/v1beta/models/gemini-2.5-flash:generateContent -H \"Content-Type: "
              "application/json\" -d '{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}'");
}

TEST(Recommendation, ContinueGemini_VerifyNeverCarriesARealKey) {
    const auto rec = recommend(*find_client("continue.gemini"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    ASSERT_FALSE(rec->verify.empty());
    EXPECT_NE(rec->verify[0].command.find("key=YOUR_API_KEY"), std::string::npos);
}

TEST(Recommendation, AnthropicSdk_AuthHeaderFollowsVersion) {
    const auto v1 = recommend(*find_client("anthropic-sdk-node"), "1.12.0", "http://127.0.0.1:8045");
    const auto v0 = recommend(*find_client("anthropic-sdk-node"), "0.137.0", "http://127.0.0.1:8045");
    ASSERT_TRUE(v1.ok() && v0.ok());
    EXPECT_NE(v1->auth_header.find("Authorization: Bearer"), std::string_view::npos);
    EXPECT_NE(v1->auth_header.find("2026-10-21"), std::string_view::npos);
    EXPECT_NE(v0->auth_header.find("x-api-key"), std::string_view::npos);
}

TEST(Recommendation, BadOrigin_ReturnsParseError) {
    const auto rec = recommend(*find_client("openai-node"), "", "");
    ASSERT_FALSE(rec.ok());
    EXPECT_EQ(rec.error().code, "empty");
}

// No catalogued client collapses "//" itself, but the rule exists for one that does: check the engine honours it.
TEST(Resolution, RuleThatCollapsesDoubleSlash_SendsSinglePath) {
    static constexpr JoinRule kCollapsing{
        .trim = BaseTrim::keep, .join = JoinStyle::concat, .collapses_double_slash = true};
    static constexpr std::array kCalls = {ClientCall{
        .id = "models", .method = Method::get, .path = "/v1/models", .route_id = "openai.models", .trigger = "test"}};
    static constexpr std::array kVariants = {
        ClientVariant{.versions = "all", .source = "test", .join = kCollapsing, .calls = kCalls}};
    static constexpr ClientEntry kClient{.id = "collapsing",
                                         .name = "Collapsing",
                                         .product = "Test",
                                         .auth_header = "Authorization: Bearer",
                                         .variants = kVariants};
    const auto r = resolve_client(kClient, "", "http://127.0.0.1:8045/");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->calls[0].path, "/v1/models");
    EXPECT_TRUE(r->calls[0].reaches_route());
    EXPECT_EQ(r->calls[0].base_part + r->calls[0].client_part, r->calls[0].path);
}

// A client no candidate base can serve (its own path carries a prefix this proxy does not have): not reachable,
// no base to type, and no verify command pointing at a route it does not use.
TEST(Recommendation, NoCandidateBaseWorks_NotReachable) {
    static constexpr JoinRule kVerbatim{.trim = BaseTrim::keep, .join = JoinStyle::concat};
    static constexpr std::array kCalls = {ClientCall{.id = "chat",
                                                     .method = Method::post,
                                                     .path = "/api/v1/chat/completions",
                                                     .route_id = "openai.chat_completions",
                                                     .trigger = "test"}};
    static constexpr std::array kVariants = {
        ClientVariant{.versions = "all", .source = "test", .join = kVerbatim, .calls = kCalls}};
    static constexpr ClientEntry kClient{.id = "prefixed",
                                         .name = "Prefixed",
                                         .product = "Test",
                                         .auth_header = "Authorization: Bearer",
                                         .variants = kVariants};
    const auto rec = recommend(kClient, "", "http://127.0.0.1:8045");
    ASSERT_TRUE(rec.ok());
    EXPECT_FALSE(rec->reachable);
    EXPECT_FALSE(rec->needs_public_url);
    EXPECT_TRUE(rec->base_url.empty());
    EXPECT_TRUE(rec->verify.empty());
    ASSERT_EQ(rec->resolution.calls.size(), 1U);
    EXPECT_EQ(rec->resolution.calls[0].path, "/api/v1/chat/completions");
}

// Every catalog client and version: the recommended base reaches a route for every call, on the default origin
// and on an unusual one, and the path part does not depend on the origin.
TEST(Recommendation, EveryClientVariant_ReachesAllRoutes_StableAcrossOrigins) {
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            const std::string_view version = version_selecting(variant);
            ASSERT_EQ(&pick_variant(client, version), &variant) << client.id << " " << variant.versions;
            const auto loopback = recommend(client, version, "http://127.0.0.1:8045");
            const auto ipv6 = recommend(client, version, "http://[::1]:9000");
            ASSERT_TRUE(loopback.ok() && ipv6.ok()) << client.id;
            EXPECT_TRUE(loopback->resolution.all_calls_routed) << client.id << " " << variant.versions;
            EXPECT_TRUE(ipv6->resolution.all_calls_routed) << client.id << " " << variant.versions;
            EXPECT_FALSE(loopback->base_url.empty()) << client.id;
            EXPECT_EQ(loopback->base_url.rfind("http://127.0.0.1:8045", 0), 0U) << loopback->base_url;
            EXPECT_EQ(ipv6->base_url.rfind("http://[::1]:9000", 0), 0U) << ipv6->base_url;
            EXPECT_EQ(loopback->base_url.substr(std::string_view("http://127.0.0.1:8045").size()),
                      ipv6->base_url.substr(std::string_view("http://[::1]:9000").size()))
                << client.id;
            EXPECT_EQ(loopback->reachable, client.reaches_loopback) << client.id;
            EXPECT_EQ(loopback->verify.size(), 2U) << client.id;
            EXPECT_EQ(loopback->examples.size(), variant.entry_points.size()) << client.id;
            for (const std::string& example : loopback->examples) {
                EXPECT_EQ(example.find("{base}"), std::string::npos) << client.id << ": " << example;
                EXPECT_NE(example.find(loopback->base_url), std::string::npos) << client.id << ": " << example;
            }
            // The recommended base, typed back in, resolves to the same routed calls.
            ResolveOptions options;
            for (const ExtraSetting* setting : loopback->settings) options.applied_settings.emplace_back(setting->name);
            const auto again = resolve_client(client, version, loopback->base_url, options);
            ASSERT_TRUE(again.ok());
            EXPECT_TRUE(again->all_calls_routed) << client.id;
        }
    }
}

}  // namespace
}  // namespace pathwise
