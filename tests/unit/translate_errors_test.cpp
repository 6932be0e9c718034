// translate_errors_test.cpp — what a client or an upstream can get wrong: every case is a clear error naming
// the field (never a crash: the wasm build cannot catch exceptions), and every field the translation cannot
// carry is listed in `warnings`.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pathwise/translate/codec.hpp"

namespace pathwise::translate {
namespace {

struct BadBody {
    const char* situation;
    Protocol protocol;
    bool request;  // else an answer
    std::string body;
    const char* code;
    const char* message_start;  // the message starts with the field's JSON path
};

const std::vector<BadBody>& bad_bodies() {
    static const std::vector<BadBody> all = {
        {"OpenAi_NotJson", Protocol::openai_chat, true, R"({"model":"m","messages":[)", "malformed_json", "body: "},
        {"OpenAi_Array", Protocol::openai_chat, true, R"([1,2])", "wrong_type", "body: expected a JSON object"},
        {"OpenAi_NoModel", Protocol::openai_chat, true, R"({"messages":[]})", "missing_field", "model: "},
        {"OpenAi_NoMessages", Protocol::openai_chat, true, R"({"model":"m"})", "missing_field", "messages: "},
        {"OpenAi_MessagesObject", Protocol::openai_chat, true, R"({"model":"m","messages":{}})", "wrong_type",
         "messages: expected an array, got an object"},
        {"OpenAi_RoleNumber", Protocol::openai_chat, true, R"({"model":"m","messages":[{"role":7}]})", "wrong_type",
         "messages[0].role: expected a string, got a number"},
        {"OpenAi_ContentNumber", Protocol::openai_chat, true,
         R"({"model":"m","messages":[{"role":"user","content":5}]})", "wrong_type", "messages[0].content: "},
        {"OpenAi_UnknownRole", Protocol::openai_chat, true, R"({"model":"m","messages":[{"role":"robot"}]})",
         "untranslatable", "messages[0].role: "},
        {"OpenAi_ToolWithoutCallId", Protocol::openai_chat, true,
         R"({"model":"m","messages":[{"role":"tool","content":"x"}]})", "missing_field", "messages[0].tool_call_id: "},
        {"OpenAi_ToolCallWithoutFunction", Protocol::openai_chat, true,
         R"({"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function"}]}]})",
         "missing_field", "messages[0].tool_calls[0].function: "},
        {"OpenAi_NegativeMaxTokens", Protocol::openai_chat, true, R"({"model":"m","messages":[],"max_tokens":-1})",
         "bad_value", "max_tokens: "},
        {"OpenAi_FractionalMaxTokens", Protocol::openai_chat, true, R"({"model":"m","messages":[],"max_tokens":10.5})",
         "wrong_type", "max_tokens: "},
        {"OpenAi_TemperatureString", Protocol::openai_chat, true, R"({"model":"m","messages":[],"temperature":"hot"})",
         "wrong_type", "temperature: "},
        {"OpenAi_StopNumbers", Protocol::openai_chat, true, R"({"model":"m","messages":[],"stop":[1]})", "wrong_type",
         "stop[0]: "},
        {"OpenAi_BadDataUrl", Protocol::openai_chat, true,
         R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,raw"}}]}]})",
         "bad_value", "messages[0].content[0].image_url.url: "},
        {"OpenAi_AudioPart", Protocol::openai_chat, true,
         R"({"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]})",
         "untranslatable", "messages[0].content[0].type: "},
        {"OpenAi_AnswerNoChoices", Protocol::openai_chat, false, R"({"id":"x","choices":[]})", "missing_field",
         "choices: "},
        {"OpenAi_AnswerMessageString", Protocol::openai_chat, false, R"({"choices":[{"message":"hi"}]})", "wrong_type",
         "choices[0].message: "},

        {"Anthropic_NoMaxTokens", Protocol::anthropic, true,
         R"({"model":"m","messages":[{"role":"user","content":"x"}]})", "missing_field", "max_tokens: "},
        {"Anthropic_SystemNumber", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"system":3,"messages":[]})", "wrong_type", "system: "},
        {"Anthropic_NoContent", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"user"}]})", "missing_field", "messages[0].content: "},
        {"Anthropic_BadRole", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"robot","content":"x"}]})", "bad_value",
         "messages[0].role: "},
        {"Anthropic_BlockWithoutType", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"text":"x"}]}]})", "missing_field",
         "messages[0].content[0].type: "},
        {"Anthropic_ToolUseInputString", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"n","input":"{}"}]}]})",
         "wrong_type", "messages[0].content[0].input: "},
        {"Anthropic_ServerTool", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[],"tools":[{"type":"web_search_20250305","name":"web_search"}]})",
         "untranslatable", "tools[0].type: "},
        {"Anthropic_ToolWithoutSchema", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[],"tools":[{"name":"t"}]})", "missing_field",
         "tools[0].input_schema: "},
        {"Anthropic_DocumentBlock", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"document","source":{}}]}]})",
         "untranslatable", "messages[0].content[0].type: "},
        {"Anthropic_ImageFileSource", Protocol::anthropic, true,
         R"({"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"f"}}]}]})",
         "untranslatable", "messages[0].content[0].source.type: "},
        {"Anthropic_AnswerNoContent", Protocol::anthropic, false, R"({"id":"m","type":"message"})", "missing_field",
         "content: "},

        {"Gemini_NoContents", Protocol::gemini, true, R"({"generationConfig":{}})", "missing_field", "contents: "},
        {"Gemini_PartsMissing", Protocol::gemini, true, R"({"contents":[{"role":"user"}]})", "missing_field",
         "contents[0].parts: "},
        {"Gemini_BadRole", Protocol::gemini, true, R"({"contents":[{"role":"assistant","parts":[]}]})", "bad_value",
         "contents[0].role: "},
        {"Gemini_TextNumber", Protocol::gemini, true, R"({"contents":[{"parts":[{"text":1}]}]})", "wrong_type",
         "contents[0].parts[0].text: "},
        {"Gemini_MaxTokensString", Protocol::gemini, true,
         R"({"contents":[],"generationConfig":{"maxOutputTokens":"9"}})", "wrong_type",
         "generationConfig.maxOutputTokens: "},
        {"Gemini_ResponseWithoutName", Protocol::gemini, true,
         R"({"contents":[{"parts":[{"functionResponse":{"response":{}}}]}]})", "missing_field",
         "contents[0].parts[0].functionResponse.name: "},
        {"Gemini_AudioInline", Protocol::gemini, true,
         R"({"contents":[{"parts":[{"inlineData":{"mimeType":"audio/wav","data":"UklG"}}]}]})", "untranslatable",
         "contents[0].parts[0].inlineData.mimeType: "},
        {"Gemini_GoogleSearch", Protocol::gemini, true, R"({"contents":[],"tools":[{"googleSearch":{}}]})",
         "untranslatable", "tools[0].googleSearch: "},
        {"Gemini_ExecutableCode", Protocol::gemini, true,
         R"({"contents":[{"parts":[{"executableCode":{"code":"1"}}]}]})", "untranslatable", "contents[0].parts[0]: "},
        {"Gemini_AnswerNothing", Protocol::gemini, false, R"({"usageMetadata":{}})", "missing_field", "candidates: "},
    };
    return all;
}

TEST(TranslateErrors, EachBadBody_ClearErrorNamingTheField) {
    for (const auto& bad : bad_bodies()) {
        const Error error = bad.request ? decode_request(bad.protocol, bad.body).error()
                                        : decode_response(bad.protocol, bad.body).error();
        EXPECT_EQ(error.code, bad.code) << bad.situation << ": " << error.message;
        EXPECT_EQ(error.message.rfind(bad.message_start, 0), 0u) << bad.situation << ": " << error.message;
    }
}

TEST(TranslateErrors, DeepNesting_IsRefusedBeforeParsing) {
    const std::string body = R"({"model":"m","messages":)" + std::string(100'000, '[');
    auto result = decode_request(Protocol::openai_chat, body);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "too_deep");
}

TEST(TranslateErrors, InvalidUtf8_IsMalformed) {
    auto result = decode_request(Protocol::anthropic, "{\"model\":\"\xff\",\"max_tokens\":1,\"messages\":[]}");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "malformed_json");
}

TEST(TranslateErrors, EveryTruncationOfARealBody_FailsCleanly) {
    // A body cut at any byte (a client or upstream that died) is an error, never a crash.
    const std::string body = R"({"model":"m","max_tokens":9,"system":[{"type":"text","text":"s"}],"messages":[
        {"role":"user","content":[{"type":"text","text":"hi"},{"type":"image","source":{"type":"base64",
        "media_type":"image/png","data":"iVBORw0KGgo="}}]},
        {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"n","input":{"a":[1,2]}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]}]})";
    for (std::size_t cut = 0; cut < body.size(); ++cut) {
        EXPECT_FALSE(decode_request(Protocol::anthropic, body.substr(0, cut)).ok()) << cut;
    }
    EXPECT_TRUE(decode_request(Protocol::anthropic, body).ok());
}

std::vector<std::string> fields_of(const std::vector<Warning>& warnings) {
    std::vector<std::string> fields;
    for (const auto& w : warnings) fields.push_back(w.field);
    return fields;
}

TEST(TranslateWarnings, OpenAiFieldsTheIrDoesNotCarry_AreListed) {
    auto in = decode_request(Protocol::openai_chat, R"({"model":"m","n":2,"seed":7,"user":"u","messages":[
        {"role":"user","name":"ann","content":[{"type":"image_url","image_url":{"url":"https://x/a.png","detail":"low"}}]}],
        "tools":[{"type":"function","function":{"name":"f","strict":true}}]})");
    ASSERT_TRUE(in.ok()) << in.error().message;
    EXPECT_EQ(fields_of(in->warnings),
              (std::vector<std::string>{"messages[0].content[0].image_url.detail", "messages[0].name",
                                        "tools[0].function.strict", "n", "seed", "user"}));
}

TEST(TranslateWarnings, AnthropicCacheControlMetadataAndThinking_AreListed) {
    auto in = decode_request(Protocol::anthropic, R"({"model":"m","max_tokens":1,"metadata":{"user_id":"u"},
        "thinking":{"type":"enabled","budget_tokens":1024},
        "system":[{"type":"text","text":"s","cache_control":{"type":"ephemeral"}}],
        "messages":[{"role":"user","content":"x"},
                    {"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"sig"},
                                                   {"type":"text","text":"y"}]}]})");
    ASSERT_TRUE(in.ok()) << in.error().message;
    EXPECT_EQ(fields_of(in->warnings),
              (std::vector<std::string>{"system[0].cache_control", "messages[1].content[0]", "metadata", "thinking"}));
}

TEST(TranslateWarnings, GeminiSafetySettingsAndThinkingConfig_AreListed) {
    auto in = decode_request(Protocol::gemini, R"({"contents":[{"parts":[{"text":"x"}]}],
        "safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}],
        "generationConfig":{"temperature":1,"thinkingConfig":{"thinkingBudget":0}}})");
    ASSERT_TRUE(in.ok()) << in.error().message;
    EXPECT_EQ(fields_of(in->warnings), (std::vector<std::string>{"generationConfig.thinkingConfig", "safetySettings"}));
}

TEST(TranslateWarnings, TopKToOpenAi_ParallelToGemini_AreListed) {
    auto in = decode_request(Protocol::anthropic, R"({"model":"m","max_tokens":1,"top_k":5,
        "tool_choice":{"type":"auto","disable_parallel_tool_use":true},"messages":[{"role":"user","content":"x"}]})");
    ASSERT_TRUE(in.ok());
    EXPECT_EQ(fields_of(encode_request(Protocol::openai_chat, in->request)->warnings),
              (std::vector<std::string>{"top_k"}));
    EXPECT_EQ(fields_of(encode_request(Protocol::gemini, in->request)->warnings),
              (std::vector<std::string>{"parallel_tool_calls"}));
}

}  // namespace
}  // namespace pathwise::translate
