// stream_decode.cpp — make_stream_decoder's dispatch and the framing every stream decoder shares.
#include "stream_decode.hpp"

#include <algorithm>

#include "codecs.hpp"

namespace pathwise::translate {
std::unique_ptr<StreamDecoder> make_stream_decoder(Protocol from) {
    switch (from) {
        case Protocol::openai_chat:
            return make_openai_chat_stream_decoder();
        case Protocol::anthropic:
            return make_anthropic_stream_decoder();
        case Protocol::gemini:
            return make_gemini_stream_decoder();
        case Protocol::openai_responses:
            return make_openai_responses_stream_decoder();
    }
    return make_openai_chat_stream_decoder();
}

StreamEvent start_event(std::string id, std::string model, std::optional<std::int64_t> input_tokens) {
    StreamEvent event;
    event.kind = StreamEventKind::start;
    event.id = std::move(id);
    event.model = std::move(model);
    event.usage.input_tokens = input_tokens;
    return event;
}

StreamEvent text_event(std::string text) {
    StreamEvent event;
    event.kind = StreamEventKind::text;
    event.text = std::move(text);
    return event;
}

StreamEvent tool_call_event(std::size_t index, std::string id, std::string name) {
    StreamEvent event;
    event.kind = StreamEventKind::tool_call;
    event.index = index;
    event.tool_call.id = std::move(id);
    event.tool_call.name = std::move(name);
    return event;
}

StreamEvent tool_arguments_event(std::size_t index, std::string json_text) {
    StreamEvent event;
    event.kind = StreamEventKind::tool_arguments;
    event.index = index;
    event.text = std::move(json_text);
    return event;
}

Error upstream_error(const Json& error, std::initializer_list<std::string_view> code_keys) {
    if (error.is_string()) return Error{"error", error.get<std::string>()};
    Error out{"error", ""};
    for (const auto key : code_keys) {
        const Json* code = JsonReader::member(error, key);
        if (code == nullptr) continue;
        if (code->is_string() && !code->get_ref<const std::string&>().empty()) {
            out.code = code->get<std::string>();
            break;
        }
        if (code->is_number()) {
            out.code = dump_json(*code);
            break;
        }
    }
    const Json* message = JsonReader::member(error, "message");
    out.message = message != nullptr && message->is_string() ? message->get<std::string>() : dump_json(error);
    return out;
}

Result<bool> FramedDecoder::feed(std::string_view bytes, std::vector<StreamEvent>& events) {
    if (ended_) return true;
    std::vector<SseEvent> messages;
    auto framed = frame(bytes, messages);
    for (const auto& message : messages) {
        if (ended_) break;
        ++message_number_;
        if (auto handled = on_message(message, events); !handled) return handled;
    }
    if (ended_) return true;  // what came after the end, however malformed, is not read
    return framed;
}

Result<bool> FramedDecoder::finish(std::vector<StreamEvent>& events) {
    if (ended_) return true;
    std::vector<SseEvent> messages;
    frame_end(messages);
    for (const auto& message : messages) {
        if (ended_) return true;
        ++message_number_;
        if (auto handled = on_message(message, events); !handled) return handled;
    }
    if (ended_) return true;
    return on_body_end(events);
}

Result<bool> FramedDecoder::frame(std::string_view bytes, std::vector<SseEvent>& messages) {
    return sse_.feed(bytes, messages);
}

void FramedDecoder::frame_end(std::vector<SseEvent>& messages) {
    sse_.finish(messages);
}

Result<Json> FramedDecoder::parse_message(std::string_view data) const {
    auto parsed = parse_body(data);
    if (!parsed) return message_error(parsed.error());
    return parsed;
}

Error FramedDecoder::message_error(const Error& error) const {
    // parse_body and JsonReader name the body ("body: …") or a path in it ("choices[0].delta: …").
    std::string_view message = error.message;
    if (message.rfind("body: ", 0) == 0) message.remove_prefix(6);
    return message_error(error.code, message);
}

Error FramedDecoder::message_error(std::string_view code, std::string_view message) const {
    return Error{std::string(code),
                 "stream " + message_noun_ + " " + std::to_string(message_number_) + ": " + std::string(message)};
}

Error FramedDecoder::truncated(std::string_view what_is_missing) {
    return Error{"truncated",
                 "stream: the upstream's body ended " + std::string(what_is_missing) + " (the answer is incomplete)"};
}

void FramedDecoder::emit_finish(std::vector<StreamEvent>& events, StopReason reason, std::string stop_sequence,
                                Usage usage) {
    StreamEvent event;
    event.kind = StreamEventKind::finish;
    event.stop_reason = reason;
    event.stop_sequence = std::move(stop_sequence);
    event.usage = usage;
    events.push_back(std::move(event));
    ended_ = true;
}

void FramedDecoder::emit_error(std::vector<StreamEvent>& events, std::string code, std::string message) {
    StreamEvent event;
    event.kind = StreamEventKind::error;
    event.error = Error{std::move(code), std::move(message)};
    events.push_back(std::move(event));
    ended_ = true;
}

void FramedDecoder::warn(std::string field, std::string message) {
    Warning warning{std::move(field), std::move(message)};
    if (std::find(warnings_.begin(), warnings_.end(), warning) == warnings_.end()) {
        warnings_.push_back(std::move(warning));
    }
}

void FramedDecoder::warn_all(std::vector<Warning> list) {
    for (auto& warning : list) warn(std::move(warning.field), std::move(warning.message));
}

}  // namespace pathwise::translate
