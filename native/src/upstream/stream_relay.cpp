// stream_relay.cpp — see stream_relay.hpp.
#include "upstream/stream_relay.hpp"

#include <httplib.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "http/protocol_error.hpp"
#include "upstream/upstream_failure.hpp"

namespace pathwise::upstream {

namespace {

using Clock = std::chrono::steady_clock;

// An SSE comment: every SSE parser skips it; it keeps idle-killing middleboxes and clients calm and makes a
// departed client visible (the write fails).
constexpr std::string_view kPing = ": ping\n\n";

// One relayed stream, shared by the response's content provider and its releaser (both run on the
// connection's thread, one after the other).
class StreamRelay {
public:
    StreamRelay(std::shared_ptr<StreamExchange> exchange, std::shared_ptr<const ResolvedUpstream> target,
                RelayOptions options)
        : exchange_(std::move(exchange)), target_(std::move(target)), options_(std::move(options)) {}

    // One call of the content provider: writes what the upstream sent (or a ping) and returns true, ends the
    // stream, or returns false when the client left or a non-SSE stream must be cut.
    bool provide(httplib::DataSink& sink) {
        for (;;) {
            if (!sink.is_writable()) return client_left();
            const bool may_ping = options_.sse && options_.ping_interval.count() > 0 && !exchange_->has_pending();
            const auto idle_deadline = exchange_->last_byte_at() + target_->config.idle_timeout;
            const auto wake = may_ping ? std::min(idle_deadline, last_write_ + options_.ping_interval) : idle_deadline;
            if (exchange_->shutting_down()) return end_with_failure(sink, FailureKind::shutting_down);
            const std::string bytes = exchange_->take_relayable(wake);
            if (!bytes.empty()) return relay(sink, bytes);
            if (exchange_->finished()) return end_finished(sink);
            const auto now = Clock::now();
            if (now >= exchange_->last_byte_at() + target_->config.idle_timeout) {
                exchange_->cancel();
                return end_with_failure(sink, FailureKind::idle_timeout);
            }
            if (may_ping && now >= last_write_ + options_.ping_interval && !exchange_->has_pending()) {
                return write(sink, kPing);
            }
        }
    }

    // The releaser: the upstream request is over either way once this returns.
    RelayOutcome release(bool success) {
        if (!success) {
            client_left_ = client_left_ || error_.empty();
            exchange_->cancel();
        }
        exchange_->join();
        RelayOutcome outcome{bytes_out_, error_};
        if (outcome.error.empty() && client_left_) outcome.error = "client_disconnected";
        return outcome;
    }

private:
    bool client_left() {
        client_left_ = true;
        exchange_->cancel();
        return false;
    }

    // Upstream bytes: as they are, or translated (which may hold them until an event is whole).
    bool relay(httplib::DataSink& sink, std::string_view bytes) {
        if (!options_.translation) return write(sink, bytes);
        const std::string translated = options_.translation->feed(bytes);
        if (!write(sink, translated)) return false;
        if (options_.translation->failed()) return end_translated(sink);
        return true;
    }

    bool write(httplib::DataSink& sink, std::string_view bytes) {
        if (bytes.empty()) return true;
        if (!sink.write(bytes.data(), bytes.size())) return client_left();
        bytes_out_ += bytes.size();
        last_write_ = Clock::now();
        return true;
    }

    // A translated stream whose last bytes (its end, or its error event) were written.
    bool end_translated(httplib::DataSink& sink) {
        if (options_.translation->failed()) {
            error_ = options_.translation->failure_code();
            exchange_->cancel();
        }
        sink.done();
        return true;
    }

    // The upstream's request is over: a clean end, or the reason it is not one.
    bool end_finished(httplib::DataSink& sink) {
        if (exchange_->shutting_down()) return end_with_failure(sink, FailureKind::shutting_down);
        if (exchange_->event_too_large()) return end_with_failure(sink, FailureKind::event_too_large);
        if (exchange_->error() != httplib::Error::Success) return end_with_failure(sink, FailureKind::closed_early);
        if (options_.translation) {
            if (!write(sink, options_.translation->finish())) return false;
            return end_translated(sink);
        }
        sink.done();
        return true;
    }

    // SSE clients get the protocol's error event (their SDKs raise it with our message); other streams are cut,
    // so the client sees a truncated body, not a complete-looking one.
    bool end_with_failure(httplib::DataSink& sink, FailureKind kind) {
        const UpstreamFailure failure = describe_failure(*target_, kind);
        error_ = failure.code;
        if (options_.translation) {
            if (!write(sink, options_.translation->fail(failure.code, failure.message))) return false;
            sink.done();
            return true;
        }
        if (!options_.sse) return false;
        const std::string event = http::error_event({failure.status, target_->protocol, failure.message, failure.code});
        if (!sink.write(event.data(), event.size())) return false;
        bytes_out_ += event.size();
        sink.done();
        return true;
    }

    std::shared_ptr<StreamExchange> exchange_;
    std::shared_ptr<const ResolvedUpstream> target_;
    RelayOptions options_;
    std::uint64_t bytes_out_ = 0;
    Clock::time_point last_write_ = Clock::now();
    std::string error_;
    bool client_left_ = false;
};

}  // namespace

void relay_body(httplib::Response& res, const std::string& content_type, std::shared_ptr<StreamExchange> exchange,
                std::shared_ptr<const ResolvedUpstream> target, RelayOptions options,
                std::function<void(const RelayOutcome&)> ended) {
    auto relay = std::make_shared<StreamRelay>(std::move(exchange), std::move(target), std::move(options));
    res.set_chunked_content_provider(
        content_type, [relay](std::size_t, httplib::DataSink& sink) { return relay->provide(sink); },
        [relay, ended = std::move(ended)](bool success) { ended(relay->release(success)); });
}

}  // namespace pathwise::upstream
