// SSE goes through the proxy event by event: timestamps spread over the stream's life, never one burst at the
// end — including for clients that send Accept-Encoding (the library would gzip "text/event-stream; charset=…").
#include <gtest/gtest.h>

#include <ostream>
#include <set>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr int kTokenDelayMs = 40;

struct StreamCase {
    const char* name;
    const char* path;
    const char* body;
    // Checked by hand against each provider's documented stream format.
    const char* first_event_name;  // "" when the protocol has no "event:" lines
    const char* last_event_name;
};

// gtest names the case by its name instead of dumping the struct's bytes.
void PrintTo(const StreamCase& c, std::ostream* os) {
    *os << c.name;
}

// The mock's answer sentence has 20 words; each stream carries one token per event.
const StreamCase kStreamCases[] = {
    {"OpenAiChat", "/v1/chat/completions",
     R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})", "", ""},
    {"OpenAiResponses", "/v1/responses", R"({"model":"gpt-5","stream":true,"input":"hi"})", "response.created",
     "response.completed"},
    {"AnthropicMessages", "/v1/messages",
     R"({"model":"claude-sonnet-4-5","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"hi"}]})",
     "message_start", "message_stop"},
    {"GeminiSse", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
     R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})", "", ""},
};

class DefaultMockStream : public ::testing::TestWithParam<StreamCase> {};

void expect_spread_over_time(const StreamRead& read, std::size_t min_events) {
    ASSERT_GE(read.events.size(), min_events) << read.body;
    std::set<long> arrival_slots;  // 10 ms buckets: a burst lands in one or two
    for (const auto& event : read.events) arrival_slots.insert(static_cast<long>(event.at_ms / 10));
    EXPECT_GE(arrival_slots.size(), read.events.size() / 2) << "events arrived in bursts, not one by one";
    const double spread = read.events.back().at_ms - read.events.front().at_ms;
    // 20+ events a token delay apart: at least half the nominal duration between the first and the last.
    EXPECT_GE(spread, kTokenDelayMs * static_cast<double>(min_events - 1) / 2)
        << "first and last event arrived together";
}

TEST_P(DefaultMockStream, ThroughProxyWithGzipAccepted_EventsArriveOneByOne) {
    const StreamCase& c = GetParam();
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", std::to_string(kTokenDelayMs)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read = read_stream(proxy.origin(), c.path, c.body, {{"Accept-Encoding", "gzip, br"}});
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.content_type, "text/event-stream");
    EXPECT_EQ(read.content_encoding, "") << "a compressed SSE body is delivered all at once";
    expect_spread_over_time(read, 20);
    ASSERT_FALSE(read.events.empty());
    EXPECT_EQ(event_name(read.events.front()), c.first_event_name);
    EXPECT_EQ(event_name(read.events.back()), c.last_event_name);
    EXPECT_NE(read.body.find("Pathwise"), std::string::npos) << "the mock says it is Pathwise's mock";
}

INSTANTIATE_TEST_SUITE_P(EveryProtocol, DefaultMockStream, ::testing::ValuesIn(kStreamCases),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(Streaming, OpenAiChat_StreamEndsWithDoneAndCarriesTheRequestedModel) {
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "1"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead read =
        read_stream(proxy.origin(), "/v1/chat/completions",
                    R"({"model":"my-model","stream":true,"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(read.status, 200);
    ASSERT_GE(read.events.size(), 3u);
    EXPECT_EQ(read.events.back().text, "data: [DONE]");
    const json first = event_data(read.events.front());
    EXPECT_EQ(first.value("object", ""), "chat.completion.chunk");
    EXPECT_EQ(first.value("model", ""), "my-model");
}

TEST(Streaming, GeminiStreamWithoutAltSse_JsonArrayArrivesInPieces) {
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", std::to_string(kTokenDelayMs)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const StreamRead read =
        read_stream(proxy.origin(), "/v1beta/models/gemini-2.5-pro:streamGenerateContent",
                    R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})", {{"Accept-Encoding", "gzip"}});
    ASSERT_EQ(read.status, 200) << read.body;
    const json array = json::parse(read.body, nullptr, false);
    ASSERT_TRUE(array.is_array()) << read.body;
    ASSERT_GE(array.size(), 2u);
    EXPECT_EQ(array.back()["candidates"][0]["finishReason"], "STOP");
    EXPECT_GE(read.events.size(), 10u) << "the array was buffered instead of streamed";
}

TEST(Streaming, ProviderSendsEventStreamWithCharset_ProxyAnswersPlainEventStreamUncompressed) {
    auto provider = MockProvider::start({"--token-delay-ms", std::to_string(kTokenDelayMs)});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + provider.origin});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read =
        read_stream(proxy.origin(), "/v1/chat/completions",
                    R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})",
                    {{"Accept-Encoding", "gzip, br"}, {"x-pathwise-mock-sse-type", "provider"}});
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.content_type, "text/event-stream");
    EXPECT_EQ(read.content_encoding, "");
    expect_spread_over_time(read, 20);
    EXPECT_EQ(read.events.back().text, "data: [DONE]");
}

TEST(Streaming, UpstreamSilentMidStream_ProxySendsPingCommentsThenTheRest) {
    auto provider = MockProvider::start({"--token-delay-ms", "5"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve(
        {"--upstream", "anthropic=" + provider.origin, "--keepalive-comment-interval-ms", "200"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read = read_stream(
        proxy.origin(), "/v1/messages",
        R"({"model":"claude-haiku-4-5","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"hi"}]})",
        {{"x-pathwise-mock-fail", "stall_midstream"}, {"x-pathwise-mock-stall-ms", "1500"}});
    ASSERT_EQ(read.status, 200) << read.body;
    std::size_t pings = 0;
    for (const auto& event : read.events) pings += event.text == ": ping" ? 1 : 0;
    EXPECT_GE(pings, 4u) << "1.5 s of silence with a 200 ms ping interval";
    EXPECT_EQ(event_name(read.events.back()), "message_stop") << "the stream resumes and completes after the pings";
}

}  // namespace
}  // namespace pathwise::testing
