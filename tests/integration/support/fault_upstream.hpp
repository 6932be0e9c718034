// fault_upstream.hpp — a scripted raw-TCP "provider" for the security tests, and a raw client socket.
//
// FaultUpstream listens on 127.0.0.1:<ephemeral>, records every byte the proxy sends it, counts connections,
// parses each HTTP/1.1 request (head + body, de-chunked) and hands it to a handler the test supplies, which
// writes whatever bytes it wants back — a fixed answer, a header the proxy must not pass on, 400 MiB of SSE as
// fast as the socket takes it, an SSE event that never ends, a 300 MiB JSON body:
//
//   FaultUpstream upstream(FaultUpstream::json_answer(R"({"id":"x"})"));
//   auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
//   …
//   EXPECT_EQ(upstream.received().find("X-Injected"), std::string::npos);
//   EXPECT_EQ(upstream.connections(), 0);
//
// Bounds: every connection lives at most `kMaxConnectionLifetime`, every read and write waits in 100 ms
// slices and gives up when the upstream stops; at most `kMaxConnections` connections are served (further
// ones are counted and closed). The destructor stops accepting, shuts every connection down and joins.
// Recording keeps the first `kMaxRecordedBytes` bytes (received_bytes() counts them all).
//
// RawConnection is the client side: a blocking loopback socket with MSG_NOSIGNAL writes (EPIPE/ECONNRESET
// come back as `false`, never as a signal) and reads bounded by a deadline.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace pathwise::testing {

using namespace std::chrono_literals;

// One request as the upstream read it off the wire.
struct UpstreamRequest {
    std::string request_line;  // "POST /v1/chat/completions HTTP/1.1"
    std::string head;          // request line + header lines, without the blank line
    std::string body;          // de-chunked; at most kMaxRecordedBytes of it
    std::uint64_t body_size = 0;
    int connection = 0;                                             // 1-based index of the connection it came on
    [[nodiscard]] std::string header(std::string_view name) const;  // case-insensitive, "" when absent
};

// The answering side of one connection, handed to the handler.
class UpstreamConnection {
public:
    // Writes all of `bytes`; false when the proxy closed, the write stalled past the connection's lifetime,
    // or the upstream is stopping.
    bool write(std::string_view bytes);
    // One chunk of a chunked body ("%zx\r\n" data "\r\n"); an empty `data` writes the final "0\r\n\r\n".
    bool write_chunk(std::string_view data);
    // Keeps the connection open without writing, until the proxy closes it, the upstream stops or `at_most`.
    void hold_open(std::chrono::milliseconds at_most);
    [[nodiscard]] bool stopping() const;
    [[nodiscard]] std::uint64_t bytes_written() const { return written_; }

private:
    friend class FaultUpstream;
    UpstreamConnection(int fd, const std::atomic<bool>& stop, std::chrono::steady_clock::time_point deadline)
        : fd_(fd), stop_(stop), deadline_(deadline) {}
    int fd_;
    const std::atomic<bool>& stop_;
    std::chrono::steady_clock::time_point deadline_;
    std::uint64_t written_ = 0;
};

// Returns true to keep the connection for another request, false to close it after the answer.
using UpstreamHandler = std::function<bool(UpstreamConnection&, const UpstreamRequest&)>;

class FaultUpstream {
public:
    static constexpr std::size_t kMaxConnections = 256;
    static constexpr std::size_t kMaxRecordedBytes = 32u << 20;
    static constexpr std::chrono::seconds kMaxConnectionLifetime{60};

    explicit FaultUpstream(UpstreamHandler handler);
    ~FaultUpstream();
    FaultUpstream(const FaultUpstream&) = delete;
    FaultUpstream& operator=(const FaultUpstream&) = delete;

    [[nodiscard]] bool ok() const { return port_ > 0; }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string origin() const;  // "http://127.0.0.1:PORT"

    // Every byte received on every connection (each connection's bytes in order; connections interleave as
    // they arrived), up to kMaxRecordedBytes.
    [[nodiscard]] std::string received() const;
    [[nodiscard]] std::uint64_t received_bytes() const;
    [[nodiscard]] int connections() const;
    [[nodiscard]] std::vector<UpstreamRequest> requests() const;
    [[nodiscard]] std::size_t request_count() const;
    // Waits until at least `count` requests have been parsed (their handler has started).
    bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;
    bool wait_for_connections(int count, std::chrono::milliseconds timeout) const;

    // ---- ready-made handlers
    // Writes `response` verbatim (a whole HTTP answer) and keeps the connection when `keep_alive`.
    static UpstreamHandler fixed(std::string response, bool keep_alive = true);
    // 200 application/json with Content-Length; `extra_headers` are whole lines, each ending in "\r\n".
    static UpstreamHandler json_answer(std::string body, std::string extra_headers = "");
    // 200 text/event-stream, no length, Connection: close; writes `total_bytes` of complete
    // "data: {...}\n\n" events as fast as the proxy takes them, then closes.
    static UpstreamHandler sse_flood(std::uint64_t total_bytes);
    // 200 text/event-stream; "data: " followed by `bytes` of 'x' with no newline at all, then holds the
    // connection open (no end of the event, no end of the stream) for up to `hold`.
    static UpstreamHandler sse_without_blank_line(std::uint64_t bytes, std::chrono::milliseconds hold);
    // 200 application/json with Content-Length: `content_length`, a valid JSON object padded to that size,
    // written as fast as the proxy takes it.
    static UpstreamHandler huge_json(std::uint64_t content_length);

private:
    void accept_loop();
    void serve_connection(int fd, int index);
    void record(const char* data, std::size_t length);

    UpstreamHandler handler_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<std::thread> workers_;
    std::vector<int> open_fds_;
    std::string received_;
    std::uint64_t received_bytes_ = 0;
    int connections_ = 0;
    std::vector<UpstreamRequest> requests_;
};

// A client socket to 127.0.0.1:port for tests that must control every byte and every pause.
class RawConnection {
public:
    // `receive_buffer` > 0 sets SO_RCVBUF before connecting: a client that never reads then pushes back on
    // the server after a few KiB instead of the kernel's default megabytes.
    explicit RawConnection(int port, int receive_buffer = 0);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    [[nodiscard]] bool connected() const { return fd_ >= 0; }
    [[nodiscard]] int fd() const { return fd_; }
    // Sends all of `bytes` (MSG_NOSIGNAL) within `timeout`; false on EPIPE/ECONNRESET/timeout.
    bool send(std::string_view bytes, std::chrono::milliseconds timeout = 10s);
    // Appends what arrives to `out` until the server closes (returns true) or `timeout` passes (false).
    bool read_until_close(std::string& out, std::chrono::milliseconds timeout);
    // Appends what arrives within `timeout` to `out`, returning after the first read that got something
    // (or EOF/timeout). Returns false when the server closed (EOF or reset).
    bool read_some(std::string& out, std::chrono::milliseconds timeout);
    // True when the server has closed the connection (EOF or reset) within `timeout`; discards what it reads.
    bool wait_closed(std::chrono::milliseconds timeout);
    void close();

private:
    int fd_ = -1;
};

// The status codes of the HTTP answers in `data` (what a server wrote on one connection), in order: each
// answer is skipped by its Content-Length or chunks, so a status line right after a body counts too.
std::vector<int> status_codes(std::string_view data);
// How many answers that is.
int count_status_lines(std::string_view data);

}  // namespace pathwise::testing
