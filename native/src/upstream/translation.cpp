// translation.cpp — see translation.hpp.
#include "upstream/translation.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/header_policy.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/translate/token_estimate.hpp"
#include "upstream/model_map.hpp"

namespace pathwise::upstream {

namespace {

using nlohmann::json;

constexpr std::size_t kQuotedBodyBytes = 300;  // of an upstream error body that is not JSON

// The route a chat protocol is served on, for the path asked upstream.
std::string_view chat_route_id(translate::Protocol protocol, bool stream) {
    switch (protocol) {
        case translate::Protocol::openai_chat:
            return "openai.chat_completions";
        case translate::Protocol::anthropic:
            return "anthropic.messages";
        case translate::Protocol::gemini:
            return stream ? "gemini.stream_generate_content" : "gemini.generate_content";
        case translate::Protocol::openai_responses:
            return "openai.responses";
    }
    return "";
}

// The query's `alt` parameter, decoded ("sse" for Gemini's SSE form).
bool asks_for_sse(std::string_view query) {
    std::string alt;
    (void)http::remove_query_param(query, "alt", &alt);
    return ascii::iequals(alt, "sse");
}

// A string member, or "".
std::string text_of(const json& object, std::string_view key) {
    if (!object.is_object()) return "";
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The message in an error body of any of the three shapes ({"error":{"message"}}, Anthropic's
// {"type":"error","error":{…}}, Gemini's {"error":{"code","message","status"}}, a Gemini stream's [{…}]), or the
// servers' own ({"error":"text"}, FastAPI's {"detail":"…"}, {"message":"…"}); else the body's start.
std::string error_message_of(std::string_view body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_array() && !parsed.empty()) parsed = parsed.front();
    if (parsed.is_object()) {
        if (const auto error = parsed.find("error"); error != parsed.end()) {
            if (error->is_string()) return error->get<std::string>();
            if (auto message = text_of(*error, "message"); !message.empty()) return message;
        }
        for (const char* key : {"detail", "message"}) {
            if (auto message = text_of(parsed, key); !message.empty()) return message;
        }
    }
    std::string quoted;
    for (const char c : body.substr(0, kQuotedBodyBytes)) {
        quoted += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    if (quoted.empty()) return "(no message in its answer)";
    return body.size() > kQuotedBodyBytes ? quoted + "…" : quoted;
}

std::string protocol_text(translate::Protocol protocol) {
    return std::string(translate::protocol_name(protocol));
}

}  // namespace

std::optional<Translation> translation_for(const Route& route, const config::UpstreamConfig& config) {
    if (passage_of(route, config) != Passage::translate) return std::nullopt;
    return Translation{*route.chat, *config.protocol};
}

Result<TranslatedRequest> translate_request(const Translation& plan, const RouteMatch& match, std::string_view query,
                                            std::string_view body, std::span<const config::ModelMapping> model_map) {
    const bool path_streams = match.route != nullptr && match.route->stream == StreamSignal::path;
    auto decoded = translate::decode_request(plan.from, body, {match.model, path_streams});
    if (!decoded) return decoded.error();
    translate::Request& request = decoded.value().request;
    if (auto mapped = map_model(model_map, request.model)) request.model = *mapped;
    auto encoded = translate::encode_request(plan.to, request);
    if (!encoded) return encoded.error();

    TranslatedRequest out;
    out.stream = request.stream;
    out.gemini_json_array = plan.from == translate::Protocol::gemini && request.stream && !asks_for_sse(query);
    out.path = expand_pattern(find_route(chat_route_id(plan.to, request.stream))->pattern, request.model);
    if (plan.to == translate::Protocol::gemini && request.stream) out.path += "?alt=sse";
    out.body = std::move(encoded.value().body);
    out.warnings = std::move(decoded.value().warnings);
    for (auto& warning : encoded.value().warnings) out.warnings.push_back(std::move(warning));
    return out;
}

Result<translate::Encoded> translate_answer(const Translation& plan, std::string_view body, std::int64_t now_unix) {
    auto decoded = translate::decode_response(plan.to, body);
    if (!decoded) return decoded.error();
    translate::Response& response = decoded.value().response;
    if (response.created == 0) response.created = now_unix;
    auto encoded = translate::encode_response(plan.from, response);
    if (!encoded) return encoded.error();
    translate::Encoded out = std::move(encoded.value());
    out.warnings.insert(out.warnings.begin(), decoded.value().warnings.begin(), decoded.value().warnings.end());
    return out;
}

std::optional<std::string> estimated_token_count(const Route& route, std::string_view body) {
    const std::int64_t tokens = translate::estimate_tokens(body);
    if (route.id == "anthropic.count_tokens") return json{{"input_tokens", tokens}}.dump();
    if (route.id == "gemini.count_tokens") return json{{"totalTokens", tokens}}.dump();
    return std::nullopt;
}

std::string model_list_path(translate::Protocol speaks) {
    switch (speaks) {
        case translate::Protocol::openai_chat:
        case translate::Protocol::openai_responses:
            return "/v1/models";
        case translate::Protocol::anthropic:
            return "/v1/models?limit=1000";  // Anthropic pages by 20 unless asked
        case translate::Protocol::gemini:
            return "/v1beta/models?pageSize=1000";
    }
    return "/v1/models";
}

Result<std::string> translate_model_list(const Translation& plan, std::string_view body,
                                         std::span<const config::ModelMapping> model_map) {
    auto models = translate::decode_model_list(plan.to, body);
    if (!models) return models.error();
    for (const auto& mapping : model_map) {
        if (mapping.pattern.find('*') != std::string::npos) continue;
        const bool listed = std::any_of(models.value().begin(), models.value().end(),
                                        [&](const translate::ModelInfo& model) { return model.id == mapping.pattern; });
        if (!listed) models.value().push_back({mapping.pattern, mapping.pattern + " (" + mapping.target + ")"});
    }
    return translate::encode_model_list(plan.from, models.value());
}

http::ProtocolError translation_refused(const Translation& plan, const Error& error) {
    return {400, family_of(plan.from),
            "Pathwise cannot translate this request into " + protocol_text(plan.to) +
                " (the protocol its upstream speaks): " + error.message,
            "translation_" + error.code};
}

http::ProtocolError route_not_translatable(const Route& route, const config::UpstreamConfig& config) {
    const std::string upstream = config.protocol ? protocol_text(*config.protocol) : std::string("its own protocol");
    return {501, route.protocol,
            std::string(route.purpose) + " (" + std::string(route.pattern) +
                ") is not translated: this protocol's upstream speaks " + upstream +
                ". Point this route's protocol at an upstream that speaks it (\"upstreams\" in the config file).",
            "route_not_translated"};
}

http::ProtocolError upstream_error(const Translation& plan, std::string_view upstream_name, int status,
                                   std::string_view body) {
    return {status, family_of(plan.from),
            "the upstream (" + std::string(upstream_name) + ", speaking " + protocol_text(plan.to) + ") answered " +
                std::to_string(status) + ": " + error_message_of(body),
            "upstream_error"};
}

http::ProtocolError answer_not_translatable(const Translation& plan, std::string_view upstream_name,
                                            const Error& error) {
    return {502, family_of(plan.from),
            "the upstream (" + std::string(upstream_name) + ") answered with a body that is not a " +
                protocol_text(plan.to) + " answer: " + error.message,
            "upstream_answer_not_translatable"};
}

StreamTranslation::StreamTranslation(const Translation& plan, const translate::StreamEncodeOptions& options)
    : decoder_(translate::make_stream_decoder(plan.to)), encoder_(translate::make_stream_encoder(plan.from, options)) {}

std::string StreamTranslation::encode_all() {
    std::string out;
    for (const auto& event : events_) out += encoder_->encode(event);
    events_.clear();
    return out;
}

std::string StreamTranslation::feed(std::string_view bytes) {
    if (failed_) return "";
    const auto fed = decoder_->feed(bytes, events_);
    std::string out = encode_all();
    if (!fed) {
        out += fail("upstream_stream_not_translatable",
                    "the upstream's stream could not be translated: " + fed.error().message);
    }
    return out;
}

std::string StreamTranslation::finish() {
    if (failed_) return "";
    const auto finished = decoder_->finish(events_);
    std::string out = encode_all();
    if (!finished) {
        return out + fail("upstream_closed_early",
                          "the upstream's stream ended before its answer did: " + finished.error().message);
    }
    return out + encoder_->end();
}

std::string StreamTranslation::fail(std::string_view code, std::string_view message) {
    if (failed_) return "";
    failed_ = true;
    failure_code_ = std::string(code);
    return encoder_->error(code, message);
}

}  // namespace pathwise::upstream
