#include "upstream/stream_exchange.hpp"

#include <algorithm>

namespace pathwise::upstream {

namespace {

// End of the last complete SSE event in bytes[0, size) (just past its blank line), searching only from `from`
// (the caller's previous scan end): events end with "\n\n" or "\r\n\r\n" (Google's SSE). 0 when none.
std::size_t whole_events_end(const std::string& bytes, std::size_t from) {
    const std::size_t start = from > 3 ? from - 3 : 0;  // a separator may straddle the previous scan's end
    std::size_t end = 0;
    for (std::size_t at = bytes.find('\n', start); at != std::string::npos; at = bytes.find('\n', at + 1)) {
        if (at + 1 < bytes.size() && bytes[at + 1] == '\n') end = at + 2;
        if (at + 3 < bytes.size() && bytes[at + 1] == '\r' && bytes[at + 2] == '\n' && bytes[at + 3] == '\n')
            end = at + 4;
    }
    return end;
}

}  // namespace

std::shared_ptr<StreamExchange> StreamExchange::start(const ResolvedUpstream& upstream, httplib::Request request,
                                                      BufferLimits limits) {
    std::shared_ptr<StreamExchange> exchange(new StreamExchange());
    exchange->limits_ = limits;
    // Our own watchdog enforces first-byte and idle timeouts precisely; the socket timeout is only a backstop.
    const auto backstop =
        std::max(upstream.config.first_byte_timeout, upstream.config.idle_timeout) + std::chrono::milliseconds(1000);
    exchange->client_ = make_client(upstream, backstop, false);
    exchange->started_at_ = Clock::now();
    exchange->last_byte_at_ = exchange->started_at_;
    // The worker only uses the raw pointer: the destructor joins it before the object goes away.
    exchange->worker_ =
        std::thread([self = exchange.get(), request = std::move(request)]() mutable { self->run(std::move(request)); });
    return exchange;
}

StreamExchange::~StreamExchange() {
    cancel();
    join();
}

void StreamExchange::run(httplib::Request request) {
    request.response_handler = [this](const httplib::Response& response) {
        std::lock_guard<std::mutex> lock(mutex_);
        status_ = response.status;
        headers_ = response.headers;
        headers_ready_ = true;
        last_byte_at_ = Clock::now();
        changed_.notify_all();
        return !cancelled_;
    };
    request.content_receiver = [this](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
        std::unique_lock<std::mutex> lock(mutex_);
        // Back-pressure: while the client has not taken what is relayable, stop reading the upstream (its TCP
        // window fills and it waits), so a client that reads slowly or not at all costs a bounded buffer.
        drained_.wait(lock, [this] {
            return cancelled_ || mode_ == BodyMode::buffer_whole || relayable_end() < limits_.high_water;
        });
        if (cancelled_) return false;
        if (mode_ == BodyMode::buffer_whole && pending_.size() + length > limits_.max_body_bytes) {
            body_too_large_ = true;
            changed_.notify_all();
            return false;
        }
        const std::size_t scanned = pending_.size();
        pending_.append(data, length);
        events_end_ = std::max(events_end_, whole_events_end(pending_, scanned));
        last_byte_at_ = Clock::now();
        if (mode_ == BodyMode::relay_events && pending_.size() - events_end_ > limits_.max_event_bytes) {
            event_too_large_ = true;  // one event larger than any real one: stop reading, the relay reports it
            changed_.notify_all();
            return false;
        }
        changed_.notify_all();
        return true;
    };
    httplib::Response response;
    httplib::Error error = httplib::Error::Success;
    const bool ok = client_->send(request, response, error);
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    error_ = ok ? httplib::Error::Success : error;
    if (!headers_ready_ && ok) {  // no handler call happened (should not), keep what the library returned
        status_ = response.status;
        headers_ = response.headers;
        headers_ready_ = true;
    }
    changed_.notify_all();
}

bool StreamExchange::wait_for_headers(Clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_until(lock, deadline, [this] { return headers_ready_ || finished_; });
    return headers_ready_;
}

bool StreamExchange::wait_for_finish(std::chrono::milliseconds idle) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!finished_) {
        const auto deadline = last_byte_at_ + idle;
        if (Clock::now() >= deadline) return false;
        changed_.wait_until(lock, deadline);
    }
    return true;
}

void StreamExchange::cancel() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (finished_) return;
        cancelled_ = true;
        drained_.notify_all();
    }
    // stop() shuts the socket down: a blocked read returns at once and the upstream sees the close.
    client_->stop();
}

void StreamExchange::join() {
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

std::size_t StreamExchange::relayable_end() const {
    return mode_ == BodyMode::relay_events ? events_end_ : pending_.size();
}

std::string StreamExchange::take_relayable(Clock::time_point until) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        // After a clean finish everything goes out; after a broken one, half an event is dropped.
        const bool flush_all = finished_ && error_ == httplib::Error::Success && !event_too_large_;
        const std::size_t end = flush_all ? pending_.size() : relayable_end();
        if (end > 0) {
            std::string out = pending_.substr(0, end);
            pending_.erase(0, end);
            events_end_ = events_end_ > end ? events_end_ - end : 0;
            drained_.notify_all();
            return out;
        }
        if (finished_ || Clock::now() >= until) return {};
        changed_.wait_until(lock, until);
    }
}

void StreamExchange::set_body_mode(BodyMode mode) {
    std::lock_guard<std::mutex> lock(mutex_);
    mode_ = mode;
    drained_.notify_all();
}

bool StreamExchange::body_too_large() {
    std::lock_guard<std::mutex> lock(mutex_);
    return body_too_large_;
}

bool StreamExchange::event_too_large() {
    std::lock_guard<std::mutex> lock(mutex_);
    return event_too_large_;
}

void StreamExchange::shut_down() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        shutting_down_ = true;
        changed_.notify_all();
    }
    cancel();
}

bool StreamExchange::shutting_down() {
    std::lock_guard<std::mutex> lock(mutex_);
    return shutting_down_;
}

bool StreamExchange::finished() {
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_;
}

httplib::Error StreamExchange::error() {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

bool StreamExchange::cancelled() {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_;
}

StreamExchange::Clock::time_point StreamExchange::last_byte_at() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_byte_at_;
}

std::string StreamExchange::take_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string out = std::move(pending_);
    pending_.clear();
    events_end_ = 0;
    drained_.notify_all();
    return out;
}

bool StreamExchange::has_pending() {
    std::lock_guard<std::mutex> lock(mutex_);
    return !pending_.empty();
}

}  // namespace pathwise::upstream
