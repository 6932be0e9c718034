// The error shape each provider documents, per status, as its SDKs parse it. The expectations are written from
// the providers' API references (OpenAI error object; Anthropic "Errors" page; Google AIP-193 / google.rpc.Code
// HTTP mapping), not from the encoder: one encoder serves the proxy, the forwarder and the mock.
#include "http/protocol_error.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace pathwise::http {
namespace {

using nlohmann::json;

struct StatusNames {
    int status;
    std::string_view openai_type;
    std::string_view anthropic_type;
    std::string_view google_status;
};

const StatusNames kStatuses[] = {
    {400, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT"},
    {401, "authentication_error", "authentication_error", "UNAUTHENTICATED"},
    {403, "permission_error", "permission_error", "PERMISSION_DENIED"},
    {404, "invalid_request_error", "not_found_error", "NOT_FOUND"},
    {405, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT"},
    {413, "invalid_request_error", "request_too_large", "INVALID_ARGUMENT"},
    {415, "invalid_request_error", "invalid_request_error", "INVALID_ARGUMENT"},
    {429, "rate_limit_error", "rate_limit_error", "RESOURCE_EXHAUSTED"},
    {500, "server_error", "api_error", "INTERNAL"},
    {501, "server_error", "api_error", "UNIMPLEMENTED"},
    {502, "server_error", "api_error", "UNAVAILABLE"},
    {503, "server_error", "api_error", "UNAVAILABLE"},
    {504, "server_error", "timeout_error", "DEADLINE_EXCEEDED"},
    {529, "server_error", "overloaded_error", "INTERNAL"},
};

TEST(ProtocolError, OpenAi_ErrorObjectWithTypeParamAndCode_ForEveryStatus) {
    for (const StatusNames& names : kStatuses) {
        SCOPED_TRACE(names.status);
        const json body = json::parse(error_body({names.status, Protocol::openai, "it broke", "some_code"}));
        EXPECT_EQ(
            body,
            (json{
                {"error",
                 {{"message", "it broke"}, {"type", names.openai_type}, {"param", nullptr}, {"code", "some_code"}}}}));
    }
}

TEST(ProtocolError, Service_UsesTheOpenAiShape) {
    const json body = json::parse(error_body({404, Protocol::service, "no", ""}));
    EXPECT_EQ(body["error"]["type"], "invalid_request_error");
    EXPECT_EQ(body["error"]["code"], "path_not_found");
}

TEST(ProtocolError, Anthropic_TypeErrorEnvelope_ForEveryStatus) {
    for (const StatusNames& names : kStatuses) {
        SCOPED_TRACE(names.status);
        const json body = json::parse(error_body({names.status, Protocol::anthropic, "it broke", "ignored"}));
        EXPECT_EQ(body,
                  (json{{"type", "error"}, {"error", {{"type", names.anthropic_type}, {"message", "it broke"}}}}));
    }
}

TEST(ProtocolError, Gemini_GoogleRpcStatus_ForEveryStatus) {
    for (const StatusNames& names : kStatuses) {
        SCOPED_TRACE(names.status);
        const json body = json::parse(error_body({names.status, Protocol::gemini, "it broke", "ignored"}));
        EXPECT_EQ(
            body,
            (json{{"error", {{"code", names.status}, {"message", "it broke"}, {"status", names.google_status}}}}));
    }
}

TEST(ProtocolError, DefaultOpenAiCode_FollowsTheStatus) {
    EXPECT_EQ(openai_error_code(401), "invalid_api_key");
    EXPECT_EQ(openai_error_code(404), "path_not_found");
    EXPECT_EQ(openai_error_code(502), "bad_gateway");
    EXPECT_EQ(openai_error_code(418), "invalid_request");
    EXPECT_EQ(openai_error_code(599), "server_error");
}

TEST(ProtocolError, PathwiseDetails_RideAlongAtTheTop) {
    const json body = json::parse(error_body({404, Protocol::anthropic, "no", "", json{{"diagnosis", "double_v1"}}}));
    EXPECT_EQ(body["pathwise"]["diagnosis"], "double_v1");
    EXPECT_EQ(body["type"], "error");
}

TEST(ProtocolError, StreamEvents_AnthropicNamesTheEventOthersSendDataOnly) {
    EXPECT_EQ(error_event({502, Protocol::anthropic, "gone", ""}),
              "event: error\ndata: {\"error\":{\"message\":\"gone\",\"type\":\"api_error\"},\"type\":\"error\"}\n\n");
    EXPECT_EQ(error_event({502, Protocol::gemini, "gone", ""}),
              "data: {\"error\":{\"code\":502,\"message\":\"gone\",\"status\":\"UNAVAILABLE\"}}\n\n");
    EXPECT_EQ(
        error_event({502, Protocol::openai, "gone", "upstream_reset"}),
        "data: "
        "{\"error\":{\"code\":\"upstream_reset\",\"message\":\"gone\",\"param\":null,\"type\":\"server_error\"}}\n\n");
}

TEST(ProtocolError, InvalidUtf8InAMessage_IsReplacedNotThrown) {
    const std::string body = error_body({400, Protocol::openai, std::string("bad \xff byte"), ""});
    EXPECT_NE(body.find("bad \xef\xbf\xbd byte"), std::string::npos);
}

}  // namespace
}  // namespace pathwise::http
