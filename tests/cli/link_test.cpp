// `pathwise link`: a share link made by the binary decodes back to the same state; secrets never go in.
#include <gtest/gtest.h>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;

TEST(Link, EncodeThenDecode_RoundTrips) {
    const CliRun made = run_pathwise(
        {"link", "--client", "claude-code", "--base", "http://127.0.0.1:8045/v1", "--lang", "fr", "--json"});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    const std::string link = made.json()["link"].get<std::string>();
    EXPECT_EQ(link.rfind("http://127.0.0.1:8045/#", 0), 0u) << link;

    const CliRun decoded = run_pathwise({"link", "--decode", link, "--json"});
    EXPECT_EQ(decoded.exit_code, 0) << decoded.out << decoded.err;
    const json state = decoded.json()["state"];
    EXPECT_EQ(state["client_id"], "claude-code");
    EXPECT_EQ(state["typed_base_url"], "http://127.0.0.1:8045/v1");
    EXPECT_EQ(state["lang"], "fr");
    EXPECT_EQ(state["lang_explicit"], true);
    EXPECT_EQ(state["view"], "check");
    EXPECT_TRUE(decoded.json()["notes"].empty());
}

TEST(Link, PlainOutput_IsOneLineLink) {
    const CliRun made = run_pathwise({"link", "--origin", "http://127.0.0.1:9000", "--log", "/v1/v1/messages"});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    EXPECT_EQ(made.out.rfind("http://127.0.0.1:9000/#", 0), 0u) << made.out;
    EXPECT_EQ(made.out.find('\n'), made.out.size() - 1) << made.out;

    const CliRun decoded = run_pathwise({"link", "--decode", made.out.substr(0, made.out.size() - 1), "--json"});
    const json state = decoded.json()["state"];
    EXPECT_EQ(state["log_path"], "/v1/v1/messages");
    EXPECT_EQ(state["proxy_origin"], "http://127.0.0.1:9000");
    EXPECT_EQ(state["view"], "log");
}

TEST(Link, WizardOption_ReplacesTheWizardAddress) {
    const CliRun made = run_pathwise({"link", "--wizard", "https://example.org/pathwise/#old", "--view", "all"});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    EXPECT_EQ(made.out.rfind("https://example.org/pathwise/#", 0), 0u) << made.out;
    EXPECT_EQ(made.out.find("old"), std::string::npos) << made.out;
}

TEST(Link, KeyInBaseQuery_IsRefusedWithoutEchoingIt) {
    const CliRun made =
        run_pathwise({"link", "--base", "http://127.0.0.1:8045/v1beta?key=AIzaSecret123", "--client", "gemini-cli"});
    EXPECT_EQ(made.exit_code, 2);
    EXPECT_TRUE(made.out.empty()) << made.out;
    EXPECT_NE(made.err.find("'key'"), std::string::npos) << made.err;
    EXPECT_EQ(made.err.find("AIzaSecret123"), std::string::npos) << "the secret was echoed:\n" << made.err;
}

TEST(Link, CredentialsInBase_AreRefusedWithoutEchoingThem) {
    const CliRun made = run_pathwise({"link", "--base", "http://user:hunter2pass@127.0.0.1:8045/v1"});
    EXPECT_EQ(made.exit_code, 2);
    EXPECT_TRUE(made.out.empty()) << made.out;
    EXPECT_EQ(made.err.find("hunter2pass"), std::string::npos) << "the password was echoed:\n" << made.err;
}

TEST(Link, DecodeWithUnknownField_ReportsNote) {
    const CliRun decoded = run_pathwise({"link", "--decode", "#v=1&c=claude-code&zz=1", "--json"});
    EXPECT_EQ(decoded.exit_code, 1) << decoded.out << decoded.err;
    const json result = decoded.json();
    EXPECT_EQ(result["state"]["client_id"], "claude-code");
    ASSERT_FALSE(result["notes"].empty());
    EXPECT_EQ(result["notes"][0]["field"], "zz");
}

TEST(Link, DecodeHuman_ShowsFieldsInSpanish) {
    const CliRun decoded = run_pathwise({"link", "--decode", "v=1&c=claude-code", "--lang", "es"});
    EXPECT_EQ(decoded.exit_code, 0) << decoded.err;
    EXPECT_NE(decoded.out.find("claude-code"), std::string::npos);
    EXPECT_NE(decoded.out.find("Versión del cliente"), std::string::npos) << decoded.out;
}

TEST(Link, UnknownClient_SuggestsClosestId) {
    const CliRun made = run_pathwise({"link", "--client", "gemini-cl"});
    EXPECT_EQ(made.exit_code, 2);
    EXPECT_NE(made.err.find("unknown client 'gemini-cl'; did you mean 'gemini-cli'?"), std::string::npos) << made.err;
}

TEST(Link, UnknownView_IsUsageError) {
    const CliRun made = run_pathwise({"link", "--view", "settings"});
    EXPECT_EQ(made.exit_code, 2);
    EXPECT_NE(made.err.find("unknown view 'settings'"), std::string::npos) << made.err;
}

TEST(Link, DecodeWithOtherOptions_IsUsageError) {
    const CliRun made = run_pathwise({"link", "--decode", "v=1", "--client", "claude-code"});
    EXPECT_EQ(made.exit_code, 2);
}

// A receipt link as the wizard's Live view makes it (web/src/panels/live_view.cpp), written out by hand.
constexpr const char* kReceiptLink =
    "http://127.0.0.1:8045/#v=1&w=receipt&rm=POST&rp=%2Fv1%2Fv1%2Fmessages&rq=beta"
    "&rh=anthropic-version%2Cuser-agent%2Cx-api-key&rs=404&rf=proxy&rk=duplicated_version_prefix&rc=claude-code"
    "&rcv=2.1.330&ro=http%3A%2F%2F127.0.0.1%3A8045&rx=http%3A%2F%2F127.0.0.1%3A8045";

TEST(Link, DecodeReceipt_ShowsItsFactsAndWhatToDo) {
    const CliRun decoded = run_pathwise({"link", "--decode", kReceiptLink});
    EXPECT_EQ(decoded.exit_code, 0) << decoded.out << decoded.err;
    for (const char* line :
         {"Failure receipt", "Request:       POST /v1/v1/messages", "Query keys:    beta",
          "Header names:  anthropic-version, user-agent, x-api-key", "Status:        404 (proxy)",
          "Client:        claude-code 2.1.330", "Pathwise itself refused POST /v1/v1/messages (status 404)",
          "Duplicated /v1 prefix", "Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1:8045"}) {
        EXPECT_NE(decoded.out.find(line), std::string::npos) << line << " in:\n" << decoded.out;
    }
}

TEST(Link, DecodeReceipt_Json_HasTheFieldsAndTheExplanation) {
    const CliRun decoded = run_pathwise({"link", "--decode", kReceiptLink, "--json", "--lang", "es"});
    EXPECT_EQ(decoded.exit_code, 0) << decoded.out << decoded.err;
    const json receipt = decoded.json()["receipt"];
    EXPECT_EQ(receipt["method"], "POST");
    EXPECT_EQ(receipt["path"], "/v1/v1/messages");
    EXPECT_EQ(receipt["query_keys"], json::array({"beta"}));
    EXPECT_EQ(receipt["header_names"], json::array({"anthropic-version", "user-agent", "x-api-key"}));
    EXPECT_EQ(receipt["status"], 404);
    EXPECT_EQ(receipt["failed_at"], "proxy");
    EXPECT_EQ(receipt["client"], "claude-code");
    const std::string explained = decoded.json()["receipt_explained"];
    EXPECT_NE(explained.find("Pathwise rechazó POST /v1/v1/messages (estado 404)"), std::string::npos) << explained;
    EXPECT_EQ(decoded.json()["state"]["view"], "receipt");
}

TEST(Link, DecodeReceipt_WithAPasswordInItsUrl_DropsItAndSaysSo) {
    const CliRun decoded = run_pathwise(
        {"link", "--decode", "v=1&w=receipt&rm=GET&rp=%2Fv1%2Fmodels&rx=http%3A%2F%2Fana%3Ahunter2%40h", "--json"});
    EXPECT_EQ(decoded.exit_code, 1) << decoded.out;
    EXPECT_EQ(decoded.out.find("hunter2"), std::string::npos) << decoded.out;
    EXPECT_EQ(decoded.json()["notes"][0]["code"], "bad_value");
}

TEST(Link, ViewReceipt_IsNotAnOption_AReceiptComesFromTheLiveView) {
    const CliRun made = run_pathwise({"link", "--view", "receipt"});
    EXPECT_EQ(made.exit_code, 2);
    EXPECT_NE(made.err.find("unknown view 'receipt'"), std::string::npos) << made.err;
}

}  // namespace
}  // namespace pathwise_cli_test
