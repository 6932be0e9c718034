// openai_responses.cpp — OpenAI Responses (POST /v1/responses) ↔ the IR: a Responses client's request (Codex
// CLI's) decoded, and the answer encoded back to it. The other direction (a Responses upstream) is in
// openai_responses_upstream.cpp.
//
// Shapes: platform.openai.com/docs/api-reference/responses (create, the Response object, input items) and what
// codex-rs sends: `instructions`, `input` items (developer/user/assistant messages, reasoning, function_call,
// function_call_output), function tools plus, by model family, a freeform `custom` apply_patch tool,
// `local_shell` or `web_search`; `store: false`, `include`, `prompt_cache_key`, `reasoning`, `text`.
#include <cstdint>
#include <string>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

constexpr std::string_view kNotCarried = "not carried by the translation: dropped";
constexpr std::string_view kResponsePrefix = "resp_";

// What the decoder builds while it reads `input`, item by item.
struct InputState {
    JsonReader& in;
    WarningList& warnings;
    Request& request;
    ToolNames names;  // call id → tool name, for the function_call_output items that follow
};

bool last_turn_is(const Request& request, Role role) {
    return !request.turns.empty() && request.turns.back().role == role;
}

Part image_part(JsonReader& in, const Json& item, std::string_view path) {
    const std::string url = in.required_string(item, "image_url", path);
    ImagePart image;
    if (!is_data_url(url)) {
        image.url = url;
        return Part::of_image(std::move(image));
    }
    auto data = parse_data_url(url);
    if (!data) {
        in.fail("bad_value", field_path(path, "image_url"),
                "a data: URL must look like data:<media type>;base64,<data>");
        return Part::of_image(std::move(image));
    }
    image.media_type = data->media_type;
    image.data = data->data;
    return Part::of_image(std::move(image));
}

// One content part of a message or of a function_call_output: text, or an image where `images_allowed`.
void read_content_part(InputState& state, const Json& part, std::string_view path, std::vector<Part>& out,
                       bool images_allowed) {
    JsonReader& in = state.in;
    if (!in.expect_object(part, path)) return;
    const std::string type = in.required_string(part, "type", path);
    if (in.failed()) return;
    if (type == "input_text" || type == "output_text" || type == "text") {
        out.push_back(Part::of_text(in.required_string(part, "text", path)));
        // output_text carries annotations (citations) and logprobs of an earlier answer; they mean nothing now.
        state.warnings.unknown_members(part, {"type", "text", "annotations", "logprobs"}, path, kNotCarried);
    } else if (type == "refusal") {
        out.push_back(Part::of_text(in.required_string(part, "refusal", path)));
        state.warnings.add(std::string(path), "a refusal part is carried as plain text");
    } else if (type == "input_image" && images_allowed) {
        if (JsonReader::member(part, "file_id") != nullptr) {
            in.fail("untranslatable", field_path(path, "file_id"),
                    "an image uploaded to OpenAI's Files API cannot be sent to another provider; send it inline "
                    "as a data: URL");
            return;
        }
        out.push_back(image_part(in, part, path));
        if (JsonReader::member(part, "detail") != nullptr) {
            state.warnings.add(field_path(path, "detail"), "the image detail level is not carried: dropped");
        }
    } else {
        in.fail("untranslatable", field_path(path, "type"),
                "content part type '" + type + "' cannot be translated to another protocol");
    }
}

// A message's content: a string, or an array of parts.
void read_content(InputState& state, const Json& item, std::string_view path, std::vector<Part>& out,
                  bool images_allowed) {
    JsonReader& in = state.in;
    const std::string content_path = field_path(path, "content");
    const Json* content = JsonReader::member(item, "content");
    if (content == nullptr) {
        in.fail("missing_field", content_path, "required string or array is missing");
        return;
    }
    if (content->is_string()) {
        const auto& text = content->get_ref<const std::string&>();
        if (!text.empty()) out.push_back(Part::of_text(text));
        return;
    }
    if (!content->is_array()) {
        in.fail("wrong_type", content_path,
                "expected a string or an array of parts, got " + std::string(json_type_name(*content)));
        return;
    }
    for (std::size_t i = 0; i < content->size() && !in.failed(); ++i) {
        read_content_part(state, (*content)[i], index_path(content_path, i), out, images_allowed);
    }
}

void read_message(InputState& state, const Json& item, std::string_view path) {
    JsonReader& in = state.in;
    const std::string role = in.required_string(item, "role", path);
    if (in.failed()) return;
    state.warnings.unknown_members(item, {"type", "role", "content", "id", "status"}, path, kNotCarried);
    if (role == "system" || role == "developer") {
        std::vector<Part> parts;
        read_content(state, item, path, parts, /*images_allowed=*/false);
        for (auto& part : parts) state.request.system.push_back(std::move(part.text.text));
        if (!state.request.turns.empty()) {
            state.warnings.add(std::string(path),
                               "a " + role + " message after the conversation started is moved to the system prompt");
        }
        if (role == "developer") {
            state.warnings.add(field_path(path, "role"), "\"developer\" is carried as system text");
        }
        return;
    }
    if (role != "user" && role != "assistant") {
        in.fail("bad_value", field_path(path, "role"),
                "expected \"user\", \"assistant\", \"system\" or \"developer\", got \"" + role + "\"");
        return;
    }
    Turn turn;
    turn.role = role == "user" ? Role::user : Role::assistant;
    read_content(state, item, path, turn.parts, /*images_allowed=*/role == "user");
    state.request.turns.push_back(std::move(turn));
}

// A call joins the assistant turn before it (its text, earlier calls of the same answer).
void read_function_call(InputState& state, const Json& item, std::string_view path) {
    JsonReader& in = state.in;
    ToolCall call;
    call.id = in.required_string(item, "call_id", path);
    call.name = in.required_string(item, "name", path);
    call.arguments_json = in.string(item, "arguments", path).value_or("");
    if (in.failed()) return;
    state.warnings.unknown_members(item, {"type", "id", "call_id", "name", "arguments", "status"}, path, kNotCarried);
    state.names[call.id] = call.name;
    if (!last_turn_is(state.request, Role::assistant)) state.request.turns.push_back(Turn{Role::assistant, {}});
    state.request.turns.back().parts.push_back(Part::of_tool_call(std::move(call)));
}

// `output` is a string, or (newer Codex, image results) an array of input_text / input_image parts.
void read_function_call_output(InputState& state, const Json& item, std::string_view path) {
    JsonReader& in = state.in;
    ToolResult result;
    result.tool_call_id = in.required_string(item, "call_id", path);
    const std::string output_path = field_path(path, "output");
    const Json* output = JsonReader::member(item, "output");
    if (in.failed()) return;
    if (output == nullptr) {
        in.fail("missing_field", output_path, "required string or array is missing");
        return;
    }
    if (output->is_string()) {
        result.text.push_back(TextPart{output->get<std::string>()});
    } else if (output->is_array()) {
        std::vector<Part> parts;
        for (std::size_t i = 0; i < output->size() && !in.failed(); ++i) {
            read_content_part(state, (*output)[i], index_path(output_path, i), parts, /*images_allowed=*/true);
        }
        for (auto& part : parts) {
            if (part.kind == PartKind::image) {
                result.images.push_back(std::move(part.image));
            } else {
                result.text.push_back(std::move(part.text));
            }
        }
    } else {
        in.fail("wrong_type", output_path,
                "expected a string or an array of parts, got " + std::string(json_type_name(*output)));
        return;
    }
    if (auto found = state.names.find(result.tool_call_id); found != state.names.end()) result.name = found->second;
    state.warnings.unknown_members(item, {"type", "id", "call_id", "output", "status"}, path, kNotCarried);
    // Results of one answer's calls share one user turn, as Anthropic and Gemini want them.
    const bool continues_results = last_turn_is(state.request, Role::user) &&
                                   !state.request.turns.back().parts.empty() &&
                                   state.request.turns.back().parts.back().kind == PartKind::tool_result;
    if (!continues_results) state.request.turns.push_back(Turn{Role::user, {}});
    state.request.turns.back().parts.push_back(Part::of_tool_result(std::move(result)));
}

void read_item(InputState& state, const Json& item, std::string_view path) {
    JsonReader& in = state.in;
    if (!in.expect_object(item, path)) return;
    // An item without a type but with a role is an "easy input message" ({role, content}).
    const std::string type = in.string(item, "type", path).value_or("message");
    if (in.failed()) return;
    if (type == "message") {
        read_message(state, item, path);
    } else if (type == "function_call") {
        read_function_call(state, item, path);
    } else if (type == "function_call_output") {
        read_function_call_output(state, item, path);
    } else if (type == "reasoning") {
        // Codex sends back the model's earlier reasoning (encrypted with include: reasoning.encrypted_content);
        // only OpenAI can read it.
        state.warnings.add(std::string(path), "a reasoning item is not carried: dropped");
    } else if (type == "item_reference") {
        in.fail("untranslatable", field_path(path, "type"),
                "an item_reference names an item stored by OpenAI, which the upstream does not have");
    } else {
        in.fail("untranslatable", field_path(path, "type"),
                "input item type '" + type + "' cannot be translated to another protocol");
    }
}

void read_input(InputState& state, const Json& body) {
    JsonReader& in = state.in;
    const Json* input = JsonReader::member(body, "input");
    if (input == nullptr) {
        in.fail("missing_field", "input", "required string or array is missing");
        return;
    }
    if (input->is_string()) {
        state.request.turns.push_back(Turn{Role::user, {Part::of_text(input->get<std::string>())}});
        return;
    }
    if (!input->is_array()) {
        in.fail("wrong_type", "input",
                "expected a string or an array of items, got " + std::string(json_type_name(*input)));
        return;
    }
    for (std::size_t i = 0; i < input->size() && !in.failed(); ++i) {
        read_item(state, (*input)[i], index_path("input", i));
    }
}

// Tool types a client may send that only OpenAI runs (or that Codex sends by model family): dropped so that
// Codex's requests still work, since its function tools (shell, update_plan, …) carry the session. Codex's shell
// handler also runs `apply_patch` given as a command, so the freeform apply_patch tool is not needed.
// Codex 0.169 also groups its sub-agent tools in a `namespace` tool ({"type":"namespace","name":"multi_agent_v1",
// "tools":[…functions…]}), whose calls OpenAI routes by namespace; no other provider has namespaces, so the group
// is dropped too (a call to a flattened name would not find its handler in Codex).
bool is_droppable_tool_type(std::string_view type) {
    return type == "custom" || type == "local_shell" || type == "web_search" || type == "web_search_preview" ||
           type == "web_search_preview_2025_03_11" || type == "namespace";
}

void read_tools(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* tools = in.array(body, "tools", "");
    if (tools == nullptr) return;
    for (std::size_t i = 0; i < tools->size() && !in.failed(); ++i) {
        const Json& tool = (*tools)[i];
        const std::string tool_path = index_path("tools", i);
        if (!in.expect_object(tool, tool_path)) return;
        const std::string type = in.required_string(tool, "type", tool_path);
        if (in.failed()) return;
        if (is_droppable_tool_type(type)) {
            const std::string name = in.string(tool, "name", tool_path).value_or(type);
            warnings.add(tool_path, "tool '" + name + "' of type '" + type +
                                        "' is not a function, which only OpenAI can run: dropped");
            continue;
        }
        if (type != "function") {
            in.fail("untranslatable", field_path(tool_path, "type"),
                    "tool type '" + type + "' is a tool OpenAI runs itself, which another provider cannot");
            return;
        }
        ToolDefinition definition;
        definition.name = in.required_string(tool, "name", tool_path);
        definition.description = in.string(tool, "description", tool_path).value_or("");
        if (const Json* parameters = in.object(tool, "parameters", tool_path)) {
            definition.parameters_json = dump_json(*parameters);
        }
        // Codex sends strict: false on every tool; only true asks for something the others cannot promise.
        if (in.boolean(tool, "strict", tool_path).value_or(false)) {
            warnings.add(field_path(tool_path, "strict"), "strict schema adherence is not carried: dropped");
        }
        warnings.unknown_members(tool, {"type", "name", "description", "parameters", "strict"}, tool_path, kNotCarried);
        request.tools.push_back(std::move(definition));
    }
}

void read_tool_choice(JsonReader& in, const Json& body, Request& request) {
    const Json* choice = JsonReader::member(body, "tool_choice");
    if (choice == nullptr) return;
    if (read_openai_tool_choice_mode(in, *choice, request)) return;
    if (!in.expect_object(*choice, "tool_choice")) return;
    const std::string type = in.required_string(*choice, "type", "tool_choice");
    if (in.failed()) return;
    if (type != "function") {
        in.fail("untranslatable", "tool_choice.type", "tool choice '" + type + "' cannot be translated");
        return;
    }
    request.tool_choice.mode = ToolChoiceMode::named;
    request.tool_choice.name = in.required_string(*choice, "name", "tool_choice");
}

// Fields that need state OpenAI stores (earlier responses, conversations, prompts): the upstream has none.
void refuse_stored_state(JsonReader& in, const Json& body) {
    for (const std::string_view key : {"previous_response_id", "conversation", "prompt"}) {
        if (JsonReader::member(body, key) != nullptr) {
            in.fail("untranslatable", key,
                    "it refers to state stored by OpenAI, which the upstream does not have; send the whole "
                    "conversation in `input` (as Codex does with store: false)");
            return;
        }
    }
    if (in.boolean(body, "background", "").value_or(false)) {
        in.fail("untranslatable", "background", "a background response needs OpenAI to store and poll it");
    }
}

}  // namespace

Result<DecodedRequest> decode_openai_responses_request(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Request request;

    request.model = in.required_string(body, "model", "");
    refuse_stored_state(in, body);
    if (auto instructions = in.string(body, "instructions", "")) request.system.push_back(std::move(*instructions));
    if (in.failed()) return in.error();
    InputState state{in, warnings, request, {}};
    read_input(state, body);
    if (in.failed()) return in.error();

    request.sampling.max_tokens = in.integer(body, "max_output_tokens", "");
    request.sampling.temperature = in.number(body, "temperature", "");
    request.sampling.top_p = in.number(body, "top_p", "");
    request.stream = in.boolean(body, "stream", "").value_or(false);
    read_tools(in, warnings, body, request);
    read_tool_choice(in, body, request);
    request.parallel_tool_calls = in.boolean(body, "parallel_tool_calls", "");
    if (in.failed()) return in.error();

    // store, reasoning, include, prompt_cache_key, text, truncation, metadata, user, service_tier, …
    warnings.unknown_members(body,
                             {"model", "instructions", "input", "max_output_tokens", "temperature", "top_p", "stream",
                              "tools", "tool_choice", "parallel_tool_calls", "background"},
                             "", kNotCarried);
    return DecodedRequest{std::move(request), warnings.take()};
}

std::string openai_responses_id(std::string_view upstream_id) {
    if (upstream_id.empty()) return "resp_pathwise";
    if (upstream_id.rfind(kResponsePrefix, 0) == 0) return std::string(upstream_id);
    return std::string(kResponsePrefix) + std::string(upstream_id);
}

std::string openai_responses_message_id(std::string_view response_id, std::size_t output_index) {
    std::string_view base = response_id;
    if (base.rfind(kResponsePrefix, 0) == 0) base.remove_prefix(kResponsePrefix.size());
    return "msg_" + std::string(base) + "_" + std::to_string(output_index);
}

Json openai_responses_object(std::string_view id, std::int64_t created_at, std::string_view model,
                             std::string_view status, Json output, const Usage& usage,
                             std::string_view incomplete_reason) {
    Json usage_json = nullptr;
    if (usage_known(usage)) {
        // codex-rs requires input_tokens, output_tokens and total_tokens whenever usage is present.
        const std::int64_t input = usage.input_tokens.value_or(0);
        const std::int64_t output_tokens = usage.output_tokens.value_or(0);
        usage_json = {{"input_tokens", input},
                      {"input_tokens_details", {{"cached_tokens", 0}}},
                      {"output_tokens", output_tokens},
                      {"output_tokens_details", {{"reasoning_tokens", 0}}},
                      {"total_tokens", input + output_tokens}};
    }
    return {{"id", id},
            {"object", "response"},
            {"created_at", created_at},
            {"status", status},
            {"error", nullptr},
            {"incomplete_details", incomplete_reason.empty() ? Json(nullptr) : Json{{"reason", incomplete_reason}}},
            {"instructions", nullptr},
            {"metadata", Json::object()},
            {"model", model},
            {"output", std::move(output)},
            {"parallel_tool_calls", true},
            {"previous_response_id", nullptr},
            {"tool_choice", "auto"},
            {"tools", Json::array()},
            {"usage", std::move(usage_json)}};
}

Json openai_responses_output_text(std::string_view text) {
    return {{"type", "output_text"}, {"text", text}, {"annotations", Json::array()}};
}

Json openai_responses_message_item(std::string_view id, std::string_view status, Json content) {
    return {
        {"type", "message"}, {"id", id}, {"status", status}, {"role", "assistant"}, {"content", std::move(content)}};
}

Json openai_responses_function_call_item(const ToolCall& call, std::string_view status) {
    return {{"type", "function_call"},
            {"id", "fc_" + call.id},
            {"call_id", call.id},
            {"name", call.name},
            {"arguments", call.arguments_json.empty() ? std::string("{}") : call.arguments_json},
            {"status", status}};
}

Result<Encoded> encode_openai_responses_response(const Response& response) {
    WarningList warnings;
    const std::string id = openai_responses_id(response.id);
    Json output = Json::array();
    Json texts = Json::array();  // the output_text parts of the message item being built
    auto flush_message = [&] {
        if (texts.empty()) return;
        const std::string item_id = openai_responses_message_id(id, output.size());
        output.push_back(openai_responses_message_item(item_id, "completed", std::move(texts)));
        texts = Json::array();
    };
    for (const auto& part : response.parts) {
        if (part.kind == PartKind::text) {
            texts.push_back(openai_responses_output_text(part.text.text));
        } else if (part.kind == PartKind::tool_call) {
            flush_message();
            output.push_back(openai_responses_function_call_item(part.tool_call, "completed"));
        } else {
            warnings.add("output", "a Responses answer cannot hold images: dropped");
        }
    }
    flush_message();
    if (openai_responses_approximates(response.stop_reason)) {
        warnings.add("status",
                     "stop reason '" + std::string(stop_reason_name(response.stop_reason)) +
                         "' has no Responses equivalent: sent as status '" +
                         (to_openai_responses_incomplete_reason(response.stop_reason).empty() ? std::string("completed")
                                                                                              : "incomplete") +
                         "'");
    }
    if (!response.stop_sequence.empty()) {
        warnings.add("stop_sequence", "Responses does not say which stop sequence matched: dropped");
    }
    const std::string_view incomplete = to_openai_responses_incomplete_reason(response.stop_reason);
    Json body =
        openai_responses_object(id, response.created, response.model, incomplete.empty() ? "completed" : "incomplete",
                                std::move(output), response.usage, incomplete);
    return Encoded{dump_json(body), warnings.take()};
}

}  // namespace pathwise::translate
