// ir.hpp — one internal representation of a chat request and its answer, shared by every protocol's codec.
//
//   OpenAI Chat body ──decode──▶ translate::Request ──encode──▶ Anthropic Messages body
//
// Plain values only: JSON that a protocol carries opaquely (tool schemas, tool-call arguments) is kept as JSON
// text, so the IR needs no JSON library and the wizard can show it as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pathwise::translate {

// An image given by URL (https:// or a provider file URI) or inline as base64 bytes.
struct ImagePart {
    std::string url;         // set for a URL image; empty for inline data
    std::string media_type;  // "image/png"; may be empty for a URL image
    std::string data;        // base64 without a "data:" prefix; set for inline data
    bool operator==(const ImagePart&) const = default;
};

struct ToolCall {
    std::string id;  // "call_…", "toolu_…"; for Gemini, made up when the provider sends none
    std::string name;
    std::string arguments_json;  // JSON text; OpenAI's arguments string verbatim, even when it is not valid JSON
    bool operator==(const ToolCall&) const = default;
};

struct TextPart {
    std::string text;
    bool operator==(const TextPart&) const = default;
};

// What a tool returned; it answers the ToolCall whose id is `tool_call_id`.
struct ToolResult {
    std::string tool_call_id;
    std::string name;  // the called tool's name when known (Gemini needs it; the decoders fill it from the call)
    std::vector<TextPart> text;     // the output, as text blocks (JSON output is kept as its JSON text)
    std::vector<ImagePart> images;  // Anthropic tool results may carry images
    bool is_error = false;
    bool operator==(const ToolResult&) const = default;
};

enum class PartKind : unsigned char { text, image, tool_call, tool_result };

// One piece of a turn; exactly the member named by `kind` is meaningful.
struct Part {
    PartKind kind = PartKind::text;
    TextPart text;
    ImagePart image;
    ToolCall tool_call;
    ToolResult tool_result;
    bool operator==(const Part&) const = default;

    static Part of_text(std::string t) {
        Part p;
        p.text.text = std::move(t);
        return p;
    }
    static Part of_image(ImagePart i) {
        Part p;
        p.kind = PartKind::image;
        p.image = std::move(i);
        return p;
    }
    static Part of_tool_call(ToolCall c) {
        Part p;
        p.kind = PartKind::tool_call;
        p.tool_call = std::move(c);
        return p;
    }
    static Part of_tool_result(ToolResult r) {
        Part p;
        p.kind = PartKind::tool_result;
        p.tool_result = std::move(r);
        return p;
    }
};

// Tool results travel in user turns, as in Anthropic and Gemini; OpenAI's role "tool" messages become them.
enum class Role : unsigned char { user, assistant };

struct Turn {
    Role role = Role::user;
    std::vector<Part> parts;
    bool operator==(const Turn&) const = default;
};

struct ToolDefinition {
    std::string name;
    std::string description;
    std::string parameters_json;  // a JSON Schema object as JSON text; "" when the tool takes no parameters
    bool operator==(const ToolDefinition&) const = default;
};

// OpenAI "auto"/"none"/"required"/{function}, Anthropic auto/none/any/tool, Gemini AUTO/NONE/ANY(+one name).
enum class ToolChoiceMode : unsigned char { unset, automatic, none, required, named };
struct ToolChoice {
    ToolChoiceMode mode = ToolChoiceMode::unset;
    std::string name;  // for `named`
    bool operator==(const ToolChoice&) const = default;
};

struct Sampling {
    std::optional<std::int64_t> max_tokens;
    std::optional<double> temperature;
    std::optional<double> top_p;
    std::optional<std::int64_t> top_k;  // Anthropic and Gemini only
    std::vector<std::string> stop_sequences;
    bool operator==(const Sampling&) const = default;
};

struct Request {
    std::string model;                // for Gemini it lives in the path, not the body
    std::vector<std::string> system;  // system text blocks, in order (OpenAI system/developer messages, …)
    std::vector<Turn> turns;
    std::vector<ToolDefinition> tools;
    ToolChoice tool_choice;
    std::optional<bool> parallel_tool_calls;  // OpenAI parallel_tool_calls, Anthropic !disable_parallel_tool_use
    Sampling sampling;
    bool stream = false;  // for Gemini it lives in the path (streamGenerateContent)
    bool operator==(const Request&) const = default;
};

// Why the model stopped. Each protocol's own values map onto these (see stop_reason.hpp and docs/translation.md).
enum class StopReason : unsigned char {
    unknown,         // absent, or a value this version does not know
    end_turn,        // OpenAI stop, Anthropic end_turn, Gemini STOP
    max_tokens,      // OpenAI length, Anthropic max_tokens, Gemini MAX_TOKENS
    stop_sequence,   // Anthropic stop_sequence (OpenAI and Gemini report a stop sequence as stop/STOP)
    tool_use,        // OpenAI tool_calls, Anthropic tool_use, Gemini STOP with functionCall parts
    content_filter,  // OpenAI content_filter, Gemini SAFETY/RECITATION/BLOCKLIST/PROHIBITED_CONTENT/SPII/…
    refusal,         // Anthropic refusal
    pause_turn,      // Anthropic pause_turn (a server tool paused a long turn)
    other,           // Gemini OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, …
};

struct Usage {
    std::optional<std::int64_t> input_tokens;
    std::optional<std::int64_t> output_tokens;
    bool operator==(const Usage&) const = default;
};

// A non-streamed answer: one assistant turn.
struct Response {
    std::string id;           // "chatcmpl-…", "msg_…", Gemini responseId; may be empty
    std::string model;        // Gemini modelVersion
    std::vector<Part> parts;  // text, image and tool_call parts
    StopReason stop_reason = StopReason::unknown;
    std::string stop_sequence;  // Anthropic: which stop sequence matched
    std::int64_t created = 0;   // OpenAI's unix time; the core has no clock, so the caller sets it when 0
    Usage usage;
    bool operator==(const Response&) const = default;
};

}  // namespace pathwise::translate
