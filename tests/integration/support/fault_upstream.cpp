// fault_upstream.cpp — see fault_upstream.hpp.
#include "fault_upstream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kSliceMs = 100;
constexpr std::size_t kMaxHeadBytes = 1u << 20;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, kSliceMs));
}

// Reads what is available within one slice: >0 bytes, 0 = nothing yet, -1 = closed or error.
long read_slice(int fd, char* buffer, std::size_t size, Clock::time_point deadline) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, remaining_ms(deadline));
    if (ready < 0) return errno == EINTR ? 0 : -1;
    if (ready == 0) return 0;
    const auto n = ::recv(fd, buffer, size, 0);
    if (n <= 0) return n == 0 || (errno != EINTR && errno != EAGAIN) ? -1 : 0;
    return static_cast<long>(n);
}

std::string header_of(std::string_view head, std::string_view name) {
    const std::string haystack = lower(head);
    const std::string needle = "\r\n" + lower(name) + ":";
    const auto at = haystack.find(needle);
    if (at == std::string::npos) return "";
    auto start = at + needle.size();
    while (start < head.size() && (head[start] == ' ' || head[start] == '\t')) ++start;
    const auto end = head.find("\r\n", start);
    std::string value(head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    return value;
}

}  // namespace

std::string UpstreamRequest::header(std::string_view name) const {
    return header_of(head, name);
}

// ------------------------------------------------------------------ UpstreamConnection

bool UpstreamConnection::stopping() const {
    return stop_.load();
}

bool UpstreamConnection::write(std::string_view bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        if (stop_ || Clock::now() >= deadline_) return false;
        pollfd p{fd_, POLLOUT, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline_));
        if (ready < 0 && errno != EINTR) return false;
        if (ready <= 0) continue;
        if ((p.revents & (POLLERR | POLLHUP)) != 0) return false;
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
            return false;
        }
        sent += static_cast<std::size_t>(n);
        written_ += static_cast<std::uint64_t>(n);
    }
    return true;
}

bool UpstreamConnection::write_chunk(std::string_view data) {
    if (data.empty()) return write("0\r\n\r\n");
    char size_line[32];
    const int length = std::snprintf(size_line, sizeof size_line, "%zx\r\n", data.size());
    return write(std::string_view(size_line, static_cast<std::size_t>(length))) && write(data) && write("\r\n");
}

void UpstreamConnection::hold_open(std::chrono::milliseconds at_most) {
    const auto until = std::min(deadline_, Clock::now() + at_most);
    char buffer[4096];
    while (!stop_ && Clock::now() < until) {
        if (read_slice(fd_, buffer, sizeof buffer, until) < 0) return;  // the proxy closed
    }
}

// ------------------------------------------------------------------ FaultUpstream

FaultUpstream::FaultUpstream(UpstreamHandler handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(listener_, 128) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(listener_);
        listener_ = -1;
        return;
    }
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultUpstream::~FaultUpstream() {
    stop_ = true;
    if (acceptor_.joinable()) acceptor_.join();
    {
        const std::lock_guard lock(mutex_);
        for (const int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);  // every wait is sliced; this just ends them now
    }
    std::vector<std::thread> workers;
    {
        const std::lock_guard lock(mutex_);
        workers.swap(workers_);
    }
    for (auto& worker : workers) worker.join();
    if (listener_ >= 0) ::close(listener_);
}

std::string FaultUpstream::origin() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

std::string FaultUpstream::received() const {
    const std::lock_guard lock(mutex_);
    return received_;
}

std::uint64_t FaultUpstream::received_bytes() const {
    const std::lock_guard lock(mutex_);
    return received_bytes_;
}

int FaultUpstream::connections() const {
    const std::lock_guard lock(mutex_);
    return connections_;
}

std::vector<UpstreamRequest> FaultUpstream::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

std::size_t FaultUpstream::request_count() const {
    const std::lock_guard lock(mutex_);
    return requests_.size();
}

bool FaultUpstream::wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

bool FaultUpstream::wait_for_connections(int count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return connections_ >= count; });
}

void FaultUpstream::record(const char* data, std::size_t length) {
    const std::lock_guard lock(mutex_);
    received_bytes_ += length;
    if (received_.size() < kMaxRecordedBytes)
        received_.append(data, std::min(length, kMaxRecordedBytes - received_.size()));
    changed_.notify_all();
}

void FaultUpstream::accept_loop() {
    while (!stop_) {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, kSliceMs) <= 0) continue;
        const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        const std::lock_guard lock(mutex_);
        ++connections_;
        changed_.notify_all();
        if (workers_.size() >= kMaxConnections) {
            ::close(fd);
            continue;
        }
        open_fds_.push_back(fd);
        const int index = connections_;
        workers_.emplace_back([this, fd, index] { serve_connection(fd, index); });
    }
}

void FaultUpstream::serve_connection(int fd, int index) {
    const auto deadline = Clock::now() + kMaxConnectionLifetime;
    UpstreamConnection connection(fd, stop_, deadline);
    std::string pending;  // received, not yet parsed
    std::vector<char> buffer(256u << 10);
    bool open = true;
    // Reads more into `pending`; false when the connection is over.
    const auto fill = [&]() -> bool {
        for (;;) {
            if (stop_ || Clock::now() >= deadline) return false;
            const long n = read_slice(fd, buffer.data(), buffer.size(), deadline);
            if (n < 0) return false;
            if (n == 0) continue;
            record(buffer.data(), static_cast<std::size_t>(n));
            pending.append(buffer.data(), static_cast<std::size_t>(n));
            return true;
        }
    };
    while (open) {
        UpstreamRequest request;
        request.connection = index;
        std::size_t blank = std::string::npos;
        while ((blank = pending.find("\r\n\r\n")) == std::string::npos) {
            if (pending.size() > kMaxHeadBytes || !fill()) {
                open = false;
                break;
            }
        }
        if (!open) break;
        request.head = pending.substr(0, blank);
        request.request_line = request.head.substr(0, request.head.find("\r\n"));
        pending.erase(0, blank + 4);
        // The body: by Content-Length, or de-chunked; kept up to kMaxRecordedBytes, always read to its end.
        const auto keep = [&](std::string_view data) {
            request.body_size += data.size();
            if (request.body.size() < kMaxRecordedBytes) {
                request.body.append(data.substr(0, kMaxRecordedBytes - request.body.size()));
            }
        };
        // Reads the next `left` body bytes (a chunk, or a Content-Length body); `open` goes false if it ends first.
        const auto keep_next = [&](std::uint64_t left) {
            while (open && left > 0) {
                if (pending.empty() && !fill()) {
                    open = false;
                    return;
                }
                const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(left, pending.size()));
                keep(std::string_view(pending).substr(0, take));
                pending.erase(0, take);
                left -= take;
            }
        };
        if (lower(request.header("Transfer-Encoding")).find("chunked") != std::string::npos) {
            for (bool done = false; !done && open;) {
                std::size_t line_end;
                while ((line_end = pending.find("\r\n")) == std::string::npos) {
                    if (pending.size() > 1024 || !fill()) {
                        open = false;
                        break;
                    }
                }
                if (!open) break;
                const std::uint64_t size = std::strtoull(pending.c_str(), nullptr, 16);
                pending.erase(0, line_end + 2);
                if (size == 0) {  // optional trailers, then the blank line
                    while (open) {
                        if (pending.rfind("\r\n", 0) == 0) {
                            pending.erase(0, 2);
                            break;
                        }
                        if (const auto end = pending.find("\r\n\r\n"); end != std::string::npos) {
                            pending.erase(0, end + 4);
                            break;
                        }
                        if (pending.size() > kMaxHeadBytes)
                            open = false;
                        else
                            open = fill();
                    }
                    done = true;
                    break;
                }
                keep_next(size);
                while (open && pending.size() < 2) open = fill();
                if (open) pending.erase(0, 2);
            }
        } else if (const std::string length_text = request.header("Content-Length"); !length_text.empty()) {
            keep_next(std::strtoull(length_text.c_str(), nullptr, 10));
        }
        {
            const std::lock_guard lock(mutex_);
            requests_.push_back(request);
            changed_.notify_all();
        }
        if (!open) break;  // the proxy went away before the request was complete: nothing to answer
        open = handler_(connection, request);
    }
    ::shutdown(fd, SHUT_RDWR);
    const std::lock_guard lock(mutex_);
    open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
    ::close(fd);
}

// ------------------------------------------------------------------ ready-made handlers

UpstreamHandler FaultUpstream::fixed(std::string response, bool keep_alive) {
    return [response = std::move(response), keep_alive](UpstreamConnection& connection, const UpstreamRequest&) {
        return connection.write(response) && keep_alive;
    };
}

UpstreamHandler FaultUpstream::json_answer(std::string body, std::string extra_headers) {
    return fixed("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                 "\r\n" + extra_headers + "\r\n" + body);
}

UpstreamHandler FaultUpstream::sse_flood(std::uint64_t total_bytes) {
    return [total_bytes](UpstreamConnection& connection, const UpstreamRequest&) {
        if (!connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                              "Connection: close\r\n\r\n")) {
            return false;
        }
        const std::string event =
            R"(data: {"id":"flood","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")" +
            std::string(900, 'z') + "\"}}]}\n\n";
        std::string batch;
        while (batch.size() < (256u << 10)) batch += event;
        std::uint64_t sent = 0;
        while (sent < total_bytes && connection.write(batch)) sent += batch.size();
        return false;
    };
}

UpstreamHandler FaultUpstream::sse_without_blank_line(std::uint64_t bytes, std::chrono::milliseconds hold) {
    return [bytes, hold](UpstreamConnection& connection, const UpstreamRequest&) {
        if (!connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                              "Connection: close\r\n\r\ndata: ")) {
            return false;
        }
        const std::string piece(1u << 20, 'x');
        std::uint64_t sent = 0;
        while (sent < bytes && connection.write(std::string_view(piece).substr(
                                   0, static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), bytes - sent))))) {
            sent += std::min<std::uint64_t>(piece.size(), bytes - sent);
        }
        if (sent == bytes) connection.hold_open(hold);
        return false;
    };
}

UpstreamHandler FaultUpstream::huge_json(std::uint64_t content_length) {
    return [content_length](UpstreamConnection& connection, const UpstreamRequest&) {
        const std::string open = R"({"id":"huge","object":"chat.completion","choices":[],"pad":")";
        const std::string close = "\"}";
        if (content_length < open.size() + close.size()) return false;
        if (!connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(content_length) + "\r\n\r\n" + open)) {
            return false;
        }
        const std::string piece(1u << 20, ' ');
        std::uint64_t left = content_length - open.size() - close.size();
        while (left > 0) {
            const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(left, piece.size()));
            if (!connection.write(std::string_view(piece).substr(0, take))) return false;
            left -= take;
        }
        return connection.write(close);
    };
}

// ------------------------------------------------------------------ RawConnection

RawConnection::RawConnection(int port, int receive_buffer) : fd_(connect_loopback(port, receive_buffer)) {}

RawConnection::~RawConnection() {
    close();
}

void RawConnection::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool RawConnection::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    if (fd_ < 0) return false;
    const auto deadline = Clock::now() + timeout;
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        if (Clock::now() >= deadline) return false;
        pollfd p{fd_, POLLOUT, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno != EINTR) return false;
        if (ready <= 0) continue;
        if ((p.revents & (POLLERR | POLLHUP)) != 0) return false;
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
            return false;  // EPIPE, ECONNRESET: the server closed
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Reads into `out` until the server closes (true), `timeout` (false), or, with `stop_after_data`, the first bytes.
static bool read_into(int fd, std::string& out, std::chrono::milliseconds timeout, bool stop_after_data) {
    const auto deadline = Clock::now() + timeout;
    char buffer[65536];
    while (Clock::now() < deadline) {
        const long n = read_slice(fd, buffer, sizeof buffer, deadline);
        if (n < 0) return !stop_after_data;
        if (n > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
            if (stop_after_data) return true;
        }
    }
    return stop_after_data;
}

bool RawConnection::read_until_close(std::string& out, std::chrono::milliseconds timeout) {
    return fd_ < 0 || read_into(fd_, out, timeout, false);
}

bool RawConnection::read_some(std::string& out, std::chrono::milliseconds timeout) {
    return fd_ >= 0 && read_into(fd_, out, timeout, true);
}

bool RawConnection::wait_closed(std::chrono::milliseconds timeout) {
    std::string ignored;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        ignored.clear();
        if (!read_some(ignored, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())))
            return true;
    }
    return false;
}

std::vector<int> status_codes(std::string_view data) {
    // Walks the answers one after the other by their framing (an answer's body need not end in a newline, so
    // the next status line can follow it directly); an answer with neither length nor chunks ends the walk.
    std::vector<int> codes;
    std::size_t at = 0;
    while ((at = data.find("HTTP/1.", at)) != std::string_view::npos) {
        if (at + 12 > data.size() || data[at + 8] != ' ') {
            ++at;
            continue;
        }
        const std::string code(data.substr(at + 9, 3));
        if (!std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
            ++at;
            continue;
        }
        codes.push_back(std::atoi(code.c_str()));
        const std::size_t blank = data.find("\r\n\r\n", at);
        if (blank == std::string_view::npos) break;
        const std::string_view head = data.substr(at, blank - at);
        std::size_t next = blank + 4;
        if (lower(header_of(head, "Transfer-Encoding")).find("chunked") != std::string::npos) {
            for (;;) {
                const std::size_t line_end = data.find("\r\n", next);
                if (line_end == std::string_view::npos) return codes;
                const std::uint64_t size =
                    std::strtoull(std::string(data.substr(next, line_end - next)).c_str(), nullptr, 16);
                next = line_end + 2 + static_cast<std::size_t>(size) + 2;
                if (size == 0 || next > data.size()) break;
            }
        } else if (const std::string length = header_of(head, "Content-Length"); !length.empty()) {
            next += static_cast<std::size_t>(std::strtoull(length.c_str(), nullptr, 10));
        } else {
            // No framing: the body runs to the close; any later "HTTP/1." is still counted as a status line.
            next = blank + 4;
        }
        at = std::min(next, data.size());
    }
    return codes;
}

int count_status_lines(std::string_view data) {
    return static_cast<int>(status_codes(data).size());
}

}  // namespace pathwise::testing
