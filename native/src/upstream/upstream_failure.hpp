// upstream_failure.hpp — a failed upstream exchange, told the way a person can act on it.
#pragma once

#include <chrono>
#include <string>

#include "upstream/upstream_client.hpp"

namespace httplib {
enum class Error;
}

namespace pathwise::upstream {

enum class FailureKind {
    refused,             // 502: nothing listening, or the host does not resolve
    connect_timeout,     // 504
    first_byte_timeout,  // 504
    idle_timeout,        // 504 (or an error event mid-stream)
    closed_early,        // 502: the connection ended before the response did
    tls_verify,          // 502: certificate not trusted / wrong host name
    tls_handshake,       // 502
    ca_file,             // 502: the configured CA bundle could not be loaded
    setup,               // 502: the upstream is misconfigured (bad base_url, mock not running)
    answer_too_large,    // 502: a non-streamed answer over max_response_bytes
    event_too_large,     // 502 (an error event mid-stream): one SSE event over max_event_bytes
    shutting_down,       // 503 (an error event mid-stream): the proxy's shutdown grace ended
    other,               // 502
};

struct UpstreamFailure {
    FailureKind kind = FailureKind::other;
    int status = 502;
    std::string code;     // stable, short: "upstream_refused", "upstream_timeout", …  (also the record's error)
    std::string message;  // English, names the upstream and what to check
};

[[nodiscard]] UpstreamFailure describe_failure(const ResolvedUpstream& upstream, FailureKind kind);
// From the client library's error; `elapsed` tells a read timeout from a connection the upstream closed.
[[nodiscard]] UpstreamFailure describe_failure(const ResolvedUpstream& upstream, httplib::Error error,
                                               std::chrono::milliseconds elapsed,
                                               std::chrono::milliseconds read_timeout);

}  // namespace pathwise::upstream
