// stream_decode_gemini.cpp — a Gemini streamGenerateContent body → StreamEvents.
//
// Wire format: ai.google.dev/api/generate-content#method:-models.streamgeneratecontent. Each chunk is a whole
// GenerateContentResponse; with ?alt=sse each is one `data:` event, without it they are the elements of one
// JSON array (`[{…}\r\n,{…}]`). The first non-blank byte tells which. Gemini has no end marker: the finishReason
// and usageMetadata of the last chunks are held and the finish event is made at the body's end. A function
// call arrives whole, so it becomes a tool_call and one tool_arguments with its args; ids Gemini does not give
// are made up (call_1, call_2, …) as the answer decoder does.
#include "codecs.hpp"
#include "json_array_reader.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_decode.hpp"

namespace pathwise::translate {
namespace {

class GeminiStreamDecoder final : public FramedDecoder {
protected:
    Result<bool> frame(std::string_view bytes, std::vector<SseEvent>& messages) override {
        if (form_ == Form::unknown) {
            const std::size_t first = bytes.find_first_not_of(" \t\r\n");
            if (first == std::string_view::npos) return true;  // blank so far: either form may follow
            bytes.remove_prefix(first);
            form_ = bytes.front() == '[' || bytes.front() == '{' ? Form::json_array : Form::sse;
            if (form_ == Form::json_array) message_noun_ = "element";
        }
        if (form_ == Form::sse) return FramedDecoder::frame(bytes, messages);
        std::vector<std::string> elements;
        auto fed = array_.feed(bytes, elements);
        for (auto& element : elements) messages.push_back(SseEvent{"", std::move(element)});
        return fed;
    }

    void frame_end(std::vector<SseEvent>& messages) override {
        if (form_ == Form::sse) FramedDecoder::frame_end(messages);
    }

    Result<bool> on_message(const SseEvent& message, std::vector<StreamEvent>& events) override {
        auto parsed = parse_message(message.data);
        if (!parsed) return parsed.error();
        const Json& chunk = *parsed;
        if (const Json* error = JsonReader::member(chunk, "error")) {
            Error upstream = upstream_error(*error, {"status", "code"});
            emit_error(events, std::move(upstream.code), std::move(upstream.message));
            return true;
        }
        JsonReader in;
        if (const Json* usage = in.object(chunk, key_of(chunk, "usageMetadata"), "")) {
            usage_ = read_gemini_usage(in, *usage, "usageMetadata");
        }
        if (!started_) {
            started_ = true;
            events.push_back(start_event(in.string(chunk, key_of(chunk, "responseId"), "").value_or(""),
                                         in.string(chunk, key_of(chunk, "modelVersion"), "").value_or(""),
                                         usage_.input_tokens));
        }
        const Json* candidates = in.array(chunk, "candidates", "");
        if (candidates != nullptr && !candidates->empty()) {
            if (candidates->size() > 1) warn("candidates", "only the first of several candidates is translated");
            read_candidate(in, (*candidates)[0], events);
        } else if (const Json* feedback = in.object(chunk, key_of(chunk, "promptFeedback"), "")) {
            if (JsonReader::member(*feedback, key_of(*feedback, "blockReason")) != nullptr) {
                blocked_ = true;
                warn("promptFeedback", "the prompt was blocked: sent as a content-filter stop");
            }
        }
        if (in.failed()) return message_error(in.error());
        return true;
    }

    Result<bool> on_body_end(std::vector<StreamEvent>& events) override {
        if (blocked_) {
            emit_finish(events, StopReason::content_filter, "", usage_);
            return true;
        }
        if (!finish_reason_) return truncated("before any finishReason");
        const StopReason reason = from_gemini_finish_reason(*finish_reason_, calls_ > 0);
        if (reason == StopReason::unknown) {
            warn("candidates[0].finishReason", "unknown finishReason '" + *finish_reason_ + "'");
        }
        emit_finish(events, reason, "", usage_);
        return true;
    }

private:
    enum class Form : unsigned char { unknown, sse, json_array };

    void read_candidate(JsonReader& in, const Json& candidate, std::vector<StreamEvent>& events) {
        if (!in.expect_object(candidate, "candidates[0]")) return;
        const Json* content = in.object(candidate, "content", "candidates[0]");
        // A candidate stopped for safety, or a last chunk with only the finishReason, may have no parts.
        if (content != nullptr && JsonReader::member(*content, "parts") != nullptr) {
            std::vector<Part> parts;
            WarningList dropped;
            read_gemini_parts(in, dropped, *content, "candidates[0].content", parts, call_ids_);
            warn_all(dropped.take());
            for (auto& part : parts) add_part(in, std::move(part), events);
        }
        if (auto finish = in.string(candidate, key_of(candidate, "finishReason"), "candidates[0]")) {
            finish_reason_ = std::move(finish);
        }
    }

    void add_part(JsonReader& in, Part part, std::vector<StreamEvent>& events) {
        switch (part.kind) {
            case PartKind::text:
                if (!part.text.text.empty()) events.push_back(text_event(std::move(part.text.text)));
                break;
            case PartKind::tool_call: {
                const std::size_t index = calls_++;
                events.push_back(tool_call_event(index, std::move(part.tool_call.id), std::move(part.tool_call.name)));
                events.push_back(tool_arguments_event(index, std::move(part.tool_call.arguments_json)));
                break;
            }
            case PartKind::image:
                warn("candidates[0].content.parts", "an image in a streamed answer cannot be carried: dropped");
                break;
            case PartKind::tool_result:
                in.fail("untranslatable", "candidates[0].content.parts", "an answer cannot hold a functionResponse");
                break;
        }
    }

    Form form_ = Form::unknown;
    JsonArrayReader array_{SseReader::kDefaultMaxEventBytes};
    bool started_ = false;
    bool blocked_ = false;
    CallLinker call_ids_;
    std::size_t calls_ = 0;
    std::optional<std::string> finish_reason_;
    Usage usage_;
};

}  // namespace

std::unique_ptr<StreamDecoder> make_gemini_stream_decoder() {
    return std::make_unique<GeminiStreamDecoder>();
}

}  // namespace pathwise::translate
