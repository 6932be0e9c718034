// `pathwise-mock-call:NAME` in the last user turn makes the mock call tool NAME in every protocol it speaks, and
// a tool's result makes it answer in text. The expected shapes are written by hand from each provider's API
// reference: Anthropic "tool_use" blocks and input_json_delta events, Gemini functionCall parts, OpenAI
// Responses function_call items and their response.function_call_arguments.* events.
#include <gtest/gtest.h>

#include <memory>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

// The mock fills each argument from the tool's schema: strings "pathwise", integers 0 (pathwise mock --help).
const json kWeatherArguments = {{"city", "pathwise"}, {"days", 0}};
constexpr const char* kWeatherArgumentsText = R"({"city":"pathwise","days":0})";
const json kWeatherSchema = {{"type", "object"},
                             {"properties", {{"city", {{"type", "string"}}}, {"days", {{"type", "integer"}}}}},
                             {"required", {"city"}}};
constexpr const char* kAsk = "pathwise-mock-call:get_weather for Paris";

class MockToolCall : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        provider_ = std::make_unique<MockProvider>(MockProvider::start({"--token-delay-ms", "0"}));
    }
    static void TearDownTestSuite() { provider_.reset(); }
    void SetUp() override { ASSERT_TRUE(provider_->ready()) << provider_->process.stderr_text(); }

    static StreamRead post(const std::string& path, const json& body) {
        StreamRead read = read_stream(provider_->origin, path, body.dump());
        EXPECT_EQ(read.status, 200) << path << "\n" << read.body;
        return read;
    }
    static json post_json(const std::string& path, const json& body) {
        return json::parse(post(path, body).body, nullptr, false);
    }
    static std::vector<std::string> event_names(const StreamRead& read) {
        std::vector<std::string> names;
        for (const auto& event : read.events) names.push_back(event_name(event));
        return names;
    }

    static std::unique_ptr<MockProvider> provider_;
};

std::unique_ptr<MockProvider> MockToolCall::provider_;

// ---- OpenAI Chat Completions ----------------------------------------------------------------------------

json chat_ask(const json& messages, const json& parameters = kWeatherSchema) {
    return {
        {"model", "gpt-4o"},
        {"messages", messages},
        {"tools",
         json::array({{{"type", "function"}, {"function", {{"name", "get_weather"}, {"parameters", parameters}}}}})}};
}

TEST_F(MockToolCall, OpenAiChat_CallsTheToolWithArgumentsFromItsSchema) {
    const json answer =
        post_json("/v1/chat/completions", chat_ask(json::array({{{"role", "user"}, {"content", kAsk}}})));
    const json& choice = answer["choices"][0];
    EXPECT_EQ(choice["finish_reason"], "tool_calls");
    EXPECT_EQ(choice["message"]["content"], nullptr);
    const json& call = choice["message"]["tool_calls"][0];
    EXPECT_EQ(call["type"], "function");
    EXPECT_EQ(call["function"]["name"], "get_weather");
    EXPECT_EQ(call["function"]["arguments"], kWeatherArgumentsText);
}

TEST_F(MockToolCall, OpenAiChat_AToolWithoutParameters_GetsAnEmptyObject) {
    const json answer =
        post_json("/v1/chat/completions", chat_ask(json::array({{{"role", "user"}, {"content", kAsk}}}), json()));
    EXPECT_EQ(answer["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"], "{}");
}

TEST_F(MockToolCall, OpenAiChat_AfterTheToolsResult_AnswersInText) {
    const json messages =
        json::array({{{"role", "user"}, {"content", kAsk}},
                     {{"role", "assistant"},
                      {"content", nullptr},
                      {"tool_calls",
                       json::array({{{"id", "call_1"},
                                     {"type", "function"},
                                     {"function", {{"name", "get_weather"}, {"arguments", kWeatherArgumentsText}}}}})}},
                     {{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "sunny"}}});
    const json answer = post_json("/v1/chat/completions", chat_ask(messages));
    EXPECT_EQ(answer["choices"][0]["finish_reason"], "stop");
    EXPECT_TRUE(answer["choices"][0]["message"]["content"].is_string());
}

// ---- Anthropic Messages ---------------------------------------------------------------------------------

json anthropic_ask(const json& messages, bool stream = false) {
    return {{"model", "claude-sonnet-4-5"},
            {"max_tokens", 64},
            {"stream", stream},
            {"tools", json::array({{{"name", "get_weather"}, {"input_schema", kWeatherSchema}}})},
            {"messages", messages}};
}

TEST_F(MockToolCall, Anthropic_AToolUseBlockAndStopReasonToolUse) {
    const json answer = post_json("/v1/messages", anthropic_ask(json::array({{{"role", "user"}, {"content", kAsk}}})));
    EXPECT_EQ(answer["type"], "message");
    EXPECT_EQ(answer["stop_reason"], "tool_use");
    ASSERT_EQ(answer["content"].size(), 1u);
    const json& block = answer["content"][0];
    ASSERT_TRUE(block["id"].is_string());
    EXPECT_EQ(block["id"].get<std::string>().rfind("toolu_", 0), 0u) << block;
    EXPECT_EQ(block,
              json({{"type", "tool_use"}, {"id", block["id"]}, {"name", "get_weather"}, {"input", kWeatherArguments}}));
}

TEST_F(MockToolCall, Anthropic_TheTriggerInATextBlock_IsFound) {
    const json content = json::array({{{"type", "text"}, {"text", "please"}}, {{"type", "text"}, {"text", kAsk}}});
    const json answer =
        post_json("/v1/messages", anthropic_ask(json::array({{{"role", "user"}, {"content", content}}})));
    EXPECT_EQ(answer["stop_reason"], "tool_use");
}

TEST_F(MockToolCall, Anthropic_Streamed_ToolUseBlockThenInputJsonDeltas) {
    const StreamRead read =
        post("/v1/messages", anthropic_ask(json::array({{{"role", "user"}, {"content", kAsk}}}), true));
    EXPECT_EQ(read.content_type.rfind("text/event-stream", 0), 0u);
    ASSERT_EQ(event_names(read),
              (std::vector<std::string>{"message_start", "content_block_start", "content_block_delta",
                                        "content_block_delta", "content_block_stop", "message_delta", "message_stop"}));
    const json start = event_data(read.events[1]);
    const json& block = start["content_block"];
    EXPECT_EQ(
        start,
        json({{"type", "content_block_start"},
              {"index", 0},
              {"content_block",
               {{"type", "tool_use"}, {"id", block["id"]}, {"name", "get_weather"}, {"input", json::object()}}}}));
    std::string input;
    for (std::size_t i = 2; i <= 3; ++i) {
        const json delta = event_data(read.events[i]);
        EXPECT_EQ(delta["index"], 0);
        EXPECT_EQ(delta["delta"]["type"], "input_json_delta");
        input += delta["delta"]["partial_json"].get<std::string>();
    }
    EXPECT_EQ(input, kWeatherArgumentsText);
    EXPECT_EQ(event_data(read.events[4]), json({{"type", "content_block_stop"}, {"index", 0}}));
    EXPECT_EQ(event_data(read.events[5])["delta"]["stop_reason"], "tool_use");
}

TEST_F(MockToolCall, Anthropic_AfterAToolResultBlock_AnswersInText) {
    const json messages = json::array(
        {{{"role", "user"}, {"content", kAsk}},
         {{"role", "assistant"},
          {"content",
           json::array(
               {{{"type", "tool_use"}, {"id", "toolu_1"}, {"name", "get_weather"}, {"input", kWeatherArguments}}})}},
         {{"role", "user"},
          {"content", json::array({{{"type", "tool_result"}, {"tool_use_id", "toolu_1"}, {"content", "sunny"}},
                                   {{"type", "text"}, {"text", kAsk}}})}}});
    const json answer = post_json("/v1/messages", anthropic_ask(messages));
    EXPECT_EQ(answer["stop_reason"], "end_turn");
    EXPECT_EQ(answer["content"][0]["type"], "text");
}

TEST_F(MockToolCall, Anthropic_AToolTheRequestDoesNotDeclare_AnswersInText) {
    const json answer = post_json(
        "/v1/messages", anthropic_ask(json::array({{{"role", "user"}, {"content", "pathwise-mock-call:rm_rf"}}})));
    EXPECT_EQ(answer["stop_reason"], "end_turn");
}

// ---- Gemini ---------------------------------------------------------------------------------------------

json gemini_ask(const json& contents) {
    return {{"contents", contents},
            {"tools", json::array({{{"functionDeclarations",
                                     json::array({{{"name", "get_weather"}, {"parameters", kWeatherSchema}}})}}})}};
}
const json kGeminiCandidate = {
    {"content",
     {{"role", "model"},
      {"parts", json::array({{{"functionCall", {{"name", "get_weather"}, {"args", kWeatherArguments}}}}})}}},
    {"finishReason", "STOP"},
    {"index", 0}};
const json kGeminiAsk = json::array({{{"role", "user"}, {"parts", json::array({{{"text", kAsk}}})}}});

TEST_F(MockToolCall, Gemini_GenerateContent_AFunctionCallPart) {
    const json answer = post_json("/v1beta/models/gemini-2.5-flash:generateContent", gemini_ask(kGeminiAsk));
    ASSERT_EQ(answer["candidates"].size(), 1u) << answer;
    EXPECT_EQ(answer["candidates"][0], kGeminiCandidate);
}

TEST_F(MockToolCall, Gemini_ParametersJsonSchemaAndARoleLeftOut_AreRead) {
    const json ask = {
        {"contents", json::array({{{"parts", json::array({{{"text", kAsk}}})}}})},
        {"tools",
         json::array({{{"functionDeclarations",
                        json::array({{{"name", "get_weather"}, {"parametersJsonSchema", kWeatherSchema}}})}}})}};
    const json answer = post_json("/v1beta/models/gemini-2.5-flash:generateContent", ask);
    EXPECT_EQ(answer["candidates"][0], kGeminiCandidate);
}

TEST_F(MockToolCall, Gemini_StreamedAsSse_OneChunkWithTheFunctionCall) {
    const StreamRead read =
        post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", gemini_ask(kGeminiAsk));
    EXPECT_EQ(read.content_type.rfind("text/event-stream", 0), 0u);
    ASSERT_EQ(read.events.size(), 1u) << read.body;
    EXPECT_EQ(event_data(read.events[0])["candidates"][0], kGeminiCandidate);
}

TEST_F(MockToolCall, Gemini_StreamedAsAJsonArray_OneElementWithTheFunctionCall) {
    const json answer = post_json("/v1beta/models/gemini-2.5-flash:streamGenerateContent", gemini_ask(kGeminiAsk));
    ASSERT_TRUE(answer.is_array()) << answer;
    ASSERT_EQ(answer.size(), 1u);
    EXPECT_EQ(answer[0]["candidates"][0], kGeminiCandidate);
}

TEST_F(MockToolCall, Gemini_AfterAFunctionResponsePart_AnswersInText) {
    const json contents = json::array(
        {kGeminiAsk[0],
         {{"role", "model"}, {"parts", kGeminiCandidate["content"]["parts"]}},
         {{"role", "user"},
          {"parts",
           json::array({{{"functionResponse", {{"name", "get_weather"}, {"response", {{"sky", "sunny"}}}}}}})}}});
    const json answer = post_json("/v1beta/models/gemini-2.5-flash:generateContent", gemini_ask(contents));
    EXPECT_TRUE(answer["candidates"][0]["content"]["parts"][0]["text"].is_string()) << answer;
}

// ---- OpenAI Responses -----------------------------------------------------------------------------------

json responses_ask(const json& input, bool stream = false) {
    return {{"model", "gpt-5"},
            {"stream", stream},
            {"input", input},
            {"tools", json::array({{{"type", "function"}, {"name", "get_weather"}, {"parameters", kWeatherSchema}}})}};
}
json function_call_item(const json& item_id, const json& call_id, const char* status, const char* arguments) {
    return {{"id", item_id},      {"type", "function_call"}, {"status", status},
            {"call_id", call_id}, {"name", "get_weather"},   {"arguments", arguments}};
}

TEST_F(MockToolCall, Responses_AFunctionCallOutputItem) {
    const json answer = post_json("/v1/responses", responses_ask(kAsk));
    EXPECT_EQ(answer["object"], "response");
    EXPECT_EQ(answer["status"], "completed");
    ASSERT_EQ(answer["output"].size(), 1u) << answer;
    const json& item = answer["output"][0];
    EXPECT_EQ(item, function_call_item(item["id"], item["call_id"], "completed", kWeatherArgumentsText));
    EXPECT_TRUE(item["call_id"].is_string());
}

TEST_F(MockToolCall, Responses_TheTriggerInAnInputTextPart_IsFound) {
    const json input = json::array({{{"type", "message"},
                                     {"role", "user"},
                                     {"content", json::array({{{"type", "input_text"}, {"text", kAsk}}})}}});
    EXPECT_EQ(post_json("/v1/responses", responses_ask(input))["output"][0]["type"], "function_call");
}

TEST_F(MockToolCall, Responses_Streamed_ItemAddedArgumentDeltasDoneCompleted) {
    const StreamRead read = post("/v1/responses", responses_ask(kAsk, true));
    ASSERT_EQ(event_names(read),
              (std::vector<std::string>{
                  "response.created", "response.in_progress", "response.output_item.added",
                  "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                  "response.function_call_arguments.done", "response.output_item.done", "response.completed"}));
    const json added = event_data(read.events[2]);
    const json& item_id = added["item"]["id"];
    const json& call_id = added["item"]["call_id"];
    EXPECT_EQ(added["output_index"], 0);
    EXPECT_EQ(added["item"], function_call_item(item_id, call_id, "in_progress", ""));
    std::string arguments;
    for (std::size_t i = 3; i <= 4; ++i) {
        const json delta = event_data(read.events[i]);
        EXPECT_EQ(delta["item_id"], item_id);
        arguments += delta["delta"].get<std::string>();
    }
    EXPECT_EQ(arguments, kWeatherArgumentsText);
    EXPECT_EQ(event_data(read.events[5])["arguments"], kWeatherArgumentsText);
    const json done_item = function_call_item(item_id, call_id, "completed", kWeatherArgumentsText);
    EXPECT_EQ(event_data(read.events[6])["item"], done_item);
    const json completed = event_data(read.events[7])["response"];
    EXPECT_EQ(completed["status"], "completed");
    EXPECT_EQ(completed["output"], json::array({done_item}));
    for (std::size_t i = 0; i < read.events.size(); ++i) EXPECT_EQ(event_data(read.events[i])["sequence_number"], i);
}

TEST_F(MockToolCall, Responses_AfterAFunctionCallOutputItem_AnswersInText) {
    const json input = json::array({{{"role", "user"}, {"content", kAsk}},
                                    function_call_item("fc_1", "call_1", "completed", kWeatherArgumentsText),
                                    {{"type", "function_call_output"}, {"call_id", "call_1"}, {"output", "sunny"}}});
    const json answer = post_json("/v1/responses", responses_ask(input));
    EXPECT_EQ(answer["output"][0]["type"], "message") << answer;
}

}  // namespace
}  // namespace pathwise::testing
