// guarded_server.hpp — an httplib::Server that owns each connection's loop, so no client can hold a thread,
// memory or the next request hostage:
//
//   http::GuardedServer server(limits);       // then use it as an httplib::Server (Get, Post, listen_after_bind…)
//   GuardedServer::body_consumed();           // from a handler: the request's body has been read whole
//   GuardedServer::close_after_response();    // from a handler: never reuse this connection
//   server.drain();                           // stop accepting; idle keep-alive connections close at once
//   GuardedServer::take_over(session);        // from a handler: the connection becomes `session`'s (WebSocket)
//
// What it adds to the library (cpp-httplib 0.18.7; docs/building.md says why these live here):
// - a TOTAL deadline for the request line + headers and one for the body, not just one per read, so a client
//   trickling a byte a second is cut off (the library's read timeout restarts at every byte);
// - a byte cap on the request head, enforced while reading (the library reads 128 lines of 8 KiB first);
// - at most `max_connections_per_client` connections per client address (503 beyond);
// - a connection whose request body was not read whole (a refusal, a 413, a bad head) is closed after the
//   answer, lingering so the answer is not lost to a reset: its unread bytes are never parsed as a request;
// - drain(): connections waiting for their next request close at once, busy ones after their answer;
// - take_over(): a handler that upgrades its connection (a WebSocket) gets the socket once the library is done
//   with the request: the library's own answer is dropped, and the session writes the 101 itself.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace pathwise::http {

struct ConnectionLimits {
    std::chrono::milliseconds head_timeout{10'000};   // request line + headers, in total, from their first byte
    std::chrono::milliseconds body_timeout{120'000};  // the whole request body, in total
    std::chrono::milliseconds write_timeout{30'000};  // one write to a client that does not read
    std::chrono::milliseconds keep_alive_timeout{5'000};
    std::size_t keep_alive_max_requests = 100;
    std::size_t max_head_bytes = 64u << 10;
    std::size_t max_connections_per_client = 0;  // 0 = no cap
    bool loopback_exempt = false;                // the cap applies to non-loopback addresses only
};

// A connection handed over by take_over(): the socket, what the client already sent after the request head, and
// a way to learn that the server is shutting down. The session must not close `sock`: the loop does, after it.
struct TakenConnection {
    socket_t sock = INVALID_SOCKET;
    std::string early_bytes;  // read ahead with the request head (a client that did not wait for the 101)
    int wake_fd = -1;         // readable once drain() ran: poll it with the socket
    const std::atomic<bool>* draining = nullptr;
};
using ConnectionSession = std::function<void(TakenConnection&)>;

// Why reading a request head failed, for the error an answer gives (the library only says "400").
enum class HeadFailure { none, timed_out, too_large };

class GuardedServer : public httplib::Server {
public:
    explicit GuardedServer(ConnectionLimits limits);
    ~GuardedServer() override;
    GuardedServer(const GuardedServer&) = delete;
    GuardedServer& operator=(const GuardedServer&) = delete;

    // Called on the connection's own thread, from a handler of the request in progress.
    static void body_consumed();
    static void close_after_response();
    [[nodiscard]] static HeadFailure head_failure();
    // True when the request being answered will not be followed by another on its connection.
    [[nodiscard]] static bool closing_after_response();
    // From a handler: once the library has finished this request, its answer is dropped unsent and `session`
    // runs on this connection's thread with the socket; the connection closes when it returns.
    static void take_over(ConnectionSession session);

    // The pool: `threads` connections are served at once (each stream and idle keep-alive holds one). Use this
    // instead of new_task_queue: it admits connections in the order they were accepted, so connections a client
    // already holds count against its cap before a newer one is looked at, however the threads are scheduled.
    void set_thread_count(std::size_t threads);

    void drain();
    [[nodiscard]] bool draining() const { return draining_.load(); }
    [[nodiscard]] std::size_t open_connections() const { return open_connections_.load(); }

    struct Connection;  // what the loop knows about the request in progress (defined in the .cpp)

private:
    class GuardedStream;
    class AdmissionQueue;
    void wait_for_admission_turn(std::uint64_t ticket);
    void end_admission_turn();

    bool process_and_close_socket(socket_t sock) override;
    bool admit_client(const std::string& address);
    void release_client(const std::string& address);
    bool wait_for_next_request(socket_t sock) const;
    static void refuse_over_cap(socket_t sock, std::size_t cap);

    ConnectionLimits limits_;
    std::atomic<bool> draining_{false};
    std::atomic<std::size_t> open_connections_{0};
    int wake_pipe_[2] = {-1, -1};  // readable once drain() ran: wakes every keep-alive wait at once
    std::mutex clients_mutex_;
    std::condition_variable admission_turn_;
    std::uint64_t next_admission_ = 0;  // the ticket whose connection is admitted next
    std::map<std::string, std::size_t> connections_per_client_;
};

// RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding (or a zero length) has no body.
[[nodiscard]] bool announces_body(const httplib::Request& req);

// A numeric loopback address: 127.0.0.0/8, ::1, or IPv4-mapped 127.x ("::ffff:127.0.0.1").
[[nodiscard]] bool is_loopback_address(const std::string& address);

// Reads and drops what a client still sends, briefly, after our answer: closing with unread bytes makes the
// kernel send a reset, which can destroy the answer before the client read it (nginx's lingering close).
void linger_and_close(socket_t sock);

}  // namespace pathwise::http
