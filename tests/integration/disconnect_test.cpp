// A client that hangs up mid-stream must not leave the provider generating (and billing) on its own: the proxy
// cancels the upstream request, which the provider sees as its stream being aborted.
#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

struct DisconnectCase {
    const char* name;
    const char* protocol;
    const char* path;
    const char* body;
};

// gtest names the case by its name instead of dumping the struct's bytes.
void PrintTo(const DisconnectCase& c, std::ostream* os) {
    *os << c.name;
}

const DisconnectCase kCases[] = {
    {"OpenAiChat", "openai", "/v1/chat/completions",
     R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"write a long story"}]})"},
    {"AnthropicMessages", "anthropic", "/v1/messages",
     R"({"model":"claude-sonnet-4-5","stream":true,"max_tokens":4096,"messages":[{"role":"user","content":"long"}]})"},
    {"GeminiSse", "gemini", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
     R"({"contents":[{"role":"user","parts":[{"text":"long"}]}]})"},
};

class ClientLeaves : public ::testing::TestWithParam<DisconnectCase> {};

TEST_P(ClientLeaves, MidStream_ProviderSeesItsStreamAbortedWithinAFewTokens) {
    const DisconnectCase& c = GetParam();
    constexpr int kTokenDelayMs = 50;
    auto provider = MockProvider::start({"--token-delay-ms", std::to_string(kTokenDelayMs)});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve({"--upstream", std::string(c.protocol) + "=" + provider.origin});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    // 400 tokens at 50 ms: a 20 s answer; the client leaves after 5 events.
    const StreamRead read = read_stream(proxy.origin(), c.path, c.body, {{"x-pathwise-mock-tokens", "400"}}, 5);
    ASSERT_EQ(read.status, 200);
    ASSERT_EQ(read.events.size(), 5u);
    const auto left_at = std::chrono::steady_clock::now();

    const auto stats = wait_for_stats(
        provider, [](const nlohmann::json& s) { return s.value("streams_aborted", 0) >= 1; }, 5s);
    const double cancel_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - left_at).count();
    EXPECT_EQ(stats.value("streams_aborted", 0), 1) << stats.dump();
    EXPECT_EQ(stats.value("streams_completed", 0), 0) << stats.dump();
    // The proxy notices at its next write (one token later) and stops the upstream read at once; the provider
    // notices at its own next write. A few token delays, far below the 20 s the answer would take.
    EXPECT_LT(cancel_ms, 1000.0);
    std::printf("[ measured ] %s: provider saw the abort %.0f ms after the client left (token delay %d ms)\n", c.name,
                cancel_ms, kTokenDelayMs);
}

INSTANTIATE_TEST_SUITE_P(EveryProtocol, ClientLeaves, ::testing::ValuesIn(kCases),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(ClientLeavesDefaultMock, MidStream_ProxyRecordsTheDisconnectAndKeepsServing) {
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "50"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead read =
        read_stream(proxy.origin(), "/v1/chat/completions",
                    R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})", {}, 3);
    ASSERT_EQ(read.events.size(), 3u);
    EXPECT_TRUE(proxy.wait_for_stderr("client_disconnected", 3s)) << proxy.stderr_text();
    // The proxy still answers the next request normally.
    auto client = proxy.client();
    auto res = client->Post("/v1/chat/completions", R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})",
                            "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace pathwise::testing
