// protocol_error.hpp — the one encoder of error bodies and error stream events, in the shape each client
// family parses, so an SDK shows our message instead of "unexpected response". The proxy, the forwarder and
// the mock all answer through it.
//
//   send_error(res, {.status = 404, .protocol = Protocol::anthropic, .message = "…"});
//   // {"type":"error","error":{"type":"not_found_error","message":"…"}}
//
// The names are each provider's documented ones (docs/clients.md, "Error shapes"):
//   OpenAI    {"error":{"message","type","param":null,"code"}}          type by status, code ours
//   Anthropic {"type":"error","error":{"type","message"}}               Anthropic's error types by status
//   Gemini    {"error":{"code","message","status"}}                     google.rpc.Code names by status
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pathwise/route_table.hpp"

namespace httplib {
struct Response;
}

namespace pathwise::http {

struct ProtocolError {
    int status = 500;
    Protocol protocol = Protocol::service;  // service → OpenAI shape (the most widely parsed one)
    std::string message;                    // one sentence a person can act on
    std::string code;                       // OpenAI `code` ("path_not_found"); "" → derived from the status
    // Machine-readable details added as a top-level "pathwise" object (diagnosis, intended_path, …).
    nlohmann::json pathwise = nullptr;
};

// The per-status names, exposed for the test that pins them.
[[nodiscard]] std::string_view openai_error_type(int status);
[[nodiscard]] std::string_view openai_error_code(int status);  // the default when ProtocolError::code is ""
[[nodiscard]] std::string_view anthropic_error_type(int status);
[[nodiscard]] std::string_view google_rpc_status(int status);

[[nodiscard]] nlohmann::json error_json(const ProtocolError& error);
[[nodiscard]] std::string error_body(const ProtocolError& error);
// One SSE event that ends a stream which broke half way:
//   OpenAI    data: {"error":{…}}
//   Anthropic event: error / data: {"type":"error","error":{…}}
//   Gemini    data: {"error":{"code","message","status"}}
[[nodiscard]] std::string error_event(const ProtocolError& error);
// A 4xx that asking again cannot change (a wrong path, key, method or body), unlike 408, 409, 425, 426 and 429.
[[nodiscard]] bool is_final_refusal(int status);
// Sets status, the JSON body and Content-Type; on a final refusal also X-Should-Retry: false and Retry-After: 0,
// so clients that retry stop at once (protocol_error.cpp says which, measured).
void send_error(httplib::Response& res, const ProtocolError& error);

}  // namespace pathwise::http
