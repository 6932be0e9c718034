// listen_backlog.hpp — a deeper accept queue for an httplib::Server.
//
// Debian's libcpp-httplib 0.11.4 is compiled with CPPHTTPLIB_LISTEN_BACKLOG 5: when 256 clients connect at
// once, the kernel drops SYNs beyond the queue and those clients wait for the 1 s SYN retransmit (or fail).
// Linux lets listen() be called again on a listening socket to change its backlog, so:
//
//   ListenBacklog backlog(server);        // before bind: remembers the listening socket
//   server.bind_to_any_port("127.0.0.1");
//   backlog.raise(1024);                  // after bind
#pragma once

#include <memory>

namespace httplib {
class Server;
}

namespace pathwise::mock {

class ListenBacklog {
public:
    explicit ListenBacklog(httplib::Server& server);  // replaces the socket options hook (keeps SO_REUSEADDR)
    bool raise(int backlog);                          // false when no listening socket was seen

private:
    std::shared_ptr<int> socket_;
};

}  // namespace pathwise::mock
