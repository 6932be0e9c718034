// forwarder.hpp — the "pick upstream → forward/stream" stages of the proxy pipeline.
// The server (proxy/) has already matched the route and authenticated the client; the forwarder sends the
// request to the protocol's upstream (resolved beforehand: upstream_map.hpp) and fills the response,
// streaming SSE event by event, cancelling upstream when the client leaves, mapping failures to 502/504
// and mid-stream deaths to a protocol-shaped error event.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "pathwise/request_record.hpp"
#include "pathwise/route_table.hpp"
#include "upstream/upstream_map.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathwise::upstream {

class Forwarder {
public:
    // `upstreams` must stay reachable while the forwarder lives: the embedded mock, when it is one of them, is
    // started before the forwarder and stopped after it (serve.cpp).
    Forwarder(const config::ServeConfig& config, UpstreamMap upstreams);
    ~Forwarder();
    Forwarder(const Forwarder&) = delete;
    Forwarder& operator=(const Forwarder&) = delete;

    // `path` is what to send upstream (the request path, or the repaired one). Fills `res`; for streams it
    // installs a chunked content provider that keeps writing after this returns. Updates `record`
    // (upstream, status, error, bytes_out, streamed) — for streams, the final values are written when the
    // stream ends, through `record` which must stay valid until then (the server keeps it in a shared_ptr).
    void forward(const httplib::Request& req, httplib::Response& res, const RouteMatch& match, const std::string& path,
                 const std::shared_ptr<RequestRecord>& record);

    // End of a shutdown's grace: every stream still relayed ends now with the protocol's error event.
    void cut_streams();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pathwise::upstream
