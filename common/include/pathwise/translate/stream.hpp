// stream.hpp — a streamed answer, translated event by event: a decoder per protocol turns the upstream's bytes
// into protocol-neutral StreamEvents, an encoder per protocol turns those into the bytes its client parses.
//
//   auto decoder = translate::make_stream_decoder(Protocol::openai_chat);   // the upstream speaks OpenAI chunks
//   auto encoder = translate::make_stream_encoder(Protocol::anthropic);     // Claude Code reads message_start …
//   std::vector<StreamEvent> events;
//   if (auto fed = decoder->feed(bytes, events); !fed) return client << encoder->error(fed.error().message);
//   for (const auto& event : events) client << encoder->encode(event);
//   …                                                                       // at the upstream's end:
//   decoder->finish(events);  …  client << encoder->end();
//
// Bytes may be split anywhere (inside a line, an event, a UTF-8 character): a decoder keeps what is incomplete
// for the next feed, and never holds more than one incomplete event. Pure: no I/O, no clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/ir.hpp"

namespace pathwise::translate {

enum class StreamEventKind : unsigned char {
    start,           // first: `id`, `model`, `usage.input_tokens` when the upstream said it up front
    text,            // `text`: more answer text (appended to the current text part)
    tool_call,       // `tool_call.id`, `tool_call.name`: a new tool call begins; `index` counts calls from 0
    tool_arguments,  // `text`: more JSON text of the arguments of call `index`
    finish,          // `stop_reason`, `stop_sequence`, `usage`: the answer is complete (last, but for `end`)
    error,           // `error`: the upstream reported an error inside the stream (Anthropic `event: error`, …)
};

struct StreamEvent {
    StreamEventKind kind = StreamEventKind::text;
    std::string text;
    std::size_t index = 0;                         // tool_call, tool_arguments
    ToolCall tool_call;                            // tool_call: id and name (arguments come as tool_arguments)
    std::string id;                                // start
    std::string model;                             // start
    StopReason stop_reason = StopReason::unknown;  // finish
    std::string stop_sequence;                     // finish
    Usage usage;                                   // start (input tokens), finish (both when known)
    Error error;                                   // error: code = the upstream's error type, message = its text
    bool operator==(const StreamEvent& other) const {
        return kind == other.kind && text == other.text && index == other.index && tool_call == other.tool_call &&
               id == other.id && model == other.model && stop_reason == other.stop_reason &&
               stop_sequence == other.stop_sequence && usage == other.usage && error.code == other.error.code &&
               error.message == other.error.message;
    }
};

// Upstream bytes → events. One per streamed answer.
class StreamDecoder {
public:
    virtual ~StreamDecoder() = default;
    // Appends the events completed by `bytes` to `events`. An error ("malformed_json", "wrong_type",
    // "bad_value", "too_large") means the stream cannot be translated further: the caller ends its client's
    // stream with the encoder's error().
    [[nodiscard]] virtual Result<bool> feed(std::string_view bytes, std::vector<StreamEvent>& events) = 0;
    // The upstream's body is over. Appends what was still held (a last event without its blank line); fails
    // "truncated" when the stream ended before its protocol's end (no finish event was produced).
    [[nodiscard]] virtual Result<bool> finish(std::vector<StreamEvent>& events) = 0;
    // Fields dropped on the way (reasoning deltas, a second choice, …), each listed once.
    [[nodiscard]] virtual std::vector<Warning> warnings() const = 0;
};

struct StreamEncodeOptions {
    bool gemini_json_array = false;  // Gemini without ?alt=sse: one JSON array whose elements arrive one by one
    std::int64_t created = 0;        // OpenAI chunks' `created` (the core has no clock; the proxy sets it)
};

// Events → client bytes. One per streamed answer; events must come in decoder order (start first).
class StreamEncoder {
public:
    virtual ~StreamEncoder() = default;
    // The bytes for one event; may be empty (Gemini sends a tool call whole, so its arguments are held until
    // the call is complete).
    [[nodiscard]] virtual std::string encode(const StreamEvent& event) = 0;
    // The bytes after the last event: OpenAI's "data: [DONE]", the JSON array's "]"; "" for the others.
    [[nodiscard]] virtual std::string end() = 0;
    // An error in the stream, in the shape the protocol's SDKs raise (Anthropic `event: error`, an OpenAI
    // `data: {"error": …}` chunk, a Gemini error object), then the end: nothing may follow it.
    [[nodiscard]] virtual std::string error(std::string_view code, std::string_view message) = 0;
};

[[nodiscard]] std::unique_ptr<StreamDecoder> make_stream_decoder(Protocol from);
[[nodiscard]] std::unique_ptr<StreamEncoder> make_stream_encoder(Protocol to, const StreamEncodeOptions& options = {});

}  // namespace pathwise::translate
