// openai_chat.cpp — OpenAI Chat Completions (POST /v1/chat/completions) ↔ the IR, requests and answers.
//
// Shapes: platform.openai.com/docs/api-reference/chat/create and openai-node's ChatCompletionCreateParams.
// Dropped with a warning: every request field the IR does not carry (n, seed, logprobs, response_format,
// frequency/presence penalties, user, …), image `detail`, tool `strict`, message `name`, extra choices.
#include <string>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

constexpr std::string_view kNotCarried = "not carried by the translation: dropped";

// A message's content: a string or an array of parts. Appends text and image parts to `out`.
void read_content(JsonReader& in, WarningList& warnings, const Json& message, std::string_view path,
                  std::vector<Part>& out, bool images_allowed) {
    const std::string content_path = field_path(path, "content");
    const Json* content = JsonReader::member(message, "content");
    if (content == nullptr) return;
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
        const Json& item = (*content)[i];
        const std::string item_path = index_path(content_path, i);
        if (!in.expect_object(item, item_path)) return;
        const std::string type = in.required_string(item, "type", item_path);
        if (in.failed()) return;
        if (type == "text") {
            out.push_back(Part::of_text(in.required_string(item, "text", item_path)));
            warnings.unknown_members(item, {"type", "text"}, item_path, kNotCarried);
        } else if (type == "refusal") {
            out.push_back(Part::of_text(in.required_string(item, "refusal", item_path)));
            warnings.add(item_path, "a refusal part is carried as plain text");
        } else if (type == "image_url" && images_allowed) {
            const std::string image_path = field_path(item_path, "image_url");
            const Json* image = JsonReader::member(item, "image_url");
            std::string url;
            if (image != nullptr && image->is_string()) {
                url = image->get<std::string>();  // an older shape some clients still send
            } else {
                image = in.required_object(item, "image_url", item_path);
                if (in.failed()) return;
                url = in.required_string(*image, "url", image_path);
                if (JsonReader::member(*image, "detail") != nullptr) {
                    warnings.add(field_path(image_path, "detail"), "the image detail level is not carried: dropped");
                }
            }
            if (in.failed()) return;
            if (is_data_url(url)) {
                auto data = parse_data_url(url);
                if (!data) {
                    in.fail("bad_value", field_path(image_path, "url"),
                            "a data: URL must look like data:<media type>;base64,<data>");
                    return;
                }
                ImagePart image_part;
                image_part.media_type = data->media_type;
                image_part.data = data->data;
                out.push_back(Part::of_image(std::move(image_part)));
            } else {
                ImagePart image_part;
                image_part.url = url;
                out.push_back(Part::of_image(std::move(image_part)));
            }
        } else {
            in.fail("untranslatable", field_path(item_path, "type"),
                    "content part type '" + type + "' cannot be translated to another protocol");
        }
    }
}

void read_tool_calls(JsonReader& in, WarningList& warnings, const Json& message, std::string_view path,
                     std::vector<Part>& out) {
    const Json* calls = in.array(message, "tool_calls", path);
    if (calls == nullptr) return;
    const std::string calls_path = field_path(path, "tool_calls");
    for (std::size_t i = 0; i < calls->size() && !in.failed(); ++i) {
        const Json& call = (*calls)[i];
        const std::string call_path = index_path(calls_path, i);
        if (!in.expect_object(call, call_path)) return;
        auto type = in.string(call, "type", call_path);
        if (type && *type != "function") {
            in.fail("untranslatable", field_path(call_path, "type"),
                    "tool call type '" + *type + "' is not a function");
            return;
        }
        ToolCall ir;
        ir.id = in.required_string(call, "id", call_path);
        const Json* function = in.required_object(call, "function", call_path);
        if (in.failed()) return;
        const std::string function_path = field_path(call_path, "function");
        ir.name = in.required_string(*function, "name", function_path);
        ir.arguments_json = in.string(*function, "arguments", function_path).value_or("");
        warnings.unknown_members(call, {"id", "type", "function", "index"}, call_path, kNotCarried);
        out.push_back(Part::of_tool_call(std::move(ir)));
    }
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
        if (type != "function") {
            in.fail("untranslatable", field_path(tool_path, "type"), "tool type '" + type + "' is not a function");
            return;
        }
        const Json* function = in.required_object(tool, "function", tool_path);
        if (in.failed()) return;
        const std::string function_path = field_path(tool_path, "function");
        ToolDefinition definition;
        definition.name = in.required_string(*function, "name", function_path);
        definition.description = in.string(*function, "description", function_path).value_or("");
        if (const Json* parameters = in.object(*function, "parameters", function_path)) {
            definition.parameters_json = dump_json(*parameters);
        }
        warnings.unknown_members(*function, {"name", "description", "parameters"}, function_path, kNotCarried);
        request.tools.push_back(std::move(definition));
    }
}

}  // namespace

bool read_openai_tool_choice_mode(JsonReader& in, const Json& choice, Request& request) {
    if (!choice.is_string()) return false;
    const auto& mode = choice.get_ref<const std::string&>();
    if (mode == "auto") {
        request.tool_choice.mode = ToolChoiceMode::automatic;
    } else if (mode == "none") {
        request.tool_choice.mode = ToolChoiceMode::none;
    } else if (mode == "required") {
        request.tool_choice.mode = ToolChoiceMode::required;
    } else {
        in.fail("bad_value", "tool_choice",
                "expected \"auto\", \"none\", \"required\" or a function, got \"" + mode + "\"");
    }
    return true;
}

namespace {

void read_tool_choice(JsonReader& in, const Json& body, Request& request) {
    const Json* choice = JsonReader::member(body, "tool_choice");
    if (choice == nullptr) return;
    if (read_openai_tool_choice_mode(in, *choice, request)) return;
    if (!in.expect_object(*choice, "tool_choice")) return;
    const Json* function = in.required_object(*choice, "function", "tool_choice");
    if (in.failed()) return;
    request.tool_choice.mode = ToolChoiceMode::named;
    request.tool_choice.name = in.required_string(*function, "name", "tool_choice.function");
}

void read_stop(JsonReader& in, const Json& body, Request& request) {
    const Json* stop = JsonReader::member(body, "stop");
    if (stop == nullptr) return;
    if (stop->is_string()) {
        request.sampling.stop_sequences.push_back(stop->get<std::string>());
        return;
    }
    if (!stop->is_array()) {
        in.fail("wrong_type", "stop",
                "expected a string or an array of strings, got " + std::string(json_type_name(*stop)));
        return;
    }
    for (std::size_t i = 0; i < stop->size(); ++i) {
        if (!(*stop)[i].is_string()) {
            in.fail("wrong_type", index_path("stop", i),
                    "expected a string, got " + std::string(json_type_name((*stop)[i])));
            return;
        }
        request.sampling.stop_sequences.push_back((*stop)[i].get<std::string>());
    }
}

Json text_content(const std::vector<const TextPart*>& texts) {
    if (texts.size() == 1) return texts.front()->text;
    Json parts = Json::array();
    for (const auto* text : texts) parts.push_back({{"type", "text"}, {"text", text->text}});
    return parts;
}

Json image_url_part(const ImagePart& image) {
    const std::string url = image.url.empty() ? "data:" + image.media_type + ";base64," + image.data : image.url;
    return {{"type", "image_url"}, {"image_url", {{"url", url}}}};
}

}  // namespace

Json openai_usage(const Usage& usage) {
    const std::int64_t input = usage.input_tokens.value_or(0);
    const std::int64_t output = usage.output_tokens.value_or(0);
    return {{"prompt_tokens", input}, {"completion_tokens", output}, {"total_tokens", input + output}};
}

Usage read_openai_usage(JsonReader& in, const Json& usage, std::string_view path) {
    return Usage{in.integer(usage, "prompt_tokens", path), in.integer(usage, "completion_tokens", path)};
}

Result<DecodedRequest> decode_openai_chat_request(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Request request;

    request.model = in.required_string(body, "model", "");
    const Json* messages = in.required_array(body, "messages", "");
    if (in.failed()) return in.error();

    ToolNames names;  // call id → tool name, for the role "tool" messages that follow
    for (std::size_t i = 0; i < messages->size() && !in.failed(); ++i) {
        const Json& message = (*messages)[i];
        const std::string path = index_path("messages", i);
        if (!in.expect_object(message, path)) break;
        const std::string role = in.required_string(message, "role", path);
        if (in.failed()) break;
        if (role == "system" || role == "developer") {
            std::vector<Part> parts;
            read_content(in, warnings, message, path, parts, /*images_allowed=*/false);
            for (auto& part : parts) request.system.push_back(std::move(part.text.text));
            if (!request.turns.empty()) {
                warnings.add(path,
                             "a " + role + " message after the conversation started is moved to the system prompt");
            }
            if (role == "developer") warnings.add(field_path(path, "role"), "\"developer\" is carried as system text");
            warnings.unknown_members(message, {"role", "content"}, path, kNotCarried);
        } else if (role == "user" || role == "assistant") {
            Turn turn;
            turn.role = role == "user" ? Role::user : Role::assistant;
            read_content(in, warnings, message, path, turn.parts, /*images_allowed=*/role == "user");
            if (role == "assistant") read_tool_calls(in, warnings, message, path, turn.parts);
            for (const auto& part : turn.parts) {
                if (part.kind == PartKind::tool_call) names[part.tool_call.id] = part.tool_call.name;
            }
            if (JsonReader::member(message, "function_call") != nullptr) {
                in.fail("untranslatable", field_path(path, "function_call"),
                        "the deprecated function_call is not translated; send tool_calls");
            }
            warnings.unknown_members(message, {"role", "content", "tool_calls", "function_call"}, path, kNotCarried);
            request.turns.push_back(std::move(turn));
        } else if (role == "tool") {
            ToolResult result;
            result.tool_call_id = in.required_string(message, "tool_call_id", path);
            std::vector<Part> parts;
            read_content(in, warnings, message, path, parts, /*images_allowed=*/false);
            for (auto& part : parts) result.text.push_back(std::move(part.text));
            if (auto found = names.find(result.tool_call_id); found != names.end()) result.name = found->second;
            warnings.unknown_members(message, {"role", "content", "tool_call_id"}, path, kNotCarried);
            // Results of one assistant turn's calls share one user turn, as Anthropic and Gemini want them.
            const bool continues_results = !request.turns.empty() && request.turns.back().role == Role::user &&
                                           !request.turns.back().parts.empty() &&
                                           request.turns.back().parts.back().kind == PartKind::tool_result;
            if (!continues_results) request.turns.emplace_back();  // a user turn
            request.turns.back().parts.push_back(Part::of_tool_result(std::move(result)));
        } else {
            in.fail("untranslatable", field_path(path, "role"),
                    "role '" + role + "' cannot be translated (expected system, developer, user, assistant or tool)");
        }
    }

    const auto max_completion = in.integer(body, "max_completion_tokens", "");
    const auto max_tokens = in.integer(body, "max_tokens", "");
    request.sampling.max_tokens = max_completion ? max_completion : max_tokens;
    request.sampling.temperature = in.number(body, "temperature", "");
    request.sampling.top_p = in.number(body, "top_p", "");
    read_stop(in, body, request);
    request.stream = in.boolean(body, "stream", "").value_or(false);
    read_tools(in, warnings, body, request);
    read_tool_choice(in, body, request);
    request.parallel_tool_calls = in.boolean(body, "parallel_tool_calls", "");
    if (in.failed()) return in.error();

    warnings.unknown_members(body,
                             {"model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p",
                              "stop", "stream", "tools", "tool_choice", "parallel_tool_calls"},
                             "", kNotCarried);
    return DecodedRequest{std::move(request), warnings.take()};
}

Result<Encoded> encode_openai_chat_request(const Request& request) {
    WarningList warnings;
    Json body = Json::object();
    body["model"] = request.model;
    Json messages = Json::array();
    for (const auto& system : request.system) messages.push_back({{"role", "system"}, {"content", system}});

    for (std::size_t t = 0; t < request.turns.size(); ++t) {
        const Turn& turn = request.turns[t];
        const std::string turn_path = index_path("turns", t);
        if (turn.role == Role::user) {
            // Tool results first, as role "tool" messages; then the rest as one user message.
            Json content = Json::array();
            std::vector<const TextPart*> texts;
            bool only_text = true;
            for (const auto& part : turn.parts) {
                if (part.kind == PartKind::tool_result) {
                    const ToolResult& result = part.tool_result;
                    std::vector<const TextPart*> result_texts;
                    for (const auto& text : result.text) result_texts.push_back(&text);
                    Json result_content = result_texts.empty() ? Json("") : text_content(result_texts);
                    if (result.is_error) warnings.add(turn_path, "OpenAI has no error flag on tool results: dropped");
                    messages.push_back({{"role", "tool"},
                                        {"tool_call_id", result.tool_call_id},
                                        {"content", std::move(result_content)}});
                    for (const auto& image : result.images) {
                        // OpenAI tool messages hold text only; the image follows in the user message.
                        content.push_back(image_url_part(image));
                        only_text = false;
                        warnings.add(turn_path, "an image in a tool result is sent in the following user message");
                    }
                } else if (part.kind == PartKind::text) {
                    content.push_back({{"type", "text"}, {"text", part.text.text}});
                    texts.push_back(&part.text);
                } else if (part.kind == PartKind::image) {
                    content.push_back(image_url_part(part.image));
                    only_text = false;
                } else {
                    return untranslatable(turn_path, "a user turn cannot hold a tool call");
                }
            }
            if (content.empty()) continue;
            messages.push_back({{"role", "user"}, {"content", only_text ? text_content(texts) : std::move(content)}});
        } else {
            std::vector<const TextPart*> texts;
            Json tool_calls = Json::array();
            for (const auto& part : turn.parts) {
                if (part.kind == PartKind::text) {
                    texts.push_back(&part.text);
                } else if (part.kind == PartKind::tool_call) {
                    tool_calls.push_back(
                        {{"id", part.tool_call.id},
                         {"type", "function"},
                         {"function",
                          {{"name", part.tool_call.name},
                           {"arguments", part.tool_call.arguments_json.empty() ? std::string("{}")
                                                                               : part.tool_call.arguments_json}}}});
                } else {
                    warnings.add(turn_path, "OpenAI assistant messages cannot hold images or tool results: dropped");
                }
            }
            Json message = {{"role", "assistant"}, {"content", texts.empty() ? Json(nullptr) : text_content(texts)}};
            if (!tool_calls.empty()) message["tool_calls"] = std::move(tool_calls);
            messages.push_back(std::move(message));
        }
    }
    body["messages"] = std::move(messages);

    const Sampling& sampling = request.sampling;
    // max_tokens, not max_completion_tokens: the OpenAI-compatible servers this proxy fronts (Ollama, vLLM,
    // LM Studio, llama.cpp) read max_tokens; OpenAI still accepts it for non-reasoning models.
    if (sampling.max_tokens) body["max_tokens"] = *sampling.max_tokens;
    if (sampling.temperature) body["temperature"] = *sampling.temperature;
    if (sampling.top_p) body["top_p"] = *sampling.top_p;
    if (sampling.top_k) warnings.add("top_k", "OpenAI Chat Completions has no top_k: dropped");
    if (!sampling.stop_sequences.empty()) body["stop"] = sampling.stop_sequences;
    if (request.stream) {
        body["stream"] = true;
        // Without it an OpenAI stream carries no usage, which Anthropic's and Gemini's streams report.
        body["stream_options"] = {{"include_usage", true}};
    }

    if (!request.tools.empty()) {
        Json tools = Json::array();
        for (std::size_t i = 0; i < request.tools.size(); ++i) {
            auto function = tool_declaration(request.tools[i], i, "parameters");
            if (!function) return function.error();
            tools.push_back({{"type", "function"}, {"function", std::move(function.value())}});
        }
        body["tools"] = std::move(tools);
    }
    switch (request.tool_choice.mode) {
        case ToolChoiceMode::unset:
            break;
        case ToolChoiceMode::automatic:
            body["tool_choice"] = "auto";
            break;
        case ToolChoiceMode::none:
            body["tool_choice"] = "none";
            break;
        case ToolChoiceMode::required:
            body["tool_choice"] = "required";
            break;
        case ToolChoiceMode::named:
            body["tool_choice"] = {{"type", "function"}, {"function", {{"name", request.tool_choice.name}}}};
            break;
    }
    if (request.parallel_tool_calls) body["parallel_tool_calls"] = *request.parallel_tool_calls;
    return Encoded{dump_json(body), warnings.take()};
}

Result<DecodedResponse> decode_openai_chat_response(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Response response;
    response.id = in.string(body, "id", "").value_or("");
    response.model = in.string(body, "model", "").value_or("");
    response.created = in.integer(body, "created", "").value_or(0);
    const Json* choices = in.required_array(body, "choices", "");
    if (in.failed()) return in.error();
    if (choices->empty()) {
        in.fail("missing_field", "choices", "the answer has no choice");
        return in.error();
    }
    if (choices->size() > 1) warnings.add("choices", "only the first of several choices is translated");
    const Json& choice = (*choices)[0];
    if (!in.expect_object(choice, "choices[0]")) return in.error();
    const Json* message = in.required_object(choice, "message", "choices[0]");
    if (in.failed()) return in.error();
    read_content(in, warnings, *message, "choices[0].message", response.parts, /*images_allowed=*/false);
    if (auto refusal = in.string(*message, "refusal", "choices[0].message")) {
        response.parts.push_back(Part::of_text(*refusal));
        warnings.add("choices[0].message.refusal", "a refusal is carried as plain text");
    }
    read_tool_calls(in, warnings, *message, "choices[0].message", response.parts);
    if (auto finish = in.string(choice, "finish_reason", "choices[0]")) {
        response.stop_reason = from_openai_finish_reason(*finish);
        if (response.stop_reason == StopReason::unknown) {
            warnings.add("choices[0].finish_reason", "unknown finish_reason '" + *finish + "'");
        }
    }
    if (const Json* usage = in.object(body, "usage", "")) response.usage = read_openai_usage(in, *usage, "usage");
    if (in.failed()) return in.error();
    warnings.unknown_members(*message, {"role", "content", "tool_calls", "refusal", "annotations"},
                             "choices[0].message", kNotCarried);
    return DecodedResponse{std::move(response), warnings.take()};
}

Result<Encoded> encode_openai_chat_response(const Response& response) {
    WarningList warnings;
    std::string text;
    std::size_t text_parts = 0;
    Json tool_calls = Json::array();
    for (const auto& part : response.parts) {
        if (part.kind == PartKind::text) {
            text += part.text.text;
            ++text_parts;
        } else if (part.kind == PartKind::tool_call) {
            tool_calls.push_back(
                {{"id", part.tool_call.id},
                 {"type", "function"},
                 {"function",
                  {{"name", part.tool_call.name},
                   {"arguments",
                    part.tool_call.arguments_json.empty() ? std::string("{}") : part.tool_call.arguments_json}}}});
        } else {
            warnings.add("choices[0].message", "an OpenAI answer cannot hold images: dropped");
        }
    }
    if (text_parts > 1) warnings.add("choices[0].message.content", "several text blocks are joined into one");
    Json message = {{"role", "assistant"}, {"content", text_parts == 0 ? Json(nullptr) : Json(text)}};
    if (!tool_calls.empty()) message["tool_calls"] = std::move(tool_calls);
    if (openai_approximates(response.stop_reason)) {
        warnings.add("choices[0].finish_reason", "stop reason '" + std::string(stop_reason_name(response.stop_reason)) +
                                                     "' is sent as '" +
                                                     std::string(to_openai_finish_reason(response.stop_reason)) + "'");
    }
    Json body = {{"id", response.id.empty() ? std::string(kOpenAiChatDefaultId) : response.id},
                 {"object", "chat.completion"},
                 {"created", response.created},
                 {"model", response.model},
                 {"choices", Json::array({{{"index", 0},
                                           {"message", std::move(message)},
                                           {"logprobs", nullptr},
                                           {"finish_reason", to_openai_finish_reason(response.stop_reason)}}})}};
    if (usage_known(response.usage)) body["usage"] = openai_usage(response.usage);
    if (!response.stop_sequence.empty()) {
        warnings.add("stop_sequence", "OpenAI does not say which stop sequence matched: dropped");
    }
    return Encoded{dump_json(body), warnings.take()};
}

}  // namespace pathwise::translate
