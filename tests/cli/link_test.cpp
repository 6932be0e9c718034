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

}  // namespace
}  // namespace pathwise_cli_test
