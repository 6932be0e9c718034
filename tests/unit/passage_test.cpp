// passage_test.cpp — how a call reaches its upstream (pass-through or translated), the rule the forwarder, the
// doctor and the wizard share. Expected values are written by hand from docs/translation.md "In the proxy".
#include "pathwise/passage.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace pathwise {
namespace {

using translate::Protocol::anthropic;
using translate::Protocol::gemini;
using translate::Protocol::openai_chat;
using translate::Protocol::openai_responses;
constexpr std::optional<translate::Protocol> kUndeclared;

struct PassageCase {
    std::string situation;
    std::string_view route_id;
    Protocol client_family;
    std::optional<translate::Protocol> speaks;
    Passage passage;
    Protocol upstream_family;
    translate::Protocol client;
    translate::Protocol expected_speaks;
    bool estimated = false;
};

const std::vector<PassageCase> kCases = {
    // Chat routes: pass only when the upstream speaks exactly the route's chat protocol.
    {"ClaudeCode_AnthropicUpstream_PassThrough", "anthropic.messages", Protocol::anthropic, anthropic,
     Passage::pass_through, Protocol::anthropic, anthropic, anthropic},
    {"ClaudeCode_OllamaOpenAiChat_Translated", "anthropic.messages", Protocol::anthropic, openai_chat,
     Passage::translate, Protocol::anthropic, anthropic, openai_chat},
    {"ClaudeCode_Undeclared_PassThroughInItsOwnProtocol", "anthropic.messages", Protocol::anthropic, kUndeclared,
     Passage::pass_through, Protocol::anthropic, anthropic, anthropic},
    {"Codex_Responses_ChatCompletionsUpstream_TranslatedWithinOneFamily", "openai.responses", Protocol::openai,
     openai_chat, Passage::translate, Protocol::openai, openai_responses, openai_chat},
    {"Codex_Responses_Undeclared_PassThrough", "openai.responses", Protocol::openai, kUndeclared, Passage::pass_through,
     Protocol::openai, openai_responses, openai_responses},
    {"GeminiCli_Stream_AnthropicUpstream_Translated", "gemini.stream_generate_content", Protocol::gemini, anthropic,
     Passage::translate, Protocol::gemini, gemini, anthropic},
    {"OpenAiSdk_Chat_GeminiUpstream_Translated", "openai.chat_completions", Protocol::openai, gemini,
     Passage::translate, Protocol::openai, openai_chat, gemini},
    // Model lists: the upstream's own list in the client's shape.
    {"AnthropicClient_Models_GoToTheAnthropicUpstream_Translated", "openai.models", Protocol::anthropic, openai_chat,
     Passage::translate, Protocol::anthropic, anthropic, openai_chat},
    {"AnthropicClient_Models_AnthropicUpstream_PassThrough", "openai.models", Protocol::anthropic, anthropic,
     Passage::pass_through, Protocol::anthropic, anthropic, anthropic},
    {"OpenAiClient_Models_OpenAiChatUpstream_PassThrough", "openai.models", Protocol::openai, openai_chat,
     Passage::pass_through, Protocol::openai, openai_chat, openai_chat},
    {"GeminiClient_OneModel_OpenAiUpstream_Translated", "gemini.model", Protocol::gemini, openai_chat,
     Passage::translate, Protocol::gemini, gemini, openai_chat},
    // Token counts: refused by the upstream's protocol, answered with the proxy's estimate.
    {"ClaudeCode_CountTokens_OpenAiUpstream_Estimated", "anthropic.count_tokens", Protocol::anthropic, openai_chat,
     Passage::refuse, Protocol::anthropic, anthropic, openai_chat, true},
    {"ClaudeCode_CountTokens_Undeclared_PassThrough", "anthropic.count_tokens", Protocol::anthropic, kUndeclared,
     Passage::pass_through, Protocol::anthropic, anthropic, anthropic},
    {"Gemini_CountTokens_GeminiUpstream_PassThrough", "gemini.count_tokens", Protocol::gemini, gemini,
     Passage::pass_through, Protocol::gemini, gemini, gemini},
};

class CallPassageTest : public ::testing::TestWithParam<PassageCase> {};

TEST_P(CallPassageTest, SaysHowTheCallReachesItsUpstream) {
    const PassageCase& c = GetParam();
    const Route* route = find_route(c.route_id);
    ASSERT_NE(route, nullptr) << c.route_id;
    const CallPassage how = call_passage(*route, c.client_family, c.speaks);
    EXPECT_EQ(how.passage, c.passage) << passage_name(how.passage);
    EXPECT_EQ(how.upstream_family, c.upstream_family) << protocol_name(how.upstream_family);
    EXPECT_EQ(how.client, c.client) << translate::protocol_name(how.client);
    EXPECT_EQ(how.speaks, c.expected_speaks) << translate::protocol_name(how.speaks);
    EXPECT_EQ(how.estimated, c.estimated);
}

INSTANTIATE_TEST_SUITE_P(Passage, CallPassageTest, ::testing::ValuesIn(kCases),
                         [](const auto& param_info) { return param_info.param.situation; });

// passage_of alone is the forwarder's rule per route: a model list of another family is "refuse" there (the
// forwarder answers lists before asking it), and a route of another family is refused.
TEST(PassageOf, ForwarderRule_ModelListOfAnotherFamily_IsRefuse) {
    EXPECT_EQ(passage_of(*find_route("gemini.models"), openai_chat), Passage::refuse);
    EXPECT_EQ(passage_of(*find_route("openai.models"), openai_responses), Passage::pass_through);
    EXPECT_EQ(passage_of(*find_route("openai.chat_completions"), openai_responses), Passage::translate);
    EXPECT_EQ(passage_of(*find_route("anthropic.messages"), kUndeclared), Passage::pass_through);
}

TEST(PassageOf, Names_AreTheDoctorsJsonWords) {
    EXPECT_EQ(passage_name(Passage::pass_through), "pass_through");
    EXPECT_EQ(passage_name(Passage::translate), "translate");
    EXPECT_EQ(passage_name(Passage::refuse), "refuse");
}

TEST(ModelListClient, AnthropicVersion_PicksTheAnthropicShape) {
    EXPECT_EQ(model_list_client(*find_route("openai.models"), true), anthropic);
    EXPECT_EQ(model_list_client(*find_route("openai.models"), false), openai_chat);
    EXPECT_EQ(model_list_client(*find_route("gemini.models"), false), gemini);
    EXPECT_EQ(model_list_client(*find_route("anthropic.messages"), true), std::nullopt);
}

}  // namespace
}  // namespace pathwise
