// Translation through the real proxy: `pathwise serve` whose upstream is a `pathwise mock --protocol X` that
// answers only X, as a single-API server (Ollama, vLLM, a company gateway) does. A client of another protocol
// gets its own protocol's answers, streams, errors and tool calls. Expected shapes are written by hand from the
// providers' API references; what reached the upstream is read from the mock's /_mock/stats.
#include <gtest/gtest.h>

#include <cstdio>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kAnthropicText =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kAnthropicStream =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]})";
// The mock calls the tool a last user message names with pathwise-mock-call:NAME (pathwise mock --help).
constexpr const char* kAnthropicToolAsk = R"({"model":"claude-sonnet-4-5","max_tokens":64,%s
  "tools":[{"name":"get_weather","description":"Weather in a city",
            "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
  "messages":[{"role":"user","content":"pathwise-mock-call:get_weather for Paris"}]})";

// A proxy whose `inbound` protocol's upstream is a mock that speaks only `speaks`.
struct TranslatingProxy {
    MockProvider provider;
    PathwiseProcess proxy;

    static TranslatingProxy start(const std::string& inbound, const std::string& speaks,
                                  std::vector<std::string> mock_args = {"--token-delay-ms", "0"}) {
        mock_args.insert(mock_args.end(), {"--protocol", speaks});
        MockProvider provider = MockProvider::start(mock_args);
        auto proxy = PathwiseProcess::start_serve(
            {"--upstream", inbound + "=" + provider.origin, "--upstream-protocol", inbound + "=" + speaks});
        return {std::move(provider), std::move(proxy)};
    }
    [[nodiscard]] bool ready() const { return provider.ready() && proxy.ready(); }
    [[nodiscard]] json last_upstream_request() const {
        const json recent = provider.stats()["recent"];
        return recent.is_array() && !recent.empty() ? recent.back() : json(nullptr);
    }
};

json parsed(const StreamRead& read) {
    return json::parse(read.body, nullptr, false);
}

std::string formatted(const char* pattern, const char* insert) {
    std::string out(pattern);
    out.replace(out.find("%s"), 2, insert);
    return out;
}

// The text deltas of an Anthropic stream, joined.
std::string anthropic_stream_text(const StreamRead& read) {
    std::string text;
    for (const auto& event : read.events) {
        const json data = event_data(event);
        if (data.is_object() && data.value("type", "") == "content_block_delta" &&
            data["delta"].value("type", "") == "text_delta") {
            text += data["delta"].value("text", "");
        }
    }
    return text;
}

std::vector<std::string> event_names(const StreamRead& read) {
    std::vector<std::string> names;
    for (const auto& event : read.events) {
        if (event.text.rfind(':', 0) != 0) names.push_back(event_name(event));  // not a ": ping" comment
    }
    return names;
}

TEST(MockProtocolRestricted, OpenAiChatOnly_OtherProtocolsChatRoutesAre404_ItsOwnRoutesAnswer) {
    MockProvider provider = MockProvider::start({"--protocol", "openai-chat"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    EXPECT_EQ(read_stream(provider.origin, "/v1/messages", kAnthropicText).status, 404);
    EXPECT_EQ(read_stream(provider.origin, "/v1beta/models/g:generateContent", R"({"contents":[]})").status, 404);
    EXPECT_EQ(read_stream(provider.origin, "/v1/responses", R"({"model":"m","input":"hi"})").status, 404);
    EXPECT_EQ(read_stream(provider.origin, "/v1/chat/completions",
                          R"({"model":"m","messages":[{"role":"user","content":"hi"}]})")
                  .status,
              200);
    httplib::Client client(provider.origin);
    auto models = client.Get("/v1/models");
    ASSERT_TRUE(models);
    EXPECT_EQ(models->status, 200);
}

TEST(Translation, AnthropicClientOpenAiChatUpstream_AnswerIsAnAnthropicMessage) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicText);
    ASSERT_EQ(read.status, 200) << read.body;
    const json body = parsed(read);
    EXPECT_EQ(body["type"], "message");
    EXPECT_EQ(body["role"], "assistant");
    EXPECT_EQ(body["model"], "claude-sonnet-4-5");
    ASSERT_EQ(body["content"].size(), 1u) << body.dump();
    EXPECT_EQ(body["content"][0]["type"], "text");
    EXPECT_EQ(body["content"][0]["text"].get<std::string>().rfind("Hello from Pathwise's mock upstream", 0), 0u);
    EXPECT_EQ(body["stop_reason"], "end_turn");
    EXPECT_TRUE(body["usage"]["input_tokens"].is_number_integer());
    EXPECT_TRUE(body["usage"]["output_tokens"].is_number_integer());

    const json asked = setup.last_upstream_request();
    EXPECT_EQ(asked["path"], "/v1/chat/completions") << asked.dump();
    const json upstream_body = json::parse(asked["body"].get<std::string>(), nullptr, false);
    EXPECT_EQ(upstream_body["messages"][0], json({{"role", "user"}, {"content", "hi"}}));
    EXPECT_EQ(upstream_body["max_tokens"], 64);
    for (const auto& name : asked["headers"]) {
        EXPECT_NE(name.get<std::string>().rfind("anthropic-", 0), 0u) << "an Anthropic header went to OpenAI";
    }
}

TEST(Translation, AnthropicClientOpenAiChatUpstream_StreamIsTheAnthropicEventSequenceAsItComes) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat", {"--token-delay-ms", "30"});
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicStream);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(read.content_type, "text/event-stream");
    const auto names = event_names(read);
    ASSERT_GE(names.size(), 6u) << read.body;
    EXPECT_EQ(names.front(), "message_start");
    EXPECT_EQ(names[1], "content_block_start");
    EXPECT_EQ(names[names.size() - 3], "content_block_stop");
    EXPECT_EQ(names[names.size() - 2], "message_delta");
    EXPECT_EQ(names.back(), "message_stop");
    EXPECT_EQ(
        anthropic_stream_text(read).rfind("Hello from Pathwise's mock upstream, answering as claude-sonnet-4-5", 0), 0u)
        << read.body;
    const json delta = event_data(read.events[read.events.size() - 2]);
    EXPECT_EQ(delta["delta"]["stop_reason"], "end_turn");
    // 20 words 30 ms apart upstream: translated one by one, not held to the end.
    const double spread = read.events.back().at_ms - read.events.front().at_ms;
    EXPECT_GE(spread, 250.0) << "the translated stream arrived in one burst";
    const json upstream_body = json::parse(setup.last_upstream_request()["body"].get<std::string>(), nullptr, false);
    EXPECT_EQ(upstream_body["stream"], true);
    EXPECT_EQ(upstream_body["stream_options"]["include_usage"], true);
}

TEST(Translation, AnthropicClientOpenAiChatUpstream_ToolCallRoundTrip) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead call = read_stream(setup.proxy.origin(), "/v1/messages", formatted(kAnthropicToolAsk, ""));
    ASSERT_EQ(call.status, 200) << call.body;
    const json answer = parsed(call);
    EXPECT_EQ(answer["stop_reason"], "tool_use") << answer.dump();
    ASSERT_EQ(answer["content"].size(), 1u) << answer.dump();
    const json use = answer["content"][0];
    EXPECT_EQ(use["type"], "tool_use");
    EXPECT_EQ(use["name"], "get_weather");
    EXPECT_EQ(use["input"], json({{"city", "pathwise"}}));
    ASSERT_TRUE(use["id"].is_string());
    const json upstream_ask = json::parse(setup.last_upstream_request()["body"].get<std::string>(), nullptr, false);
    EXPECT_EQ(upstream_ask["tools"][0]["type"], "function");
    EXPECT_EQ(upstream_ask["tools"][0]["function"]["name"], "get_weather");

    // The client runs the tool and sends its result: the mock answers in text, and the upstream saw the result as
    // an OpenAI tool message answering the call's id.
    const json follow_up = {
        {"model", "claude-sonnet-4-5"},
        {"max_tokens", 64},
        {"messages", json::array({{{"role", "user"}, {"content", "pathwise-mock-call:get_weather for Paris"}},
                                  {{"role", "assistant"}, {"content", answer["content"]}},
                                  {{"role", "user"},
                                   {"content", json::array({{{"type", "tool_result"},
                                                             {"tool_use_id", use["id"]},
                                                             {"content", "18 degrees and sunny"}}})}}})}};
    const StreamRead done = read_stream(setup.proxy.origin(), "/v1/messages", follow_up.dump());
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(parsed(done)["stop_reason"], "end_turn");
    EXPECT_EQ(parsed(done)["content"][0]["type"], "text");
    const json upstream_follow_up =
        json::parse(setup.last_upstream_request()["body"].get<std::string>(), nullptr, false);
    const json tool_message = upstream_follow_up["messages"][2];
    EXPECT_EQ(tool_message["role"], "tool") << upstream_follow_up.dump();
    EXPECT_EQ(tool_message["tool_call_id"], use["id"]);
    EXPECT_EQ(tool_message["content"], "18 degrees and sunny");
    EXPECT_EQ(upstream_follow_up["messages"][1]["tool_calls"][0]["id"], use["id"]);
}

TEST(Translation, AnthropicClientOpenAiChatUpstream_StreamedToolCallIsAToolUseBlockWithJsonDeltas) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read =
        read_stream(setup.proxy.origin(), "/v1/messages", formatted(kAnthropicToolAsk, R"("stream":true,)"));
    ASSERT_EQ(read.status, 200) << read.body;
    std::string arguments;
    json block_start;
    json message_delta;
    for (const auto& event : read.events) {
        const json data = event_data(event);
        if (!data.is_object()) continue;
        if (data.value("type", "") == "content_block_start") block_start = data;
        if (data.value("type", "") == "message_delta") message_delta = data;
        if (data.value("type", "") == "content_block_delta" && data["delta"].value("type", "") == "input_json_delta") {
            arguments += data["delta"].value("partial_json", "");
        }
    }
    EXPECT_EQ(block_start["content_block"]["type"], "tool_use") << read.body;
    EXPECT_EQ(block_start["content_block"]["name"], "get_weather");
    EXPECT_EQ(json::parse(arguments, nullptr, false), json({{"city", "pathwise"}})) << arguments;
    EXPECT_EQ(message_delta["delta"]["stop_reason"], "tool_use");
    EXPECT_EQ(event_names(read).back(), "message_stop");
}

TEST(Translation, GeminiClientOpenAiChatUpstream_GenerateContentSseAndJsonArray) {
    auto setup = TranslatingProxy::start("gemini", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const std::string ask = R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})";
    const StreamRead whole = read_stream(setup.proxy.origin(), "/v1beta/models/gemini-2.5-flash:generateContent", ask);
    ASSERT_EQ(whole.status, 200) << whole.body;
    const json answer = parsed(whole);
    EXPECT_EQ(answer["candidates"][0]["content"]["role"], "model");
    EXPECT_EQ(answer["candidates"][0]["content"]["parts"][0]["text"].get<std::string>().rfind("Hello from", 0), 0u);
    EXPECT_EQ(answer["candidates"][0]["finishReason"], "STOP");
    const json upstream_ask = json::parse(setup.last_upstream_request()["body"].get<std::string>(), nullptr, false);
    EXPECT_EQ(upstream_ask["model"], "gemini-2.5-flash");

    const StreamRead sse =
        read_stream(setup.proxy.origin(), "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", ask);
    ASSERT_EQ(sse.status, 200) << sse.body;
    EXPECT_EQ(sse.content_type, "text/event-stream");
    // Google ends each event with CRLF CRLF (docs/translation.md); read_stream splits on LF LF only.
    std::string text;
    std::string finish;
    std::size_t events = 0;
    for (std::size_t at = 0, end; (end = sse.body.find("\r\n\r\n", at)) != std::string::npos; at = end + 4) {
        const json data = event_data({0, sse.body.substr(at, end - at)});
        if (!data.is_object() || !data.contains("candidates")) continue;
        ++events;
        for (const auto& part : data["candidates"][0].value("content", json::object()).value("parts", json::array())) {
            text += part.value("text", "");
        }
        finish = data["candidates"][0].value("finishReason", finish);
    }
    EXPECT_GE(events, 10u) << sse.body;
    EXPECT_EQ(text.rfind("Hello from Pathwise's mock upstream, answering as gemini-2.5-flash", 0), 0u) << sse.body;
    EXPECT_EQ(finish, "STOP");

    const StreamRead array =
        read_stream(setup.proxy.origin(), "/v1beta/models/gemini-2.5-flash:streamGenerateContent", ask);
    ASSERT_EQ(array.status, 200) << array.body;
    const json elements = parsed(array);
    ASSERT_TRUE(elements.is_array()) << array.body;
    EXPECT_GE(elements.size(), 2u);
    EXPECT_EQ(elements.back()["candidates"][0]["finishReason"], "STOP");
}

struct ReverseCase {
    const char* speaks;
    const char* upstream_path_start;
};

class OpenAiClientOtherUpstream : public ::testing::TestWithParam<ReverseCase> {};

TEST_P(OpenAiClientOtherUpstream, ChatCompletionAndStream) {
    auto setup = TranslatingProxy::start("openai", GetParam().speaks);
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead whole = read_stream(setup.proxy.origin(), "/v1/chat/completions",
                                         R"({"model":"m1","messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(whole.status, 200) << whole.body;
    const json answer = parsed(whole);
    EXPECT_EQ(answer["object"], "chat.completion");
    EXPECT_EQ(answer["choices"][0]["message"]["role"], "assistant");
    EXPECT_EQ(answer["choices"][0]["message"]["content"].get<std::string>().rfind("Hello from", 0), 0u);
    EXPECT_EQ(answer["choices"][0]["finish_reason"], "stop");
    EXPECT_GT(answer["created"].get<long long>(), 1'700'000'000LL) << "created is the proxy's clock";
    EXPECT_EQ(setup.last_upstream_request()["path"].get<std::string>().rfind(GetParam().upstream_path_start, 0), 0u);

    const StreamRead stream =
        read_stream(setup.proxy.origin(), "/v1/chat/completions",
                    R"({"model":"m1","stream":true,"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(stream.status, 200) << stream.body;
    std::string text;
    std::string finish;
    for (const auto& event : stream.events) {
        const json data = event_data(event);
        if (!data.is_object() || data["choices"].empty()) continue;
        text += data["choices"][0]["delta"].value("content", "");
        if (data["choices"][0]["finish_reason"].is_string()) finish = data["choices"][0]["finish_reason"];
    }
    EXPECT_EQ(text.rfind("Hello from Pathwise's mock upstream, answering as m1", 0), 0u) << stream.body;
    EXPECT_EQ(finish, "stop");
    EXPECT_EQ(stream.events.back().text, "data: [DONE]");
}

INSTANTIATE_TEST_SUITE_P(Upstreams, OpenAiClientOtherUpstream,
                         ::testing::Values(ReverseCase{"anthropic", "/v1/messages"},
                                           ReverseCase{"gemini", "/v1beta/models/m1:"}),
                         [](const ::testing::TestParamInfo<ReverseCase>& param) {
                             return std::string(param.param.speaks);
                         });

TEST(Translation, UpstreamErrorStatus_IsTheClientsErrorShapeSayingItCameFromTheUpstream) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read =
        read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicText, {{"x-pathwise-mock-fail", "status:429"}});
    EXPECT_EQ(read.status, 429);
    const json body = parsed(read);
    EXPECT_EQ(body["type"], "error") << read.body;
    EXPECT_EQ(body["error"]["type"], "rate_limit_error");
    const std::string message = body["error"]["message"];
    EXPECT_NE(message.find("the upstream ("), std::string::npos) << message;
    EXPECT_NE(message.find("answered 429"), std::string::npos) << message;
    EXPECT_NE(message.find("asked to fail with 429"), std::string::npos) << "the upstream's own message: " << message;
}

TEST(Translation, UntranslatableRequest_Is400NamingTheFieldAndNothingReachesTheUpstream) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", R"({"model":"claude-sonnet-4-5",
        "max_tokens":64,"tools":[{"type":"web_search_20250305","name":"web_search"}],
        "messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(read.status, 400);
    const json body = parsed(read);
    EXPECT_EQ(body["error"]["type"], "invalid_request_error") << read.body;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("tools[0]"), std::string::npos) << read.body;
    EXPECT_TRUE(setup.provider.stats()["recent"].empty()) << "the refused request reached the upstream";
}

TEST(Translation, CountTokensForAnotherProtocolsUpstream_IsTheDocumentedEstimate) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    // 40 bytes of text: 10 tokens at one per 4 bytes (docs/translation.md).
    const StreamRead read = read_stream(
        setup.proxy.origin(), "/v1/messages/count_tokens",
        R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":")" + std::string(40, 'a') + R"("}]})");
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(parsed(read), json({{"input_tokens", 10}}));
}

TEST(Translation, UpstreamDiesMidStream_ClientGetsItsProtocolsErrorEvent) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat", {"--token-delay-ms", "5"});
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read = read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicStream,
                                        {{"x-pathwise-mock-fail", "die_midstream"}});
    ASSERT_EQ(read.status, 200) << read.body;
    ASSERT_FALSE(read.events.empty());
    EXPECT_EQ(event_names(read).front(), "message_start");
    EXPECT_EQ(event_names(read).back(), "error") << read.body;
    const json error = event_data(read.events.back());
    EXPECT_EQ(error["type"], "error");
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
}

TEST(Translation, ClientLeavesTranslatedStream_UpstreamStreamIsAborted) {
    auto setup = TranslatingProxy::start("anthropic", "openai-chat", {"--token-delay-ms", "50"});
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const StreamRead read =
        read_stream(setup.proxy.origin(), "/v1/messages", kAnthropicStream, {{"x-pathwise-mock-tokens", "400"}}, 5);
    ASSERT_EQ(read.status, 200);
    const auto stats = wait_for_stats(
        setup.provider, [](const json& s) { return s.value("streams_aborted", 0) >= 1; }, 5s);
    EXPECT_EQ(stats.value("streams_aborted", 0), 1) << stats.dump();
    EXPECT_EQ(stats.value("streams_completed", 0), 0) << stats.dump();
}

// Claude Code 2.1.126+ discovers models with GET /v1/models?limit=1000 and reads Anthropic's list shape, decided
// by anthropic-version whatever the key header (docs/clients.md): the list comes from the OpenAI upstream's own.
TEST(Translation, ClaudeCodeModelDiscovery_OpenAiUpstreamsListInAnthropicShapePlusMappedNames) {
    MockProvider provider = MockProvider::start({"--protocol", "openai-chat"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    TempDir dir;
    const std::string config = dir.write_file(
        "config.json", R"({"upstreams": {"anthropic": {"base_url": ")" + provider.origin +
                           R"(/v1", "protocol": "openai-chat", "model_map": {"claude-sonnet-4-5": "gpt-5"}}}})");
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/v1/models?limit=1000",
                                   {{"anthropic-version", "2023-06-01"}, {"Authorization", "Bearer sk-client"}});
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json list = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(list["data"].is_array()) << res->body;
    std::vector<std::string> ids;
    for (const auto& model : list["data"]) {
        EXPECT_EQ(model["type"], "model");
        EXPECT_TRUE(model["created_at"].is_string());
        ids.push_back(model["id"]);
    }
    // The mock's OpenAI list (mock_replies.cpp), then the map's exact name.
    EXPECT_EQ(ids, (std::vector<std::string>{"gpt-4o-mini", "gpt-4.1", "gpt-5", "pathwise-mock", "claude-sonnet-4-5"}));
    EXPECT_EQ(list["has_more"], false);
    EXPECT_EQ(list["first_id"], "gpt-4o-mini");
    const json asked = provider.stats()["recent"].back();
    EXPECT_EQ(asked["path"], "/v1/models");
    EXPECT_EQ(asked["key_hints"]["authorization"], "...ient") << "the client's own key moved to the OpenAI header";

    // Without anthropic-version it is the OpenAI list, from the OpenAI upstream (here the embedded mock).
    auto openai = proxy.client()->Get("/v1/models");
    ASSERT_TRUE(openai);
    EXPECT_EQ(json::parse(openai->body, nullptr, false)["object"], "list") << openai->body;
}

TEST(Translation, OpenAiModelListFromAGeminiUpstream_IsTheOpenAiShape) {
    auto setup = TranslatingProxy::start("openai", "gemini");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    auto res = setup.proxy.client()->Get("/v1/models");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json list = json::parse(res->body, nullptr, false);
    EXPECT_EQ(list["object"], "list");
    ASSERT_FALSE(list["data"].empty()) << res->body;
    EXPECT_EQ(list["data"][0]["id"], "gemini-2.5-flash") << "models/ is the Gemini name's prefix, not the id's";
    EXPECT_EQ(setup.last_upstream_request()["path"], "/v1beta/models");
}

TEST(Translation, GeminiModelLookupForAnOpenAiUpstream_DescribesTheNamedModel) {
    auto setup = TranslatingProxy::start("gemini", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    auto res = setup.proxy.client()->Get("/v1beta/models/qwen3-coder");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(json::parse(res->body, nullptr, false)["name"], "models/qwen3-coder");
}

// Codex CLI speaks only the Responses API: its requests reach an OpenAI-chat upstream translated, and the answer
// and stream come back as Responses objects and events (what codex-rs reads: response.completed at the end).
TEST(Translation, ResponsesClientOpenAiChatUpstream_AnswerAndStreamAreResponses) {
    auto setup = TranslatingProxy::start("openai", "openai-chat");
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const std::string ask = R"({"model":"gpt-5-codex","instructions":"You are Codex.","store":false,
        "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}]})";
    const StreamRead whole = read_stream(setup.proxy.origin(), "/v1/responses", ask);
    ASSERT_EQ(whole.status, 200) << whole.body;
    const json answer = parsed(whole);
    EXPECT_EQ(answer["object"], "response");
    EXPECT_EQ(answer["status"], "completed");
    ASSERT_FALSE(answer["output"].empty()) << whole.body;
    EXPECT_EQ(answer["output"][0]["type"], "message");
    EXPECT_EQ(answer["output"][0]["content"][0]["text"].get<std::string>().rfind("Hello from Pathwise's mock", 0), 0u);
    const json asked = setup.last_upstream_request();
    EXPECT_EQ(asked["path"], "/v1/chat/completions");
    const json upstream_body = json::parse(asked["body"].get<std::string>(), nullptr, false);
    EXPECT_EQ(upstream_body["messages"][0], json({{"role", "system"}, {"content", "You are Codex."}}));

    std::string streamed_ask = ask;
    streamed_ask.replace(streamed_ask.find("\"store\""), 0, R"("stream":true,)");
    const StreamRead stream = read_stream(setup.proxy.origin(), "/v1/responses", streamed_ask);
    ASSERT_EQ(stream.status, 200) << stream.body;
    const auto names = event_names(stream);
    ASSERT_GE(names.size(), 4u) << stream.body;
    EXPECT_EQ(names.front(), "response.created");
    EXPECT_EQ(names.back(), "response.completed");
    std::string text;
    for (const auto& event : stream.events) {
        const json data = event_data(event);
        if (data.is_object() && data.value("type", "") == "response.output_text.delta") text += data.value("delta", "");
    }
    EXPECT_EQ(text.rfind("Hello from Pathwise's mock upstream, answering as gpt-5-codex", 0), 0u) << stream.body;
}

}  // namespace
}  // namespace pathwise::testing
