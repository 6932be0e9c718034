// mock_tool_call.hpp — whether the mock answers a conversation with a tool call, decided once for every protocol:
// the last turn is the user's and says "pathwise-mock-call:NAME", and NAME is one of the request's tools. After the
// tool's result the mock answers in text, so a client's round trip ends (docs/clients.md §6).
//
//   if (auto call = requested_tool_call(anthropic_turn(ask.body))) …   // call->name, call->arguments (an object)
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pathwise::mock {

struct MockTool {
    std::string name;
    nlohmann::json parameters;  // its JSON Schema (or Gemini Schema); null when it declares none
};

// The end of a conversation, read from one protocol's request shape.
struct MockTurn {
    std::string last_user_text;          // the text of the last turn when it is the user's; "" otherwise
    bool ends_with_tool_result = false;  // the last turn carries a tool's result
    std::vector<MockTool> tools;         // the function tools the request declares
};

struct MockToolCall {
    std::string name;
    nlohmann::json arguments;  // a JSON object made from the tool's parameter schema
};

[[nodiscard]] std::optional<MockToolCall> requested_tool_call(const MockTurn& turn);

// One reader per request shape: Chat Completions messages, Responses input items, Anthropic content blocks, Gemini
// contents[].parts[].
[[nodiscard]] MockTurn openai_chat_turn(const nlohmann::json& body);
[[nodiscard]] MockTurn openai_responses_turn(const nlohmann::json& body);
[[nodiscard]] MockTurn anthropic_turn(const nlohmann::json& body);
[[nodiscard]] MockTurn gemini_turn(const nlohmann::json& body);

}  // namespace pathwise::mock
