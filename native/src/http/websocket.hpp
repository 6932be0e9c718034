// websocket.hpp — the server side of RFC 6455, small enough to read: the handshake's accept key, a frame
// reader that takes bytes as they arrive (split anywhere), whole messages out of fragments, and a blocking
// connection over a socket that GuardedServer::take_over() handed us.
//
//   http::websocket::accept_key("dGhlIHNhbXBsZSBub25jZQ==")   // "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" (RFC 6455 §1.3)
//   WebSocketConnection ws(taken, limits);
//   ws.send_text(R"({"type":"response.created"})");
//   auto message = ws.read_message(deadline);                  // pings answered, fragments joined, close echoed
//
// Why not a library (docs/translation.md "Responses over WebSocket"): the socket belongs to cpp-httplib's
// connection loop, and the maintained Debian libraries (libwebsockets, websocketpp, Boost.Beast) each want to own
// the accept and I/O loop. Serving one upgraded connection needs only framing; SHA-1 and base64 come from
// OpenSSL, which the program links already. No extension is negotiated (permessage-deflate is declined), so
// every frame with a reserved bit set is an error.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/guarded_server.hpp"

namespace pathwise::http::websocket {

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key: base64(SHA-1(key + the RFC's GUID)).
[[nodiscard]] std::string accept_key(std::string_view client_key);

enum class Opcode : std::uint8_t { continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10 };

// Close codes this side sends (RFC 6455 §7.4.1).
namespace close_code {
inline constexpr std::uint16_t normal = 1000;
inline constexpr std::uint16_t going_away = 1001;
inline constexpr std::uint16_t protocol_error = 1002;
inline constexpr std::uint16_t unsupported_data = 1003;
inline constexpr std::uint16_t invalid_payload = 1007;
inline constexpr std::uint16_t too_big = 1009;
inline constexpr std::uint16_t internal_error = 1011;
}  // namespace close_code

// One server-to-client frame: never masked (§5.1), FIN set.
[[nodiscard]] std::string encode_frame(Opcode opcode, std::string_view payload);
// A close frame's payload: the code in network order, then the reason (cut to fit the 125-byte control frame).
[[nodiscard]] std::string close_payload(std::uint16_t code, std::string_view reason);

struct Frame {
    bool fin = true;
    Opcode opcode = Opcode::text;
    std::string payload;  // unmasked
};

// A message, or a control frame (ping, pong, close) that arrived between fragments.
struct Message {
    Opcode opcode = Opcode::text;  // text, binary, ping, pong or close
    std::string payload;
};

// What went wrong in the client's bytes: the close code to answer with and why, for the close frame and the log.
struct FrameError {
    std::uint16_t code = close_code::protocol_error;
    std::string reason;
};

// Client-to-server frames from bytes in any split: feed() what arrived, then take messages until none is left.
// Client frames must be masked (§5.1); a message larger than `max_message_bytes` is refused with 1009; text
// must be UTF-8 (1007).
class MessageReader {
public:
    explicit MessageReader(std::size_t max_message_bytes) : max_message_bytes_(max_message_bytes) {}
    void feed(std::string_view bytes) { buffer_.append(bytes); }
    // A whole message, nothing yet (wait for more bytes), or the error that ends the connection.
    enum class Status { message, need_more, error };
    Status next(Message& out);
    [[nodiscard]] const FrameError& error() const { return error_; }

private:
    Status next_frame(Frame& out);
    Status fail(std::uint16_t code, std::string reason);

    std::size_t max_message_bytes_;
    std::string buffer_;
    std::size_t begin_ = 0;           // bytes of buffer_ already taken
    std::optional<Message> partial_;  // a text or binary message whose last fragment has not arrived
    FrameError error_;
};

[[nodiscard]] bool is_utf8(std::string_view text);

// A WebSocket over a socket that take_over() handed to a session. Blocking; one thread (the connection's).
class Connection {
public:
    Connection(TakenConnection& taken, std::size_t max_message_bytes);

    // The next text or binary message. Pings are answered and pongs dropped on the way. Nothing when the deadline
    // passes (`timed_out()`), the server drains, or the connection ends (a close frame, which is echoed; the
    // client leaving; bad framing, answered with a close frame).
    std::optional<Message> read_message(std::chrono::steady_clock::time_point deadline);
    bool send_text(std::string_view text);
    bool send_ping();
    // Sends a close frame once; the connection is over for reading and writing after it.
    void close(std::uint16_t code, std::string_view reason);

    [[nodiscard]] bool open() const { return open_; }
    [[nodiscard]] bool timed_out() const { return timed_out_; }
    // Why the connection ended, for the log: "client closed (1000)", "server shutting down", a framing error.
    [[nodiscard]] const std::string& end_reason() const { return end_reason_; }
    // For a stream in progress: is the client still there to be written to?
    [[nodiscard]] bool writable() const;

private:
    bool send_frame(Opcode opcode, std::string_view payload);
    bool receive_into_reader(std::chrono::steady_clock::time_point deadline);

    TakenConnection& taken_;
    MessageReader reader_;
    bool open_ = true;
    bool timed_out_ = false;
    std::string end_reason_;
};

}  // namespace pathwise::http::websocket
