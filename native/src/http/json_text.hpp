// json_text.hpp — how every JSON text Pathwise writes is made: invalid UTF-8 from a client (a path, a Host
// header, a model name) becomes U+FFFD instead of an exception that would answer 500 and poison the request log.
//
//   res.set_content(value.dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8), "application/json");
//   res.set_content(http::json_text(value), "application/json");
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace pathwise::http {

inline constexpr int kJsonCompact = -1;
inline constexpr auto kReplaceInvalidUtf8 = nlohmann::json::error_handler_t::replace;

[[nodiscard]] inline std::string json_text(const nlohmann::json& value, int indent = kJsonCompact) {
    return value.dump(indent, ' ', false, kReplaceInvalidUtf8);
}

}  // namespace pathwise::http
