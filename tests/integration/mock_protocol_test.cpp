// Pathwise's mock upstream answers in each provider's documented format, so real SDKs accept it. The expected
// shapes below are written by hand from the providers' API references (docs/clients.md §6 lists what is needed).
#include <gtest/gtest.h>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

class MockProtocol : public ::testing::Test {
protected:
    static void SetUpTestSuite() { provider_ = new MockProvider(MockProvider::start({"--token-delay-ms", "0"})); }
    static void TearDownTestSuite() {
        delete provider_;
        provider_ = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(provider_->ready()) << provider_->process.stderr_text(); }

    static json post_json(const std::string& path, const std::string& body, int expected_status = 200) {
        const StreamRead read = read_stream(provider_->origin, path, body);
        EXPECT_EQ(read.status, expected_status) << path << "\n" << read.body;
        return json::parse(read.body, nullptr, false);
    }
    static json get_json(const std::string& path, const httplib::Headers& headers = {}) {
        httplib::Client client(provider_->origin);
        auto res = client.Get(path.c_str(), headers);
        EXPECT_TRUE(res) << path;
        if (!res) return nullptr;
        EXPECT_EQ(res->status, 200) << path;
        return json::parse(res->body, nullptr, false);
    }
    static std::vector<std::string> event_names(const StreamRead& read) {
        std::vector<std::string> names;
        for (const auto& event : read.events) names.push_back(event_name(event));
        return names;
    }

    static MockProvider* provider_;
};

MockProvider* MockProtocol::provider_ = nullptr;

TEST_F(MockProtocol, OpenAiChatCompletion_IsAChatCompletionObjectEchoingTheModel) {
    const json body =
        post_json("/v1/chat/completions", R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(body["object"], "chat.completion");
    EXPECT_EQ(body["model"], "gpt-4o-mini");
    EXPECT_TRUE(body["id"].is_string());
    EXPECT_TRUE(body["created"].is_number_integer());
    ASSERT_EQ(body["choices"].size(), 1u);
    EXPECT_EQ(body["choices"][0]["index"], 0);
    EXPECT_EQ(body["choices"][0]["message"]["role"], "assistant");
    EXPECT_NE(body["choices"][0]["message"]["content"].get<std::string>().find("Pathwise's mock"), std::string::npos);
    EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(body["usage"]["total_tokens"].get<int>(),
              body["usage"]["prompt_tokens"].get<int>() + body["usage"]["completion_tokens"].get<int>());
}

TEST_F(MockProtocol, OpenAiChatStream_ChunksThenUsageThenDone) {
    const StreamRead read = read_stream(
        provider_->origin, "/v1/chat/completions",
        R"({"model":"gpt-4.1","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(read.status, 200);
    ASSERT_GE(read.events.size(), 5u);
    EXPECT_EQ(read.events.back().text, "data: [DONE]");
    std::string text;
    for (std::size_t i = 0; i + 1 < read.events.size(); ++i) {
        const json chunk = event_data(read.events[i]);
        ASSERT_EQ(chunk["object"], "chat.completion.chunk") << read.events[i].text;
        EXPECT_EQ(chunk["model"], "gpt-4.1");
        if (!chunk["choices"].empty() && chunk["choices"][0]["delta"].contains("content")) {
            text += chunk["choices"][0]["delta"]["content"].get<std::string>();
        }
    }
    EXPECT_EQ(event_data(read.events[0])["choices"][0]["delta"]["role"], "assistant");
    const json usage_chunk = event_data(read.events[read.events.size() - 2]);
    EXPECT_TRUE(usage_chunk["choices"].empty());
    EXPECT_TRUE(usage_chunk["usage"]["completion_tokens"].is_number_integer());
    const json finish_chunk = event_data(read.events[read.events.size() - 3]);
    EXPECT_EQ(finish_chunk["choices"][0]["finish_reason"], "stop");
    EXPECT_NE(text.find("Pathwise's mock upstream"), std::string::npos) << text;
}

TEST_F(MockProtocol, OpenAiResponsesStream_FullEventSequenceInOrder) {
    const StreamRead read =
        read_stream(provider_->origin, "/v1/responses", R"({"model":"gpt-5","stream":true,"input":"hi"})");
    ASSERT_EQ(read.status, 200);
    std::vector<std::string> names = event_names(read);
    // The Responses API streaming order for one text message (OpenAI API reference, "Streaming events").
    std::vector<std::string> expected = {"response.created", "response.in_progress", "response.output_item.added",
                                         "response.content_part.added"};
    const std::size_t deltas = names.size() - 8;
    for (std::size_t i = 0; i < deltas; ++i) expected.emplace_back("response.output_text.delta");
    for (const char* tail : {"response.output_text.done", "response.content_part.done", "response.output_item.done",
                             "response.completed"}) {
        expected.emplace_back(tail);
    }
    EXPECT_EQ(names, expected);
    EXPECT_GE(deltas, 5u);
    std::string text;
    for (std::size_t i = 0; i < read.events.size(); ++i) {
        const json data = event_data(read.events[i]);
        EXPECT_EQ(data["type"], names[i]) << "each event's data repeats its type";
        EXPECT_EQ(data["sequence_number"], static_cast<int>(i));
        if (names[i] == "response.output_text.delta") text += data["delta"].get<std::string>();
    }
    EXPECT_EQ(event_data(read.events[read.events.size() - 4])["text"], text);
    const json completed = event_data(read.events.back())["response"];
    EXPECT_EQ(completed["status"], "completed");
    EXPECT_EQ(completed["model"], "gpt-5");
    EXPECT_EQ(completed["output"][0]["content"][0]["text"], text);
    EXPECT_TRUE(completed["usage"]["input_tokens"].is_number_integer());
    EXPECT_EQ(event_data(read.events.front())["response"]["status"], "in_progress");
}

TEST_F(MockProtocol, OpenAiResponses_NonStreamIsACompletedResponseObject) {
    const json body = post_json("/v1/responses", R"({"model":"gpt-5","input":"hi"})");
    EXPECT_EQ(body["object"], "response");
    EXPECT_EQ(body["status"], "completed");
    EXPECT_EQ(body["model"], "gpt-5");
    EXPECT_EQ(body["output"][0]["type"], "message");
    EXPECT_EQ(body["output"][0]["role"], "assistant");
    EXPECT_EQ(body["output"][0]["content"][0]["type"], "output_text");
    EXPECT_NE(body["output"][0]["content"][0]["text"].get<std::string>().find("Pathwise"), std::string::npos);
}

TEST_F(MockProtocol, AnthropicMessage_IsAMessageObject) {
    const json body = post_json(
        "/v1/messages", R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(body["type"], "message");
    EXPECT_EQ(body["role"], "assistant");
    EXPECT_EQ(body["model"], "claude-sonnet-4-5");
    EXPECT_EQ(body["content"][0]["type"], "text");
    EXPECT_NE(body["content"][0]["text"].get<std::string>().find("Pathwise"), std::string::npos);
    EXPECT_EQ(body["stop_reason"], "end_turn");
    EXPECT_TRUE(body["usage"]["input_tokens"].is_number_integer());
    EXPECT_TRUE(body["usage"]["output_tokens"].is_number_integer());
}

TEST_F(MockProtocol, AnthropicStream_DocumentedEventSequence) {
    const StreamRead read = read_stream(
        provider_->origin, "/v1/messages?beta=true",
        R"({"model":"claude-haiku-4-5","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"hi"}]})");
    ASSERT_EQ(read.status, 200);
    const std::vector<std::string> names = event_names(read);
    // Anthropic "Streaming Messages": message_start, content_block_start, ping, deltas, content_block_stop,
    // message_delta, message_stop.
    std::vector<std::string> expected = {"message_start", "content_block_start", "ping"};
    for (std::size_t i = 0; i + 6 < names.size(); ++i) expected.emplace_back("content_block_delta");
    for (const char* tail : {"content_block_stop", "message_delta", "message_stop"}) expected.emplace_back(tail);
    EXPECT_EQ(names, expected);
    for (std::size_t i = 0; i < read.events.size(); ++i) EXPECT_EQ(event_data(read.events[i])["type"], names[i]);
    EXPECT_EQ(event_data(read.events[0])["message"]["model"], "claude-haiku-4-5");
    EXPECT_EQ(event_data(read.events[3])["delta"]["type"], "text_delta");
    EXPECT_EQ(event_data(read.events[read.events.size() - 2])["delta"]["stop_reason"], "end_turn");
}

TEST_F(MockProtocol, AnthropicCountTokens_OnlyInputTokens) {
    const json body =
        post_json("/v1/messages/count_tokens",
                  R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello, world, hello"}]})");
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body.size(), 1u);
    ASSERT_TRUE(body["input_tokens"].is_number_integer());
    EXPECT_GT(body["input_tokens"].get<int>(), 0);
}

TEST_F(MockProtocol, GeminiGenerateContent_CandidateFromTheModelRole) {
    const json body = post_json("/v1beta/models/gemini-2.5-flash:generateContent",
                                R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})");
    EXPECT_EQ(body["candidates"][0]["content"]["role"], "model");
    EXPECT_NE(body["candidates"][0]["content"]["parts"][0]["text"].get<std::string>().find("gemini-2.5-flash"),
              std::string::npos);
    EXPECT_EQ(body["candidates"][0]["finishReason"], "STOP");
    EXPECT_TRUE(body["usageMetadata"]["totalTokenCount"].is_number_integer());
    EXPECT_EQ(body["modelVersion"], "gemini-2.5-flash");
}

TEST_F(MockProtocol, GeminiStream_SseWithAltAndJsonArrayWithout) {
    const char* request = R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})";
    const StreamRead sse =
        read_stream(provider_->origin, "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse", request);
    ASSERT_EQ(sse.status, 200);
    EXPECT_EQ(sse.content_type.rfind("text/event-stream", 0), 0u);
    ASSERT_GE(sse.events.size(), 2u);
    for (const auto& event : sse.events) EXPECT_TRUE(event_data(event)["candidates"].is_array()) << event.text;
    EXPECT_EQ(event_data(sse.events.back())["candidates"][0]["finishReason"], "STOP");

    const StreamRead array =
        read_stream(provider_->origin, "/v1beta/models/gemini-2.5-pro:streamGenerateContent", request);
    ASSERT_EQ(array.status, 200);
    EXPECT_EQ(array.content_type.rfind("application/json", 0), 0u);
    const json parsed = json::parse(array.body, nullptr, false);
    ASSERT_TRUE(parsed.is_array()) << array.body;
    EXPECT_EQ(parsed.size(), sse.events.size());
    EXPECT_EQ(parsed.back()["candidates"][0]["finishReason"], "STOP");
}

TEST_F(MockProtocol, GeminiCountTokens_TotalTokens) {
    const json body = post_json("/v1beta/models/gemini-2.5-flash:countTokens",
                                R"({"contents":[{"role":"user","parts":[{"text":"How many tokens is this?"}]}]})");
    ASSERT_TRUE(body["totalTokens"].is_number_integer());
    EXPECT_GT(body["totalTokens"].get<int>(), 0);
}

TEST_F(MockProtocol, GeminiJsonMode_TextIsJsonOfTheRequestedSchema) {
    // Gemini CLI's model router asks for JSON with a schema and retries for ~90 s if the text does not parse.
    const json body = post_json(
        "/v1beta/models/gemini-2.5-flash-lite:generateContent",
        R"({"contents":[{"role":"user","parts":[{"text":"route"}]}],"generationConfig":{"responseMimeType":"application/json",
            "responseJsonSchema":{"type":"object","properties":{"reasoning":{"type":"string"},
            "model_choice":{"type":"string","enum":["flash","pro"]}},"required":["reasoning","model_choice"]}}})");
    const json text =
        json::parse(body["candidates"][0]["content"]["parts"][0]["text"].get<std::string>(), nullptr, false);
    ASSERT_TRUE(text.is_object()) << body.dump();
    EXPECT_EQ(text["model_choice"], "flash");
    EXPECT_TRUE(text["reasoning"].is_string());
}

TEST_F(MockProtocol, ModelLists_OpenAiShapeByDefaultAnthropicShapeWithItsHeaders) {
    const json openai = get_json("/v1/models");
    EXPECT_EQ(openai["object"], "list");
    ASSERT_FALSE(openai["data"].empty());
    EXPECT_EQ(openai["data"][0]["object"], "model");

    const json anthropic = get_json("/v1/models", {{"anthropic-version", "2023-06-01"}});
    ASSERT_FALSE(anthropic["data"].empty());
    EXPECT_EQ(anthropic["data"][0]["type"], "model");
    EXPECT_EQ(anthropic["has_more"], false);
    EXPECT_EQ(anthropic["first_id"], anthropic["data"][0]["id"]);

    const json gemini = get_json("/v1beta/models");
    ASSERT_FALSE(gemini["models"].empty());
    EXPECT_EQ(gemini["models"][0]["name"].get<std::string>().rfind("models/", 0), 0u);
    const json one = get_json("/v1beta/models/gemini-2.5-pro");
    EXPECT_EQ(one["name"], "models/gemini-2.5-pro");
    EXPECT_TRUE(one["supportedGenerationMethods"].is_array());
}

TEST_F(MockProtocol, BadInput_ClearErrorsNotCrashes) {
    const json unknown = post_json("/v2/whatever", "{}", 404);
    EXPECT_NE(unknown["error"]["message"].get<std::string>().find("/v2/whatever"), std::string::npos);
    const json not_json = post_json("/v1/messages", "{not json", 400);
    EXPECT_EQ(not_json["type"], "error");
    EXPECT_NE(not_json["error"]["message"].get<std::string>().find("not valid JSON"), std::string::npos);
    EXPECT_TRUE(provider_->process.running());
}

// Through the proxy: what reaches the provider (model mapping, key replacement) as the provider saw it.
TEST(ProxyRewrites, ModelMapMostSpecificWins_AndConfiguredKeyReplacesTheClients) {
    auto provider = MockProvider::start({"--token-delay-ms", "0"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    TempDir dir;
    const json config = {
        {"upstreams",
         {{"openai",
           {{"base_url", provider.origin + "/v1"},
            {"api_key", "sk-configured-key-WXYZ"},
            {"model_map", {{"gpt-4*", "generic-4"}, {"gpt-4o*", "four-o"}, {"*", "anything"}}}}},
          {"gemini", {{"base_url", provider.origin}, {"model_map", {{"gemini-*-flash", "flash-deployment"}}}}}}}};
    auto proxy = PathwiseProcess::start_serve({"--config", dir.write_file("config.json", config.dump())});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead openai = read_stream(proxy.origin(), "/v1/chat/completions",
                                          R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})",
                                          {{"Authorization", "Bearer client-key-ABCD"}});
    ASSERT_EQ(openai.status, 200) << openai.body;
    EXPECT_EQ(json::parse(openai.body)["model"], "four-o") << "gpt-4o* (6 literal chars) beats gpt-4* and *";
    const StreamRead other = read_stream(proxy.origin(), "/v1/chat/completions",
                                         R"({"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(json::parse(other.body)["model"], "generic-4");

    const StreamRead gemini =
        read_stream(proxy.origin(), "/v1beta/models/gemini-2.5-flash:generateContent?key=client-key-QRST",
                    R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})");
    ASSERT_EQ(gemini.status, 200) << gemini.body;
    EXPECT_EQ(json::parse(gemini.body)["modelVersion"], "flash-deployment");

    const json recent = provider.stats()["recent"];
    ASSERT_EQ(recent.size(), 3u) << recent.dump();
    // Base URL ".../v1" + route "/v1/chat/completions": the version segment is not doubled.
    EXPECT_EQ(recent[0]["path"], "/v1/chat/completions");
    EXPECT_EQ(recent[0]["key_hints"]["authorization"], "...WXYZ") << "the configured key replaced the client's";
    EXPECT_EQ(recent[2]["path"], "/v1beta/models/flash-deployment:generateContent");
    EXPECT_EQ(recent[2]["query"], "") << "?key= never travels upstream in the URL";
    EXPECT_EQ(recent[2]["key_hints"]["x-goog-api-key"], "...QRST") << "the client's own key moves to the header";
}

}  // namespace
}  // namespace pathwise::testing
