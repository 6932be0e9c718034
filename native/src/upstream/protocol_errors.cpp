#include "upstream/protocol_errors.hpp"

#include "http/json_text.hpp"

#include <nlohmann/json.hpp>

namespace pathwise::upstream {

namespace {

// google.rpc.Code names, as the Gemini API puts them in error.status.
std::string_view grpc_status_name(int http_status) {
    switch (http_status) {
        case 400: return "INVALID_ARGUMENT";
        case 401: return "UNAUTHENTICATED";
        case 403: return "PERMISSION_DENIED";
        case 404: return "NOT_FOUND";
        case 429: return "RESOURCE_EXHAUSTED";
        case 504: return "DEADLINE_EXCEEDED";
        case 503:
        case 502: return "UNAVAILABLE";
        default: return http_status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
}

nlohmann::json error_json(Protocol protocol, int status, std::string_view code, std::string_view message) {
    switch (protocol) {
        case Protocol::anthropic:
            return {{"type", "error"}, {"error", {{"type", status == 504 ? "timeout_error" : "api_error"},
                                                  {"message", message}}}};
        case Protocol::gemini:
            return {{"error", {{"code", status}, {"message", message}, {"status", grpc_status_name(status)}}}};
        case Protocol::openai:
        case Protocol::service: break;
    }
    return {{"error", {{"message", message}, {"type", "upstream_error"}, {"param", nullptr}, {"code", code}}}};
}

}  // namespace

std::string error_body(Protocol protocol, int status, std::string_view code, std::string_view message) {
    return error_json(protocol, status, code, message).dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8);
}

std::string error_event(Protocol protocol, int status, std::string_view code, std::string_view message) {
    nlohmann::json body = error_json(protocol, status, code, message);
    if (protocol == Protocol::anthropic) {
        // Anthropic documents mid-stream errors as this event; its SDKs raise it (api_error, not timeout_error).
        body["error"]["type"] = "api_error";
        return "event: error\ndata: " + body.dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8) + "\n\n";
    }
    return "data: " + body.dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8) + "\n\n";
}

}  // namespace pathwise::upstream
