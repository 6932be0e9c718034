// upstream_test_support.hpp — helpers shared by the forwarding tests (streaming, disconnect, failures,
// concurrency, mock protocol): a standalone `pathwise mock` provider and a stream reader that timestamps events.
//
//   auto provider = MockProvider::start({"--token-delay-ms", "20"});
//   auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + provider.origin});
//   StreamRead read = read_stream(proxy.origin(), "/v1/chat/completions", body, {{"Accept-Encoding", "gzip, br"}});
#pragma once

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "pathwise_process.hpp"

namespace pathwise::testing {

// `pathwise mock --port 0 --test-knobs <extra>`: a provider stand-in whose /_mock/stats shows what reached it.
struct MockProvider {
    PathwiseProcess process;
    std::string origin;  // "http://127.0.0.1:41234" ("https://…" with --tls-cert)

    static MockProvider start(std::vector<std::string> extra_args = {}) {
        ProcessOptions options;
        options.args = {"mock", "--port", "0", "--test-knobs"};
        options.args.insert(options.args.end(), extra_args.begin(), extra_args.end());
        MockProvider provider{PathwiseProcess::start(std::move(options)), {}};
        constexpr std::string_view kPrefix = "pathwise mock listening on ";
        if (provider.process.wait_for_stdout("\n", 10s)) {
            const std::string out = provider.process.stdout_text();
            const std::size_t at = out.find(kPrefix);
            if (at != std::string::npos) {
                provider.origin = out.substr(at + kPrefix.size(), out.find('\n', at) - at - kPrefix.size());
            }
        }
        return provider;
    }

    [[nodiscard]] bool ready() const { return !origin.empty(); }

    // GET /_mock/stats (plain http only).
    [[nodiscard]] nlohmann::json stats() const {
        httplib::Client client(origin);
        client.set_connection_timeout(2s);
        client.set_read_timeout(5s);
        auto res = client.Get("/_mock/stats");
        if (!res || res->status != 200) return nlohmann::json::object();
        return nlohmann::json::parse(res->body, nullptr, false);
    }
};

struct TimedEvent {
    double at_ms = 0;  // since the request was sent
    std::string text;  // the event's lines, without the blank line that ends it
};

struct StreamRead {
    int status = 0;
    std::string content_type;
    std::string content_encoding;
    std::vector<TimedEvent> events;  // SSE events (or raw chunks for non-SSE streams)
    std::string body;
    httplib::Error error = httplib::Error::Success;
    double total_ms = 0;
};

// POSTs `body` and reads the answer as it arrives. `stop_after_events` > 0: hang up after that many events
// (the client leaving mid-stream). Headers include Accept-Encoding when the caller sets it.
inline StreamRead read_stream(const std::string& origin, const std::string& path, const std::string& body,
                              httplib::Headers headers = {}, std::size_t stop_after_events = 0,
                              std::chrono::seconds timeout = 30s) {
    using Clock = std::chrono::steady_clock;
    StreamRead read;
    httplib::Client client(origin);
    client.set_connection_timeout(5s);
    client.set_read_timeout(timeout);
    client.set_decompress(false);  // see bytes as sent: a compressed SSE body must fail the test, not be hidden
    httplib::Request request;
    request.method = "POST";
    request.path = path;
    request.headers = std::move(headers);
    request.headers.emplace("Content-Type", "application/json");
    request.body = body;
    const auto started = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - started).count(); };
    std::string pending;
    bool sse = false;
    request.response_handler = [&](const httplib::Response& response) {
        read.status = response.status;
        read.content_type = response.get_header_value("Content-Type");
        read.content_encoding = response.get_header_value("Content-Encoding");
        sse = read.content_type.rfind("text/event-stream", 0) == 0;
        return true;
    };
    request.content_receiver = [&](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
        read.body.append(data, length);
        if (!sse) {
            read.events.push_back({elapsed(), std::string(data, length)});
        } else {
            pending.append(data, length);
            for (std::size_t end; (end = pending.find("\n\n")) != std::string::npos;) {
                read.events.push_back({elapsed(), pending.substr(0, end)});
                pending.erase(0, end + 2);
            }
        }
        return stop_after_events == 0 || read.events.size() < stop_after_events;
    };
    httplib::Response response;
    client.send(request, response, read.error);
    if (read.status == 0) read.status = response.status;
    read.total_ms = elapsed();
    return read;
}

// The JSON after "data: " in an SSE event, null when there is none or it is not JSON.
inline nlohmann::json event_data(const TimedEvent& event) {
    const std::size_t at = event.text.find("data: ");
    if (at == std::string::npos) return nullptr;
    const std::size_t end = event.text.find('\n', at);
    auto parsed = nlohmann::json::parse(
        event.text.substr(at + 6, end == std::string::npos ? std::string::npos : end - at - 6), nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
}

// The "event: NAME" line of an SSE event, "" when none.
inline std::string event_name(const TimedEvent& event) {
    if (event.text.rfind("event: ", 0) != 0) return {};
    return event.text.substr(7, event.text.find('\n') - 7);
}

// Waits until `predicate(stats)` holds or `timeout` passes; returns the last stats seen.
template <class Predicate>
nlohmann::json wait_for_stats(const MockProvider& provider, Predicate predicate, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    nlohmann::json stats = provider.stats();
    while (!predicate(stats) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
        stats = provider.stats();
    }
    return stats;
}

}  // namespace pathwise::testing
