// stream_exchange.hpp — one upstream request running on its own thread, so the proxy can answer with the
// upstream's status and headers as soon as they arrive and then relay the body chunk by chunk.
//
//   auto exchange = StreamExchange::start(upstream, std::move(request), limits);
//   exchange->wait_for_headers(deadline);   // status + headers, or finished with an error
//   ... take_relayable() in the response's content provider; cancel() when the client leaves.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "upstream/upstream_client.hpp"

namespace pathwise::upstream {

// How much of an upstream's answer may wait in memory for the client.
struct BufferLimits {
    std::size_t high_water = 1u << 20;        // relayable bytes held before the upstream stops being read
    std::size_t max_event_bytes = 16u << 20;  // one SSE event (no blank line for longer: the stream fails)
    std::size_t max_body_bytes = 64u << 20;   // a whole answer that is not relayed as it comes
};

// What the relay does with the answer's body, decided once its headers arrived.
enum class BodyMode {
    relay_events,  // SSE: whole events as they complete (the default until the headers say otherwise)
    relay_bytes,   // any other stream: bytes as they come
    buffer_whole,  // an error answer or a sized body: kept until it ended, up to max_body_bytes
};

class StreamExchange {
public:
    using Clock = std::chrono::steady_clock;

    static std::shared_ptr<StreamExchange> start(const ResolvedUpstream& upstream, httplib::Request request,
                                                 BufferLimits limits);
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

    // Relay side: waits until body bytes are relayable, the exchange finished, or `until`.
    // Returns the bytes that can go out now: for SSE only whole events (so an error event appended after a
    // broken stream is never glued to half an event), otherwise everything pending. Taking them lets the
    // upstream be read again (back-pressure).
    std::string take_relayable(Clock::time_point until);
    void set_body_mode(BodyMode mode);
    [[nodiscard]] bool event_too_large();  // relay_events: more than max_event_bytes came without an event end
    [[nodiscard]] bool body_too_large();   // buffer_whole: the answer exceeded max_body_bytes
    // The proxy is shutting down: the relay ends with an error event saying so, the upstream is cancelled.
    void shut_down();
    [[nodiscard]] bool shutting_down();

    [[nodiscard]] int status() const { return status_; }                        // after wait_for_headers
    [[nodiscard]] const httplib::Headers& headers() const { return headers_; }  // after wait_for_headers
    [[nodiscard]] bool finished();
    [[nodiscard]] httplib::Error error();  // Success unless the upstream request failed
    [[nodiscard]] bool cancelled();
    [[nodiscard]] Clock::time_point last_byte_at();
    [[nodiscard]] Clock::time_point started_at() const { return started_at_; }
    [[nodiscard]] std::string take_all();  // whatever is pending (for buffered answers)
    [[nodiscard]] bool has_pending();

private:
    StreamExchange() = default;
    void run(httplib::Request request);
    [[nodiscard]] std::size_t relayable_end() const;  // with mutex_ held

    BufferLimits limits_;
    std::mutex mutex_;
    std::condition_variable changed_;  // bytes arrived, or the exchange finished
    std::condition_variable drained_;  // the relay took bytes, or the exchange was cancelled
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
    std::size_t events_end_ = 0;  // end of the last whole SSE event in pending_
    BodyMode mode_ = BodyMode::relay_events;
    bool event_too_large_ = false;
    bool body_too_large_ = false;
    bool shutting_down_ = false;
};

}  // namespace pathwise::upstream
