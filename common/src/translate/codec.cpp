// codec.cpp — the dispatch of codec.hpp and the helpers every codec shares.
#include "pathwise/translate/codec.hpp"

#include "codecs.hpp"

namespace pathwise::translate {

std::string_view protocol_name(Protocol protocol) {
    switch (protocol) {
        case Protocol::openai_chat:
            return "openai-chat";
        case Protocol::anthropic:
            return "anthropic";
        case Protocol::gemini:
            return "gemini";
        case Protocol::openai_responses:
            return "openai-responses";
    }
    return "unknown";
}

std::optional<Protocol> parse_protocol(std::string_view name) {
    for (const Protocol protocol : kProtocols) {
        if (protocol_name(protocol) == name) return protocol;
    }
    return std::nullopt;
}

Result<DecodedRequest> decode_request(Protocol from, std::string_view body, const RequestPath& path) {
    switch (from) {
        case Protocol::openai_chat:
            return decode_openai_chat_request(body);
        case Protocol::anthropic:
            return decode_anthropic_request(body);
        case Protocol::gemini:
            return decode_gemini_request(body, path);
        case Protocol::openai_responses:
            return decode_openai_responses_request(body);
    }
    return Error{"bad_value", "protocol: unknown"};
}

Result<Encoded> encode_request(Protocol to, const Request& request, const EncodeOptions& options) {
    switch (to) {
        case Protocol::openai_chat:
            return encode_openai_chat_request(request);
        case Protocol::anthropic:
            return encode_anthropic_request(request, options);
        case Protocol::gemini:
            return encode_gemini_request(request);
        case Protocol::openai_responses:
            return encode_openai_responses_request(request);
    }
    return Error{"bad_value", "protocol: unknown"};
}

Result<DecodedResponse> decode_response(Protocol from, std::string_view body) {
    switch (from) {
        case Protocol::openai_chat:
            return decode_openai_chat_response(body);
        case Protocol::anthropic:
            return decode_anthropic_response(body);
        case Protocol::gemini:
            return decode_gemini_response(body);
        case Protocol::openai_responses:
            return decode_openai_responses_response(body);
    }
    return Error{"bad_value", "protocol: unknown"};
}

Result<Encoded> encode_response(Protocol to, const Response& response) {
    switch (to) {
        case Protocol::openai_chat:
            return encode_openai_chat_response(response);
        case Protocol::anthropic:
            return encode_anthropic_response(response);
        case Protocol::gemini:
            return encode_gemini_response(response);
        case Protocol::openai_responses:
            return encode_openai_responses_response(response);
    }
    return Error{"bad_value", "protocol: unknown"};
}

ToolNames tool_names_of(const Request& request) {
    ToolNames names;
    for (const auto& turn : request.turns) {
        for (const auto& part : turn.parts) {
            if (part.kind == PartKind::tool_call) names[part.tool_call.id] = part.tool_call.name;
        }
    }
    return names;
}

Result<Json> arguments_object(const ToolCall& call) {
    if (call.arguments_json.find_first_not_of(" \t\r\n") == std::string::npos) return Json::object();
    auto parsed = parse_fragment(call.arguments_json);
    if (!parsed || !parsed->is_object()) {
        return untranslatable("tool call '" + call.name + "' (" + call.id + ").arguments",
                              "the arguments are not a JSON object, which this protocol requires");
    }
    return std::move(*parsed);
}

bool is_data_url(std::string_view url) {
    return url.substr(0, 5) == "data:";
}

std::optional<DataUrl> parse_data_url(std::string_view url) {
    if (!is_data_url(url)) return std::nullopt;
    const auto comma = url.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    std::string_view header = url.substr(5, comma - 5);  // "image/png;base64"
    constexpr std::string_view kBase64 = ";base64";
    if (header.size() < kBase64.size() || header.substr(header.size() - kBase64.size()) != kBase64) {
        return std::nullopt;
    }
    header.remove_suffix(kBase64.size());
    if (header.empty()) return std::nullopt;
    return DataUrl{std::string(header), std::string(url.substr(comma + 1))};
}

std::string joined_text(const std::vector<TextPart>& blocks) {
    std::string out;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0) out += '\n';
        out += blocks[i].text;
    }
    return out;
}

std::vector<Turn> merged_turns(const std::vector<Turn>& turns) {
    std::vector<Turn> merged;
    for (const auto& turn : turns) {
        if (!merged.empty() && merged.back().role == turn.role) {
            merged.back().parts.insert(merged.back().parts.end(), turn.parts.begin(), turn.parts.end());
        } else {
            merged.push_back(turn);
        }
    }
    return merged;
}

bool usage_known(const Usage& usage) {
    return usage.input_tokens.has_value() || usage.output_tokens.has_value();
}

Error untranslatable(std::string_view field, std::string_view why) {
    return Error{"untranslatable", std::string(field) + ": " + std::string(why)};
}

Result<Json> tool_declaration(const ToolDefinition& tool, std::size_t index, std::string_view schema_key,
                              const std::optional<Json>& empty_schema) {
    Json declaration = {{"name", tool.name}};
    if (!tool.description.empty()) declaration["description"] = tool.description;
    const std::string key(schema_key);
    if (tool.parameters_json.empty()) {
        if (empty_schema) declaration[key] = *empty_schema;
        return declaration;
    }
    auto schema = parse_fragment(tool.parameters_json);
    if (!schema) return untranslatable(index_path("tools", index), "the parameters are not valid JSON");
    declaration[key] = std::move(*schema);
    return declaration;
}

}  // namespace pathwise::translate
