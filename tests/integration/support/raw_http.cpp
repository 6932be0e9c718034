// raw_http.cpp — see raw_http.hpp.
#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace pathwise::testing {

int connect_loopback(int port, int receive_buffer) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (receive_buffer > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

namespace {

using Clock = std::chrono::steady_clock;

bool send_all(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Reads until EOF or deadline; returns true when the peer closed.
bool read_until_close(int fd, std::string& out, Clock::time_point deadline) {
    char buffer[8192];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left));
        if (ready <= 0) return false;
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace

RawResponse raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout) {
    RawResponse response;
    const auto start = Clock::now();
    const int fd = connect_loopback(port);
    if (fd < 0) return response;
    std::string data;
    if (send_all(fd, request)) response.closed_by_server = read_until_close(fd, data, start + timeout);
    ::close(fd);
    response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    const auto blank = data.find("\r\n\r\n");
    response.head = data.substr(0, blank);
    if (blank != std::string::npos) response.body = data.substr(blank + 4);
    if (response.head.rfind("HTTP/1.", 0) == 0 && response.head.size() > 12) {
        response.status = std::atoi(response.head.c_str() + 9);
    }
    return response;
}

std::optional<std::chrono::milliseconds> time_until_server_closes(int port, const std::string& partial,
                                                                  std::chrono::milliseconds timeout) {
    const auto start = Clock::now();
    const int fd = connect_loopback(port);
    if (fd < 0) return std::chrono::milliseconds(0);
    std::string ignored;
    const bool closed = send_all(fd, partial) && read_until_close(fd, ignored, start + timeout);
    ::close(fd);
    if (!closed) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string header_value(const std::string& head, const std::string& name) {
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    const std::string haystack = lower(head);
    const std::string needle = "\r\n" + lower(name) + ":";
    const auto at = haystack.find(needle);
    if (at == std::string::npos) return "";
    auto start = at + needle.size();
    while (start < head.size() && head[start] == ' ') ++start;
    const auto end = head.find("\r\n", start);
    return head.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace pathwise::testing
