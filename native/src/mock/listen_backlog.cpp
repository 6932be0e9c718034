#include "mock/listen_backlog.hpp"

#include <httplib.h>
#include <sys/socket.h>

namespace pathwise::mock {

ListenBacklog::ListenBacklog(httplib::Server& server) : socket_(std::make_shared<int>(-1)) {
    server.set_socket_options([seen = socket_](socket_t sock) {
        httplib::default_socket_options(sock);
        *seen = sock;
    });
}

bool ListenBacklog::raise(int backlog) {
    if (*socket_ < 0) return false;
    return ::listen(*socket_, backlog) == 0;
}

}  // namespace pathwise::mock
