// mock_replies.hpp — what Pathwise's mock upstream answers, in each protocol's real response format, so the
// real SDKs and CLIs accept it (docs/clients.md §6: "Upstream replies the clients accept").
//
//   MockAsk ask{.route_id = "openai.chat_completions", .model = "gpt-4o", .body = json, .stream = true};
//   MockReply reply = mock_reply(ask);   // reply.events: SSE events, one per token, ending with "data: [DONE]"
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise::mock {

// bugprone-exception-escape: its implicit members call nlohmann::json's, which clang-tidy 14 cannot prove
// noexcept; a MockAsk is built per request inside the handler's try, never in a noexcept context.
struct MockAsk {                     // NOLINT(bugprone-exception-escape)
    std::string route_id;            // from the route table: "anthropic.messages", "gemini.count_tokens", …
    std::string model;               // from the body ("model") or the Gemini path; "" when none
    nlohmann::json body;             // the parsed request body (null when none or not JSON)
    bool stream = false;             // SSE wanted: "stream": true, or :streamGenerateContent?alt=sse
    bool gemini_json_array = false;  // :streamGenerateContent without alt=sse: a streamed JSON array
    bool anthropic_headers = false;  // anthropic-version or x-api-key present: /v1/models answers Anthropic's shape
    int tokens = 0;                  // answer length in tokens; 0 = the standard sentence
    std::int64_t now_unix = 0;       // for "created" fields
    std::uint64_t sequence = 0;      // makes ids unique per reply
};

struct MockReply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;                 // the whole answer when not streamed
    std::vector<std::string> chunks;  // streamed answer: written one by one, a token delay apart
    [[nodiscard]] bool streamed() const { return !chunks.empty(); }
};

[[nodiscard]] MockReply mock_reply(const MockAsk& ask);
// Whether the mock has a reply for this route of the route table (every forwarded route must).
[[nodiscard]] bool has_mock_reply(std::string_view route_id);

// The words of the answer (each after the first with its leading space): what the streams send one per event.
[[nodiscard]] std::vector<std::string> answer_tokens(const std::string& model, const std::string& protocol, int tokens);

// A rough token count for count_tokens answers and usage: translate::estimate_tokens (token_estimate.hpp).
[[nodiscard]] int estimate_tokens(const nlohmann::json& body);

// A JSON value that satisfies a (Gemini responseSchema / JSON Schema) schema: Gemini CLI's model router asks for
// JSON-mode output and retries for ~90 s when the reply does not parse (docs/clients.md §3, Gemini CLI).
[[nodiscard]] nlohmann::json sample_for_schema(const nlohmann::json& schema, const std::string& text,
                                               std::size_t depth = 0);

}  // namespace pathwise::mock
