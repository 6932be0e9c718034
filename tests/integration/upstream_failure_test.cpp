// When the upstream misbehaves the client gets an answer its SDK can show: refused → 502, too slow → 504,
// silent or dead mid-stream → a protocol-shaped error event; each message names the upstream and what to check.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <ostream>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

struct ProtocolCase {
    const char* name;
    const char* protocol;
    const char* path;  // non-streamed request
    const char* body;
    const char* stream_path;  // streamed request
    const char* stream_body;
};

// gtest names the case by its name instead of dumping the struct's bytes.
void PrintTo(const ProtocolCase& c, std::ostream* os) {
    *os << c.name;
}

const ProtocolCase kProtocols[] = {
    {"OpenAi", "openai", "/v1/chat/completions", R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})",
     "/v1/chat/completions", R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]})"},
    {"Anthropic", "anthropic", "/v1/messages",
     R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]})", "/v1/messages",
     R"({"model":"claude-sonnet-4-5","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"hi"}]})"},
    {"Gemini", "gemini", "/v1beta/models/gemini-2.5-flash:generateContent",
     R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})",
     "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
     R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})"},
};

// The error message inside each protocol's documented error shape, "" when the shape is wrong.
//   OpenAI {"error":{"message":…}}; Anthropic {"type":"error","error":{"type":…,"message":…}};
//   Gemini {"error":{"code":N,"message":…,"status":…}}
std::string error_message(const std::string& protocol, const json& body, int status) {
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return {};
    const json& error = body["error"];
    if (protocol == "anthropic" && (body.value("type", "") != "error" || !error.contains("type"))) return {};
    if (protocol == "gemini" && (error.value("code", 0) != status || !error.contains("status"))) return {};
    return error.value("message", "");
}

std::string config_file(const TempDir& dir, const std::string& protocol, const json& upstream) {
    return dir.write_file("config.json", json{{"upstreams", {{protocol, upstream}}}}.dump());
}

class UpstreamFailure : public ::testing::TestWithParam<ProtocolCase> {};

TEST_P(UpstreamFailure, NothingListening_502NamingTheUpstreamAndTheSetting) {
    const ProtocolCase& c = GetParam();
    const std::string dead = "http://127.0.0.1:" + std::to_string(pick_free_port());
    auto proxy = PathwiseProcess::start_serve({"--upstream", std::string(c.protocol) + "=" + dead});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    for (const bool stream : {false, true}) {
        const StreamRead read =
            read_stream(proxy.origin(), stream ? c.stream_path : c.path, stream ? c.stream_body : c.body);
        EXPECT_EQ(read.status, 502) << read.body;
        const std::string message = error_message(c.protocol, json::parse(read.body, nullptr, false), 502);
        EXPECT_NE(message.find("upstream " + dead), std::string::npos) << read.body;
        EXPECT_NE(message.find("refused"), std::string::npos) << read.body;
        EXPECT_NE(message.find(std::string("upstreams.") + c.protocol + ".base_url"), std::string::npos) << read.body;
    }
    // An upstream that is down may come back: a client's own retries stay allowed.
    auto res = httplib::Client(proxy.origin()).Post(c.path, c.body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 502);
    EXPECT_FALSE(res->has_header("X-Should-Retry")) << "a 502 is not final";
}

TEST_P(UpstreamFailure, DiesMidStream_StreamEndsWithTheProtocolsErrorEvent) {
    const ProtocolCase& c = GetParam();
    auto provider = MockProvider::start({"--token-delay-ms", "5"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve({"--upstream", std::string(c.protocol) + "=" + provider.origin});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read =
        read_stream(proxy.origin(), c.stream_path, c.stream_body, {{"x-pathwise-mock-fail", "die_midstream"}});
    ASSERT_EQ(read.status, 200) << read.body;
    ASSERT_EQ(read.events.size(), 4u) << "the provider sends 3 events, then the proxy adds one error event:\n"
                                      << read.body;
    const TimedEvent& last = read.events.back();
    const json data = event_data(last);
    if (std::string(c.protocol) == "anthropic") {
        EXPECT_EQ(event_name(last), "error");
        EXPECT_EQ(data.value("type", ""), "error");
        EXPECT_EQ(data["error"].value("type", ""), "api_error");
    }
    const std::string message = error_message(c.protocol, data, 502);
    EXPECT_NE(message.find("upstream " + provider.origin), std::string::npos) << last.text;
    EXPECT_NE(message.find("closed the connection"), std::string::npos) << last.text;
    EXPECT_EQ(read.body.find("[DONE]"), std::string::npos) << "a broken stream must not look finished";
}

TEST_P(UpstreamFailure, ProviderAnswersAnErrorStatus_StatusAndBodyPassThrough) {
    const ProtocolCase& c = GetParam();
    auto provider = MockProvider::start();
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve({"--upstream", std::string(c.protocol) + "=" + provider.origin});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    for (const bool stream : {false, true}) {
        const StreamRead read = read_stream(proxy.origin(), stream ? c.stream_path : c.path,
                                            stream ? c.stream_body : c.body, {{"x-pathwise-mock-fail", "status:429"}});
        EXPECT_EQ(read.status, 429) << read.body;
        const std::string message = error_message(c.protocol, json::parse(read.body, nullptr, false), 429);
        EXPECT_NE(message.find("asked to fail with 429"), std::string::npos) << read.body;
    }
}

INSTANTIATE_TEST_SUITE_P(EveryProtocol, UpstreamFailure, ::testing::ValuesIn(kProtocols),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(UpstreamTimeouts, SlowFirstByte_504AfterTheConfiguredTimeNotTheProvidersDelay) {
    auto provider = MockProvider::start();
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    TempDir dir;
    const std::string config =
        config_file(dir, "openai", {{"base_url", provider.origin}, {"first_byte_timeout_ms", 300}});
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    for (const bool stream : {false, true}) {
        const StreamRead read =
            read_stream(proxy.origin(), "/v1/chat/completions",
                        stream ? R"({"model":"m","stream":true,"messages":[]})" : R"({"model":"m","messages":[]})",
                        {{"x-pathwise-mock-first-byte-delay-ms", "3000"}});
        EXPECT_EQ(read.status, 504) << read.body;
        const std::string message = error_message("openai", json::parse(read.body, nullptr, false), 504);
        EXPECT_NE(message.find("no response within 300 ms"), std::string::npos) << read.body;
        EXPECT_NE(message.find("first_byte_timeout"), std::string::npos) << read.body;
        EXPECT_LT(read.total_ms, 2000.0) << "the proxy waited for the provider instead of its own timeout";
    }
}

TEST(UpstreamTimeouts, SilentBetweenChunks_StreamEndsWithIdleTimeoutErrorEvent) {
    auto provider = MockProvider::start({"--token-delay-ms", "5"});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    TempDir dir;
    const std::string config = config_file(dir, "gemini", {{"base_url", provider.origin}, {"idle_timeout_ms", 300}});
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read =
        read_stream(proxy.origin(), "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                    R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})",
                    {{"x-pathwise-mock-fail", "stall_midstream"}, {"x-pathwise-mock-stall-ms", "5000"}});
    ASSERT_EQ(read.status, 200) << read.body;
    ASSERT_EQ(read.events.size(), 3u) << "2 events, the silence, then the error event:\n" << read.body;
    const json data = event_data(read.events.back());
    const std::string message = error_message("gemini", data, 504);
    EXPECT_NE(message.find("went silent for 300 ms"), std::string::npos) << read.events.back().text;
    EXPECT_EQ(data["error"].value("status", ""), "DEADLINE_EXCEEDED");
    EXPECT_LT(read.total_ms, 3000.0);
}

// A port whose accept queue is full: the kernel drops further SYNs, so a connect neither succeeds nor is
// refused — what a firewalled or overloaded host looks like. Sockets are closed by the destructor.
struct BlackholePort {
    int listener = -1;
    std::vector<int> fillers;
    int port = 0;
    BlackholePort() {
        listener = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (bind(listener, reinterpret_cast<sockaddr*>(&address), length) != 0 || listen(listener, 0) != 0) return;
        getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
        for (int i = 0; i < 4; ++i) {  // never accepted: they fill the queue
            const int filler = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            (void)connect(filler, reinterpret_cast<sockaddr*>(&address), length);
            fillers.push_back(filler);
        }
    }
    ~BlackholePort() {
        for (int filler : fillers) close(filler);
        if (listener >= 0) close(listener);
    }
};

TEST(UpstreamTimeouts, ConnectNeverCompletes_504AfterConnectTimeout) {
    BlackholePort blackhole;
    ASSERT_GT(blackhole.port, 0);
    const std::string upstream = "http://127.0.0.1:" + std::to_string(blackhole.port);
    TempDir dir;
    const std::string config = config_file(dir, "openai", {{"base_url", upstream}, {"connect_timeout_ms", 300}});
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read = read_stream(proxy.origin(), "/v1/chat/completions",
                                        R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(read.status, 504) << read.body;
    const std::string message = error_message("openai", json::parse(read.body, nullptr, false), 504);
    EXPECT_NE(message.find("upstream " + upstream + " did not accept the connection within 300 ms"), std::string::npos)
        << read.body;
    EXPECT_LT(read.total_ms, 2000.0);
}

// A private CA made at test time with the openssl command line; the provider stand-in serves HTTPS with it.
struct TestPki {
    TempDir dir;
    std::string ca_pem, server_pem, server_key;
    bool ok = false;
    TestPki() {
        const std::string d = dir.path();
        ca_pem = d + "/ca.pem";
        server_pem = d + "/server.pem";
        server_key = d + "/server.key";
        const std::string ext = dir.write_file("ext.cnf", "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
        const std::string script =
            "cd '" + d +
            "' && "
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem "
            "-days 2 -subj '/CN=Pathwise test CA' && "
            "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr "
            "-subj '/CN=127.0.0.1' && "
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
            "-extfile '" +
            ext + "'";
        ok = std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0;
    }
};

TEST(UpstreamHttps, PrivateCaConfigured_RequestsGoThroughVerified) {
    TestPki pki;
    ASSERT_TRUE(pki.ok) << "openssl could not make the test certificates";
    auto provider = MockProvider::start({"--tls-cert", pki.server_pem, "--tls-key", pki.server_key});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    ASSERT_EQ(provider.origin.rfind("https://127.0.0.1:", 0), 0u) << provider.origin;
    TempDir dir;
    const std::string config = config_file(dir, "anthropic", {{"base_url", provider.origin}, {"ca_file", pki.ca_pem}});
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead plain =
        read_stream(proxy.origin(), "/v1/messages",
                    R"({"model":"claude-haiku-4-5","max_tokens":9,"messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(plain.status, 200) << plain.body;
    EXPECT_EQ(json::parse(plain.body, nullptr, false).value("model", ""), "claude-haiku-4-5");
    const StreamRead streamed = read_stream(
        proxy.origin(), "/v1/messages",
        R"({"model":"claude-haiku-4-5","stream":true,"max_tokens":9,"messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(streamed.status, 200) << streamed.body;
    ASSERT_FALSE(streamed.events.empty());
    EXPECT_EQ(event_name(streamed.events.back()), "message_stop");
}

TEST(UpstreamHttps, CertificateFromUnknownCa_502SayingToSetCaFile) {
    TestPki pki;
    ASSERT_TRUE(pki.ok) << "openssl could not make the test certificates";
    auto provider = MockProvider::start({"--tls-cert", pki.server_pem, "--tls-key", pki.server_key});
    ASSERT_TRUE(provider.ready()) << provider.process.stderr_text();
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + provider.origin});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const StreamRead read = read_stream(proxy.origin(), "/v1/chat/completions",
                                        R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})");
    EXPECT_EQ(read.status, 502) << read.body;
    const std::string message = error_message("openai", json::parse(read.body, nullptr, false), 502);
    EXPECT_NE(message.find("upstream " + provider.origin), std::string::npos) << read.body;
    EXPECT_NE(message.find("certificate that could not be verified"), std::string::npos) << read.body;
    EXPECT_NE(message.find("upstreams.openai.ca_file"), std::string::npos) << read.body;
}

}  // namespace
}  // namespace pathwise::testing
