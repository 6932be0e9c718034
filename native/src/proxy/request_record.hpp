// request_record.hpp — what the proxy remembers about one request: the log line, the /_pathwise/requests ring
// and the metrics are all made from this. Paths here are already redacted (no ?key= values).
#pragma once

#include <cstdint>
#include <string>

namespace pathwise::proxy {

struct RequestRecord {
    std::int64_t unix_ms = 0;    // when the request arrived
    std::string method;          // "POST"
    std::string path;            // redacted target as received: "/v1beta/models/x:generateContent?key=REDACTED"
    std::string route_id;        // matched route id, "" when none
    std::string diagnosis_kind;  // "" when routed; else diagnosis_kind_name(...)
    std::string diagnosis;       // one-line English explanation when not routed
    std::string fixed_base_url;  // the base URL that fixes it, when known
    std::string repaired_to;     // --repair-paths: the path actually served, "" when not repaired
    int status = 0;
    std::string upstream;  // "mock" or the upstream origin "https://api.openai.com"
    std::string error;     // upstream error summary ("connect refused", "first-byte timeout", …)
    double duration_ms = 0;
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
    bool streamed = false;
};

}  // namespace pathwise::proxy
