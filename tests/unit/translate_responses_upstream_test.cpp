// translate_responses_upstream_test.cpp — the OpenAI Responses API (POST /v1/responses) as the UPSTREAM's
// protocol: the IR encoded into a Responses request, a Response object and a Responses stream decoded into the IR.
//
// Expected requests are written by hand after the Responses API reference (responses/create: instructions, input
// items, function tools, tool_choice, max_output_tokens) and what codex-rs sends api.openai.com (output_text in
// assistant messages, strict: false tools, store: false). Answers and streams are the documented examples
// (the Response object; "Streaming responses" and "Function calling" event sequences), shortened where members
// do not matter. Every stream is decoded whole, split at every byte boundary and one byte at a time.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {

// gtest prints a failing event with this (static: translate_stream_decode_test.cpp has its own).
static void PrintTo(const StreamEvent& event, std::ostream* out) {
    static constexpr std::array<std::string_view, 6> kKinds = {"start",          "text",   "tool_call",
                                                               "tool_arguments", "finish", "error"};
    *out << "{" << kKinds[static_cast<std::size_t>(event.kind)] << " text=\"" << event.text
         << "\" index=" << event.index << " call=" << event.tool_call.id << "/" << event.tool_call.name
         << " id=" << event.id << " model=" << event.model << " stop=" << stop_reason_name(event.stop_reason)
         << " in=" << event.usage.input_tokens.value_or(-1) << " out=" << event.usage.output_tokens.value_or(-1)
         << " error=" << event.error.code << ":" << event.error.message << "}";
}

namespace {

using nlohmann::json;

bool warned(const std::vector<Warning>& warnings, const std::string& field) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.field == field; });
}

// ---- requests: the IR → a Responses request -------------------------------------------------------------------

// A second turn of Claude Code, as the Anthropic decoder leaves it: two system blocks, a tool call and its result.
Request claude_code_ir() {
    Request request;
    request.model = "gpt-5";
    request.system = {"You are Claude Code.", "Be brief."};
    request.turns.push_back(Turn{Role::user, {Part::of_text("what is in a.txt?")}});
    request.turns.push_back(
        Turn{Role::assistant,
             {Part::of_text("Reading it."), Part::of_tool_call(ToolCall{"toolu_1", "Read", R"({"path":"a.txt"})"})}});
    ToolResult result;
    result.tool_call_id = "toolu_1";
    result.name = "Read";
    result.text = {TextPart{"hello"}, TextPart{"world"}};
    request.turns.push_back(Turn{Role::user, {Part::of_tool_result(result), Part::of_text("summarise it")}});
    request.tools = {
        ToolDefinition{"Read", "Reads a file", R"({"type":"object","properties":{"path":{"type":"string"}}})"},
        ToolDefinition{"Now", "", ""}};
    request.tool_choice = ToolChoice{ToolChoiceMode::named, "Read"};
    request.parallel_tool_calls = true;
    request.sampling.max_tokens = 1024;
    request.sampling.temperature = 0.5;
    request.sampling.top_p = 0.9;
    request.stream = true;
    return request;
}

TEST(ResponsesUpstreamRequest, ClaudeCodeTurn_IsInstructionsInputItemsAndFunctionTools) {
    auto encoded = encode_request(Protocol::openai_responses, claude_code_ir());
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    const json expected = json::parse(R"({
      "model": "gpt-5",
      "instructions": "You are Claude Code.\n\nBe brief.",
      "input": [
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "what is in a.txt?"}]},
        {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Reading it."}]},
        {"type": "function_call", "call_id": "toolu_1", "name": "Read", "arguments": "{\"path\":\"a.txt\"}"},
        {"type": "function_call_output", "call_id": "toolu_1", "output": "hello\nworld"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "summarise it"}]}
      ],
      "tools": [
        {"type": "function", "name": "Read", "description": "Reads a file", "strict": false,
         "parameters": {"type": "object", "properties": {"path": {"type": "string"}}}},
        {"type": "function", "name": "Now", "strict": false, "parameters": {"type": "object", "properties": {}}}
      ],
      "tool_choice": {"type": "function", "name": "Read"},
      "parallel_tool_calls": true,
      "max_output_tokens": 1024,
      "temperature": 0.5,
      "top_p": 0.9,
      "stream": true,
      "store": false
    })");
    EXPECT_EQ(json::parse(encoded->body), expected);
    EXPECT_TRUE(encoded->warnings.empty());
}

TEST(ResponsesUpstreamRequest, ToolChoiceModes_AndAMinimalRequest) {
    Request request;
    request.model = "m";
    request.turns.push_back(Turn{Role::user, {Part::of_text("hi")}});
    auto minimal = encode_request(Protocol::openai_responses, request);
    ASSERT_TRUE(minimal.ok());
    EXPECT_EQ(json::parse(minimal->body), json::parse(R"({"model":"m","store":false,
        "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}]})"));
    const std::array<std::pair<ToolChoiceMode, const char*>, 3> modes = {
        {{ToolChoiceMode::automatic, "auto"}, {ToolChoiceMode::none, "none"}, {ToolChoiceMode::required, "required"}}};
    for (const auto& [mode, wire] : modes) {
        request.tool_choice.mode = mode;
        auto encoded = encode_request(Protocol::openai_responses, request);
        ASSERT_TRUE(encoded.ok());
        EXPECT_EQ(json::parse(encoded->body)["tool_choice"], wire);
    }
}

TEST(ResponsesUpstreamRequest, Images_InlineAndByUrl_InToolResultsAsOutputParts) {
    Request request;
    request.model = "m";
    ImagePart inline_png;
    inline_png.media_type = "image/png";
    inline_png.data = "iVBORw0KGgo=";
    ImagePart by_url;
    by_url.url = "https://example.com/cat.jpg";
    request.turns.push_back(Turn{Role::user, {Part::of_text("compare"), Part::of_image(inline_png)}});
    request.turns.push_back(Turn{Role::assistant, {Part::of_tool_call(ToolCall{"call_9", "shot", ""})}});
    ToolResult result;
    result.tool_call_id = "call_9";
    result.text = {TextPart{"the screen"}};
    result.images = {by_url};
    request.turns.push_back(Turn{Role::user, {Part::of_tool_result(result)}});
    auto encoded = encode_request(Protocol::openai_responses, request);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    EXPECT_EQ(json::parse(encoded->body)["input"], json::parse(R"([
      {"type": "message", "role": "user", "content": [
        {"type": "input_text", "text": "compare"},
        {"type": "input_image", "image_url": "data:image/png;base64,iVBORw0KGgo=", "detail": "auto"}]},
      {"type": "function_call", "call_id": "call_9", "name": "shot", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "call_9", "output": [
        {"type": "input_text", "text": "the screen"},
        {"type": "input_image", "image_url": "https://example.com/cat.jpg", "detail": "auto"}]}
    ])"));
}

TEST(ResponsesUpstreamRequest, WhatResponsesCannotSay_RefusedNamingTheFieldOrWarned) {
    Request request = claude_code_ir();
    request.sampling.stop_sequences = {"END"};
    auto stopped = encode_request(Protocol::openai_responses, request);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, "untranslatable");
    EXPECT_EQ(stopped.error().message.rfind("stop_sequences: ", 0), 0u) << stopped.error().message;

    request = claude_code_ir();
    request.turns[0].parts.push_back(Part::of_tool_call(ToolCall{"c", "n", "{}"}));
    auto call_in_user_turn = encode_request(Protocol::openai_responses, request);
    ASSERT_FALSE(call_in_user_turn.ok());
    EXPECT_EQ(call_in_user_turn.error().message.rfind("turns[0]: ", 0), 0u) << call_in_user_turn.error().message;

    request = claude_code_ir();
    request.tools[1].parameters_json = "{not json";
    auto bad_schema = encode_request(Protocol::openai_responses, request);
    ASSERT_FALSE(bad_schema.ok());
    EXPECT_EQ(bad_schema.error().message.rfind("tools[1]: ", 0), 0u) << bad_schema.error().message;

    request = claude_code_ir();
    request.sampling.top_k = 40;
    request.turns[2].parts[0].tool_result.is_error = true;
    ImagePart image;
    image.url = "https://example.com/a.png";
    request.turns[1].parts.push_back(Part::of_image(image));
    auto approximated = encode_request(Protocol::openai_responses, request);
    ASSERT_TRUE(approximated.ok()) << approximated.error().message;
    EXPECT_TRUE(warned(approximated->warnings, "top_k"));
    EXPECT_TRUE(warned(approximated->warnings, "turns[2]"));  // the error flag
    EXPECT_TRUE(warned(approximated->warnings, "turns[1]"));  // the assistant's image
    EXPECT_FALSE(json::parse(approximated->body).contains("top_k"));
}

// Anthropic → IR → Responses → IR: a Responses upstream sees the conversation Claude Code sent.
TEST(ResponsesUpstreamRequest, AnthropicRequest_ThroughResponses_DecodesToTheSameConversation) {
    auto anthropic = decode_request(Protocol::anthropic, R"({"model":"claude-sonnet-4-5","max_tokens":256,
      "system":"Be brief.",
      "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
      "messages":[{"role":"user","content":"weather in Paris?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather",
                                                  "input":{"city":"Paris"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"sunny"}]}]})");
    ASSERT_TRUE(anthropic.ok()) << anthropic.error().message;
    auto encoded = encode_request(Protocol::openai_responses, anthropic->request);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    auto back = decode_request(Protocol::openai_responses, encoded->body);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->request.turns, anthropic->request.turns);
    EXPECT_EQ(back->request.system, anthropic->request.system);
    EXPECT_EQ(back->request.tools, anthropic->request.tools);
    EXPECT_EQ(back->request.sampling, anthropic->request.sampling);
}

// ---- answers: a Response object → the IR ----------------------------------------------------------------------

// The function-calling example of the API reference, with a reasoning item first (a reasoning model's answer).
constexpr const char* kToolAnswer = R"({
  "id": "resp_67ca09c5efe0819096d0511c92b8c890096610f474011cc0",
  "object": "response",
  "created_at": 1741294021,
  "status": "completed",
  "error": null,
  "incomplete_details": null,
  "model": "gpt-4.1-2025-04-14",
  "output": [
    {"type": "reasoning", "id": "rs_1", "summary": []},
    {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
     "content": [{"type": "output_text", "text": "Let me check.", "annotations": []}]},
    {"type": "function_call", "id": "fc_67ca09c6bedc8190a7abfec07b1a1332096610f474011cc0",
     "call_id": "call_unLAR8MvFNptuiZK6K6HCy5k", "name": "get_current_weather",
     "arguments": "{\"location\":\"Boston, MA\",\"unit\":\"celsius\"}", "status": "completed"}
  ],
  "parallel_tool_calls": true,
  "usage": {"input_tokens": 291, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 23,
            "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 314}
})";

TEST(ResponsesUpstreamAnswer, TextAndFunctionCall_IsToolUseWithUsage_ReasoningWarned) {
    auto decoded = decode_response(Protocol::openai_responses, kToolAnswer);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    Response expected;
    expected.id = "resp_67ca09c5efe0819096d0511c92b8c890096610f474011cc0";
    expected.model = "gpt-4.1-2025-04-14";
    expected.created = 1741294021;
    expected.parts = {Part::of_text("Let me check."),
                      Part::of_tool_call(ToolCall{"call_unLAR8MvFNptuiZK6K6HCy5k", "get_current_weather",
                                                  R"({"location":"Boston, MA","unit":"celsius"})"})};
    expected.stop_reason = StopReason::tool_use;
    expected.usage = Usage{291, 23};
    EXPECT_EQ(decoded->response, expected);
    EXPECT_TRUE(warned(decoded->warnings, "output[0]"));
}

TEST(ResponsesUpstreamAnswer, IncompleteAndTextOnly_StopReasonsFromStatusAndReason) {
    struct Case {
        const char* status_and_details;
        StopReason expected;
    };
    const std::array<Case, 4> cases = {{
        {R"("status":"completed","incomplete_details":null)", StopReason::end_turn},
        {R"("status":"incomplete","incomplete_details":{"reason":"max_output_tokens"})", StopReason::max_tokens},
        {R"("status":"incomplete","incomplete_details":{"reason":"content_filter"})", StopReason::content_filter},
        {R"("status":"incomplete","incomplete_details":{"reason":"something_new"})", StopReason::unknown},
    }};
    for (const auto& c : cases) {
        const std::string body = std::string(R"({"id":"resp_1","object":"response","model":"gpt-5",)") +
                                 c.status_and_details +
                                 R"(,"output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant",
                                   "content":[{"type":"output_text","text":"Hi","annotations":[]}]}],"usage":null})";
        auto decoded = decode_response(Protocol::openai_responses, body);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_EQ(decoded->response.stop_reason, c.expected) << c.status_and_details;
        EXPECT_EQ(decoded->response.parts, std::vector<Part>{Part::of_text("Hi")});
        EXPECT_EQ(decoded->response.usage, Usage{});
        EXPECT_EQ(warned(decoded->warnings, "status"), c.expected == StopReason::unknown);
    }
}

TEST(ResponsesUpstreamAnswer, RefusalPart_IsTextWarned) {
    auto decoded = decode_response(Protocol::openai_responses, R"({"id":"resp_2","status":"completed","output":[
      {"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]}]})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->response.parts, std::vector<Part>{Part::of_text("I can't help with that.")});
    EXPECT_TRUE(warned(decoded->warnings, "output[0].content[0]"));
}

// Through the IR a Responses answer reaches Claude Code as an Anthropic message.
TEST(ResponsesUpstreamAnswer, ToAnthropic_IsAToolUseMessage) {
    auto decoded = decode_response(Protocol::openai_responses, kToolAnswer);
    ASSERT_TRUE(decoded.ok());
    auto encoded = encode_response(Protocol::anthropic, decoded->response);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    const json body = json::parse(encoded->body);
    EXPECT_EQ(body["stop_reason"], "tool_use");
    EXPECT_EQ(body["content"][1], json::parse(R"({"type":"tool_use","id":"call_unLAR8MvFNptuiZK6K6HCy5k",
        "name":"get_current_weather","input":{"location":"Boston, MA","unit":"celsius"}})"));
    EXPECT_EQ(body["usage"]["input_tokens"], 291);
    EXPECT_EQ(body["usage"]["output_tokens"], 23);
}

TEST(ResponsesUpstreamAnswer, NotAnAnswer_FailsNamingTheField) {
    struct Case {
        const char* body;
        const char* code;
        const char* message_start;
    };
    const std::array<Case, 5> cases = {{
        {R"({"id":"resp_1","status":"completed"})", "missing_field", "output: "},
        {R"({"id":"resp_1","output":{}})", "wrong_type", "output: "},
        {R"({"output":[{"type":"function_call","name":"f","arguments":"{}"}]})", "missing_field",
         "output[0].call_id: "},
        {R"({"id":"resp_1","status":"failed","output":[],
             "error":{"code":"server_error","message":"The model failed to generate a response."}})",
         "bad_value", "status: the response's status is 'failed': The model failed to generate a response."},
        {"not json", "malformed_json", ""},
    }};
    for (const auto& c : cases) {
        auto decoded = decode_response(Protocol::openai_responses, c.body);
        ASSERT_FALSE(decoded.ok()) << c.body;
        EXPECT_EQ(decoded.error().code, c.code) << c.body;
        EXPECT_EQ(decoded.error().message.rfind(c.message_start, 0), 0u) << decoded.error().message;
    }
}

// ---- streams: Responses events → StreamEvents -----------------------------------------------------------------

StreamEvent start(std::string id, std::string model) {
    StreamEvent e;
    e.kind = StreamEventKind::start;
    e.id = std::move(id);
    e.model = std::move(model);
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
                   std::optional<std::int64_t> output = std::nullopt) {
    StreamEvent e;
    e.kind = StreamEventKind::finish;
    e.stop_reason = reason;
    e.usage = Usage{input, output};
    return e;
}
StreamEvent failure(std::string code, std::string message) {
    StreamEvent e;
    e.kind = StreamEventKind::error;
    e.error = Error{std::move(code), std::move(message)};
    return e;
}

struct Decoded {
    std::vector<StreamEvent> events;
    std::string error_code;  // "" when the stream decoded and finished
    std::string error_message;
    std::vector<Warning> warnings;
    bool operator==(const Decoded&) const = default;
};

Decoded decode_pieces(const std::vector<std::string_view>& pieces) {
    auto decoder = make_stream_decoder(Protocol::openai_responses);
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

// The whole body, then every split into two feeds, then one byte per feed: all must equal the whole.
Decoded decode_everywhere(std::string_view body) {
    const Decoded whole = decode_pieces({body});
    for (std::size_t split = 0; split <= body.size(); ++split) {
        const Decoded halves = decode_pieces({body.substr(0, split), body.substr(split)});
        EXPECT_EQ(halves, whole) << "split after byte " << split;
        if (halves != whole) break;  // one failure says it; a thousand say nothing more
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < body.size(); ++i) bytes.push_back(body.substr(i, 1));
    EXPECT_EQ(decode_pieces(bytes), whole) << "fed one byte at a time";
    return whole;
}

// The "Streaming responses" text example: created, in_progress, the message item, its part, two deltas, the
// .done events and completed with the whole Response.
constexpr std::string_view kTextStream =
    "event: response.created\n"
    R"(data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","created_at":1741290958,"status":"in_progress","error":null,"incomplete_details":null,"model":"gpt-4.1-2025-04-14","output":[],"usage":null}})"
    "\n\n"
    "event: response.in_progress\n"
    R"(data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","status":"in_progress","model":"gpt-4.1-2025-04-14","output":[],"usage":null}})"
    "\n\n"
    "event: response.output_item.added\n"
    R"(data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"in_progress","role":"assistant","content":[]}})"
    "\n\n"
    "event: response.content_part.added\n"
    R"(data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}})"
    "\n\n"
    "event: response.output_text.delta\n"
    R"(data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"delta":"Hi","logprobs":[]})"
    "\n\n"
    "event: response.output_text.delta\n"
    R"(data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"delta":" there é","logprobs":[]})"
    "\n\n"
    "event: response.output_text.done\n"
    R"(data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"text":"Hi there é","logprobs":[]})"
    "\n\n"
    "event: response.content_part.done\n"
    R"(data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"part":{"type":"output_text","text":"Hi there é","annotations":[]}})"
    "\n\n"
    "event: response.output_item.done\n"
    R"(data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi there é","annotations":[]}]}})"
    "\n\n"
    "event: response.completed\n"
    R"(data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","status":"completed","error":null,"incomplete_details":null,"model":"gpt-4.1-2025-04-14","output":[{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi there é","annotations":[]}]}],"usage":{"input_tokens":37,"input_tokens_details":{"cached_tokens":0},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":48}}})"
    "\n\n";

TEST(ResponsesUpstreamStream, TextAnswer_StartTextFinishWithUsage_AtEveryByteBoundary) {
    const Decoded decoded = decode_everywhere(kTextStream);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    const std::vector<StreamEvent> expected = {
        start("resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654", "gpt-4.1-2025-04-14"), text("Hi"),
        text(" there é"), finish(StopReason::end_turn, 37, 11)};
    EXPECT_EQ(decoded.events, expected);
    EXPECT_TRUE(decoded.warnings.empty());
}

// The "Function calling" streaming example, after a reasoning item, with a second call: each call's arguments
// come as deltas keyed by output_index; the .done events repeat them and are not sent again.
constexpr std::string_view kToolStream =
    "event: response.created\n"
    R"(data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1234xyz","object":"response","status":"in_progress","model":"o4-mini","output":[],"usage":null}})"
    "\n\n"
    "event: response.output_item.added\n"
    R"(data: {"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}})"
    "\n\n"
    "event: response.output_item.done\n"
    R"(data: {"type":"response.output_item.done","sequence_number":2,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}})"
    "\n\n"
    "event: response.output_item.added\n"
    R"(data: {"type":"response.output_item.added","sequence_number":3,"response_id":"resp_1234xyz","output_index":1,"item":{"type":"function_call","id":"fc_1234xyz","call_id":"call_1234xyz","name":"get_weather","arguments":""}})"
    "\n\n"
    "event: response.function_call_arguments.delta\n"
    R"(data: {"type":"response.function_call_arguments.delta","sequence_number":4,"response_id":"resp_1234xyz","item_id":"fc_1234xyz","output_index":1,"delta":"{\""})"
    "\n\n"
    "event: response.function_call_arguments.delta\n"
    R"(data: {"type":"response.function_call_arguments.delta","sequence_number":5,"response_id":"resp_1234xyz","item_id":"fc_1234xyz","output_index":1,"delta":"location\":\"Paris, France\"}"})"
    "\n\n"
    "event: response.function_call_arguments.done\n"
    R"(data: {"type":"response.function_call_arguments.done","sequence_number":6,"response_id":"resp_1234xyz","item_id":"fc_1234xyz","output_index":1,"arguments":"{\"location\":\"Paris, France\"}"})"
    "\n\n"
    "event: response.output_item.done\n"
    R"(data: {"type":"response.output_item.done","sequence_number":7,"response_id":"resp_1234xyz","output_index":1,"item":{"type":"function_call","id":"fc_1234xyz","call_id":"call_1234xyz","name":"get_weather","arguments":"{\"location\":\"Paris, France\"}"}})"
    "\n\n"
    "event: response.output_item.added\n"
    R"(data: {"type":"response.output_item.added","sequence_number":8,"output_index":2,"item":{"type":"function_call","id":"fc_2","call_id":"call_2","name":"get_time","arguments":""}})"
    "\n\n"
    "event: response.function_call_arguments.delta\n"
    R"(data: {"type":"response.function_call_arguments.delta","sequence_number":9,"item_id":"fc_2","output_index":2,"delta":"{}"})"
    "\n\n"
    "event: response.output_item.done\n"
    R"(data: {"type":"response.output_item.done","sequence_number":10,"output_index":2,"item":{"type":"function_call","id":"fc_2","call_id":"call_2","name":"get_time","arguments":"{}"}})"
    "\n\n"
    "event: response.completed\n"
    R"(data: {"type":"response.completed","sequence_number":11,"response":{"id":"resp_1234xyz","object":"response","status":"completed","model":"o4-mini","output":[],"usage":{"input_tokens":60,"output_tokens":90,"total_tokens":150}}})"
    "\n\n";

TEST(ResponsesUpstreamStream, TwoFunctionCalls_CallThenArgumentDeltas_ToolUse_ReasoningWarned) {
    const Decoded decoded = decode_everywhere(kToolStream);
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    const std::vector<StreamEvent> expected = {
        start("resp_1234xyz", "o4-mini"),         call(0, "call_1234xyz", "get_weather"), args(0, "{\""),
        args(0, R"(location":"Paris, France"})"), call(1, "call_2", "get_time"),          args(1, "{}"),
        finish(StopReason::tool_use, 60, 90)};
    EXPECT_EQ(decoded.events, expected);
    EXPECT_TRUE(warned(decoded.warnings, "item"));
}

// A gateway that sends no deltas: the text comes from output_text.done, the arguments from the item's done event.
TEST(ResponsesUpstreamStream, OnlyDoneEvents_TextAndArgumentsTakenFromThem) {
    const Decoded decoded = decode_everywhere(
        "event: response.output_item.added\n"
        R"(data: {"type":"response.output_item.added","output_index":0,"item":{"type":"message","role":"assistant","content":[]}})"
        "\n\n"
        "event: response.output_text.done\n"
        R"(data: {"type":"response.output_text.done","output_index":0,"content_index":0,"text":"Sunny."})"
        "\n\n"
        "event: response.output_item.done\n"
        R"(data: {"type":"response.output_item.done","output_index":0,"item":{"type":"message","role":"assistant","content":[{"type":"output_text","text":"Sunny."}]}})"
        "\n\n"
        "event: response.output_item.done\n"
        R"(data: {"type":"response.output_item.done","output_index":1,"item":{"type":"function_call","call_id":"call_7","name":"f","arguments":"{\"a\":1}"}})"
        "\n\n"
        "event: response.completed\n"
        R"(data: {"type":"response.completed","response":{"id":"resp_9","model":"m","status":"completed","output":[]}})"
        "\n\n");
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    const std::vector<StreamEvent> expected = {start("", ""), text("Sunny."), call(0, "call_7", "f"),
                                               args(0, R"({"a":1})"), finish(StopReason::tool_use)};
    EXPECT_EQ(decoded.events, expected);
}

TEST(ResponsesUpstreamStream, Incomplete_IsMaxTokensWithUsage) {
    const Decoded decoded = decode_everywhere(
        "event: response.created\n"
        R"(data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_3","model":"gpt-5","status":"in_progress","output":[]}})"
        "\n\n"
        "event: response.output_text.delta\n"
        R"(data: {"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_3","output_index":0,"content_index":0,"delta":"Once upon"})"
        "\n\n"
        "event: response.incomplete\n"
        R"(data: {"type":"response.incomplete","sequence_number":2,"response":{"id":"resp_3","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[],"usage":{"input_tokens":5,"output_tokens":2,"total_tokens":7}}})"
        "\n\n");
    EXPECT_EQ(decoded.error_code, "") << decoded.error_message;
    const std::vector<StreamEvent> expected = {start("resp_3", "gpt-5"), text("Once upon"),
                                               finish(StopReason::max_tokens, 5, 2)};
    EXPECT_EQ(decoded.events, expected);
}

// response.failed and `error` end the stream with an error event; what follows is not read.
TEST(ResponsesUpstreamStream, FailedAndErrorEvents_AreErrorEvents) {
    const Decoded failed = decode_everywhere(
        "event: response.created\n"
        R"(data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_4","model":"gpt-5","status":"in_progress","output":[]}})"
        "\n\n"
        "event: response.failed\n"
        R"(data: {"type":"response.failed","sequence_number":1,"response":{"id":"resp_4","status":"failed","error":{"code":"server_error","message":"The model failed to generate a response."},"output":[]}})"
        "\n\n"
        "data: not even json\n\n");
    EXPECT_EQ(failed.error_code, "") << failed.error_message;
    const std::vector<StreamEvent> failed_expected = {
        start("resp_4", "gpt-5"), failure("server_error", "The model failed to generate a response.")};
    EXPECT_EQ(failed.events, failed_expected);

    const Decoded error = decode_everywhere(
        "event: error\n"
        R"(data: {"type":"error","sequence_number":0,"code":"rate_limit_exceeded","message":"Rate limit reached for gpt-5","param":null})"
        "\n\n");
    EXPECT_EQ(error.error_code, "") << error.error_message;
    EXPECT_EQ(error.events, std::vector<StreamEvent>{failure("rate_limit_exceeded", "Rate limit reached for gpt-5")});
}

TEST(ResponsesUpstreamStream, BrokenStreams_FailNamingTheEvent) {
    const Decoded truncated = decode_everywhere(kTextStream.substr(0, kTextStream.find("event: response.completed")));
    EXPECT_EQ(truncated.error_code, "truncated");
    EXPECT_NE(truncated.error_message.find("before response.completed"), std::string::npos) << truncated.error_message;

    const Decoded malformed = decode_everywhere(
        "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"r\"}}\n\n"
        "event: response.output_text.delta\ndata: {\"delta\": nope}\n\n");
    EXPECT_EQ(malformed.error_code, "malformed_json");
    EXPECT_EQ(malformed.error_message.rfind("stream event 2: ", 0), 0u) << malformed.error_message;

    const Decoded wrong_type = decode_everywhere(
        "event: response.output_text.delta\n"
        R"(data: {"type":"response.output_text.delta","output_index":0,"delta":7})"
        "\n\n");
    EXPECT_EQ(wrong_type.error_code, "wrong_type");
    EXPECT_EQ(wrong_type.error_message.rfind("stream event 1: delta: ", 0), 0u) << wrong_type.error_message;

    const Decoded orphan_arguments = decode_everywhere(
        "event: response.function_call_arguments.delta\n"
        R"(data: {"type":"response.function_call_arguments.delta","output_index":3,"delta":"{}"})"
        "\n\n");
    EXPECT_EQ(orphan_arguments.error_code, "bad_value");
    EXPECT_EQ(orphan_arguments.error_message.rfind("stream event 1: output_index: ", 0), 0u)
        << orphan_arguments.error_message;
}

// Through the IR a Responses stream reaches Claude Code as Anthropic's event sequence.
TEST(ResponsesUpstreamStream, ToAnthropicEncoder_ToolUseBlockWithJsonDeltas) {
    const Decoded decoded = decode_pieces({kToolStream});
    ASSERT_EQ(decoded.error_code, "") << decoded.error_message;
    auto encoder = make_stream_encoder(Protocol::anthropic);
    std::string out;
    for (const auto& event : decoded.events) out += encoder->encode(event);
    out += encoder->end();
    EXPECT_NE(out.find(R"("content_block":{"id":"call_1234xyz","input":{},"name":"get_weather","type":"tool_use"})"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find(R"("delta":{"partial_json":"location\":\"Paris, France\"}","type":"input_json_delta"})"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find(R"("stop_reason":"tool_use")"), std::string::npos) << out;
}

}  // namespace
}  // namespace pathwise::translate
