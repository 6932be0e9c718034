// stream_relay.hpp — the body of a streamed answer: the upstream's bytes go to the client as they arrive (whole
// events for SSE, `: ping` comments during silences); an upstream failure, the idle timeout or the end of the
// shutdown grace ends it with the protocol's error event (SSE) or a cut; a client that leaves cancels upstream.
//
//   relay_body(res, "text/event-stream", exchange, target, {.sse = true, .ping_interval = 15s},
//              [record](const RelayOutcome& outcome) { /* bytes_out, error */ });
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "upstream/stream_exchange.hpp"
#include "upstream/translation.hpp"

namespace httplib {
struct Response;
}

namespace pathwise::upstream {

struct RelayOptions {
    bool sse = false;                            // the answer is text/event-stream: failures end it with an event
    std::chrono::milliseconds ping_interval{0};  // SSE comment after this much silence; 0 = never
    // Set: the upstream speaks another protocol; its bytes go through this (decoded, re-encoded) and failures
    // end the stream with the client's protocol's error event, whatever `sse` says.
    std::shared_ptr<StreamTranslation> translation;
};

// How a relayed stream ended, for the request record.
struct RelayOutcome {
    std::uint64_t bytes_out = 0;
    std::string error;  // "" = complete; a failure code ("upstream_timeout", …) or "client_disconnected"
};

// Installs the chunked content provider on `res` (whose status and headers the caller has set); it keeps
// running after this returns, and `ended` is called once when the stream is over, the upstream joined.
void relay_body(httplib::Response& res, const std::string& content_type, std::shared_ptr<StreamExchange> exchange,
                std::shared_ptr<const ResolvedUpstream> target, RelayOptions options,
                std::function<void(const RelayOutcome&)> ended);

}  // namespace pathwise::upstream
