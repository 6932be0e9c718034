// exchange.hpp — one request's journey through the proxy: its record, what the gate decided, and the log line
// written when the last holder lets go.
//
// The RequestRecord handed to the Forwarder aliases this object (a shared_ptr into it), so the line is written
// (in the destructor) only when the last holder — a stream's releaser, for streams — lets go.
#pragma once

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/ascii.hpp"
#include "pathwise/request_record.hpp"
#include "pathwise/route_table.hpp"
#include "proxy/request_log.hpp"

namespace pathwise::proxy {

// A request's header names for its failure receipt: lowercase, sorted (httplib's Headers is an unordered map, so
// the order sent is lost anyway; sorted reads the same on every run), comma-joined, never a value. Bounded: a
// client may send a hundred long names, the ring keeps 1 KiB. httplib adds REMOTE_ADDR, REMOTE_PORT, LOCAL_ADDR
// and LOCAL_PORT itself; the client sent none of them.
inline std::string header_names_of(const httplib::Headers& headers) {
    constexpr std::size_t kMaxLength = 1024;
    // Views into the request's own names, sorted and compared without case: no string per name on this path.
    std::vector<std::string_view> sorted;
    sorted.reserve(headers.size());
    for (const auto& [name, value] : headers) {
        if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
        sorted.emplace_back(name);
    }
    const auto lowered_less = [](std::string_view a, std::string_view b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [](char x, char y) { return ascii::to_lower(x) < ascii::to_lower(y); });
    };
    std::sort(sorted.begin(), sorted.end(), lowered_less);
    sorted.erase(std::unique(sorted.begin(), sorted.end(), ascii::iequals), sorted.end());
    std::string names;
    for (const std::string_view name : sorted) {
        if (names.size() + name.size() + 1 > kMaxLength) break;
        if (!names.empty()) names += ',';
        for (const char c : name) names += ascii::to_lower(c);
    }
    return names;
}

struct Exchange {
    using Clock = std::chrono::steady_clock;

    // Who writes the finished record (the log line, the metrics, the recent-requests ring).
    struct Finish {
        virtual void finish(RequestRecord& record, double duration_ms) = 0;
        virtual ~Finish() = default;
    };

    Exchange(Finish& finisher, const httplib::Request& req) : finish_to(finisher) {
        record.unix_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        record.method = req.method;
        record.path = redact_target(req.target.empty() ? req.path : req.target);
        record.header_names = header_names_of(req.headers);
    }
    ~Exchange() {
        const double duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        finish_to.finish(record, duration_ms);
    }
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;

    Finish& finish_to;
    Clock::time_point started = Clock::now();
    RequestRecord record;
    Protocol protocol = Protocol::service;  // for error shapes
    std::optional<RouteMatch> match;        // set when the request is to be forwarded
    std::string upstream_path;              // what to send upstream (repaired or as received)
    bool forwarded = false;
    std::optional<httplib::Response> deferred_answer;  // a refusal held until the body has been drained
    bool key_accepted = false;                         // a valid proxy key came with the request
    bool websocket = false;  // a Responses WebSocket upgrade, served as its POST route (responses_socket.hpp)
};

}  // namespace pathwise::proxy
