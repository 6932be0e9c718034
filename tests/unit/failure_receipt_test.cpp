// failure_receipt_test.cpp — a request reduced to what a helper needs: names kept, values and keys never, the
// failing side told apart, and a receipt read back in the reader's language. Expected values written by hand.
#include "pathwise/failure_receipt.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pathwise {
namespace {

using Names = std::vector<std::string>;

RequestRecord claude_code_miss() {
    RequestRecord record;
    record.method = "POST";
    record.path = "/v1/v1/messages?beta=true";
    record.header_names = "anthropic-version,content-type,host,user-agent,x-api-key";
    record.status = 404;
    record.diagnosis_kind = "duplicated_version_prefix";
    record.fixed_base_url = "http://127.0.0.1:8045";
    record.client = "claude-code";
    record.client_version = "2.1.330";
    return record;
}

TEST(FailureReceipt, ReceiptFor_WrongPathMiss_KeepsNamesAndTheDiagnosis) {
    const FailureReceipt receipt = receipt_for(claude_code_miss(), "http://127.0.0.1:8045");
    EXPECT_EQ(receipt.method, "POST");
    EXPECT_EQ(receipt.path, "/v1/v1/messages");
    EXPECT_EQ(receipt.query_keys, (Names{"beta"}));
    EXPECT_EQ(receipt.header_names, (Names{"anthropic-version", "content-type", "host", "user-agent", "x-api-key"}));
    EXPECT_EQ(receipt.status, 404);
    EXPECT_EQ(receipt.failed_at, FailedAt::proxy);
    EXPECT_EQ(receipt.diagnosis_kind, "duplicated_version_prefix");
    EXPECT_EQ(receipt.client, "claude-code");
    EXPECT_EQ(receipt.client_version, "2.1.330");
    EXPECT_EQ(receipt.proxy_origin, "http://127.0.0.1:8045");
    EXPECT_EQ(receipt.fixed_base_url, "http://127.0.0.1:8045");
}

TEST(FailureReceipt, ReceiptFor_GeminiKeyInTheQuery_KeepsOnlyItsName) {
    RequestRecord record;
    record.method = "POST";
    record.path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=REDACTED";
    record.status = 200;
    record.route_id = "gemini.stream_generate_content";
    record.upstream = "mock";
    const FailureReceipt receipt = receipt_for(record, "http://127.0.0.1:8045");
    EXPECT_EQ(receipt.path, "/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    EXPECT_EQ(receipt.query_keys, (Names{"alt", "key"}));
    EXPECT_EQ(receipt.failed_at, FailedAt::nothing);
}

struct SideCase {
    const char* situation;
    std::string upstream;
    std::string error;
    int status;
    FailedAt expected;
};

TEST(FailureReceipt, ReceiptFor_TellsWhichSideFailed) {
    const SideCase cases[] = {
        {"no route: the wrong-path 404", "", "", 404, FailedAt::proxy},
        {"the proxy's own key refused", "", "", 401, FailedAt::proxy},
        {"a body nested too deep, refused before forwarding", "https://api.openai.com", "json_too_deep", 400,
         FailedAt::proxy},
        {"upstream down", "https://api.openai.com", "upstream_connect_refused", 502, FailedAt::upstream},
        {"upstream slow", "https://api.openai.com", "upstream_first_byte_timeout", 504, FailedAt::upstream},
        {"upstream answered 429 itself", "https://api.anthropic.com", "", 429, FailedAt::upstream},
        {"the client left mid-stream", "mock", "client_disconnected", 200, FailedAt::client},
        {"served fine", "mock", "", 200, FailedAt::nothing},
    };
    for (const SideCase& c : cases) {
        RequestRecord record;
        record.method = "POST";
        record.path = "/v1/chat/completions";
        record.upstream = c.upstream;
        record.error = c.error;
        record.status = c.status;
        EXPECT_EQ(receipt_for(record, "http://127.0.0.1:8045").failed_at, c.expected) << c.situation;
    }
}

TEST(FailureReceipt, Path_SegmentsThatLookLikeKeys_AreRedacted_ModelIdsAreNot) {
    struct Case {
        const char* sent;
        const char* kept;
    };
    const Case cases[] = {
        {"/v1/sk-proj-abcdefgh12345678/chat/completions", "/v1/REDACTED/chat/completions"},
        {"/key/sk-ant-api03-abcdefghijklmnop/v1/messages", "/key/REDACTED/v1/messages"},
        {"/v1beta/models/AIzaSyA1b2C3d4E5f6G7h8I9j0K:generateContent", "/v1beta/models/REDACTED:generateContent"},
        {"/t/Xk9fP2mQ7rT4vW8yZ1aB3cD5/v1/models", "/t/REDACTED/v1/models"},
        {"/v1beta/models/gemini-2.5-flash:streamGenerateContent",
         "/v1beta/models/gemini-2.5-flash:streamGenerateContent"},
        {"/v1/models/claude-sonnet-4-5-20250929", "/v1/models/claude-sonnet-4-5-20250929"},
        {"/v1/models/Qwen2.5-72B-Instruct", "/v1/models/Qwen2.5-72B-Instruct"},
        {"/v1/chat/completions/", "/v1/chat/completions/"},
        {"//v1/messages", "//v1/messages"},
    };
    for (const Case& c : cases) {
        FailureReceipt receipt;
        EXPECT_EQ(set_receipt_field(receipt, ReceiptField::path, c.sent), FieldUse::kept) << c.sent;
        EXPECT_EQ(receipt.path, c.kept);
    }
}

TEST(FailureReceipt, HostileText_IsLeftOut_NotEscaped) {
    FailureReceipt receipt;
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::header_names, "X-Api-Key,bad name,Authorization,a=b"),
              FieldUse::partly_kept);
    EXPECT_EQ(receipt.header_names, (Names{"x-api-key", "authorization"}));
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::query_keys, "key=AIza123"), FieldUse::refused);
    EXPECT_TRUE(receipt.query_keys.empty());
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::query_keys, "sk-abcdefghijklmnop,alt"), FieldUse::kept);
    EXPECT_EQ(receipt.query_keys, (Names{"REDACTED", "alt"}));

    for (const char* url : {"http://user:pw@127.0.0.1:8045", "http://127.0.0.1:8045/v1?key=abc", "javascript:alert(1)",
                            "http://127.0.0.1:8045/#x", "http://127.0.0.1:8045/a b"}) {
        EXPECT_EQ(set_receipt_field(receipt, ReceiptField::fixed_base_url, url), FieldUse::refused) << url;
        EXPECT_EQ(receipt.fixed_base_url, "");
    }
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::proxy_origin, "http://127.0.0.1:9000"), FieldUse::kept);

    for (const char* status : {"99", "600", "4o4", "1000", "-404"}) {
        EXPECT_EQ(set_receipt_field(receipt, ReceiptField::status, status), FieldUse::refused) << status;
    }
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::status, "502"), FieldUse::kept);
    EXPECT_EQ(receipt.status, 502);

    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::method, "post"), FieldUse::refused);
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::path, "v1/messages"), FieldUse::refused);  // not a path
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::path, "/v1/messages\r\nX: y"), FieldUse::refused);
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::error, "Connection refused by 10.0.0.1"), FieldUse::refused);
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::client_version, "2.1.330; rm -rf"), FieldUse::refused);
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::failed_at, "somewhere"), FieldUse::refused);
}

TEST(FailureReceipt, HeaderNames_AreCappedAtThirtyTwo) {
    std::string many;
    for (int i = 0; i < 40; ++i) many += (many.empty() ? "" : ",") + ("x-h" + std::to_string(i));
    FailureReceipt receipt;
    EXPECT_EQ(set_receipt_field(receipt, ReceiptField::header_names, many), FieldUse::partly_kept);
    EXPECT_EQ(receipt.header_names.size(), 32U);
}

TEST(FailureReceipt, Explain_ProxyMiss_SaysWhoRefusedItAndTheClientsFix) {
    const ReceiptReading reading = read_receipt(receipt_for(claude_code_miss(), "http://127.0.0.1:8045"));
    ASSERT_TRUE(reading.diagnosis.has_value());
    EXPECT_EQ(reading.diagnosis->kind, DiagnosisKind::duplicated_version_prefix);
    const std::string text = explain_receipt(reading, Lang::en);
    EXPECT_NE(text.find("Pathwise itself refused POST /v1/v1/messages (status 404)"), std::string::npos) << text;
    EXPECT_NE(text.find("Duplicated /v1 prefix"), std::string::npos) << text;
    EXPECT_NE(text.find("Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1:8045"),
              std::string::npos)
        << text;
    const std::string french = explain_receipt(reading, Lang::fr);
    EXPECT_NE(french.find("Pathwise a refusé lui-même POST /v1/v1/messages (statut 404)"), std::string::npos) << french;
    EXPECT_NE(french.find("Préfixe /v1 en double"), std::string::npos) << french;
}

TEST(FailureReceipt, Explain_UpstreamDown_PointsAtTheServerNotTheBaseUrl) {
    RequestRecord record;
    record.method = "POST";
    record.path = "/v1/chat/completions";
    record.route_id = "openai.chat_completions";
    record.upstream = "https://api.openai.com";
    record.error = "upstream_connect_refused";
    record.status = 502;
    const ReceiptReading reading = read_receipt(receipt_for(record, "http://127.0.0.1:8045"));
    EXPECT_FALSE(reading.diagnosis.has_value());  // the path is routed
    EXPECT_EQ(explain_receipt(reading, Lang::en),
              "Pathwise forwarded POST /v1/chat/completions, and the upstream failed it (status 502, "
              "upstream_connect_refused): check that server, not the client's base URL.");
}

TEST(FailureReceipt, Explain_PathRoutedHereButMissedThere_SaysTheMakerIsOlder) {
    FailureReceipt receipt;
    receipt.method = "POST";
    receipt.path = "/v1/responses";
    receipt.status = 404;
    receipt.failed_at = FailedAt::proxy;
    receipt.diagnosis_kind = "unknown";
    const std::string text = explain_receipt(read_receipt(receipt), Lang::en);
    EXPECT_NE(text.find("This Pathwise routes /v1/responses; the one that made this receipt said unknown"),
              std::string::npos)
        << text;
}

}  // namespace
}  // namespace pathwise
