// websocket.cpp — see websocket.hpp. Section numbers are RFC 6455's.
#include "http/websocket.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>

namespace pathwise::http::websocket {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kHandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";  // §1.3
constexpr std::size_t kMaxControlPayload = 125;                                      // §5.5

bool is_control(Opcode opcode) {
    return (static_cast<std::uint8_t>(opcode) & 0x8U) != 0;
}

bool is_known(std::uint8_t opcode) {
    return opcode <= 2 || (opcode >= 8 && opcode <= 10);
}

// How many bytes a UTF-8 sequence starting with `lead` has, 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// The second byte's range for the leads whose range is narrower than 80..BF (overlongs, surrogates, > U+10FFFF).
bool second_byte_fits(unsigned char lead, unsigned char second) {
    if (lead == 0xE0) return second >= 0xA0;
    if (lead == 0xED) return second <= 0x9F;
    if (lead == 0xF0) return second >= 0x90;
    if (lead == 0xF4) return second <= 0x8F;
    return true;
}

bool wait_readable(int sock, int wake_fd, Clock::time_point deadline) {
    std::array<pollfd, 2> waiting{{{sock, POLLIN, 0}, {wake_fd, POLLIN, 0}}};
    for (;;) {
        const auto now = Clock::now();
        if (now >= deadline) return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        const int ready =
            ::poll(waiting.data(), wake_fd >= 0 ? 2 : 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
        if (ready < 0 && errno != EINTR) return false;
        if (ready > 0) return (waiting[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    }
}

}  // namespace

std::string accept_key(std::string_view client_key) {
    std::string input(client_key);
    input.append(kHandshakeGuid);
    std::array<unsigned char, SHA_DIGEST_LENGTH> digest{};
    unsigned int digest_size = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &digest_size, EVP_sha1(), nullptr);
    std::array<unsigned char, 4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1> encoded{};
    const int length = EVP_EncodeBlock(encoded.data(), digest.data(), static_cast<int>(digest_size));
    return {reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(length)};  // NOLINT: bytes
}

std::string encode_frame(Opcode opcode, std::string_view payload) {
    std::string frame;
    frame.reserve(payload.size() + 10);
    frame.push_back(static_cast<char>(0x80U | static_cast<std::uint8_t>(opcode)));
    const std::uint64_t size = payload.size();
    if (size < 126) {
        frame.push_back(static_cast<char>(size));
    } else if (size <= 0xFFFF) {
        frame.push_back(static_cast<char>(126));
        frame.push_back(static_cast<char>((size >> 8) & 0xFFU));
        frame.push_back(static_cast<char>(size & 0xFFU));
    } else {
        frame.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8) frame.push_back(static_cast<char>((size >> shift) & 0xFFU));
    }
    frame.append(payload);
    return frame;
}

std::string close_payload(std::uint16_t code, std::string_view reason) {
    std::string payload;
    payload.push_back(static_cast<char>(code >> 8));
    payload.push_back(static_cast<char>(code & 0xFFU));
    std::size_t room = kMaxControlPayload - payload.size();
    if (reason.size() > room) {
        // Cut on a character boundary, so the reason stays UTF-8.
        while (room > 0 && (static_cast<unsigned char>(reason[room]) & 0xC0U) == 0x80U) --room;
        reason = reason.substr(0, room);
    }
    payload.append(reason);
    return payload;
}

bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = sequence_length(lead);
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0U) != 0x80U || (k == 1 && !second_byte_fits(lead, next))) return false;
        }
        i += length;
    }
    return true;
}

MessageReader::Status MessageReader::fail(std::uint16_t code, std::string reason) {
    error_ = {code, std::move(reason)};
    return Status::error;
}

// §5.2: FIN, RSV1-3, opcode; MASK, payload length (7 bits, or 16 or 64 after it); the masking key; the payload.
MessageReader::Status MessageReader::next_frame(Frame& out) {
    const std::string_view bytes = std::string_view(buffer_).substr(begin_);
    if (bytes.size() < 2) return Status::need_more;
    const auto first = static_cast<std::uint8_t>(bytes[0]);
    const auto second = static_cast<std::uint8_t>(bytes[1]);
    if ((first & 0x70U) != 0)
        return fail(close_code::protocol_error, "a reserved bit is set (no extension was agreed)");
    const std::uint8_t opcode = first & 0x0FU;
    if (!is_known(opcode)) return fail(close_code::protocol_error, "unknown opcode " + std::to_string(opcode));
    if ((second & 0x80U) == 0) return fail(close_code::protocol_error, "a client frame is not masked");
    std::uint64_t size = second & 0x7FU;
    std::size_t header = 2;
    if (size >= 126) {
        const std::size_t extra = size == 126 ? 2 : 8;
        if (bytes.size() < header + extra) return Status::need_more;
        size = 0;
        for (std::size_t k = 0; k < extra; ++k) size = (size << 8) | static_cast<std::uint8_t>(bytes[header + k]);
        header += extra;
    }
    const bool fin = (first & 0x80U) != 0;
    const auto kind = static_cast<Opcode>(opcode);
    if (is_control(kind) && (!fin || size > kMaxControlPayload)) {
        return fail(close_code::protocol_error, "a control frame is fragmented or longer than 125 bytes");
    }
    const std::size_t partial_size = partial_ ? partial_->payload.size() : 0;
    if (size > max_message_bytes_ - std::min(max_message_bytes_, partial_size)) {
        return fail(close_code::too_big, "a message is larger than " + std::to_string(max_message_bytes_) + " bytes");
    }
    constexpr std::size_t kMaskBytes = 4;
    if (bytes.size() < header + kMaskBytes + size) return Status::need_more;
    const std::string_view mask = bytes.substr(header, kMaskBytes);
    const std::string_view masked = bytes.substr(header + kMaskBytes, static_cast<std::size_t>(size));
    out.fin = fin;
    out.opcode = kind;
    out.payload.resize(masked.size());
    for (std::size_t k = 0; k < masked.size(); ++k) {
        out.payload[k] =
            static_cast<char>(static_cast<unsigned char>(masked[k]) ^ static_cast<unsigned char>(mask[k % kMaskBytes]));
    }
    begin_ += header + kMaskBytes + masked.size();
    if (begin_ == buffer_.size()) {
        buffer_.clear();
        begin_ = 0;
    }
    return Status::message;
}

// §5.4: a message is a first frame (text or binary) and continuations up to FIN; control frames may come between.
MessageReader::Status MessageReader::next(Message& out) {
    for (;;) {
        Frame frame;
        const Status status = next_frame(frame);
        if (status != Status::message) return status;
        if (is_control(frame.opcode)) {
            out = {frame.opcode, std::move(frame.payload)};
            return Status::message;
        }
        if (frame.opcode == Opcode::continuation) {
            if (!partial_)
                return fail(close_code::protocol_error, "a continuation frame without a message to continue");
            partial_->payload.append(frame.payload);
        } else {
            if (partial_) return fail(close_code::protocol_error, "a new message began before the last one ended");
            partial_ = Message{frame.opcode, std::move(frame.payload)};
        }
        if (!frame.fin) continue;
        out = std::move(*partial_);
        partial_.reset();
        if (out.opcode == Opcode::text && !is_utf8(out.payload)) {
            return fail(close_code::invalid_payload, "a text message is not valid UTF-8");
        }
        return Status::message;
    }
}

// ---------------------------------------------------------------- the connection

Connection::Connection(TakenConnection& taken, std::size_t max_message_bytes)
    : taken_(taken), reader_(max_message_bytes) {
    reader_.feed(taken_.early_bytes);
    taken_.early_bytes.clear();
}

bool Connection::send_frame(Opcode opcode, std::string_view payload) {
    if (!open_) return false;
    const std::string frame = encode_frame(opcode, payload);
    std::size_t sent = 0;
    while (sent < frame.size()) {
        const ssize_t n = ::send(taken_.sock, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            open_ = false;
            end_reason_ = "the client left";
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool Connection::send_text(std::string_view text) {
    return send_frame(Opcode::text, text);
}

bool Connection::send_ping() {
    return send_frame(Opcode::ping, "");
}

void Connection::close(std::uint16_t code, std::string_view reason) {
    if (!open_) return;
    (void)send_frame(Opcode::close, close_payload(code, reason));
    open_ = false;
    if (end_reason_.empty()) end_reason_ = std::string(reason);
}

bool Connection::writable() const {
    if (!open_) return false;
    pollfd state{taken_.sock, POLLOUT, 0};
    if (::poll(&state, 1, 0) < 0) return false;
    if ((state.revents & (POLLHUP | POLLERR)) != 0) return false;
    // Readable with nothing to read is the client's FIN.
    std::array<char, 1> probe{};
    const ssize_t peeked = ::recv(taken_.sock, probe.data(), probe.size(), MSG_PEEK | MSG_DONTWAIT);
    return peeked != 0;
}

bool Connection::receive_into_reader(Clock::time_point deadline) {
    if (!wait_readable(taken_.sock, taken_.wake_fd, deadline)) {
        if (taken_.draining != nullptr && taken_.draining->load()) {
            close(close_code::going_away, "the server is shutting down");
        } else if (Clock::now() >= deadline) {
            timed_out_ = true;
        } else {
            open_ = false;
            end_reason_ = "the connection failed";
        }
        return false;
    }
    std::array<char, std::size_t{16} * 1024> chunk{};
    ssize_t received = 0;
    do {
        received = ::recv(taken_.sock, chunk.data(), chunk.size(), 0);
    } while (received < 0 && errno == EINTR);
    if (received <= 0) {
        open_ = false;
        end_reason_ = "the client left without a close frame";
        return false;
    }
    reader_.feed(std::string_view(chunk.data(), static_cast<std::size_t>(received)));
    return true;
}

std::optional<Message> Connection::read_message(Clock::time_point deadline) {
    timed_out_ = false;
    while (open_) {
        Message message;
        const auto status = reader_.next(message);
        if (status == MessageReader::Status::error) {
            close(reader_.error().code, reader_.error().reason);
            return std::nullopt;
        }
        if (status == MessageReader::Status::need_more) {
            if (!receive_into_reader(deadline)) return std::nullopt;
            continue;
        }
        switch (message.opcode) {
            case Opcode::ping:
                (void)send_frame(Opcode::pong, message.payload);
                break;
            case Opcode::pong:
                break;
            case Opcode::close: {
                const std::uint16_t code =
                    message.payload.size() >= 2
                        ? static_cast<std::uint16_t>((static_cast<unsigned char>(message.payload[0]) << 8) |
                                                     static_cast<unsigned char>(message.payload[1]))
                        : close_code::normal;
                end_reason_ = "the client closed (" + std::to_string(code) + ")";
                close(code == 1005 || code == 1006 || code == 1015 ? close_code::normal : code, "");  // §5.5.1
                return std::nullopt;
            }
            default:
                return message;
        }
    }
    return std::nullopt;
}

}  // namespace pathwise::http::websocket
