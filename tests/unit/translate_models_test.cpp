// Model lists between protocols (translate/models.hpp). The upstream bodies are written by hand from what each
// server documents: Ollama's OpenAI-compatible /v1/models, Anthropic's GET /v1/models, Gemini's models.list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pathwise/translate/models.hpp"

namespace pathwise::translate {
namespace {

using nlohmann::json;

TEST(TranslateModels, DecodeEachProtocolsList) {
    auto ollama = decode_model_list(Protocol::openai_chat, R"({"object":"list","data":[
        {"id":"qwen3-coder:30b","object":"model","created":1733000000,"owned_by":"library"},
        {"id":"llama3.2:latest","object":"model","created":1733000001,"owned_by":"library"}]})");
    ASSERT_TRUE(ollama) << ollama.error().message;
    EXPECT_EQ(*ollama, (std::vector<ModelInfo>{{"qwen3-coder:30b", ""}, {"llama3.2:latest", ""}}));

    auto anthropic = decode_model_list(Protocol::anthropic, R"({"data":[{"type":"model","id":"claude-sonnet-4-5",
        "display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":false,
        "first_id":"claude-sonnet-4-5","last_id":"claude-sonnet-4-5"})");
    ASSERT_TRUE(anthropic) << anthropic.error().message;
    EXPECT_EQ(*anthropic, (std::vector<ModelInfo>{{"claude-sonnet-4-5", "Claude Sonnet 4.5"}}));

    auto gemini = decode_model_list(Protocol::gemini, R"({"models":[{"name":"models/gemini-2.5-flash",
        "version":"001","displayName":"Gemini 2.5 Flash","supportedGenerationMethods":["generateContent"]}],
        "nextPageToken":""})");
    ASSERT_TRUE(gemini) << gemini.error().message;
    EXPECT_EQ(*gemini, (std::vector<ModelInfo>{{"gemini-2.5-flash", "Gemini 2.5 Flash"}}));
}

TEST(TranslateModels, DecodeErrorsNameTheField) {
    auto missing = decode_model_list(Protocol::openai_chat, R"({"object":"list"})");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, "missing_field");
    EXPECT_NE(missing.error().message.find("data"), std::string::npos) << missing.error().message;
    auto wrong = decode_model_list(Protocol::gemini, R"({"models":[{"name":7}]})");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, "wrong_type");
    EXPECT_EQ(wrong.error().message.rfind("models[0].name", 0), 0u) << wrong.error().message;
    EXPECT_FALSE(decode_model_list(Protocol::anthropic, "not json"));
}

TEST(TranslateModels, EncodeEachProtocolsShape) {
    const std::vector<ModelInfo> models = {{"qwen3-coder:30b", ""}, {"claude-sonnet-4-5", "Claude Sonnet 4.5"}};
    EXPECT_EQ(json::parse(encode_model_list(Protocol::openai_chat, models)), json::parse(R"({"object":"list","data":[
        {"id":"qwen3-coder:30b","object":"model","created":0,"owned_by":"pathwise"},
        {"id":"claude-sonnet-4-5","object":"model","created":0,"owned_by":"pathwise"}]})"));
    EXPECT_EQ(json::parse(encode_model_list(Protocol::anthropic, models)), json::parse(R"({"data":[
        {"type":"model","id":"qwen3-coder:30b","display_name":"qwen3-coder:30b","created_at":"1970-01-01T00:00:00Z"},
        {"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5",
         "created_at":"1970-01-01T00:00:00Z"}],
        "has_more":false,"first_id":"qwen3-coder:30b","last_id":"claude-sonnet-4-5"})"));
    EXPECT_EQ(json::parse(encode_model_list(Protocol::gemini, {{"qwen3-coder:30b", ""}})), json::parse(R"({"models":[
        {"name":"models/qwen3-coder:30b","displayName":"qwen3-coder:30b",
         "supportedGenerationMethods":["generateContent","streamGenerateContent","countTokens"]}]})"));
    EXPECT_EQ(json::parse(encode_model_list(Protocol::anthropic, {})),
              json::parse(R"({"data":[],"has_more":false,"first_id":null,"last_id":null})"));
    EXPECT_EQ(json::parse(encode_gemini_model({"m", "M"}))["name"], "models/m");
}

}  // namespace
}  // namespace pathwise::translate
