// translate_requests_test.cpp — requests decoded from each protocol and encoded to each other one (A → IR → B).
//
// Each scenario holds the same conversation written by hand in the three protocols, after the providers'
// documented examples (OpenAI "Create chat completion", Anthropic "Messages" and "Tool use", Gemini
// "generateContent" and "Function calling"). Every pair must give exactly the other body (compared as parsed
// JSON). Gemini's model lives in the path, so it is given to the decoder and absent from its body.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathwise/translate/codec.hpp"

namespace pathwise::translate {
namespace {

using nlohmann::json;

struct Scenario {
    std::string name;
    std::string openai;
    std::string anthropic;
    std::string gemini;
    bool stream = false;
};

constexpr const char* kModel = "test-model";

const std::string& body_of(const Scenario& s, Protocol p) {
    if (p == Protocol::openai_chat) return s.openai;
    if (p == Protocol::anthropic) return s.anthropic;
    return s.gemini;
}

Request decoded(const Scenario& s, Protocol from) {
    auto result = decode_request(from, body_of(s, from), RequestPath{kModel, s.stream});
    EXPECT_TRUE(result.ok()) << s.name << " from " << protocol_name(from) << ": "
                             << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value().request : Request{};
}

const std::vector<Scenario>& scenarios() {
    static const std::vector<Scenario> all = {
        {"PlainChat",
         R"({"model":"test-model","messages":[{"role":"user","content":"Hello, world"}],"max_tokens":1024})",
         R"({"model":"test-model","max_tokens":1024,"messages":[{"role":"user","content":"Hello, world"}]})",
         R"({"contents":[{"role":"user","parts":[{"text":"Hello, world"}]}],
             "generationConfig":{"maxOutputTokens":1024}})"},
        {"SystemPromptMultiTurnStopSequences",
         R"({"model":"test-model","messages":[
               {"role":"system","content":"You are a helpful assistant."},
               {"role":"user","content":"Hello there."},
               {"role":"assistant","content":"Hi, I'm Claude. How can I help you?"},
               {"role":"user","content":"Can you explain LLMs in plain English?"}],
             "max_tokens":256,"temperature":0.5,"top_p":0.9,"stop":["\n\nHuman:","END"]})",
         R"({"model":"test-model","max_tokens":256,"system":"You are a helpful assistant.","messages":[
               {"role":"user","content":"Hello there."},
               {"role":"assistant","content":"Hi, I'm Claude. How can I help you?"},
               {"role":"user","content":"Can you explain LLMs in plain English?"}],
             "temperature":0.5,"top_p":0.9,"stop_sequences":["\n\nHuman:","END"]})",
         R"({"systemInstruction":{"parts":[{"text":"You are a helpful assistant."}]},"contents":[
               {"role":"user","parts":[{"text":"Hello there."}]},
               {"role":"model","parts":[{"text":"Hi, I'm Claude. How can I help you?"}]},
               {"role":"user","parts":[{"text":"Can you explain LLMs in plain English?"}]}],
             "generationConfig":{"maxOutputTokens":256,"temperature":0.5,"topP":0.9,
                                 "stopSequences":["\n\nHuman:","END"]}})"},
        {"Streamed",
         R"({"model":"test-model","messages":[{"role":"user","content":"Hi"}],"max_tokens":64,"stream":true,
             "stream_options":{"include_usage":true}})",
         R"({"model":"test-model","max_tokens":64,"messages":[{"role":"user","content":"Hi"}],"stream":true})",
         R"({"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"generationConfig":{"maxOutputTokens":64}})", true},
        {"InlineImage",
         R"({"model":"test-model","max_tokens":1024,"messages":[{"role":"user","content":[
               {"type":"text","text":"What is in this image?"},
               {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}}]}]})",
         R"({"model":"test-model","max_tokens":1024,"messages":[{"role":"user","content":[
               {"type":"text","text":"What is in this image?"},
               {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRg=="}}]}]})",
         R"({"contents":[{"role":"user","parts":[{"text":"What is in this image?"},
               {"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQSkZJRg=="}}]}],
             "generationConfig":{"maxOutputTokens":1024}})"},
        {"ImageByUrl",
         R"({"model":"test-model","max_tokens":300,"messages":[{"role":"user","content":[
               {"type":"text","text":"Describe it."},
               {"type":"image_url","image_url":{"url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}}]}]})",
         R"({"model":"test-model","max_tokens":300,"messages":[{"role":"user","content":[
               {"type":"text","text":"Describe it."},
               {"type":"image","source":{"type":"url","url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}}]}]})",
         R"({"contents":[{"role":"user","parts":[{"text":"Describe it."},
               {"fileData":{"mimeType":"image/jpeg","fileUri":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}}]}],
             "generationConfig":{"maxOutputTokens":300}})"},
        {"ToolDefinitionCallAndResult",
         // OpenAI: tools[].function.parameters, assistant tool_calls with arguments as a JSON *string*, then a
         // role "tool" message. Anthropic: input_schema, a tool_use block with `input` as an object, then a
         // tool_result block in the next user turn. Gemini: functionDeclarations, functionCall/functionResponse;
         // the first call of a model turn carries Google's documented sentinel signature for calls made
         // elsewhere ("skip_thought_signature_validator", ai.google.dev/gemini-api/docs/thought-signatures),
         // without which Gemini 3 refuses the replayed turn.
         R"({"model":"test-model","max_tokens":1024,"messages":[
               {"role":"user","content":"What's the weather like in Boston today?"},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"get_current_weather","arguments":"{\"location\":\"Boston, MA\"}"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"15 degrees, sunny"}],
             "tools":[{"type":"function","function":{"name":"get_current_weather",
                "description":"Get the current weather in a given location",
                "parameters":{"type":"object","properties":{"location":{"type":"string",
                  "description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}}],
             "tool_choice":"auto"})",
         R"({"model":"test-model","max_tokens":1024,"messages":[
               {"role":"user","content":"What's the weather like in Boston today?"},
               {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_current_weather",
                  "input":{"location":"Boston, MA"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"15 degrees, sunny"}]}],
             "tools":[{"name":"get_current_weather","description":"Get the current weather in a given location",
                "input_schema":{"type":"object","properties":{"location":{"type":"string",
                  "description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}],
             "tool_choice":{"type":"auto"}})",
         R"({"contents":[
               {"role":"user","parts":[{"text":"What's the weather like in Boston today?"}]},
               {"role":"model","parts":[{"functionCall":{"name":"get_current_weather","args":{"location":"Boston, MA"}},
                  "thoughtSignature":"skip_thought_signature_validator"}]},
               {"role":"user","parts":[{"functionResponse":{"name":"get_current_weather",
                  "response":{"output":"15 degrees, sunny"}}}]}],
             "tools":[{"functionDeclarations":[{"name":"get_current_weather",
                "description":"Get the current weather in a given location",
                "parametersJsonSchema":{"type":"object","properties":{"location":{"type":"string",
                  "description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}]}],
             "toolConfig":{"functionCallingConfig":{"mode":"AUTO"}},
             "generationConfig":{"maxOutputTokens":1024}})"},
        {"ParallelCallsAndJsonResults",
         // Two calls in one assistant turn; their results share the next user turn (one OpenAI "tool" message
         // each). A JSON result stays structured in Gemini's `response`.
         R"({"model":"test-model","max_tokens":512,"messages":[
               {"role":"user","content":"Weather in Paris and in Rome?"},
               {"role":"assistant","content":"Checking both.","tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}},
                  {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"{\"celsius\":18}"},
               {"role":"tool","tool_call_id":"call_2","content":"{\"celsius\":24}"},
               {"role":"user","content":"Which is warmer?"}],
             "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object",
                "properties":{"city":{"type":"string"}}}}}],
             "tool_choice":"required"})",
         R"({"model":"test-model","max_tokens":512,"messages":[
               {"role":"user","content":"Weather in Paris and in Rome?"},
               {"role":"assistant","content":[{"type":"text","text":"Checking both."},
                  {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},
                  {"type":"tool_use","id":"call_2","name":"weather","input":{"city":"Rome"}}]},
               {"role":"user","content":[
                  {"type":"tool_result","tool_use_id":"call_1","content":"{\"celsius\":18}"},
                  {"type":"tool_result","tool_use_id":"call_2","content":"{\"celsius\":24}"},
                  {"type":"text","text":"Which is warmer?"}]}],
             "tools":[{"name":"weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
             "tool_choice":{"type":"any"}})",
         R"({"contents":[
               {"role":"user","parts":[{"text":"Weather in Paris and in Rome?"}]},
               {"role":"model","parts":[{"text":"Checking both."},
                  {"functionCall":{"name":"weather","args":{"city":"Paris"}},
                   "thoughtSignature":"skip_thought_signature_validator"},
                  {"functionCall":{"name":"weather","args":{"city":"Rome"}}}]},
               {"role":"user","parts":[
                  {"functionResponse":{"name":"weather","response":{"celsius":18}}},
                  {"functionResponse":{"name":"weather","response":{"celsius":24}}},
                  {"text":"Which is warmer?"}]}],
             "tools":[{"functionDeclarations":[{"name":"weather","parametersJsonSchema":{"type":"object",
                "properties":{"city":{"type":"string"}}}}]}],
             "toolConfig":{"functionCallingConfig":{"mode":"ANY"}},
             "generationConfig":{"maxOutputTokens":512}})"},
    };
    return all;
}

constexpr Protocol kProtocols[] = {Protocol::openai_chat, Protocol::anthropic, Protocol::gemini};

TEST(TranslateRequest, EveryScenario_EveryPair_GivesTheOtherBodyExactly) {
    for (const auto& scenario : scenarios()) {
        for (const Protocol from : kProtocols) {
            const Request request = decoded(scenario, from);
            for (const Protocol to : kProtocols) {
                auto encoded = encode_request(to, request);
                ASSERT_TRUE(encoded.ok()) << scenario.name << ": " << encoded.error().message;
                EXPECT_EQ(json::parse(encoded->body), json::parse(body_of(scenario, to)))
                    << scenario.name << ": " << protocol_name(from) << " → " << protocol_name(to);
            }
        }
    }
}

TEST(TranslateRequest, ToolScenario_DecodesToTheSameIr_FromEachProtocol) {
    const Scenario& tools = scenarios()[5];
    ASSERT_EQ(tools.name, "ToolDefinitionCallAndResult");
    const Request from_openai = decoded(tools, Protocol::openai_chat);
    ASSERT_EQ(from_openai.turns.size(), 3u);
    const Part& call = from_openai.turns[1].parts.at(0);
    EXPECT_EQ(call.kind, PartKind::tool_call);
    EXPECT_EQ(call.tool_call.arguments_json, R"({"location":"Boston, MA"})");
    const Part& result = from_openai.turns[2].parts.at(0);
    EXPECT_EQ(result.kind, PartKind::tool_result);
    EXPECT_EQ(result.tool_result.name, "get_current_weather");  // filled from the call, for Gemini
    EXPECT_EQ(decoded(tools, Protocol::anthropic), from_openai);
    EXPECT_EQ(decoded(tools, Protocol::gemini), from_openai);  // made-up ids follow the same call_<n> order
}

// ---- translations that are not symmetric ------------------------------------------------------------------

json encoded_json(Protocol from, std::string_view body, Protocol to, const RequestPath& path = {kModel, false}) {
    auto in = decode_request(from, body, path);
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().message);
    if (!in.ok()) return nullptr;
    auto out = encode_request(to, in->request);
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
    return out.ok() ? json::parse(out->body) : json(nullptr);
}

TEST(TranslateRequest, OpenAiWithoutMaxTokens_ToAnthropic_SendsTheDefaultAndWarns) {
    const std::string body = R"({"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]})";
    auto in = decode_request(Protocol::openai_chat, body);
    ASSERT_TRUE(in.ok());
    auto out = encode_request(Protocol::anthropic, in->request, EncodeOptions{8192});
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(json::parse(out->body),
              json::parse(R"({"model":"gpt-4o","max_tokens":8192,"messages":[{"role":"user","content":"Hi"}]})"));
    ASSERT_EQ(out->warnings.size(), 1u);
    EXPECT_EQ(out->warnings[0].field, "max_tokens");
}

TEST(TranslateRequest, OpenAiMaxCompletionTokens_WinsOverMaxTokens) {
    const std::string body =
        R"({"model":"o3","messages":[{"role":"user","content":"Hi"}],"max_completion_tokens":300,"max_tokens":10})";
    EXPECT_EQ(encoded_json(Protocol::openai_chat, body, Protocol::anthropic)["max_tokens"], 300);
}

TEST(TranslateRequest, OpenAiSystemAndDeveloperMessages_BecomeAnthropicSystemBlocks) {
    const std::string body = R"({"model":"m","max_tokens":5,"messages":[
        {"role":"system","content":"Be brief."},
        {"role":"developer","content":[{"type":"text","text":"Answer in French."}]},
        {"role":"user","content":"Hi"}]})";
    EXPECT_EQ(encoded_json(Protocol::openai_chat, body, Protocol::anthropic),
              json::parse(R"({"model":"m","max_tokens":5,
                  "system":[{"type":"text","text":"Be brief."},{"type":"text","text":"Answer in French."}],
                  "messages":[{"role":"user","content":"Hi"}]})"));
}

// Claude Code 2.1.330 sends its "# Environment" text as a system message after the first user turn (seen by
// the real-client suite); every other protocol has system text only at the front.
TEST(TranslateRequest, AnthropicSystemMessageAmongTurns_JoinsTheSystemPromptWithAWarning) {
    const std::string body = R"({"model":"m","max_tokens":5,"system":[{"type":"text","text":"You are Claude Code."}],
        "messages":[{"role":"user","content":"hi"},
                    {"role":"system","content":[{"type":"text","text":"# Environment\ncwd: /tmp"}]}]})";
    EXPECT_EQ(encoded_json(Protocol::anthropic, body, Protocol::openai_chat),
              json::parse(R"({"model":"m","max_tokens":5,"messages":[
                  {"role":"system","content":"You are Claude Code."},
                  {"role":"system","content":"# Environment\ncwd: /tmp"},
                  {"role":"user","content":"hi"}]})"));
    auto decoded = decode_request(Protocol::anthropic, body);
    ASSERT_TRUE(decoded) << decoded.error().message;
    ASSERT_EQ(decoded->warnings.size(), 1u);
    EXPECT_EQ(decoded->warnings[0].field, "messages[1]");
    auto image = decode_request(Protocol::anthropic, R"({"model":"m","max_tokens":5,"messages":[{"role":"system",
        "content":[{"type":"image","source":{"type":"url","url":"https://x/y.png"}}]}]})");
    ASSERT_FALSE(image);
    EXPECT_EQ(image.error().code, "untranslatable");
    EXPECT_EQ(image.error().message.rfind("messages[0].content[0]", 0), 0u) << image.error().message;
}

TEST(TranslateRequest, OpenAiSingleStopString_BecomesAList) {
    const std::string body = R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":"Hi"}],"stop":"\n"})";
    EXPECT_EQ(encoded_json(Protocol::openai_chat, body, Protocol::gemini)["generationConfig"]["stopSequences"],
              json::parse(R"(["\n"])"));
}

TEST(TranslateRequest, AnthropicToolResultWithImageAndError_ToOpenAi) {
    // Claude Code's Read tool can return an image inside a tool_result; OpenAI's tool messages hold text only.
    const std::string body = R"({"model":"m","max_tokens":100,"messages":[
        {"role":"user","content":"Look at shot.png"},
        {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01","name":"Read","input":{"path":"shot.png"}}]},
        {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","is_error":true,"content":[
            {"type":"text","text":"partial read"},
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}]})";
    auto in = decode_request(Protocol::anthropic, body);
    ASSERT_TRUE(in.ok()) << in.error().message;
    auto out = encode_request(Protocol::openai_chat, in->request);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(json::parse(out->body), json::parse(R"({"model":"m","max_tokens":100,"messages":[
        {"role":"user","content":"Look at shot.png"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_01","type":"function",
            "function":{"name":"Read","arguments":"{\"path\":\"shot.png\"}"}}]},
        {"role":"tool","tool_call_id":"toolu_01","content":"partial read"},
        {"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]})"));
    ASSERT_EQ(out->warnings.size(), 2u);  // the error flag, and the image moved to a user message
}

TEST(TranslateRequest, GeminiSnakeCaseAndUpperCaseSchema_AreRead) {
    // Gemini's REST examples write snake_case (system_instruction, inline_data) and the SDKs' Type enum writes
    // "OBJECT"/"STRING" in the OpenAPI `parameters` schema.
    const std::string body = R"({"system_instruction":{"parts":[{"text":"You are a cat."}]},
        "contents":[{"parts":[{"text":"Hi"},{"inline_data":{"mime_type":"image/png","data":"iVBORw0KGgo="}}]}],
        "tools":[{"function_declarations":[{"name":"meow","parameters":{"type":"OBJECT",
            "properties":{"times":{"type":"INTEGER"}}}}]}],
        "generation_config":{"max_output_tokens":20,"top_k":40}})";
    EXPECT_EQ(encoded_json(Protocol::gemini, body, Protocol::anthropic, {"models/gemini-2.5-flash", false}),
              json::parse(R"({"model":"gemini-2.5-flash","max_tokens":20,"top_k":40,"system":"You are a cat.",
                  "messages":[{"role":"user","content":[{"type":"text","text":"Hi"},
                      {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}],
                  "tools":[{"name":"meow","input_schema":{"type":"object",
                      "properties":{"times":{"type":"integer"}}}}]})"));
}

// A real signature is Gemini's own and cannot be carried to another protocol: dropped, with a warning. The
// sentinel Pathwise writes for calls made elsewhere carries nothing, so reading it back warns of nothing.
TEST(TranslateRequest, GeminiThoughtSignatures_RealOnesWarnWhenDropped_TheSentinelDoesNot) {
    const auto signed_with = [](const std::string& signature) {
        return R"({"contents":[{"role":"user","parts":[{"text":"list files"}]},
            {"role":"model","parts":[{"functionCall":{"name":"ls","args":{}},"thoughtSignature":")" +
               signature + R"("}]}]})";
    };
    auto real = decode_request(Protocol::gemini, signed_with("CiQB0e2Kb3mvTzjzmA=="));
    ASSERT_TRUE(real) << real.error().message;
    ASSERT_EQ(real->warnings.size(), 1u);
    EXPECT_EQ(real->warnings[0].field, "contents[1].parts[0].thoughtSignature");
    auto sentinel = decode_request(Protocol::gemini, signed_with("skip_thought_signature_validator"));
    ASSERT_TRUE(sentinel) << sentinel.error().message;
    EXPECT_TRUE(sentinel->warnings.empty());
}

TEST(TranslateRequest, GeminiCliOwnCallIds_LinkResultsToCallsByName) {
    // Gemini sends calls without ids; Gemini CLI makes up its own and returns them on the responses.
    const std::string body = R"({"contents":[
        {"role":"user","parts":[{"text":"list files"}]},
        {"role":"model","parts":[{"functionCall":{"name":"list_directory","args":{"path":"."}}}]},
        {"role":"user","parts":[{"functionResponse":{"id":"list_directory-1765-abc","name":"list_directory",
            "response":{"output":"a.txt"}}}]}]})";
    const json out = encoded_json(Protocol::gemini, body, Protocol::openai_chat);
    EXPECT_EQ(out["messages"][1]["tool_calls"][0]["id"], "call_1");
    EXPECT_EQ(out["messages"][2], json::parse(R"({"role":"tool","tool_call_id":"call_1","content":"a.txt"})"));
}

TEST(TranslateRequest, GeminiErrorResponse_IsAnAnthropicErrorResult) {
    const std::string body = R"({"contents":[
        {"role":"model","parts":[{"functionCall":{"name":"run","args":{}}}]},
        {"role":"user","parts":[{"functionResponse":{"name":"run","response":{"error":"permission denied"}}}]}]})";
    EXPECT_EQ(encoded_json(Protocol::gemini, body, Protocol::anthropic)["messages"][1]["content"],
              json::parse(R"([{"type":"tool_result","tool_use_id":"call_1","content":"permission denied",
                  "is_error":true}])"));
}

TEST(TranslateRequest, ToolChoiceNamedAndNoParallelCalls_OpenAiToAnthropicAndGemini) {
    const std::string body = R"({"model":"m","max_tokens":9,"messages":[{"role":"user","content":"go"}],
        "tools":[{"type":"function","function":{"name":"go"}}],
        "tool_choice":{"type":"function","function":{"name":"go"}},"parallel_tool_calls":false})";
    const json anthropic = encoded_json(Protocol::openai_chat, body, Protocol::anthropic);
    EXPECT_EQ(anthropic["tool_choice"], json::parse(R"({"type":"tool","name":"go","disable_parallel_tool_use":true})"));
    EXPECT_EQ(anthropic["tools"], json::parse(R"([{"name":"go","input_schema":{"type":"object","properties":{}}}])"));
    EXPECT_EQ(encoded_json(Protocol::openai_chat, body, Protocol::gemini)["toolConfig"],
              json::parse(R"({"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["go"]}})"));
}

TEST(TranslateRequest, ImageUrlWithoutKnownType_ToGemini_IsUntranslatable) {
    const std::string body = R"({"model":"m","messages":[{"role":"user","content":[
        {"type":"image_url","image_url":{"url":"https://example.com/render?id=7"}}]}]})";
    auto in = decode_request(Protocol::openai_chat, body);
    ASSERT_TRUE(in.ok());
    auto out = encode_request(Protocol::gemini, in->request);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "untranslatable");
    EXPECT_NE(out.error().message.find("MIME type"), std::string::npos);
}

TEST(TranslateRequest, BrokenToolArguments_ToAnthropic_IsUntranslatable_ToOpenAiKeptVerbatim) {
    const std::string body = R"({"model":"m","messages":[{"role":"user","content":"x"},
        {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":"}}]},
        {"role":"tool","tool_call_id":"c1","content":"ok"}]})";
    auto in = decode_request(Protocol::openai_chat, body);
    ASSERT_TRUE(in.ok());
    auto anthropic = encode_request(Protocol::anthropic, in->request);
    ASSERT_FALSE(anthropic.ok());
    EXPECT_EQ(anthropic.error().code, "untranslatable");
    EXPECT_NE(anthropic.error().message.find("'f' (c1).arguments"), std::string::npos) << anthropic.error().message;
    auto openai = encode_request(Protocol::openai_chat, in->request);
    ASSERT_TRUE(openai.ok());
    EXPECT_EQ(json::parse(openai->body)["messages"][1]["tool_calls"][0]["function"]["arguments"], "{\"a\":");
}

}  // namespace
}  // namespace pathwise::translate
