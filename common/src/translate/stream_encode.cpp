// stream_encode.cpp — make_stream_encoder's dispatch and the parts the stream encoders share.
#include "stream_encoders.hpp"

namespace pathwise::translate {

std::unique_ptr<StreamEncoder> make_stream_encoder(Protocol to, const StreamEncodeOptions& options) {
    switch (to) {
        case Protocol::openai_chat:
            return make_openai_chat_stream_encoder(options);
        case Protocol::anthropic:
            return make_anthropic_stream_encoder();
        case Protocol::gemini:
            return make_gemini_stream_encoder(options);
        case Protocol::openai_responses:
            return make_openai_responses_stream_encoder(options);
    }
    return make_openai_chat_stream_encoder(options);
}

std::string sse_event(std::string_view name, const Json& data, std::string_view newline) {
    std::string out;
    if (!name.empty()) {
        out += "event: ";
        out += name;
        out += newline;
    }
    out += "data: ";
    out += dump_json(data);
    out += newline;
    out += newline;
    return out;
}

void StreamStart::remember(const StreamEvent& start) {
    id = start.id;
    model = start.model;
    input_tokens = start.usage.input_tokens;
}

Usage StreamStart::final_usage(const Usage& finish) const {
    Usage usage = finish;
    if (!usage.input_tokens) usage.input_tokens = input_tokens;
    return usage;
}

std::string StreamEncoderBase::encode(const StreamEvent& event) {
    if (closed_) return "";
    if (event.kind == StreamEventKind::error) return error(event.error.code, event.error.message);
    return encode_event(event);
}

std::string StreamEncoderBase::end() {
    if (closed_) return "";
    closed_ = true;
    return end_bytes();
}

std::string StreamEncoderBase::error(std::string_view code, std::string_view message) {
    if (closed_) return "";
    closed_ = true;
    return error_bytes(code, message);
}

}  // namespace pathwise::translate
