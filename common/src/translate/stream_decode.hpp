// stream_decode.hpp — what the stream decoders share: framing into messages (SSE events by default),
// numbered error messages, warnings listed once, and the end-of-stream rules of stream.hpp.
//
// A decoder derives from FramedDecoder and says what one message means (on_message) and what the body's end
// means (on_body_end). Private to the stream decoders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"
#include "pathwise/translate/sse_reader.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {

[[nodiscard]] std::unique_ptr<StreamDecoder> make_openai_chat_stream_decoder();
[[nodiscard]] std::unique_ptr<StreamDecoder> make_anthropic_stream_decoder();
[[nodiscard]] std::unique_ptr<StreamDecoder> make_gemini_stream_decoder();
[[nodiscard]] std::unique_ptr<StreamDecoder> make_openai_responses_stream_decoder();

[[nodiscard]] StreamEvent start_event(std::string id, std::string model, std::optional<std::int64_t> input_tokens);
[[nodiscard]] StreamEvent text_event(std::string text);
[[nodiscard]] StreamEvent tool_call_event(std::size_t index, std::string id, std::string name);
[[nodiscard]] StreamEvent tool_arguments_event(std::size_t index, std::string json_text);

// An error object inside a stream as an Error: `code` from the first of `code_keys` that holds a string or a
// number, `message` from "message"; an error that is a bare string is its message.
[[nodiscard]] Error upstream_error(const Json& error, std::initializer_list<std::string_view> code_keys);

class FramedDecoder : public StreamDecoder {
public:
    [[nodiscard]] Result<bool> feed(std::string_view bytes, std::vector<StreamEvent>& events) final;
    [[nodiscard]] Result<bool> finish(std::vector<StreamEvent>& events) final;
    [[nodiscard]] std::vector<Warning> warnings() const final { return warnings_; }

protected:
    // One framed message (an SSE event, or a JSON array's element with an empty type).
    [[nodiscard]] virtual Result<bool> on_message(const SseEvent& message, std::vector<StreamEvent>& events) = 0;
    // The body is over and neither a finish nor an error event was produced: emit the finish the protocol
    // allows without its end marker, or fail "truncated" (truncated() below).
    [[nodiscard]] virtual Result<bool> on_body_end(std::vector<StreamEvent>& events) = 0;
    // Bytes → messages; SSE unless a decoder overrides both.
    [[nodiscard]] virtual Result<bool> frame(std::string_view bytes, std::vector<SseEvent>& messages);
    virtual void frame_end(std::vector<SseEvent>& messages);

    // The message's JSON object; fails naming the message ("event 3: not valid JSON …").
    [[nodiscard]] Result<Json> parse_message(std::string_view data) const;
    // A reader's error, named by the message it came from.
    [[nodiscard]] Error message_error(const Error& error) const;
    [[nodiscard]] Error message_error(std::string_view code, std::string_view message) const;
    [[nodiscard]] static Error truncated(std::string_view what_is_missing);

    // The last events of a stream: after either one, the rest of the body is ignored.
    void emit_finish(std::vector<StreamEvent>& events, StopReason reason, std::string stop_sequence, Usage usage);
    void emit_error(std::vector<StreamEvent>& events, std::string code, std::string message);

    // Each (field, message) once, however many chunks carried it.
    void warn(std::string field, std::string message);
    void warn_all(std::vector<Warning> list);

    std::string message_noun_ = "event";  // "element" for Gemini's JSON array

private:
    SseReader sse_;
    std::vector<Warning> warnings_;
    std::size_t message_number_ = 0;  // of the message being handled, from 1
    bool ended_ = false;              // a finish or an error event was produced
};

}  // namespace pathwise::translate
