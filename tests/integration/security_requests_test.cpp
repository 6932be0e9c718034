// security_requests_test.cpp — regression tests for the security review's request-handling findings: what a
// hostile request can make the proxy serve, forward or log (static files outside the web root, header
// injection both ways, request smuggling behind a refusal, body limits that chunking or gzip get around, paths
// that decode into other routes, Gemini keys that leak when percent-encoded, non-UTF-8 input, unsafe settings).
// Each test names its item of the security issue ("security #N"); the upstream is a FaultUpstream, so a test
// can say exactly which bytes reached the provider.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "fault_upstream.hpp"
#include "pathwise_process.hpp"
#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

constexpr const char* kChatBody = R"({"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]})";
constexpr const char* kUpstreamAnswer = R"({"id":"chatcmpl-fault","object":"chat.completion","choices":[]})";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains_ci(const std::string& haystack, const std::string& needle) {
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

// The message of a protocol-shaped error body, "" when the body is not that shape.
//   openai {"error":{"message":…}}; anthropic {"type":"error","error":{"type","message"}};
//   gemini {"error":{"code","message","status"}}
std::string error_message(const std::string& protocol, const std::string& text) {
    const json body = json::parse(text, nullptr, false);
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return {};
    const json& error = body["error"];
    if (protocol == "anthropic" && (body.value("type", "") != "error" || !error.contains("type"))) return {};
    if (protocol == "gemini" && (!error.contains("code") || !error.contains("status"))) return {};
    return error.contains("message") && error["message"].is_string() ? error["message"].get<std::string>() : "";
}

std::string post_request(const std::string& target, const std::string& body, const std::string& extra_headers = "") {
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n" + extra_headers + "Connection: close\r\n\r\n" + body;
}

std::string get_request(const std::string& target, const std::string& extra_headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

// Gives a request the proxy wrongly forwarded time to reach the upstream before asserting it did not.
void let_stray_bytes_arrive() {
    std::this_thread::sleep_for(300ms);
}

std::string upstream_config(const TempDir& dir, const std::string& protocol, const json& upstream) {
    return dir.write_file("config.json", json{{"upstreams", {{protocol, upstream}}}}.dump());
}

// ======================================================================== security #1: static files

struct WebRoot {
    TempDir dir;
    std::string root;
    std::string secret_path;
    std::string secret = "PATHWISE-SECRET-" + std::to_string(::getpid()) + "-c0ffee";
    std::string index = "<!doctype html><title>Pathwise wizard</title>";
    WebRoot() {
        root = std::filesystem::path(dir.write_file("web/index.html", index)).parent_path().string();
        secret_path = dir.write_file("private/secret.txt", secret);
        std::filesystem::create_symlink(secret_path, std::filesystem::path(root) / "notes.txt");
    }
};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

struct StaticCase {
    const char* name;
    std::string (*target)(const WebRoot&);
    bool works_today;  // the item is about a behaviour that already holds
};

void PrintTo(const StaticCase& c, std::ostream* os) {
    *os << c.name;
}

// Enough "../" to climb from any temporary directory to "/".
std::string climb(const std::string& step) {
    std::string out;
    for (int i = 0; i < 16; ++i) out += step;
    return out;
}

const StaticCase kStaticCases[] = {
    // curl --path-as-is http://127.0.0.1:8045//etc/passwd: "/" + "/etc/passwd" joined is "/etc/passwd".
    {"DoubleSlashAbsolutePath", [](const WebRoot& w) { return "/" + w.secret_path; }, false},
    // The same with the slashes percent-encoded: the decoded path is "//…".
    {"EncodedSlashAbsolutePath", [](const WebRoot& w) { return "/" + replace_all(w.secret_path, "/", "%2F"); }, false},
    // Already refused today (".." segments are checked after decoding); kept so a fix cannot regress it.
    {"EncodedSlashDotDot", [](const WebRoot& w) { return "/" + climb("..%2F") + w.secret_path.substr(1); }, true},
    {"EncodedDotDotSegments", [](const WebRoot& w) { return "/" + climb("%2e%2e/") + w.secret_path.substr(1); }, true},
    // A symlink inside the web root that points outside it.
    {"SymlinkOutOfWebRoot", [](const WebRoot&) { return std::string("/notes.txt"); }, false},
};

class StaticFiles : public ::testing::TestWithParam<StaticCase> {};

// security #1 items 1–5: none of these paths serves a file outside the web root, key or no key.
TEST_P(StaticFiles, PathOutsideWebRoot_NotServed) {
    const StaticCase& c = GetParam();
    WebRoot web;
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", "k", "--web-root", web.root});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const std::string target = c.target(web);
    const auto res = raw_exchange(proxy.port(), get_request(target), 5s);
    ASSERT_NE(res.status, 0) << "no answer for GET " << target;
    EXPECT_NE(res.status, 200) << "GET " << target << "\n" << res.head;
    EXPECT_EQ(res.body.find(web.secret), std::string::npos) << "GET " << target << " served the secret:\n" << res.body;
}

INSTANTIATE_TEST_SUITE_P(Security1, StaticFiles, ::testing::ValuesIn(kStaticCases),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

// security #1: the wizard's own files stay public in strict mode (works today; must survive the fix).
TEST(StaticFilesPublic, IndexHtmlWithoutKey_ServedInStrictMode) {
    WebRoot web;
    auto proxy = PathwiseProcess::start_serve({"--auth-mode", "strict", "--api-key", "k", "--web-root", web.root});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(proxy.port(), get_request("/index.html"), 5s);
    EXPECT_EQ(res.status, 200) << res.head;
    EXPECT_EQ(res.body, web.index);
}

// ======================================================================== security #2: header injection

struct InjectionCase {
    const char* name;
    const char* header_line;  // sent verbatim; the library percent-decodes header values
};

void PrintTo(const InjectionCase& c, std::ostream* os) {
    *os << c.name;
}

const InjectionCase kInjectionCases[] = {
    {"EncodedCrlf", "Accept-Language: en%0d%0aX-Injected: yes%0d%0a%0d%0aGET /admin HTTP/1.1\r\n"},
    {"EncodedNul", "Accept-Language: en%00X-Injected: yes\r\n"},
};

class HeaderInjection : public ::testing::TestWithParam<InjectionCase> {};

// security #2 item 1: a control character hidden in a header value is refused with 400 naming the header, and
// not one byte goes upstream (where it would have split the request, with our upstream key in it).
TEST_P(HeaderInjection, RequestHeaderWithControlCharacter_400NamingItAndNothingSentUpstream) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    TempDir dir;
    const std::string config =
        upstream_config(dir, "openai", {{"base_url", upstream.origin()}, {"api_key", "sk-upstream-secret"}});
    auto proxy = PathwiseProcess::start_serve({"--config", config});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const auto res =
        raw_exchange(proxy.port(), post_request("/v1/chat/completions", kChatBody, GetParam().header_line), 5s);
    EXPECT_EQ(res.status, 400) << res.head << "\n" << res.body;
    const std::string message = error_message("openai", res.body);
    EXPECT_TRUE(contains_ci(message, "Accept-Language")) << res.body;
    let_stray_bytes_arrive();
    const std::string seen = upstream.received();
    EXPECT_EQ(seen.find("X-Injected"), std::string::npos) << seen;
    EXPECT_EQ(seen.find("GET /admin"), std::string::npos) << seen;
    EXPECT_EQ(upstream.received_bytes(), 0u) << "the refused request reached the upstream:\n" << seen;

    // A normal request afterwards, on a new connection, gets the upstream's answer.
    const auto normal = raw_exchange(proxy.port(), post_request("/v1/chat/completions", kChatBody), 5s);
    EXPECT_EQ(normal.status, 200) << normal.head;
    EXPECT_EQ(normal.body, kUpstreamAnswer);
}

INSTANTIATE_TEST_SUITE_P(Security2, HeaderInjection, ::testing::ValuesIn(kInjectionCases),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

// security #2 item 2: an upstream header whose value decodes to CRLF must not become a header of our answer.
TEST(HeaderInjectionResponse, UpstreamHeaderWithEncodedCrlf_NoSetCookieReachesTheClient) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer, "X-Up: a%0d%0aSet-Cookie: pwned=1\r\n"));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const auto res = raw_exchange(proxy.port(), post_request("/v1/chat/completions", kChatBody), 5s);
    ASSERT_NE(res.status, 0) << "no answer";
    ASSERT_EQ(upstream.request_count(), 1u);
    EXPECT_EQ(header_value(res.head, "Set-Cookie"), "") << res.head;
    EXPECT_FALSE(contains_ci(res.head, "pwned")) << res.head;
    if (res.status == 200) {  // dropping the header is enough; refusing the answer (502) is too
        EXPECT_EQ(res.body, kUpstreamAnswer);
    }
}

// ======================================================================== security #3: smuggling

// Header lines of exactly `bytes` bytes in total ("X-Pad: aaa…\r\n", each under 4 KB).
std::string pad_lines(std::size_t bytes) {
    std::string out;
    while (bytes > 0) {
        std::size_t line = std::min<std::size_t>(bytes, 4000);
        if (bytes - line > 0 && bytes - line < 16) line -= 16;
        out += "X-Pad: " + std::string(line - 9, 'a') + "\r\n";
        bytes -= line;
    }
    return out;
}

// The request hidden at the end of the body: no Origin, so it would be forwarded if it were ever parsed.
std::string smuggled_request() {
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
           "application/json\r\nContent-Length: " +
           std::to_string(std::string(kChatBody).size()) + "\r\nConnection: close\r\n\r\n" + kChatBody;
}

// A body of exactly `size` bytes that reads, to a parser that mistakes it for requests, as a GET /healthz with
// filler headers and then the smuggled POST.
std::string smuggling_body(std::size_t size) {
    const std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    const std::string tail = "\r\n" + smuggled_request();
    return head + pad_lines(size - head.size() - tail.size()) + tail;
}

std::string refused_head(const std::string& framing) {
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
           "Content-Type: text/plain\r\n" +
           framing + "\r\n";
}

struct SmuggleCase {
    const char* name;
    std::string (*head)();
    std::string (*body)();
    bool works_today;
};

void PrintTo(const SmuggleCase& c, std::ostream* os) {
    *os << c.name;
}

constexpr std::size_t kLargeBody = (1u << 20) + (4u << 10);

const SmuggleCase kSmuggleCases[] = {
    // Over the 1 MiB drain limit: refused at once, "Connection: close" written — but the connection is kept.
    {"LargeContentLength", [] { return refused_head("Content-Length: " + std::to_string(kLargeBody) + "\r\n"); },
     [] { return smuggling_body(kLargeBody); }, false},
    {"Chunked", [] { return refused_head("Transfer-Encoding: chunked\r\n"); },
     [] {
         const std::string data = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + smuggled_request();
         char size[32];
         std::snprintf(size, sizeof size, "%zx\r\n", data.size());
         return std::string(size) + data + "\r\n0\r\n\r\n";
     },
     false},
    // A small body is read before the refusal is sent (works today; kept so a fix cannot regress it).
    {"SmallContentLengthCoveringIt", [] { return refused_head("Content-Length: 1024\r\n"); },
     [] { return smuggling_body(1024); }, true},
};

class Smuggling : public ::testing::TestWithParam<SmuggleCase> {};

// security #3: a request refused before its body is read must not leave the body to be parsed as further
// requests on the same connection: exactly one answer (the 403), and the upstream sees nothing.
TEST_P(Smuggling, RequestInsideRefusedBody_OneAnswerAndNothingForwarded) {
    const SmuggleCase& c = GetParam();
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy =
        PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin(), "--keep-alive-timeout-ms", "1000"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    RawConnection connection(proxy.port());
    ASSERT_TRUE(connection.connected());
    ASSERT_TRUE(connection.send(c.head()));
    const std::string body = c.body();
    // The body goes in a separate write, while we read; the server may close before taking it all.
    std::thread sender([&] {
        std::this_thread::sleep_for(50ms);
        (void)connection.send(body, 5s);
    });
    std::string answer;
    (void)connection.read_until_close(answer, 5s);
    sender.join();

    const std::vector<int> codes = status_codes(answer);
    EXPECT_EQ(codes, std::vector<int>{403}) << answer.substr(0, 2000);
    EXPECT_EQ(std::count(codes.begin(), codes.end(), 200), 0);
    let_stray_bytes_arrive();
    EXPECT_EQ(upstream.request_count(), 0u) << upstream.received().substr(0, 2000);
}

INSTANTIATE_TEST_SUITE_P(Security3, Smuggling, ::testing::ValuesIn(kSmuggleCases),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

// ======================================================================== security #6: body limits

std::string gzip(const std::string& text) {
    httplib::detail::gzip_compressor compressor;
    std::string out;
    compressor.compress(text.data(), text.size(), true, [&](const char* data, std::size_t length) {
        out.append(data, length);
        return true;
    });
    return out;
}

// {"model":"m","messages":[],"pad":"<spaces>"} inflating to `inflated` bytes, compressed on the fly.
std::string gzip_bomb(std::size_t inflated) {
    const std::string open = R"({"model":"m","messages":[],"pad":")";
    const std::string close = "\"}";
    const std::string spaces(1u << 20, ' ');
    httplib::detail::gzip_compressor compressor;
    std::string out;
    const auto sink = [&](const char* data, std::size_t length) {
        out.append(data, length);
        return true;
    };
    compressor.compress(open.data(), open.size(), false, sink);
    std::size_t left = inflated - open.size() - close.size();
    while (left > 0) {
        const std::size_t take = std::min(left, spaces.size());
        compressor.compress(spaces.data(), take, false, sink);
        left -= take;
    }
    compressor.compress(close.data(), close.size(), true, sink);
    return out;
}

// Sends `head` then `body` on one connection (the body from a thread, tolerating an early close) and returns
// everything the server answered within `timeout`.
std::string exchange_in_two_writes(int port, const std::string& head, const std::string& body,
                                   std::chrono::milliseconds timeout) {
    RawConnection connection(port);
    if (!connection.connected() || !connection.send(head)) return {};
    std::thread sender([&] { (void)connection.send(body, timeout); });
    std::string answer;
    (void)connection.read_until_close(answer, timeout);
    sender.join();
    return answer;
}

// security #6 item 1: chunked framing does not get a body past max_body_bytes.
TEST(BodyLimits, ChunkedBodyOverLimit_413AndNothingForwarded) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy =
        PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin(), "--max-body-bytes", "1048576"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    std::string chunks =
        "10000\r\n" + std::string(R"({"model":"m","messages":[],"pad":")") + std::string(0x10000 - 34, ' ') + "\r\n";
    const std::string filler = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    for (int i = 1; i < 320; ++i) chunks += filler;  // 320 × 64 KiB = 20 MiB
    chunks += "2\r\n\"}\r\n0\r\n\r\n";
    const std::string answer = exchange_in_two_writes(
        proxy.port(),
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        chunks, 10s);
    const std::vector<int> codes = status_codes(answer);
    ASSERT_FALSE(codes.empty()) << "no answer";
    EXPECT_EQ(codes.front(), 413) << answer.substr(0, 1000);
    let_stray_bytes_arrive();
    EXPECT_EQ(upstream.request_count(), 0u) << "forwarded " << upstream.received_bytes() << " bytes";
}

// security #6 item 2: a ~200 KB gzip body that inflates to 200 MiB is refused by its inflated size.
TEST(BodyLimits, GzipBombUnderLimitCompressed_413AndNothingForwarded) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy =
        PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin(), "--max-body-bytes", "1048576"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const std::string bomb = gzip_bomb(200u << 20);
    ASSERT_LT(bomb.size(), 1u << 20) << "the compressed body must be under the limit to test the inflated size";
    const std::string answer = exchange_in_two_writes(
        proxy.port(),
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Encoding: gzip\r\nContent-Length: " +
            std::to_string(bomb.size()) + "\r\nConnection: close\r\n\r\n",
        bomb, 15s);
    const std::vector<int> codes = status_codes(answer);
    ASSERT_FALSE(codes.empty()) << "no answer";
    EXPECT_EQ(codes.front(), 413) << answer.substr(0, 1000);
    let_stray_bytes_arrive();
    EXPECT_EQ(upstream.request_count(), 0u) << "forwarded " << upstream.received_bytes() << " bytes";
}

// security #6 item 3: a small gzip body is forwarded decoded, and no longer labelled gzip.
TEST(BodyLimits, SmallGzipJson_ForwardedDecodedWithoutContentEncoding) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy =
        PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin(), "--max-body-bytes", "1048576"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const std::string compressed = gzip(kChatBody);
    const auto res =
        raw_exchange(proxy.port(),
                     "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Encoding: gzip\r\nContent-Length: " +
                         std::to_string(compressed.size()) + "\r\nConnection: close\r\n\r\n" + compressed,
                     5s);
    EXPECT_EQ(res.status, 200) << res.head << "\n" << res.body;
    ASSERT_EQ(upstream.request_count(), 1u);
    const UpstreamRequest request = upstream.requests().front();
    EXPECT_EQ(json::parse(request.body, nullptr, false), json::parse(kChatBody)) << request.body;
    EXPECT_FALSE(contains_ci(request.header("Content-Encoding"), "gzip")) << request.head;
}

// ======================================================================== security #8: decoded vs forwarded path

struct PathCase {
    const char* name;
    const char* target;
    std::vector<int> statuses;  // any of these
    const char* message_word;   // "" = not checked
    bool works_today;
};

void PrintTo(const PathCase& c, std::ostream* os) {
    *os << c.name;
}

const PathCase kPathCases[] = {
    // Decodes to "/v1/chat/completions?/../../../v1/files": matches chat, while the upstream resolves the raw
    // path to /v1/files.
    {"EncodedQuestionMarkThenDotDot", "/v1/chat/completions%3F/../../../v1/files", {400}, "path", false},
    {"EncodedSlash", "/v1/chat%2Fcompletions", {400, 404}, "", false},
    // Not a route today, not forwarded (works today; kept so a fix cannot regress it).
    {"DotSegment", "/v1/./chat/completions", {400, 404}, "", true},
};

class DecodedPath : public ::testing::TestWithParam<PathCase> {};

// security #8 items 1–3: a path whose decoded form is not the path that would be forwarded is not forwarded.
TEST_P(DecodedPath, PathThatDecodesDifferently_RefusedAndNotForwarded) {
    const PathCase& c = GetParam();
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const auto res = raw_exchange(proxy.port(), post_request(c.target, kChatBody), 5s);
    EXPECT_TRUE(std::find(c.statuses.begin(), c.statuses.end(), res.status) != c.statuses.end())
        << "POST " << c.target << " → " << res.status << "\n"
        << res.body;
    if (*c.message_word != '\0') {
        EXPECT_TRUE(contains_ci(error_message("openai", res.body), c.message_word)) << res.body;
    }
    let_stray_bytes_arrive();
    EXPECT_EQ(upstream.request_count(), 0u) << upstream.received();
}

INSTANTIATE_TEST_SUITE_P(Security8, DecodedPath, ::testing::ValuesIn(kPathCases),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

// security #8 item 4: a real query string still goes upstream exactly as sent (works today; must survive).
TEST(DecodedPathQuery, PlainQueryString_ForwardedVerbatim) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve({"--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const auto res = raw_exchange(proxy.port(), post_request("/v1/chat/completions?x=1", kChatBody), 5s);
    EXPECT_EQ(res.status, 200) << res.body;
    ASSERT_EQ(upstream.request_count(), 1u);
    EXPECT_EQ(upstream.requests().front().request_line, "POST /v1/chat/completions?x=1 HTTP/1.1");
}

// ======================================================================== security #11: Gemini key decoding

struct GeminiKeyCase {
    const char* name;
    const char* query;
};

void PrintTo(const GeminiKeyCase& c, std::ostream* os) {
    *os << c.name;
}

const GeminiKeyCase kGeminiKeyCases[] = {
    {"PercentEncodedValue", "?key=pk%2Bsecret"},
    {"PercentEncodedName", "?%6Bey=pk%2Bsecret"},
};

class GeminiQueryKey : public ::testing::TestWithParam<GeminiKeyCase> {};

// security #11: the proxy key in ?key= authenticates however it is encoded, and in no encoding reaches the
// upstream (as a header or in the URL), the log on stderr, or /_pathwise/requests.
TEST_P(GeminiQueryKey, EncodedProxyKey_AuthenticatesAndNeverLeaks) {
    const GeminiKeyCase& c = GetParam();
    FaultUpstream upstream(FaultUpstream::json_answer(R"({"candidates":[]})"));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve(
        {"--auth-mode", "strict", "--api-key", "pk+secret", "--upstream", "gemini=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const auto res = raw_exchange(proxy.port(),
                                  post_request(std::string("/v1beta/models/gemini-2.5-flash:generateContent") + c.query,
                                               R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}]})"),
                                  5s);
    EXPECT_NE(res.status, 401) << res.body;
    EXPECT_EQ(res.status, 200) << res.body;
    ASSERT_EQ(upstream.request_count(), 1u) << "the request was not forwarded";
    const std::string seen = upstream.received();
    for (const std::string form : {"pk+secret", "pk%2bsecret", "pk secret"}) {
        EXPECT_FALSE(contains_ci(seen, form)) << form << " reached the upstream:\n" << seen;
    }

    ASSERT_TRUE(proxy.wait_for_stderr("generateContent", 3s)) << proxy.stderr_text();
    auto log = proxy.client()->Get("/_pathwise/requests", {{"x-goog-api-key", "pk+secret"}});
    ASSERT_TRUE(log);
    ASSERT_EQ(log->status, 200) << log->body;
    for (const std::string form : {"pk+secret", "pk%2bsecret"}) {
        EXPECT_FALSE(contains_ci(proxy.stderr_text(), form)) << form << " is in the log:\n" << proxy.stderr_text();
        EXPECT_FALSE(contains_ci(log->body, form)) << form << " is in /_pathwise/requests:\n" << log->body;
    }
}

INSTANTIATE_TEST_SUITE_P(Security11, GeminiQueryKey, ::testing::ValuesIn(kGeminiKeyCases),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

// ======================================================================== security #12: non-UTF-8 input

void expect_request_log_still_answers(const PathwiseProcess& proxy) {
    auto log = proxy.client()->Get("/_pathwise/requests");
    ASSERT_TRUE(log);
    EXPECT_EQ(log->status, 200) << log->body;
    EXPECT_FALSE(json::parse(log->body, nullptr, false).is_discarded()) << log->body;
    EXPECT_FALSE(log->has_header("EXCEPTION_WHAT")) << log->get_header_value("EXCEPTION_WHAT");
}

// security #12 item 1: a path that decodes to invalid UTF-8 gets a JSON 404, and does not break the log view.
TEST(NonUtf8, PathDecodingToByteFF_Json404AndRequestLogStillWorks) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(proxy.port(), get_request("/x%FF"), 5s);
    EXPECT_EQ(res.status, 404) << res.head;
    EXPECT_EQ(header_value(res.head, "EXCEPTION_WHAT"), "") << res.head;
    EXPECT_FALSE(json::parse(res.body, nullptr, false).is_discarded()) << res.body;
    expect_request_log_still_answers(proxy);
}

// security #12 item 2: a raw 0xFF byte in the Host header is refused as a client error, not a 500.
TEST(NonUtf8, HostHeaderWithRawByteFF_ClientErrorAndRequestLogStillWorks) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res = raw_exchange(proxy.port(),
                                  "GET /v1/models HTTP/1.1\r\nHost: ev\xFFil.example\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_TRUE(res.status == 403 || res.status == 400) << res.head;
    EXPECT_EQ(header_value(res.head, "EXCEPTION_WHAT"), "") << res.head;
    if (!res.body.empty()) {
        EXPECT_FALSE(json::parse(res.body, nullptr, false).is_discarded()) << res.body;
    }
    expect_request_log_still_answers(proxy);
}

// ======================================================================== security #14: hardening

// `pathwise serve --port 0 <args>` without waiting for it to listen: for settings it must refuse.
PathwiseProcess start_serve_unchecked(std::vector<std::string> args) {
    ProcessOptions options;
    options.args = {"serve", "--port", "0"};
    options.args.insert(options.args.end(), args.begin(), args.end());
    return PathwiseProcess::start(std::move(options));
}

// security #14 (a): an upstream header value with CR/LF in the config file is a config error, not a request
// splitter waiting to happen.
TEST(Hardening, ConfigUpstreamHeaderWithCrlf_RefusesToStart) {
    TempDir dir;
    const std::string config = upstream_config(
        dir, "openai",
        {{"base_url", "http://127.0.0.1:9"}, {"headers", {{"OpenAI-Organization", "org\r\nX-Injected: yes"}}}});
    auto serve = start_serve_unchecked({"--config", config});
    const auto code = serve.wait_exit(5s);
    ASSERT_TRUE(code.has_value()) << "serve started anyway:\n" << serve.stdout_text();
    EXPECT_EQ(*code, 1);
    EXPECT_TRUE(contains_ci(serve.stderr_text(), "headers")) << serve.stderr_text();
}

// security #14 (b): any web page may call a '*'-CORS proxy, so '*' needs auth on.
TEST(Hardening, CorsWildcardWithAuthOff_RefusesToStart) {
    auto serve = start_serve_unchecked({"--cors-origin", "*"});
    const auto code = serve.wait_exit(5s);
    ASSERT_TRUE(code.has_value()) << "serve started anyway:\n" << serve.stdout_text();
    EXPECT_EQ(*code, 1);
    EXPECT_TRUE(contains_ci(serve.stderr_text(), "cors")) << serve.stderr_text();
}

// security #14 (b): even with '*' and a key, the request log is never shared with a non-local origin.
TEST(Hardening, CorsWildcardWithStrictAuth_RequestLogRefusedToForeignOrigin) {
    auto proxy = PathwiseProcess::start_serve({"--cors-origin", "*", "--auth-mode", "strict", "--api-key", "k"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res =
        proxy.client()->Get("/_pathwise/requests", {{"Authorization", "Bearer k"}, {"Origin", "https://evil.example"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << res->body;
    EXPECT_FALSE(json::parse(res->body, nullptr, false).contains("requests")) << res->body;
}

// security #14 (c): the public /readyz says ready or not, but not where the upstreams are.
TEST(Hardening, ReadyzWithoutKey_NoUpstreamDetailsWithKeyDetails) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve(
        {"--auth-mode", "all_except_health", "--api-key", "k", "--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const std::string port = std::to_string(upstream.port());

    auto anonymous = proxy.client()->Get("/readyz");
    ASSERT_TRUE(anonymous);
    EXPECT_TRUE(anonymous->status == 200 || anonymous->status == 503) << anonymous->status;
    EXPECT_EQ(anonymous->body.find(port), std::string::npos) << anonymous->body;
    EXPECT_EQ(anonymous->body.find("upstreams"), std::string::npos) << anonymous->body;

    auto keyed = proxy.client()->Get("/readyz", {{"Authorization", "Bearer k"}});
    ASSERT_TRUE(keyed);
    EXPECT_NE(keyed->body.find("127.0.0.1:" + port), std::string::npos) << keyed->body;
    EXPECT_NE(keyed->body.find("upstreams"), std::string::npos) << keyed->body;
}

// security #14 (c): /readyz probe results are cached, so hammering it does not hammer the provider.
TEST(Hardening, Readyz20TimesInASecond_AtMost3ConnectionsToTheUpstream) {
    FaultUpstream upstream(FaultUpstream::json_answer(kUpstreamAnswer));
    ASSERT_TRUE(upstream.ok());
    auto proxy = PathwiseProcess::start_serve(
        {"--auth-mode", "all_except_health", "--api-key", "k", "--upstream", "openai=" + upstream.origin()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    const int before = upstream.connections();
    auto client = proxy.client();
    int answered = 0;
    for (int i = 0; i < 20; ++i) {
        if (auto res = client->Get("/readyz"); res && (res->status == 200 || res->status == 503)) ++answered;
        std::this_thread::sleep_for(40ms);
    }
    EXPECT_EQ(answered, 20);
    std::this_thread::sleep_for(200ms);  // let the last probe's accept be counted
    EXPECT_LE(upstream.connections() - before, 3) << "each /readyz probed the upstream again";
}

}  // namespace
}  // namespace pathwise::testing
