// server.hpp — the proxy: httplib wired to the pipeline
//   accept (Host, CORS) → match route (before auth; query ignored) → authenticate → forward → log.
//
//   ProxyServer server(config);
//   auto port = server.bind();          // error text says "port 8045 is in use by another program; …"
//   server.forward_to(upstreams);       // upstream::resolve_upstreams(config, embedded mock)
//   server.run();                       // blocks; stop_gracefully() from another thread ends it
#pragma once

#include <memory>

#include "config/settings.hpp"
#include "pathwise/result.hpp"
#include "upstream/upstream_map.hpp"

namespace pathwise::proxy {

class ProxyServer {
public:
    explicit ProxyServer(const config::ServeConfig& config);
    ~ProxyServer();
    ProxyServer(const ProxyServer&) = delete;
    ProxyServer& operator=(const ProxyServer&) = delete;

    // Binds the listening socket; returns the bound port (the real one when config.port is 0).
    [[nodiscard]] Result<int> bind();
    // Where forwarded routes go, once the port is bound and before run(); the upstreams (the embedded mock
    // included) must outlive this server.
    void forward_to(upstream::UpstreamMap upstreams);
    // Serves until stop_gracefully() has been called and every in-flight request has finished.
    void run();
    // Stops accepting connections and closes idle keep-alive ones at once; requests and streams in flight go
    // on to their end (their connections close after the answer).
    void stop_gracefully();
    // Ends every stream still running with its protocol's error event (at the end of the shutdown grace).
    void stop_now();
    [[nodiscard]] long in_flight() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pathwise::proxy
