// server.cpp — ProxyServer: cpp-httplib 0.18.7 wired to the gate, the body reader, the forwarder and the log;
// bind, run, stop (see server.hpp, and docs/building.md for the library facts).
//
// How a request flows through httplib here:
//   pre-routing handler  = Admission::admit() (admission.hpp): accept → match route → authenticate, and answers
//                          everything that is not forwarded (404/405/401/403, health, metrics, the wizard). It
//                          runs BEFORE the body is read, so a wrong path or a missing key never makes us read a
//                          32 MB upload.
//   catch-all handlers   = forward(): POST/PUT/PATCH/DELETE read the body through a content reader (decoded,
//                          413 above max_body_bytes, chunked and gzip included); GET/OPTIONS bodies are read by
//                          the library. A refusal held back for its body drains it here, then answers.
//   error handler        = fills empty 4xx/5xx bodies the library made itself (413, 400, 414) in the
//                          protocol's error shape (error_bodies.hpp).
//   logger               = log(): releases the pipeline's hold on the request; the log line is written when the
//                          last holder (a stream's releaser, for streams) lets go of it (exchange.hpp).
//
// The connection itself (deadlines for the head and the body, the head's byte cap, connections per client,
// closing a connection whose body was not read) is http::GuardedServer's.
#include "proxy/server.hpp"

#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "http/guarded_server.hpp"
#include "http/protocol_error.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/input_limits.hpp"
#include "proxy/admission.hpp"
#include "proxy/auth.hpp"
#include "proxy/error_bodies.hpp"
#include "proxy/exchange.hpp"
#include "proxy/metrics.hpp"
#include "proxy/request_log.hpp"
#include "proxy/request_traits.hpp"
#include "proxy/responses_socket.hpp"
#include "upstream/forwarder.hpp"
#include "upstream/readiness.hpp"

namespace pathwise::proxy {

using upstream::Forwarder;

namespace {

using Clock = std::chrono::steady_clock;

http::ConnectionLimits connection_limits(const config::ServeConfig& config) {
    http::ConnectionLimits limits;
    limits.head_timeout = config.header_read_timeout;
    limits.body_timeout = config.body_read_timeout;
    limits.write_timeout = std::chrono::seconds(30);
    limits.keep_alive_timeout = config.keep_alive_timeout;
    limits.keep_alive_max_requests = 100;
    limits.max_head_bytes = config.max_header_bytes;
    // By default the cap keeps one LAN machine from taking the whole pool; on loopback every client is this
    // machine's person, so only an explicit setting caps it there.
    limits.max_connections_per_client =
        config.max_connections_per_client > 0
            ? config.max_connections_per_client
            : std::max<std::size_t>(1, static_cast<std::size_t>(config.threads) * 3 / 4);
    limits.loopback_exempt = config.max_connections_per_client == 0;
    return limits;
}

std::string machine_hostname() {
    char name[256] = {};
    return ::gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string();
}

// Reads a body through the content reader, decoded, stopping once it passes `limit`.
struct ReadBody {
    std::string body;
    bool whole = false;
    bool too_large = false;
};

ReadBody read_body(const httplib::ContentReader& reader, std::size_t limit) {
    ReadBody read;
    read.whole = reader([&](const char* data, std::size_t length) {
        if (read.body.size() + length > limit) {
            read.too_large = true;
            return false;
        }
        read.body.append(data, length);
        return true;
    });
    return read;
}

// Reads a body only to throw it away; past `limit` it stops (the connection is closed instead).
bool drain_body(const httplib::ContentReader& reader, std::size_t limit) {
    std::size_t drained = 0;
    return reader([&](const char*, std::size_t length) {
        drained += length;
        return drained <= limit;
    });
}

}  // namespace

struct ProxyServer::Impl final : Exchange::Finish {
    explicit Impl(const config::ServeConfig& serve_config)
        : config(serve_config),
          keys(config.api_keys),
          access(config, machine_hostname()),
          recent(config.recent_requests),
          gate({.config = config,
                .access = access,
                .auth_mode = effective_auth_mode(config),
                .keys = keys,
                .metrics = metrics,
                .recent = recent,
                .readiness = [this] { return upstream_readiness(); },
                .listen_origin = [this] { return listen_origin(); }}),
          http(connection_limits(config)) {}

    config::ServeConfig config;
    KeyChecker keys;
    AccessPolicy access;
    RecentRequests recent;
    Metrics metrics;
    Admission gate;
    // Created by forward_to() once the port is bound: no mock upstream is started for a proxy that cannot listen.
    std::unique_ptr<Forwarder> forwarder;
    upstream::UpstreamMap upstreams;  // what the forwarder was given: /readyz probes each candidate of it
    http::GuardedServer http;
    int bound_port = 0;
    std::mutex log_mutex;
    // /readyz connects to every upstream: its answer is reused for a few seconds, so polling it is cheap.
    std::mutex readiness_mutex;
    Clock::time_point readiness_checked_at{};
    std::vector<upstream::ProtocolReadiness> readiness;

    // httplib runs the pre-routing handler, the route handler and the logger of one request on the same
    // connection thread, one request at a time, so the request in progress is per thread.
    static thread_local std::shared_ptr<Exchange> current;

    // ---------------------------------------------------------------- the pipeline

    httplib::Server::HandlerResponse admit(const httplib::Request& req, httplib::Response& res) {
        if (current) current.reset();  // a previous request whose logger never ran: log it now
        current = std::make_shared<Exchange>(*this, req);
        metrics.request_started();
        return gate.admit(req, res, *current) == Admitted::answered ? httplib::Server::HandlerResponse::Handled
                                                                    : httplib::Server::HandlerResponse::Unhandled;
    }

    // A refusal answered from the pre-routing handler would leave the request body unread on a keep-alive
    // connection, where it would be parsed as the next request: a refused cross-origin request could smuggle a
    // second one past the Origin check (security #8 item 3; Claude Code once showed "414" for our 404). So a
    // refusal with a body is held until the body has been drained by the catch-all handler, which then sends
    // it; when it cannot be drained (a compressed GET body) the connection is closed after the answer.
    httplib::Server::HandlerResponse leave_connection_clean(const httplib::Request& req, httplib::Response& res,
                                                            httplib::Server::HandlerResponse result) {
        if (result != httplib::Server::HandlerResponse::Handled || !current || !http::announces_body(req)) {
            return result;
        }
        const std::string coding = req.get_header_value("Content-Encoding");
        const bool library_reads_it = coding.empty() || ascii::iequals(coding, "identity");
        const bool has_catch_all =
            has_content_reader(req) || req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
        if (has_catch_all && (has_content_reader(req) || library_reads_it) && !req.is_multipart_form_data()) {
            current->deferred_answer = res;
            return httplib::Server::HandlerResponse::Unhandled;
        }
        http::GuardedServer::close_after_response();
        return result;
    }

    // POST/PUT/PATCH/DELETE: the body arrives through `reader`, decoded (gzip, deflate, br), and is capped here
    // on its decoded size: a 200 KB gzip bomb is refused at max_body_bytes like a plain body would be.
    void forward_with_reader(const httplib::Request& req, httplib::Response& res,
                             const httplib::ContentReader& reader) {
        const std::shared_ptr<Exchange> exchange = current;
        if (exchange && exchange->deferred_answer) {
            if (drain_body(reader, config.max_body_bytes)) http::GuardedServer::body_consumed();
            res = *exchange->deferred_answer;
            return;
        }
        ReadBody read = read_body(reader, config.max_body_bytes);
        if (!read.whole) {
            const Protocol protocol = exchange ? exchange->protocol : route_of(req, "").protocol;
            send_unreadable_body(req, res, config, protocol, read.too_large);
            return;  // the body was not read whole: GuardedServer closes the connection after this answer
        }
        http::GuardedServer::body_consumed();
        // The library's own request, which it does not read again but for its method and headers: filled in
        // place rather than copied with all its headers for every request.
        auto& with_body = const_cast<httplib::Request&>(req);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
        with_body.body = std::move(read.body);
        with_body.headers.erase("Content-Encoding");
        forward(with_body, res);
    }

    void forward(const httplib::Request& req, httplib::Response& res) {
        const std::shared_ptr<Exchange> exchange = current;
        if (exchange && exchange->deferred_answer) {
            res = *exchange->deferred_answer;
            return;
        }
        if (!exchange || !exchange->match) {
            // Only reachable if httplib dispatched without running admit(): refuse rather than forward unchecked.
            http::send_error(res,
                             {500, Protocol::service, "Internal error: request reached the forwarder unchecked.", ""});
            return;
        }
        if (json_nesting_exceeds(req.body, kMaxJsonNesting)) {
            http::send_error(res,
                             {400, exchange->protocol,
                              "The request body nests arrays/objects deeper than " + std::to_string(kMaxJsonNesting) +
                                  " levels; no real request does, so Pathwise refuses it before anything "
                                  "parses it.",
                              "json_too_deep"});
            return;
        }
        if (exchange->websocket) {
            open_responses_socket(req, res, *exchange);
            return;
        }
        exchange->forwarded = true;
        exchange->record.bytes_in = req.body.size();
        const std::shared_ptr<RequestRecord> record(exchange, &exchange->record);
        forwarder->forward(req, res, *exchange->match, exchange->upstream_path, record);
    }

    // Codex's GET /v1/responses upgrade (responses_socket.hpp): answered 101 by the session, which then sends
    // each turn through the route's POST pipeline below; this request's own log line says 101.
    void open_responses_socket(const httplib::Request& req, httplib::Response& res, const Exchange& exchange) {
        if (auto refusal = handshake_refusal(req)) {
            if (refusal->status == 426) res.set_header("Sec-WebSocket-Version", "13");
            http::send_error(res, *refusal);
            http::GuardedServer::close_after_response();  // a refused upgrade leaves nothing to keep alive
            return;
        }
        res.status = 101;
        const SocketLimits limits{.max_message_bytes = config.max_body_bytes};
        http::GuardedServer::take_over([this, upgrade = req, match = *exchange.match, path = exchange.upstream_path,
                                        limits](http::TakenConnection& taken) {
            const auto forward_turn = [&](const httplib::Request& post, httplib::Response& answer) {
                forward_turn_of_socket(post, answer, match, path);
            };
            serve_responses_socket(taken, upgrade, forward_turn, limits);
        });
    }

    // One response.create of a WebSocket, logged and measured like the POST it stands for.
    void forward_turn_of_socket(const httplib::Request& post, httplib::Response& res, const RouteMatch& match,
                                const std::string& path) {
        const auto exchange = std::make_shared<Exchange>(*this, post);
        metrics.request_started();
        exchange->record.method = "WS";  // one message of the socket, not a request of its own
        exchange->record.route_id = std::string(match.route->id);
        exchange->protocol = match.route->protocol;
        exchange->match = match;
        exchange->upstream_path = path;
        exchange->forwarded = true;
        exchange->record.bytes_in = post.body.size();
        const std::shared_ptr<RequestRecord> record(exchange, &exchange->record);
        forwarder->forward(post, res, match, path, record);
        exchange->record.status = res.status;
        if (!exchange->record.streamed && exchange->record.bytes_out == 0) exchange->record.bytes_out = res.body.size();
    }

    void log(const httplib::Request& req, const httplib::Response& res) {
        std::shared_ptr<Exchange> exchange = std::move(current);
        current.reset();
        if (!exchange) {  // answered by the library before admit() (bad request line, URI too long)
            exchange = std::make_shared<Exchange>(*this, req);
            metrics.request_started();
        }
        RequestRecord& record = exchange->record;
        record.status = res.status;
        if (!exchange->forwarded) {
            record.bytes_in = req.body.size();
            record.bytes_out = res.body.size();
        } else if (!record.streamed && record.bytes_out == 0) {
            record.bytes_out = res.body.size();
        }
    }  // the Exchange is finished here, or when the stream's releaser drops the record

    void finish(RequestRecord& record, double duration_ms) override {
        record.duration_ms = duration_ms;
        metrics.request_finished(record);
        recent.add(record);
        const std::string line = format_log_line(record, config.log_format);
        const std::lock_guard lock(log_mutex);
        std::fprintf(stderr, "%s\n", line.c_str());
        std::fflush(stderr);
    }

    // ---------------------------------------------------------------- what the gate asks

    std::vector<upstream::ProtocolReadiness> upstream_readiness() {
        constexpr auto kReuseFor = std::chrono::seconds(5);
        const std::lock_guard lock(readiness_mutex);
        const auto now = Clock::now();
        if (readiness.empty() || now - readiness_checked_at >= kReuseFor) {
            readiness = upstream::check_readiness(upstreams);
            readiness_checked_at = now;
        }
        return readiness;
    }

    std::string listen_origin() const {
        std::string host = config.host;
        if (host == "0.0.0.0" || host == "::" || host.empty()) host = "127.0.0.1";
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        return "http://" + host + ":" + std::to_string(bound_port);
    }

    // ---------------------------------------------------------------- httplib wiring

    void configure_connections() {
        // Each stream and each idle keep-alive connection holds a pool thread, so the pool is sized at run time.
        http.set_thread_count(static_cast<std::size_t>(config.threads));
        const auto seconds_rounded_up = [](std::chrono::milliseconds ms) {
            return static_cast<time_t>((ms.count() + 999) / 1000);
        };
        // Deadlines, the head's size and keep-alive are the connection loop's (connection_limits); the library
        // still enforces the raw body size (413 before the body is read, chunked bodies included).
        http.set_keep_alive_timeout(seconds_rounded_up(config.keep_alive_timeout));
        http.set_payload_max_length(config.max_body_bytes);
        // SO_REUSEADDR only: the library's default also sets SO_REUSEPORT, which would let two proxies share
        // port 8045 silently instead of telling the second one the port is taken.
        // Without TCP_NODELAY every small answer waits ~40 ms (Nagle + delayed ACK; measured by tests/bench:
        // 1.4k req/s p50 44 ms vs 11.7k req/s p50 3.9 ms). Accepted sockets inherit it from the listener.
        http.set_tcp_nodelay(true);
        http.set_socket_options([](socket_t sock) {
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
    }

    void configure_handlers() {
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            return leave_connection_clean(req, res, admit(req, res));
        });
        const auto forward_handler = [this](const httplib::Request& req, httplib::Response& res) {
            http::GuardedServer::body_consumed();  // GET/OPTIONS: the library has read any body whole
            forward(req, res);
        };
        const auto reader_handler = [this](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) {
            forward_with_reader(req, res, reader);
        };
        // Catch-alls for every method httplib knows, so the library never answers its default 400/404 itself.
        http.Get(".*", forward_handler);
        http.Post(".*", reader_handler);
        http.Put(".*", reader_handler);
        http.Patch(".*", reader_handler);
        http.Delete(".*", reader_handler);
        http.Options(".*", forward_handler);
        // An exception's text may quote client input (or worse): the client gets a plain 500 in its protocol's
        // shape, the log gets the record, and the library never writes its EXCEPTION_WHAT header.
        http.set_exception_handler(
            [this](const httplib::Request& req, httplib::Response& res, const std::exception_ptr&) {
                if (current) current->record.error = "internal_exception";
                res.headers.erase("Content-Type");
                res.body.clear();
                res.content_provider_ = nullptr;
                res.status = 500;
                fill_library_error_body(req, res, config, current.get());
            });
        http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            fill_library_error_body(req, res, config, current.get());
        });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
    }
};

thread_local std::shared_ptr<Exchange> ProxyServer::Impl::current;

ProxyServer::ProxyServer(const config::ServeConfig& config) : impl_(std::make_unique<Impl>(config)) {
    impl_->configure_connections();
    impl_->configure_handlers();
}

ProxyServer::~ProxyServer() = default;

namespace {

// httplib does not say why a bind failed; ask the OS with a probe bind of our own.
int probe_bind_errno(const config::ServeConfig& config) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (::getaddrinfo(config.host.c_str(), std::to_string(config.port).c_str(), &hints, &found) != 0) {
        return EADDRNOTAVAIL;
    }
    int error = 0;
    const int sock = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (sock < 0 || ::bind(sock, found->ai_addr, found->ai_addrlen) != 0) error = errno;
    if (sock >= 0) ::close(sock);
    ::freeaddrinfo(found);
    return error;
}

Error bind_error(const config::ServeConfig& config, int saved_errno) {
    const std::string where = config.host + ":" + std::to_string(config.port);
    if (saved_errno == EADDRINUSE) {
        return Error{"port_in_use", "port " + std::to_string(config.port) +
                                        " is in use by another program; stop it or "
                                        "run with --port N (e.g. --port " +
                                        std::to_string(config.port + 1) + ")"};
    }
    if (saved_errno == EACCES) {
        return Error{"port_denied", "not allowed to listen on " + where +
                                        " (ports below 1024 need privileges); run with --port N above 1024"};
    }
    if (saved_errno == EADDRNOTAVAIL) {
        return Error{"bad_host", "cannot listen on " + where + ": '" + config.host +
                                     "' is not an address of this machine; use --host 127.0.0.1"};
    }
    return Error{"bind_failed", "cannot listen on " + where + ": " + std::strerror(saved_errno)};
}

}  // namespace

Result<int> ProxyServer::bind() {
    const config::ServeConfig& config = impl_->config;
    int port = 0;
    if (config.port == 0) {
        port = impl_->http.bind_to_any_port(config.host);
        if (port <= 0) port = 0;
    } else if (impl_->http.bind_to_port(config.host, config.port)) {
        port = config.port;
    }
    if (port <= 0) return bind_error(config, probe_bind_errno(config));
    impl_->bound_port = port;
    return port;
}

void ProxyServer::forward_to(upstream::UpstreamMap upstreams) {
    impl_->upstreams = upstreams;  // shared pointers: the forwarder and /readyz see the same upstreams
    impl_->forwarder = std::make_unique<Forwarder>(impl_->config, std::move(upstreams));
}

void ProxyServer::run() {
    impl_->http.listen_after_bind();
}

void ProxyServer::stop_gracefully() {
    impl_->http.drain();
}

void ProxyServer::stop_now() {
    if (impl_->forwarder) impl_->forwarder->cut_streams();
}

long ProxyServer::in_flight() const {
    return static_cast<long>(impl_->metrics.in_flight());
}

}  // namespace pathwise::proxy
