// GET /_pathwise/upstreams through the real proxy: per inbound protocol, the upstream that serves it (never a
// key), the protocol it speaks and how many fallbacks it has; the wizard's "served by" lines read it. Like the
// requests feed it is a local diagnostic: the proxy key when auth is on, and never to another site's page.
#include <gtest/gtest.h>

#include <memory>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kUpstreamKey = "sk-upstream-secret-4411";
constexpr const char* kFallbackKey = "fallback-secret-9d2c";
constexpr const char* kHeaderSecret = "header-secret-77aa";

// Claude Code's protocol goes to a mock that speaks only OpenAI Chat Completions (Ollama's shape), with a key, an
// extra header and a fallback whose key sits in its URL's query; OpenAI is declared, Gemini is left to the mock.
std::string write_config(const TempDir& dir, const std::string& mock_origin) {
    const json config = {
        {"upstreams",
         {{"anthropic", json::array({{{"base_url", mock_origin + "/v1"},
                                      {"protocol", "openai-chat"},
                                      {"api_key", kUpstreamKey},
                                      {"headers", {{"X-Gateway-Token", kHeaderSecret}}}},
                                     {{"base_url", "http://127.0.0.1:9/v1?key=" + std::string(kFallbackKey)},
                                      {"protocol", "anthropic"}}})},
          {"openai", {{"base_url", mock_origin}, {"protocol", "openai-chat"}}}}}};
    return dir.write_file("config.json", config.dump());
}

struct ServingProxy {
    MockProvider provider;
    std::unique_ptr<TempDir> dir;  // holds the config file (TempDir cannot move)
    std::string config;
    PathwiseProcess proxy;
};

ServingProxy start(std::vector<std::string> extra_args = {}) {
    MockProvider provider = MockProvider::start({"--protocol", "openai-chat", "--token-delay-ms", "0"});
    auto dir = std::make_unique<TempDir>();
    std::string config = write_config(*dir, provider.origin);
    extra_args.insert(extra_args.begin(), {"--config", config});
    PathwiseProcess proxy = PathwiseProcess::start_serve(extra_args);
    return {std::move(provider), std::move(dir), std::move(config), std::move(proxy)};
}

json entry_for(const json& body, std::string_view protocol) {
    for (const auto& item : body["upstreams"]) {
        if (item.value("protocol", "") == protocol) return item;
    }
    return nullptr;
}

TEST(UpstreamsView, AnthropicToAnOpenAiChatMock_SaysWhatSpeaksWhat_WithoutAnyKey) {
    ServingProxy setup = start();
    ASSERT_TRUE(setup.provider.ready()) << setup.provider.process.stderr_text();
    ASSERT_TRUE(setup.proxy.ready()) << setup.proxy.stderr_text();
    auto res = setup.proxy.client()->Get("/_pathwise/upstreams");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
    const json body = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << res->body;
    ASSERT_EQ(body["upstreams"].size(), 3u) << res->body;

    EXPECT_EQ(entry_for(body, "anthropic"), json({{"protocol", "anthropic"},
                                                  {"upstream", setup.provider.origin + "/v1"},
                                                  {"speaks", "openai-chat"},
                                                  {"fallbacks", 1}}));
    EXPECT_EQ(entry_for(body, "openai"), json({{"protocol", "openai"},
                                               {"upstream", setup.provider.origin},
                                               {"speaks", "openai-chat"},
                                               {"fallbacks", 0}}));
    EXPECT_EQ(entry_for(body, "gemini"),
              json({{"protocol", "gemini"}, {"upstream", "mock"}, {"speaks", nullptr}, {"fallbacks", 0}}));
    for (const char* secret : {kUpstreamKey, kFallbackKey, kHeaderSecret, "X-Gateway-Token"}) {
        EXPECT_EQ(res->body.find(secret), std::string::npos) << secret << " is in the answer: " << res->body;
    }
}

// The endpoint and `pathwise doctor` read one rule (pathwise/passage.hpp): what the endpoint says Claude Code's
// upstream speaks is what the doctor says of its /v1/messages call, and that call really is translated.
TEST(UpstreamsView, AgreesWithTheDoctorAndTheProxy_ClaudeCodeIsTranslated) {
    ServingProxy setup = start();
    ASSERT_TRUE(setup.provider.ready()) << setup.provider.process.stderr_text();
    ASSERT_TRUE(setup.proxy.ready()) << setup.proxy.stderr_text();

    ProcessOptions options;
    options.args = {"doctor", "--json", "--config", setup.config, "--client", "claude-code", setup.proxy.origin()};
    PathwiseProcess doctor = PathwiseProcess::start(std::move(options));
    ASSERT_TRUE(doctor.wait_exit(20s).has_value());
    const json report = json::parse(doctor.stdout_text(), nullptr, false);
    ASSERT_TRUE(report.is_object()) << doctor.stdout_text() << doctor.stderr_text();
    json messages;
    for (const auto& call : report["calls"]) {
        if (call["route"] == "anthropic.messages") messages = call;
    }
    ASSERT_TRUE(messages.is_object()) << report.dump(2);
    EXPECT_EQ(messages["served_by"]["speaks"], "openai-chat") << messages.dump();
    EXPECT_EQ(messages["served_by"]["passage"], "translate") << messages.dump();

    auto upstreams = setup.proxy.client()->Get("/_pathwise/upstreams");
    ASSERT_TRUE(upstreams);
    const json body = json::parse(upstreams->body, nullptr, false);
    EXPECT_EQ(entry_for(body, "anthropic")["speaks"], messages["served_by"]["speaks"]);

    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages",
                                        R"({"model":"claude-sonnet-4-5","max_tokens":16,)"
                                        R"("messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(json::parse(read.body, nullptr, false)["type"], "message");
    EXPECT_EQ(setup.provider.stats()["recent"].back()["path"], "/v1/chat/completions");
}

TEST(UpstreamsView, StrictAuth_NeedsTheProxyKey_LikeTheRequestsFeed) {
    ServingProxy setup = start({"--api-key", "pk-proxy-key", "--auth-mode", "strict"});
    ASSERT_TRUE(setup.proxy.ready()) << setup.proxy.stderr_text();
    auto refused = setup.proxy.client()->Get("/_pathwise/upstreams");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401) << refused->body;
    EXPECT_EQ(refused->body.find(kUpstreamKey), std::string::npos);
    auto allowed = setup.proxy.client()->Get("/_pathwise/upstreams", {{"Authorization", "Bearer pk-proxy-key"}});
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed->status, 200) << allowed->body;
}

TEST(UpstreamsView, AnotherSitesPage_IsRefused) {
    ServingProxy setup = start();
    ASSERT_TRUE(setup.proxy.ready()) << setup.proxy.stderr_text();
    auto res = setup.proxy.client()->Get("/_pathwise/upstreams", {{"Origin", "https://evil.example"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    EXPECT_EQ(res->body.find("upstreams\""), std::string::npos) << res->body;
}

}  // namespace
}  // namespace pathwise::testing
