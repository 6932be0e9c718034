// errors.hpp — error bodies in the shape each client family parses, so a client shows our message instead of
// "unexpected response". The protocol comes from the matched route or, for a miss, from the diagnosis.
//
//   send_error(res, {.status = 404, .protocol = Protocol::anthropic, .message = "…"});
//   // {"type":"error","error":{"type":"not_found_error","message":"…"}}
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pathwise/route_table.hpp"

namespace httplib {
struct Response;
}

namespace pathwise::proxy {

struct ProxyError {
    int status = 500;
    Protocol protocol = Protocol::service;  // service → OpenAI shape (the most widely parsed one)
    std::string message;                    // one sentence a person can act on
    std::string code;                       // OpenAI `code` ("path_not_found"); "" → derived from the status
    // Machine-readable details added as a top-level "pathwise" object (diagnosis, intended_path, …).
    nlohmann::json pathwise = nullptr;
};

// OpenAI    {"error":{"message","type","code"}}
// Anthropic {"type":"error","error":{"type","message"}}
// Gemini    {"error":{"code","message","status"}}
[[nodiscard]] nlohmann::json error_json(const ProxyError& error);
// Sets status, the JSON body and Content-Type.
void send_error(httplib::Response& res, const ProxyError& error);

// The header a client of this protocol sends its key in, for "send your key in …" messages.
[[nodiscard]] std::string_view key_header_hint(Protocol protocol);

}  // namespace pathwise::proxy
