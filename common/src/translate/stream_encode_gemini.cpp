// stream_encode_gemini.cpp — events → streamGenerateContent's GenerateContentResponse elements, as server-sent
// events (?alt=sse) or as one JSON array (without it).
//
// Google ends each event with "\r\n\r\n" (`data: {…}\r\n\r\n`). @google/genai and @google/generative-ai split
// on "\n\n", "\r\r" or "\r\n\r\n"; the older @google-cloud/vertexai reads `data: (.*)\r\n` and so needs the
// CRLF: "\r\n\r\n" is the one ending every client parses.
#include <optional>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_encoders.hpp"

namespace pathwise::translate {
namespace {

constexpr std::string_view kNewline = "\r\n";

class GeminiStreamEncoder final : public StreamEncoderBase {
public:
    explicit GeminiStreamEncoder(const StreamEncodeOptions& options) : json_array_(options.gemini_json_array) {}

private:
    std::string encode_event(const StreamEvent& event) override {
        switch (event.kind) {
            case StreamEventKind::start:
                start_.remember(event);
                return "";
            case StreamEventKind::text: {
                if (event.text.empty()) return "";
                std::string out = flush_call();
                if (closed()) return out;
                return out + element(response(content_candidate(Json{{"text", event.text}})));
            }
            case StreamEventKind::tool_call: {
                std::string out = flush_call();
                if (closed()) return out;
                pending_call_ = event.tool_call;
                pending_call_->arguments_json.clear();
                pending_index_ = event.index;
                return out;
            }
            case StreamEventKind::tool_arguments:
                return hold_arguments(event);
            case StreamEventKind::finish: {
                std::string out = flush_call();
                if (closed()) return out;
                return out + element(finish_response(event));
            }
            case StreamEventKind::error:
                break;  // StreamEncoderBase writes it
        }
        return "";
    }

    // A call still held when the stream ends without a finish is dropped: the stream was cut short anyway.
    std::string end_bytes() override {
        if (!json_array_) return "";
        return elements_ == 0 ? "[]" : "]";
    }

    // The error object of Gemini's error bodies; the upstream's error type has no place in it.
    std::string error_bytes(std::string_view /*code*/, std::string_view message) override {
        pending_call_.reset();
        Json body = {{"error", {{"code", 500}, {"message", message}, {"status", "INTERNAL"}}}};
        std::string out = element(body);
        return json_array_ ? out + "]" : out;
    }

    std::string hold_arguments(const StreamEvent& event) {
        if (event.text.empty()) return "";
        if (!pending_call_ || pending_index_ != event.index) {
            return error("untranslatable", "tool call " + std::to_string(event.index) +
                                               ": its arguments arrived after the call was sent whole");
        }
        pending_call_->arguments_json += event.text;
        return "";
    }

    // Gemini sends a call whole, its `args` an object: the arguments are held until the call is complete, and
    // arguments that are not a JSON object end the stream (as encode_response refuses them).
    std::string flush_call() {
        if (!pending_call_) return "";
        auto part = gemini_function_call_part(*pending_call_);
        pending_call_.reset();
        if (!part) return error(part.error().code, part.error().message);
        return element(response(content_candidate(std::move(part).value())));
    }

    static Json content_candidate(Json part) {
        return Json{{"content", {{"role", "model"}, {"parts", Json::array({std::move(part)})}}}, {"index", 0}};
    }

    Json response(Json candidate) const {
        Json body = {{"candidates", Json::array({std::move(candidate)})}};
        if (!start_.model.empty()) body["modelVersion"] = start_.model;
        if (!start_.id.empty()) body["responseId"] = start_.id;
        return body;
    }

    // No content: Google's own last chunk may carry none either (a SAFETY stop), so clients accept it.
    Json finish_response(const StreamEvent& event) const {
        Json body = response(Json{{"finishReason", to_gemini_finish_reason(event.stop_reason)}, {"index", 0}});
        const Usage usage = start_.final_usage(event.usage);
        if (usage_known(usage)) body["usageMetadata"] = gemini_usage_metadata(usage);
        return body;
    }

    std::string element(const Json& body) {
        ++elements_;
        if (!json_array_) return sse_event("", body, kNewline);
        return (elements_ == 1 ? "[" : ",\r\n") + dump_json(body);
    }

    bool json_array_;
    StreamStart start_;
    std::optional<ToolCall> pending_call_;
    std::size_t pending_index_ = 0;
    std::size_t elements_ = 0;
};

}  // namespace

std::unique_ptr<StreamEncoder> make_gemini_stream_encoder(const StreamEncodeOptions& options) {
    return std::make_unique<GeminiStreamEncoder>(options);
}

}  // namespace pathwise::translate
