// translate_answers_test.cpp — non-streamed answers decoded from each protocol and encoded to each other one.
//
// The bodies are written by hand after the providers' documented answers (OpenAI chat.completion object,
// Anthropic Message object, Gemini GenerateContentResponse). The three answers of a scenario say the same thing
// and carry the same id and model, so that every pair must give exactly the other body, except OpenAI's
// `created`: the core has no clock, so an answer from elsewhere gets 0 and the proxy fills in the time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

using nlohmann::json;

struct AnswerScenario {
    std::string name;
    std::string openai;
    std::string anthropic;
    std::string gemini;
};

const std::string& body_of(const AnswerScenario& s, Protocol p) {
    if (p == Protocol::openai_chat) return s.openai;
    if (p == Protocol::anthropic) return s.anthropic;
    return s.gemini;
}

const std::vector<AnswerScenario>& answers() {
    static const std::vector<AnswerScenario> all = {
        {"TextEndTurn",
         R"({"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","object":"chat.completion","created":1741569952,"model":"test-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?"},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}})",
         R"({"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":"test-model",
             "content":[{"type":"text","text":"Hello! How can I help you today?"}],
             "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":19,"output_tokens":10}})",
         R"({"candidates":[{"content":{"role":"model","parts":[{"text":"Hello! How can I help you today?"}]},
                            "finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":19,"candidatesTokenCount":10,"totalTokenCount":29},
             "modelVersion":"test-model","responseId":"msg_013Zva2CMHLNnXjNJJKqJ2EF"})"},
        {"ToolCall",
         R"({"id":"r1","object":"chat.completion","created":1741569952,"model":"test-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"toolu_01A09q90qw90lq917835lq9",
                 "type":"function","function":{"name":"get_weather","arguments":"{\"location\":\"San Francisco, CA\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":384,"completion_tokens":47,"total_tokens":431}})",
         R"({"id":"r1","type":"message","role":"assistant","model":"test-model",
             "content":[{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                         "input":{"location":"San Francisco, CA"}}],
             "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":384,"output_tokens":47}})",
         R"({"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"id":"toolu_01A09q90qw90lq917835lq9",
                 "name":"get_weather","args":{"location":"San Francisco, CA"}}}]},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":384,"candidatesTokenCount":47,"totalTokenCount":431},
             "modelVersion":"test-model","responseId":"r1"})"},
        {"MaxTokens",
         R"({"id":"r2","object":"chat.completion","created":1,"model":"test-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"The story begins"},"logprobs":null,
                         "finish_reason":"length"}],
             "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}})",
         R"({"id":"r2","type":"message","role":"assistant","model":"test-model",
             "content":[{"type":"text","text":"The story begins"}],"stop_reason":"max_tokens","stop_sequence":null,
             "usage":{"input_tokens":5,"output_tokens":3}})",
         R"({"candidates":[{"content":{"role":"model","parts":[{"text":"The story begins"}]},"finishReason":"MAX_TOKENS",
                            "index":0}],
             "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":3,"totalTokenCount":8},
             "modelVersion":"test-model","responseId":"r2"})"},
    };
    return all;
}

constexpr Protocol kProtocols[] = {Protocol::openai_chat, Protocol::anthropic, Protocol::gemini};

TEST(TranslateAnswer, EveryScenario_EveryPair_GivesTheOtherBodyExactly) {
    for (const auto& scenario : answers()) {
        for (const Protocol from : kProtocols) {
            auto in = decode_response(from, body_of(scenario, from));
            ASSERT_TRUE(in.ok()) << scenario.name << " from " << protocol_name(from) << ": " << in.error().message;
            for (const Protocol to : kProtocols) {
                auto out = encode_response(to, in->response);
                ASSERT_TRUE(out.ok()) << scenario.name << ": " << out.error().message;
                json expected = json::parse(body_of(scenario, to));
                if (to == Protocol::openai_chat && from != Protocol::openai_chat) expected["created"] = 0;
                EXPECT_EQ(json::parse(out->body), expected)
                    << scenario.name << ": " << protocol_name(from) << " → " << protocol_name(to);
            }
        }
    }
}

Response answer_from(Protocol from, std::string_view body) {
    auto in = decode_response(from, body);
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().message);
    return in.ok() ? in->response : Response{};
}

TEST(TranslateAnswer, GeminiCallWithoutId_GetsAMadeUpIdAndToolUse) {
    // Gemini's answers usually carry no call id and say STOP for a function call.
    const Response r = answer_from(Protocol::gemini, R"({"candidates":[{"content":{"role":"model","parts":[
        {"functionCall":{"name":"get_weather","args":{"location":"Paris"}}}]},"finishReason":"STOP"}]})");
    EXPECT_EQ(r.stop_reason, StopReason::tool_use);
    ASSERT_EQ(r.parts.size(), 1u);
    EXPECT_EQ(r.parts[0].tool_call.id, "call_1");
    auto out = encode_response(Protocol::openai_chat, r);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(json::parse(out->body)["choices"][0]["finish_reason"], "tool_calls");
    EXPECT_EQ(json::parse(out->body)["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"],
              R"({"location":"Paris"})");
}

TEST(TranslateAnswer, AnthropicStopSequence_ToOpenAi_IsStopAndWarns) {
    auto in = decode_response(Protocol::anthropic, R"({"id":"m","type":"message","role":"assistant","model":"c",
        "content":[{"type":"text","text":"1, 2, 3"}],"stop_reason":"stop_sequence","stop_sequence":", 4",
        "usage":{"input_tokens":3,"output_tokens":7}})");
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(in->response.stop_reason, StopReason::stop_sequence);
    EXPECT_EQ(in->response.stop_sequence, ", 4");
    auto anthropic = encode_response(Protocol::anthropic, in->response);
    ASSERT_TRUE(anthropic.ok());
    EXPECT_EQ(json::parse(anthropic->body)["stop_sequence"], ", 4");
    auto openai = encode_response(Protocol::openai_chat, in->response);
    ASSERT_TRUE(openai.ok());
    EXPECT_EQ(json::parse(openai->body)["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(openai->warnings.size(), 2u);  // approximated stop reason, unnamed stop sequence
}

TEST(TranslateAnswer, AnthropicCacheTokens_CountAsInput) {
    const Response r = answer_from(Protocol::anthropic, R"({"id":"m","type":"message","role":"assistant","model":"c",
        "content":[],"stop_reason":"end_turn","usage":{"input_tokens":10,"cache_read_input_tokens":2000,
        "cache_creation_input_tokens":300,"output_tokens":5}})");
    EXPECT_EQ(r.usage.input_tokens, 2310);
    EXPECT_EQ(r.usage.output_tokens, 5);
}

TEST(TranslateAnswer, GeminiThoughtTokens_CountAsOutput_ThoughtPartsDropped) {
    auto in = decode_response(Protocol::gemini, R"({"candidates":[{"content":{"role":"model","parts":[
        {"text":"Let me think","thought":true},{"text":"42"}]},"finishReason":"STOP"}],
        "usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":1,"thoughtsTokenCount":30,"totalTokenCount":35}})");
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(in->response.usage.output_tokens, 31);
    ASSERT_EQ(in->response.parts.size(), 1u);
    EXPECT_EQ(in->response.parts[0].text.text, "42");
    ASSERT_EQ(in->warnings.size(), 1u);
    EXPECT_EQ(in->warnings[0].field, "candidates[0].content.parts[0]");
}

TEST(TranslateAnswer, GeminiSafetyStop_ToOpenAiContentFilter_ToAnthropicRefusal) {
    const Response r = answer_from(Protocol::gemini, R"({"candidates":[{"finishReason":"SAFETY","index":0}]})");
    EXPECT_EQ(r.stop_reason, StopReason::content_filter);
    EXPECT_TRUE(r.parts.empty());
    EXPECT_EQ(json::parse(encode_response(Protocol::openai_chat, r)->body)["choices"][0]["finish_reason"],
              "content_filter");
    EXPECT_EQ(json::parse(encode_response(Protocol::anthropic, r)->body)["stop_reason"], "refusal");
}

TEST(TranslateAnswer, GeminiBlockedPrompt_IsAContentFilterStop) {
    const Response r = answer_from(Protocol::gemini, R"({"promptFeedback":{"blockReason":"SAFETY"}})");
    EXPECT_EQ(r.stop_reason, StopReason::content_filter);
}

TEST(TranslateAnswer, AnthropicTextAroundToolUse_ToOpenAi_JoinsTextKeepsCall) {
    auto in = decode_response(Protocol::anthropic, R"({"id":"m","type":"message","role":"assistant","model":"c",
        "content":[{"type":"thinking","thinking":"hmm","signature":"abc"},{"type":"text","text":"I'll check."},
                   {"type":"tool_use","id":"toolu_1","name":"ls","input":{}}],
        "stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":2}})");
    ASSERT_TRUE(in.ok());
    ASSERT_EQ(in->warnings.size(), 1u);  // the thinking block
    auto out = encode_response(Protocol::openai_chat, in->response);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(json::parse(out->body)["choices"][0]["message"],
              json::parse(R"({"role":"assistant","content":"I'll check.","tool_calls":[{"id":"toolu_1",
                  "type":"function","function":{"name":"ls","arguments":"{}"}}]})"));
}

// ---- stop reasons: one table, each protocol's values ----------------------------------------------------------

TEST(TranslateStopReason, EachProtocolsValues_MapToTheIr) {
    EXPECT_EQ(from_openai_finish_reason("stop"), StopReason::end_turn);
    EXPECT_EQ(from_openai_finish_reason("length"), StopReason::max_tokens);
    EXPECT_EQ(from_openai_finish_reason("tool_calls"), StopReason::tool_use);
    EXPECT_EQ(from_openai_finish_reason("function_call"), StopReason::tool_use);
    EXPECT_EQ(from_openai_finish_reason("content_filter"), StopReason::content_filter);
    EXPECT_EQ(from_openai_finish_reason("surprise"), StopReason::unknown);

    EXPECT_EQ(from_anthropic_stop_reason("end_turn"), StopReason::end_turn);
    EXPECT_EQ(from_anthropic_stop_reason("max_tokens"), StopReason::max_tokens);
    EXPECT_EQ(from_anthropic_stop_reason("stop_sequence"), StopReason::stop_sequence);
    EXPECT_EQ(from_anthropic_stop_reason("tool_use"), StopReason::tool_use);
    EXPECT_EQ(from_anthropic_stop_reason("pause_turn"), StopReason::pause_turn);
    EXPECT_EQ(from_anthropic_stop_reason("refusal"), StopReason::refusal);

    EXPECT_EQ(from_gemini_finish_reason("STOP", false), StopReason::end_turn);
    EXPECT_EQ(from_gemini_finish_reason("STOP", true), StopReason::tool_use);
    EXPECT_EQ(from_gemini_finish_reason("MAX_TOKENS", false), StopReason::max_tokens);
    for (const char* filtered : {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"}) {
        EXPECT_EQ(from_gemini_finish_reason(filtered, false), StopReason::content_filter) << filtered;
    }
    for (const char* other : {"OTHER", "LANGUAGE", "MALFORMED_FUNCTION_CALL"}) {
        EXPECT_EQ(from_gemini_finish_reason(other, false), StopReason::other) << other;
    }
    EXPECT_EQ(from_gemini_finish_reason("FINISH_REASON_UNSPECIFIED", false), StopReason::unknown);
}

TEST(TranslateStopReason, IrToEachProtocol_ExactOrFlaggedAsApproximate) {
    struct Row {
        StopReason reason;
        const char* openai;
        const char* anthropic;
        const char* gemini;
    };
    const Row rows[] = {
        {StopReason::end_turn, "stop", "end_turn", "STOP"},
        {StopReason::max_tokens, "length", "max_tokens", "MAX_TOKENS"},
        {StopReason::stop_sequence, "stop", "stop_sequence", "STOP"},
        {StopReason::tool_use, "tool_calls", "tool_use", "STOP"},
        {StopReason::content_filter, "content_filter", "refusal", "SAFETY"},
        {StopReason::refusal, "content_filter", "refusal", "SAFETY"},
        {StopReason::pause_turn, "stop", "pause_turn", "STOP"},
        {StopReason::other, "stop", "end_turn", "OTHER"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(to_openai_finish_reason(row.reason), row.openai) << stop_reason_name(row.reason);
        EXPECT_EQ(to_anthropic_stop_reason(row.reason), row.anthropic) << stop_reason_name(row.reason);
        EXPECT_EQ(to_gemini_finish_reason(row.reason), row.gemini) << stop_reason_name(row.reason);
        // A value that reads back as a different reason must be flagged, so the codec warns.
        EXPECT_EQ(openai_approximates(row.reason), from_openai_finish_reason(row.openai) != row.reason)
            << stop_reason_name(row.reason);
        EXPECT_EQ(anthropic_approximates(row.reason), from_anthropic_stop_reason(row.anthropic) != row.reason)
            << stop_reason_name(row.reason);
    }
    EXPECT_TRUE(gemini_approximates(StopReason::stop_sequence));
    EXPECT_FALSE(gemini_approximates(StopReason::tool_use));  // STOP + functionCall reads back as tool_use
}

}  // namespace
}  // namespace pathwise::translate
