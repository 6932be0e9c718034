// stop_reason.hpp — each protocol's stop value ↔ the IR's StopReason (one table, read by every codec).
//
//   from_openai_finish_reason("tool_calls") == StopReason::tool_use
//   to_gemini_finish_reason(StopReason::max_tokens) == "MAX_TOKENS"
#pragma once

#include <string_view>

#include "pathwise/translate/ir.hpp"

namespace pathwise::translate {

[[nodiscard]] std::string_view stop_reason_name(StopReason reason);  // "end_turn", "tool_use", …

[[nodiscard]] StopReason from_openai_finish_reason(std::string_view value);
[[nodiscard]] StopReason from_anthropic_stop_reason(std::string_view value);
// Gemini says STOP for a function call too; `has_function_call` turns that into tool_use.
[[nodiscard]] StopReason from_gemini_finish_reason(std::string_view value, bool has_function_call);
// Responses has no stop value: `status` "completed" is end_turn (tool_use with a function_call item), "incomplete"
// is told by incomplete_details.reason ("max_output_tokens", "content_filter"); anything else is unknown.
[[nodiscard]] StopReason from_openai_responses_status(std::string_view status, std::string_view incomplete_reason,
                                                      bool has_function_call);

// The closest value each protocol has. Exact only where the reason exists there; docs/translation.md
// lists the approximations (e.g. refusal → OpenAI "content_filter", stop_sequence → Gemini "STOP").
[[nodiscard]] std::string_view to_openai_finish_reason(StopReason reason);
[[nodiscard]] std::string_view to_anthropic_stop_reason(StopReason reason);
[[nodiscard]] std::string_view to_gemini_finish_reason(StopReason reason);
// Responses has no stop value: "" means status "completed"; otherwise status "incomplete" with this
// incomplete_details.reason ("max_output_tokens", "content_filter").
[[nodiscard]] std::string_view to_openai_responses_incomplete_reason(StopReason reason);

// True when `to_*` for that protocol cannot say `reason` exactly (the caller records a warning).
[[nodiscard]] bool openai_approximates(StopReason reason);
[[nodiscard]] bool anthropic_approximates(StopReason reason);
[[nodiscard]] bool gemini_approximates(StopReason reason);
[[nodiscard]] bool openai_responses_approximates(StopReason reason);

}  // namespace pathwise::translate
