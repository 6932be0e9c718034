// stream_exchange.hpp — one upstream request running on its own thread, so the proxy can answer with the
// upstream's status and headers as soon as they arrive and then relay the body chunk by chunk.
//
//   auto exchange = StreamExchange::start(upstream, std::move(request));
//   exchange->wait_for_headers(deadline);   // status + headers, or finished with an error
//   ... take_relayable() in the response's content provider; cancel() when the client leaves.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>

#include "upstream/upstream_client.hpp"

namespace pathwise::upstream {

class StreamExchange {
public:
    using Clock = std::chrono::steady_clock;

    static std::shared_ptr<StreamExchange> start(const ResolvedUpstream& upstream, httplib::Request request);
    ~StreamExchange();  // cancels and joins the upstream thread
    StreamExchange(const StreamExchange&) = delete;
    StreamExchange& operator=(const StreamExchange&) = delete;

    // Blocks until the upstream's status line + headers arrived, the exchange finished, or `deadline`.
    // True when headers arrived.
    bool wait_for_headers(Clock::time_point deadline);
    // Blocks until the exchange finished or no byte arrived for `idle`; true when finished.
    bool wait_for_finish(std::chrono::milliseconds idle);

    // Aborts the upstream request (Client::stop): the upstream sees its connection close.
    void cancel();
    void join();

    // Relay side: waits until body bytes are pending, the exchange finished, or `until`.
    // Returns the bytes that can go out now: for SSE only whole events (so an error event appended after a
    // broken stream is never glued to half an event), otherwise everything pending.
    std::string take_relayable(bool whole_events_only, Clock::time_point until);

    [[nodiscard]] int status() const { return status_; }                        // after wait_for_headers
    [[nodiscard]] const httplib::Headers& headers() const { return headers_; }  // after wait_for_headers
    [[nodiscard]] bool finished();
    [[nodiscard]] httplib::Error error();          // Success unless the upstream request failed
    [[nodiscard]] bool cancelled();
    [[nodiscard]] Clock::time_point last_byte_at();
    [[nodiscard]] Clock::time_point started_at() const { return started_at_; }
    [[nodiscard]] std::string take_all();          // whatever is pending (for buffered answers)
    [[nodiscard]] bool has_pending();

private:
    StreamExchange() = default;
    void run(httplib::Request request);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::unique_ptr<httplib::Client> client_;
    std::thread worker_;
    Clock::time_point started_at_;
    Clock::time_point last_byte_at_;
    bool headers_ready_ = false;
    bool finished_ = false;
    bool cancelled_ = false;
    httplib::Error error_ = httplib::Error::Success;
    int status_ = 0;
    httplib::Headers headers_;
    std::string pending_;
};

}  // namespace pathwise::upstream
