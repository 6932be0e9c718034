// translate_stream_encode_test.cpp — StreamEvents encoded into each protocol's streamed answer.
//
// The expected bytes are written by hand after the providers' documented streams: OpenAI chat.completion.chunk
// events ending in `data: [DONE]`, Anthropic's message_start … message_stop sequence, Gemini's
// streamGenerateContent elements (`data: {…}\r\n\r\n` with ?alt=sse, one JSON array without). JSON members come
// in the codecs' order (sorted by name), which every SDK accepts. The last tests fold each encoded stream back
// into one answer, as the SDKs do, and check that the protocol's non-stream decoder reads the same answer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {
namespace {

using nlohmann::json;

// ---- events -------------------------------------------------------------------------------------------------

StreamEvent start(std::string id, std::string model, std::optional<std::int64_t> input_tokens = std::nullopt) {
    StreamEvent event;
    event.kind = StreamEventKind::start;
    event.id = std::move(id);
    event.model = std::move(model);
    event.usage.input_tokens = input_tokens;
    return event;
}

StreamEvent text(std::string t) {
    StreamEvent event;
    event.kind = StreamEventKind::text;
    event.text = std::move(t);
    return event;
}

StreamEvent call(std::size_t index, std::string id, std::string name) {
    StreamEvent event;
    event.kind = StreamEventKind::tool_call;
    event.index = index;
    event.tool_call.id = std::move(id);
    event.tool_call.name = std::move(name);
    return event;
}

StreamEvent arguments(std::size_t index, std::string json_text) {
    StreamEvent event;
    event.kind = StreamEventKind::tool_arguments;
    event.index = index;
    event.text = std::move(json_text);
    return event;
}

StreamEvent finish(StopReason reason, std::optional<std::int64_t> input = std::nullopt,
                   std::optional<std::int64_t> output = std::nullopt, std::string stop_sequence = "") {
    StreamEvent event;
    event.kind = StreamEventKind::finish;
    event.stop_reason = reason;
    event.usage.input_tokens = input;
    event.usage.output_tokens = output;
    event.stop_sequence = std::move(stop_sequence);
    return event;
}

StreamEvent upstream_error(std::string code, std::string message) {
    StreamEvent event;
    event.kind = StreamEventKind::error;
    event.error = Error{std::move(code), std::move(message)};
    return event;
}

// Every event's bytes, then end()'s.
std::string encode_all(Protocol to, const std::vector<StreamEvent>& events, const StreamEncodeOptions& options = {}) {
    auto encoder = make_stream_encoder(to, options);
    std::string out;
    for (const auto& event : events) out += encoder->encode(event);
    return out + encoder->end();
}

// "Let me check." then two calls, as an upstream streams them (arguments in pieces).
std::vector<StreamEvent> text_then_two_calls() {
    return {start("msg_1", "test-model", 12),
            text("Let me check."),
            call(0, "call_a", "get_weather"),
            arguments(0, R"({"city":)"),
            arguments(0, R"("Paris"})"),
            call(1, "call_b", "get_time"),
            arguments(1, "{}"),
            finish(StopReason::tool_use, 12, 30)};
}

// ---- OpenAI Chat ----------------------------------------------------------------------------------------------

constexpr std::int64_t kCreated = 1700000000;

// One chunk of the answer "chatcmpl-1" of model "gpt-x".
std::string openai_chunk(std::string_view choices) {
    return "data: {\"choices\":" + std::string(choices) +
           ",\"created\":1700000000,\"id\":\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat.completion.chunk\"}"
           "\n\n";
}

TEST(StreamEncodeOpenAiChat, TextAnswer_RoleFirst_FinishReason_UsageChunk_Done) {
    const std::string expected =
        "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\",\"role\":\"assistant\"},\"finish_reason\":null,"
        "\"index\":0}],\"created\":1700000000,\"id\":\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat.completion."
        "chunk\"}\n\n"
        "data: {\"choices\":[{\"delta\":{\"content\":\" world\"},\"finish_reason\":null,\"index\":0}],\"created\":"
        "1700000000,\"id\":\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat.completion.chunk\"}\n\n"
        "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"index\":0}],\"created\":1700000000,\"id\":"
        "\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat.completion.chunk\"}\n\n"
        "data: {\"choices\":[],\"created\":1700000000,\"id\":\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat."
        "completion.chunk\",\"usage\":{\"completion_tokens\":2,\"prompt_tokens\":5,\"total_tokens\":7}}\n\n"
        "data: [DONE]\n\n";
    EXPECT_EQ(
        encode_all(Protocol::openai_chat,
                   {start("chatcmpl-1", "gpt-x"), text("Hello"), text(" world"), finish(StopReason::end_turn, 5, 2)},
                   {false, kCreated}),
        expected);
}

TEST(StreamEncodeOpenAiChat, TwoToolCalls_IdAndNameFirst_ThenArgumentDeltas) {
    const std::string expected =
        openai_chunk(R"([{"delta":{"content":"Let me check.","role":"assistant"},"finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{"tool_calls":[{"function":{"arguments":"","name":"get_weather"},"id":"call_a",)"
                     R"("index":0,"type":"function"}]},"finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{"tool_calls":[{"function":{"arguments":"{\"city\":"},"index":0}]},)"
                     R"("finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{"tool_calls":[{"function":{"arguments":"\"Paris\"}"},"index":0}]},)"
                     R"("finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{"tool_calls":[{"function":{"arguments":"","name":"get_time"},"id":"call_b",)"
                     R"("index":1,"type":"function"}]},"finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{"tool_calls":[{"function":{"arguments":"{}"},"index":1}]},)"
                     R"("finish_reason":null,"index":0}])") +
        openai_chunk(R"([{"delta":{},"finish_reason":"tool_calls","index":0}])") +
        "data: {\"choices\":[],\"created\":1700000000,\"id\":\"chatcmpl-1\",\"model\":\"gpt-x\",\"object\":\"chat."
        "completion.chunk\",\"usage\":{\"completion_tokens\":30,\"prompt_tokens\":12,\"total_tokens\":42}}\n\n"
        "data: [DONE]\n\n";
    auto events = text_then_two_calls();
    events.front() = start("chatcmpl-1", "gpt-x", 12);
    EXPECT_EQ(encode_all(Protocol::openai_chat, events, {false, kCreated}), expected);
}

TEST(StreamEncodeOpenAiChat, UsageUnknown_NoUsageChunk) {
    EXPECT_EQ(encode_all(Protocol::openai_chat,
                         {start("chatcmpl-1", "gpt-x"), text("Hi"), finish(StopReason::end_turn)}, {false, kCreated}),
              openai_chunk(R"([{"delta":{"content":"Hi","role":"assistant"},"finish_reason":null,"index":0}])") +
                  openai_chunk(R"([{"delta":{},"finish_reason":"stop","index":0}])") + "data: [DONE]\n\n");
}

TEST(StreamEncodeOpenAiChat, InputTokensSaidAtStart_CountInTheUsageChunk) {
    const std::string out = encode_all(
        Protocol::openai_chat, {start("chatcmpl-1", "gpt-x", 9), text("Hi"), finish(StopReason::end_turn, {}, 1)},
        {false, kCreated});
    EXPECT_NE(out.find(R"("usage":{"completion_tokens":1,"prompt_tokens":9,"total_tokens":10})"), std::string::npos)
        << out;
}

TEST(StreamEncodeOpenAiChat, FinishWithoutContent_StillSaysTheRole_EmptyIdIsChatcmplPathwise) {
    EXPECT_EQ(encode_all(Protocol::openai_chat, {start("", "gpt-x"), finish(StopReason::max_tokens)}),
              "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"},\"finish_reason\":\"length\",\"index\":0}],"
              "\"created\":0,\"id\":\"chatcmpl-pathwise\",\"model\":\"gpt-x\",\"object\":\"chat.completion.chunk\"}\n\n"
              "data: [DONE]\n\n");
}

TEST(StreamEncodeOpenAiChat, ErrorMidStream_ErrorChunk_ThenNothing) {
    auto encoder = make_stream_encoder(Protocol::openai_chat, {false, kCreated});
    EXPECT_EQ(encoder->encode(start("chatcmpl-1", "gpt-x")), "");
    EXPECT_EQ(encoder->encode(text("Hel")),
              openai_chunk(R"([{"delta":{"content":"Hel","role":"assistant"},"finish_reason":null,"index":0}])"));
    EXPECT_EQ(
        encoder->encode(upstream_error("overloaded_error", "Overloaded")),
        "data: {\"error\":{\"code\":null,\"message\":\"Overloaded\",\"param\":null,\"type\":\"overloaded_error\"}}"
        "\n\n");
    EXPECT_EQ(encoder->encode(text("lo")), "");
    EXPECT_EQ(encoder->end(), "");
    EXPECT_EQ(encoder->error("x", "y"), "");
}

TEST(StreamEncodeOpenAiChat, ErrorWithoutCode_IsServerError) {
    auto encoder = make_stream_encoder(Protocol::openai_chat);
    EXPECT_EQ(encoder->error("", "upstream closed"),
              "data: {\"error\":{\"code\":null,\"message\":\"upstream closed\",\"param\":null,\"type\":\"server_"
              "error\"}}\n\n");
}

struct StopCase {
    StopReason reason;
    std::string_view openai;
    std::string_view anthropic;
    std::string_view gemini;
};

// The stop_reason table of docs/translation.md, as each stream writes it.
const std::vector<StopCase>& stop_cases() {
    static const std::vector<StopCase> cases = {
        {StopReason::end_turn, "stop", "end_turn", "STOP"},
        {StopReason::max_tokens, "length", "max_tokens", "MAX_TOKENS"},
        {StopReason::stop_sequence, "stop", "stop_sequence", "STOP"},
        {StopReason::tool_use, "tool_calls", "tool_use", "STOP"},
        {StopReason::content_filter, "content_filter", "refusal", "SAFETY"},
        {StopReason::refusal, "content_filter", "refusal", "SAFETY"},
        {StopReason::pause_turn, "stop", "pause_turn", "STOP"},
        {StopReason::other, "stop", "end_turn", "OTHER"},
        {StopReason::unknown, "stop", "end_turn", "FINISH_REASON_UNSPECIFIED"},
    };
    return cases;
}

TEST(StreamEncodeOpenAiChat, StopReasons_FollowTheTable) {
    for (const auto& c : stop_cases()) {
        auto encoder = make_stream_encoder(Protocol::openai_chat, {false, kCreated});
        (void)encoder->encode(start("chatcmpl-1", "gpt-x"));
        EXPECT_EQ(encoder->encode(finish(c.reason)),
                  openai_chunk(R"([{"delta":{"role":"assistant"},"finish_reason":")" + std::string(c.openai) +
                               R"(","index":0}])"))
            << static_cast<int>(c.reason);
    }
}

// ---- Anthropic ------------------------------------------------------------------------------------------------

std::string anthropic_event(std::string_view name, std::string_view data) {
    return "event: " + std::string(name) + "\ndata: " + std::string(data) + "\n\n";
}

TEST(StreamEncodeAnthropic, TextAnswer_TheDocumentedSequence) {
    const std::string expected =
        "event: message_start\n"
        "data: {\"message\":{\"content\":[],\"id\":\"msg_1\",\"model\":\"claude-x\",\"role\":\"assistant\","
        "\"stop_reason\":null,\"stop_sequence\":null,\"type\":\"message\",\"usage\":{\"input_tokens\":25,"
        "\"output_tokens\":0}},\"type\":\"message_start\"}\n\n"
        "event: content_block_start\n"
        "data: {\"content_block\":{\"text\":\"\",\"type\":\"text\"},\"index\":0,\"type\":\"content_block_start\"}\n\n"
        "event: content_block_delta\n"
        "data: {\"delta\":{\"text\":\"Hello\",\"type\":\"text_delta\"},\"index\":0,\"type\":\"content_block_delta\"}"
        "\n\n"
        "event: content_block_delta\n"
        "data: {\"delta\":{\"text\":\"!\",\"type\":\"text_delta\"},\"index\":0,\"type\":\"content_block_delta\"}\n\n"
        "event: content_block_stop\n"
        "data: {\"index\":0,\"type\":\"content_block_stop\"}\n\n"
        "event: message_delta\n"
        "data: {\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"type\":\"message_delta\","
        "\"usage\":{\"input_tokens\":25,\"output_tokens\":15}}\n\n"
        "event: message_stop\n"
        "data: {\"type\":\"message_stop\"}\n\n";
    EXPECT_EQ(encode_all(Protocol::anthropic, {start("msg_1", "claude-x", 25), text("Hello"), text("!"),
                                               finish(StopReason::end_turn, 25, 15)}),
              expected);
}

TEST(StreamEncodeAnthropic, TextThenTwoCalls_EachCallClosesTheOpenBlock) {
    const std::string expected =
        anthropic_event("message_start",
                        R"({"message":{"content":[],"id":"msg_1","model":"test-model","role":"assistant",)"
                        R"("stop_reason":null,"stop_sequence":null,"type":"message","usage":{"input_tokens":12,)"
                        R"("output_tokens":0}},"type":"message_start"})") +
        anthropic_event("content_block_start",
                        R"({"content_block":{"text":"","type":"text"},"index":0,"type":"content_block_start"})") +
        anthropic_event("content_block_delta", R"({"delta":{"text":"Let me check.","type":"text_delta"},"index":0,)"
                                               R"("type":"content_block_delta"})") +
        anthropic_event("content_block_stop", R"({"index":0,"type":"content_block_stop"})") +
        anthropic_event("content_block_start",
                        R"({"content_block":{"id":"call_a","input":{},"name":"get_weather","type":"tool_use"},)"
                        R"("index":1,"type":"content_block_start"})") +
        anthropic_event("content_block_delta",
                        R"({"delta":{"partial_json":"{\"city\":","type":"input_json_delta"},"index":1,)"
                        R"("type":"content_block_delta"})") +
        anthropic_event("content_block_delta",
                        R"({"delta":{"partial_json":"\"Paris\"}","type":"input_json_delta"},"index":1,)"
                        R"("type":"content_block_delta"})") +
        anthropic_event("content_block_stop", R"({"index":1,"type":"content_block_stop"})") +
        anthropic_event("content_block_start",
                        R"({"content_block":{"id":"call_b","input":{},"name":"get_time","type":"tool_use"},)"
                        R"("index":2,"type":"content_block_start"})") +
        anthropic_event("content_block_delta", R"({"delta":{"partial_json":"{}","type":"input_json_delta"},"index":2,)"
                                               R"("type":"content_block_delta"})") +
        anthropic_event("content_block_stop", R"({"index":2,"type":"content_block_stop"})") +
        anthropic_event("message_delta",
                        R"({"delta":{"stop_reason":"tool_use","stop_sequence":null},"type":"message_delta",)"
                        R"("usage":{"input_tokens":12,"output_tokens":30}})") +
        anthropic_event("message_stop", R"({"type":"message_stop"})");
    EXPECT_EQ(encode_all(Protocol::anthropic, text_then_two_calls()), expected);
}

TEST(StreamEncodeAnthropic, TextAfterToolUse_OpensANewTextBlock) {
    const std::string out = encode_all(Protocol::anthropic, {start("msg_1", "m"), call(0, "toolu_1", "ls"),
                                                             text("Done."), finish(StopReason::end_turn)});
    const std::string tail =
        anthropic_event("content_block_stop", R"({"index":0,"type":"content_block_stop"})") +
        anthropic_event("content_block_start",
                        R"({"content_block":{"text":"","type":"text"},"index":1,"type":"content_block_start"})") +
        anthropic_event("content_block_delta",
                        R"({"delta":{"text":"Done.","type":"text_delta"},"index":1,"type":"content_block_delta"})") +
        anthropic_event("content_block_stop", R"({"index":1,"type":"content_block_stop"})");
    EXPECT_NE(out.find(tail), std::string::npos) << out;
}

TEST(StreamEncodeAnthropic, UsageUnknown_ZeroTokens_NoInputInTheDelta_EmptyIdIsMsgPathwise) {
    EXPECT_EQ(encode_all(Protocol::anthropic, {start("", "m"), finish(StopReason::max_tokens)}),
              anthropic_event("message_start",
                              R"({"message":{"content":[],"id":"msg_pathwise","model":"m","role":"assistant",)"
                              R"("stop_reason":null,"stop_sequence":null,"type":"message","usage":{"input_tokens":0,)"
                              R"("output_tokens":0}},"type":"message_start"})") +
                  anthropic_event("message_delta", R"({"delta":{"stop_reason":"max_tokens","stop_sequence":null},)"
                                                   R"("type":"message_delta","usage":{"output_tokens":0}})") +
                  anthropic_event("message_stop", R"({"type":"message_stop"})"));
}

TEST(StreamEncodeAnthropic, NoStartEvent_MessageStartComesFirstAnyway) {
    const std::string out = encode_all(Protocol::anthropic, {text("Hi"), finish(StopReason::end_turn)});
    EXPECT_EQ(out.rfind("event: message_start\ndata: {\"message\":{\"content\":[],\"id\":\"msg_pathwise\",", 0), 0U)
        << out;
}

TEST(StreamEncodeAnthropic, StopSequence_IsNamedInTheMessageDelta) {
    const std::string out = encode_all(
        Protocol::anthropic, {start("msg_1", "m"), text("1, 2"), finish(StopReason::stop_sequence, 3, 4, ", 3")});
    EXPECT_NE(out.find(anthropic_event("message_delta",
                                       R"({"delta":{"stop_reason":"stop_sequence","stop_sequence":", 3"},)"
                                       R"("type":"message_delta","usage":{"input_tokens":3,"output_tokens":4}})")),
              std::string::npos)
        << out;
}

TEST(StreamEncodeAnthropic, StopReasons_FollowTheTable) {
    for (const auto& c : stop_cases()) {
        auto encoder = make_stream_encoder(Protocol::anthropic);
        (void)encoder->encode(start("msg_1", "m"));
        EXPECT_EQ(encoder->encode(finish(c.reason, {}, 1)),
                  anthropic_event("message_delta", R"({"delta":{"stop_reason":")" + std::string(c.anthropic) +
                                                       R"(","stop_sequence":null},"type":"message_delta",)"
                                                       R"("usage":{"output_tokens":1}})") +
                      anthropic_event("message_stop", R"({"type":"message_stop"})"))
            << static_cast<int>(c.reason);
    }
}

TEST(StreamEncodeAnthropic, ErrorMidStream_EventError_ThenNothing) {
    auto encoder = make_stream_encoder(Protocol::anthropic);
    (void)encoder->encode(start("msg_1", "m"));
    (void)encoder->encode(text("Hel"));
    EXPECT_EQ(encoder->error("overloaded_error", "Overloaded"),
              "event: error\ndata: {\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\"},"
              "\"type\":\"error\"}\n\n");
    EXPECT_EQ(encoder->encode(finish(StopReason::end_turn)), "");
    EXPECT_EQ(encoder->end(), "");
}

TEST(StreamEncodeAnthropic, ErrorWithoutCode_IsApiError) {
    auto encoder = make_stream_encoder(Protocol::anthropic);
    EXPECT_EQ(encoder->encode(upstream_error("", "boom")),
              anthropic_event("error", R"({"error":{"message":"boom","type":"api_error"},"type":"error"})"));
}

TEST(StreamEncodeAnthropic, ArgumentsOfAClosedCall_EndTheStreamWithAnError) {
    auto encoder = make_stream_encoder(Protocol::anthropic);
    (void)encoder->encode(start("msg_1", "m"));
    (void)encoder->encode(call(0, "call_a", "a"));
    (void)encoder->encode(call(1, "call_b", "b"));
    EXPECT_EQ(encoder->encode(arguments(0, "{}")),
              anthropic_event("error", R"({"error":{"message":"tool call 0: its arguments arrived after another )"
                                       R"(block began, which an Anthropic stream cannot carry",)"
                                       R"("type":"untranslatable"},"type":"error"})"));
    EXPECT_EQ(encoder->encode(finish(StopReason::tool_use)), "");
}

// ---- Gemini ---------------------------------------------------------------------------------------------------

TEST(StreamEncodeGemini, TextAnswer_SseEventsEndInCrlfCrlf) {
    const std::string expected =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello\"}],\"role\":\"model\"},\"index\":0}],"
        "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"resp-1\"}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" world\"}],\"role\":\"model\"},\"index\":0}],"
        "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"resp-1\"}\r\n\r\n"
        "data: {\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\","
        "\"responseId\":\"resp-1\",\"usageMetadata\":{\"candidatesTokenCount\":2,\"promptTokenCount\":5,"
        "\"totalTokenCount\":7}}\r\n\r\n";
    EXPECT_EQ(encode_all(Protocol::gemini, {start("resp-1", "gemini-2.5-flash"), text("Hello"), text(" world"),
                                            finish(StopReason::end_turn, 5, 2)}),
              expected);
}

TEST(StreamEncodeGemini, TwoToolCalls_EachHeldUntilComplete_ThenSentWhole) {
    auto encoder = make_stream_encoder(Protocol::gemini);
    const auto events = text_then_two_calls();
    std::vector<std::string> bytes;
    for (const auto& event : events) bytes.push_back(encoder->encode(event));
    bytes.push_back(encoder->end());
    const std::vector<std::string> expected = {
        "",
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Let me check.\"}],\"role\":\"model\"},"
        "\"index\":0}],\"modelVersion\":\"test-model\",\"responseId\":\"msg_1\"}\r\n\r\n",
        "",
        "",
        "",
        // call_b begins: call_a is complete.
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"args\":{\"city\":\"Paris\"},\"id\":"
        "\"call_a\",\"name\":\"get_weather\"}}],\"role\":\"model\"},\"index\":0}],\"modelVersion\":\"test-model\","
        "\"responseId\":\"msg_1\"}\r\n\r\n",
        "",
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"args\":{},\"id\":\"call_b\",\"name\":"
        "\"get_time\"}}],\"role\":\"model\"},\"index\":0}],\"modelVersion\":\"test-model\",\"responseId\":\"msg_1\"}"
        "\r\n\r\n"
        "data: {\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],\"modelVersion\":\"test-model\","
        "\"responseId\":\"msg_1\",\"usageMetadata\":{\"candidatesTokenCount\":30,\"promptTokenCount\":12,"
        "\"totalTokenCount\":42}}\r\n\r\n",
        "",
    };
    EXPECT_EQ(bytes, expected);
}

TEST(StreamEncodeGemini, TextAfterACall_SendsTheCallFirst_EmptyIdsAreLeftOut) {
    EXPECT_EQ(
        encode_all(Protocol::gemini, {start("", ""), call(0, "", "ls"), text("Done."), finish(StopReason::end_turn)}),
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"args\":{},\"name\":\"ls\"}}],"
        "\"role\":\"model\"},\"index\":0}]}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Done.\"}],\"role\":\"model\"},\"index\":0}]}"
        "\r\n\r\n"
        "data: {\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}]}\r\n\r\n");
}

TEST(StreamEncodeGemini, ArgumentsNotAnObject_EndTheStreamWithAnErrorNamingTheCall) {
    auto encoder = make_stream_encoder(Protocol::gemini);
    (void)encoder->encode(start("r", "m"));
    EXPECT_EQ(encoder->encode(call(0, "call_a", "get_weather")), "");
    EXPECT_EQ(encoder->encode(arguments(0, R"({"city":)")), "");
    EXPECT_EQ(encoder->encode(finish(StopReason::tool_use)),
              "data: {\"error\":{\"code\":500,\"message\":\"tool call 'get_weather' (call_a).arguments: the arguments "
              "are not a JSON object, which this protocol requires\",\"status\":\"INTERNAL\"}}\r\n\r\n");
    EXPECT_EQ(encoder->end(), "");
}

TEST(StreamEncodeGemini, ArgumentsAfterTheCallWasSent_AreAnError) {
    auto encoder = make_stream_encoder(Protocol::gemini);
    (void)encoder->encode(call(0, "call_a", "a"));
    (void)encoder->encode(text("x"));
    EXPECT_EQ(encoder->encode(arguments(0, "{}")),
              "data: {\"error\":{\"code\":500,\"message\":\"tool call 0: its arguments arrived after the call was sent "
              "whole\",\"status\":\"INTERNAL\"}}\r\n\r\n");
}

TEST(StreamEncodeGemini, UsageUnknown_NoUsageMetadata_StopReasonsFollowTheTable) {
    for (const auto& c : stop_cases()) {
        auto encoder = make_stream_encoder(Protocol::gemini);
        (void)encoder->encode(start("r", "m"));
        EXPECT_EQ(encoder->encode(finish(c.reason)),
                  "data: {\"candidates\":[{\"finishReason\":\"" + std::string(c.gemini) +
                      "\",\"index\":0}],\"modelVersion\":\"m\",\"responseId\":\"r\"}\r\n\r\n")
            << static_cast<int>(c.reason);
    }
}

TEST(StreamEncodeGemini, InputTokensSaidAtStart_CountInTheUsage) {
    const std::string out = encode_all(Protocol::gemini, {start("r", "m", 7), finish(StopReason::end_turn, {}, 3)});
    EXPECT_NE(out.find(R"("usageMetadata":{"candidatesTokenCount":3,"promptTokenCount":7,"totalTokenCount":10})"),
              std::string::npos)
        << out;
}

TEST(StreamEncodeGemini, ErrorMidStream_GeminiErrorObject_ThenNothing) {
    auto encoder = make_stream_encoder(Protocol::gemini);
    (void)encoder->encode(text("Hel"));
    EXPECT_EQ(encoder->encode(upstream_error("overloaded_error", "Overloaded")),
              "data: {\"error\":{\"code\":500,\"message\":\"Overloaded\",\"status\":\"INTERNAL\"}}\r\n\r\n");
    EXPECT_EQ(encoder->encode(text("lo")), "");
    EXPECT_EQ(encoder->end(), "");
}

TEST(StreamEncodeGemini, JsonArray_ElementsStreamedAsOneArray) {
    const StreamEncodeOptions array{true, 0};
    EXPECT_EQ(encode_all(Protocol::gemini, {start("r", "m"), text("Hi"), finish(StopReason::end_turn, 1, 1)}, array),
              "[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"index\":0}],"
              "\"modelVersion\":\"m\",\"responseId\":\"r\"}"
              ",\r\n{\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],\"modelVersion\":\"m\",\"responseId\":"
              "\"r\",\"usageMetadata\":{\"candidatesTokenCount\":1,\"promptTokenCount\":1,\"totalTokenCount\":2}}"
              "]");
    EXPECT_EQ(encode_all(Protocol::gemini, {start("r", "m")}, array), "[]");
}

TEST(StreamEncodeGemini, JsonArray_ErrorIsTheLastElement_AndClosesTheArray) {
    auto encoder = make_stream_encoder(Protocol::gemini, {true, 0});
    EXPECT_EQ(encoder->encode(text("Hi")),
              "[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"index\":0}]}");
    EXPECT_EQ(encoder->error("", "cut"),
              ",\r\n{\"error\":{\"code\":500,\"message\":\"cut\",\"status\":\"INTERNAL\"}}]");
    EXPECT_EQ(encoder->end(), "");
    auto first = make_stream_encoder(Protocol::gemini, {true, 0});
    EXPECT_EQ(first->error("", "cut"), "[{\"error\":{\"code\":500,\"message\":\"cut\",\"status\":\"INTERNAL\"}}]");
}

// ---- every encoder ----------------------------------------------------------------------------------------------

TEST(StreamEncode, EveryProtocol_NothingAfterEnd) {
    for (Protocol p : {Protocol::openai_chat, Protocol::anthropic, Protocol::gemini}) {
        auto encoder = make_stream_encoder(p);
        (void)encoder->encode(start("id", "m"));
        (void)encoder->encode(finish(StopReason::end_turn));
        (void)encoder->end();
        EXPECT_EQ(encoder->encode(text("late")), "") << protocol_name(p);
        EXPECT_EQ(encoder->end(), "") << protocol_name(p);
        EXPECT_EQ(encoder->error("e", "late"), "") << protocol_name(p);
    }
}

// ---- the streams fold back into the answers the non-stream decoders read -------------------------------------

// The JSON of each `data:` line ("[DONE]" left out); events end in "\n\n" or "\r\n\r\n".
std::vector<json> data_of(const std::string& stream) {
    std::vector<json> out;
    std::size_t at = 0;
    while ((at = stream.find("data: ", at)) != std::string::npos) {
        at += 6;
        const std::size_t line_end = stream.find_first_of("\r\n", at);
        const std::string data = stream.substr(at, line_end - at);
        if (data != "[DONE]") out.push_back(json::parse(data, nullptr, false));
        at = line_end;
    }
    return out;
}

// A string member's text; "" for null (a throwing get() is not allowed: the wasm build cannot catch).
std::string text_of(const json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}

// As openai-node's ChatCompletionStream accumulates chunks into a chat.completion.
std::string fold_openai(const std::string& stream) {
    json message = {{"role", nullptr}, {"content", nullptr}};
    json answer = {{"object", "chat.completion"}};
    json finish_reason;
    for (const auto& chunk : data_of(stream)) {
        answer["id"] = chunk["id"];
        answer["model"] = chunk["model"];
        if (chunk.contains("usage")) answer["usage"] = chunk["usage"];
        for (const auto& choice : chunk["choices"]) {
            const json& delta = choice["delta"];
            if (delta.contains("role")) message["role"] = delta["role"];
            if (delta.contains("content")) {
                message["content"] = text_of(message["content"]) + text_of(delta["content"]);
            }
            for (const auto& delta_call : delta.value("tool_calls", json::array())) {
                json& calls = message["tool_calls"];
                const std::size_t index = delta_call["index"];
                if (index >= calls.size()) {
                    calls.push_back(
                        {{"id", delta_call["id"]}, {"type", "function"}, {"function", delta_call["function"]}});
                } else {
                    json& function = calls[index]["function"];
                    function["arguments"] =
                        text_of(function["arguments"]) + text_of(delta_call["function"]["arguments"]);
                }
            }
            if (!choice["finish_reason"].is_null()) finish_reason = choice["finish_reason"];
        }
    }
    answer["choices"] = json::array({{{"index", 0}, {"message", message}, {"finish_reason", finish_reason}}});
    return answer.dump();
}

// As anthropic-sdk-typescript's MessageStream accumulates events into a Message.
std::string fold_anthropic(const std::string& stream) {
    json message;
    std::vector<std::string> partial_json;
    for (const auto& event : data_of(stream)) {
        const std::string type = text_of(event["type"]);
        if (type == "message_start") {
            message = event["message"];
        } else if (type == "content_block_start") {
            message["content"].push_back(event["content_block"]);
            partial_json.emplace_back();
        } else if (type == "content_block_delta") {
            const std::size_t index = event["index"];
            json& block = message["content"][index];
            if (event["delta"]["type"] == "text_delta") {
                block["text"] = text_of(block["text"]) + text_of(event["delta"]["text"]);
            } else {
                partial_json[index] += text_of(event["delta"]["partial_json"]);
                block["input"] = json::parse(partial_json[index], nullptr, false);
            }
        } else if (type == "message_delta") {
            message["stop_reason"] = event["delta"]["stop_reason"];
            message["stop_sequence"] = event["delta"]["stop_sequence"];
            for (const auto& [key, value] : event["usage"].items()) message["usage"][key] = value;
        }
    }
    return message.dump();
}

// The elements of a Gemini stream: its SSE events' data, or the members of its JSON array.
std::vector<json> gemini_elements(const std::string& stream) {
    if (stream.rfind("[", 0) != 0) return data_of(stream);
    const json array = json::parse(stream, nullptr, false);
    return std::vector<json>(array.begin(), array.end());
}

// As @google/genai's callers gather chunks: every part in order, the last finishReason and usageMetadata.
std::string fold_gemini(const std::string& stream) {
    json parts = json::array();
    json answer;
    json candidate = {{"index", 0}};
    for (const auto& chunk : gemini_elements(stream)) {
        for (const auto& key : {"modelVersion", "responseId", "usageMetadata"}) {
            if (chunk.contains(key)) answer[key] = chunk[key];
        }
        const json& chunk_candidate = chunk["candidates"][0];
        if (chunk_candidate.contains("content")) {
            for (const auto& part : chunk_candidate["content"]["parts"]) parts.push_back(part);
        }
        if (chunk_candidate.contains("finishReason")) candidate["finishReason"] = chunk_candidate["finishReason"];
    }
    candidate["content"] = {{"role", "model"}, {"parts", parts}};
    answer["candidates"] = json::array({candidate});
    return answer.dump();
}

TEST(StreamEncode, TextThenTwoCalls_FoldsBackIntoTheAnswerEachNonStreamDecoderReads) {
    Response expected;
    expected.id = "msg_1";
    expected.model = "test-model";
    expected.parts = {Part::of_text("Let me check."),
                      Part::of_tool_call({"call_a", "get_weather", R"({"city":"Paris"})"}),
                      Part::of_tool_call({"call_b", "get_time", "{}"})};
    expected.stop_reason = StopReason::tool_use;
    expected.usage = {12, 30};
    const std::vector<std::pair<Protocol, std::string>> folded = {
        {Protocol::openai_chat, fold_openai(encode_all(Protocol::openai_chat, text_then_two_calls()))},
        {Protocol::anthropic, fold_anthropic(encode_all(Protocol::anthropic, text_then_two_calls()))},
        {Protocol::gemini, fold_gemini(encode_all(Protocol::gemini, text_then_two_calls()))},
        {Protocol::gemini, fold_gemini(encode_all(Protocol::gemini, text_then_two_calls(), {true, 0}))},
    };
    for (const auto& [protocol, body] : folded) {
        auto decoded = decode_response(protocol, body);
        ASSERT_TRUE(decoded) << protocol_name(protocol) << ": " << decoded.error().message << "\n" << body;
        EXPECT_EQ(decoded->response, expected) << protocol_name(protocol) << "\n" << body;
    }
}

}  // namespace
}  // namespace pathwise::translate
