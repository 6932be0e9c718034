// The WebSocket framing (native/src/http/websocket.hpp) against RFC 6455's own examples: the handshake key of
// §1.3 and the frames of §5.7, fed whole, split at every byte and one byte at a time, plus the client mistakes
// a server must refuse with the right close code (§5.1, §5.2, §5.4, §5.5, §8.1).
#include "http/websocket.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pathwise::http::websocket {
namespace {

std::string bytes(std::initializer_list<unsigned> values) {
    std::string out;
    for (const unsigned v : values) out.push_back(static_cast<char>(v));
    return out;
}

// A client frame: FIN + opcode, masked with `mask` (clients must mask, §5.3).
std::string client_frame(unsigned first_byte, const std::string& payload,
                         const std::string& mask = "\x37\xfa\x21\x3d") {
    std::string frame;
    frame.push_back(static_cast<char>(first_byte));
    if (payload.size() < 126) {
        frame.push_back(static_cast<char>(0x80U | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame +=
            bytes({0xFE, static_cast<unsigned>(payload.size() >> 8), static_cast<unsigned>(payload.size() & 0xFF)});
    } else {
        frame.push_back(static_cast<char>(0xFF));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((payload.size() >> shift) & 0xFF));
    }
    frame += mask;
    for (std::size_t i = 0; i < payload.size(); ++i) frame.push_back(static_cast<char>(payload[i] ^ mask[i % 4]));
    return frame;
}

struct Read {
    std::vector<Message> messages;
    bool failed = false;
    FrameError error;
};

Read read_all(const std::vector<std::string>& pieces, std::size_t max_bytes = 1 << 20) {
    MessageReader reader(max_bytes);
    Read out;
    for (const auto& piece : pieces) {
        reader.feed(piece);
        for (;;) {
            Message message;
            const auto status = reader.next(message);
            if (status == MessageReader::Status::need_more) break;
            if (status == MessageReader::Status::error) {
                out.failed = true;
                out.error = reader.error();
                return out;
            }
            out.messages.push_back(message);
        }
    }
    return out;
}

// Every way of cutting `wire` in two, and byte by byte, reads the same as `wire` whole.
void expect_same_in_any_split(const std::string& wire) {
    const Read whole = read_all({wire});
    for (std::size_t cut = 0; cut <= wire.size(); ++cut) {
        const Read split = read_all({wire.substr(0, cut), wire.substr(cut)});
        ASSERT_EQ(split.failed, whole.failed) << "cut at " << cut;
        ASSERT_EQ(split.messages.size(), whole.messages.size()) << "cut at " << cut;
        for (std::size_t i = 0; i < whole.messages.size(); ++i) {
            EXPECT_EQ(split.messages[i].payload, whole.messages[i].payload) << "cut at " << cut;
            EXPECT_EQ(split.messages[i].opcode, whole.messages[i].opcode) << "cut at " << cut;
        }
    }
    std::vector<std::string> single_bytes;
    for (const char c : wire) single_bytes.emplace_back(1, c);
    const Read trickled = read_all(single_bytes);
    ASSERT_EQ(trickled.messages.size(), whole.messages.size());
    for (std::size_t i = 0; i < whole.messages.size(); ++i) {
        EXPECT_EQ(trickled.messages[i].payload, whole.messages[i].payload);
    }
}

TEST(WebSocketHandshake, AcceptKeyIsTheRfcExample) {
    // RFC 6455 §1.3.
    EXPECT_EQ(accept_key("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    // Another nonce; the expected key from coreutils, not from this code:
    //   printf %s 'x3JJHMbDL1EzLkh9GBhXDw==258EAFA5-E914-47DA-95CA-C5AB0DC85B11' | sha1sum | cut -d' ' -f1 | xxd -r -p
    //   | base64
    EXPECT_EQ(accept_key("x3JJHMbDL1EzLkh9GBhXDw=="), "HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
}

TEST(WebSocketFrames, ServerFramesAreTheRfcExamples) {
    // §5.7: "A single-frame unmasked text message" and "Unmasked Ping request".
    EXPECT_EQ(encode_frame(Opcode::text, "Hello"), bytes({0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}));
    EXPECT_EQ(encode_frame(Opcode::ping, "Hello"), bytes({0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}));
    // §5.7: "256 bytes binary message in a single unmasked frame": 0x82 0x7E 0x0100.
    const std::string two_five_six = encode_frame(Opcode::binary, std::string(256, 'x'));
    EXPECT_EQ(two_five_six.substr(0, 4), bytes({0x82, 0x7E, 0x01, 0x00}));
    EXPECT_EQ(two_five_six.size(), 4U + 256U);
    // §5.7: "64KiB binary message in a single unmasked frame": 0x82 0x7F 0x0000000000010000.
    const std::string sixty_four_k = encode_frame(Opcode::binary, std::string(65536, 'x'));
    EXPECT_EQ(sixty_four_k.substr(0, 10), bytes({0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00}));
    // 125 fits the 7-bit length, 126 does not (§5.2).
    EXPECT_EQ(encode_frame(Opcode::text, std::string(125, 'a'))[1], '\x7d');
    EXPECT_EQ(encode_frame(Opcode::text, std::string(126, 'a')).substr(1, 3), bytes({0x7E, 0x00, 0x7E}));
}

TEST(WebSocketFrames, ClosePayloadIsCodeThenReasonCutToFit) {
    EXPECT_EQ(close_payload(1000, "bye"), bytes({0x03, 0xE8, 'b', 'y', 'e'}));
    // A control frame carries at most 125 bytes; a cut never splits a UTF-8 character (é is 2 bytes).
    std::string long_reason;
    for (int i = 0; i < 100; ++i) long_reason += "\xc3\xa9";
    const std::string payload = close_payload(1011, long_reason);
    EXPECT_EQ(payload.size(), 124U);  // 2 code bytes + 61 whole characters; the 62nd would make 126
    EXPECT_TRUE(is_utf8(payload.substr(2)));
}

TEST(WebSocketReader, MaskedHelloIsTheRfcExample) {
    // §5.7: "A single-frame masked text message".
    const std::string wire = bytes({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
    const Read read = read_all({wire});
    ASSERT_FALSE(read.failed);
    ASSERT_EQ(read.messages.size(), 1U);
    EXPECT_EQ(read.messages[0].opcode, Opcode::text);
    EXPECT_EQ(read.messages[0].payload, "Hello");
    expect_same_in_any_split(wire);
}

TEST(WebSocketReader, FragmentsJoinAndControlFramesComeBetween) {
    // §5.7 "A fragmented unmasked text message", masked as a client must send it, with a ping between (§5.4).
    const std::string wire =
        client_frame(0x01, "Hel") + client_frame(0x89, "ping!") + client_frame(0x80, "lo") + client_frame(0x81, "{}");
    const Read read = read_all({wire});
    ASSERT_FALSE(read.failed) << read.error.reason;
    ASSERT_EQ(read.messages.size(), 3U);
    EXPECT_EQ(read.messages[0].opcode, Opcode::ping);
    EXPECT_EQ(read.messages[0].payload, "ping!");
    EXPECT_EQ(read.messages[1].opcode, Opcode::text);
    EXPECT_EQ(read.messages[1].payload, "Hello");
    EXPECT_EQ(read.messages[2].payload, "{}");
    expect_same_in_any_split(wire);
}

TEST(WebSocketReader, SixteenAndSixtyFourBitLengths) {
    const std::string medium(300, 'm');
    const std::string large(70000, 'L');
    const Read read = read_all({client_frame(0x81, medium) + client_frame(0x82, large)});
    ASSERT_FALSE(read.failed) << read.error.reason;
    ASSERT_EQ(read.messages.size(), 2U);
    EXPECT_EQ(read.messages[0].payload, medium);
    EXPECT_EQ(read.messages[1].opcode, Opcode::binary);
    EXPECT_EQ(read.messages[1].payload, large);
}

TEST(WebSocketReader, AnUnmaskedClientFrameIsAProtocolError) {
    // §5.1: "The server MUST close the connection upon receiving a frame that is not masked."
    const Read read = read_all({bytes({0x81, 0x05, 'H', 'e', 'l', 'l', 'o'})});
    ASSERT_TRUE(read.failed);
    EXPECT_EQ(read.error.code, 1002);
    EXPECT_NE(read.error.reason.find("not masked"), std::string::npos);
}

TEST(WebSocketReader, RefusesWhatNoExtensionAllows) {
    // §5.2: a reserved bit without an extension; an unknown opcode (3).
    EXPECT_EQ(read_all({client_frame(0xC1, "x")}).error.code, 1002);
    EXPECT_EQ(read_all({client_frame(0x83, "x")}).error.code, 1002);
    // §5.5: control frames are never fragmented and carry at most 125 bytes.
    EXPECT_EQ(read_all({client_frame(0x09, "x")}).error.code, 1002);
    EXPECT_EQ(read_all({client_frame(0x89, std::string(126, 'p'))}).error.code, 1002);
    // §5.4: a continuation with nothing to continue; a new message inside a fragmented one.
    EXPECT_EQ(read_all({client_frame(0x80, "x")}).error.code, 1002);
    EXPECT_EQ(read_all({client_frame(0x01, "a") + client_frame(0x81, "b")}).error.code, 1002);
}

TEST(WebSocketReader, TooLargeMessagesAreRefusedBeforeTheyArrive) {
    // 1009 "message too big" (§7.4.1), decided from the header: the payload is never buffered.
    const std::string frame = client_frame(0x81, std::string(2000, 'x'));
    const Read read = read_all({frame.substr(0, 8)}, 1000);
    ASSERT_TRUE(read.failed);
    EXPECT_EQ(read.error.code, 1009);
    // The limit is on the message, across its fragments.
    const Read fragmented =
        read_all({client_frame(0x01, std::string(600, 'a')) + client_frame(0x80, std::string(600, 'b'))}, 1000);
    EXPECT_EQ(fragmented.error.code, 1009);
}

TEST(WebSocketReader, TextMustBeUtf8) {
    // §8.1: invalid UTF-8 in a text message fails the connection (1007). Overlong "/" (C0 AF), a lone
    // continuation byte, a UTF-16 surrogate (ED A0 80) and a code point above U+10FFFF (F4 90 80 80).
    for (const std::string& bad : {bytes({0xC0, 0xAF}), bytes({0x80}), bytes({0xED, 0xA0, 0x80}),
                                   bytes({0xF4, 0x90, 0x80, 0x80}), bytes({0xE2, 0x82})}) {
        const Read read = read_all({client_frame(0x81, bad)});
        EXPECT_TRUE(read.failed);
        EXPECT_EQ(read.error.code, 1007);
    }
    // "κόσμε" and an emoji are fine; binary messages are not checked.
    EXPECT_FALSE(
        read_all({client_frame(0x81, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5 \xf0\x9f\x98\x80")}).failed);
    EXPECT_FALSE(read_all({client_frame(0x82, bytes({0xC0, 0xAF}))}).failed);
}

}  // namespace
}  // namespace pathwise::http::websocket
