// protocol_error.cpp — see protocol_error.hpp. One table per provider; each status maps to the name that
// provider documents for it, and statuses a provider never sends map to its generic 4xx / 5xx name.
#include "http/protocol_error.hpp"

#include <httplib.h>

#include "http/json_text.hpp"

namespace pathwise::http {

// OpenAI's error types: invalid_request_error (400, 404, 405, 413, …), authentication_error, permission_error,
// rate_limit_error, server_error.
std::string_view openai_error_type(int status) {
    if (status == 401) return "authentication_error";
    if (status == 403) return "permission_error";
    if (status == 429) return "rate_limit_error";
    if (status >= 500) return "server_error";
    return "invalid_request_error";
}

std::string_view openai_error_code(int status) {
    switch (status) {
        case 400:
            return "bad_request";
        case 401:
            return "invalid_api_key";
        case 403:
            return "forbidden";
        case 404:
            return "path_not_found";
        case 405:
            return "method_not_allowed";
        case 413:
            return "request_too_large";
        case 414:
            return "uri_too_long";
        case 415:
            return "unsupported_media_type";
        case 426:
            return "websocket_not_supported";
        case 429:
            return "rate_limit_exceeded";
        case 431:
            return "headers_too_large";
        case 502:
            return "bad_gateway";
        case 503:
            return "service_unavailable";
        case 504:
            return "gateway_timeout";
        default:
            return status >= 500 ? "server_error" : "invalid_request";
    }
}

// Anthropic's documented error types, by HTTP status (400, 401, 403, 404, 413, 429, 500, 504, 529).
std::string_view anthropic_error_type(int status) {
    switch (status) {
        case 401:
            return "authentication_error";
        case 403:
            return "permission_error";
        case 404:
            return "not_found_error";
        case 413:
            return "request_too_large";
        case 429:
            return "rate_limit_error";
        case 504:
            return "timeout_error";
        case 529:
            return "overloaded_error";
        default:
            return status >= 500 ? "api_error" : "invalid_request_error";
    }
}

// google.rpc.Code names by HTTP status, as the Gemini API puts them in error.status. A proxy's 502 means the
// upstream cannot be reached: UNAVAILABLE, the code Google's clients treat as "retry later".
std::string_view google_rpc_status(int status) {
    switch (status) {
        case 400:
            return "INVALID_ARGUMENT";
        case 401:
            return "UNAUTHENTICATED";
        case 403:
            return "PERMISSION_DENIED";
        case 404:
            return "NOT_FOUND";
        case 409:
            return "ABORTED";
        case 429:
            return "RESOURCE_EXHAUSTED";
        case 499:
            return "CANCELLED";
        case 501:
            return "UNIMPLEMENTED";
        case 502:
        case 503:
            return "UNAVAILABLE";
        case 504:
            return "DEADLINE_EXCEEDED";
        default:
            return status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
    }
}

nlohmann::json error_json(const ProtocolError& error) {
    nlohmann::json body;
    switch (error.protocol) {
        case Protocol::anthropic:
            body = {{"type", "error"},
                    {"error", {{"type", anthropic_error_type(error.status)}, {"message", error.message}}}};
            break;
        case Protocol::gemini:
            body = {
                {"error",
                 {{"code", error.status}, {"message", error.message}, {"status", google_rpc_status(error.status)}}}};
            break;
        case Protocol::openai:
        case Protocol::service:
            body = {{"error",
                     {{"message", error.message},
                      {"type", openai_error_type(error.status)},
                      {"param", nullptr},
                      {"code", error.code.empty() ? std::string(openai_error_code(error.status)) : error.code}}}};
            break;
    }
    if (!error.pathwise.is_null()) body["pathwise"] = error.pathwise;
    return body;
}

std::string error_body(const ProtocolError& error) {
    return json_text(error_json(error));
}

std::string error_event(const ProtocolError& error) {
    // Anthropic documents a mid-stream failure as an `error` event; the others only read `data:` lines.
    const std::string_view event = error.protocol == Protocol::anthropic ? "event: error\n" : "";
    return std::string(event) + "data: " + error_body(error) + "\n\n";
}

bool is_final_refusal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 409 && status != 425 && status != 426 &&
           status != 429;
}

void send_error(httplib::Response& res, const ProtocolError& error) {
    res.status = error.status;
    if (is_final_refusal(error.status)) {
        // The same answer however often it is asked: a client that retries should not make a person wait for it.
        // Measured: Claude Code 2.1.330 retried a 401 for 40 s (7 requests, then our timeout) and stopped after one
        // with X-Should-Retry: false (the header the Stainless SDKs honour). Kilo 7.7.7 retries every 404 five
        // times, 2 s to 32 s apart, taking its delay from Retry-After: with 0 its six requests took 0.2 s, not
        // about 85 s, and it then printed our message.
        res.set_header("X-Should-Retry", "false");
        res.set_header("Retry-After", "0");
    }
    res.set_content(error_body(error), "application/json");
}

}  // namespace pathwise::http
