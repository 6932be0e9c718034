// translate_responses_test.cpp — the OpenAI Responses API (POST /v1/responses) as a client's protocol: requests
// decoded into the IR, answers and streams encoded back.
//
// Bodies are written by hand after the Responses API reference and what Codex CLI (codex-rs) sends: its
// `instructions`, developer and user messages, reasoning items, function_call / function_call_output pairs,
// function tools plus the freeform `custom` apply_patch, `web_search` and (0.169) `namespace` tools, store: false,
// include, prompt_cache_key. Expected streams follow the documented event sequence (the one the mock upstream sends and
// real Codex accepts). JSON members come in the codecs' order (sorted by name).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/models.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {
namespace {

using nlohmann::json;

constexpr std::int64_t kCreated = 1700000000;

// A second turn of a Codex session on an Ollama model: the model listed files with its shell tool.
constexpr const char* kCodexRequest = R"({
  "model": "qwen3-coder",
  "instructions": "You are Codex.",
  "input": [
    {"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "<permissions>"}]},
    {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "list the files"}]},
    {"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": "gAAAAB"},
    {"type": "message", "role": "assistant", "id": "msg_1",
     "content": [{"type": "output_text", "text": "Listing them.", "annotations": []}]},
    {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "shell",
     "arguments": "{\"command\":[\"ls\"]}"},
    {"type": "function_call_output", "call_id": "call_1", "output": "a.txt\nb.txt"},
    {"role": "user", "content": "thanks"}
  ],
  "tools": [
    {"type": "function", "name": "shell", "description": "Runs a shell command", "strict": false,
     "parameters": {"type": "object", "properties": {"command": {"type": "array", "items": {"type": "string"}}},
                    "required": ["command"], "additionalProperties": false}},
    {"type": "custom", "name": "apply_patch", "description": "Edit files",
     "format": {"type": "grammar", "syntax": "lark", "definition": "start: begin_patch"}},
    {"type": "web_search"},
    {"type": "namespace", "name": "multi_agent_v1", "description": "Tools for spawning and managing sub-agents.",
     "tools": [{"type": "function", "name": "close_agent", "description": "Close an agent",
                "strict": false, "parameters": {"type": "object", "properties": {}}}]}
  ],
  "tool_choice": "auto",
  "parallel_tool_calls": false,
  "reasoning": {"effort": "medium", "summary": "auto"},
  "store": false,
  "stream": true,
  "include": ["reasoning.encrypted_content"],
  "prompt_cache_key": "session-1",
  "text": {"verbosity": "medium"}
})";

constexpr const char* kShellSchema =
    R"({"additionalProperties":false,"properties":{"command":{"items":{"type":"string"},"type":"array"}},)"
    R"("required":["command"],"type":"object"})";

Request codex_ir() {
    Request request;
    request.model = "qwen3-coder";
    request.system = {"You are Codex.", "<permissions>"};
    request.turns.push_back(Turn{Role::user, {Part::of_text("list the files")}});
    request.turns.push_back(Turn{
        Role::assistant,
        {Part::of_text("Listing them."), Part::of_tool_call(ToolCall{"call_1", "shell", R"({"command":["ls"]})"})}});
    ToolResult result;
    result.tool_call_id = "call_1";
    result.name = "shell";
    result.text = {TextPart{"a.txt\nb.txt"}};
    request.turns.push_back(Turn{Role::user, {Part::of_tool_result(result)}});
    request.turns.push_back(Turn{Role::user, {Part::of_text("thanks")}});
    request.tools = {ToolDefinition{"shell", "Runs a shell command", kShellSchema}};
    request.tool_choice.mode = ToolChoiceMode::automatic;
    request.parallel_tool_calls = false;
    request.stream = true;
    return request;
}

bool warned(const std::vector<Warning>& warnings, const std::string& field) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.field == field; });
}

Error decode_error(const std::string& body) {
    auto result = decode_request(Protocol::openai_responses, body);
    EXPECT_FALSE(result.ok()) << body;
    return result.ok() ? Error{} : result.error();
}

// ---- the protocol ---------------------------------------------------------------------------------------------

TEST(ResponsesProtocol, NamedOpenaiResponses_ParsedBack_ListedLast) {
    EXPECT_EQ(protocol_name(Protocol::openai_responses), "openai-responses");
    EXPECT_EQ(parse_protocol("openai-responses"), Protocol::openai_responses);
    EXPECT_EQ(kProtocols.back(), Protocol::openai_responses);
}

// Codex lists models with OpenAI's GET /v1/models: a Responses client reads OpenAI's list shape.
TEST(ResponsesProtocol, ModelList_IsOpenAisShape) {
    const std::vector<ModelInfo> models = {{"qwen3-coder", ""}};
    EXPECT_EQ(json::parse(encode_model_list(Protocol::openai_responses, models)),
              json::parse(R"({"object":"list","data":[{"id":"qwen3-coder","object":"model","created":0,)"
                          R"("owned_by":"pathwise"}]})"));
    auto decoded = decode_model_list(Protocol::openai_responses, R"({"data":[{"id":"gpt-5"}]})");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, (std::vector<ModelInfo>{{"gpt-5", ""}}));
}

// ---- requests -------------------------------------------------------------------------------------------------

TEST(ResponsesRequest, CodexTurn_DecodesToTheIR) {
    auto decoded = decode_request(Protocol::openai_responses, kCodexRequest);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->request, codex_ir());
    const auto& warnings = decoded->warnings;
    for (const char* field : {"input[0].role", "input[2]", "tools[1]", "tools[2]", "tools[3]", "reasoning", "store",
                              "include", "prompt_cache_key", "text"}) {
        EXPECT_TRUE(warned(warnings, field)) << field;
    }
    EXPECT_FALSE(warned(warnings, "tools[0].strict"));  // strict: false asks for nothing
    EXPECT_FALSE(warned(warnings, "input[3].id"));      // item ids and statuses are output metadata
}

// What the proxy sends for Codex to an Ollama upstream.
TEST(ResponsesRequest, CodexTurn_ToOpenAiChat_RoundTrip) {
    auto decoded = decode_request(Protocol::openai_responses, kCodexRequest);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    auto encoded = encode_request(Protocol::openai_chat, decoded->request);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    const json expected = json::parse(R"({
      "model": "qwen3-coder",
      "messages": [
        {"role": "system", "content": "You are Codex."},
        {"role": "system", "content": "<permissions>"},
        {"role": "user", "content": "list the files"},
        {"role": "assistant", "content": "Listing them.",
         "tool_calls": [{"id": "call_1", "type": "function",
                         "function": {"name": "shell", "arguments": "{\"command\":[\"ls\"]}"}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "a.txt\nb.txt"},
        {"role": "user", "content": "thanks"}
      ],
      "stream": true,
      "stream_options": {"include_usage": true},
      "tools": [{"type": "function", "function": {"name": "shell", "description": "Runs a shell command",
                 "parameters": {"type": "object",
                                "properties": {"command": {"type": "array", "items": {"type": "string"}}},
                                "required": ["command"], "additionalProperties": false}}}],
      "tool_choice": "auto",
      "parallel_tool_calls": false
    })");
    EXPECT_EQ(json::parse(encoded->body), expected);
}

TEST(ResponsesRequest, InputString_IsOneUserTurn_SamplingFieldsCarried) {
    auto decoded = decode_request(Protocol::openai_responses,
                                  R"({"model":"m","input":"hi","max_output_tokens":64,"temperature":0.5,"top_p":0.9})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    Request expected;
    expected.model = "m";
    expected.turns.push_back(Turn{Role::user, {Part::of_text("hi")}});
    expected.sampling.max_tokens = 64;
    expected.sampling.temperature = 0.5;
    expected.sampling.top_p = 0.9;
    EXPECT_EQ(decoded->request, expected);
    EXPECT_TRUE(decoded->warnings.empty());
}

TEST(ResponsesRequest, OutputAsParts_TextAndImage_ImageInUserMessage) {
    auto decoded = decode_request(Protocol::openai_responses, R"({"model":"m","input":[
      {"type":"function_call","call_id":"c1","name":"view_image","arguments":"{}"},
      {"type":"function_call_output","call_id":"c1","output":[{"type":"input_text","text":"seen"},
        {"type":"input_image","image_url":"data:image/png;base64,iVBOR"}]},
      {"role":"user","content":[{"type":"input_image","image_url":"https://example.com/a.png","detail":"high"}]}
    ],"tool_choice":{"type":"function","name":"view_image"}})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    const auto& turns = decoded->request.turns;
    ASSERT_EQ(turns.size(), 3U);
    const ToolResult& result = turns[1].parts.at(0).tool_result;
    EXPECT_EQ(result.name, "view_image");
    EXPECT_EQ(result.text, std::vector<TextPart>{TextPart{"seen"}});
    EXPECT_EQ(result.images, (std::vector<ImagePart>{ImagePart{"", "image/png", "iVBOR"}}));
    EXPECT_EQ(turns[2].parts.at(0).image.url, "https://example.com/a.png");
    EXPECT_TRUE(warned(decoded->warnings, "input[2].content[0].detail"));
    EXPECT_EQ(decoded->request.tool_choice, (ToolChoice{ToolChoiceMode::named, "view_image"}));
}

TEST(ResponsesRequest, DeveloperMessageLater_MovedToSystem_Warned) {
    auto decoded = decode_request(Protocol::openai_responses, R"({"model":"m","input":[
      {"role":"user","content":"a"},{"role":"developer","content":"be brief"}]})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->request.system, std::vector<std::string>{"be brief"});
    EXPECT_TRUE(warned(decoded->warnings, "input[1]"));
}

struct Refusal {
    const char* name;
    const char* body;
    const char* code;
    const char* message_start;
};

TEST(ResponsesRequest, Refused_NamingTheField) {
    const std::vector<Refusal> cases = {
        {"previous_response_id", R"({"model":"m","input":"hi","previous_response_id":"resp_1"})", "untranslatable",
         "previous_response_id: "},
        {"conversation", R"({"model":"m","input":"hi","conversation":"conv_1"})", "untranslatable", "conversation: "},
        {"background", R"({"model":"m","input":"hi","background":true})", "untranslatable", "background: "},
        {"hosted tool", R"({"model":"m","input":"hi","tools":[{"type":"file_search","vector_store_ids":["v"]}]})",
         "untranslatable", "tools[0].type: "},
        {"image by file id",
         R"({"model":"m","input":[{"role":"user","content":[{"type":"input_image","file_id":"file-1"}]}]})",
         "untranslatable", "input[0].content[0].file_id: "},
        {"item reference", R"({"model":"m","input":[{"type":"item_reference","id":"msg_1"}]})", "untranslatable",
         "input[0].type: "},
        {"custom tool call in history",
         R"({"model":"m","input":[{"type":"custom_tool_call","call_id":"c","name":"apply_patch","input":"x"}]})",
         "untranslatable", "input[0].type: "},
        {"role", R"({"model":"m","input":[{"role":"robot","content":"x"}]})", "bad_value", "input[0].role: "},
        {"no input", R"({"model":"m"})", "missing_field", "input: "},
        {"no model", R"({"input":"hi"})", "missing_field", "model: "},
        {"input a number", R"({"model":"m","input":3})", "wrong_type", "input: "},
        {"output a number", R"({"model":"m","input":[{"type":"function_call_output","call_id":"c","output":1}]})",
         "wrong_type", "input[0].output: "},
        {"tool choice hosted", R"({"model":"m","input":"hi","tool_choice":{"type":"web_search_preview"}})",
         "untranslatable", "tool_choice.type: "},
    };
    for (const auto& c : cases) {
        const Error error = decode_error(c.body);
        EXPECT_EQ(error.code, c.code) << c.name;
        EXPECT_EQ(error.message.rfind(c.message_start, 0), 0U) << c.name << ": " << error.message;
    }
}

// ---- answers --------------------------------------------------------------------------------------------------

TEST(ResponsesAnswer, TextThenCall_MessageItemThenFunctionCallItem_Usage) {
    Response response;
    response.id = "chatcmpl-1";
    response.model = "qwen3-coder";
    response.created = kCreated;
    response.parts = {Part::of_text("Listing them."),
                      Part::of_tool_call(ToolCall{"call_1", "shell", R"({"command":["ls"]})"})};
    response.stop_reason = StopReason::tool_use;
    response.usage = Usage{20, 7};
    auto encoded = encode_response(Protocol::openai_responses, response);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    const json expected = json::parse(R"({
      "id": "resp_chatcmpl-1", "object": "response", "created_at": 1700000000, "status": "completed",
      "error": null, "incomplete_details": null, "instructions": null, "metadata": {}, "model": "qwen3-coder",
      "output": [
        {"type": "message", "id": "msg_chatcmpl-1_0", "status": "completed", "role": "assistant",
         "content": [{"type": "output_text", "text": "Listing them.", "annotations": []}]},
        {"type": "function_call", "id": "fc_call_1", "call_id": "call_1", "name": "shell",
         "arguments": "{\"command\":[\"ls\"]}", "status": "completed"}
      ],
      "parallel_tool_calls": true, "previous_response_id": null, "tool_choice": "auto", "tools": [],
      "usage": {"input_tokens": 20, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 7,
                "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 27}
    })");
    EXPECT_EQ(json::parse(encoded->body), expected);
    EXPECT_TRUE(encoded->warnings.empty());
}

TEST(ResponsesAnswer, MaxTokens_IsIncompleteWithItsReason_EmptyIdIsRespPathwise_NoUsageIsNull) {
    Response response;
    response.parts = {Part::of_text("Once upon")};
    response.stop_reason = StopReason::max_tokens;
    auto encoded = encode_response(Protocol::openai_responses, response);
    ASSERT_TRUE(encoded.ok());
    const json body = json::parse(encoded->body);
    EXPECT_EQ(body["id"], "resp_pathwise");
    EXPECT_EQ(body["status"], "incomplete");
    EXPECT_EQ(body["incomplete_details"], json({{"reason", "max_output_tokens"}}));
    EXPECT_EQ(body["output"][0]["id"], "msg_pathwise_0");
    EXPECT_TRUE(body["usage"].is_null());
}

TEST(ResponsesAnswer, Approximations_AreWarned) {
    Response response;
    response.id = "resp_9";
    response.parts = {Part::of_text("no")};
    response.stop_reason = StopReason::stop_sequence;
    response.stop_sequence = "END";
    auto encoded = encode_response(Protocol::openai_responses, response);
    ASSERT_TRUE(encoded.ok());
    EXPECT_EQ(json::parse(encoded->body)["id"], "resp_9");
    EXPECT_EQ(json::parse(encoded->body)["status"], "completed");
    EXPECT_TRUE(warned(encoded->warnings, "status"));
    EXPECT_TRUE(warned(encoded->warnings, "stop_sequence"));
}

// ---- streams --------------------------------------------------------------------------------------------------

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
                   std::optional<std::int64_t> output = std::nullopt) {
    StreamEvent event;
    event.kind = StreamEventKind::finish;
    event.stop_reason = reason;
    event.usage.input_tokens = input;
    event.usage.output_tokens = output;
    return event;
}

std::string encode_all(const std::vector<StreamEvent>& events) {
    auto encoder = make_stream_encoder(Protocol::openai_responses, StreamEncodeOptions{false, kCreated});
    std::string out;
    for (const auto& event : events) out += encoder->encode(event);
    return out + encoder->end();
}

// One SSE event as the Responses stream writes it.
std::string sse(const std::string& type, const std::string& data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
}

// The Response object of answer `id` by model gpt-x, as the stream's response.* events carry it.
std::string response_object(const std::string& id, const std::string& status, const std::string& output,
                            const std::string& usage) {
    return R"({"created_at":1700000000,"error":null,"id":")" + id +
           R"(","incomplete_details":null,"instructions":null,"metadata":{},"model":"gpt-x","object":"response",)"
           R"("output":)" +
           output + R"(,"parallel_tool_calls":true,"previous_response_id":null,"status":")" + status +
           R"(","tool_choice":"auto","tools":[],"usage":)" + usage + "}";
}

std::string usage_json(int input, int output) {
    return R"({"input_tokens":)" + std::to_string(input) +
           R"(,"input_tokens_details":{"cached_tokens":0},"output_tokens":)" + std::to_string(output) +
           R"(,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":)" + std::to_string(input + output) + "}";
}

std::string opening(const std::string& id) {
    const std::string in_progress = response_object(id, "in_progress", "[]", "null");
    return sse("response.created",
               R"({"response":)" + in_progress + R"(,"sequence_number":0,"type":"response.created"})") +
           sse("response.in_progress",
               R"({"response":)" + in_progress + R"(,"sequence_number":1,"type":"response.in_progress"})");
}

TEST(ResponsesStream, TextAnswer_TheDocumentedSequence) {
    const std::string item = R"({"content":[{"annotations":[],"text":"Hi there","type":"output_text"}],)"
                             R"("id":"msg_chatcmpl-1_0","role":"assistant","status":"completed","type":"message"})";
    const std::string expected =
        opening("resp_chatcmpl-1") +
        sse("response.output_item.added",
            R"({"item":{"content":[],"id":"msg_chatcmpl-1_0","role":"assistant","status":"in_progress",)"
            R"("type":"message"},"output_index":0,"sequence_number":2,"type":"response.output_item.added"})") +
        sse("response.content_part.added",
            R"({"content_index":0,"item_id":"msg_chatcmpl-1_0","output_index":0,"part":{"annotations":[],)"
            R"("text":"","type":"output_text"},"sequence_number":3,"type":"response.content_part.added"})") +
        sse("response.output_text.delta",
            R"({"content_index":0,"delta":"Hi","item_id":"msg_chatcmpl-1_0","logprobs":[],"output_index":0,)"
            R"("sequence_number":4,"type":"response.output_text.delta"})") +
        sse("response.output_text.delta",
            R"({"content_index":0,"delta":" there","item_id":"msg_chatcmpl-1_0","logprobs":[],"output_index":0,)"
            R"("sequence_number":5,"type":"response.output_text.delta"})") +
        sse("response.output_text.done",
            R"({"content_index":0,"item_id":"msg_chatcmpl-1_0","logprobs":[],"output_index":0,)"
            R"("sequence_number":6,"text":"Hi there","type":"response.output_text.done"})") +
        sse("response.content_part.done",
            R"({"content_index":0,"item_id":"msg_chatcmpl-1_0","output_index":0,"part":{"annotations":[],)"
            R"("text":"Hi there","type":"output_text"},"sequence_number":7,"type":"response.content_part.done"})") +
        sse("response.output_item.done", R"({"item":)" + item +
                                             R"(,"output_index":0,"sequence_number":8,)"
                                             R"("type":"response.output_item.done"})") +
        sse("response.completed",
            R"({"response":)" + response_object("resp_chatcmpl-1", "completed", "[" + item + "]", usage_json(5, 2)) +
                R"(,"sequence_number":9,"type":"response.completed"})");
    EXPECT_EQ(encode_all({start("chatcmpl-1", "gpt-x", 5), text("Hi"), text(" there"),
                          finish(StopReason::end_turn, std::nullopt, 2)}),
              expected);
}

TEST(ResponsesStream, ToolCall_AddedWithEmptyArguments_Deltas_Done) {
    const std::string item = R"({"arguments":"{\"command\":[\"ls\"]}","call_id":"call_a","id":"fc_call_a",)"
                             R"("name":"shell","status":"completed","type":"function_call"})";
    const std::string expected =
        opening("resp_7") +
        sse("response.output_item.added",
            R"({"item":{"arguments":"","call_id":"call_a","id":"fc_call_a","name":"shell","status":"in_progress",)"
            R"("type":"function_call"},"output_index":0,"sequence_number":2,"type":"response.output_item.added"})") +
        sse("response.function_call_arguments.delta",
            R"({"delta":"{\"command\":","item_id":"fc_call_a","output_index":0,"sequence_number":3,)"
            R"("type":"response.function_call_arguments.delta"})") +
        sse("response.function_call_arguments.delta",
            R"({"delta":"[\"ls\"]}","item_id":"fc_call_a","output_index":0,"sequence_number":4,)"
            R"("type":"response.function_call_arguments.delta"})") +
        sse("response.function_call_arguments.done",
            R"({"arguments":"{\"command\":[\"ls\"]}","item_id":"fc_call_a","output_index":0,"sequence_number":5,)"
            R"("type":"response.function_call_arguments.done"})") +
        sse("response.output_item.done", R"({"item":)" + item +
                                             R"(,"output_index":0,"sequence_number":6,)"
                                             R"("type":"response.output_item.done"})") +
        sse("response.completed", R"({"response":)" +
                                      response_object("resp_7", "completed", "[" + item + "]", usage_json(3, 4)) +
                                      R"(,"sequence_number":7,"type":"response.completed"})");
    EXPECT_EQ(encode_all({start("resp_7", "gpt-x"), call(0, "call_a", "shell"), arguments(0, R"({"command":)"),
                          arguments(0, R"(["ls"]})"), finish(StopReason::tool_use, 3, 4)}),
              expected);
}

// The data of every event, in order.
std::vector<json> events_of(const std::string& stream) {
    std::vector<json> out;
    std::size_t at = 0;
    while ((at = stream.find("data: ", at)) != std::string::npos) {
        const std::size_t end = stream.find("\n\n", at);
        out.push_back(json::parse(stream.substr(at + 6, end - at - 6)));
        at = end;
    }
    return out;
}

TEST(ResponsesStream, TextThenTwoCalls_EachItemClosesTheOpenOne_CompletedHoldsThemAll) {
    const auto events = events_of(encode_all({start("r", "gpt-x"), text("Checking."), call(0, "c0", "a"),
                                              arguments(0, "{}"), call(1, "c1", "b"), finish(StopReason::tool_use)}));
    std::vector<std::string> types;
    for (const auto& event : events) types.push_back(event["type"]);
    const std::vector<std::string> expected = {"response.created",
                                               "response.in_progress",
                                               "response.output_item.added",
                                               "response.content_part.added",
                                               "response.output_text.delta",
                                               "response.output_text.done",
                                               "response.content_part.done",
                                               "response.output_item.done",
                                               "response.output_item.added",
                                               "response.function_call_arguments.delta",
                                               "response.function_call_arguments.done",
                                               "response.output_item.done",
                                               "response.output_item.added",
                                               "response.function_call_arguments.done",
                                               "response.output_item.done",
                                               "response.completed"};
    EXPECT_EQ(types, expected);
    for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i]["sequence_number"], i);
    EXPECT_EQ(events[8]["output_index"], 1);
    EXPECT_EQ(events[12]["output_index"], 2);
    EXPECT_EQ(events[13]["arguments"], "{}");  // a call without arguments is sent with {}
    const json& output = events.back()["response"]["output"];
    ASSERT_EQ(output.size(), 3U);
    EXPECT_EQ(output[0]["id"], "msg_r_0");
    EXPECT_EQ(output[2]["call_id"], "c1");
    EXPECT_TRUE(events.back()["response"]["usage"].is_null());
}

// The stream's last response object is the non-stream answer of the same content.
TEST(ResponsesStream, CompletedResponse_EqualsTheAnswerEncoding) {
    const auto events =
        events_of(encode_all({start("chatcmpl-1", "gpt-x", 9), text("Listing them."), call(0, "call_1", "shell"),
                              arguments(0, R"({"command":["ls"]})"), finish(StopReason::tool_use, std::nullopt, 4)}));
    Response response;
    response.id = "chatcmpl-1";
    response.model = "gpt-x";
    response.created = kCreated;
    response.parts = {Part::of_text("Listing them."),
                      Part::of_tool_call(ToolCall{"call_1", "shell", R"({"command":["ls"]})"})};
    response.stop_reason = StopReason::tool_use;
    response.usage = Usage{9, 4};
    auto encoded = encode_response(Protocol::openai_responses, response);
    ASSERT_TRUE(encoded.ok());
    EXPECT_EQ(events.back()["response"], json::parse(encoded->body));
}

TEST(ResponsesStream, MaxTokens_EndsWithResponseIncomplete) {
    const auto events =
        events_of(encode_all({start("r", "gpt-x"), text("Once"), finish(StopReason::max_tokens, 1, 1)}));
    EXPECT_EQ(events.back()["type"], "response.incomplete");
    EXPECT_EQ(events.back()["response"]["status"], "incomplete");
    EXPECT_EQ(events.back()["response"]["incomplete_details"], json({{"reason", "max_output_tokens"}}));
}

TEST(ResponsesStream, NoStartEvent_ResponseCreatedComesFirstAnyway) {
    const auto events = events_of(encode_all({text("x"), finish(StopReason::end_turn)}));
    EXPECT_EQ(events.front()["type"], "response.created");
    EXPECT_EQ(events.front()["response"]["id"], "resp_pathwise");
}

TEST(ResponsesStream, ErrorMidStream_ResponseFailed_ThenNothing) {
    auto encoder = make_stream_encoder(Protocol::openai_responses, StreamEncodeOptions{false, kCreated});
    EXPECT_FALSE(encoder->encode(start("r", "gpt-x")).empty());
    EXPECT_FALSE(encoder->encode(text("Hel")).empty());
    StreamEvent failure;
    failure.kind = StreamEventKind::error;
    failure.error = Error{"overloaded_error", "Overloaded"};
    const std::string failed = encoder->encode(failure);
    const std::string expected_failed =
        R"({"response":{"created_at":1700000000,"error":{"code":"overloaded_error","message":"Overloaded"},)"
        R"("id":"resp_r","incomplete_details":null,"instructions":null,"metadata":{},"model":"gpt-x",)"
        R"("object":"response","output":[],"parallel_tool_calls":true,"previous_response_id":null,)"
        R"("status":"failed","tool_choice":"auto","tools":[],"usage":null},"sequence_number":5,)"
        R"("type":"response.failed"})";
    EXPECT_EQ(failed, sse("response.failed", expected_failed));
    EXPECT_EQ(encoder->encode(text("lo")), "");
    EXPECT_EQ(encoder->end(), "");
    EXPECT_EQ(encoder->error("x", "y"), "");
}

TEST(ResponsesStream, ErrorWithoutCode_IsServerError_ArgumentsOfAClosedCall_AreAnError) {
    auto encoder = make_stream_encoder(Protocol::openai_responses);
    const auto failed = events_of(encoder->error("", "boom"));
    ASSERT_EQ(failed.size(), 3U);  // response.created and response.in_progress come first
    EXPECT_EQ(failed.back()["response"]["error"], json({{"code", "server_error"}, {"message", "boom"}}));

    const auto events = events_of(encode_all(
        {start("r", "gpt-x"), call(0, "a", "x"), call(1, "b", "y"), arguments(0, "{}"), finish(StopReason::tool_use)}));
    EXPECT_EQ(events.back()["type"], "response.failed");
    EXPECT_EQ(events.back()["response"]["error"]["code"], "untranslatable");
}

}  // namespace
}  // namespace pathwise::translate
