// gemini.cpp — Gemini generateContent (POST /v1beta/models/{model}:generateContent) ↔ the IR.
//
// Shapes: ai.google.dev/api/generate-content and @google/genai's GenerateContentParameters / Response.
// The model and streaming live in the path (RequestPath), not the body. Gemini's JSON is protobuf JSON, so it
// accepts each field in camelCase and in snake_case ("systemInstruction" and "system_instruction"; its own curl
// examples use the latter): the decoder reads both, the encoder writes camelCase.
// Function calls are linked to their responses by name and order; Gemini's optional call ids are read, and
// made up ("call_<n>") when absent so that OpenAI and Anthropic can link them.
// Dropped with a warning: safetySettings, thought parts and thought signatures, generationConfig fields the IR
// does not carry (responseMimeType, responseSchema, thinkingConfig, seed, penalties, …), extra candidates.
// Refused (untranslatable): non-image inline data and files, executable code, Google Search and other
// built-in tools, cachedContent.
#include <cctype>
#include <string>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"

namespace pathwise::translate {
namespace {

constexpr std::string_view kNotCarried = "not carried by the translation: dropped";

// "mimeType" → "mime_type".
std::string snake_case(std::string_view camel) {
    std::string out;
    for (const char c : camel) {
        if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string key_of(const Json& object, std::string_view camel) {
    if (JsonReader::member(object, camel) != nullptr) return std::string(camel);
    std::string snake = snake_case(camel);
    if (JsonReader::member(object, snake) != nullptr) return snake;
    return std::string(camel);
}

namespace {

// Both spellings, for WarningList::unknown_members' list of known fields.
std::vector<std::string> both_spellings(std::initializer_list<std::string_view> camel_keys) {
    std::vector<std::string> keys;
    for (const auto key : camel_keys) {
        keys.emplace_back(key);
        keys.push_back(snake_case(key));
    }
    return keys;
}

void warn_unknown(WarningList& warnings, const Json& object, const std::vector<std::string>& known,
                  std::string_view path) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->is_null()) continue;
        bool found = false;
        for (const auto& key : known) found = found || key == it.key();
        if (!found) warnings.add(field_path(path, it.key()), std::string(kNotCarried));
    }
}

// Gemini's `parameters` is an OpenAPI 3.0 schema whose types may be upper case ("OBJECT", the SDKs' Type
// enum); JSON Schema wants lower case. Bounded: parse_body already refused deep nesting.
void lower_schema_types(Json& schema) {
    if (schema.is_object()) {
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (it.key() == "type" && it->is_string()) {
                std::string type = it->get<std::string>();
                for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                *it = type;
            } else {
                lower_schema_types(*it);
            }
        }
    } else if (schema.is_array()) {
        for (auto& item : schema) lower_schema_types(item);
    }
}

// A functionResponse.response object as result text: {"output": "text"} → "text", {"error": …} → an error
// result, anything else → its JSON text.
void read_function_response(const Json& response, ToolResult& result) {
    if (response.is_object() && response.size() == 1) {
        // An iterator, not items(): a binding to *items().begin() outlives the proxy it refers to.
        const auto only = response.begin();
        const std::string& key = only.key();
        const Json& value = only.value();
        if (key == "output" || key == "error") {
            result.is_error = key == "error";
            result.text.push_back(TextPart{value.is_string() ? value.get<std::string>() : dump_json(value)});
            return;
        }
    }
    result.text.push_back(TextPart{dump_json(response)});
}

// Gemini 3 refuses a replayed model turn whose function call lacks the thought signature it was sent with
// ("Function call is missing a thought_signature", 400). A call that came from another protocol never had one, so
// the first call of each model turn carries the sentinel Google documents for such history
// (ai.google.dev/gemini-api/docs/thought-signatures); earlier models ignore it.
// Read back, the sentinel carries nothing, so it is dropped without a warning.
constexpr std::string_view kForeignCallSignature = "skip_thought_signature_validator";

bool is_real_signature(const Json* signature) {
    return signature != nullptr &&
           !(signature->is_string() && signature->get_ref<const std::string&>() == kForeignCallSignature);
}

void read_parts(JsonReader& in, WarningList& warnings, const Json& content, std::string_view path,
                std::vector<Part>& out, CallLinker& calls) {
    const Json* parts = in.required_array(content, "parts", path);
    if (parts == nullptr) return;
    const std::string parts_path = field_path(path, "parts");
    for (std::size_t i = 0; i < parts->size() && !in.failed(); ++i) {
        const Json& part = (*parts)[i];
        const std::string part_path = index_path(parts_path, i);
        if (!in.expect_object(part, part_path)) return;
        if (in.boolean(part, "thought", part_path).value_or(false)) {
            warnings.add(part_path, "a thought part is Gemini's own: dropped");
            continue;
        }
        if (is_real_signature(JsonReader::member(part, key_of(part, "thoughtSignature")))) {
            warnings.add(field_path(part_path, "thoughtSignature"), "thought signatures are Gemini's own: dropped");
        }
        if (auto text = in.string(part, "text", part_path)) {
            out.push_back(Part::of_text(std::move(*text)));
        } else if (const Json* inline_data = in.object(part, key_of(part, "inlineData"), part_path)) {
            const std::string data_path = field_path(part_path, "inlineData");
            ImagePart image;
            image.media_type = in.required_string(*inline_data, key_of(*inline_data, "mimeType"), data_path);
            image.data = in.required_string(*inline_data, "data", data_path);
            if (!in.failed() && image.media_type.rfind("image/", 0) != 0) {
                in.fail("untranslatable", field_path(data_path, "mimeType"),
                        "inline data of type '" + image.media_type + "' cannot be translated (images only)");
            }
            out.push_back(Part::of_image(std::move(image)));
        } else if (const Json* file_data = in.object(part, key_of(part, "fileData"), part_path)) {
            const std::string data_path = field_path(part_path, "fileData");
            ImagePart image;
            image.media_type = in.string(*file_data, key_of(*file_data, "mimeType"), data_path).value_or("");
            image.url = in.required_string(*file_data, key_of(*file_data, "fileUri"), data_path);
            if (!in.failed() && !image.media_type.empty() && image.media_type.rfind("image/", 0) != 0) {
                in.fail("untranslatable", field_path(data_path, "mimeType"),
                        "a file of type '" + image.media_type + "' cannot be translated (images only)");
            }
            out.push_back(Part::of_image(std::move(image)));
        } else if (const Json* call = in.object(part, key_of(part, "functionCall"), part_path)) {
            const std::string call_path = field_path(part_path, "functionCall");
            ToolCall ir;
            ir.name = in.required_string(*call, "name", call_path);
            const Json* args = in.object(*call, "args", call_path);
            ir.arguments_json = args != nullptr ? dump_json(*args) : "{}";
            ir.id = calls.id_for_call(in.string(*call, "id", call_path).value_or(""), ir.name);
            out.push_back(Part::of_tool_call(std::move(ir)));
        } else if (const Json* response = in.object(part, key_of(part, "functionResponse"), part_path)) {
            const std::string response_path = field_path(part_path, "functionResponse");
            ToolResult result;
            result.name = in.required_string(*response, "name", response_path);
            const Json* output = in.required_object(*response, "response", response_path);
            if (in.failed()) return;
            read_function_response(*output, result);
            result.tool_call_id =
                calls.id_for_response(in.string(*response, "id", response_path).value_or(""), result.name);
            out.push_back(Part::of_tool_result(std::move(result)));
        } else if (!in.failed()) {
            std::string kind = part.empty() ? std::string("an empty part") : "'" + part.begin().key() + "'";
            in.fail("untranslatable", part_path, "part " + kind + " cannot be translated to another protocol");
        }
    }
}

void read_tools(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* tools = in.array(body, "tools", "");
    if (tools == nullptr) return;
    for (std::size_t i = 0; i < tools->size() && !in.failed(); ++i) {
        const Json& tool = (*tools)[i];
        const std::string tool_path = index_path("tools", i);
        if (!in.expect_object(tool, tool_path)) return;
        for (auto it = tool.begin(); it != tool.end(); ++it) {
            if (it.key() != "functionDeclarations" && it.key() != "function_declarations" && !it->is_null()) {
                in.fail("untranslatable", field_path(tool_path, it.key()),
                        "Gemini's built-in tool '" + it.key() + "' has no equivalent in other protocols");
                return;
            }
        }
        const Json* declarations = in.array(tool, key_of(tool, "functionDeclarations"), tool_path);
        if (declarations == nullptr) continue;
        const std::string declarations_path = field_path(tool_path, "functionDeclarations");
        for (std::size_t d = 0; d < declarations->size() && !in.failed(); ++d) {
            const Json& declaration = (*declarations)[d];
            const std::string path = index_path(declarations_path, d);
            if (!in.expect_object(declaration, path)) return;
            ToolDefinition definition;
            definition.name = in.required_string(declaration, "name", path);
            definition.description = in.string(declaration, "description", path).value_or("");
            if (const Json* schema = in.object(declaration, key_of(declaration, "parametersJsonSchema"), path)) {
                definition.parameters_json = dump_json(*schema);
            } else if (const Json* parameters = in.object(declaration, "parameters", path)) {
                Json lowered = *parameters;
                lower_schema_types(lowered);
                definition.parameters_json = dump_json(lowered);
            }
            warn_unknown(warnings, declaration,
                         both_spellings({"name", "description", "parameters", "parametersJsonSchema"}), path);
            request.tools.push_back(std::move(definition));
        }
    }
}

void read_tool_config(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* config = in.object(body, key_of(body, "toolConfig"), "");
    if (config == nullptr) return;
    const Json* calling = in.object(*config, key_of(*config, "functionCallingConfig"), "toolConfig");
    if (calling == nullptr) return;
    const std::string path = "toolConfig.functionCallingConfig";
    const std::string mode = in.string(*calling, "mode", path).value_or("AUTO");
    std::vector<std::string> allowed;
    if (const Json* names = in.array(*calling, key_of(*calling, "allowedFunctionNames"), path)) {
        for (const auto& name : *names) {
            if (name.is_string()) allowed.push_back(name.get<std::string>());
        }
    }
    if (mode == "AUTO" || mode == "MODE_UNSPECIFIED") {
        request.tool_choice.mode = ToolChoiceMode::automatic;
    } else if (mode == "NONE") {
        request.tool_choice.mode = ToolChoiceMode::none;
    } else if (mode == "ANY" || mode == "VALIDATED") {
        if (allowed.size() == 1) {
            request.tool_choice = ToolChoice{ToolChoiceMode::named, allowed.front()};
        } else {
            request.tool_choice.mode = ToolChoiceMode::required;
            if (allowed.size() > 1) {
                warnings.add(path + ".allowedFunctionNames",
                             "a choice among several named tools is sent as 'any tool'");
            }
        }
        if (mode == "VALIDATED") warnings.add(path + ".mode", "VALIDATED is sent as ANY");
    } else if (!in.failed()) {
        in.fail("bad_value", path + ".mode", "expected AUTO, ANY, NONE or VALIDATED, got \"" + mode + "\"");
    }
}

void read_generation_config(JsonReader& in, WarningList& warnings, const Json& body, Request& request) {
    const Json* config = in.object(body, key_of(body, "generationConfig"), "");
    if (config == nullptr) return;
    const std::string path = "generationConfig";
    Sampling& sampling = request.sampling;
    sampling.max_tokens = in.integer(*config, key_of(*config, "maxOutputTokens"), path);
    sampling.temperature = in.number(*config, "temperature", path);
    sampling.top_p = in.number(*config, key_of(*config, "topP"), path);
    sampling.top_k = in.integer(*config, key_of(*config, "topK"), path);
    if (const Json* stops = in.array(*config, key_of(*config, "stopSequences"), path)) {
        for (std::size_t i = 0; i < stops->size(); ++i) {
            if (!(*stops)[i].is_string()) {
                in.fail("wrong_type", index_path(path + ".stopSequences", i),
                        "expected a string, got " + std::string(json_type_name((*stops)[i])));
                return;
            }
            sampling.stop_sequences.push_back((*stops)[i].get<std::string>());
        }
    }
    if (auto count = in.integer(*config, key_of(*config, "candidateCount"), path); count && *count > 1) {
        warnings.add(path + ".candidateCount", "only one candidate is asked for");
    }
    warn_unknown(warnings, *config,
                 both_spellings({"maxOutputTokens", "temperature", "topP", "topK", "stopSequences", "candidateCount"}),
                 path);
}

Result<Json> file_data_part(const ImagePart& image, std::string_view path) {
    std::string media_type = image.media_type;
    if (media_type.empty()) {
        // fileData needs a MIME type; guess it from the URL's extension, as a person would.
        std::string lower = image.url.substr(0, image.url.find_first_of("?#"));
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto ends_with = [&](std::string_view suffix) {
            return lower.size() >= suffix.size() &&
                   lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (ends_with(".png"))
            media_type = "image/png";
        else if (ends_with(".jpg") || ends_with(".jpeg"))
            media_type = "image/jpeg";
        else if (ends_with(".webp"))
            media_type = "image/webp";
        else if (ends_with(".gif"))
            media_type = "image/gif";
        else if (ends_with(".heic"))
            media_type = "image/heic";
        else
            return untranslatable(
                path, "Gemini needs an image URL's MIME type and the URL does not show it; send the image inline");
    }
    return Json{{"fileData", {{"mimeType", media_type}, {"fileUri", image.url}}}};
}

Result<Json> image_part(const ImagePart& image, std::string_view path) {
    if (!image.url.empty()) return file_data_part(image, path);
    if (image.media_type.empty()) return untranslatable(path, "an inline image needs its media type for Gemini");
    return Json{{"inlineData", {{"mimeType", image.media_type}, {"data", image.data}}}};
}

Result<Json> gemini_parts(const Turn& turn, const ToolNames& names, std::string_view path, WarningList& warnings) {
    Json parts = Json::array();
    bool signed_a_call = false;
    for (const auto& part : turn.parts) {
        switch (part.kind) {
            case PartKind::text:
                parts.push_back({{"text", part.text.text}});
                break;
            case PartKind::image: {
                auto image = image_part(part.image, path);
                if (!image) return image.error();
                parts.push_back(std::move(image).value());
                break;
            }
            case PartKind::tool_call: {
                auto args = arguments_object(part.tool_call);
                if (!args) return args.error();
                Json call = {{"functionCall", {{"name", part.tool_call.name}, {"args", std::move(args).value()}}}};
                if (!signed_a_call) call["thoughtSignature"] = kForeignCallSignature;
                signed_a_call = true;
                parts.push_back(std::move(call));
                break;
            }
            case PartKind::tool_result: {
                const ToolResult& result = part.tool_result;
                std::string name = result.name;
                if (auto found = names.find(result.tool_call_id); name.empty() && found != names.end()) {
                    name = found->second;
                }
                if (name.empty()) {
                    return untranslatable(path, "the result of call '" + result.tool_call_id +
                                                    "' names no tool, and Gemini links results by tool name");
                }
                const std::string output = joined_text(result.text);
                Json response;
                if (result.is_error) {
                    response = {{"error", output}};
                } else if (auto parsed = parse_fragment(output); parsed && parsed->is_object()) {
                    response = std::move(*parsed);  // JSON output stays structured
                } else {
                    response = {{"output", output}};  // the key Gemini documents for a function's output
                }
                if (result.text.size() > 1)
                    warnings.add(std::string(path), "tool result text blocks are joined by newlines");
                parts.push_back({{"functionResponse", {{"name", name}, {"response", std::move(response)}}}});
                for (const auto& image : result.images) {
                    auto encoded = image_part(image, path);
                    if (!encoded) return encoded.error();
                    parts.push_back(std::move(encoded).value());
                    warnings.add(std::string(path), "an image in a tool result is sent as a part after it");
                }
                break;
            }
        }
    }
    return parts;
}

}  // namespace

Json gemini_usage_metadata(const Usage& usage) {
    const std::int64_t input = usage.input_tokens.value_or(0);
    const std::int64_t output = usage.output_tokens.value_or(0);
    return {{"promptTokenCount", input}, {"candidatesTokenCount", output}, {"totalTokenCount", input + output}};
}

Result<Json> gemini_function_call_part(const ToolCall& call) {
    auto args = arguments_object(call);
    if (!args) return args.error();
    Json function_call = {{"name", call.name}, {"args", std::move(args).value()}};
    if (!call.id.empty()) function_call["id"] = call.id;  // @google/genai reads it back
    return Json{{"functionCall", std::move(function_call)}};
}

void read_gemini_parts(JsonReader& in, WarningList& warnings, const Json& content, std::string_view path,
                       std::vector<Part>& out, CallLinker& calls) {
    read_parts(in, warnings, content, path, out, calls);
}

Usage read_gemini_usage(JsonReader& in, const Json& usage, std::string_view path) {
    Usage out;
    out.input_tokens = in.integer(usage, key_of(usage, "promptTokenCount"), path);
    out.output_tokens = in.integer(usage, key_of(usage, "candidatesTokenCount"), path);
    // Thinking tokens are output tokens in OpenAI's and Anthropic's accounts.
    if (auto thoughts = in.integer(usage, key_of(usage, "thoughtsTokenCount"), path)) {
        out.output_tokens = out.output_tokens.value_or(0) + *thoughts;
    }
    return out;
}

Result<DecodedRequest> decode_gemini_request(std::string_view text, const RequestPath& path) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Request request;
    request.model = path.model.rfind("models/", 0) == 0 ? path.model.substr(7) : path.model;
    request.stream = path.stream;

    if (const Json* system = in.object(body, key_of(body, "systemInstruction"), "")) {
        std::vector<Part> parts;
        CallLinker unused;
        read_parts(in, warnings, *system, "systemInstruction", parts, unused);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i].kind != PartKind::text) {
                in.fail("untranslatable", index_path("systemInstruction.parts", i), "system instructions must be text");
                break;
            }
            request.system.push_back(std::move(parts[i].text.text));
        }
    }
    const Json* contents = in.required_array(body, "contents", "");
    if (in.failed()) return in.error();
    CallLinker calls;
    for (std::size_t i = 0; i < contents->size() && !in.failed(); ++i) {
        const Json& content = (*contents)[i];
        const std::string content_path = index_path("contents", i);
        if (!in.expect_object(content, content_path)) break;
        // A single-turn request may leave the role out; "function" is the role older clients gave responses.
        const std::string role = in.string(content, "role", content_path).value_or("user");
        Turn turn;
        if (role == "model") {
            turn.role = Role::assistant;
        } else if (role != "user" && role != "function") {
            in.fail("bad_value", field_path(content_path, "role"), "expected user or model, got \"" + role + "\"");
            break;
        }
        read_parts(in, warnings, content, content_path, turn.parts, calls);
        request.turns.push_back(std::move(turn));
    }
    read_generation_config(in, warnings, body, request);
    read_tools(in, warnings, body, request);
    read_tool_config(in, warnings, body, request);
    if (JsonReader::member(body, key_of(body, "cachedContent")) != nullptr && !in.failed()) {
        in.fail("untranslatable", "cachedContent", "Gemini's cached content cannot be sent to another provider");
    }
    if (in.failed()) return in.error();
    warn_unknown(warnings, body,
                 both_spellings({"contents", "systemInstruction", "generationConfig", "tools", "toolConfig", "model"}),
                 "");
    return DecodedRequest{std::move(request), warnings.take()};
}

Result<Encoded> encode_gemini_request(const Request& request) {
    WarningList warnings;
    Json body = Json::object();
    const ToolNames names = tool_names_of(request);
    Json contents = Json::array();
    const std::vector<Turn> turns = merged_turns(request.turns);
    for (std::size_t t = 0; t < turns.size(); ++t) {
        auto parts = gemini_parts(turns[t], names, index_path("turns", t), warnings);
        if (!parts) return parts.error();
        contents.push_back(
            {{"role", turns[t].role == Role::user ? "user" : "model"}, {"parts", std::move(parts).value()}});
    }
    body["contents"] = std::move(contents);
    if (!request.system.empty()) {
        Json parts = Json::array();
        for (const auto& text : request.system) parts.push_back({{"text", text}});
        body["systemInstruction"] = {{"parts", std::move(parts)}};
    }
    if (!request.tools.empty()) {
        Json declarations = Json::array();
        for (std::size_t i = 0; i < request.tools.size(); ++i) {
            // parametersJsonSchema takes full JSON Schema; `parameters` (OpenAPI 3.0 subset) rejects the
            // $schema and additionalProperties that Claude Code's and Codex's tool schemas carry.
            auto declaration = tool_declaration(request.tools[i], i, "parametersJsonSchema");
            if (!declaration) return declaration.error();
            declarations.push_back(std::move(declaration.value()));
        }
        body["tools"] = Json::array({{{"functionDeclarations", std::move(declarations)}}});
    }
    Json calling;
    switch (request.tool_choice.mode) {
        case ToolChoiceMode::unset:
            break;
        case ToolChoiceMode::automatic:
            calling = {{"mode", "AUTO"}};
            break;
        case ToolChoiceMode::none:
            calling = {{"mode", "NONE"}};
            break;
        case ToolChoiceMode::required:
            calling = {{"mode", "ANY"}};
            break;
        case ToolChoiceMode::named:
            calling = {{"mode", "ANY"}, {"allowedFunctionNames", Json::array({request.tool_choice.name})}};
            break;
    }
    if (!calling.is_null()) body["toolConfig"] = {{"functionCallingConfig", std::move(calling)}};
    if (request.parallel_tool_calls) {
        warnings.add("parallel_tool_calls", "Gemini has no switch for parallel tool calls: dropped");
    }
    const Sampling& sampling = request.sampling;
    Json config = Json::object();
    if (sampling.max_tokens) config["maxOutputTokens"] = *sampling.max_tokens;
    if (sampling.temperature) config["temperature"] = *sampling.temperature;
    if (sampling.top_p) config["topP"] = *sampling.top_p;
    if (sampling.top_k) config["topK"] = *sampling.top_k;
    if (!sampling.stop_sequences.empty()) config["stopSequences"] = sampling.stop_sequences;
    if (!config.empty()) body["generationConfig"] = std::move(config);
    return Encoded{dump_json(body), warnings.take()};
}

Result<DecodedResponse> decode_gemini_response(std::string_view text) {
    auto parsed = parse_body(text);
    if (!parsed) return parsed.error();
    const Json& body = *parsed;
    JsonReader in;
    WarningList warnings;
    Response response;
    response.id = in.string(body, key_of(body, "responseId"), "").value_or("");
    response.model = in.string(body, key_of(body, "modelVersion"), "").value_or("");
    const Json* candidates = in.array(body, "candidates", "");
    if (candidates == nullptr || candidates->empty()) {
        if (in.failed()) return in.error();
        // A blocked prompt has no candidate, only promptFeedback.blockReason.
        const Json* feedback = in.object(body, key_of(body, "promptFeedback"), "");
        if (feedback == nullptr || JsonReader::member(*feedback, key_of(*feedback, "blockReason")) == nullptr) {
            in.fail("missing_field", "candidates", "the answer has no candidate and no promptFeedback.blockReason");
            return in.error();
        }
        response.stop_reason = StopReason::content_filter;
        warnings.add("promptFeedback", "the prompt was blocked: sent as a content-filter stop");
    } else {
        if (candidates->size() > 1) warnings.add("candidates", "only the first of several candidates is translated");
        const Json& candidate = (*candidates)[0];
        if (!in.expect_object(candidate, "candidates[0]")) return in.error();
        CallLinker calls;
        if (const Json* content = in.object(candidate, "content", "candidates[0]")) {
            // A candidate stopped for safety may have a content without parts.
            if (JsonReader::member(*content, "parts") != nullptr) {
                read_parts(in, warnings, *content, "candidates[0].content", response.parts, calls);
            }
        }
        bool has_call = false;
        for (const auto& part : response.parts) {
            if (part.kind == PartKind::tool_result)
                return untranslatable("candidates[0]", "an answer cannot hold a functionResponse");
            has_call = has_call || part.kind == PartKind::tool_call;
        }
        if (auto finish = in.string(candidate, key_of(candidate, "finishReason"), "candidates[0]")) {
            response.stop_reason = from_gemini_finish_reason(*finish, has_call);
            if (response.stop_reason == StopReason::unknown) {
                warnings.add("candidates[0].finishReason", "unknown finishReason '" + *finish + "'");
            }
        }
    }
    if (const Json* usage = in.object(body, key_of(body, "usageMetadata"), "")) {
        response.usage = read_gemini_usage(in, *usage, "usageMetadata");
    }
    if (in.failed()) return in.error();
    return DecodedResponse{std::move(response), warnings.take()};
}

Result<Encoded> encode_gemini_response(const Response& response) {
    WarningList warnings;
    Json parts = Json::array();
    for (const auto& part : response.parts) {
        if (part.kind == PartKind::text) {
            parts.push_back({{"text", part.text.text}});
        } else if (part.kind == PartKind::tool_call) {
            auto call = gemini_function_call_part(part.tool_call);
            if (!call) return call.error();
            parts.push_back(std::move(call).value());
        } else if (part.kind == PartKind::image) {
            auto image = image_part(part.image, "content");
            if (!image) return image.error();
            parts.push_back(std::move(image).value());
        }
    }
    if (gemini_approximates(response.stop_reason)) {
        warnings.add("finishReason", "stop reason '" + std::string(stop_reason_name(response.stop_reason)) +
                                         "' is sent as '" + std::string(to_gemini_finish_reason(response.stop_reason)) +
                                         "'");
    }
    Json body = {{"candidates", Json::array({{{"content", {{"role", "model"}, {"parts", std::move(parts)}}},
                                              {"finishReason", to_gemini_finish_reason(response.stop_reason)},
                                              {"index", 0}}})}};
    if (usage_known(response.usage)) body["usageMetadata"] = gemini_usage_metadata(response.usage);
    if (!response.model.empty()) body["modelVersion"] = response.model;
    if (!response.id.empty()) body["responseId"] = response.id;
    return Encoded{dump_json(body), warnings.take()};
}

}  // namespace pathwise::translate
