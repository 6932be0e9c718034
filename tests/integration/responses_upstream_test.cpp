// An upstream that speaks only the OpenAI Responses API (api.openai.com's /v1/responses, a gateway that has only
// it), through the real proxy: `pathwise serve` in front of `pathwise mock --protocol openai-responses`, which
// answers /v1/responses and 404s every other chat route. Claude Code's /v1/messages and the OpenAI chat SDK's
// /v1/chat/completions get their own protocol's answers, streams and errors; what reached the upstream is read from
// the mock's /_mock/stats. Expected shapes are written by hand from the providers' API references.
#include <gtest/gtest.h>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kAnthropicText = R"({"model":"claude-sonnet-4-5","max_tokens":64,"system":"Be brief.",
  "messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kAnthropicStream =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kChatText = R"({"model":"gpt-5","messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kChatStream = R"({"model":"gpt-5","stream":true,"messages":[{"role":"user","content":"hi"}]})";

// A proxy whose `inbound` protocol's upstream is a mock that speaks only Responses.
struct ResponsesUpstream {
    MockProvider provider;
    PathwiseProcess proxy;

    static ResponsesUpstream start(const std::string& inbound) {
        MockProvider provider = MockProvider::start({"--token-delay-ms", "0", "--protocol", "openai-responses"});
        auto proxy = PathwiseProcess::start_serve(
            {"--upstream", inbound + "=" + provider.origin, "--upstream-protocol", inbound + "=openai-responses"});
        return {std::move(provider), std::move(proxy)};
    }
    [[nodiscard]] bool ready() const { return provider.ready() && proxy.ready(); }
    [[nodiscard]] json last_upstream_request() const {
        const json recent = provider.stats()["recent"];
        return recent.is_array() && !recent.empty() ? recent.back() : json(nullptr);
    }
    [[nodiscard]] json last_upstream_body() const {
        const json asked = last_upstream_request();
        if (!asked.is_object() || !asked["body"].is_string()) return nullptr;
        return json::parse(asked["body"].get<std::string>(), nullptr, false);
    }
};

json parsed(const StreamRead& read) {
    return json::parse(read.body, nullptr, false);
}

std::vector<std::string> event_names(const StreamRead& read) {
    std::vector<std::string> names;
    for (const auto& event : read.events) {
        if (event.text.rfind(':', 0) != 0) names.push_back(event_name(event));  // not a ": ping" comment
    }
    return names;
}

// Claude Code's tool round trip on a Responses-only upstream: the mock calls the tool the user names
// (pathwise mock --help), the call comes back as a tool_use block, and the result goes up as a
// function_call_output item after the replayed function_call.
TEST(ResponsesUpstream, AnthropicToolRoundTrip_CallAndResultTravelAsResponsesItems) {
    auto setup = ResponsesUpstream::start("anthropic");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const std::string tools = R"("tools":[{"name":"get_weather","description":"Weather in a city",
        "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}])";
    const std::string ask = R"({"role":"user","content":"pathwise-mock-call:get_weather for Paris"})";
    const StreamRead first =
        read_stream(setup.proxy.origin(), "/v1/messages",
                    R"({"model":"claude-sonnet-4-5","max_tokens":64,)" + tools + R"(,"messages":[)" + ask + "]}");
    ASSERT_EQ(first.status, 200) << first.body;
    const json call_answer = parsed(first);
    EXPECT_EQ(call_answer["stop_reason"], "tool_use") << call_answer.dump();
    json call;
    for (const auto& block : call_answer["content"]) {
        if (block["type"] == "tool_use") call = block;
    }
    ASSERT_TRUE(call.is_object()) << call_answer.dump();
    EXPECT_EQ(call["name"], "get_weather");
    EXPECT_TRUE(call["input"]["city"].is_string()) << call.dump();
    const json upstream_ask = setup.last_upstream_body();
    EXPECT_EQ(upstream_ask["tools"][0]["type"], "function") << upstream_ask.dump();
    EXPECT_EQ(upstream_ask["tools"][0]["name"], "get_weather") << upstream_ask.dump();

    const std::string follow_up = R"({"model":"claude-sonnet-4-5","max_tokens":64,)" + tools + R"(,"messages":[)" +
                                  ask + R"(,{"role":"assistant","content":)" + call_answer["content"].dump() +
                                  R"(},{"role":"user","content":[{"type":"tool_result","tool_use_id":")" +
                                  call["id"].get<std::string>() + R"(","content":"sunny, 21 degrees"}]}]})";
    const StreamRead second = read_stream(setup.proxy.origin(), "/v1/messages", follow_up);
    ASSERT_EQ(second.status, 200) << second.body;
    EXPECT_EQ(parsed(second)["stop_reason"], "end_turn") << second.body;
    const json input = setup.last_upstream_body()["input"];
    json replayed;
    json output;
    for (const auto& item : input) {
        if (item["type"] == "function_call") replayed = item;
        if (item["type"] == "function_call_output") output = item;
    }
    ASSERT_TRUE(replayed.is_object()) << input.dump();
    ASSERT_TRUE(output.is_object()) << input.dump();
    EXPECT_EQ(replayed["name"], "get_weather");
    EXPECT_EQ(output["call_id"], replayed["call_id"]) << input.dump();
    EXPECT_EQ(output["output"], "sunny, 21 degrees") << input.dump();
}

TEST(ResponsesUpstream, MockRestrictedToResponses_AnswersOnlyResponses) {
    MockProvider provider = MockProvider::start({"--protocol", "openai-responses"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    EXPECT_EQ(read_stream(provider.origin, "/v1/chat/completions", kChatText).status, 404);
    EXPECT_EQ(read_stream(provider.origin, "/v1/messages", kAnthropicText).status, 404);
    const StreamRead answer = read_stream(provider.origin, "/v1/responses", R"({"model":"m","input":"hi"})");
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(parsed(answer)["object"], "response");
}

TEST(ResponsesUpstream, AnthropicClient_AnswerIsAnAnthropicMessage_UpstreamGotAResponsesRequest) {
    auto setup = ResponsesUpstream::start("anthropic");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicText);
    ASSERT_EQ(read.status, 200) << read.body;
    const json body = parsed(read);
    EXPECT_EQ(body["type"], "message");
    EXPECT_EQ(body["role"], "assistant");
    ASSERT_EQ(body["content"].size(), 1u) << body.dump();
    EXPECT_EQ(body["content"][0]["type"], "text");
    EXPECT_EQ(body["content"][0]["text"].get<std::string>().rfind("Hello from Pathwise's mock upstream", 0), 0u)
        << body.dump();
    EXPECT_EQ(body["stop_reason"], "end_turn");
    EXPECT_TRUE(body["usage"]["input_tokens"].is_number_integer());
    EXPECT_GT(body["usage"]["output_tokens"].get<int>(), 0);

    const json asked = setup.last_upstream_request();
    EXPECT_EQ(asked["path"], "/v1/responses") << asked.dump();
    const json upstream_body = setup.last_upstream_body();
    EXPECT_EQ(upstream_body["model"], "claude-sonnet-4-5");
    EXPECT_EQ(upstream_body["instructions"], "Be brief.");
    EXPECT_EQ(upstream_body["input"],
              json::parse(R"([{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}])"));
    EXPECT_EQ(upstream_body["max_output_tokens"], 64);
    EXPECT_EQ(upstream_body["store"], false);
    for (const auto& name : asked["headers"]) {
        EXPECT_NE(name.get<std::string>().rfind("anthropic-", 0), 0u) << "an Anthropic header went to OpenAI";
    }
}

TEST(ResponsesUpstream, AnthropicClient_StreamIsTheAnthropicEventSequence) {
    auto setup = ResponsesUpstream::start("anthropic");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicStream);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.content_type, "text/event-stream");
    const auto names = event_names(read);
    ASSERT_GE(names.size(), 6u) << read.body;
    EXPECT_EQ(names.front(), "message_start");
    EXPECT_EQ(names[1], "content_block_start");
    EXPECT_EQ(names[names.size() - 2], "message_delta");
    EXPECT_EQ(names.back(), "message_stop");
    std::string text;
    json message_delta;
    for (const auto& event : read.events) {
        const json data = event_data(event);
        if (!data.is_object()) continue;
        if (data.value("type", "") == "content_block_delta") text += data["delta"].value("text", "");
        if (data.value("type", "") == "message_delta") message_delta = data;
    }
    EXPECT_EQ(text.rfind("Hello from Pathwise's mock upstream, answering as claude-sonnet-4-5", 0), 0u) << read.body;
    EXPECT_EQ(message_delta["delta"]["stop_reason"], "end_turn");
    EXPECT_GT(message_delta["usage"]["output_tokens"].get<int>(), 0) << "usage from response.completed";
    EXPECT_EQ(setup.last_upstream_body()["stream"], true);
}

TEST(ResponsesUpstream, OpenAiChatClient_ChatCompletionAndStream) {
    auto setup = ResponsesUpstream::start("openai");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead whole = read_stream(setup.proxy.origin(), "/v1/chat/completions", kChatText);
    ASSERT_EQ(whole.status, 200) << whole.body;
    const json answer = parsed(whole);
    EXPECT_EQ(answer["object"], "chat.completion");
    EXPECT_EQ(answer["choices"][0]["message"]["content"].get<std::string>().rfind("Hello from", 0), 0u) << whole.body;
    EXPECT_EQ(answer["choices"][0]["finish_reason"], "stop");
    EXPECT_GT(answer["usage"]["completion_tokens"].get<int>(), 0);
    EXPECT_EQ(setup.last_upstream_request()["path"], "/v1/responses");

    const StreamRead stream = read_stream(setup.proxy.origin(), "/v1/chat/completions", kChatStream);
    ASSERT_EQ(stream.status, 200) << stream.body;
    std::string text;
    std::string finish;
    for (const auto& event : stream.events) {
        const json data = event_data(event);
        if (!data.is_object() || !data.contains("choices") || data["choices"].empty()) continue;
        text += data["choices"][0]["delta"].value("content", "");
        if (data["choices"][0]["finish_reason"].is_string()) finish = data["choices"][0]["finish_reason"];
    }
    EXPECT_EQ(text.rfind("Hello from Pathwise's mock upstream, answering as gpt-5", 0), 0u) << stream.body;
    EXPECT_EQ(finish, "stop");
    EXPECT_EQ(stream.events.back().text, "data: [DONE]");
}

// A Responses upstream's error body is OpenAI's {"error": {"message", "type", "code"}}: its message reaches the
// Anthropic client in Anthropic's error shape.
TEST(ResponsesUpstream, UpstreamError_IsTheClientsErrorShapeWithTheUpstreamsMessage) {
    auto setup = ResponsesUpstream::start("anthropic");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read =
        read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicText, {{"x-pathwise-mock-fail", "status:429"}});
    EXPECT_EQ(read.status, 429);
    const json body = parsed(read);
    EXPECT_EQ(body["type"], "error") << read.body;
    const std::string message = body["error"]["message"];
    EXPECT_NE(message.find("speaking openai-responses) answered 429"), std::string::npos) << message;
    EXPECT_NE(message.find("asked to fail with 429"), std::string::npos) << "the upstream's own message: " << message;
}

}  // namespace
}  // namespace pathwise::testing
