#include "upstream/stream_exchange.hpp"

#include <algorithm>

namespace pathwise::upstream {

namespace {

// End of the last complete SSE event in `bytes` (just past its blank line), 0 when there is none.
// Events end with "\n\n" (or "\r\n\r\n", which Google's SSE uses).
std::size_t whole_events_end(const std::string& bytes) {
    const std::size_t lf = bytes.rfind("\n\n");
    const std::size_t crlf = bytes.rfind("\r\n\r\n");
    std::size_t end = 0;
    if (lf != std::string::npos) end = lf + 2;
    if (crlf != std::string::npos) end = std::max(end, crlf + 4);
    return end;
}

}  // namespace

std::shared_ptr<StreamExchange> StreamExchange::start(const ResolvedUpstream& upstream, httplib::Request request) {
    std::shared_ptr<StreamExchange> exchange(new StreamExchange());
    // Our own watchdog enforces first-byte and idle timeouts precisely; the socket timeout is only a backstop.
    const auto backstop = std::max(upstream.config.first_byte_timeout, upstream.config.idle_timeout) +
                          std::chrono::milliseconds(1000);
    exchange->client_ = make_client(upstream, backstop, false);
    exchange->started_at_ = Clock::now();
    exchange->last_byte_at_ = exchange->started_at_;
    // The worker only uses the raw pointer: the destructor joins it before the object goes away.
    exchange->worker_ = std::thread([self = exchange.get(), request = std::move(request)]() mutable {
        self->run(std::move(request));
    });
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
        std::lock_guard<std::mutex> lock(mutex_);
        if (cancelled_) return false;
        pending_.append(data, length);
        last_byte_at_ = Clock::now();
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
    }
    // stop() shuts the socket down: a blocked read returns at once and the upstream sees the close.
    client_->stop();
}

void StreamExchange::join() {
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

std::string StreamExchange::take_relayable(bool whole_events_only, Clock::time_point until) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        // After a clean finish everything goes out; after a broken one, half an event is dropped.
        const bool flush_all = !whole_events_only || (finished_ && error_ == httplib::Error::Success);
        const std::size_t end = flush_all ? pending_.size() : whole_events_end(pending_);
        if (end > 0) {
            std::string out = pending_.substr(0, end);
            pending_.erase(0, end);
            return out;
        }
        if (finished_ || Clock::now() >= until) return {};
        changed_.wait_until(lock, until);
    }
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
    return out;
}

bool StreamExchange::has_pending() {
    std::lock_guard<std::mutex> lock(mutex_);
    return !pending_.empty();
}

}  // namespace pathwise::upstream
