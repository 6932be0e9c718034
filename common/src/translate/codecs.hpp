// codecs.hpp — the per-protocol decoders and encoders behind codec.hpp's dispatch, and what they share.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_reader.hpp"
#include "pathwise/translate/codec.hpp"

namespace pathwise::translate {

[[nodiscard]] Result<DecodedRequest> decode_openai_chat_request(std::string_view body);
[[nodiscard]] Result<Encoded> encode_openai_chat_request(const Request& request);
[[nodiscard]] Result<DecodedResponse> decode_openai_chat_response(std::string_view body);
[[nodiscard]] Result<Encoded> encode_openai_chat_response(const Response& response);

[[nodiscard]] Result<DecodedRequest> decode_anthropic_request(std::string_view body);
[[nodiscard]] Result<Encoded> encode_anthropic_request(const Request& request, const EncodeOptions& options);
[[nodiscard]] Result<DecodedResponse> decode_anthropic_response(std::string_view body);
[[nodiscard]] Result<Encoded> encode_anthropic_response(const Response& response);

[[nodiscard]] Result<DecodedRequest> decode_gemini_request(std::string_view body, const RequestPath& path);
[[nodiscard]] Result<Encoded> encode_gemini_request(const Request& request);
[[nodiscard]] Result<DecodedResponse> decode_gemini_response(std::string_view body);
[[nodiscard]] Result<Encoded> encode_gemini_response(const Response& response);

[[nodiscard]] Result<DecodedRequest> decode_openai_responses_request(std::string_view body);
[[nodiscard]] Result<Encoded> encode_openai_responses_request(const Request& request);  // to a Responses upstream
[[nodiscard]] Result<DecodedResponse> decode_openai_responses_response(std::string_view body);
[[nodiscard]] Result<Encoded> encode_openai_responses_response(const Response& response);

// ---- shared by the codecs --------------------------------------------------------------------------------

// Tool-call id → tool name, from the calls seen so far in a conversation (results name the call by id only in
// OpenAI and Anthropic; Gemini names it by tool name).
using ToolNames = std::map<std::string, std::string, std::less<>>;
[[nodiscard]] ToolNames tool_names_of(const Request& request);

// Arguments JSON text as the object Anthropic's `input` and Gemini's `args` need; "" means {}.
// Fails "untranslatable" when the text is not a JSON object (a model may have emitted broken JSON).
[[nodiscard]] Result<Json> arguments_object(const ToolCall& call);

// "data:image/png;base64,iVBOR…" → media type and data; nullopt when `url` is not a base64 data URL.
struct DataUrl {
    std::string media_type;
    std::string data;
};
[[nodiscard]] std::optional<DataUrl> parse_data_url(std::string_view url);
[[nodiscard]] bool is_data_url(std::string_view url);

// The text blocks of a tool result joined by "\n" (OpenAI and Gemini carry one text).
[[nodiscard]] std::string joined_text(const std::vector<TextPart>& blocks);

// Consecutive turns of one role as one turn (Anthropic and Gemini want roles to alternate, and all results of
// one assistant turn's tool calls in the next user turn).
[[nodiscard]] std::vector<Turn> merged_turns(const std::vector<Turn>& turns);

[[nodiscard]] Error untranslatable(std::string_view field, std::string_view why);

// OpenAI's string tool_choice ("auto", "none", "required"), shared by Chat Completions and Responses, whose object
// forms differ. False when `choice` is not a string (the caller reads its object form).
bool read_openai_tool_choice_mode(JsonReader& in, const Json& choice, Request& request);

// One tool as every protocol declares it: {"name", "description" (when set), schema_key: the parameters schema}.
// A tool without parameters gets `empty_schema` under schema_key, or no schema at all when that is nullopt.
// Fails "untranslatable" (at tools[index]) when the parameters are not valid JSON.
[[nodiscard]] Result<Json> tool_declaration(const ToolDefinition& tool, std::size_t index, std::string_view schema_key,
                                            const std::optional<Json>& empty_schema = std::nullopt);

// ---- shared by a protocol's answer encoder and its stream encoder ------------------------------------------

// The id an answer is sent with when the upstream gave none (both SDKs expect one).
inline constexpr std::string_view kOpenAiChatDefaultId = "chatcmpl-pathwise";
inline constexpr std::string_view kAnthropicDefaultId = "msg_pathwise";

// True when the upstream reported at least one of the counts; an answer carries no usage otherwise.
[[nodiscard]] bool usage_known(const Usage& usage);
// {"prompt_tokens", "completion_tokens", "total_tokens"}; an unknown count is 0.
[[nodiscard]] Json openai_usage(const Usage& usage);
// {"promptTokenCount", "candidatesTokenCount", "totalTokenCount"}; an unknown count is 0.
[[nodiscard]] Json gemini_usage_metadata(const Usage& usage);

// {"type": "tool_use", "id", "name", "input"}: a call in an Anthropic request, answer or stream.
[[nodiscard]] Json anthropic_tool_use_block(const ToolCall& call, Json input);
// The matched stop sequence, or null.
[[nodiscard]] Json anthropic_stop_sequence(const std::string& stop_sequence);

// {"functionCall": {"id" (when set), "name", "args"}}: a call in a Gemini answer. Fails as arguments_object.
[[nodiscard]] Result<Json> gemini_function_call_part(const ToolCall& call);

// Usage as the IR counts it, from each protocol's usage object (answers and stream chunks alike).
[[nodiscard]] Usage read_openai_usage(JsonReader& in, const Json& usage, std::string_view path);  // prompt/completion
// input_tokens + cache reads and writes (warned), output_tokens.
[[nodiscard]] Usage read_anthropic_usage(JsonReader& in, WarningList& warnings, const Json& usage,
                                         std::string_view path);
// promptTokenCount; candidatesTokenCount + thoughtsTokenCount.
[[nodiscard]] Usage read_gemini_usage(JsonReader& in, const Json& usage, std::string_view path);

// ---- Responses, shared by its answer encoder and its stream encoder -------------------------------------------

// Usage as the IR counts it from a Responses usage object: input_tokens (cached ones included, as OpenAI counts
// them), output_tokens (reasoning ones included). Shared by the answer and the stream decoder.
[[nodiscard]] Usage read_openai_responses_usage(JsonReader& in, const Json& usage, std::string_view path);
// The stop reason of a Response object ({status, incomplete_details}); `has_function_call` makes "completed"
// tool_use. An unknown status or reason is warned.
[[nodiscard]] StopReason read_openai_responses_stop(JsonReader& in, WarningList& warnings, const Json& response,
                                                    std::string_view path, bool has_function_call);

// The answer's id: "resp_pathwise" when the upstream gave none, an upstream id without the "resp_" prefix gets it.
[[nodiscard]] std::string openai_responses_id(std::string_view upstream_id);
// The id of the output item at `output_index` of answer `response_id` ("resp_x" → "msg_x_0").
[[nodiscard]] std::string openai_responses_message_id(std::string_view response_id, std::size_t output_index);
// The Response object with its required members: {"id", "object": "response", "created_at", "status", "model",
// "output", "error": null, "incomplete_details", "usage" (null when unknown), "parallel_tool_calls", "tool_choice",
// "tools", "metadata", …}. `incomplete_reason` "" means no incomplete_details.
[[nodiscard]] Json openai_responses_object(std::string_view id, std::int64_t created_at, std::string_view model,
                                           std::string_view status, Json output, const Usage& usage,
                                           std::string_view incomplete_reason);
// {"type": "output_text", "text", "annotations": []}
[[nodiscard]] Json openai_responses_output_text(std::string_view text);
// {"type": "message", "id", "status", "role": "assistant", "content"}
[[nodiscard]] Json openai_responses_message_item(std::string_view id, std::string_view status, Json content);
// {"type": "function_call", "id": "fc_" + call id, "call_id", "name", "arguments", "status"}
[[nodiscard]] Json openai_responses_function_call_item(const ToolCall& call, std::string_view status);

// ---- Gemini, shared by its codec and its stream decoder ----------------------------------------------------

// The key under which `object` holds the camelCase field `camel`: itself, or its snake_case spelling (protobuf
// JSON accepts both).
[[nodiscard]] std::string key_of(const Json& object, std::string_view camel);

// Links function responses (which name a tool) to the calls (which the IR identifies by id).
class CallLinker {
public:
    std::string id_for_call(std::string given_id, const std::string& name) {
        if (given_id.empty()) given_id = "call_" + std::to_string(++made_up_);
        pending_.emplace_back(given_id, name);
        return given_id;
    }
    // The call a response answers: the one with Gemini's id if it gave one we saw, otherwise the oldest
    // unanswered call of that name. Gemini CLI makes up its own ids for calls that came without one and sends
    // them back on the responses, so an unknown id falls back to the name.
    std::string id_for_response(const std::string& given_id, const std::string& name) {
        auto match = pending_.end();
        for (auto it = pending_.begin(); it != pending_.end() && !given_id.empty(); ++it) {
            if (it->first == given_id) {
                match = it;
                break;
            }
        }
        for (auto it = pending_.begin(); it != pending_.end() && match == pending_.end(); ++it) {
            if (it->second == name) match = it;
        }
        if (match == pending_.end()) return given_id.empty() ? "call_" + std::to_string(++made_up_) : given_id;
        std::string id = match->first;
        pending_.erase(match);
        return id;
    }

private:
    std::vector<std::pair<std::string, std::string>> pending_;  // id, name
    int made_up_ = 0;
};

// A Content's `parts` as IR parts: text, images, function calls (ids from `calls`) and responses; thought parts
// and signatures are dropped with a warning.
void read_gemini_parts(JsonReader& in, WarningList& warnings, const Json& content, std::string_view path,
                       std::vector<Part>& out, CallLinker& calls);

}  // namespace pathwise::translate
