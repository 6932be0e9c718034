// upstream_client.hpp — the HTTP clients that reach a resolved upstream (origin, key, timeouts, TLS).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "upstream/upstream_map.hpp"

namespace httplib {
class Client;
}

namespace pathwise::upstream {

// A new client for `upstream`: certificate verification on for https, the custom CA file when set.
// `read_timeout` bounds each socket read (the caller picks first-byte or idle semantics).
[[nodiscard]] std::unique_ptr<httplib::Client> make_client(const ResolvedUpstream& upstream,
                                                           std::chrono::milliseconds read_timeout, bool keep_alive);

// Idle keep-alive clients for non-streamed requests, so a busy proxy does not reconnect per request.
// Streams never return their client: a cancelled one may be half-way through a response.
class ClientPool {
public:
    explicit ClientPool(std::size_t max_idle) : max_idle_(max_idle) {}
    ~ClientPool();
    [[nodiscard]] std::unique_ptr<httplib::Client> acquire(const ResolvedUpstream& upstream);
    void release(std::unique_ptr<httplib::Client> client);

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<httplib::Client>> idle_;
    std::size_t max_idle_;
};

}  // namespace pathwise::upstream
