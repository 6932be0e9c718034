// protocol_errors.hpp — errors in the shape each protocol's clients parse, so an SDK shows our message
// ("upstream https://api.openai.com refused the connection …") instead of a JSON parse failure.
#pragma once

#include <string>
#include <string_view>

#include "pathwise/route_table.hpp"

namespace pathwise::upstream {

// A whole error response body:
//   OpenAI    {"error":{"message":…,"type":"upstream_error","param":null,"code":…}}
//   Anthropic {"type":"error","error":{"type":"api_error","message":…}}
//   Gemini    {"error":{"code":502,"message":…,"status":"UNAVAILABLE"}}
[[nodiscard]] std::string error_body(Protocol protocol, int status, std::string_view code, std::string_view message);

// One SSE event that ends a stream which broke half way:
//   OpenAI    data: {"error":{…}}
//   Anthropic event: error / data: {"type":"error","error":{"type":"api_error","message":…}}
//   Gemini    data: {"error":{"code":…,"message":…,"status":…}}
[[nodiscard]] std::string error_event(Protocol protocol, int status, std::string_view code, std::string_view message);

}  // namespace pathwise::upstream
