// stop_reason.cpp — the one table of stop values per protocol.
#include "pathwise/translate/stop_reason.hpp"

#include <array>

namespace pathwise::translate {
namespace {

struct StopNames {
    StopReason reason;
    std::string_view name;       // the IR's own name
    std::string_view openai;     // finish_reason
    std::string_view anthropic;  // stop_reason
    std::string_view gemini;     // finishReason
    std::string_view responses;  // incomplete_details.reason; "" = status "completed"
    bool openai_exact;
    bool anthropic_exact;
    bool gemini_exact;
    bool responses_exact;
};

// OpenAI: stop, length, tool_calls, content_filter (platform.openai.com, Chat Completions object).
// Anthropic: end_turn, max_tokens, stop_sequence, tool_use, pause_turn, refusal (Messages API reference).
// Gemini: FinishReason enum of generateContent (STOP, MAX_TOKENS, SAFETY, RECITATION, LANGUAGE, OTHER, …).
// Responses: status "completed" (a tool call is told by its function_call items), or "incomplete" with
// incomplete_details.reason max_output_tokens or content_filter (API reference, the Response object).
constexpr std::array<StopNames, 9> kStopNames{{
    {StopReason::unknown, "unknown", "stop", "end_turn", "FINISH_REASON_UNSPECIFIED", "", false, false, true, true},
    {StopReason::end_turn, "end_turn", "stop", "end_turn", "STOP", "", true, true, true, true},
    {StopReason::max_tokens, "max_tokens", "length", "max_tokens", "MAX_TOKENS", "max_output_tokens", true, true, true,
     true},
    {StopReason::stop_sequence, "stop_sequence", "stop", "stop_sequence", "STOP", "", false, true, false, false},
    {StopReason::tool_use, "tool_use", "tool_calls", "tool_use", "STOP", "", true, true, true, true},
    {StopReason::content_filter, "content_filter", "content_filter", "refusal", "SAFETY", "content_filter", true, false,
     true, true},
    {StopReason::refusal, "refusal", "content_filter", "refusal", "SAFETY", "content_filter", false, true, false,
     false},
    {StopReason::pause_turn, "pause_turn", "stop", "pause_turn", "STOP", "", false, true, false, false},
    {StopReason::other, "other", "stop", "end_turn", "OTHER", "", false, false, true, false},
}};

const StopNames& names_of(StopReason reason) {
    for (const auto& entry : kStopNames) {
        if (entry.reason == reason) return entry;
    }
    return kStopNames[0];
}

}  // namespace

std::string_view stop_reason_name(StopReason reason) {
    return names_of(reason).name;
}

StopReason from_openai_finish_reason(std::string_view value) {
    if (value == "stop") return StopReason::end_turn;
    if (value == "length") return StopReason::max_tokens;
    if (value == "tool_calls" || value == "function_call") return StopReason::tool_use;  // function_call: legacy
    if (value == "content_filter") return StopReason::content_filter;
    return StopReason::unknown;
}

StopReason from_anthropic_stop_reason(std::string_view value) {
    if (value == "end_turn") return StopReason::end_turn;
    if (value == "max_tokens") return StopReason::max_tokens;
    if (value == "stop_sequence") return StopReason::stop_sequence;
    if (value == "tool_use") return StopReason::tool_use;
    if (value == "refusal") return StopReason::refusal;
    if (value == "pause_turn") return StopReason::pause_turn;
    return StopReason::unknown;
}

StopReason from_gemini_finish_reason(std::string_view value, bool has_function_call) {
    if (value == "STOP") return has_function_call ? StopReason::tool_use : StopReason::end_turn;
    if (value == "MAX_TOKENS") return StopReason::max_tokens;
    if (value == "SAFETY" || value == "RECITATION" || value == "BLOCKLIST" || value == "PROHIBITED_CONTENT" ||
        value == "SPII" || value == "IMAGE_SAFETY") {
        return StopReason::content_filter;
    }
    if (value == "LANGUAGE" || value == "OTHER" || value == "MALFORMED_FUNCTION_CALL" ||
        value == "UNEXPECTED_TOOL_CALL" || value == "TOO_MANY_TOOL_CALLS") {
        return StopReason::other;
    }
    return StopReason::unknown;  // FINISH_REASON_UNSPECIFIED, absent, or newer than this table
}

StopReason from_openai_responses_status(std::string_view status, std::string_view incomplete_reason,
                                        bool has_function_call) {
    if (status == "completed") return has_function_call ? StopReason::tool_use : StopReason::end_turn;
    if (status != "incomplete") return StopReason::unknown;
    if (incomplete_reason == "max_output_tokens") return StopReason::max_tokens;
    if (incomplete_reason == "content_filter") return StopReason::content_filter;
    return StopReason::unknown;
}

std::string_view to_openai_finish_reason(StopReason reason) {
    return names_of(reason).openai;
}
std::string_view to_anthropic_stop_reason(StopReason reason) {
    return names_of(reason).anthropic;
}
std::string_view to_gemini_finish_reason(StopReason reason) {
    return names_of(reason).gemini;
}
std::string_view to_openai_responses_incomplete_reason(StopReason reason) {
    return names_of(reason).responses;
}

bool openai_approximates(StopReason reason) {
    return !names_of(reason).openai_exact;
}
bool anthropic_approximates(StopReason reason) {
    return !names_of(reason).anthropic_exact;
}
bool gemini_approximates(StopReason reason) {
    return !names_of(reason).gemini_exact;
}
bool openai_responses_approximates(StopReason reason) {
    return !names_of(reason).responses_exact;
}

}  // namespace pathwise::translate
