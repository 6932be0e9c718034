// sse_reader.hpp — server-sent events framed incrementally from bytes that may be split anywhere.
//
//   SseReader sse;
//   std::vector<SseEvent> out;
//   if (auto fed = sse.feed("event: ping\ndata: {}\n\n", out); !fed) …   // out == {{"ping", "{}"}}
//
// The WHATWG rules (html.spec.whatwg.org, "Parsing an event stream"): a line ends in \n, \r\n or \r; `field:
// value` with one leading space of the value removed; data lines joined by \n; a line starting with ':' is a
// comment; a blank line dispatches the event (one without data is not dispatched). `id` and `retry` mean nothing
// to a translation and are ignored. Used by the stream decoders and by the Responses WebSocket bridge.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"

namespace pathwise::translate {

struct SseEvent {
    std::string type;  // the `event:` field; "" when the event named none (the spec's "message")
    std::string data;
};

class SseReader {
public:
    static constexpr std::size_t kDefaultMaxEventBytes = std::size_t{16} << 20U;

    // An event still incomplete after `max_event_bytes` fails "too_large": an upstream cannot make us hold
    // an unbounded event.
    explicit SseReader(std::size_t max_event_bytes = kDefaultMaxEventBytes) : max_event_bytes_(max_event_bytes) {}

    // Appends the events completed by `bytes`.
    [[nodiscard]] Result<bool> feed(std::string_view bytes, std::vector<SseEvent>& out);
    // The body is over: a last line without its end, and a last event without its blank line, are dispatched
    // (the spec drops them; upstreams that close right after their last `data:` line exist).
    void finish(std::vector<SseEvent>& out);

private:
    void take_line(std::string_view line, std::vector<SseEvent>& out);
    void dispatch(std::vector<SseEvent>& out);

    std::size_t max_event_bytes_;
    std::string line_;  // the current line, before its end
    std::string type_;  // the current event's fields
    std::string data_;
    bool has_data_ = false;
    bool after_cr_ = false;      // the last byte was \r: a \n right after it ends nothing
    bool at_body_start_ = true;  // a UTF-8 byte order mark may start the stream
};

}  // namespace pathwise::translate
