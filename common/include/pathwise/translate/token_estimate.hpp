// token_estimate.hpp — a rough token count of a request, for count_tokens / countTokens when no upstream can
// count in the client's protocol (an upstream of another protocol), and for the mock upstream's usage numbers.
//
//   translate::estimate_tokens(R"({"messages":[{"role":"user","content":"hello there"}]})");   // 3
//
// One token per 4 bytes of the body's text (every string but the values of "model", "role" and "type"), at
// least 1: about what English text costs in the providers' tokenizers; docs/translation.md says so.
#pragma once

#include <cstdint>
#include <string_view>

namespace pathwise::translate {

[[nodiscard]] std::int64_t estimate_tokens(std::string_view json_body);

}  // namespace pathwise::translate
