// security_limits_test.cpp — regression tests for the security review's resource findings: what a hostile
// client or upstream can make the proxy hold (memory, threads, connections) and how it stops. Memory is the
// proxy's own VmRSS from /proc/<pid>/status; each test names its item of the security issue ("security #N").
// Sizes are chosen so today's binary grows visibly past the bound, not to be realistic attacks.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "fault_upstream.hpp"
#include "pathwise_process.hpp"
#include "raw_http.hpp"
#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr long kMiB = 1024;  // VmRSS is in kB
constexpr const char* kChatBody = R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kStreamBody = R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains_ci(const std::string& haystack, const std::string& needle) {
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

std::string openai_error_message(const std::string& text) {
    const json body = json::parse(text, nullptr, false);
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return {};
    return body["error"].value("message", "");
}

long ms_since(Clock::time_point start) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

// ---------------------------------------------------------------- memory of the proxy process

// VmRSS of `pid` in kB, -1 when it cannot be read (the process is gone).
long vm_rss_kb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    }
    return -1;
}

// Samples VmRSS every 50 ms on its own thread; peak_kb() is the largest value seen so far.
class RssSampler {
public:
    explicit RssSampler(pid_t pid) : pid_(pid), baseline_(vm_rss_kb(pid)) {
        thread_ = std::thread([this] {
            while (!stop_) {
                const long now = vm_rss_kb(pid_);
                if (now > peak_) peak_ = now;
                std::this_thread::sleep_for(50ms);
            }
        });
    }
    ~RssSampler() {
        stop_ = true;
        thread_.join();
    }
    RssSampler(const RssSampler&) = delete;
    RssSampler& operator=(const RssSampler&) = delete;
    [[nodiscard]] long baseline_kb() const { return baseline_; }
    [[nodiscard]] long peak_kb() const { return std::max(peak_.load(), vm_rss_kb(pid_)); }
    [[nodiscard]] long growth_kb() const { return peak_kb() - baseline_; }

private:
    pid_t pid_;
    long baseline_;
    std::atomic<long> peak_{0};
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// Ends a proxy with streams still running at once (SIGKILL) instead of waiting out its shutdown grace.
void kill_now(PathwiseProcess& proxy) {
    proxy.send_signal(SIGKILL);
    (void)proxy.wait_exit(5s);
}

// ======================================================================== security #4: deep JSON

std::string deep_chat_body(int depth) {
    return R"({"model":"m","messages":)" + std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + "}";
}

// security #4 item 1: a 100,000-deep JSON body is refused with 400, not a crash of the proxy (its embedded
// mock walks the document recursively and takes the whole process down today).
TEST(DeepJson, HundredThousandDeep_400AndProxyStillAlive) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client(10s);
    auto res = client->Post("/v1/chat/completions", deep_chat_body(100'000), "application/json");
    ASSERT_TRUE(res) << httplib::to_string(res.error()) << " — proxy running: " << proxy.running();
    EXPECT_EQ(res->status, 400) << res->body.substr(0, 500);
    const std::string message = openai_error_message(res->body);
    EXPECT_TRUE(contains_ci(message, "deep") || contains_ci(message, "nest")) << res->body.substr(0, 500);

    EXPECT_TRUE(proxy.running());
    auto health = proxy.client()->Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto normal = proxy.client()->Post("/v1/chat/completions", kChatBody, "application/json");
    ASSERT_TRUE(normal);
    EXPECT_EQ(normal->status, 200) << normal->body;
}

// security #4 item 2: the same against `pathwise mock` on its own.
TEST(DeepJson, HundredThousandDeepToPathwiseMock_400AndMockStillAlive) {
    auto provider = MockProvider::start();
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    httplib::Client client(provider.origin);
    client.set_read_timeout(10s);
    auto res = client.Post("/v1/chat/completions", deep_chat_body(100'000), "application/json");
    ASSERT_TRUE(res) << httplib::to_string(res.error()) << " — mock running: " << provider.process.running();
    EXPECT_EQ(res->status, 400) << res->body.substr(0, 500);
    const std::string message = openai_error_message(res->body);
    EXPECT_TRUE(contains_ci(message, "deep") || contains_ci(message, "nest")) << res->body.substr(0, 500);

    EXPECT_TRUE(provider.process.running());
    auto normal = client.Post("/v1/chat/completions", kChatBody, "application/json");
    ASSERT_TRUE(normal);
    EXPECT_EQ(normal->status, 200) << normal->body;
}

// ======================================================================== security #5: header flood

struct FloodResult {
    int status = 0;                        // of the first answer, 0 when none came
    bool closed = false;                   // the server closed (or reset) the connection
    std::uint64_t sent_when_answered = 0;  // what we had written when the answer (or the close) arrived
    std::uint64_t total = 0;
    std::string answer;
};

// Writes prefix + `count` × unit + suffix on one connection from a thread while reading; stops writing as
// soon as the server answers or closes (EPIPE/ECONNRESET count as the server refusing, not as a failure).
FloodResult flood(int port, const std::string& prefix, const std::string& unit, std::size_t count,
                  const std::string& suffix, std::size_t units_per_write) {
    FloodResult result;
    result.total = prefix.size() + unit.size() * count + suffix.size();
    RawConnection connection(port);
    if (!connection.connected()) return result;
    std::atomic<std::uint64_t> sent{0};
    std::atomic<bool> stop{false};
    std::thread sender([&] {
        if (!connection.send(prefix)) return;
        sent += prefix.size();
        std::string batch;
        for (std::size_t i = 0; i < units_per_write; ++i) batch += unit;
        for (std::size_t done = 0; done < count && !stop;) {
            const std::size_t units = std::min(units_per_write, count - done);
            if (!connection.send(std::string_view(batch).substr(0, units * unit.size()), 15s)) return;
            sent += units * unit.size();
            done += units;
        }
        if (!stop && connection.send(suffix)) sent += suffix.size();
    });
    const auto deadline = Clock::now() + 20s;
    while (Clock::now() < deadline) {
        if (!connection.read_some(result.answer, 100ms)) {
            result.closed = true;
            break;
        }
        if (!result.answer.empty()) break;
    }
    result.sent_when_answered = sent.load();
    stop = true;
    ::shutdown(connection.fd(), SHUT_RDWR);  // unblocks the sender at once
    sender.join();
    if (result.answer.rfind("HTTP/1.", 0) == 0 && result.answer.size() >= 12)
        result.status = std::atoi(result.answer.c_str() + 9);
    return result;
}

// security #5 item 1: 60 MB of 4 KB header lines are refused (431) after the first max_header_bytes, not read
// and kept in memory until the end.
TEST(HeaderFlood, FifteenThousandHeaderLines_431EarlyAndLittleMemory) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RssSampler rss(proxy.pid());
    const std::string line = "X-Flood: " + std::string(4096 - 11, 'f') + "\r\n";
    const FloodResult result =
        flood(proxy.port(), "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n", line, 15'000, "\r\n", 64);
    EXPECT_TRUE(result.status == 431 || (result.status == 0 && result.closed)) << result.answer.substr(0, 300);
    EXPECT_LT(result.sent_when_answered, result.total / 2)
        << "answered only after " << result.sent_when_answered << " of " << result.total << " bytes";
    EXPECT_LT(rss.growth_kb(), 30 * kMiB) << "baseline " << rss.baseline_kb() << " kB, peak " << rss.peak_kb() << " kB";
    EXPECT_TRUE(proxy.running());
}

// security #5 item 2: a 100 MB request line is refused (414) early, not buffered whole.
TEST(HeaderFlood, HundredMegabyteRequestLine_414EarlyAndLittleMemory) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RssSampler rss(proxy.pid());
    const FloodResult result =
        flood(proxy.port(), "GET /", std::string(1u << 20, 'a'), 100, " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1);
    EXPECT_TRUE(result.status == 414 || (result.status == 0 && result.closed)) << result.answer.substr(0, 300);
    EXPECT_LT(result.sent_when_answered, result.total / 2)
        << "answered only after " << result.sent_when_answered << " of " << result.total << " bytes";
    EXPECT_LT(rss.growth_kb(), 30 * kMiB) << "baseline " << rss.baseline_kb() << " kB, peak " << rss.peak_kb() << " kB";
    EXPECT_TRUE(proxy.running());
}

// ======================================================================== security #7: answer buffering

// A streamed POST read as it arrives, for at most `deadline`; keeps the status, the first bytes, and the SSE
// events small enough to be real events (an "event" of megabytes is the upstream's garbage, dropped).
struct StreamWatch {
    int status = 0;
    std::uint64_t bytes = 0;
    std::string first_bytes;
    std::vector<std::string> events;
    bool error_event = false;
    long error_at_ms = -1;
    httplib::Error error = httplib::Error::Success;
};

bool is_error_event(const std::string& event) {
    if (event.rfind("event: error", 0) == 0) return true;
    const json data = event_data(TimedEvent{0, event});
    return data.is_object() && (data.contains("error") || data.value("type", "") == "error");
}

StreamWatch watch_stream(const std::string& origin, const std::string& body, std::chrono::milliseconds deadline) {
    StreamWatch watch;
    httplib::Client client(origin);
    client.set_connection_timeout(5s);
    client.set_read_timeout(deadline);
    client.set_decompress(false);
    httplib::Request request;
    request.method = "POST";
    request.path = "/v1/chat/completions";
    request.headers.emplace("Content-Type", "application/json");
    request.body = body;
    const auto started = Clock::now();
    std::string pending;
    request.response_handler = [&](const httplib::Response& response) {
        watch.status = response.status;
        return true;
    };
    request.content_receiver = [&](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
        watch.bytes += length;
        if (watch.first_bytes.size() < 65536) watch.first_bytes.append(data, std::min<std::size_t>(length, 65536));
        pending.append(data, length);
        for (std::size_t end; (end = pending.find("\n\n")) != std::string::npos;) {
            std::string event = pending.substr(0, end);
            pending.erase(0, end + 2);
            if (event.size() > 65536) continue;
            if (is_error_event(event) && !watch.error_event) {
                watch.error_event = true;
                watch.error_at_ms = ms_since(started);
            }
            watch.events.push_back(std::move(event));
        }
        if (pending.size() > (1u << 20)) pending.erase(0, pending.size() - 65536);  // an endless event: keep its tail
        return !watch.error_event && Clock::now() - started < deadline;
    };
    httplib::Response response;
    client.send(request, response, watch.error);
    if (watch.status == 0) watch.status = response.status;
    if (watch.status >= 400 && watch.first_bytes.empty()) watch.first_bytes = response.body.substr(0, 65536);
    return watch;
}

// security #7 (a): a client that asks for a stream and never reads must not make the proxy buffer what the
// upstream sends as fast as it can (here 400 MiB): the proxy stops reading the upstream instead.
TEST(AnswerBuffering, StreamToClientThatNeverReads_ProxyMemoryStaysBounded) {
    FaultUpstream upstream(FaultUpstream::sse_flood(400ull << 20));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RssSampler rss(proxy.pid());

    RawConnection client(proxy.port(), 4096);
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(
        client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Length: " +
                    std::to_string(std::string(kStreamBody).size()) + "\r\n\r\n" + kStreamBody));
    ASSERT_TRUE(upstream.wait_for_requests(1, 5s)) << "the stream never reached the upstream";
    std::this_thread::sleep_for(4s);  // never reading
    const long after = vm_rss_kb(proxy.pid());
    EXPECT_GT(after, 0) << "the proxy died";
    EXPECT_LT(after, 120 * kMiB) << "VmRSS " << after << " kB after 4 s (baseline " << rss.baseline_kb() << " kB, peak "
                                 << rss.peak_kb() << " kB)";
    kill_now(proxy);
}

// security #7 (b): an SSE "event" that never ends (80 MB without a blank line) ends the stream with an error
// once it passes max_event_bytes (16 MiB by default), instead of being buffered until the upstream stops.
TEST(AnswerBuffering, SseEventWithoutEnd_ClientGetsAnErrorAndMemoryStaysBounded) {
    FaultUpstream upstream(FaultUpstream::sse_without_blank_line(80u << 20, 15s));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RssSampler rss(proxy.pid());

    const StreamWatch watch = watch_stream(proxy.origin(), kStreamBody, 10s);
    const bool refused = watch.status == 502;
    const bool error_event = watch.status == 200 && watch.error_event;
    EXPECT_TRUE(refused || error_event) << "status " << watch.status << ", " << watch.bytes << " bytes, "
                                        << watch.events.size() << " events, client error "
                                        << httplib::to_string(watch.error) << "\n"
                                        << watch.first_bytes.substr(0, 500);
    EXPECT_LT(rss.peak_kb(), 150 * kMiB) << "baseline " << rss.baseline_kb() << " kB";
    kill_now(proxy);
}

// security #7 (c): a plain answer announcing 300 MiB is refused (502 naming max_response_bytes, 64 MiB by
// default) instead of being read whole into memory (twice) and passed on.
TEST(AnswerBuffering, NonStreamedAnswerOf300MiB_502NamingTheLimitAndMemoryStaysBounded) {
    FaultUpstream upstream(FaultUpstream::huge_json(300ull << 20));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RssSampler rss(proxy.pid());

    const StreamWatch watch = watch_stream(proxy.origin(), kChatBody, 15s);
    EXPECT_EQ(watch.status, 502) << watch.bytes << " bytes of answer";
    EXPECT_TRUE(contains_ci(openai_error_message(watch.first_bytes), "max_response_bytes"))
        << watch.first_bytes.substr(0, 500);
    EXPECT_LT(rss.peak_kb(), 200 * kMiB) << "baseline " << rss.baseline_kb() << " kB";
    kill_now(proxy);
}

// ======================================================================== security #9: bind address decides auth

PathwiseProcess start_serve_unchecked(std::vector<std::string> args) {
    ProcessOptions options;
    options.args = {"serve", "--port", "0"};
    options.args.insert(options.args.end(), args.begin(), args.end());
    return PathwiseProcess::start(std::move(options));
}

// security #9 item 1: listening on every interface without a key is refused before serving.
TEST(BindAddress, AllInterfacesWithoutKey_RefusesToStart) {
    auto serve = start_serve_unchecked({"--host", "0.0.0.0"});
    const auto code = serve.wait_exit(5s);
    ASSERT_TRUE(code.has_value()) << "serve started on 0.0.0.0 with no key:\n" << serve.stdout_text();
    EXPECT_EQ(*code, 1);
    EXPECT_TRUE(contains_ci(serve.stderr_text(), "key")) << serve.stderr_text();
    EXPECT_EQ(serve.stdout_text().find(kListeningPrefix), std::string::npos) << serve.stdout_text();
}

// security #9 item 2: on every interface with a key, auth is on (auto must follow the bind address, not only
// allow_lan_access).
TEST(BindAddress, AllInterfacesWithKey_AuthOnAndKeylessRequest401) {
    auto proxy = PathwiseProcess::start_serve({"--host", "0.0.0.0", "--api-key", "k"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    ASSERT_TRUE(proxy.wait_for_stdout("Auth:", 2s)) << proxy.stdout_text();
    const std::string out = proxy.stdout_text();
    const std::size_t at = out.find("Auth:");
    std::string auth = out.substr(at + 5, out.find('\n', at) - at - 5);
    auth.erase(0, auth.find_first_not_of(' '));
    EXPECT_NE(auth.rfind("off", 0), 0u) << "banner says Auth: " << auth;
    auto res = proxy.client()->Post("/v1/chat/completions", kChatBody, "application/json");  // to 127.0.0.1
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << res->body;
}

// security #9 item 3: LAN access with auth explicitly off is refused.
TEST(BindAddress, LanAccessWithAuthOff_RefusesToStart) {
    auto serve = start_serve_unchecked({"--allow-lan-access", "--auth-mode", "off", "--api-key", "k"});
    const auto code = serve.wait_exit(5s);
    ASSERT_TRUE(code.has_value()) << "serve started for the LAN with auth off:\n" << serve.stdout_text();
    EXPECT_EQ(*code, 1);
    EXPECT_TRUE(contains_ci(serve.stderr_text(), "auth")) << serve.stderr_text();
}

// ======================================================================== security #10: slow clients

// Sends a request one byte per second; returns how long after connecting the server closed the connection,
// or nullopt if it was still open after `at_most`.
std::optional<long> trickle(int port, std::chrono::milliseconds at_most) {
    const auto started = Clock::now();
    RawConnection connection(port);
    if (!connection.connected()) return 0;
    const std::string text = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(200, 's');
    std::string answer;
    for (std::size_t i = 0; i < text.size() && Clock::now() - started < at_most; ++i) {
        if (!connection.send(std::string_view(text).substr(i, 1), 1s)) return ms_since(started);
        const auto next = Clock::now() + 1s;
        while (Clock::now() < next) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now());
            if (!connection.read_some(answer, std::max(left, 1ms))) return ms_since(started);
        }
    }
    return std::nullopt;
}

// security #10 item 1: clients trickling their headers are cut at the header deadline (a total, not a per-read
// timeout), so 8 of them cannot hold all 8 threads and starve everyone else.
TEST(SlowClients, EightTricklersOnEightThreads_NinthServedAndTricklersCut) {
    auto proxy = PathwiseProcess::start_serve({"--threads", "8", "--header-read-timeout-ms", "2000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    std::vector<std::optional<long>> closed_after(8);
    std::vector<std::thread> tricklers;
    for (std::size_t i = 0; i < closed_after.size(); ++i) {
        tricklers.emplace_back([&, i] { closed_after[i] = trickle(proxy.port(), 10s); });
    }
    std::this_thread::sleep_for(500ms);  // every trickler holds a thread now
    const auto res =
        raw_exchange(proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 8s);
    for (auto& trickler : tricklers) trickler.join();
    EXPECT_EQ(res.status, 200) << res.head;
    EXPECT_LT(res.elapsed.count(), 6000) << "the 9th connection waited for a trickler";
    for (std::size_t i = 0; i < closed_after.size(); ++i) {
        ASSERT_TRUE(closed_after[i].has_value()) << "trickler " << i << " was never cut off";
        EXPECT_LT(*closed_after[i], 4500) << "trickler " << i;
    }
}

// security #10 item 2: one client cannot hold more than max_connections_per_client connections.
TEST(SlowClients, FifthConnectionOverPerClientCap_RefusedAtOnce) {
    auto proxy = PathwiseProcess::start_serve({"--max-connections-per-client", "4"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // Four keep-alive connections that each got one answer: the proxy has accepted and counted every one of them
    // (a fixed pause instead was not enough on a loaded machine), and they stay open, idle, holding the cap. A
    // connection the start-up probe just closed may still be counted for a moment: a 503 then is retried.
    std::vector<std::unique_ptr<RawConnection>> idle;
    const auto deadline = Clock::now() + 10s;
    while (idle.size() < 4 && Clock::now() < deadline) {
        auto connection = std::make_unique<RawConnection>(proxy.port());
        ASSERT_TRUE(connection->connected());
        ASSERT_TRUE(connection->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        std::string first;
        while (count_status_lines(first) < 1 && Clock::now() < deadline && connection->read_some(first, 1s)) {
        }
        const std::vector<int> codes = status_codes(first);
        if (codes == std::vector<int>{200}) {
            idle.push_back(std::move(connection));
        } else {
            ASSERT_EQ(codes, std::vector<int>{503}) << first;
            std::this_thread::sleep_for(50ms);
        }
    }
    ASSERT_EQ(idle.size(), 4u) << "four connections from one address must be served at once";
    const auto started = Clock::now();
    RawConnection fifth(proxy.port());
    std::string answer;
    bool closed = !fifth.connected();
    if (!closed) {
        (void)fifth.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        closed = fifth.read_until_close(answer, 1s);
    }
    const long waited = ms_since(started);
    const std::vector<int> codes = status_codes(answer);
    EXPECT_TRUE(closed || (!codes.empty() && codes.front() == 503)) << "after " << waited << " ms:\n" << answer;
    EXPECT_TRUE(codes.empty() || codes.front() == 503) << answer;
    EXPECT_LT(waited, 1500);

    idle.clear();
    std::this_thread::sleep_for(300ms);
    const auto res =
        raw_exchange(proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_EQ(res.status, 200) << res.head;
}

// ======================================================================== security #13: shutdown

// A chat stream from the embedded mock that runs for about 12 s at 200 ms per token: the mock answers with a
// fixed sentence that includes the model name word by word (it has no length knob), so a model name of 40
// words makes 60 tokens.
std::string long_stream_body() {
    std::string model = "slow";
    for (int i = 0; i < 40; ++i) model += " word";
    return json{{"model", model}, {"stream", true}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}}.dump();
}

// A streamed request on its own thread, read as it arrives.
class BackgroundStream {
public:
    BackgroundStream(std::string origin, std::string body) {
        thread_ = std::thread([this, origin = std::move(origin), body = std::move(body)] {
            httplib::Client client(origin);
            client.set_connection_timeout(5s);
            client.set_read_timeout(10s);
            client.set_decompress(false);
            httplib::Request request;
            request.method = "POST";
            request.path = "/v1/chat/completions";
            request.headers.emplace("Content-Type", "application/json");
            request.body = body;
            request.content_receiver = [this](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
                const std::lock_guard lock(mutex_);
                body_.append(data, length);
                return true;
            };
            httplib::Response response;
            httplib::Error error = httplib::Error::Success;
            client.send(request, response, error);
            const std::lock_guard lock(mutex_);
            error_ = error;
            finished_at_ = Clock::now();
            done_ = true;
        });
    }
    ~BackgroundStream() { join(); }
    BackgroundStream(const BackgroundStream&) = delete;
    BackgroundStream& operator=(const BackgroundStream&) = delete;

    bool wait_for_bytes(std::size_t count, std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            if (body().size() >= count) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    std::string body() {
        const std::lock_guard lock(mutex_);
        return body_;
    }
    [[nodiscard]] bool done() {
        const std::lock_guard lock(mutex_);
        return done_;
    }
    [[nodiscard]] httplib::Error error() {
        const std::lock_guard lock(mutex_);
        return error_;
    }
    [[nodiscard]] Clock::time_point finished_at() {
        const std::lock_guard lock(mutex_);
        return finished_at_;
    }

private:
    std::mutex mutex_;
    std::string body_;
    bool done_ = false;
    httplib::Error error_ = httplib::Error::Success;
    Clock::time_point finished_at_{};
    std::thread thread_;
};

// security #13 (a): at the end of the shutdown grace a running stream is ended properly — an error event that
// says why, then the end of the chunked body — and logged, and the process exits 0.
TEST(Shutdown, SigtermDuringStream_StreamEndsWithShuttingDownErrorEventWithinGrace) {
    auto proxy = PathwiseProcess::start_serve({"--shutdown-grace-ms", "1000", "--mock-token-delay-ms", "200"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    BackgroundStream stream(proxy.origin(), long_stream_body());
    ASSERT_TRUE(stream.wait_for_bytes(1, 5s)) << "the stream did not start";
    const auto signalled = Clock::now();
    proxy.send_signal(SIGTERM);
    stream.join();

    const long ended_after = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(stream.finished_at() - signalled).count());
    EXPECT_LT(ended_after, 1000 + 2000) << "the stream did not end within the grace + 2 s";
    EXPECT_EQ(stream.error(), httplib::Error::Success)
        << "the chunked body was cut instead of ended: " << httplib::to_string(stream.error());
    const std::string body = stream.body();
    bool shutting_down_event = false;
    std::string rest = body;
    for (std::size_t end; (end = rest.find("\n\n")) != std::string::npos; rest.erase(0, end + 2)) {
        const std::string event = rest.substr(0, end);
        shutting_down_event = shutting_down_event || (is_error_event(event) && contains_ci(event, "shutting down"));
    }
    EXPECT_TRUE(shutting_down_event) << body.substr(body.size() > 1500 ? body.size() - 1500 : 0);

    const auto code = proxy.wait_exit(5s);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 0);
    EXPECT_NE(proxy.stderr_text().find("POST /v1/chat/completions"), std::string::npos) << proxy.stderr_text();
}

// security #13 (b): a second SIGTERM during the grace means "now".
TEST(Shutdown, SecondSigtermDuringGrace_ExitsAtOnce) {
    auto proxy = PathwiseProcess::start_serve({"--shutdown-grace-ms", "10000", "--mock-token-delay-ms", "200"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    BackgroundStream stream(proxy.origin(), long_stream_body());
    ASSERT_TRUE(stream.wait_for_bytes(1, 5s)) << "the stream did not start";
    proxy.send_signal(SIGTERM);
    std::this_thread::sleep_for(300ms);
    ASSERT_TRUE(proxy.running()) << "the first SIGTERM should wait for the stream (grace 10 s)";
    const auto second = Clock::now();
    proxy.send_signal(SIGTERM);
    const auto code = proxy.wait_exit(1s);
    EXPECT_TRUE(code.has_value()) << "still running " << ms_since(second) << " ms after the second SIGTERM";
    if (!code) kill_now(proxy);
    stream.join();
}

// security #13 (c): an idle keep-alive connection is not a request in flight: SIGTERM exits at once.
TEST(Shutdown, OnlyIdleKeepAliveOpen_SigtermExitsAtOnce) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    RawConnection keep_alive(proxy.port());
    ASSERT_TRUE(keep_alive.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    std::string answer;
    const auto deadline = Clock::now() + 5s;
    while (answer.find("\"ok\"") == std::string::npos && Clock::now() < deadline) {
        ASSERT_TRUE(keep_alive.read_some(answer, 1s)) << "closed instead of kept alive";
    }
    ASSERT_EQ(status_codes(answer), std::vector<int>{200}) << answer;

    const auto signalled = Clock::now();
    proxy.send_signal(SIGTERM);
    const auto code = proxy.wait_exit(1s);
    ASSERT_TRUE(code.has_value()) << "still running " << ms_since(signalled) << " ms after SIGTERM";
    EXPECT_EQ(*code, 0);
}

}  // namespace
}  // namespace pathwise::testing
