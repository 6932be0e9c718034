// anthropic.cpp — Anthropic Messages (POST /v1/messages) ↔ the IR, requests and answers.
//
// Shapes: docs.anthropic.com/en/api/messages and anthropic-sdk-typescript's MessageCreateParams / Message.
// Dropped with a warning: cache_control, citations, metadata, thinking settings and thinking blocks (their
// signatures mean nothing to another provider), service_tier, and any other field the IR does not carry.
// Refused (untranslatable): server tools (web search, code execution, …), documents, file sources.
#include <string>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

constexpr std::string_view kNotCarried = "not carried by the translation: dropped";

std::optional<ImagePart> read_image(JsonReader& in, const Json& block, std::string_view path) {
    const Json* source = in.required_object(block, "source", path);
    if (in.failed()) return std::nullopt;
    const std::string source_path = field_path(path, "source");
    const std::string type = in.required_string(*source, "type", source_path);
    if (in.failed()) return std::nullopt;
    ImagePart image;
    if (type == "base64") {
        image.media_type = in.required_string(*source, "media_type", source_path);
        image.data = in.required_string(*source, "data", source_path);
    } else if (type == "url") {
        image.url = in.required_string(*source, "url", source_path);
    } else {
        in.fail("untranslatable", field_path(source_path, "type"),
                "image source '" + type + "' cannot be translated (use base64 or url)");
    }
    if (in.failed()) return std::nullopt;
    return image;
}

// A tool_result's content: a string, or text and image blocks.
void read_tool_result_content(JsonReader& in, WarningList& warnings, const Json& block, std::string_view path,
                              ToolResult& result) {
    const Json* content = JsonReader::member(block, "content");
    if (content == nullptr) return;
    const std::string content_path = field_path(path, "content");
    if (content->is_string()) {
        result.text.push_back(TextPart{content->get<std::string>()});
        return;
    }
    if (!content->is_array()) {
        in.fail("wrong_type", content_path,
                "expected a string or an array of blocks, got " + std::string(json_type_name(*content)));
        return;
    }
    for (std::size_t i = 0; i < content->size() && !in.failed(); ++i) {
        const Json& item = (*content)[i];
        const std::string item_path = index_path(content_path, i);
        if (!in.expect_object(item, item_path)) return;
        const std::string type = in.required_string(item, "type", item_path);
        if (type == "text") {
            result.text.push_back(TextPart{in.required_string(item, "text", item_path)});
            warnings.unknown_members(item, {"type", "text"}, item_path, kNotCarried);
        } else if (type == "image") {
            if (auto image = read_image(in, item, item_path)) result.images.push_back(std::move(*image));
        } else if (!in.failed()) {
            in.fail("untranslatable", field_path(item_path, "type"),
                    "tool result block type '" + type + "' cannot be translated");
        }
    }
}

// One message's content: a string or an array of blocks.
void read_blocks(JsonReader& in, WarningList& warnings, const Json& holder, std::string_view path,
                 std::vector<Part>& out, ToolNames& names) {
    const std::string content_path = field_path(path, "content");
    const Json* content = JsonReader::member(holder, "content");
    if (content == nullptr) {
        in.fail("missing_field", content_path, "required string or array is missing");
        return;
    }
    if (content->is_string()) {
        out.push_back(Part::of_text(content->get<std::string>()));
        return;
    }
    if (!content->is_array()) {
        in.fail("wrong_type", content_path,
                "expected a string or an array of blocks, got " + std::string(json_type_name(*content)));
        return;
    }
    for (std::size_t i = 0; i < content->size() && !in.failed(); ++i) {
        const Json& block = (*content)[i];
        const std::string block_path = index_path(content_path, i);
        if (!in.expect_object(block, block_path)) return;
        const std::string type = in.required_string(block, "type", block_path);
        if (in.failed()) return;
        if (type == "text") {
            out.push_back(Part::of_text(in.required_string(block, "text", block_path)));
            warnings.unknown_members(block, {"type", "text"}, block_path, kNotCarried);
        } else if (type == "image") {
            if (auto image = read_image(in, block, block_path)) out.push_back(Part::of_image(std::move(*image)));
            warnings.unknown_members(block, {"type", "source"}, block_path, kNotCarried);
        } else if (type == "tool_use") {
            ToolCall call;
            call.id = in.required_string(block, "id", block_path);
            call.name = in.required_string(block, "name", block_path);
            const Json* input = in.object(block, "input", block_path);
            call.arguments_json = input != nullptr ? dump_json(*input) : "{}";
            names[call.id] = call.name;
            warnings.unknown_members(block, {"type", "id", "name", "input"}, block_path, kNotCarried);
            out.push_back(Part::of_tool_call(std::move(call)));
        } else if (type == "tool_result") {
            ToolResult result;
            result.tool_call_id = in.required_string(block, "tool_use_id", block_path);
            result.is_error = in.boolean(block, "is_error", block_path).value_or(false);
            read_tool_result_content(in, warnings, block, block_path, result);
            if (auto found = names.find(result.tool_call_id); found != names.end()) result.name = found->second;
            warnings.unknown_members(block, {"type", "tool_use_id", "is_error", "content"}, block_path, kNotCarried);
            out.push_back(Part::of_tool_result(std::move(result)));
        } else if (type == "thinking" || type == "redacted_thinking") {
            warnings.add(block_path, "a " + type + " block is Anthropic's own: dropped");
        } else {
            in.fail("untranslatable", field_path(block_path, "type"),
                    "content block type '" + type + "' cannot be translated to another protocol");
        }
    }
}

void read_system(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* system = JsonReader::member(body, "system");
    if (system == nullptr) return;
    if (system->is_string()) {
        request.system.push_back(system->get<std::string>());
        return;
    }
    if (!system->is_array()) {
        in.fail("wrong_type", "system",
                "expected a string or an array of text blocks, got " + std::string(json_type_name(*system)));
        return;
    }
    for (std::size_t i = 0; i < system->size() && !in.failed(); ++i) {
        const Json& block = (*system)[i];
        const std::string path = index_path("system", i);
        if (!in.expect_object(block, path)) return;
        const std::string type = in.required_string(block, "type", path);
        if (!in.failed() && type != "text") {
            in.fail("untranslatable", field_path(path, "type"), "system block type '" + type + "' is not text");
            return;
        }
        request.system.push_back(in.required_string(block, "text", path));
        warnings.unknown_members(block, {"type", "text"}, path, kNotCarried);
    }
}

void read_tools(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* tools = in.array(body, "tools", "");
    if (tools == nullptr) return;
    for (std::size_t i = 0; i < tools->size() && !in.failed(); ++i) {
        const Json& tool = (*tools)[i];
        const std::string path = index_path("tools", i);
        if (!in.expect_object(tool, path)) return;
        if (auto type = in.string(tool, "type", path); type && *type != "custom") {
            in.fail("untranslatable", field_path(path, "type"),
                    "Anthropic's server tool '" + *type + "' has no equivalent in other protocols");
            return;
        }
        ToolDefinition definition;
        definition.name = in.required_string(tool, "name", path);
        definition.description = in.string(tool, "description", path).value_or("");
        const Json* schema = in.required_object(tool, "input_schema", path);
        if (schema != nullptr) definition.parameters_json = dump_json(*schema);
        warnings.unknown_members(tool, {"type", "name", "description", "input_schema"}, path, kNotCarried);
        request.tools.push_back(std::move(definition));
    }
}

void read_tool_choice(JsonReader& in, const Json& body, Request& request) {
    const Json* choice = in.object(body, "tool_choice", "");
    if (choice == nullptr) return;
    const std::string type = in.required_string(*choice, "type", "tool_choice");
    if (type == "auto") {
        request.tool_choice.mode = ToolChoiceMode::automatic;
    } else if (type == "any") {
        request.tool_choice.mode = ToolChoiceMode::required;
    } else if (type == "none") {
        request.tool_choice.mode = ToolChoiceMode::none;
    } else if (type == "tool") {
        request.tool_choice.mode = ToolChoiceMode::named;
        request.tool_choice.name = in.required_string(*choice, "name", "tool_choice");
    } else if (!in.failed()) {
        in.fail("bad_value", "tool_choice.type", "expected auto, any, none or tool, got \"" + type + "\"");
    }
    if (auto disable = in.boolean(*choice, "disable_parallel_tool_use", "tool_choice")) {
        request.parallel_tool_calls = !*disable;
    }
}

Json image_block(const ImagePart& image) {
    if (!image.url.empty()) return {{"type", "image"}, {"source", {{"type", "url"}, {"url", image.url}}}};
    return {{"type", "image"},
            {"source", {{"type", "base64"}, {"media_type", image.media_type}, {"data", image.data}}}};
}

Result<Json> content_blocks(const Turn& turn, std::string_view path) {
    Json results = Json::array();  // tool_result blocks must come first in a user message
    Json others = Json::array();
    for (const auto& part : turn.parts) {
        switch (part.kind) {
            case PartKind::text:
                others.push_back({{"type", "text"}, {"text", part.text.text}});
                break;
            case PartKind::image:
                if (part.image.url.empty() && part.image.media_type.empty()) {
                    return untranslatable(path, "an inline image needs its media type for Anthropic");
                }
                others.push_back(image_block(part.image));
                break;
            case PartKind::tool_call: {
                auto input = arguments_object(part.tool_call);
                if (!input) return input.error();
                others.push_back(anthropic_tool_use_block(part.tool_call, std::move(input).value()));
                break;
            }
            case PartKind::tool_result: {
                const ToolResult& result = part.tool_result;
                Json block = {{"type", "tool_result"}, {"tool_use_id", result.tool_call_id}};
                if (result.images.empty() && result.text.size() == 1) {
                    block["content"] = result.text.front().text;
                } else if (!result.images.empty() || !result.text.empty()) {
                    Json content = Json::array();
                    for (const auto& text : result.text) content.push_back({{"type", "text"}, {"text", text.text}});
                    for (const auto& image : result.images) content.push_back(image_block(image));
                    block["content"] = std::move(content);
                }
                if (result.is_error) block["is_error"] = true;
                results.push_back(std::move(block));
                break;
            }
        }
    }
    if (results.empty() && others.size() == 1 && others[0]["type"] == "text") return others[0]["text"];
    for (auto& block : others) results.push_back(std::move(block));
    return results;
}

}  // namespace

Json anthropic_tool_use_block(const ToolCall& call, Json input) {
    return {{"type", "tool_use"}, {"id", call.id}, {"name", call.name}, {"input", std::move(input)}};
}

Json anthropic_stop_sequence(const std::string& stop_sequence) {
    return stop_sequence.empty() ? Json(nullptr) : Json(stop_sequence);
}

Usage read_anthropic_usage(JsonReader& in, WarningList& warnings, const Json& usage, std::string_view path) {
    // IR input tokens count every input token, cached or not (as OpenAI's prompt_tokens does); Anthropic
    // reports cache reads and writes apart from input_tokens.
    auto input = in.integer(usage, "input_tokens", path);
    const auto cache_read = in.integer(usage, "cache_read_input_tokens", path);
    const auto cache_write = in.integer(usage, "cache_creation_input_tokens", path);
    if (input && (cache_read || cache_write)) {
        *input += cache_read.value_or(0) + cache_write.value_or(0);
        warnings.add(std::string(path), "cache reads and writes are counted into the input tokens");
    }
    return Usage{input, in.integer(usage, "output_tokens", path)};
}

namespace {

// A system message inside `messages` (Claude Code sends its "# Environment" text as one after the first user
// turn; the API takes it): its text joins the system prompt, which every other protocol has only at the front.
void read_system_message(JsonReader& in, WarningList& warnings, const Json& message, const std::string& path,
                         ToolNames& names, Request& request) {
    std::vector<Part> parts;
    read_blocks(in, warnings, message, path, parts, names);
    for (std::size_t i = 0; i < parts.size() && !in.failed(); ++i) {
        if (parts[i].kind != PartKind::text) {
            in.fail("untranslatable", index_path(field_path(path, "content"), i),
                    "a system message may hold text only (the system prompt of other protocols is text)");
            return;
        }
        request.system.push_back(std::move(parts[i].text.text));
    }
    warnings.add(path, "a system message among the turns: its text is sent with the system prompt, at the front");
    warnings.unknown_members(message, {"role", "content"}, path, kNotCarried);
}

}  // namespace

Result<DecodedRequest> decode_anthropic_request(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Request request;
    request.model = in.required_string(body, "model", "");
    request.sampling.max_tokens = in.integer(body, "max_tokens", "");
    if (!request.sampling.max_tokens && !in.failed()) {
        in.fail("missing_field", "max_tokens", "required integer is missing (Anthropic requires max_tokens)");
    }
    read_system(in, warnings, body, request);
    const Json* messages = in.required_array(body, "messages", "");
    if (in.failed()) return in.error();
    ToolNames names;
    for (std::size_t i = 0; i < messages->size() && !in.failed(); ++i) {
        const Json& message = (*messages)[i];
        const std::string path = index_path("messages", i);
        if (!in.expect_object(message, path)) break;
        const std::string role = in.required_string(message, "role", path);
        if (in.failed()) break;
        if (role == "system") {
            read_system_message(in, warnings, message, path, names, request);
            continue;
        }
        if (role != "user" && role != "assistant") {
            in.fail("bad_value", field_path(path, "role"), "expected user, assistant or system, got \"" + role + "\"");
            break;
        }
        Turn turn;
        turn.role = role == "user" ? Role::user : Role::assistant;
        read_blocks(in, warnings, message, path, turn.parts, names);
        warnings.unknown_members(message, {"role", "content"}, path, kNotCarried);
        request.turns.push_back(std::move(turn));
    }
    request.sampling.temperature = in.number(body, "temperature", "");
    request.sampling.top_p = in.number(body, "top_p", "");
    request.sampling.top_k = in.integer(body, "top_k", "");
    if (const Json* stops = in.array(body, "stop_sequences", "")) {
        for (std::size_t i = 0; i < stops->size(); ++i) {
            if (!(*stops)[i].is_string()) {
                in.fail("wrong_type", index_path("stop_sequences", i),
                        "expected a string, got " + std::string(json_type_name((*stops)[i])));
                break;
            }
            request.sampling.stop_sequences.push_back((*stops)[i].get<std::string>());
        }
    }
    request.stream = in.boolean(body, "stream", "").value_or(false);
    read_tools(in, warnings, body, request);
    read_tool_choice(in, body, request);
    if (in.failed()) return in.error();
    warnings.unknown_members(body,
                             {"model", "max_tokens", "system", "messages", "temperature", "top_p", "top_k",
                              "stop_sequences", "stream", "tools", "tool_choice"},
                             "", kNotCarried);
    return DecodedRequest{std::move(request), warnings.take()};
}

Result<Encoded> encode_anthropic_request(const Request& request, const EncodeOptions& options) {
    WarningList warnings;
    Json body = Json::object();
    body["model"] = request.model;
    if (request.sampling.max_tokens) {
        body["max_tokens"] = *request.sampling.max_tokens;
    } else {
        body["max_tokens"] = options.anthropic_default_max_tokens;
        warnings.add("max_tokens", "Anthropic requires max_tokens; the request set none, so " +
                                       std::to_string(options.anthropic_default_max_tokens) + " is sent");
    }
    if (request.system.size() == 1) {
        body["system"] = request.system.front();
    } else if (!request.system.empty()) {
        Json blocks = Json::array();
        for (const auto& text : request.system) blocks.push_back({{"type", "text"}, {"text", text}});
        body["system"] = std::move(blocks);
    }
    Json messages = Json::array();
    const std::vector<Turn> turns = merged_turns(request.turns);
    for (std::size_t t = 0; t < turns.size(); ++t) {
        auto content = content_blocks(turns[t], index_path("turns", t));
        if (!content) return content.error();
        messages.push_back(
            {{"role", turns[t].role == Role::user ? "user" : "assistant"}, {"content", std::move(content).value()}});
    }
    body["messages"] = std::move(messages);
    const Sampling& sampling = request.sampling;
    if (sampling.temperature) body["temperature"] = *sampling.temperature;
    if (sampling.top_p) body["top_p"] = *sampling.top_p;
    if (sampling.top_k) body["top_k"] = *sampling.top_k;
    if (!sampling.stop_sequences.empty()) body["stop_sequences"] = sampling.stop_sequences;
    if (request.stream) body["stream"] = true;
    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (std::size_t i = 0; i < request.tools.size(); ++i) {
            // input_schema is required; a tool without parameters takes an empty object.
            auto definition = tool_declaration(request.tools[i], i, "input_schema",
                                               Json{{"type", "object"}, {"properties", Json::object()}});
            if (!definition) return definition.error();
            tools.push_back(std::move(definition.value()));
        }
        body["tools"] = std::move(tools);
    }
    Json choice;
    switch (request.tool_choice.mode) {
        case ToolChoiceMode::unset:
            break;
        case ToolChoiceMode::automatic:
            choice = {{"type", "auto"}};
            break;
        case ToolChoiceMode::none:
            choice = {{"type", "none"}};
            break;
        case ToolChoiceMode::required:
            choice = {{"type", "any"}};
            break;
        case ToolChoiceMode::named:
            choice = {{"type", "tool"}, {"name", request.tool_choice.name}};
            break;
    }
    if (request.parallel_tool_calls && !*request.parallel_tool_calls) {
        if (choice.is_null()) choice = {{"type", "auto"}};
        choice["disable_parallel_tool_use"] = true;
    }
    if (!choice.is_null()) body["tool_choice"] = std::move(choice);
    return Encoded{dump_json(body), warnings.take()};
}

Result<DecodedResponse> decode_anthropic_response(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Response response;
    response.id = in.string(body, "id", "").value_or("");
    response.model = in.string(body, "model", "").value_or("");
    ToolNames names;
    read_blocks(in, warnings, body, "", response.parts, names);
    if (auto stop = in.string(body, "stop_reason", "")) {
        response.stop_reason = from_anthropic_stop_reason(*stop);
        if (response.stop_reason == StopReason::unknown)
            warnings.add("stop_reason", "unknown stop_reason '" + *stop + "'");
    }
    response.stop_sequence = in.string(body, "stop_sequence", "").value_or("");
    if (const Json* usage = in.object(body, "usage", ""))
        response.usage = read_anthropic_usage(in, warnings, *usage, "usage");
    if (in.failed()) return in.error();
    for (const auto& part : response.parts) {
        if (part.kind == PartKind::tool_result) return untranslatable("content", "an answer cannot hold a tool_result");
    }
    return DecodedResponse{std::move(response), warnings.take()};
}

Result<Encoded> encode_anthropic_response(const Response& response) {
    WarningList warnings;
    Json content = Json::array();
    for (const auto& part : response.parts) {
        if (part.kind == PartKind::text) {
            content.push_back({{"type", "text"}, {"text", part.text.text}});
        } else if (part.kind == PartKind::tool_call) {
            auto input = arguments_object(part.tool_call);
            if (!input) return input.error();
            content.push_back(anthropic_tool_use_block(part.tool_call, std::move(input).value()));
        } else {
            warnings.add("content", "an Anthropic answer cannot hold images: dropped");
        }
    }
    if (anthropic_approximates(response.stop_reason)) {
        warnings.add("stop_reason", "stop reason '" + std::string(stop_reason_name(response.stop_reason)) +
                                        "' is sent as '" + std::string(to_anthropic_stop_reason(response.stop_reason)) +
                                        "'");
    }
    if (!response.usage.input_tokens || !response.usage.output_tokens) {
        warnings.add("usage", "the upstream reported no usage: 0 is sent");
    }
    Json body = {{"id", response.id.empty() ? std::string(kAnthropicDefaultId) : response.id},
                 {"type", "message"},
                 {"role", "assistant"},
                 {"model", response.model},
                 {"content", std::move(content)},
                 {"stop_reason", to_anthropic_stop_reason(response.stop_reason)},
                 {"stop_sequence", anthropic_stop_sequence(response.stop_sequence)},
                 {"usage",
                  {{"input_tokens", response.usage.input_tokens.value_or(0)},
                   {"output_tokens", response.usage.output_tokens.value_or(0)}}}};
    return Encoded{dump_json(body), warnings.take()};
}

}  // namespace pathwise::translate
