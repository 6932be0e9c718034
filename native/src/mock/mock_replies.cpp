#include "mock/mock_replies.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <string_view>

#include "http/json_text.hpp"
#include "mock/mock_tool_call.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/translate/token_estimate.hpp"

namespace pathwise::mock {

namespace {

using nlohmann::json;

std::string sse_data(const json& payload) {
    return "data: " + http::json_text(payload) + "\n\n";
}
std::string sse_event(const std::string& name, const json& payload) {
    return "event: " + name + "\ndata: " + http::json_text(payload) + "\n\n";
}

std::string join(const std::vector<std::string>& tokens) {
    std::string text;
    for (const std::string& token : tokens) text += token;
    return text;
}

std::string lower(std::string text) {
    for (char& c : text) c = ascii::to_lower(c);
    return text;
}

std::string id(const char* prefix, const MockAsk& ask) {
    return prefix + std::to_string(ask.sequence);
}

int prompt_tokens(const MockAsk& ask) {
    return estimate_tokens(ask.body);
}

// ---- OpenAI ---------------------------------------------------------------------------------------------

json openai_usage(int prompt, int completion) {
    return {{"prompt_tokens", prompt}, {"completion_tokens", completion}, {"total_tokens", prompt + completion}};
}

// stream_options.include_usage: a last chunk with empty choices carries the usage (OpenAI API reference).
bool wants_stream_usage(const MockAsk& ask) {
    return ask.body.is_object() && ask.body.contains("stream_options") && ask.body["stream_options"].is_object() &&
           ask.body["stream_options"].value("include_usage", false);
}

// The arguments as the wire carries them (a JSON text), and the halves a stream sends them in.
std::string arguments_text(const MockToolCall& call) {
    return http::json_text(call.arguments);
}
std::vector<std::string> argument_pieces(const std::string& arguments) {
    const std::size_t half = arguments.size() / 2;
    return {arguments.substr(0, half), arguments.substr(half)};
}
int call_tokens(const std::string& arguments) {
    return static_cast<int>(arguments.size() / 4 + 1);
}

// An assistant message calling the tool, as OpenAI answers a tool call: content null, finish_reason
// "tool_calls"; streamed, the arguments arrive in two pieces.
MockReply openai_tool_call(const MockAsk& ask, const MockToolCall& call) {
    MockReply reply;
    const std::string completion_id = id("chatcmpl-pathwise-mock-", ask);
    const std::string call_id = id("call_pathwise_mock_", ask);
    const std::string& name = call.name;
    const std::string arguments = arguments_text(call);
    const int prompt = prompt_tokens(ask);
    const int completion = call_tokens(arguments);
    auto answer = [&](json choice) {
        return json{
            {"id", completion_id},           {"object", ask.stream ? "chat.completion.chunk" : "chat.completion"},
            {"created", ask.now_unix},       {"model", ask.model},
            {"system_fingerprint", nullptr}, {"choices", json::array({std::move(choice)})}};
    };
    if (!ask.stream) {
        json tool_call = {
            {"id", call_id}, {"type", "function"}, {"function", {{"name", name}, {"arguments", arguments}}}};
        json body = answer({{"index", 0},
                            {"message",
                             {{"role", "assistant"},
                              {"content", nullptr},
                              {"refusal", nullptr},
                              {"tool_calls", json::array({std::move(tool_call)})}}},
                            {"logprobs", nullptr},
                            {"finish_reason", "tool_calls"}});
        body["usage"] = openai_usage(prompt, completion);
        reply.body = http::json_text(body);
        return reply;
    }
    reply.content_type = "text/event-stream";
    auto delta = [&](json content, json finish_reason) {
        return sse_data(answer(
            {{"index", 0}, {"delta", std::move(content)}, {"logprobs", nullptr}, {"finish_reason", finish_reason}}));
    };
    json opening = {
        {"index", 0}, {"id", call_id}, {"type", "function"}, {"function", {{"name", name}, {"arguments", ""}}}};
    reply.chunks.push_back(delta(
        {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", json::array({std::move(opening)})}}, nullptr));
    for (const std::string& piece : argument_pieces(arguments)) {
        json more = {{"index", 0}, {"function", {{"arguments", piece}}}};
        reply.chunks.push_back(delta({{"tool_calls", json::array({std::move(more)})}}, nullptr));
    }
    reply.chunks.push_back(delta(json::object(), "tool_calls"));
    if (wants_stream_usage(ask)) {
        json usage_chunk = answer(json::object());
        usage_chunk["choices"] = json::array();
        usage_chunk["usage"] = openai_usage(prompt, completion);
        reply.chunks.push_back(sse_data(usage_chunk));
    }
    reply.chunks.emplace_back("data: [DONE]\n\n");
    return reply;
}

MockReply openai_chat(const MockAsk& ask, const std::vector<std::string>& tokens) {
    if (const auto call = requested_tool_call(openai_chat_turn(ask.body))) return openai_tool_call(ask, *call);
    MockReply reply;
    const std::string completion_id = id("chatcmpl-pathwise-mock-", ask);
    const int prompt = prompt_tokens(ask);
    const int completion = static_cast<int>(tokens.size());
    if (!ask.stream) {
        reply.body = http::json_text(
            json{{"id", completion_id},
                 {"object", "chat.completion"},
                 {"created", ask.now_unix},
                 {"model", ask.model},
                 {"system_fingerprint", nullptr},
                 {"choices",
                  json::array({{{"index", 0},
                                {"message", {{"role", "assistant"}, {"content", join(tokens)}, {"refusal", nullptr}}},
                                {"logprobs", nullptr},
                                {"finish_reason", "stop"}}})},
                 {"usage", openai_usage(prompt, completion)}});
        return reply;
    }
    reply.content_type = "text/event-stream";
    auto chunk = [&](json delta, json finish_reason) {
        return json{{"id", completion_id},
                    {"object", "chat.completion.chunk"},
                    {"created", ask.now_unix},
                    {"model", ask.model},
                    {"system_fingerprint", nullptr},
                    {"choices", json::array({{{"index", 0},
                                              {"delta", std::move(delta)},
                                              {"logprobs", nullptr},
                                              {"finish_reason", std::move(finish_reason)}}})}};
    };
    reply.chunks.push_back(sse_data(chunk({{"role", "assistant"}, {"content", ""}}, nullptr)));
    for (const std::string& token : tokens) reply.chunks.push_back(sse_data(chunk({{"content", token}}, nullptr)));
    reply.chunks.push_back(sse_data(chunk(json::object(), "stop")));
    if (wants_stream_usage(ask)) {
        json usage_chunk = chunk(json::object(), nullptr);
        usage_chunk["choices"] = json::array();
        usage_chunk["usage"] = openai_usage(prompt, completion);
        reply.chunks.push_back(sse_data(usage_chunk));
    }
    reply.chunks.emplace_back("data: [DONE]\n\n");
    return reply;
}

json responses_object(const MockAsk& ask, const std::string& response_id, const std::string& status, json output,
                      json usage) {
    return {
        {"id", response_id},
        {"object", "response"},
        {"created_at", ask.now_unix},
        {"status", status},
        {"error", nullptr},
        {"incomplete_details", nullptr},
        {"instructions", ask.body.is_object() && ask.body.contains("instructions") ? ask.body["instructions"] : json()},
        {"max_output_tokens", nullptr},
        {"model", ask.model},
        {"output", std::move(output)},
        {"parallel_tool_calls", true},
        {"previous_response_id", nullptr},
        {"reasoning", {{"effort", nullptr}, {"summary", nullptr}}},
        {"store", false},
        {"temperature", 1.0},
        {"text", {{"format", {{"type", "text"}}}}},
        {"tool_choice", "auto"},
        {"tools", json::array()},
        {"top_p", 1.0},
        {"truncation", "disabled"},
        {"usage", std::move(usage)},
        {"user", nullptr},
        {"metadata", json::object()}};
}

json responses_usage(int prompt, int completion) {
    return {{"input_tokens", prompt},
            {"input_tokens_details", {{"cached_tokens", 0}}},
            {"output_tokens", completion},
            {"output_tokens_details", {{"reasoning_tokens", 0}}},
            {"total_tokens", prompt + completion}};
}

// A function_call output item, as the Responses API answers a tool call; streamed, the arguments arrive in two
// response.function_call_arguments.delta events between the item's added and done events.
MockReply openai_responses_tool_call(const MockAsk& ask, const MockToolCall& call) {
    MockReply reply;
    const std::string response_id = id("resp_pathwise_mock_", ask);
    const std::string item_id = id("fc_pathwise_mock_", ask);
    const std::string arguments = arguments_text(call);
    const json usage = responses_usage(prompt_tokens(ask), call_tokens(arguments));
    auto item = [&](const char* status, const std::string& item_arguments) {
        return json{{"id", item_id},     {"type", "function_call"},
                    {"status", status},  {"call_id", id("call_pathwise_mock_", ask)},
                    {"name", call.name}, {"arguments", item_arguments}};
    };
    const json done_item = item("completed", arguments);
    if (!ask.stream) {
        reply.body = http::json_text(responses_object(ask, response_id, "completed", json::array({done_item}), usage));
        return reply;
    }
    reply.content_type = "text/event-stream";
    int sequence = 0;
    auto event = [&](const std::string& type, json fields) {
        fields["type"] = type;
        fields["sequence_number"] = sequence++;
        reply.chunks.push_back(sse_event(type, fields));
    };
    const json in_progress = responses_object(ask, response_id, "in_progress", json::array(), nullptr);
    event("response.created", {{"response", in_progress}});
    event("response.in_progress", {{"response", in_progress}});
    event("response.output_item.added", {{"output_index", 0}, {"item", item("in_progress", "")}});
    for (const std::string& piece : argument_pieces(arguments)) {
        event("response.function_call_arguments.delta", {{"item_id", item_id}, {"output_index", 0}, {"delta", piece}});
    }
    event("response.function_call_arguments.done",
          {{"item_id", item_id}, {"output_index", 0}, {"arguments", arguments}});
    event("response.output_item.done", {{"output_index", 0}, {"item", done_item}});
    event("response.completed",
          {{"response", responses_object(ask, response_id, "completed", json::array({done_item}), usage)}});
    return reply;
}

MockReply openai_responses(const MockAsk& ask, const std::vector<std::string>& tokens) {
    if (const auto call = requested_tool_call(openai_responses_turn(ask.body))) {
        return openai_responses_tool_call(ask, *call);
    }
    MockReply reply;
    const std::string response_id = id("resp_pathwise_mock_", ask);
    const std::string item_id = id("msg_pathwise_mock_", ask);
    const std::string text = join(tokens);
    const int prompt = prompt_tokens(ask);
    const int completion = static_cast<int>(tokens.size());
    const json usage = responses_usage(prompt, completion);
    const json done_part = {{"type", "output_text"}, {"text", text}, {"annotations", json::array()}};
    const json done_item = {{"id", item_id},
                            {"type", "message"},
                            {"status", "completed"},
                            {"role", "assistant"},
                            {"content", json::array({done_part})}};
    if (!ask.stream) {
        json object = responses_object(ask, response_id, "completed", json::array({done_item}), usage);
        object["output_text"] = text;  // convenience field the SDKs compute; harmless when present
        reply.body = http::json_text(object);
        return reply;
    }
    reply.content_type = "text/event-stream";
    int sequence = 0;
    auto event = [&](const std::string& type, json fields) {
        fields["type"] = type;
        fields["sequence_number"] = sequence++;
        reply.chunks.push_back(sse_event(type, fields));
    };
    const json in_progress = responses_object(ask, response_id, "in_progress", json::array(), nullptr);
    event("response.created", {{"response", in_progress}});
    event("response.in_progress", {{"response", in_progress}});
    event("response.output_item.added", {{"output_index", 0},
                                         {"item",
                                          {{"id", item_id},
                                           {"type", "message"},
                                           {"status", "in_progress"},
                                           {"role", "assistant"},
                                           {"content", json::array()}}}});
    event("response.content_part.added",
          {{"item_id", item_id},
           {"output_index", 0},
           {"content_index", 0},
           {"part", {{"type", "output_text"}, {"text", ""}, {"annotations", json::array()}}}});
    for (const std::string& token : tokens) {
        event("response.output_text.delta", {{"item_id", item_id},
                                             {"output_index", 0},
                                             {"content_index", 0},
                                             {"delta", token},
                                             {"logprobs", json::array()}});
    }
    event(
        "response.output_text.done",
        {{"item_id", item_id}, {"output_index", 0}, {"content_index", 0}, {"text", text}, {"logprobs", json::array()}});
    event("response.content_part.done",
          {{"item_id", item_id}, {"output_index", 0}, {"content_index", 0}, {"part", done_part}});
    event("response.output_item.done", {{"output_index", 0}, {"item", done_item}});
    event("response.completed",
          {{"response", responses_object(ask, response_id, "completed", json::array({done_item}), usage)}});
    return reply;
}

MockReply openai_models(const MockAsk& ask) {
    json data = json::array();
    for (const char* model : {"gpt-4o-mini", "gpt-4.1", "gpt-5", "pathwise-mock"}) {
        data.push_back({{"id", model}, {"object", "model"}, {"created", ask.now_unix}, {"owned_by", "pathwise-mock"}});
    }
    MockReply reply;
    reply.body = http::json_text(json{{"object", "list"}, {"data", data}});
    return reply;
}

// ---- Anthropic ------------------------------------------------------------------------------------------

json anthropic_message(const MockAsk& ask, json content, json stop_reason, int prompt, int output) {
    return {{"id", id("msg_pathwise_mock_", ask)},
            {"type", "message"},
            {"role", "assistant"},
            {"model", ask.model},
            {"content", std::move(content)},
            {"stop_reason", std::move(stop_reason)},
            {"stop_sequence", nullptr},
            {"usage", {{"input_tokens", prompt}, {"output_tokens", output}}}};
}

// A tool_use block and stop_reason "tool_use", as Anthropic answers a tool call; streamed, the block starts with
// an empty input and the input's JSON text arrives in two input_json_delta events.
MockReply anthropic_tool_use(const MockAsk& ask, const MockToolCall& call) {
    MockReply reply;
    const std::string tool_use_id = id("toolu_pathwise_mock_", ask);
    const std::string arguments = arguments_text(call);
    const int prompt = prompt_tokens(ask);
    const int completion = call_tokens(arguments);
    auto block = [&](json input) {
        return json{{"type", "tool_use"}, {"id", tool_use_id}, {"name", call.name}, {"input", std::move(input)}};
    };
    if (!ask.stream) {
        reply.body = http::json_text(
            anthropic_message(ask, json::array({block(call.arguments)}), "tool_use", prompt, completion));
        return reply;
    }
    reply.content_type = "text/event-stream";
    reply.chunks.push_back(
        sse_event("message_start",
                  {{"type", "message_start"}, {"message", anthropic_message(ask, json::array(), nullptr, prompt, 1)}}));
    reply.chunks.push_back(
        sse_event("content_block_start",
                  {{"type", "content_block_start"}, {"index", 0}, {"content_block", block(json::object())}}));
    for (const std::string& piece : argument_pieces(arguments)) {
        reply.chunks.push_back(
            sse_event("content_block_delta", {{"type", "content_block_delta"},
                                              {"index", 0},
                                              {"delta", {{"type", "input_json_delta"}, {"partial_json", piece}}}}));
    }
    reply.chunks.push_back(sse_event("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}));
    reply.chunks.push_back(
        sse_event("message_delta", {{"type", "message_delta"},
                                    {"delta", {{"stop_reason", "tool_use"}, {"stop_sequence", nullptr}}},
                                    {"usage", {{"output_tokens", completion}}}}));
    reply.chunks.push_back(sse_event("message_stop", {{"type", "message_stop"}}));
    return reply;
}

MockReply anthropic_messages(const MockAsk& ask, const std::vector<std::string>& tokens) {
    if (const auto call = requested_tool_call(anthropic_turn(ask.body))) return anthropic_tool_use(ask, *call);
    MockReply reply;
    const int prompt = prompt_tokens(ask);
    const int completion = static_cast<int>(tokens.size());
    if (!ask.stream) {
        reply.body = http::json_text(anthropic_message(ask, json::array({{{"type", "text"}, {"text", join(tokens)}}}),
                                                       "end_turn", prompt, completion));
        return reply;
    }
    reply.content_type = "text/event-stream";
    reply.chunks.push_back(
        sse_event("message_start",
                  {{"type", "message_start"}, {"message", anthropic_message(ask, json::array(), nullptr, prompt, 1)}}));
    reply.chunks.push_back(sse_event(
        "content_block_start",
        {{"type", "content_block_start"}, {"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}}));
    reply.chunks.push_back(sse_event("ping", {{"type", "ping"}}));
    for (const std::string& token : tokens) {
        reply.chunks.push_back(sse_event(
            "content_block_delta",
            {{"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", token}}}}));
    }
    reply.chunks.push_back(sse_event("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}));
    reply.chunks.push_back(
        sse_event("message_delta", {{"type", "message_delta"},
                                    {"delta", {{"stop_reason", "end_turn"}, {"stop_sequence", nullptr}}},
                                    {"usage", {{"output_tokens", completion}}}}));
    reply.chunks.push_back(sse_event("message_stop", {{"type", "message_stop"}}));
    return reply;
}

MockReply anthropic_models() {
    json data = json::array();
    for (const char* model : {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"}) {
        data.push_back(
            {{"type", "model"}, {"id", model}, {"display_name", model}, {"created_at", "2025-01-01T00:00:00Z"}});
    }
    MockReply reply;
    reply.body = http::json_text(
        json{{"data", data}, {"has_more", false}, {"first_id", data.front()["id"]}, {"last_id", data.back()["id"]}});
    return reply;
}

// ---- Gemini ---------------------------------------------------------------------------------------------

json gemini_model(const std::string& name) {
    return {{"name", "models/" + name},
            {"version", "001"},
            {"displayName", name + " (Pathwise mock)"},
            {"description", "Pathwise's mock upstream: answers without calling a real model"},
            {"inputTokenLimit", 1048576},
            {"outputTokenLimit", 65536},
            {"supportedGenerationMethods", json::array({"generateContent", "countTokens"})}};
}

json gemini_chunk(const MockAsk& ask, json part, bool last, int prompt, int completion) {
    json candidate = {{"content", {{"parts", json::array({std::move(part)})}, {"role", "model"}}}, {"index", 0}};
    if (last) candidate["finishReason"] = "STOP";
    json chunk = {{"candidates", json::array({candidate})},
                  {"modelVersion", ask.model},
                  {"responseId", id("pathwise-mock-", ask)}};
    chunk["usageMetadata"] = {{"promptTokenCount", prompt}};
    if (last) {
        chunk["usageMetadata"]["candidatesTokenCount"] = completion;
        chunk["usageMetadata"]["totalTokenCount"] = prompt + completion;
    }
    return chunk;
}

// JSON mode: generationConfig.responseMimeType "application/json" wants the text to be JSON (of the schema).
bool gemini_wants_json(const MockAsk& ask, json& schema) {
    if (!ask.body.is_object() || !ask.body.contains("generationConfig")) return false;
    const json& config = ask.body["generationConfig"];
    if (!config.is_object() || config.value("responseMimeType", "") != "application/json") return false;
    if (config.contains("responseJsonSchema"))
        schema = config["responseJsonSchema"];
    else if (config.contains("responseSchema"))
        schema = config["responseSchema"];
    return true;
}

// The streamed forms of Gemini's answer: SSE events (alt=sse) or, without alt=sse, one JSON array sent element
// by element.
MockReply gemini_stream(const MockAsk& ask, const std::vector<json>& chunks) {
    MockReply reply;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        if (ask.stream) {
            reply.chunks.push_back(sse_data(chunks[i]));
        } else {
            reply.chunks.push_back((i == 0 ? "[" : ",\r\n") + http::json_text(chunks[i]));
        }
    }
    if (ask.stream) {
        reply.content_type = "text/event-stream";
    } else {
        reply.content_type = "application/json; charset=UTF-8";  // as Google sends it
        reply.chunks.emplace_back("]");
    }
    return reply;
}

// A functionCall part and finishReason "STOP", as Gemini answers a tool call; streamed, in one chunk (Gemini
// sends a call whole, never its arguments in pieces).
MockReply gemini_function_call(const MockAsk& ask, const MockToolCall& call) {
    const json part = {{"functionCall", {{"name", call.name}, {"args", call.arguments}}}};
    const json chunk = gemini_chunk(ask, part, true, prompt_tokens(ask), call_tokens(arguments_text(call)));
    if (ask.stream || ask.gemini_json_array) return gemini_stream(ask, {chunk});
    MockReply reply;
    reply.body = http::json_text(chunk);
    return reply;
}

MockReply gemini_generate(const MockAsk& ask, std::vector<std::string> tokens) {
    if (const auto call = requested_tool_call(gemini_turn(ask.body))) return gemini_function_call(ask, *call);
    MockReply reply;
    json schema;
    if (gemini_wants_json(ask, schema)) tokens = {http::json_text(sample_for_schema(schema, join(tokens)))};
    const int prompt = prompt_tokens(ask);
    const int completion = static_cast<int>(tokens.size());
    if (!ask.stream && !ask.gemini_json_array) {
        reply.body = http::json_text(gemini_chunk(ask, {{"text", join(tokens)}}, true, prompt, completion));
        return reply;
    }
    std::vector<json> chunks;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        chunks.push_back(gemini_chunk(ask, {{"text", tokens[i]}}, i + 1 == tokens.size(), prompt, completion));
    return gemini_stream(ask, chunks);
}

MockReply gemini_models() {
    json models = json::array();
    for (const char* model : {"gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite"})
        models.push_back(gemini_model(model));
    MockReply reply;
    reply.body = http::json_text(json{{"models", models}});
    return reply;
}

}  // namespace

std::vector<std::string> answer_tokens(const std::string& model, const std::string& protocol, int tokens) {
    const std::string sentence = "Hello from Pathwise's mock upstream, answering as " +
                                 (model.empty() ? "(no model)" : model) + ": no real model was called. Set upstreams." +
                                 protocol + ".base_url to reach a real provider.";
    std::vector<std::string> words;
    std::istringstream stream(sentence);
    std::string word;
    // Like real tokens: a word with its leading space, so the deltas concatenate to exactly the full text.
    while (stream >> word) words.push_back(words.empty() ? word : " " + word);
    if (tokens <= 0) return words;
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(tokens));
    for (int i = 0; i < tokens; ++i) {
        const std::string& next = words[static_cast<std::size_t>(i) % words.size()];
        out.push_back(i > 0 && next.front() != ' ' ? " " + next : next);
    }
    return out;
}

int estimate_tokens(const nlohmann::json& body) {
    return static_cast<int>(translate::estimate_tokens(http::json_text(body)));
}

nlohmann::json sample_for_schema(const nlohmann::json& schema, const std::string& text, std::size_t depth) {
    // A schema nested deeper than any real one gets a plain string there: the recursion stays bounded.
    constexpr std::size_t kMaxSchemaDepth = 32;
    if (depth > kMaxSchemaDepth) return text;
    if (!schema.is_object()) return {{"answer", text}};
    if (schema.contains("enum") && schema["enum"].is_array() && !schema["enum"].empty()) return schema["enum"][0];
    if (schema.contains("anyOf") && schema["anyOf"].is_array() && !schema["anyOf"].empty()) {
        return sample_for_schema(schema["anyOf"][0], text, depth + 1);
    }
    std::string type;
    if (schema.contains("type")) {
        const json& declared = schema["type"];
        if (declared.is_string())
            type = lower(declared.get<std::string>());
        else if (declared.is_array() && !declared.empty() && declared[0].is_string())
            type = lower(declared[0].get<std::string>());
    } else if (schema.contains("properties")) {
        type = "object";
    }
    if (type == "object") {
        json object = json::object();
        if (schema.contains("properties") && schema["properties"].is_object()) {
            for (const auto& [name, property] : schema["properties"].items())
                object[name] = sample_for_schema(property, text, depth + 1);
        }
        return object;
    }
    if (type == "array") return json::array();
    if (type == "integer" || type == "number") return 0;
    if (type == "boolean") return false;
    if (type == "null") return nullptr;
    return text;
}

namespace {

MockReply json_reply(const json& body) {
    MockReply reply;
    reply.body = http::json_text(body);
    return reply;
}

// One reply per forwarded route, keyed by the route table's id; tests/native/route_facts_test.cpp checks that
// every non-service route has one.
struct RouteReply {
    std::string_view route_id;
    MockReply (*reply)(const MockAsk& ask);
};
constexpr std::array kRouteReplies = {
    RouteReply{"openai.models",
               [](const MockAsk& ask) { return ask.anthropic_headers ? anthropic_models() : openai_models(ask); }},
    RouteReply{"openai.chat_completions",
               [](const MockAsk& ask) { return openai_chat(ask, answer_tokens(ask.model, "openai", ask.tokens)); }},
    RouteReply{
        "openai.responses",
        [](const MockAsk& ask) { return openai_responses(ask, answer_tokens(ask.model, "openai", ask.tokens)); }},
    RouteReply{
        "anthropic.messages",
        [](const MockAsk& ask) { return anthropic_messages(ask, answer_tokens(ask.model, "anthropic", ask.tokens)); }},
    RouteReply{"anthropic.count_tokens",
               [](const MockAsk& ask) {
                   return json_reply(json{{"input_tokens", estimate_tokens(ask.body)}});
               }},
    RouteReply{"gemini.models", [](const MockAsk&) { return gemini_models(); }},
    RouteReply{"gemini.model", [](const MockAsk& ask) { return json_reply(gemini_model(ask.model)); }},
    RouteReply{"gemini.generate_content",
               [](const MockAsk& ask) { return gemini_generate(ask, answer_tokens(ask.model, "gemini", ask.tokens)); }},
    RouteReply{"gemini.stream_generate_content",
               [](const MockAsk& ask) { return gemini_generate(ask, answer_tokens(ask.model, "gemini", ask.tokens)); }},
    RouteReply{"gemini.count_tokens",
               [](const MockAsk& ask) {
                   return json_reply(json{{"totalTokens", estimate_tokens(ask.body)}});
               }},
};

}  // namespace

bool has_mock_reply(std::string_view route_id) {
    return std::any_of(kRouteReplies.begin(), kRouteReplies.end(),
                       [&](const RouteReply& entry) { return entry.route_id == route_id; });
}

MockReply mock_reply(const MockAsk& ask) {
    for (const RouteReply& entry : kRouteReplies) {
        if (entry.route_id == ask.route_id) return entry.reply(ask);
    }
    MockReply reply = json_reply(json{
        {"error",
         {{"message", "Pathwise's mock upstream has no answer for route " + ask.route_id}, {"type", "not_found"}}}});
    reply.status = 404;
    return reply;
}

}  // namespace pathwise::mock
