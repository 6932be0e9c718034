// server_limits_test.cpp — limits (413, 431, slow clients, many concurrent connections) and browser safety
// (CORS allow-list, Host check against DNS rebinding) of the real `pathwise serve`.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "pathwise_process.hpp"
#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

TEST(ServeLimits, BodyOverLimit_413InProtocolShape) {
    auto proxy = PathwiseProcess::start_serve({"--max-body-bytes", "1000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const std::string big(5000, 'a');
    auto anthropic = proxy.client()->Post("/v1/messages", big, "application/json");
    ASSERT_TRUE(anthropic);
    EXPECT_EQ(anthropic->status, 413);
    const json anthropic_body = json::parse(anthropic->body, nullptr, false);
    EXPECT_EQ(anthropic_body["type"], "error") << anthropic->body;
    EXPECT_EQ(anthropic_body["error"]["type"], "request_too_large") << anthropic->body;
    EXPECT_NE(anthropic_body["error"]["message"].get<std::string>().find("1000"), std::string::npos);

    auto gemini = proxy.client()->Post("/v1beta/models/gemini-2.5-flash:generateContent", big, "application/json");
    ASSERT_TRUE(gemini);
    EXPECT_EQ(gemini->status, 413);
    EXPECT_EQ(json::parse(gemini->body, nullptr, false)["error"]["code"], 413) << gemini->body;

    // Under the limit it goes through.
    auto small = proxy.client()->Post(
        "/v1/messages", R"({"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]})",
        "application/json");
    ASSERT_TRUE(small);
    EXPECT_EQ(small->status, 200);
}

TEST(ServeLimits, HeaderLineOver8k_431) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // cpp-httplib (0.18.7, CPPHTTPLIB_HEADER_MAX_LENGTH 8192) refuses a header line over 8192 bytes before any
    // handler; the proxy names it 431.
    const auto res = raw_exchange(proxy.port(),
                                  "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(20000, 'b') +
                                      "\r\nConnection: close\r\n\r\n",
                                  5s);
    EXPECT_EQ(res.status, 431) << res.head;
}

TEST(ServeLimits, ManyHeadersOverMaxHeaderBytes_431) {
    auto proxy = PathwiseProcess::start_serve({"--max-header-bytes", "4096"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    std::string headers;
    for (int i = 0; i < 20; ++i) headers += "X-Filler-" + std::to_string(i) + ": " + std::string(400, 'f') + "\r\n";
    const auto res = raw_exchange(
        proxy.port(), "GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n", 5s);
    EXPECT_EQ(res.status, 431) << res.head;
    EXPECT_EQ(json::parse(res.body, nullptr, false)["error"]["code"], "headers_too_large") << res.body;
}

TEST(ServeLimits, ClientStopsMidHeaders_CutOffByReadTimeout) {
    auto proxy = PathwiseProcess::start_serve({"--header-read-timeout-ms", "1000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // The request line and half a header, then silence: after the read timeout the proxy gives up on the
    // request (a 4xx, no handler ran) instead of holding the pool thread.
    const auto res = raw_exchange(proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 3500ms);
    EXPECT_GE(res.status, 400) << res.head;
    EXPECT_LT(res.status, 500) << res.head;
    EXPECT_GE(res.elapsed.count(), 900);
}

TEST(ServeLimits, IdleKeepAlive_ClosedAfterKeepAliveTimeout) {
    auto proxy = PathwiseProcess::start_serve({"--keep-alive-timeout-ms", "1000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // A full request, then silence: the connection must not hold a pool thread for long.
    const auto closed_after =
        time_until_server_closes(proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 8s);
    ASSERT_TRUE(closed_after.has_value());
    EXPECT_LT(closed_after->count(), 4000);
}

TEST(ServeLimits, ThreadPoolSizedAtRunTime_300SlowStreamsProgressTogether) {
    // Each stream holds one pool thread (docs/building.md); the .so's compiled-in pool is 8. With 300 threads,
    // 256 streams of ~1 s each must all finish in about 1 s, not 256/8 × 1 s.
    auto proxy = PathwiseProcess::start_serve({"--threads", "300", "--mock-token-delay-ms", "40"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    constexpr int kStreams = 256;
    std::atomic<int> completed{0};
    std::atomic<int> failures_reported{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> clients;
    clients.reserve(kStreams);
    for (int i = 0; i < kStreams; ++i) {
        clients.emplace_back([&] {
            auto client = proxy.client(30s);
            auto res = client->Post("/v1/chat/completions",
                                    R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})",
                                    "application/json");
            if (res && res->status == 200 && res->body.find("[DONE]") != std::string::npos) {
                ++completed;
            } else if (failures_reported.fetch_add(1) < 3) {
                std::fprintf(stderr, "stream failed: %s %d %s\n", res ? "" : httplib::to_string(res.error()).c_str(),
                             res ? res->status : 0, res ? res->body.substr(0, 300).c_str() : "");
            }
        });
    }
    for (auto& client : clients) client.join();
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(completed.load(), kStreams);
    EXPECT_LT(elapsed.count(), 15000) << "streams waited for pool threads";
    std::fprintf(stderr, "[ measured ] %d concurrent streams finished in %lld ms\n", kStreams,
                 static_cast<long long>(elapsed.count()));
}

TEST(BrowserSafety, ForeignHost_403ExplainingDnsRebinding) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(
        proxy.port(), "GET /v1/models HTTP/1.1\r\nHost: attacker.example:8045\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_EQ(res.status, 403) << res.head;
    const std::string message = json::parse(res.body, nullptr, false)["error"]["message"];
    EXPECT_NE(message.find("DNS-rebinding"), std::string::npos) << message;
    EXPECT_NE(message.find("allowed_hosts"), std::string::npos) << message;
}

TEST(BrowserSafety, LocalHostNames_Accepted) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const std::string port = std::to_string(proxy.port());
    for (const std::string& host : {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port,
                                    "app.localhost:" + port, "127.0.0.2:" + port}) {
        SCOPED_TRACE(host);
        const auto res =
            raw_exchange(proxy.port(), "GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 5s);
        EXPECT_EQ(res.status, 200) << res.head;
    }
}

TEST(BrowserSafety, MachineHostname_Accepted) {
    char name[256] = {};
    ASSERT_EQ(::gethostname(name, sizeof name - 1), 0);
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(
        proxy.port(), "GET /healthz HTTP/1.1\r\nHost: " + std::string(name) + ":8045\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_EQ(res.status, 200) << name << "\n" << res.head;
}

TEST(BrowserSafety, ConfiguredAllowedHost_Accepted) {
    auto proxy = PathwiseProcess::start_serve({"--allowed-host", "proxy.internal"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(
        proxy.port(), "GET /healthz HTTP/1.1\r\nHost: proxy.internal:8045\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_EQ(res.status, 200) << res.head;
}

TEST(BrowserSafety, PrivateIpHost_OnlyWithLanAccess) {
    {
        auto proxy = PathwiseProcess::start_serve();
        ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
        const auto res = raw_exchange(
            proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 192.168.1.20:8045\r\nConnection: close\r\n\r\n", 5s);
        EXPECT_EQ(res.status, 403) << res.head;
    }
    {
        auto proxy = PathwiseProcess::start_serve({"--allow-lan-access", "--host", "127.0.0.1", "--api-key", "k"});
        ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
        const auto res = raw_exchange(
            proxy.port(), "GET /healthz HTTP/1.1\r\nHost: 192.168.1.20:8045\r\nConnection: close\r\n\r\n", 5s);
        EXPECT_EQ(res.status, 200) << res.head;
    }
}

TEST(BrowserSafety, LocalOrigin_GetsCorsHeaders) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    for (const std::string origin : {"http://localhost:5173", "https://127.0.0.1:3000", "http://[::1]:8080"}) {
        SCOPED_TRACE(origin);
        auto res = proxy.client()->Get("/v1/models", {{"Origin", origin}});
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200);
        EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), origin);
    }
}

TEST(BrowserSafety, ForeignOrigin_RefusedWithoutCorsHeaders) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // A page on another site must not spend the upstream quota through the proxy, even with a "simple" request.
    auto res = proxy.client()->Post("/v1/chat/completions", {{"Origin", "https://evil.example"}},
                                    R"({"model":"m","messages":[]})", "text/plain");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
    auto preflight = proxy.client()->Options(
        "/v1/chat/completions", {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 403);
    EXPECT_FALSE(preflight->has_header("Access-Control-Allow-Origin"));
}

TEST(BrowserSafety, ConfiguredOrigin_Allowed) {
    auto proxy = PathwiseProcess::start_serve({"--cors-origin", "https://chat.example.org"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto preflight =
        proxy.client()->Options("/v1/messages", {{"Origin", "https://chat.example.org"},
                                                 {"Access-Control-Request-Method", "POST"},
                                                 {"Access-Control-Request-Headers", "x-api-key,anthropic-version"}});
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 204);
    EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), "https://chat.example.org");
    EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Headers"), "x-api-key,anthropic-version");
}

}  // namespace
}  // namespace pathwise::testing
