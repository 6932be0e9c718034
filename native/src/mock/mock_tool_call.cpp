#include "mock/mock_tool_call.hpp"

#include <initializer_list>
#include <string_view>

#include "mock/mock_replies.hpp"

namespace pathwise::mock {

namespace {

using nlohmann::json;

constexpr std::string_view kCallMarker = "pathwise-mock-call:";

const json& member(const json& object, const char* key) {
    static const json kNull;
    if (!object.is_object()) return kNull;
    const auto found = object.find(key);
    return found == object.end() ? kNull : *found;
}

std::string string_member(const json& object, const char* key) {
    const json& value = member(object, key);
    return value.is_string() ? value.get<std::string>() : "";
}

const json& last_of(const json& array) {
    static const json kNull;
    return array.is_array() && !array.empty() ? array.back() : kNull;
}

// The text of a content that is a string, or an array of parts whose `text` is read when their type is one of
// `text_types` (Chat "text", Anthropic "text", Responses "input_text").
std::string content_text(const json& content, std::initializer_list<std::string_view> text_types) {
    if (content.is_string()) return content.get<std::string>();
    std::string text;
    if (!content.is_array()) return text;
    for (const json& part : content) {
        const std::string type = string_member(part, "type");
        for (const std::string_view wanted : text_types) {
            if (type == wanted) text += string_member(part, "text");
        }
    }
    return text;
}

bool has_part_of_type(const json& content, std::string_view type) {
    if (!content.is_array()) return false;
    for (const json& part : content) {
        if (string_member(part, "type") == type) return true;
    }
    return false;
}

}  // namespace

std::optional<MockToolCall> requested_tool_call(const MockTurn& turn) {
    if (turn.ends_with_tool_result) return std::nullopt;
    const std::size_t at = turn.last_user_text.find(kCallMarker);
    if (at == std::string::npos) return std::nullopt;
    std::string name = turn.last_user_text.substr(at + kCallMarker.size());
    name = name.substr(0, name.find_first_of(" \t\r\n.,;\"'`)"));
    for (const MockTool& tool : turn.tools) {
        if (tool.name != name) continue;
        json arguments = sample_for_schema(tool.parameters.is_null() ? json::object() : tool.parameters, "pathwise");
        // Every protocol carries a call's arguments as an object: a tool without parameters gets {}.
        if (!arguments.is_object()) arguments = json::object();
        return MockToolCall{name, std::move(arguments)};
    }
    return std::nullopt;
}

// Chat Completions: tools[].function {name, parameters}; the tool's result is a message of role "tool".
MockTurn openai_chat_turn(const json& body) {
    MockTurn turn;
    const json& last = last_of(member(body, "messages"));
    const std::string role = string_member(last, "role");
    if (role == "user") turn.last_user_text = content_text(member(last, "content"), {"text"});
    turn.ends_with_tool_result = role == "tool";
    const json& tools = member(body, "tools");
    if (!tools.is_array()) return turn;
    for (const json& tool : tools) {
        const json& function = member(tool, "function");
        if (function.is_object())
            turn.tools.push_back({string_member(function, "name"), member(function, "parameters")});
    }
    return turn;
}

// Responses: input is a string (one user message) or items; the tool's result is a "function_call_output" item;
// tools[] {type "function", name, parameters}.
MockTurn openai_responses_turn(const json& body) {
    MockTurn turn;
    const json& input = member(body, "input");
    if (input.is_string()) {
        turn.last_user_text = input.get<std::string>();
    } else {
        const json& last = last_of(input);
        turn.ends_with_tool_result = string_member(last, "type") == "function_call_output";
        if (string_member(last, "role") == "user") {
            turn.last_user_text = content_text(member(last, "content"), {"input_text", "text"});
        }
    }
    const json& tools = member(body, "tools");
    if (!tools.is_array()) return turn;
    for (const json& tool : tools) {
        if (string_member(tool, "type") == "function")
            turn.tools.push_back({string_member(tool, "name"), member(tool, "parameters")});
    }
    return turn;
}

// Anthropic: the tool's result is a "tool_result" block in the last user message; tools[] {name, input_schema}.
MockTurn anthropic_turn(const json& body) {
    MockTurn turn;
    const json& last = last_of(member(body, "messages"));
    if (string_member(last, "role") == "user") {
        const json& content = member(last, "content");
        turn.last_user_text = content_text(content, {"text"});
        turn.ends_with_tool_result = has_part_of_type(content, "tool_result");
    }
    const json& tools = member(body, "tools");
    if (!tools.is_array()) return turn;
    for (const json& tool : tools) {
        if (tool.is_object()) turn.tools.push_back({string_member(tool, "name"), member(tool, "input_schema")});
    }
    return turn;
}

// Gemini: contents[] {role, parts[]}, role "user" or left out (the API then takes it as the user's); the tool's
// result is a functionResponse part; tools[].functionDeclarations[] {name, parameters | parametersJsonSchema}.
MockTurn gemini_turn(const json& body) {
    MockTurn turn;
    const json& last = last_of(member(body, "contents"));
    const std::string role = string_member(last, "role");
    const json& parts = member(last, "parts");
    if (last.is_object() && (role.empty() || role == "user") && parts.is_array()) {
        for (const json& part : parts) {
            turn.last_user_text += string_member(part, "text");
            if (member(part, "functionResponse").is_object()) turn.ends_with_tool_result = true;
        }
    }
    const json& tools = member(body, "tools");
    if (!tools.is_array()) return turn;
    for (const json& tool : tools) {
        const json& declarations = member(tool, "functionDeclarations");
        if (!declarations.is_array()) continue;
        for (const json& declaration : declarations) {
            const json& schema = member(declaration, "parametersJsonSchema").is_null()
                                     ? member(declaration, "parameters")
                                     : member(declaration, "parametersJsonSchema");
            turn.tools.push_back({string_member(declaration, "name"), schema});
        }
    }
    return turn;
}

}  // namespace pathwise::mock
