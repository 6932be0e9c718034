// models.cpp — see models.hpp.
#include "pathwise/translate/models.hpp"

#include "json_reader.hpp"

namespace pathwise::translate {

namespace {

constexpr std::string_view kModelsPrefix = "models/";
// A translated upstream gives no dates; Anthropic's list requires one (RFC 3339).
constexpr std::string_view kUnknownDate = "1970-01-01T00:00:00Z";

Json gemini_model_json(const ModelInfo& model) {
    return {{"name", std::string(kModelsPrefix) + model.id},
            {"displayName", model.display_name.empty() ? model.id : model.display_name},
            {"supportedGenerationMethods", Json::array({"generateContent", "streamGenerateContent", "countTokens"})}};
}

}  // namespace

Result<std::vector<ModelInfo>> decode_model_list(Protocol from, std::string_view body) {
    auto parsed = parse_body(body);
    if (!parsed) return parsed.error();
    JsonReader in;
    const bool gemini = from == Protocol::gemini;
    const char* list_key = gemini ? "models" : "data";
    const Json* list = in.required_array(*parsed, list_key, "");
    if (in.failed()) return in.error();
    std::vector<ModelInfo> models;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& entry = (*list)[i];
        const std::string path = index_path(list_key, i);
        if (!in.expect_object(entry, path)) return in.error();
        ModelInfo model;
        model.id = in.string(entry, gemini ? "name" : "id", path).value_or("");
        if (gemini && model.id.rfind(kModelsPrefix, 0) == 0) model.id.erase(0, kModelsPrefix.size());
        model.display_name = in.string(entry, gemini ? "displayName" : "display_name", path).value_or("");
        if (in.failed()) return in.error();
        if (!model.id.empty()) models.push_back(std::move(model));
    }
    return models;
}

std::string encode_model_list(Protocol to, const std::vector<ModelInfo>& models) {
    Json list = Json::array();
    for (const ModelInfo& model : models) {
        switch (to) {
            case Protocol::openai_chat:
            case Protocol::openai_responses:  // a Responses client lists models with OpenAI's GET /v1/models
                list.push_back({{"id", model.id}, {"object", "model"}, {"created", 0}, {"owned_by", "pathwise"}});
                break;
            case Protocol::anthropic:
                list.push_back({{"type", "model"},
                                {"id", model.id},
                                {"display_name", model.display_name.empty() ? model.id : model.display_name},
                                {"created_at", kUnknownDate}});
                break;
            case Protocol::gemini:
                list.push_back(gemini_model_json(model));
                break;
        }
    }
    switch (to) {
        case Protocol::openai_chat:
        case Protocol::openai_responses:
            return dump_json({{"object", "list"}, {"data", std::move(list)}});
        case Protocol::anthropic: {
            const Json first = models.empty() ? Json(nullptr) : Json(models.front().id);
            const Json last = models.empty() ? Json(nullptr) : Json(models.back().id);
            return dump_json({{"data", std::move(list)}, {"has_more", false}, {"first_id", first}, {"last_id", last}});
        }
        case Protocol::gemini:
            return dump_json({{"models", std::move(list)}});
    }
    return "{}";
}

std::string encode_gemini_model(const ModelInfo& model) {
    return dump_json(gemini_model_json(model));
}

}  // namespace pathwise::translate
