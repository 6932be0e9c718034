// live_requests.hpp — the proxy's recent requests (GET /_pathwise/requests) as the Live view shows them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/request_record.hpp"

namespace pathwise::web {

enum class LiveStatus : unsigned char {
    not_available,  // not served by the proxy (desktop build, file://)
    waiting,        // first fetch in flight
    ok,
    proxy_down,    // fetch failed: nothing listening
    unauthorized,  // 401: the proxy wants its key
    bad_reply,     // an answer that is not the expected JSON
};

struct LiveFeed {
    LiveStatus status = LiveStatus::waiting;
    int http_status = 0;
    std::vector<RequestRecord> requests;  // newest first, as the proxy sends them
    std::string detail;                   // what went wrong, for bad_reply / other HTTP statuses
    double last_fetch_at = -100.0;
    bool fetch_in_flight = false;
};

// Parses {"requests":[{…}, …]}. Missing or mistyped fields get defaults; false when the text is not
// that shape at all (then `requests` is left untouched and `error` says why).
[[nodiscard]] bool parse_live_requests(std::string_view json_text, std::vector<RequestRecord>& requests,
                                       std::string& error);

// What the platform reports after one fetch: http_status 0 = the request itself failed.
void apply_live_reply(LiveFeed& feed, int http_status, std::string_view body);

}  // namespace pathwise::web
