// translate_stream_decode_test.cpp — upstream streams decoded into StreamEvents, one protocol at a time.
//
// The streams are written by hand after each provider's documented wire format: OpenAI's chat.completion.chunk
// events (platform.openai.com, "Streaming" and stream_options.include_usage), Anthropic's streaming example
// with a tool_use block and a ping (docs.anthropic.com, "Streaming Messages"), and Gemini's
// streamGenerateContent in both its ?alt=sse and its JSON-array form (ai.google.dev). The expected events are
// written by hand too. Every stream is also decoded split at every byte boundary and one byte at a time, and
// must give exactly the same events, error and warnings.
#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/translate/stop_reason.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {

// gtest prints a failing event with this (found by argument-dependent lookup, hence not in the unnamed
// namespace; static, so another test file may print events its own way).
static void PrintTo(const StreamEvent& event, std::ostream* out) {
    static constexpr std::array<std::string_view, 6> kKinds = {"start",          "text",   "tool_call",
                                                               "tool_arguments", "finish", "error"};
    *out << "{" << kKinds[static_cast<std::size_t>(event.kind)] << " text=\"" << event.text
         << "\" index=" << event.index << " call=" << event.tool_call.id << "/" << event.tool_call.name
         << " id=" << event.id << " model=" << event.model << " stop=" << stop_reason_name(event.stop_reason)
         << " seq=" << event.stop_sequence << " in=" << event.usage.input_tokens.value_or(-1)
         << " out=" << event.usage.output_tokens.value_or(-1) << " error=" << event.error.code << ":"
         << event.error.message << "}";
}

namespace {

// ---- expected events, written by hand --------------------------------------------------------------------

StreamEvent start(std::string id, std::string model, std::optional<std::int64_t> input_tokens = std::nullopt) {
    StreamEvent e;
    e.kind = StreamEventKind::start;
    e.id = std::move(id);
    e.model = std::move(model);
    e.usage.input_tokens = input_tokens;
    return e;
}
StreamEvent text(std::string t) {
    StreamEvent e;
    e.kind = StreamEventKind::text;
    e.text = std::move(t);
    return e;
}
StreamEvent call(std::size_t index, std::string id, std::string name) {
    StreamEvent e;
    e.kind = StreamEventKind::tool_call;
    e.index = index;
    e.tool_call.id = std::move(id);
    e.tool_call.name = std::move(name);
    return e;
}
StreamEvent args(std::size_t index, std::string json_text) {
    StreamEvent e;
    e.kind = StreamEventKind::tool_arguments;
    e.index = index;
    e.text = std::move(json_text);
    return e;
}
StreamEvent finish(StopReason reason, std::optional<std::int64_t> input = std::nullopt,
                   std::optional<std::int64_t> output = std::nullopt, std::string stop_sequence = "") {
    StreamEvent e;
    e.kind = StreamEventKind::finish;
    e.stop_reason = reason;
    e.stop_sequence = std::move(stop_sequence);
    e.usage = Usage{input, output};
    return e;
}
StreamEvent upstream_error(std::string code, std::string message) {
    StreamEvent e;
    e.kind = StreamEventKind::error;
    e.error = Error{std::move(code), std::move(message)};
    return e;
}

// ---- decoding, whole and in pieces -----------------------------------------------------------------------

struct Decoded {
    std::vector<StreamEvent> events;
    std::string error_code;  // "" when the stream decoded and finished
    std::string error_message;
    std::vector<Warning> warnings;
    bool operator==(const Decoded&) const = default;
};

Decoded decode_pieces(Protocol protocol, const std::vector<std::string_view>& pieces) {
    auto decoder = make_stream_decoder(protocol);
    Decoded out;
    for (const auto piece : pieces) {
        if (auto fed = decoder->feed(piece, out.events); !fed) {
            out.error_code = fed.error().code;
            out.error_message = fed.error().message;
            out.warnings = decoder->warnings();
            return out;
        }
    }
    if (auto finished = decoder->finish(out.events); !finished) {
        out.error_code = finished.error().code;
        out.error_message = finished.error().message;
    }
    out.warnings = decoder->warnings();
    return out;
}

Decoded decode(Protocol protocol, std::string_view body) {
    return decode_pieces(protocol, {body});
}

// The whole body, then every split into two feeds, then one byte per feed: all must equal the whole.
Decoded decode_everywhere(Protocol protocol, std::string_view body) {
    const Decoded whole = decode(protocol, body);
    for (std::size_t split = 0; split <= body.size(); ++split) {
        const Decoded halves = decode_pieces(protocol, {body.substr(0, split), body.substr(split)});
        EXPECT_EQ(halves, whole) << "split after byte " << split;
        if (halves != whole) break;  // one failure says it; a thousand say nothing more
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < body.size(); ++i) bytes.push_back(body.substr(i, 1));
    EXPECT_EQ(decode_pieces(protocol, bytes), whole) << "fed one byte at a time";
    return whole;
}

std::string with_line_ends(std::string body, std::string_view line_end) {
    std::string out;
    for (const char c : body) {
        if (c == '\n') {
            out += line_end;
        } else {
            out += c;
        }
    }
    return out;
}

// ---- OpenAI Chat Completions -----------------------------------------------------------------------------

// stream_options.include_usage: the usage comes in a last chunk with empty choices, before [DONE].
constexpr std::string_view kOpenAiToolCalls =
    R"(data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"Let me check."},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"loc"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\": \"Paris\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_def","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}

data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[],"usage":{"prompt_tokens":82,"completion_tokens":18,"total_tokens":100}}

data: [DONE]

)";

const std::vector<StreamEvent> kOpenAiToolCallEvents = {
    start("chatcmpl-123", "gpt-4o-mini"),
    text("Let me check."),
    call(0, "call_abc", "get_weather"),
    args(0, "{\"loc"),
    args(0, "ation\": \"Paris\"}"),
    call(1, "call_def", "get_time"),
    args(1, "{}"),
    finish(StopReason::tool_use, 82, 18),
};

// Ollama's /v1/chat/completions: no usage unless asked, [DONE] last.
constexpr std::string_view kOllamaText =
    R"(data: {"id":"chatcmpl-42","object":"chat.completion.chunk","created":1737000000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"},"finish_reason":null}]}

data: {"id":"chatcmpl-42","object":"chat.completion.chunk","created":1737000000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":" there!"},"finish_reason":null}]}

data: {"id":"chatcmpl-42","object":"chat.completion.chunk","created":1737000000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}

data: [DONE]

)";

const std::vector<StreamEvent> kOllamaTextEvents = {
    start("chatcmpl-42", "llama3.2"),
    text("Hello"),
    text(" there!"),
    finish(StopReason::end_turn),
};

TEST(StreamDecodeOpenAiChat, ToolCallsWithIncludeUsage_UsageFromTheLastChunk) {
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, kOpenAiToolCalls);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events, kOpenAiToolCallEvents);
    EXPECT_TRUE(decoded.warnings.empty());
}

TEST(StreamDecodeOpenAiChat, OllamaText_RoleAndEmptyContentMakeNoEvent) {
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, kOllamaText);
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events, kOllamaTextEvents);
}

TEST(StreamDecodeOpenAiChat, AzureFilterResultsFirst_StartWaitsForTheAnswer) {
    // Azure OpenAI's first chunk: no id, no model, no choice, only the prompt's content-filter results.
    const std::string body =
        R"(data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]})"
        "\n\n" +
        std::string(kOllamaText);
    EXPECT_EQ(decode_everywhere(Protocol::openai_chat, body).events, kOllamaTextEvents);
}

TEST(StreamDecodeOpenAiChat, CrLfAndCrLineEnds_SameEvents) {
    for (const std::string_view line_end : {"\r\n", "\r"}) {
        const std::string body = with_line_ends(std::string(kOpenAiToolCalls), line_end);
        const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
        EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
        EXPECT_EQ(decoded.events, kOpenAiToolCallEvents);
    }
}

TEST(StreamDecodeOpenAiChat, CommentsIdsAndRetries_Ignored) {
    const std::string body = ": connected\n\nretry: 3000\n" +
                             std::string(kOllamaText.substr(0, kOllamaText.find("data: [DONE]"))) +
                             ": keep-alive\n\nid: 7\ndata: [DONE]\n\n";
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events, kOllamaTextEvents);
}

TEST(StreamDecodeOpenAiChat, DataWithoutSpaceAndOverTwoLines_Joined) {
    // "data:{" (no space) and a JSON value split over two data lines, joined by "\n" (JSON whitespace).
    const std::string body =
        "data:{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\n"
        "data: \"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"length\"}]}\n\ndata:[DONE]\n\n";
    for (const std::string_view line_end : {"\n", "\r\n", "\r"}) {
        const Decoded decoded = decode_everywhere(Protocol::openai_chat, with_line_ends(body, line_end));
        EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
        EXPECT_EQ(decoded.events,
                  (std::vector<StreamEvent>{start("c1", "m"), text("Hi"), finish(StopReason::max_tokens)}));
    }
}

TEST(StreamDecodeOpenAiChat, ByteOrderMark_Skipped) {
    const std::string body = "\xEF\xBB\xBF" + std::string(kOllamaText);
    EXPECT_EQ(decode_everywhere(Protocol::openai_chat, body).events, kOllamaTextEvents);
}

TEST(StreamDecodeOpenAiChat, NoDoneAfterFinishReason_FinishesAtTheEnd) {
    // llama.cpp's server and others close the body after the finish_reason chunk; the last has no blank line.
    const std::string body = std::string(kOllamaText.substr(0, kOllamaText.find("\n\ndata: [DONE]")));
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events, kOllamaTextEvents);
}

TEST(StreamDecodeOpenAiChat, EndedMidAnswer_Truncated) {
    const std::string body = std::string(kOllamaText.substr(0, kOllamaText.find("data:", 10)));
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
    EXPECT_EQ(decoded.error_code, "truncated");
    EXPECT_EQ(decoded.error_message,
              "stream: the upstream's body ended before any finish_reason (the answer is incomplete)");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("chatcmpl-42", "llama3.2"), text("Hello")}));
}

TEST(StreamDecodeOpenAiChat, DoneWithoutFinishReason_Truncated) {
    const Decoded decoded = decode_everywhere(
        Protocol::openai_chat,
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
        "data: [DONE]\n\n");
    EXPECT_EQ(decoded.error_code, "truncated");
    EXPECT_EQ(decoded.error_message,
              "stream: the upstream's body ended with [DONE] but no finish_reason (the answer is incomplete)");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("c", "m"), text("a")}));
}

TEST(StreamDecodeOpenAiChat, EmptyBody_Truncated) {
    EXPECT_EQ(decode_everywhere(Protocol::openai_chat, "").error_code, "truncated");
}

TEST(StreamDecodeOpenAiChat, ErrorChunk_ErrorEventAndNothingAfter) {
    // OpenAI and vLLM report a failure mid-stream as a chunk holding only `error`.
    const Decoded decoded = decode_everywhere(
        Protocol::openai_chat,
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
        "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":"
        "\"server_error\",\"param\":null,\"code\":null}}\n\n"
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\n");
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events,
              (std::vector<StreamEvent>{
                  start("c", "m"), text("Hel"),
                  upstream_error("server_error", "The server had an error while processing your request.")}));
}

TEST(StreamDecodeOpenAiChat, ErrorWithCodeOnly_CodeUsed) {
    // Ollama-shaped: no type, a code.
    const Decoded decoded =
        decode(Protocol::openai_chat, "data: {\"error\":{\"code\":500,\"message\":\"model crashed\"}}\n\n");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{upstream_error("500", "model crashed")}));
}

TEST(StreamDecodeOpenAiChat, ReasoningAndSecondChoice_DroppedWithOneWarningEach) {
    const std::string chunk_head = R"(data: {"id":"c","model":"deepseek-reasoner","choices":[)";
    std::string body;
    body += chunk_head + R"({"index":0,"delta":{"role":"assistant","reasoning_content":"Think"}}]})"
                         "\n\n";
    body += chunk_head + R"({"index":0,"delta":{"reasoning_content":"ing."}},{"index":1,"delta":{"content":"B"}}]})"
                         "\n\n";
    body += chunk_head + R"({"index":0,"delta":{"reasoning":"Ollama's"}},{"index":1,"delta":{"content":"B"}}]})"
                         "\n\n";
    body += chunk_head + R"({"index":0,"delta":{"content":"A"},"finish_reason":"stop"}]})"
                         "\n\n";
    body += "data: [DONE]\n\n";
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
    EXPECT_EQ(decoded.events,
              (std::vector<StreamEvent>{start("c", "deepseek-reasoner"), text("A"), finish(StopReason::end_turn)}));
    EXPECT_EQ(decoded.warnings,
              (std::vector<Warning>{
                  {"choices[0].delta.reasoning_content", "reasoning text is not carried by the translation: dropped"},
                  {"choices", "only the first choice is translated: the others are dropped"},
                  {"choices[0].delta.reasoning", "reasoning text is not carried by the translation: dropped"},
              }));
}

TEST(StreamDecodeOpenAiChat, ToolCallsWithoutIndex_FollowTheirIds) {
    // Some OpenAI-compatible servers leave `index` out; a new id starts a new call, no id continues the last.
    const std::string head = R"(data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"tool_calls":[)";
    std::string body;
    body += head + R"({"id":"a","type":"function","function":{"name":"f","arguments":"{\"x\""}}]}}]})"
                   "\n\n";
    body += head + R"({"function":{"arguments":":1}"}}]}}]})"
                   "\n\n";
    body += head +
            R"({"id":"b","type":"function","function":{"name":"g","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})"
            "\n\n";
    const Decoded decoded = decode_everywhere(Protocol::openai_chat, body);
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events,
              (std::vector<StreamEvent>{start("c", "m"), call(0, "a", "f"), args(0, "{\"x\""), args(0, ":1}"),
                                        call(1, "b", "g"), args(1, "{}"), finish(StopReason::tool_use)}));
}

TEST(StreamDecodeOpenAiChat, UnknownFinishReason_UnknownWithWarning) {
    const Decoded decoded = decode(
        Protocol::openai_chat,
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"eos\"}]}\n\n");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("c", "m"), finish(StopReason::unknown)}));
    EXPECT_EQ(decoded.warnings, (std::vector<Warning>{{"choices[0].finish_reason", "unknown finish_reason 'eos'"}}));
}

TEST(StreamDecodeOpenAiChat, MalformedJson_ErrorNamesTheEvent) {
    const Decoded decoded = decode_everywhere(
        Protocol::openai_chat,
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[]}\n\ndata: {\"id\":\"c\",\"choices\":[{\"delta\":\n\n");
    EXPECT_EQ(decoded.error_code, "malformed_json");
    EXPECT_EQ(decoded.error_message, "stream event 2: not valid JSON (UTF-8 text holding one JSON value)");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("c", "m")}));
}

TEST(StreamDecodeOpenAiChat, WrongType_ErrorNamesTheEventAndField) {
    const Decoded decoded = decode_everywhere(
        Protocol::openai_chat,
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":7}}]}\n\n");
    EXPECT_EQ(decoded.error_code, "wrong_type");
    EXPECT_EQ(decoded.error_message, "stream event 1: choices[0].delta.content: expected a string, got a number");
}

TEST(StreamDecodeOpenAiChat, EventLargerThanTheLimit_TooLarge) {
    // 16 MiB without a line end: the decoder stops holding it.
    const std::string body = "data: \"" + std::string(std::size_t{16} << 20U, 'a');
    for (const auto& pieces :
         {std::vector<std::string_view>{body},
          std::vector<std::string_view>{std::string_view(body).substr(0, 100), std::string_view(body).substr(100)}}) {
        const Decoded decoded = decode_pieces(Protocol::openai_chat, pieces);
        EXPECT_EQ(decoded.error_code, "too_large");
        EXPECT_EQ(
            decoded.error_message,
            "stream: an event is still incomplete after 16777216 bytes (the upstream's events are bounded to that)");
    }
}

// ---- Anthropic Messages -------------------------------------------------------------------------------------

// The documented streaming example with a tool_use block (docs.anthropic.com, "Streaming Messages"), text
// deltas shortened.
constexpr std::string_view kAnthropicToolUse = R"(event: message_start
data: {"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-3-haiku-20240307","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: ping
data: {"type": "ping"}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay"}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", let me check."}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"location\":"}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \"San Francisc"}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"o, CA\", \"unit\": \"fahrenheit\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

event: message_stop
data: {"type":"message_stop"}

)";

const std::vector<StreamEvent> kAnthropicToolUseEvents = {
    start("msg_014p7gG3wDgGV9EUtLvnow3U", "claude-3-haiku-20240307", 472),
    text("Okay"),
    text(", let me check."),
    call(0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather"),
    args(0, "{\"location\":"),
    args(0, " \"San Francisc"),
    args(0, "o, CA\", \"unit\": \"fahrenheit\"}"),
    finish(StopReason::tool_use, 472, 89),
};

TEST(StreamDecodeAnthropic, DocumentedToolUseStream_PingIgnored) {
    const Decoded decoded = decode_everywhere(Protocol::anthropic, kAnthropicToolUse);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events, kAnthropicToolUseEvents);
    EXPECT_TRUE(decoded.warnings.empty());
}

TEST(StreamDecodeAnthropic, CrLfLineEnds_SameEvents) {
    const std::string body = with_line_ends(std::string(kAnthropicToolUse), "\r\n");
    EXPECT_EQ(decode_everywhere(Protocol::anthropic, body).events, kAnthropicToolUseEvents);
}

constexpr std::string_view kAnthropicStart =
    R"(event: message_start
data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":100,"cache_read_input_tokens":1000,"output_tokens":1}}}

)";

TEST(StreamDecodeAnthropic, ThinkingBlockAndCacheTokens_DroppedAndCounted) {
    const std::string body = std::string(kAnthropicStart) + R"(event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me think."}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":"Done"}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"."}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"###"},"usage":{"output_tokens":30}}

event: message_stop
data: {"type":"message_stop"}

)";
    const Decoded decoded = decode_everywhere(Protocol::anthropic, body);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events,
              (std::vector<StreamEvent>{start("msg_1", "claude-sonnet-4-5", 1110), text("Done"), text("."),
                                        finish(StopReason::stop_sequence, 1110, 30, "###")}));
    EXPECT_EQ(decoded.warnings, (std::vector<Warning>{
                                    {"message.usage", "cache reads and writes are counted into the input tokens"},
                                    {"content_block", "a thinking block is Anthropic's own: dropped"},
                                    {"delta", "a thinking_delta is Anthropic's own: dropped"},
                                    {"delta", "a signature_delta is Anthropic's own: dropped"},
                                }));
}

TEST(StreamDecodeAnthropic, ErrorEvent_ErrorEvent) {
    const std::string body = std::string(kAnthropicStart) +
                             "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", "
                             "\"message\": \"Overloaded\"}}\n\n";
    const Decoded decoded = decode_everywhere(Protocol::anthropic, body);
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("msg_1", "claude-sonnet-4-5", 1110),
                                                        upstream_error("overloaded_error", "Overloaded")}));
}

TEST(StreamDecodeAnthropic, NoMessageStop_Truncated) {
    const std::string body = std::string(kAnthropicToolUse.substr(0, kAnthropicToolUse.find("event: message_stop")));
    const Decoded decoded = decode_everywhere(Protocol::anthropic, body);
    EXPECT_EQ(decoded.error_code, "truncated");
    EXPECT_EQ(decoded.error_message,
              "stream: the upstream's body ended before message_stop (the answer is incomplete)");
    std::vector<StreamEvent> expected = kAnthropicToolUseEvents;
    expected.pop_back();
    EXPECT_EQ(decoded.events, expected);
}

TEST(StreamDecodeAnthropic, DeltaBeforeMessageStart_BadValue) {
    const Decoded decoded = decode_everywhere(
        Protocol::anthropic,
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
        "\"text_delta\",\"text\":\"Hi\"}}\n\n");
    EXPECT_EQ(decoded.error_code, "bad_value");
    EXPECT_EQ(decoded.error_message, "stream event 1: 'content_block_delta' came before message_start");
}

TEST(StreamDecodeAnthropic, JsonDeltaForATextBlock_BadValue) {
    const std::string body = std::string(kAnthropicStart) +
                             "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                             "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                             "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                             "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\"}}\n\n";
    const Decoded decoded = decode_everywhere(Protocol::anthropic, body);
    EXPECT_EQ(decoded.error_code, "bad_value");
    EXPECT_EQ(decoded.error_message,
              "stream event 3: index: input_json_delta for block 0, which is not a tool_use block");
}

TEST(StreamDecodeAnthropic, MalformedJson_ErrorNamesTheEvent) {
    const std::string body = std::string(kAnthropicStart) + "event: ping\ndata: {\"type\": \"ping\"\n\n";
    const Decoded decoded = decode_everywhere(Protocol::anthropic, body);
    EXPECT_EQ(decoded.error_code, "malformed_json");
    EXPECT_EQ(decoded.error_message, "stream event 2: not valid JSON (UTF-8 text holding one JSON value)");
}

// ---- Gemini ---------------------------------------------------------------------------------------------------

// ?alt=sse: one GenerateContentResponse per event; Gemini ends its events with \r\n\r\n.
constexpr std::string_view kGeminiSse =
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Let me look\"}],\"role\": \"model\"},"
    "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 31,\"totalTokenCount\": 31},"
    "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mLJBaOq2HZ2wnvgPu9qg4Qk\"}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" that up.\"}],\"role\": \"model\"},"
    "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 31,\"totalTokenCount\": 31},"
    "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mLJBaOq2HZ2wnvgPu9qg4Qk\"}\r\n\r\n"
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"get_weather\",\"args\": "
    "{\"unit\": \"celsius\",\"location\": \"Paris\"}}}],\"role\": \"model\"},\"finishReason\": \"STOP\","
    "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 31,\"candidatesTokenCount\": 12,"
    "\"totalTokenCount\": 60,\"thoughtsTokenCount\": 17},\"modelVersion\": \"gemini-2.5-flash\","
    "\"responseId\": \"mLJBaOq2HZ2wnvgPu9qg4Qk\"}\r\n\r\n";

// Without ?alt=sse: one JSON array, pretty-printed, its elements streamed as they are made.
constexpr std::string_view kGeminiArray = R"([{
  "candidates": [
    {
      "content": {
        "parts": [
          {
            "text": "Let me look"
          }
        ],
        "role": "model"
      },
      "index": 0
    }
  ],
  "usageMetadata": {
    "promptTokenCount": 31,
    "totalTokenCount": 31
  },
  "modelVersion": "gemini-2.5-flash",
  "responseId": "mLJBaOq2HZ2wnvgPu9qg4Qk"
}
,
{
  "candidates": [
    {
      "content": {
        "parts": [
          {
            "text": " that up."
          }
        ],
        "role": "model"
      },
      "index": 0
    }
  ],
  "usageMetadata": {
    "promptTokenCount": 31,
    "totalTokenCount": 31
  },
  "modelVersion": "gemini-2.5-flash",
  "responseId": "mLJBaOq2HZ2wnvgPu9qg4Qk"
}
,
{
  "candidates": [
    {
      "content": {
        "parts": [
          {
            "functionCall": {
              "name": "get_weather",
              "args": {
                "unit": "celsius",
                "location": "Paris"
              }
            }
          }
        ],
        "role": "model"
      },
      "finishReason": "STOP",
      "index": 0
    }
  ],
  "usageMetadata": {
    "promptTokenCount": 31,
    "candidatesTokenCount": 12,
    "totalTokenCount": 60,
    "thoughtsTokenCount": 17
  },
  "modelVersion": "gemini-2.5-flash",
  "responseId": "mLJBaOq2HZ2wnvgPu9qg4Qk"
}
]
)";

const std::vector<StreamEvent> kGeminiEvents = {
    start("mLJBaOq2HZ2wnvgPu9qg4Qk", "gemini-2.5-flash", 31),
    text("Let me look"),
    text(" that up."),
    call(0, "call_1", "get_weather"),
    args(0, R"({"location":"Paris","unit":"celsius"})"),  // compact, keys in order (nlohmann's objects sort)
    finish(StopReason::tool_use, 31, 29),                 // STOP with a call; output = candidates + thoughts
};

TEST(StreamDecodeGemini, Sse_TextAndFunctionCall) {
    const Decoded decoded = decode_everywhere(Protocol::gemini, kGeminiSse);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events, kGeminiEvents);
    EXPECT_TRUE(decoded.warnings.empty());
}

TEST(StreamDecodeGemini, JsonArray_SameEventsAsSse) {
    const Decoded decoded = decode_everywhere(Protocol::gemini, kGeminiArray);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events, kGeminiEvents);
}

TEST(StreamDecodeGemini, JsonArrayWithCrLfAndLeadingBlanks_SameEvents) {
    const std::string body = "\r\n  " + with_line_ends(std::string(kGeminiArray), "\r\n");
    EXPECT_EQ(decode_everywhere(Protocol::gemini, body).events, kGeminiEvents);
}

TEST(StreamDecodeGemini, JsonArray_ElementHandedOutBeforeTheComma) {
    // An element is complete at its closing brace: its text must not wait for the next element.
    auto decoder = make_stream_decoder(Protocol::gemini);
    std::vector<StreamEvent> events;
    ASSERT_TRUE(decoder->feed(R"([{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"responseId":"r"})", events));
    EXPECT_EQ(events, (std::vector<StreamEvent>{start("r", ""), text("Hi")}));
}

TEST(StreamDecodeGemini, JsonArray_BracketsAndEscapesInsideStrings) {
    const std::string body =
        R"([{"candidates":[{"content":{"parts":[{"text":"a } ] \" \\"},{"text":"[{\\\"}"}]},"finishReason":"MAX_TOKENS"}],)"
        R"("responseId":"r","modelVersion":"m"}])";
    const Decoded decoded = decode_everywhere(Protocol::gemini, body);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("r", "m"), text("a } ] \" \\"), text("[{\\\"}"),
                                                        finish(StopReason::max_tokens)}));
}

TEST(StreamDecodeGemini, FunctionCallIdsGivenOrMadeUp_InOrder) {
    const std::string body =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"a\",\"args\":{}}},"
        "{\"functionCall\":{\"id\":\"given-7\",\"name\":\"b\"}}]}}]}\n\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"c\",\"args\":{\"n\":1}}}]},"
        "\"finishReason\":\"STOP\"}]}\n\n";
    const Decoded decoded = decode_everywhere(Protocol::gemini, body);
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("", ""), call(0, "call_1", "a"), args(0, "{}"),
                                                        call(1, "given-7", "b"), args(1, "{}"), call(2, "call_2", "c"),
                                                        args(2, "{\"n\":1}"), finish(StopReason::tool_use)}));
}

TEST(StreamDecodeGemini, ThoughtParts_DroppedWithAWarning) {
    const std::string body =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Planning\",\"thought\":true}]}}]}\n\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Answer\"}]},\"finishReason\":\"STOP\"}],"
        "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":1,\"thoughtsTokenCount\":9}}\n\n";
    const Decoded decoded = decode_everywhere(Protocol::gemini, body);
    EXPECT_EQ(decoded.events,
              (std::vector<StreamEvent>{start("", ""), text("Answer"), finish(StopReason::end_turn, 5, 10)}));
    EXPECT_EQ(decoded.warnings,
              (std::vector<Warning>{{"candidates[0].content.parts[0]", "a thought part is Gemini's own: dropped"}}));
}

TEST(StreamDecodeGemini, NoFinishReason_TruncatedInBothForms) {
    const std::string sse = std::string(kGeminiSse.substr(0, kGeminiSse.rfind("data:")));
    const std::string array = std::string(kGeminiArray.substr(0, kGeminiArray.rfind(",\n{")));
    for (const auto& body : {sse, array, array + "]"}) {
        const Decoded decoded = decode_everywhere(Protocol::gemini, body);
        EXPECT_EQ(decoded.error_code, "truncated");
        EXPECT_EQ(decoded.error_message,
                  "stream: the upstream's body ended before any finishReason (the answer is incomplete)");
        EXPECT_EQ(decoded.events, (std::vector<StreamEvent>(kGeminiEvents.begin(), kGeminiEvents.begin() + 3)));
    }
}

TEST(StreamDecodeGemini, ErrorElement_ErrorEvent) {
    const std::string error =
        R"({"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}})";
    const std::string first = R"({"candidates":[{"content":{"parts":[{"text":"Hi"}]}}],"responseId":"r"})";
    const std::vector<StreamEvent> after_text = {start("r", ""), text("Hi"),
                                                 upstream_error("UNAVAILABLE", "The model is overloaded.")};
    EXPECT_EQ(decode_everywhere(Protocol::gemini, "[" + first + ",\r\n" + error + "]").events, after_text);
    EXPECT_EQ(decode_everywhere(Protocol::gemini, "data: " + first + "\r\n\r\ndata: " + error + "\r\n\r\n").events,
              after_text);
    // An error answered whole, not in an array (a non-200 status), is one element too.
    EXPECT_EQ(decode_everywhere(Protocol::gemini, error + "\n").events,
              (std::vector<StreamEvent>{upstream_error("UNAVAILABLE", "The model is overloaded.")}));
}

TEST(StreamDecodeGemini, PromptBlocked_ContentFilterFinish) {
    const Decoded decoded = decode_everywhere(
        Protocol::gemini,
        R"([{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":8},"responseId":"r"}])");
    EXPECT_EQ(decoded.error_code, "");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("r", "", 8), finish(StopReason::content_filter, 8)}));
}

TEST(StreamDecodeGemini, JsonArray_TextBetweenElements_Malformed) {
    const Decoded decoded = decode_everywhere(Protocol::gemini, R"([{"responseId":"r"} x {"responseId":"s"}])");
    EXPECT_EQ(decoded.error_code, "malformed_json");
    EXPECT_EQ(decoded.error_message, "stream: expected a JSON array of objects, found 'x' outside its elements");
    EXPECT_EQ(decoded.events, (std::vector<StreamEvent>{start("r", "")}));
}

TEST(StreamDecodeGemini, JsonArray_MalformedElement_ErrorNamesTheElement) {
    const Decoded decoded = decode_everywhere(Protocol::gemini, R"([{"responseId":"r"},{"responseId":}])");
    EXPECT_EQ(decoded.error_code, "malformed_json");
    EXPECT_EQ(decoded.error_message, "stream element 2: not valid JSON (UTF-8 text holding one JSON value)");
}

TEST(StreamDecodeGemini, JsonArray_ElementLargerThanTheLimit_TooLarge) {
    const std::string body =
        R"([{"candidates":[{"content":{"parts":[{"text":")" + std::string(std::size_t{16} << 20U, 'a');
    const Decoded decoded = decode(Protocol::gemini, body);
    EXPECT_EQ(decoded.error_code, "too_large");
    EXPECT_EQ(
        decoded.error_message,
        "stream: an element is still incomplete after 16777216 bytes (the upstream's elements are bounded to that)");
}

}  // namespace
}  // namespace pathwise::translate
