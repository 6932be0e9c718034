#include "mock/mock_server.hpp"

#include <httplib.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/elastic_pool.hpp"
#include "http/header_policy.hpp"
#include "http/json_text.hpp"
#include "http/protocol_error.hpp"
#include "mock/mock_replies.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/input_limits.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise::mock {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Request headers the mock obeys only with --test-knobs.
constexpr const char* kFailHeader = "x-pathwise-mock-fail";  // die_midstream | stall_midstream | status:<code>
constexpr const char* kFirstByteDelayHeader = "x-pathwise-mock-first-byte-delay-ms";
constexpr const char* kStallHeader = "x-pathwise-mock-stall-ms";  // how long stall_midstream stays silent
constexpr const char* kTokensHeader = "x-pathwise-mock-tokens";   // answer length
// "provider": SSE typed "text/event-stream; charset=utf-8" as OpenAI and others send it (the compression trap).
constexpr const char* kSseTypeHeader = "x-pathwise-mock-sse-type";

constexpr std::size_t kDieAfterChunks = 3;
constexpr std::size_t kStallAfterChunks = 2;

int header_int(const httplib::Request& req, const char* name, int fallback) {
    if (!req.has_header(name)) return fallback;
    try {
        return std::stoi(req.get_header_value(name));
    } catch (...) {
        return fallback;
    }
}

// The query as received, with a ?key= value cut to its last 4 characters (keys never appear whole anywhere).
std::string redacted_query(const httplib::Request& req) {
    const std::size_t mark = req.target.find('?');
    if (mark == std::string::npos) return {};
    std::string key;
    std::string query = http::remove_query_param(req.target.substr(mark + 1), "key", &key);
    if (!key.empty())
        query += std::string(query.empty() ? "" : "&") + "key=..." + (key.size() > 4 ? key.substr(key.size() - 4) : "");
    return query;
}

// What a test asked the mock to do wrong, from the x-pathwise-mock-* headers (read only with --test-knobs).
struct Misbehaviour {
    std::string fail_mode;  // "die_midstream", "stall_midstream" or ""
    int fail_status = 0;    // "status:<code>": answer this error status (400-599, else 500) instead of a reply
    std::chrono::milliseconds stall{0};             // how long stall_midstream stays silent
    std::chrono::milliseconds first_byte_delay{0};  // before anything is answered
    int tokens = 0;                                 // answer length; 0 = the standard sentence
    bool provider_sse_type = false;                 // SSE typed as providers type it
};

Misbehaviour read_misbehaviour(const httplib::Request& req) {
    Misbehaviour knobs;
    knobs.fail_mode = req.get_header_value(kFailHeader);
    if (knobs.fail_mode.rfind("status:", 0) == 0) {
        knobs.fail_status = std::atoi(knobs.fail_mode.c_str() + 7);
        if (knobs.fail_status < 400 || knobs.fail_status > 599) knobs.fail_status = 500;
    }
    knobs.stall = std::chrono::milliseconds(header_int(req, kStallHeader, 30'000));
    knobs.first_byte_delay = std::chrono::milliseconds(header_int(req, kFirstByteDelayHeader, 0));
    knobs.tokens = header_int(req, kTokensHeader, 0);
    knobs.provider_sse_type = req.get_header_value(kSseTypeHeader) == "provider";
    return knobs;
}

// One streamed reply in progress: the content provider writes one chunk per call.
struct MockStream {
    std::vector<std::string> chunks;
    std::size_t next = 0;
    bool died_on_purpose = false;
    Misbehaviour knobs;
    std::chrono::milliseconds token_delay{0};
    const httplib::Server* server = nullptr;  // a stall ends early when the mock stops

    bool provide(httplib::DataSink& sink) {
        if (next > 0 && token_delay.count() > 0) std::this_thread::sleep_for(token_delay);
        if (knobs.fail_mode == "die_midstream" && next == kDieAfterChunks) {
            died_on_purpose = true;
            return false;  // closes the connection without the final chunk: a provider crashing
        }
        if (knobs.fail_mode == "stall_midstream" && next == kStallAfterChunks) {
            // Silent, in slices, so stopping the mock is not held up by a stalled stream.
            const auto until = Clock::now() + knobs.stall;
            while (Clock::now() < until && server->is_running()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        const std::string& chunk = chunks[next];
        if (!sink.write(chunk.data(), chunk.size())) return false;
        if (++next == chunks.size()) sink.done();
        return true;
    }
};

}  // namespace

struct MockServer::Impl {
    MockOptions options;
    std::unique_ptr<httplib::Server> server;
    std::thread listener;
    int port = 0;
    std::atomic<std::uint64_t> sequence{0};

    // Counters for /_mock/stats: tests watch the provider side (e.g. that a client's disconnect reached it).
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> streams_started{0};
    std::atomic<std::uint64_t> streams_completed{0};
    std::atomic<std::uint64_t> streams_aborted{0};
    std::atomic<std::uint64_t> streams_died_on_purpose{0};
    std::mutex recent_mutex;
    std::deque<json> recent;  // last requests: method, target, header names (never values: keys live there)

    void log(const std::string& line) const {
        if (options.log_requests) std::fprintf(stderr, "pathwise mock: %s\n", line.c_str());
    }

    void remember(const httplib::Request& req) {
        json header_names = json::array();
        json key_hints = json::object();  // the last 4 characters of each key header, as provider dashboards show
        for (const auto& [name, value] : req.headers) {
            if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT")
                continue;
            header_names.push_back(name);
            std::string lower_name = name;
            for (char& c : lower_name) c = ascii::to_lower(c);
            if (lower_name == "authorization" || lower_name == "x-api-key" || lower_name == "x-goog-api-key") {
                key_hints[lower_name] = value.size() > 4 ? "..." + value.substr(value.size() - 4) : "...";
            }
        }
        std::lock_guard<std::mutex> lock(recent_mutex);
        recent.push_back({{"method", req.method},
                          {"path", req.path},
                          {"query", redacted_query(req)},
                          {"headers", header_names},
                          {"key_hints", key_hints},
                          {"body", req.body.size() <= 4096 ? req.body : req.body.substr(0, 4096)}});
        if (recent.size() > 100) recent.pop_front();
    }

    json stats() {
        std::lock_guard<std::mutex> lock(recent_mutex);
        return {{"requests", requests.load()},
                {"streams_started", streams_started.load()},
                {"streams_completed", streams_completed.load()},
                {"streams_aborted", streams_aborted.load()},
                {"streams_died_on_purpose", streams_died_on_purpose.load()},
                {"recent", json(recent)}};
    }

    // The request's line and what became of it, with --log.
    void log_answer(const httplib::Request& req, const std::string& outcome) const {
        log(req.method + " " + req.path + " -> " + outcome);
    }

    // Answer one request the way the route's provider would: read the ask, misbehave when a test says so,
    // then answer whole or stream it.
    void handle(const httplib::Request& req, httplib::Response& res) {
        ++requests;
        if (options.test_knobs && req.path == "/_mock/stats") {
            res.set_content(http::json_text(stats()), "application/json");
            return;
        }
        if (options.test_knobs) remember(req);
        const auto match = match_route(parse_method(req.method), req.path);
        if (!match || match->route->protocol == Protocol::service || !speaks(*match->route)) {
            answer_no_route(req, res);
            return;
        }
        const Protocol protocol = match->route->protocol;
        MockAsk ask;
        if (!read_ask(req, *match, ask, res)) return;
        const Misbehaviour knobs = options.test_knobs ? read_misbehaviour(req) : Misbehaviour{};
        ask.tokens = knobs.tokens;
        if (knobs.first_byte_delay.count() > 0) std::this_thread::sleep_for(knobs.first_byte_delay);
        if (knobs.fail_status != 0) {
            http::send_error(res,
                             {knobs.fail_status, protocol,
                              "Pathwise's mock upstream was asked to fail with " + std::to_string(knobs.fail_status),
                              "mock_failure"});
            log_answer(req, std::to_string(knobs.fail_status) + " (asked to fail)");
            return;
        }
        MockReply reply = mock_reply(ask);
        if (knobs.provider_sse_type && reply.content_type == "text/event-stream") {
            reply.content_type = "text/event-stream; charset=utf-8";
        }
        res.status = reply.status;
        if (!reply.streamed()) {
            res.set_content(reply.body, reply.content_type);
            log_answer(req, std::to_string(reply.status));
            return;
        }
        log_answer(req,
                   std::to_string(reply.status) + " (stream of " + std::to_string(reply.chunks.size()) + " chunks)");
        stream_reply(std::move(reply), knobs, res);
    }

    // With --protocol, the routes of that protocol's API: its chat route, and the same family's routes that are
    // not another chat API (model lists, token counts; not OpenAI's Responses API next to openai-chat).
    [[nodiscard]] bool speaks(const Route& route) const {
        if (!options.protocol) return true;
        if (route.chat) return *route.chat == *options.protocol;
        return route.protocol == family_of(*options.protocol) && !route.can_stream();
    }

    void answer_no_route(const httplib::Request& req, httplib::Response& res) const {
        res.status = 404;
        res.set_content(
            http::json_text(json{{"error",
                                  {{"message", "Pathwise's mock upstream has no route " + req.method + " " + req.path},
                                   {"type", "not_found"}}}}),
            "application/json");
        log_answer(req, "404");
    }

    // What the request asks for, read as the provider reads it; false when the body was refused (400 answered).
    bool read_ask(const httplib::Request& req, const RouteMatch& match, MockAsk& ask, httplib::Response& res) {
        if (!read_body(req, match.route->protocol, ask.body, res)) return false;
        ask.route_id = std::string(match.route->id);
        ask.model = match.model;
        if (ask.body.is_object() && ask.model.empty() && ask.body.contains("model") && ask.body["model"].is_string()) {
            ask.model = ask.body["model"].get<std::string>();
        }
        if (match.route->stream == StreamSignal::path) {
            ask.stream = req.get_param_value("alt") == "sse";
            ask.gemini_json_array = !ask.stream;
        } else if (match.route->can_stream() && ask.body.is_object()) {
            ask.stream = ask.body.value("stream", false);
        }
        // /v1/models is both lists; a mock restricted to one protocol answers that protocol's list only.
        const bool may_be_anthropic = !options.protocol || *options.protocol == translate::Protocol::anthropic;
        ask.anthropic_headers =
            may_be_anthropic && (req.has_header("anthropic-version") || req.has_header("x-api-key") ||
                                 options.protocol == translate::Protocol::anthropic);
        ask.now_unix =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        ask.sequence = ++sequence;
        return true;
    }

    // The body as JSON (null when empty); a body nested too deep or not JSON is refused as a provider would.
    bool read_body(const httplib::Request& req, Protocol protocol, json& body, httplib::Response& res) const {
        if (json_nesting_exceeds(req.body, kMaxJsonNesting)) {
            http::send_error(res, {400, protocol,
                                   "Pathwise's mock upstream: the request body nests arrays/objects deeper than " +
                                       std::to_string(kMaxJsonNesting) + " levels",
                                   "json_too_deep"});
            log_answer(req, "400 (JSON nested too deep)");
            return false;
        }
        if (req.body.empty()) return true;
        body = json::parse(req.body, nullptr, false);
        if (!body.is_discarded()) return true;
        http::send_error(
            res, {400, protocol, "Pathwise's mock upstream: the request body is not valid JSON", "invalid_json"});
        log_answer(req, "400 (body is not JSON)");
        return false;
    }

    // Streams the reply's chunks a token delay apart, dying or stalling on the way when a test asked for it.
    void stream_reply(MockReply reply, const Misbehaviour& knobs, httplib::Response& res) {
        ++streams_started;
        auto stream = std::make_shared<MockStream>();
        stream->chunks = std::move(reply.chunks);
        stream->knobs = knobs;
        stream->token_delay = options.token_delay;
        stream->server = server.get();
        res.set_chunked_content_provider(
            reply.content_type, [stream](std::size_t, httplib::DataSink& sink) { return stream->provide(sink); },
            [this, stream](bool success) { count_stream_end(*stream, success); });
    }

    void count_stream_end(const MockStream& stream, bool success) {
        if (stream.died_on_purpose) {
            ++streams_died_on_purpose;
        } else if (success && stream.next == stream.chunks.size()) {
            ++streams_completed;
        } else {
            ++streams_aborted;
            log("stream aborted by the client after " + std::to_string(stream.next) + " of " +
                std::to_string(stream.chunks.size()) + " chunks");
        }
    }
};

MockServer::MockServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<MockServer> MockServer::start(const MockOptions& options, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (!options.tls_cert.empty() || !options.tls_key.empty()) {
        auto tls = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
        if (!tls->is_valid()) {
            error = "could not load the TLS certificate '" + options.tls_cert + "' and key '" + options.tls_key +
                    "' (both PEM files are needed)";
            return nullptr;
        }
        impl->server = std::move(tls);
    } else {
        impl->server = std::make_unique<httplib::Server>();
    }
    httplib::Server& server = *impl->server;
    const auto threads = static_cast<std::size_t>(std::max(1, options.threads));
    // Threads as connections come (http/elastic_pool.hpp), not all at start. The library's API takes ownership
    // of a raw pointer here.
    server.new_task_queue = [threads] { return new http::ElasticPool({.max_threads = threads}); };
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms each.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(5);
    Impl* raw = impl.get();
    auto handler = [raw](const httplib::Request& req, httplib::Response& res) { raw->handle(req, res); };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);

    if (options.port == 0) {
        impl->port = server.bind_to_any_port(options.host);
        if (impl->port <= 0) {
            error = "could not bind an ephemeral port on " + options.host;
            return nullptr;
        }
    } else {
        if (!server.bind_to_port(options.host, options.port)) {
            error = "could not listen on " + options.host + ":" + std::to_string(options.port) +
                    " — is another program using that port? pick another with --port";
            return nullptr;
        }
        impl->port = options.port;
    }
    impl->listener = std::thread([raw] { raw->server->listen_after_bind(); });
    return std::unique_ptr<MockServer>(new MockServer(std::move(impl)));
}

MockServer::~MockServer() {
    stop();
    if (impl_->listener.joinable()) impl_->listener.join();
}

int MockServer::port() const {
    return impl_->port;
}

std::string MockServer::origin() const {
    const bool tls = !impl_->options.tls_cert.empty();
    const bool ipv6 = impl_->options.host.find(':') != std::string::npos;
    const std::string host = ipv6 ? "[" + impl_->options.host + "]" : impl_->options.host;
    return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(impl_->port);
}

void MockServer::stop() {
    impl_->server->stop();
}

void MockServer::wait() {
    if (impl_->listener.joinable()) impl_->listener.join();
}

}  // namespace pathwise::mock
