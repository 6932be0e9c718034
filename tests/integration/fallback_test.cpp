// An ordered list of upstreams per protocol ("upstreams.openai": [primary, fallback, …]): the next one answers
// when the one before cannot be reached or answers 5xx/429 before anything reached the client; a 4xx is the
// client's answer, and a stream that started is never restarted elsewhere.
#include <gtest/gtest.h>

#include "fault_upstream.hpp"
#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kChat = R"({"model":"m","messages":[{"role":"user","content":"hi"}]})";

std::string config_with(const TempDir& dir, const std::string& list) {
    return dir.write_file("config.json", R"({"upstreams": {"openai": )" + list + "}}");
}

TEST(Fallback, PrimaryRefusesConnections_TheFallbackAnswers) {
    MockProvider fallback = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(fallback.ready()) << fallback.process.stderr_text();
    TempDir dir;
    const std::string list = R"([{"base_url": "http://127.0.0.1:)" + std::to_string(pick_free_port()) +
                             R"(", "connect_timeout_ms": 2000}, {"base_url": ")" + fallback.origin + R"("}])";
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, list)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead read = read_stream(proxy.origin(), "/v1/chat/completions", kChat);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(json::parse(read.body, nullptr, false)["object"], "chat.completion");
    EXPECT_EQ(fallback.stats()["recent"].size(), 1u);
}

TEST(Fallback, Primary503Or429_TheFallbackAnswers_A404IsTheClientsAnswer) {
    FaultUpstream overloaded(FaultUpstream::fixed(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 36\r\n\r\n"
        R"({"error":{"message":"overloaded!!"}})"));
    FaultUpstream limited(FaultUpstream::fixed(
        "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
    MockProvider last = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(overloaded.ok() && limited.ok() && last.ready());
    TempDir dir;
    const std::string list = R"([{"base_url": ")" + overloaded.origin() + R"("}, {"base_url": ")" + limited.origin() +
                             R"("}, {"base_url": ")" + last.origin + R"("}])";
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, list)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead streamed =
        read_stream(proxy.origin(), "/v1/chat/completions",
                    R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(streamed.status, 200) << streamed.body;
    EXPECT_EQ(streamed.events.back().text, "data: [DONE]");
    EXPECT_EQ(overloaded.request_count(), 1u);
    EXPECT_EQ(limited.request_count(), 1u);

    // The next request starts at the primary again (no sticky failover hides a recovered primary).
    EXPECT_EQ(read_stream(proxy.origin(), "/v1/chat/completions", kChat).status, 200);
    EXPECT_EQ(overloaded.request_count(), 2u) << "every request starts at the primary";
}

TEST(Fallback, Primary4xx_IsTheClientsAnswerAndNoFallbackIsAsked) {
    FaultUpstream refusing(FaultUpstream::fixed(
        "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
    MockProvider fallback = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(refusing.ok() && fallback.ready());
    TempDir dir;
    const std::string list =
        R"([{"base_url": ")" + refusing.origin() + R"("}, {"base_url": ")" + fallback.origin + R"("}])";
    auto proxy = PathwiseProcess::start_serve({"--config", config_with(dir, list)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    EXPECT_EQ(read_stream(proxy.origin(), "/v1/chat/completions", kChat).status, 404);
    EXPECT_TRUE(fallback.stats()["recent"].empty());
}

TEST(Fallback, EachUpstreamKeepsItsProtocol_TranslatedFallbackAfterAPassThroughPrimary) {
    MockProvider chat_only = MockProvider::start({"--token-delay-ms", "0", "--protocol", "openai-chat"});
    ASSERT_TRUE(chat_only.ready()) << chat_only.process.stderr_text();
    TempDir dir;
    const std::string config =
        dir.write_file("config.json", R"({"upstreams": {"anthropic": [{"base_url": "http://127.0.0.1:)" +
                                          std::to_string(pick_free_port()) + R"("}, {"base_url": ")" +
                                          chat_only.origin + R"(", "protocol": "openai-chat"}]}})");
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead read =
        read_stream(proxy.origin(), "/v1/messages",
                    R"({"model":"claude-x","max_tokens":16,"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(json::parse(read.body, nullptr, false)["type"], "message");
    EXPECT_EQ(chat_only.stats()["recent"].back()["path"], "/v1/chat/completions");
}

TEST(Fallback, ConfigListErrors_NameTheEntry) {
    TempDir dir;
    auto empty = PathwiseProcess::start_serve({"--config", config_with(dir, "[]")});
    EXPECT_FALSE(empty.ready());
    EXPECT_NE(empty.stderr_text().find("upstreams.openai must list at least one upstream"), std::string::npos)
        << empty.stderr_text();
    TempDir other;
    auto typo = PathwiseProcess::start_serve(
        {"--config", config_with(other, R"([{"base_url": "http://127.0.0.1:9"}, {"base_ur": "x"}])")});
    EXPECT_FALSE(typo.ready());
    EXPECT_NE(typo.stderr_text().find("upstreams.openai[1].base_ur"), std::string::npos) << typo.stderr_text();
}

}  // namespace
}  // namespace pathwise::testing
