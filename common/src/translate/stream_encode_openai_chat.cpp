// stream_encode_openai_chat.cpp — events → OpenAI chat.completion.chunk events, as `stream: true` sends them.
//
// Shapes: platform.openai.com/docs/api-reference/chat-streaming (the chunk object) and openai-node's Stream,
// which raises an APIError for a `data: {"error": …}` event and stops at `data: [DONE]`.
#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_encoders.hpp"

namespace pathwise::translate {
namespace {

class OpenAiChatStreamEncoder final : public StreamEncoderBase {
public:
    explicit OpenAiChatStreamEncoder(const StreamEncodeOptions& options) : created_(options.created) {}

private:
    std::string encode_event(const StreamEvent& event) override {
        switch (event.kind) {
            case StreamEventKind::start:
                start_.remember(event);
                if (start_.id.empty()) start_.id = kOpenAiChatDefaultId;
                return "";
            case StreamEventKind::text:
                if (event.text.empty()) return "";
                return choice_chunk(Json{{"content", event.text}}, nullptr);
            case StreamEventKind::tool_call:
                return choice_chunk(
                    tool_calls_delta(Json{{"index", event.index},
                                          {"id", event.tool_call.id},
                                          {"type", "function"},
                                          {"function", {{"name", event.tool_call.name}, {"arguments", ""}}}}),
                    nullptr);
            case StreamEventKind::tool_arguments:
                if (event.text.empty()) return "";
                return choice_chunk(
                    tool_calls_delta(Json{{"index", event.index}, {"function", {{"arguments", event.text}}}}), nullptr);
            case StreamEventKind::finish:
                return finish_chunks(event);
            case StreamEventKind::error:
                break;  // StreamEncoderBase writes it
        }
        return "";
    }

    std::string end_bytes() override { return "data: [DONE]\n\n"; }

    std::string error_bytes(std::string_view code, std::string_view message) override {
        // The error object of OpenAI's error bodies; openai-node raises it as an APIError mid-stream.
        Json details = {{"message", message},
                        {"type", code.empty() ? std::string_view("server_error") : code},
                        {"param", nullptr},
                        {"code", nullptr}};
        return sse_event("", Json{{"error", std::move(details)}});
    }

    static Json tool_calls_delta(Json call) { return Json{{"tool_calls", Json::array({std::move(call)})}}; }

    Json chunk(Json choices) const {
        return Json{{"id", start_.id},
                    {"object", "chat.completion.chunk"},
                    {"created", created_},
                    {"model", start_.model},
                    {"choices", std::move(choices)}};
    }

    // openai-node's ChatCompletionStream refuses a choice whose deltas never said the role, so the first
    // choice chunk carries it, whatever it holds.
    std::string choice_chunk(Json delta, Json finish_reason) {
        if (!role_sent_) delta["role"] = "assistant";
        role_sent_ = true;
        Json choice = {{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", std::move(finish_reason)}};
        return sse_event("", chunk(Json::array({std::move(choice)})));
    }

    // The finish_reason chunk, then the usage chunk as `stream_options.include_usage` sends it (no choice).
    std::string finish_chunks(const StreamEvent& event) {
        std::string out = choice_chunk(Json::object(), Json(to_openai_finish_reason(event.stop_reason)));
        const Usage usage = start_.final_usage(event.usage);
        if (!usage_known(usage)) return out;
        Json body = chunk(Json::array());
        body["usage"] = openai_usage(usage);
        return out + sse_event("", body);
    }

    std::int64_t created_;
    StreamStart start_{std::string(kOpenAiChatDefaultId), "", std::nullopt};
    bool role_sent_ = false;
};

}  // namespace

std::unique_ptr<StreamEncoder> make_openai_chat_stream_encoder(const StreamEncodeOptions& options) {
    return std::make_unique<OpenAiChatStreamEncoder>(options);
}

}  // namespace pathwise::translate
