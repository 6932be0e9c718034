// log_line.hpp — what a pasted log line says about a request: "POST /v1/v1/messages HTTP/1.1",
// "/v1/chat/completions/responses" or a full URL.
#pragma once

#include <string_view>

#include "pathwise/diagnosis.hpp"

namespace pathwise::web {

// `target` views into `line`. An unknown method stays Method::other.
[[nodiscard]] RequestFacts facts_from_log_line(std::string_view line);

}  // namespace pathwise::web
