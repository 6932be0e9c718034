// guarded_server.cpp — see guarded_server.hpp.
//
// This replaces httplib::Server::process_and_close_socket (virtual, for exactly this: SSLServer overrides it
// too) with our own keep-alive loop around the library's protected process_request(). The library still
// parses and answers each request; we own the socket, the stream it reads from, and when the loop ends.
#include "http/guarded_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>

#include "http/elastic_pool.hpp"

namespace pathwise::http {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until poll() reports one of `events` (or an error) on `sock`, or `deadline`: the revents, 0 on timeout
// or failure.
short wait_ready(socket_t sock, short events, Clock::time_point deadline) {
    for (;;) {
        const auto now = Clock::now();
        if (now >= deadline) return 0;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        pollfd waiting{sock, events, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
        if (ready > 0) return waiting.revents;
        if (ready < 0 && errno != EINTR) return 0;
    }
}

// Waits until `sock` is readable or `deadline`; false on timeout or error.
bool wait_readable(socket_t sock, Clock::time_point deadline) {
    return wait_ready(sock, POLLIN, deadline) != 0;
}

}  // namespace

bool is_loopback_address(const std::string& address) {
    in_addr v4{};
    if (::inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (::inet_pton(AF_INET6, address.c_str(), &v6) != 1) return false;
    return IN6_IS_ADDR_LOOPBACK(&v6) || (IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127);
}

bool announces_body(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding")) return true;
    const std::string length = req.get_header_value("Content-Length");
    return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

// What the loop knows about the request in progress on one connection.
struct GuardedServer::Connection {
    const std::atomic<bool>* server_draining = nullptr;
    bool head_complete = false;
    bool announced_body = false;
    bool body_was_consumed = false;
    bool close_requested = false;
    bool coalesce_head = false;  // the answer is a head and one whole body: send them as one (write())
    HeadFailure head_failure = HeadFailure::none;
    ConnectionSession takeover;  // set by take_over(): the library's answer is dropped, the session runs next

    [[nodiscard]] bool must_close() const {
        return !head_complete || close_requested || takeover || (announced_body && !body_was_consumed);
    }
};

namespace {
thread_local GuardedServer::Connection* current_connection = nullptr;  // NOLINT: one per connection thread
thread_local std::uint64_t current_ticket = 0;                         // NOLINT: the job this thread runs
}  // namespace

// The connection threads (elastic_pool.hpp), with a ticket per accepted connection: enqueue() runs on the accept
// thread, in accept order, so the tickets are that order.
class GuardedServer::AdmissionQueue final : public httplib::TaskQueue {
public:
    explicit AdmissionQueue(std::size_t threads) : pool_({.max_threads = threads}) {}
    bool enqueue(std::function<void()> job) override {
        const std::uint64_t ticket = next_ticket_++;
        return pool_.enqueue([ticket, job = std::move(job)] {
            current_ticket = ticket;
            job();
        });
    }
    void shutdown() override { pool_.shutdown(); }

private:
    ElasticPool pool_;
    std::uint64_t next_ticket_ = 0;  // only the accept thread touches it
};

void GuardedServer::set_thread_count(std::size_t threads) {
    // The library takes ownership of the queue it is given.
    new_task_queue = [threads] { return new AdmissionQueue(threads); };
}

void GuardedServer::wait_for_admission_turn(std::uint64_t ticket) {
    std::unique_lock lock(clients_mutex_);
    admission_turn_.wait(lock, [&] { return next_admission_ >= ticket; });
}

void GuardedServer::end_admission_turn() {
    {
        const std::lock_guard lock(clients_mutex_);
        ++next_admission_;
    }
    admission_turn_.notify_all();
}

// A socket stream whose reads end at the deadline of the phase they belong to (head, then body), and whose
// head reads stop at max_head_bytes. Its read-ahead buffer lives as long as the connection, so a pipelined
// request that arrived with the previous one is not lost.
class GuardedServer::GuardedStream final : public httplib::Stream {
public:
    GuardedStream(socket_t sock, const ConnectionLimits& limits, Connection& connection)
        : sock_(sock), limits_(limits), connection_(connection) {}

    void begin_head() {
        in_head_ = true;
        head_bytes_ = 0;
        answered_ = false;
        deadline_ = Clock::now() + limits_.head_timeout;
    }
    void begin_body() {
        in_head_ = false;
        deadline_ = Clock::now() + limits_.body_timeout;
    }
    [[nodiscard]] bool has_buffered() const { return begin_ < end_; }
    [[nodiscard]] std::string take_buffered() {
        std::string early(buffer_.data() + begin_, end_ - begin_);
        begin_ = end_ = 0;
        return early;
    }
    [[nodiscard]] bool answered() const { return answered_; }  // some of an answer went out for this request

    bool is_readable() const override { return has_buffered() || wait_readable(sock_, deadline_); }

    // One poll and no wait while the socket has room: the library asks before every write and every call of a
    // content provider (three times per relayed SSE event), so its own two-poll check was most of a stream's
    // system calls. A client that hung up (FIN or reset) is not writable; one that does not read gets the write
    // timeout to make room.
    bool is_writable() const override {
        pollfd state{sock_, POLLOUT | POLLIN, 0};
        if (::poll(&state, 1, 0) < 0) return false;
        if ((state.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) return false;
        if ((state.revents & POLLIN) != 0) {
            char byte = 0;
            if (::recv(sock_, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0) return false;  // the client closed its side
        }
        return (state.revents & POLLOUT) != 0 || wait_writable();
    }

    ssize_t read(char* ptr, size_t size) override {
        if (size == 0) return 0;
        if (in_head_) {
            if (head_bytes_ >= limits_.max_head_bytes) {
                connection_.head_failure = HeadFailure::too_large;
                return -1;
            }
            size = std::min(size, limits_.max_head_bytes - head_bytes_);
        }
        if (!has_buffered()) {
            const ssize_t received = receive();
            if (received <= 0) return received;  // 0: the client closed its side
            begin_ = 0;
            end_ = static_cast<std::size_t>(received);
        }
        const std::size_t copied = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, copied);
        begin_ += copied;
        if (in_head_) head_bytes_ += copied;
        return static_cast<ssize_t>(copied);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (connection_.takeover) return static_cast<ssize_t>(size);  // the session answers: the 101 is its own
        if (connection_.coalesce_head && held_.empty() && !answered_) {
            held_.assign(ptr, size);  // the head of a whole answer: it leaves with the body, in one segment
            connection_.coalesce_head = false;
            return static_cast<ssize_t>(size);
        }
        if (!held_.empty()) return write_after_held(ptr, size);
        for (;;) {
            const ssize_t sent = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (sent >= 0) {
                answered_ = answered_ || sent > 0;
                return sent;
            }
            if (errno == EINTR) continue;
            if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_writable()) return -1;
        }
    }

    // Sends a held head that no body followed (an answer the library cut short): called once a request is done.
    bool flush_held() {
        while (!held_.empty()) {
            if (write_after_held(nullptr, 0) < 0) return false;
        }
        return true;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        httplib::detail::get_remote_ip_and_port(sock_, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        httplib::detail::get_local_ip_and_port(sock_, ip, port);
    }
    socket_t socket() const override { return sock_; }

private:
    // The socket has room before the write timeout.
    bool wait_writable() const {
        const short revents = wait_ready(sock_, POLLOUT, Clock::now() + limits_.write_timeout);
        return revents != 0 && (revents & (POLLERR | POLLHUP | POLLNVAL)) == 0;
    }

    // Reads what is there, or waits for it until the phase's deadline (which is checked even when bytes are
    // waiting, so a client that keeps a little in flight cannot stretch it).
    ssize_t receive() {
        for (;;) {
            if (Clock::now() >= deadline_) break;
            const ssize_t received = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
            if (received >= 0) return received;
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            if (!wait_readable(sock_, deadline_)) break;
        }
        if (in_head_) connection_.head_failure = HeadFailure::timed_out;
        return -1;
    }

    // The held head and then `size` bytes in one send; returns how many of those bytes went (0 is allowed:
    // the library's write loop calls again).
    ssize_t write_after_held(const char* ptr, size_t size) {
        std::array<iovec, 2> parts{{{held_.data(), held_.size()}, {const_cast<char*>(ptr), size}}};
        msghdr message{};
        message.msg_iov = parts.data();
        message.msg_iovlen = size > 0 ? 2 : 1;
        const ssize_t sent = ::sendmsg(sock_, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR || ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_writable())) return 0;
            return -1;
        }
        answered_ = answered_ || sent > 0;
        const auto sent_bytes = static_cast<std::size_t>(sent);
        if (sent_bytes < held_.size()) {
            held_.erase(0, sent_bytes);
            return 0;
        }
        const std::size_t body_sent = sent_bytes - held_.size();
        held_.clear();
        return static_cast<ssize_t>(body_sent);
    }

    socket_t sock_;
    const ConnectionLimits& limits_;
    Connection& connection_;
    bool in_head_ = true;
    bool answered_ = false;
    std::size_t head_bytes_ = 0;
    Clock::time_point deadline_ = Clock::now();
    std::array<char, std::size_t{16} * 1024> buffer_{};
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::string held_;  // a response head waiting for its body (write())
};

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
    if (::pipe(wake_pipe_) == 0) {
        ::fcntl(wake_pipe_[0], F_SETFD, FD_CLOEXEC);
        ::fcntl(wake_pipe_[1], F_SETFD, FD_CLOEXEC);
    }
    // A response after which the connection ends says so, so the client does not send another request on it.
    set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (current_connection != nullptr) {
            current_connection->coalesce_head = req.method != "HEAD" && !res.body.empty() && !res.content_provider_;
        }
        if (!closing_after_response()) return;
        res.headers.erase("Keep-Alive");
        res.set_header("Connection", "close");
    });
}

GuardedServer::~GuardedServer() {
    for (const int fd : wake_pipe_) {
        if (fd >= 0) ::close(fd);
    }
}

void GuardedServer::body_consumed() {
    if (current_connection != nullptr) current_connection->body_was_consumed = true;
}

void GuardedServer::close_after_response() {
    if (current_connection != nullptr) current_connection->close_requested = true;
}

void GuardedServer::take_over(ConnectionSession session) {
    if (current_connection != nullptr) current_connection->takeover = std::move(session);
}

HeadFailure GuardedServer::head_failure() {
    return current_connection != nullptr ? current_connection->head_failure : HeadFailure::none;
}

bool GuardedServer::closing_after_response() {
    const Connection* connection = current_connection;
    return connection != nullptr && (connection->must_close() || connection->server_draining->load());
}

void GuardedServer::drain() {
    draining_ = true;
    if (wake_pipe_[1] >= 0) {
        const char byte = 1;
        (void)!::write(wake_pipe_[1], &byte, 1);  // never read: the pipe stays readable for every waiter
    }
    const auto sock = svr_sock_.load();
    if (sock != INVALID_SOCKET)
        ::shutdown(sock, SHUT_RDWR);  // the accept loop ends; listen() returns once
                                      // every connection thread has finished
}

bool GuardedServer::admit_client(const std::string& address) {
    wait_for_admission_turn(current_ticket);
    struct EndTurn {
        GuardedServer& server;
        ~EndTurn() { server.end_admission_turn(); }
    } end_turn{*this};
    if (limits_.loopback_exempt && is_loopback_address(address)) return true;
    const std::lock_guard lock(clients_mutex_);
    std::size_t& count = connections_per_client_[address];
    if (limits_.max_connections_per_client > 0 && count >= limits_.max_connections_per_client) {
        if (count == 0) connections_per_client_.erase(address);
        return false;
    }
    ++count;
    return true;
}

void GuardedServer::release_client(const std::string& address) {
    if (limits_.loopback_exempt && is_loopback_address(address)) return;
    const std::lock_guard lock(clients_mutex_);
    const auto found = connections_per_client_.find(address);
    if (found == connections_per_client_.end()) return;
    if (--found->second == 0) connections_per_client_.erase(found);
}

bool GuardedServer::wait_for_next_request(socket_t sock) const {
    std::array<pollfd, 2> waiting{{{sock, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}}};
    const auto deadline = Clock::now() + limits_.keep_alive_timeout;
    for (;;) {
        const auto now = Clock::now();
        if (now >= deadline || draining_) return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        const int ready = ::poll(waiting.data(), wake_pipe_[0] >= 0 ? 2 : 1, static_cast<int>(left));
        if (ready < 0 && errno != EINTR) return false;
        if (ready > 0) return (waiting[0].revents & POLLIN) != 0 && !draining_;
    }
}

void GuardedServer::refuse_over_cap(socket_t sock, std::size_t cap) {
    const std::string body = R"({"error":{"message":"Too many connections from your address (at most )" +
                             std::to_string(cap) +
                             R"( at once, max_connections_per_client). Close idle connections or raise the limit.",)"
                             R"("type":"too_many_connections"}})";
    const std::string answer =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)!::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    std::string remote_addr;
    int remote_port = 0;
    httplib::detail::get_remote_ip_and_port(sock, remote_addr, remote_port);
    if (!admit_client(remote_addr)) {
        refuse_over_cap(sock, limits_.max_connections_per_client);
        linger_and_close(sock);
        return true;
    }
    std::string local_addr;
    int local_port = 0;
    httplib::detail::get_local_ip_and_port(sock, local_addr, local_port);
    ++open_connections_;

    Connection connection;
    connection.server_draining = &draining_;
    GuardedStream stream(sock, limits_, connection);
    current_connection = &connection;
    bool ok = true;
    bool linger = false;
    for (std::size_t served = 0; served < limits_.keep_alive_max_requests; ++served) {
        if (draining_ || (!stream.has_buffered() && !wait_for_next_request(sock))) break;
        connection = Connection{};
        connection.server_draining = &draining_;
        stream.begin_head();
        const bool last = served + 1 == limits_.keep_alive_max_requests || draining_;
        bool connection_closed = false;
        ok = process_request(stream, remote_addr, remote_port, local_addr, local_port, last, connection_closed,
                             [&](httplib::Request& req) {
                                 connection.head_complete = true;
                                 connection.announced_body = announces_body(req);
                                 stream.begin_body();
                             });
        if (!stream.flush_held()) ok = false;
        if (connection.takeover) {
            TakenConnection taken{sock, stream.take_buffered(), wake_pipe_[0], &draining_};
            connection.takeover(taken);
            break;
        }
        if (connection.must_close()) {
            linger = stream.answered();  // an answer went out while the client may still be sending
            break;
        }
        if (!ok || connection_closed || last) break;
    }
    current_connection = nullptr;
    if (linger) {
        linger_and_close(sock);
    } else {
        httplib::detail::shutdown_socket(sock);
        httplib::detail::close_socket(sock);
    }
    --open_connections_;
    release_client(remote_addr);
    return ok;
}

void linger_and_close(socket_t sock) {
    constexpr auto kLingerTotal = std::chrono::seconds(2);
    constexpr auto kLingerSilence = std::chrono::milliseconds(300);
    constexpr std::size_t kLingerBytes = 64u << 20;
    ::shutdown(sock, SHUT_WR);
    const auto until = Clock::now() + kLingerTotal;
    std::array<char, std::size_t{16} * 1024> sink{};
    std::size_t dropped = 0;
    while (dropped < kLingerBytes && wait_readable(sock, std::min(until, Clock::now() + kLingerSilence))) {
        const ssize_t received = ::recv(sock, sink.data(), sink.size(), 0);
        if (received <= 0) break;
        dropped += static_cast<std::size_t>(received);
    }
    ::close(sock);
}

}  // namespace pathwise::http
