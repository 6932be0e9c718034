// openai_responses_upstream.cpp — the IR → a Responses upstream's request (POST /v1/responses), and its answer (the
// Response object) → the IR. The client side of Responses is in openai_responses.cpp.
//
// Shapes: platform.openai.com/docs/api-reference/responses/create and the Response object, as codex-rs sends
// them to api.openai.com (input items `message` with input_text / output_text parts, `function_call`,
// `function_call_output`; function tools with `strict: false`; `store: false`).
#include <algorithm>
#include <optional>
#include <string>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

Json input_image(const ImagePart& image) {
    const std::string url = image.url.empty() ? "data:" + image.media_type + ";base64," + image.data : image.url;
    // openai-python types `detail` as required on input_image; "auto" is the API's default.
    return {{"type", "input_image"}, {"image_url", url}, {"detail", "auto"}};
}

Json message_item(std::string_view role, Json content) {
    return {{"type", "message"}, {"role", role}, {"content", std::move(content)}};
}

// A tool result's output: its text when it is only text, else input_text / input_image parts.
Json function_call_output(const ToolResult& result) {
    Json output = joined_text(result.text);
    if (!result.images.empty()) {
        output = Json::array();
        for (const auto& text : result.text) output.push_back({{"type", "input_text"}, {"text", text.text}});
        for (const auto& image : result.images) output.push_back(input_image(image));
    }
    return {{"type", "function_call_output"}, {"call_id", result.tool_call_id}, {"output", std::move(output)}};
}

Json function_call(const ToolCall& call) {
    return {{"type", "function_call"},
            {"call_id", call.id},
            {"name", call.name},
            {"arguments", call.arguments_json.empty() ? std::string("{}") : call.arguments_json}};
}

// A user turn, in order: its text and images as one message item per run, each tool result as a
// function_call_output item (which must follow its call, so the order of the parts is kept).
Result<bool> add_user_turn(const Turn& turn, const std::string& turn_path, WarningList& warnings, Json& input) {
    Json content = Json::array();
    auto flush = [&] {
        if (content.empty()) return;
        input.push_back(message_item("user", std::move(content)));
        content = Json::array();
    };
    for (const auto& part : turn.parts) {
        if (part.kind == PartKind::text) {
            content.push_back({{"type", "input_text"}, {"text", part.text.text}});
        } else if (part.kind == PartKind::image) {
            content.push_back(input_image(part.image));
        } else if (part.kind == PartKind::tool_result) {
            flush();
            if (part.tool_result.is_error) {
                warnings.add(turn_path, "Responses has no error flag on tool results: dropped");
            }
            input.push_back(function_call_output(part.tool_result));
        } else {
            return untranslatable(turn_path, "a user turn cannot hold a tool call");
        }
    }
    flush();
    return true;
}

// An assistant turn: its text as output_text parts of one message item per run (OpenAI refuses input_text in an
// assistant message), each call a function_call item.
void add_assistant_turn(const Turn& turn, const std::string& turn_path, WarningList& warnings, Json& input) {
    Json content = Json::array();
    auto flush = [&] {
        if (content.empty()) return;
        input.push_back(message_item("assistant", std::move(content)));
        content = Json::array();
    };
    for (const auto& part : turn.parts) {
        if (part.kind == PartKind::text) {
            content.push_back({{"type", "output_text"}, {"text", part.text.text}});
        } else if (part.kind == PartKind::tool_call) {
            flush();
            input.push_back(function_call(part.tool_call));
        } else {
            warnings.add(turn_path, "Responses assistant messages cannot hold images or tool results: dropped");
        }
    }
    flush();
}

Result<Json> tools_of(const Request& request) {
    Json tools = Json::array();
    for (std::size_t i = 0; i < request.tools.size(); ++i) {
        auto tool = tool_declaration(request.tools[i], i, "parameters",
                                     Json{{"type", "object"}, {"properties", Json::object()}});
        if (!tool) return tool.error();
        tool.value()["type"] = "function";
        // Responses makes function tools strict unless told otherwise, and strict mode refuses the schemas
        // clients send (optional properties, no additionalProperties: false); codex-rs sends false too.
        tool.value()["strict"] = false;
        tools.push_back(std::move(tool.value()));
    }
    return tools;
}

Json tool_choice_of(const ToolChoice& choice) {
    switch (choice.mode) {
        case ToolChoiceMode::unset:
            return nullptr;
        case ToolChoiceMode::automatic:
            return "auto";
        case ToolChoiceMode::none:
            return "none";
        case ToolChoiceMode::required:
            return "required";
        case ToolChoiceMode::named:
            return {{"type", "function"}, {"name", choice.name}};
    }
    return nullptr;
}

// Sampling, tools and the stream flag; fails on what Responses cannot say.
Result<bool> add_settings(const Request& request, WarningList& warnings, Json& body) {
    const Sampling& sampling = request.sampling;
    // Responses has no stop sequences (platform.openai.com, responses/create): dropping them would let the
    // model write past where the client asked it to stop.
    if (!sampling.stop_sequences.empty()) {
        return untranslatable("stop_sequences", "the Responses API has no stop sequences");
    }
    if (sampling.max_tokens) body["max_output_tokens"] = *sampling.max_tokens;
    if (sampling.temperature) body["temperature"] = *sampling.temperature;
    if (sampling.top_p) body["top_p"] = *sampling.top_p;
    if (sampling.top_k) warnings.add("top_k", "the Responses API has no top_k: dropped");
    if (request.stream) body["stream"] = true;
    if (!request.tools.empty()) {
        auto tools = tools_of(request);
        if (!tools) return tools.error();
        body["tools"] = std::move(tools.value());
    }
    if (Json choice = tool_choice_of(request.tool_choice); !choice.is_null()) body["tool_choice"] = std::move(choice);
    if (request.parallel_tool_calls) body["parallel_tool_calls"] = *request.parallel_tool_calls;
    return true;
}

// ---- answers ----------------------------------------------------------------------------------------------

void read_message_item(JsonReader& in, WarningList& warnings, const Json& item, const std::string& path,
                       std::vector<Part>& out) {
    const Json* content = in.array(item, "content", path);
    if (content == nullptr) return;
    const std::string content_path = field_path(path, "content");
    for (std::size_t i = 0; i < content->size() && !in.failed(); ++i) {
        const Json& part = (*content)[i];
        const std::string part_path = index_path(content_path, i);
        if (!in.expect_object(part, part_path)) return;
        const std::string type = in.required_string(part, "type", part_path);
        if (type == "output_text") {
            out.push_back(Part::of_text(in.required_string(part, "text", part_path)));
        } else if (type == "refusal") {
            out.push_back(Part::of_text(in.required_string(part, "refusal", part_path)));
            warnings.add(part_path, "a refusal is carried as plain text");
        } else if (!in.failed()) {
            warnings.add(part_path, "a '" + type + "' part cannot be translated: dropped");
        }
    }
}

void read_function_call_item(JsonReader& in, const Json& item, const std::string& path, std::vector<Part>& out) {
    ToolCall call;
    call.id = in.required_string(item, "call_id", path);
    call.name = in.required_string(item, "name", path);
    call.arguments_json = in.string(item, "arguments", path).value_or("");
    if (!in.failed()) out.push_back(Part::of_tool_call(std::move(call)));
}

void read_output(JsonReader& in, WarningList& warnings, const Json& output, std::vector<Part>& out) {
    for (std::size_t i = 0; i < output.size() && !in.failed(); ++i) {
        const Json& item = output[i];
        const std::string path = index_path("output", i);
        if (!in.expect_object(item, path)) return;
        const std::string type = in.required_string(item, "type", path);
        if (type == "message") {
            read_message_item(in, warnings, item, path, out);
        } else if (type == "function_call") {
            read_function_call_item(in, item, path, out);
        } else if (type == "reasoning") {
            warnings.add(path, "a reasoning item is OpenAI's own: dropped");
        } else if (!in.failed()) {
            // web_search_call, file_search_call, …: the work of a tool OpenAI ran itself.
            warnings.add(path, "an output item of type '" + type + "' cannot be translated: dropped");
        }
    }
}

// A Response whose status says it holds no answer (failed, cancelled, still queued or in progress).
std::optional<Error> unanswered(JsonReader& in, const Json& body) {
    const std::string status = in.string(body, "status", "").value_or("completed");
    if (in.failed() || status == "completed" || status == "incomplete") return std::nullopt;
    std::string why = "the response's status is '" + status + "'";
    if (const Json* error = in.object(body, "error", ""); error != nullptr && !in.failed()) {
        if (auto message = in.string(*error, "message", "error"); message && !message->empty()) why += ": " + *message;
    }
    return Error{"bad_value", "status: " + why};
}

}  // namespace

Usage read_openai_responses_usage(JsonReader& in, const Json& usage, std::string_view path) {
    return Usage{in.integer(usage, "input_tokens", path), in.integer(usage, "output_tokens", path)};
}

StopReason read_openai_responses_stop(JsonReader& in, WarningList& warnings, const Json& response,
                                      std::string_view path, bool has_function_call) {
    const std::string status = in.string(response, "status", path).value_or("completed");
    std::string reason;
    if (const Json* details = in.object(response, "incomplete_details", path)) {
        reason = in.string(*details, "reason", field_path(path, "incomplete_details")).value_or("");
    }
    const StopReason stop = from_openai_responses_status(status, reason, has_function_call);
    if (stop == StopReason::unknown && !in.failed()) {
        warnings.add(
            field_path(path, "status"),
            "unknown status '" + status + "'" + (reason.empty() ? "" : " with incomplete reason '" + reason + "'"));
    }
    return stop;
}

Result<Encoded> encode_openai_responses_request(const Request& request) {
    WarningList warnings;
    Json body = Json::object();
    body["model"] = request.model;
    if (!request.system.empty()) {
        std::string instructions;
        for (const auto& block : request.system) {
            if (!instructions.empty()) instructions += "\n\n";
            instructions += block;
        }
        body["instructions"] = std::move(instructions);
    }
    Json input = Json::array();
    for (std::size_t t = 0; t < request.turns.size(); ++t) {
        const Turn& turn = request.turns[t];
        const std::string turn_path = index_path("turns", t);
        if (turn.role == Role::user) {
            if (auto added = add_user_turn(turn, turn_path, warnings, input); !added) return added.error();
        } else {
            add_assistant_turn(turn, turn_path, warnings, input);
        }
    }
    body["input"] = std::move(input);
    if (auto added = add_settings(request, warnings, body); !added) return added.error();
    // The whole conversation goes in every request, so OpenAI need not keep it (as codex-rs asks).
    body["store"] = false;
    return Encoded{dump_json(body), warnings.take()};
}

Result<DecodedResponse> decode_openai_responses_response(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    if (auto error = unanswered(in, body)) return *error;
    Response response;
    response.id = in.string(body, "id", "").value_or("");
    response.model = in.string(body, "model", "").value_or("");
    response.created = in.integer(body, "created_at", "").value_or(0);
    const Json* output = in.required_array(body, "output", "");
    if (in.failed()) return in.error();
    read_output(in, warnings, *output, response.parts);
    const bool has_call = std::any_of(response.parts.begin(), response.parts.end(),
                                      [](const Part& part) { return part.kind == PartKind::tool_call; });
    response.stop_reason = read_openai_responses_stop(in, warnings, body, "", has_call);
    if (const Json* usage = in.object(body, "usage", "")) {
        response.usage = read_openai_responses_usage(in, *usage, "usage");
    }
    if (in.failed()) return in.error();
    return DecodedResponse{std::move(response), warnings.take()};
}

}  // namespace pathwise::translate
