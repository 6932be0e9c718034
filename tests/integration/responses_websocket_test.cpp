// Codex's Responses-over-WebSocket through the real proxy: a hand-written RFC 6455 client (masking its frames,
// as clients must) upgrades GET /v1/responses on `pathwise serve` and sends response.create messages as Codex
// 0.171 does (docs/translation.md "Responses over WebSocket"). The upstream is a `pathwise mock` that speaks only
// OpenAI Chat Completions, so every turn is translated too; what reached it is read from /_mock/stats.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "raw_http.hpp"
#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;
using std::chrono::steady_clock;

// RFC 6455 §1.3's example key and the accept value the RFC gives for it.
constexpr const char* kKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr const char* kAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

struct ServerFrame {
    int opcode = -1;  // -1: nothing arrived in time, or the connection ended
    std::string payload;
};

// One client connection: the upgrade, then frames.
class WebSocketClient {
public:
    WebSocketClient(int port, const std::vector<std::string>& headers, const std::string& path = "/v1/responses") {
        fd_ = connect_loopback(port);
        if (fd_ < 0) return;
        std::string request = "GET " + path +
                              " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " +
                              std::string(kKey) + "\r\n";
        for (const auto& header : headers) request += header + "\r\n";
        request += "\r\n";
        (void)!::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
        while (buffer_.find("\r\n\r\n") == std::string::npos && receive(std::chrono::seconds(5))) {
        }
        const std::size_t end = buffer_.find("\r\n\r\n");
        if (end == std::string::npos) return;
        head_ = buffer_.substr(0, end + 2);
        buffer_.erase(0, end + 4);
        status_ = std::stoi(head_.substr(9, 3));
    }
    ~WebSocketClient() {
        if (fd_ >= 0) ::close(fd_);
    }
    WebSocketClient(const WebSocketClient&) = delete;
    WebSocketClient& operator=(const WebSocketClient&) = delete;

    [[nodiscard]] int status() const { return status_; }
    [[nodiscard]] const std::string& head() const { return head_; }
    // For an answer that is not 101: the HTTP body that followed the head (Content-Length bytes).
    [[nodiscard]] std::string http_body() {
        const std::size_t length = std::stoul("0" + header_value(head_, "Content-Length"));
        while (buffer_.size() < length && receive(std::chrono::seconds(5))) {
        }
        return buffer_.substr(0, length);
    }

    void send_frame(unsigned first_byte, const std::string& payload) {
        const std::string mask = "\x12\x34\x56\x78";
        std::string frame(1, static_cast<char>(first_byte));
        if (payload.size() < 126) {
            frame.push_back(static_cast<char>(0x80U | payload.size()));
        } else {
            frame.push_back(static_cast<char>(0xFF));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.push_back(static_cast<char>((payload.size() >> shift) & 0xFF));
        }
        frame += mask;
        for (std::size_t i = 0; i < payload.size(); ++i) frame.push_back(static_cast<char>(payload[i] ^ mask[i % 4]));
        (void)!::send(fd_, frame.data(), frame.size(), MSG_NOSIGNAL);
    }
    void send_text(const json& message) { send_frame(0x81, message.dump()); }
    void send_raw(const std::string& bytes) { (void)!::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL); }

    // The next frame from the server (servers never mask, RFC 6455 §5.1).
    ServerFrame next_frame(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        const auto deadline = steady_clock::now() + timeout;
        for (;;) {
            if (auto frame = parse()) return *frame;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady_clock::now());
            if (left.count() <= 0 || !receive(left)) return {};
        }
    }
    // Text messages until one whose "type" is in `last` (included), pings skipped; empty when none came.
    std::vector<json> messages_until(const std::vector<std::string>& last) {
        std::vector<json> out;
        for (;;) {
            const ServerFrame frame = next_frame();
            if (frame.opcode == 0x9) continue;
            if (frame.opcode != 0x1) return out;
            out.push_back(json::parse(frame.payload, nullptr, false));
            const std::string type = out.back().value("type", "");
            for (const auto& end : last) {
                if (type == end) return out;
            }
        }
    }
    void hang_up() {
        ::close(fd_);
        fd_ = -1;
    }

private:
    bool receive(std::chrono::milliseconds timeout) {
        pollfd waiting{fd_, POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(timeout.count())) <= 0) return false;
        char chunk[16384];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    std::optional<ServerFrame> parse() {
        if (buffer_.size() < 2) return std::nullopt;
        const auto first = static_cast<unsigned char>(buffer_[0]);
        std::size_t size = static_cast<unsigned char>(buffer_[1]) & 0x7FU;
        std::size_t header = 2;
        if (size == 126 || size == 127) {
            const std::size_t extra = size == 126 ? 2 : 8;
            if (buffer_.size() < header + extra) return std::nullopt;
            size = 0;
            for (std::size_t k = 0; k < extra; ++k)
                size = (size << 8) | static_cast<unsigned char>(buffer_[header + k]);
            header += extra;
        }
        if (buffer_.size() < header + size) return std::nullopt;
        ServerFrame frame{static_cast<int>(first & 0x0FU), buffer_.substr(header, size)};
        buffer_.erase(0, header + size);
        return frame;
    }

    int fd_ = -1;
    int status_ = 0;
    std::string head_;
    std::string buffer_;
};

// What Codex 0.171 sends first: a whole request, without "stream" (the socket implies it).
json codex_create(const std::string& text) {
    return {{"type", "response.create"},
            {"model", "gpt-5.1-codex"},
            {"instructions", "You are Codex."},
            {"input", json::array({{{"type", "message"},
                                    {"role", "user"},
                                    {"content", json::array({{{"type", "input_text"}, {"text", text}}})}}})},
            {"tools", json::array()},
            {"tool_choice", "auto"},
            {"parallel_tool_calls", false},
            {"store", false},
            {"include", json::array()}};
}

// A proxy whose OpenAI upstream speaks only Chat Completions.
struct SocketProxy {
    MockProvider provider;
    PathwiseProcess proxy;

    static SocketProxy start(std::vector<std::string> serve_args = {}) {
        MockProvider provider = MockProvider::start({"--token-delay-ms", "0", "--protocol", "openai-chat"});
        serve_args.insert(serve_args.end(),
                          {"--upstream", "openai=" + provider.origin, "--upstream-protocol", "openai=openai-chat"});
        auto proxy = PathwiseProcess::start_serve(serve_args);
        return {std::move(provider), std::move(proxy)};
    }
    [[nodiscard]] bool ready() const { return provider.ready() && proxy.ready(); }
    [[nodiscard]] json upstream_bodies() const {
        json bodies = json::array();
        const json stats = provider.stats();
        for (const auto& asked : stats["recent"]) {
            if (asked.contains("body")) bodies.push_back(json::parse(asked["body"].get<std::string>(), nullptr, false));
        }
        return bodies;
    }
};

std::string output_text(const std::vector<json>& events) {
    std::string text;
    for (const auto& event : events) {
        if (event.value("type", "") == "response.output_text.delta") text += event.value("delta", "");
    }
    return text;
}

TEST(ResponsesWebSocket, UpgradeIsAnsweredWithTheRfcAcceptKeyAndNoExtension) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    // Codex offers permessage-deflate; Pathwise declines it by not naming it (RFC 6455 §9.1).
    WebSocketClient client(setup.proxy.port(), {"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
                                                "OpenAI-Beta: responses_websockets=2026-02-06"});
    ASSERT_EQ(client.status(), 101) << client.head();
    EXPECT_EQ(header_value(client.head(), "Sec-WebSocket-Accept"), kAccept);
    EXPECT_EQ(header_value(client.head(), "Upgrade"), "websocket");
    EXPECT_EQ(header_value(client.head(), "Sec-WebSocket-Extensions"), "");
    // A close frame is echoed with its code (§5.5.1).
    client.send_frame(0x88, std::string("\x03\xe8", 2));
    const ServerFrame close = client.next_frame();
    EXPECT_EQ(close.opcode, 0x8);
    EXPECT_EQ(close.payload.substr(0, 2), std::string("\x03\xe8", 2));
}

TEST(ResponsesWebSocket, ATurnStreamsResponsesEventsTranslatedFromChatCompletions) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {"Authorization: Bearer sk-anything", "x-trace: kept",
                                                "OpenAI-Beta: responses_websockets=2026-02-06"});
    ASSERT_EQ(client.status(), 101) << client.head();
    client.send_text(codex_create("hi"));
    const auto events = client.messages_until({"response.completed", "error"});
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front()["type"], "response.created");
    EXPECT_EQ(events.back()["type"], "response.completed") << events.back().dump();
    EXPECT_FALSE(output_text(events).empty());
    EXPECT_FALSE(events.back()["response"].value("id", "").empty());
    // The upstream got a Chat Completions stream request carrying the instructions and the text.
    const json bodies = setup.upstream_bodies();
    ASSERT_EQ(bodies.size(), 1U);
    EXPECT_EQ(bodies[0]["stream"], true);
    EXPECT_EQ(bodies[0]["messages"][0]["role"], "system");
    EXPECT_EQ(bodies[0]["messages"][0]["content"], "You are Codex.");
    EXPECT_EQ(bodies[0]["messages"].back()["content"], "hi");
    // The upgrade's own headers stay behind; the rest go with each turn.
    const json headers = setup.provider.stats()["recent"][0]["headers"];
    const auto has = [&](const std::string& name) {
        for (const auto& seen : headers) {
            std::string lower = seen.get<std::string>();
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == name) return true;
        }
        return false;
    };
    EXPECT_TRUE(has("x-trace")) << headers.dump();
    EXPECT_FALSE(has("openai-beta")) << headers.dump();
    EXPECT_FALSE(has("sec-websocket-key")) << headers.dump();
    EXPECT_FALSE(has("upgrade")) << headers.dump();
    // The proxy logs each turn as a WS message of the route, after the 101 of the upgrade.
    EXPECT_TRUE(setup.proxy.wait_for_stderr("WS /v1/responses 200", 5s)) << setup.proxy.stderr_text();
    EXPECT_NE(setup.proxy.stderr_text().find("GET /v1/responses 101"), std::string::npos) << setup.proxy.stderr_text();
}

TEST(ResponsesWebSocket, PreviousResponseIdContinuesFromTheConnectionsOwnHistory) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    ASSERT_EQ(client.status(), 101) << client.head();
    client.send_text(codex_create("first question"));
    const auto first = client.messages_until({"response.completed", "error"});
    ASSERT_EQ(first.back()["type"], "response.completed") << first.back().dump();
    const std::string first_answer = output_text(first);
    // Codex's next turn: only the new input, and the id of the response it continues (store is false).
    json next = codex_create("second question");
    next["previous_response_id"] = first.back()["response"]["id"];
    client.send_text(next);
    const auto second = client.messages_until({"response.completed", "error"});
    ASSERT_EQ(second.back()["type"], "response.completed") << second.back().dump();
    // The upstream, which keeps nothing, got the whole conversation.
    const json bodies = setup.upstream_bodies();
    ASSERT_EQ(bodies.size(), 2U);
    const json& messages = bodies[1]["messages"];
    ASSERT_EQ(messages.size(), 4U) << messages.dump();
    EXPECT_EQ(messages[1]["role"], "user");
    EXPECT_EQ(messages[1]["content"], "first question");
    EXPECT_EQ(messages[2]["role"], "assistant");
    EXPECT_EQ(messages[2]["content"], first_answer);
    EXPECT_EQ(messages[3]["content"], "second question");
}

TEST(ResponsesWebSocket, UnknownPreviousResponseIsAnErrorMessageAndTheSocketStaysUsable) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    ASSERT_EQ(client.status(), 101);
    json orphan = codex_create("go on");
    orphan["previous_response_id"] = "resp_from_another_connection";
    client.send_text(orphan);
    const auto error = client.messages_until({"error", "response.completed"});
    ASSERT_EQ(error.size(), 1U);
    EXPECT_EQ(error[0]["type"], "error");
    EXPECT_EQ(error[0]["status"], 400);
    EXPECT_EQ(error[0]["error"]["code"], "previous_response_not_found");
    EXPECT_TRUE(setup.upstream_bodies().empty());
    client.send_text(codex_create("hi"));
    EXPECT_EQ(client.messages_until({"response.completed", "error"}).back()["type"], "response.completed");
}

TEST(ResponsesWebSocket, WarmUpWithGenerateFalseCallsNoUpstreamAndCanBeContinued) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    ASSERT_EQ(client.status(), 101);
    json warm = codex_create("warm context");
    warm["generate"] = false;
    client.send_text(warm);
    const auto warmed = client.messages_until({"response.completed", "error"});
    ASSERT_EQ(warmed.size(), 2U);
    EXPECT_EQ(warmed[0]["type"], "response.created");
    EXPECT_EQ(warmed[1]["response"]["output"], json::array());
    EXPECT_TRUE(setup.upstream_bodies().empty());
    json next = codex_create("now answer");
    next["previous_response_id"] = warmed[1]["response"]["id"];
    client.send_text(next);
    ASSERT_EQ(client.messages_until({"response.completed", "error"}).back()["type"], "response.completed");
    const json bodies = setup.upstream_bodies();
    ASSERT_EQ(bodies.size(), 1U);
    ASSERT_EQ(bodies[0]["messages"].size(), 3U) << bodies[0].dump();
    EXPECT_EQ(bodies[0]["messages"][1]["content"], "warm context");
    EXPECT_EQ(bodies[0]["messages"][2]["content"], "now answer");
}

TEST(ResponsesWebSocket, UpstreamDownIsAnErrorMessageWithItsStatus) {
    const int nobody = pick_free_port();
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=http://127.0.0.1:" + std::to_string(nobody)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    WebSocketClient client(proxy.port(), {});
    ASSERT_EQ(client.status(), 101);
    client.send_text(codex_create("hi"));
    const auto error = client.messages_until({"error", "response.completed"});
    ASSERT_EQ(error.size(), 1U);
    EXPECT_EQ(error[0]["type"], "error");
    EXPECT_EQ(error[0]["status"], 502) << error[0].dump();
    EXPECT_NE(error[0]["error"]["message"].get<std::string>().find("127.0.0.1"), std::string::npos) << error[0].dump();
}

TEST(ResponsesWebSocket, ClientLeavingMidStreamAbortsTheUpstreamStream) {
    MockProvider provider = MockProvider::start({"--token-delay-ms", "50", "--protocol", "openai-chat"});
    auto proxy = PathwiseProcess::start_serve(
        {"--upstream", "openai=" + provider.origin, "--upstream-protocol", "openai=openai-chat"});
    ASSERT_TRUE(provider.ready() && proxy.ready()) << proxy.stderr_text();
    {
        WebSocketClient client(proxy.port(), {"x-pathwise-mock-tokens: 400"});
        ASSERT_EQ(client.status(), 101);
        client.send_text(codex_create("a long answer"));
        const auto started = client.messages_until({"response.output_text.delta"});
        ASSERT_FALSE(started.empty());
        client.hang_up();
    }
    const auto stats = wait_for_stats(
        provider, [](const json& s) { return s.value("streams_aborted", 0) >= 1; }, 10s);
    EXPECT_EQ(stats.value("streams_aborted", 0), 1) << stats.dump();
    EXPECT_EQ(stats.value("streams_completed", 0), 0) << stats.dump();
}

TEST(ResponsesWebSocket, TheKeyIsCheckedBeforeTheUpgrade) {
    auto setup = SocketProxy::start({"--auth-mode", "strict", "--api-key", "sk-proxy"});
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient without_key(setup.proxy.port(), {});
    EXPECT_EQ(without_key.status(), 401) << without_key.head();
    WebSocketClient wrong_key(setup.proxy.port(), {"Authorization: Bearer sk-wrong"});
    EXPECT_EQ(wrong_key.status(), 401);
    WebSocketClient with_key(setup.proxy.port(), {"Authorization: Bearer sk-proxy"});
    EXPECT_EQ(with_key.status(), 101) << with_key.head();
}

TEST(ResponsesWebSocket, TurnedOffItAnswers426SoCodexPostsAtOnce) {
    auto setup = SocketProxy::start({"--responses-websocket=false"});
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    EXPECT_EQ(client.status(), 426) << client.head();
    const json body = json::parse(client.http_body(), nullptr, false);
    EXPECT_EQ(body["error"]["code"], "websocket_not_supported") << body.dump();
}

TEST(ResponsesWebSocket, BadHandshakesGetHttpErrorsThatSayWhy) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    const RawResponse old_version =
        raw_exchange(setup.proxy.port(),
                     "GET /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
                     5s);
    EXPECT_EQ(old_version.status, 426);
    EXPECT_EQ(header_value(old_version.head, "Sec-WebSocket-Version"), "13");
    const RawResponse no_key =
        raw_exchange(setup.proxy.port(),
                     "GET /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n",
                     5s);
    EXPECT_EQ(no_key.status, 400);
    EXPECT_NE(no_key.body.find("Sec-WebSocket-Key"), std::string::npos) << no_key.body;
}

TEST(ResponsesWebSocket, AnUnmaskedFrameClosesWithProtocolError) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    ASSERT_EQ(client.status(), 101);
    client.send_raw("\x81\x02{}");  // RFC 6455 §5.1: a client frame must be masked
    const ServerFrame close = client.next_frame();
    EXPECT_EQ(close.opcode, 0x8);
    EXPECT_EQ(close.payload.substr(0, 2), std::string("\x03\xea", 2));  // 1002, protocol error
}

TEST(ResponsesWebSocket, AMessageThatIsNotJsonGetsAnErrorMessage) {
    auto setup = SocketProxy::start();
    ASSERT_TRUE(setup.ready()) << setup.proxy.stderr_text();
    WebSocketClient client(setup.proxy.port(), {});
    ASSERT_EQ(client.status(), 101);
    client.send_frame(0x81, "not json");
    const auto error = client.messages_until({"error"});
    ASSERT_EQ(error.size(), 1U);
    EXPECT_EQ(error[0]["status"], 400);
    EXPECT_NE(error[0]["error"]["message"].get<std::string>().find("response.create"), std::string::npos);
}

}  // namespace
}  // namespace pathwise::testing
