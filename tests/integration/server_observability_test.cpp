// server_observability_test.cpp — what `pathwise serve` tells about traffic: one log line per request (keys
// never in it), GET /_pathwise/requests (the wizard's live view), GET /metrics (Prometheus), and how it stops.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <future>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pathwise_process.hpp"
#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kSecret = "AIzaSy-very-secret-key-42";
const std::string kOpenAiBody = R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})";
const std::string kStreamBody = R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})";

TEST(ServeLog, OneLinePerRequest_WithRouteStatusUpstreamDuration) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/chat/completions", kOpenAiBody, "application/json");
    ASSERT_TRUE(res);
    ASSERT_TRUE(proxy.wait_for_stderr("POST /v1/chat/completions 200", 3s)) << proxy.stderr_text();
    std::istringstream lines(proxy.stderr_text());
    std::string line;
    int matching = 0;
    while (std::getline(lines, line)) {
        if (line.find("POST /v1/chat/completions 200") == std::string::npos) continue;
        ++matching;
        EXPECT_NE(line.find("route=openai.chat_completions"), std::string::npos) << line;
        EXPECT_NE(line.find("upstream=mock"), std::string::npos) << line;
        EXPECT_NE(line.find("ms "), std::string::npos) << line;
        EXPECT_NE(line.find("in=" + std::to_string(kOpenAiBody.size()) + "B"), std::string::npos) << line;
    }
    EXPECT_EQ(matching, 1);
}

TEST(ServeLog, KeysNeverLogged_QueryKeyRedactedEverywhere) {
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", kSecret});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    const std::string path =
        std::string("/v1beta/models/gemini-2.5-flash:generateContent?key=") + kSecret + "&alt=json";
    auto routed = client->Post(path, R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})", "application/json");
    ASSERT_TRUE(routed);
    EXPECT_EQ(routed->status, 200) << routed->body;
    auto wrong = client->Get(std::string("/v1beta/models?key=") + kSecret + "-wrong");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 401);
    auto header_key = client->Post("/v1/chat/completions", {{"Authorization", std::string("Bearer ") + kSecret}},
                                   kOpenAiBody, "application/json");
    ASSERT_TRUE(header_key);
    auto missed =
        client->Post(std::string("/v1/v1beta/models/m:generateContent?key=") + kSecret, "{}", "application/json");
    ASSERT_TRUE(missed);
    auto ring = client->Get("/_pathwise/requests", {{"x-api-key", kSecret}});
    ASSERT_TRUE(ring);
    ASSERT_TRUE(proxy.wait_for_stderr("GET /_pathwise/requests 200", 3s));

    const std::string log = proxy.stderr_text() + proxy.stdout_text();
    EXPECT_EQ(log.find(kSecret), std::string::npos) << log;
    EXPECT_EQ(ring->body.find(kSecret), std::string::npos) << ring->body;
    EXPECT_NE(log.find("?key=REDACTED&alt=json"), std::string::npos) << log;
    EXPECT_NE(ring->body.find("?key=REDACTED&alt=json"), std::string::npos) << ring->body;
}

TEST(ServeLog, JsonFormat_OneJsonObjectPerLine) {
    auto proxy = PathwiseProcess::start_serve({"--log-format", "json"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/v1/messages", "{}", "application/json");
    ASSERT_TRUE(res);
    ASSERT_TRUE(proxy.wait_for_stderr("duplicated_version_prefix", 3s)) << proxy.stderr_text();
    std::istringstream lines(proxy.stderr_text());
    std::string line;
    bool found = false;
    while (std::getline(lines, line)) {
        const json entry = json::parse(line, nullptr, false);
        if (entry.is_discarded() || entry.value("path", "") != "/v1/v1/messages") continue;
        found = true;
        EXPECT_EQ(entry["status"], 404);
        EXPECT_EQ(entry["method"], "POST");
        EXPECT_EQ(entry["diagnosis_kind"], "duplicated_version_prefix");
        EXPECT_TRUE(entry["time"].is_string());
    }
    EXPECT_TRUE(found) << proxy.stderr_text();
}

TEST(ServeRecentRequests, NewestFirst_WithRequestRecordFields) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    ASSERT_TRUE(client->Post("/v1/chat/completions", kOpenAiBody, "application/json"));
    ASSERT_TRUE(client->Post("/v1/v1/messages", "{}", "application/json"));
    ASSERT_TRUE(proxy.wait_for_stderr("POST /v1/v1/messages 404", 3s));
    auto res = client->Get("/_pathwise/requests");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    const json body = json::parse(res->body, nullptr, false);
    const json& requests = body["requests"];
    ASSERT_TRUE(requests.is_array()) << res->body;
    // Newest first; the probe of start_serve (GET /healthz) is older than both.
    std::vector<std::string> paths;
    for (const auto& request : requests) paths.push_back(request["path"]);
    ASSERT_GE(paths.size(), 2u) << res->body;
    EXPECT_EQ(paths[0], "/v1/v1/messages");
    EXPECT_EQ(paths[1], "/v1/chat/completions");
    const json& miss = requests[0];
    EXPECT_EQ(miss["status"], 404);
    EXPECT_EQ(miss["route_id"], "");
    EXPECT_EQ(miss["diagnosis_kind"], "duplicated_version_prefix");
    EXPECT_EQ(miss["fixed_base_url"], proxy.origin());
    const json& routed = requests[1];
    EXPECT_EQ(routed["route_id"], "openai.chat_completions");
    EXPECT_EQ(routed["upstream"], "mock");
    EXPECT_EQ(routed["status"], 200);
    for (const char* field :
         {"unix_ms", "method", "path", "route_id", "diagnosis_kind", "diagnosis", "fixed_base_url", "repaired_to",
          "status", "upstream", "error", "duration_ms", "bytes_in", "bytes_out", "streamed"}) {
        EXPECT_TRUE(routed.contains(field)) << field;
    }
}

// The failure receipt's header list (failure_receipt.hpp): every name the client sent, lowercase, and no value.
TEST(ServeRecentRequests, HeaderNames_AreRecordedWithoutTheirValues) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const std::string secret = "sk-ant-receipt-secret-7f3a";
    auto missed = proxy.client()->Post("/v1/v1/messages?beta=true",
                                       {{"X-Api-Key", secret},
                                        {"Anthropic-Version", "2023-06-01"},
                                        {"User-Agent", "claude-cli/2.1.330 (external, cli)"}},
                                       "{}", "application/json");
    ASSERT_TRUE(missed);
    ASSERT_TRUE(proxy.wait_for_stderr("POST /v1/v1/messages?beta=true 404", 3s)) << proxy.stderr_text();
    auto res = proxy.client()->Get("/_pathwise/requests");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->body.find(secret), std::string::npos) << res->body;
    const json body = json::parse(res->body, nullptr, false);
    const json* miss = nullptr;
    for (const auto& request : body["requests"]) {
        if (request["path"] == "/v1/v1/messages?beta=true") miss = &request;
    }
    ASSERT_NE(miss, nullptr) << res->body;
    const std::string names = (*miss)["header_names"];
    for (const char* name : {"x-api-key", "anthropic-version", "user-agent", "content-type", "host"}) {
        EXPECT_NE(("," + names + ",").find(std::string(",") + name + ","), std::string::npos)
            << name << " in " << names;
    }
    EXPECT_EQ(names.find("REMOTE_ADDR"), std::string::npos) << "httplib's own entries are not the client's: " << names;
    EXPECT_EQ(names.find("remote_addr"), std::string::npos) << names;
    EXPECT_EQ(names.find("2023-06-01"), std::string::npos) << names;
    std::vector<std::string> split;
    for (std::size_t start = 0; start <= names.size();) {
        const std::size_t comma = std::min(names.find(',', start), names.size());
        split.push_back(names.substr(start, comma - start));
        start = comma + 1;
    }
    EXPECT_TRUE(std::is_sorted(split.begin(), split.end())) << "sorted, to read the same on every run: " << names;
    EXPECT_EQ((*miss)["client"], "claude-code");
}

TEST(ServeRecentRequests, Bounded_KeepsOnlyTheConfiguredNumber) {
    auto proxy = PathwiseProcess::start_serve({"--recent-requests", "3"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(client->Get("/healthz"));
    auto res = client->Get("/_pathwise/requests");
    ASSERT_TRUE(res);
    EXPECT_EQ(json::parse(res->body, nullptr, false)["requests"].size(), 3u);
}

std::string metrics_text(PathwiseProcess& proxy) {
    auto res = proxy.client()->Get("/metrics");
    return res && res->status == 200 ? res->body : "";
}

TEST(ServeMetrics, CountsByRouteStatusAndDiagnosis) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(client->Post("/v1/chat/completions", kOpenAiBody, "application/json"));
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(client->Post("/v1/v1/messages", "{}", "application/json"));
    ASSERT_TRUE(client->Post("/chat/completions", "{}", "application/json"));
    ASSERT_TRUE(proxy.wait_for_stderr("POST /chat/completions 404", 3s));
    // Each request is counted when its log line is written, after its answer went out: under load the
    // earlier ones can land a moment after the last, so wait (bounded) until all six are counted.
    std::string text = metrics_text(proxy);
    for (int tries = 0;
         tries < 50 && text.find("pathwise_requests_total{route=\"none\",status=\"404\"} 4\n") == std::string::npos;
         ++tries) {
        std::this_thread::sleep_for(100ms);
        text = metrics_text(proxy);
    }
    EXPECT_NE(text.find("pathwise_requests_total{route=\"openai.chat_completions\",status=\"200\"} 2\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("pathwise_requests_total{route=\"none\",status=\"404\"} 4\n"), std::string::npos) << text;
    EXPECT_NE(text.find("pathwise_not_found_total{diagnosis=\"duplicated_version_prefix\"} 3\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("pathwise_not_found_total{diagnosis=\"missing_version_prefix\"} 1\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("pathwise_upstream_duration_seconds_count{upstream=\"mock\"} 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("pathwise_upstream_duration_seconds_bucket{upstream=\"mock\",le=\"+Inf\"} 2\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("# TYPE pathwise_upstream_duration_seconds histogram"), std::string::npos) << text;
}

TEST(ServeMetrics, InFlightGauge_CountsARunningStream) {
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "100"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // The readiness probe is finished once it is logged (the line is written after the answer is sent).
    ASSERT_TRUE(proxy.wait_for_stderr("GET /healthz 200", 3s));
    // The /metrics request itself is in flight while the text is built: 1 when idle.
    EXPECT_NE(metrics_text(proxy).find("pathwise_requests_in_flight 1\n"), std::string::npos) << metrics_text(proxy);
    auto stream = std::async(std::launch::async, [&] {
        return proxy.client(20s)->Post("/v1/chat/completions", kStreamBody, "application/json");
    });
    std::this_thread::sleep_for(500ms);
    EXPECT_NE(metrics_text(proxy).find("pathwise_requests_in_flight 2\n"), std::string::npos);
    auto res = stream.get();
    ASSERT_TRUE(res);
    EXPECT_NE(res->body.find("[DONE]"), std::string::npos);
    ASSERT_TRUE(proxy.wait_for_stderr("POST /v1/chat/completions 200", 3s));
    EXPECT_NE(metrics_text(proxy).find("pathwise_requests_in_flight 1\n"), std::string::npos);
}

std::string stream_request() {
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           std::to_string(kStreamBody.size()) + "\r\nConnection: close\r\n\r\n" + kStreamBody;
}

TEST(ServeShutdown, SigtermWithStreamInFlight_StreamFinishesThenExit0) {
    // ~20 tokens × 100 ms ≈ 2 s of stream; SIGTERM after 500 ms.
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "100", "--shutdown-grace-ms", "15000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const int port = proxy.port();
    auto stream = std::async(std::launch::async, [port] { return raw_exchange(port, stream_request(), 20s); });
    std::this_thread::sleep_for(500ms);
    proxy.send_signal(SIGTERM);
    EXPECT_TRUE(proxy.wait_for_stderr("SIGTERM received", 3s)) << proxy.stderr_text();
    // No new connections once stopping.
    std::this_thread::sleep_for(100ms);
    auto late = proxy.client(1s)->Get("/healthz");
    EXPECT_FALSE(late) << "a new request was served after SIGTERM";

    const RawResponse res = stream.get();
    EXPECT_EQ(res.status, 200) << res.head;
    EXPECT_NE(res.body.find("[DONE]"), std::string::npos) << "stream cut by shutdown: " << res.body;
    EXPECT_GE(res.elapsed.count(), 1500);
    const auto code = proxy.wait_exit(10s);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 0) << proxy.stderr_text();
    // The stream was logged when it ended.
    EXPECT_NE(proxy.stderr_text().find("POST /v1/chat/completions 200"), std::string::npos) << proxy.stderr_text();
}

TEST(ServeShutdown, StreamLongerThanGrace_CutAndExit0) {
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "1000", "--shutdown-grace-ms", "1000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const int port = proxy.port();
    auto stream = std::async(std::launch::async, [port] { return raw_exchange(port, stream_request(), 30s); });
    std::this_thread::sleep_for(500ms);
    const auto signalled = std::chrono::steady_clock::now();
    proxy.send_signal(SIGINT);
    const auto code = proxy.wait_exit(8s);
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - signalled);
    ASSERT_TRUE(code.has_value()) << proxy.stderr_text();
    EXPECT_EQ(*code, 0);
    EXPECT_LT(took.count(), 5000) << "grace 1 s, exit took " << took.count() << " ms";
    const RawResponse res = stream.get();
    EXPECT_EQ(res.body.find("[DONE]"), std::string::npos);
}

}  // namespace
}  // namespace pathwise::testing
