// models.hpp — model lists between protocols: what an upstream of one protocol lists, in the shape a client of
// another protocol reads (OpenAI's /v1/models, Anthropic's /v1/models, Gemini's /v1beta/models).
//
//   auto models = translate::decode_model_list(Protocol::openai_chat, ollama_body);   // {"data":[{"id":…}]}
//   std::string body = translate::encode_model_list(Protocol::anthropic, *models);   // what Claude Code reads
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/translate/protocol.hpp"

namespace pathwise::translate {

struct ModelInfo {
    std::string id;            // "qwen3-coder", "claude-sonnet-4-5", "gemini-2.5-flash" (no "models/" prefix)
    std::string display_name;  // "" when the provider gives none
    bool operator==(const ModelInfo&) const = default;
};

// The models of a list answer: OpenAI {"data":[{"id"}]}, Anthropic {"data":[{"id","display_name"}]}, Gemini
// {"models":[{"name":"models/…","displayName"}]}. Entries without an id are skipped.
[[nodiscard]] Result<std::vector<ModelInfo>> decode_model_list(Protocol from, std::string_view body);
// A list answer in `to`'s shape: OpenAI {"object":"list","data":[{"id","object":"model","created":0,"owned_by"}]},
// Anthropic {"data":[{"type":"model","id","display_name","created_at"}],"has_more":false,"first_id","last_id"},
// Gemini {"models":[{"name":"models/…","displayName","supportedGenerationMethods"}]}.
[[nodiscard]] std::string encode_model_list(Protocol to, const std::vector<ModelInfo>& models);
// One Gemini model object (GET /v1beta/models/{model}).
[[nodiscard]] std::string encode_gemini_model(const ModelInfo& model);

}  // namespace pathwise::translate
