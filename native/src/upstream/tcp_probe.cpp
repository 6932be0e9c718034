#include "upstream/tcp_probe.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pathwise::upstream {

std::string tcp_probe(const std::string& host, int port, std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
        return "host name does not resolve (" + std::string(gai_strerror(rc)) + ")";
    }
    std::string last_error = "no address";
    for (addrinfo* address = found; address != nullptr; address = address->ai_next) {
        const int fd =
            socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) continue;
        int rc = connect(fd, address->ai_addr, address->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd waiting{fd, POLLOUT, 0};
            rc = poll(&waiting, 1, static_cast<int>(timeout.count()));
            if (rc == 0) {
                last_error = "connect timed out after " + std::to_string(timeout.count()) + " ms";
                close(fd);
                continue;
            }
            int socket_error = 0;
            socklen_t length = sizeof socket_error;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &socket_error, &length);
            rc = socket_error == 0 ? 0 : -1;
            errno = socket_error;
        }
        if (rc == 0) {
            close(fd);
            freeaddrinfo(found);
            return {};
        }
        last_error = std::strerror(errno);
        close(fd);
    }
    freeaddrinfo(found);
    return last_error;
}

}  // namespace pathwise::upstream
