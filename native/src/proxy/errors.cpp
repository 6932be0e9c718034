// errors.cpp — protocol-shaped error bodies (see errors.hpp). The type/status names are the providers' own:
// OpenAI error objects, Anthropic error types, Google RPC status names.
#include "proxy/errors.hpp"

#include "http/json_text.hpp"

#include <httplib.h>

namespace pathwise::proxy {
namespace {

std::string_view openai_type(int status) {
    if (status == 401) return "authentication_error";
    if (status == 403) return "permission_error";
    if (status == 429) return "rate_limit_error";
    if (status >= 500) return "server_error";
    return "invalid_request_error";
}

std::string_view openai_code(int status) {
    switch (status) {
        case 400: return "bad_request";
        case 401: return "invalid_api_key";
        case 403: return "forbidden";
        case 404: return "path_not_found";
        case 405: return "method_not_allowed";
        case 413: return "request_too_large";
        case 414: return "uri_too_long";
        case 426: return "websocket_not_supported";
        case 431: return "headers_too_large";
        case 502: return "bad_gateway";
        case 503: return "service_unavailable";
        case 504: return "gateway_timeout";
        default: return status >= 500 ? "server_error" : "invalid_request";
    }
}

std::string_view anthropic_type(int status) {
    switch (status) {
        case 401: return "authentication_error";
        case 403: return "permission_error";
        case 404: return "not_found_error";
        case 413: return "request_too_large";
        case 429: return "rate_limit_error";
        case 529: return "overloaded_error";
        default: return status >= 500 ? "api_error" : "invalid_request_error";
    }
}

std::string_view google_status(int status) {
    switch (status) {
        case 401: return "UNAUTHENTICATED";
        case 403: return "PERMISSION_DENIED";
        case 404: return "NOT_FOUND";
        case 429: return "RESOURCE_EXHAUSTED";
        case 501: return "UNIMPLEMENTED";
        case 503: return "UNAVAILABLE";
        case 504: return "DEADLINE_EXCEEDED";
        default: return status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
    }
}

}  // namespace

nlohmann::json error_json(const ProxyError& error) {
    nlohmann::json body;
    switch (error.protocol) {
        case Protocol::anthropic:
            body = {{"type", "error"},
                    {"error", {{"type", anthropic_type(error.status)}, {"message", error.message}}}};
            break;
        case Protocol::gemini:
            body = {{"error",
                     {{"code", error.status}, {"message", error.message}, {"status", google_status(error.status)}}}};
            break;
        case Protocol::openai:
        case Protocol::service:
            body = {{"error",
                     {{"message", error.message},
                      {"type", openai_type(error.status)},
                      {"code", error.code.empty() ? std::string(openai_code(error.status)) : error.code}}}};
            break;
    }
    if (!error.pathwise.is_null()) body["pathwise"] = error.pathwise;
    return body;
}

void send_error(httplib::Response& res, const ProxyError& error) {
    res.status = error.status;
    res.set_content(error_json(error).dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8), "application/json");
}

std::string_view key_header_hint(Protocol protocol) {
    switch (protocol) {
        case Protocol::anthropic: return "x-api-key: <key> (or Authorization: Bearer <key>)";
        case Protocol::gemini: return "x-goog-api-key: <key> (or ?key=<key>)";
        case Protocol::openai:
        case Protocol::service: break;
    }
    return "Authorization: Bearer <key>";
}

}  // namespace pathwise::proxy
