// /readyz with fallback lists ("upstreams.openai": [primary, fallback, …]): each candidate is probed, the protocol
// is ready when one of them is reachable, and "serving" names the one a request reaches first. The expected
// bodies are written by hand from README.md's description of /readyz.
#include <gtest/gtest.h>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

std::string nobody_listens() {
    return "http://127.0.0.1:" + std::to_string(pick_free_port());
}

// The config: openai's primary then one fallback; the other protocols keep the embedded mock.
std::string config_with(const TempDir& dir, const std::string& primary, const std::string& fallback) {
    return dir.write_file("config.json", R"({"upstreams": {"openai": [{"base_url": ")" + primary +
                                             R"(", "connect_timeout_ms": 2000}, {"base_url": ")" + fallback +
                                             R"(", "connect_timeout_ms": 2000}]}})");
}

json openai_entry(const json& body) {
    for (const json& entry : body["upstreams"]) {
        if (entry["protocol"] == "openai") return entry;
    }
    return nullptr;
}

TEST(ReadyzFallback, PrimaryDownFallbackUp_ReadyAndServedByTheFallback) {
    MockProvider fallback = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(fallback.ready()) << fallback.process.stderr_text();
    TempDir dir;
    const std::string primary = nobody_listens();
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, primary, fallback.origin)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client(15s)->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    const json body = json::parse(res->body, nullptr, false);
    EXPECT_EQ(body["status"], "ready");
    EXPECT_FALSE(body.contains("message")) << res->body;
    const json openai = openai_entry(body);
    ASSERT_TRUE(openai.is_object()) << res->body;
    EXPECT_EQ(openai["upstream"], primary);
    EXPECT_EQ(openai["reachable"], false);
    EXPECT_FALSE(openai["error"].get<std::string>().empty());
    EXPECT_EQ(openai["serving"], fallback.origin);
    EXPECT_EQ(openai["fallbacks"], json::array({{{"upstream", fallback.origin}, {"reachable", true}, {"error", ""}}}));
}

TEST(ReadyzFallback, PrimaryUp_ServedByThePrimary_TheDownFallbackIsShown) {
    MockProvider primary = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(primary.ready()) << primary.process.stderr_text();
    TempDir dir;
    const std::string fallback = nobody_listens();
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, primary.origin, fallback)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client(15s)->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    const json openai = openai_entry(json::parse(res->body, nullptr, false));
    EXPECT_EQ(openai["reachable"], true);
    EXPECT_EQ(openai["serving"], primary.origin);
    ASSERT_EQ(openai["fallbacks"].size(), 1u) << res->body;
    EXPECT_EQ(openai["fallbacks"][0]["upstream"], fallback);
    EXPECT_EQ(openai["fallbacks"][0]["reachable"], false);
}

TEST(ReadyzFallback, PrimaryAndFallbackDown_NotReadyWithAMessageNamingTheProtocol) {
    TempDir dir;
    const std::string primary = nobody_listens();
    const std::string fallback = nobody_listens();
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, primary, fallback)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client(15s)->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << res->body;
    const json body = json::parse(res->body, nullptr, false);
    EXPECT_EQ(body["status"], "not_ready");
    EXPECT_EQ(body["message"], "No reachable upstream for openai: the primary and every fallback failed to connect.");
    const json openai = openai_entry(body);
    EXPECT_EQ(openai["serving"], nullptr) << res->body;
    EXPECT_EQ(openai["reachable"], false);
    ASSERT_EQ(openai["fallbacks"].size(), 1u);
    EXPECT_EQ(openai["fallbacks"][0]["upstream"], fallback);
    EXPECT_EQ(openai["fallbacks"][0]["reachable"], false);
    EXPECT_FALSE(openai["fallbacks"][0]["error"].get<std::string>().empty());
    for (const json& other : body["upstreams"]) {
        if (other["protocol"] != "openai") {
            EXPECT_EQ(other["serving"], "mock") << other;
        }
    }
}

TEST(ReadyzFallback, WithoutAKey_TheMessageNamesNoUpstream) {
    TempDir dir;
    const std::string fallback = nobody_listens();
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, nobody_listens(), fallback), "--auth-mode",
                                               "all_except_health", "--api-key", "k"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client(15s)->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << res->body;
    EXPECT_EQ(
        json::parse(res->body, nullptr, false),
        json({{"status", "not_ready"},
              {"message", "No reachable upstream for openai: the primary and every fallback failed to connect."}}));
}

}  // namespace
}  // namespace pathwise::testing
