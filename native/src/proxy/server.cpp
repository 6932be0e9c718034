// server.cpp — the proxy pipeline on cpp-httplib 0.18.7 (see server.hpp and docs/building.md for the library facts).
//
// How a request flows through httplib here:
//   pre-routing handler  = admit(): accept → match route → authenticate, and answers everything that is not
//                          forwarded (404/405/401/403, health, metrics, the wizard). It runs BEFORE the body is
//                          read, so a wrong path or a missing key never makes us read a 32 MB upload.
//   catch-all handlers   = forward(): POST/PUT/PATCH/DELETE read the body through a content reader (decoded,
//                          413 above max_body_bytes, chunked and gzip included); GET/OPTIONS bodies are read by
//                          the library. A refusal held back for its body drains it here, then answers.
//   error handler        = fills empty 4xx/5xx bodies the library made itself (413, 400, 414) in the
//                          protocol's error shape.
//   logger               = log(): releases the pipeline's hold on the request; the log line is written when the
//                          last holder (a stream's releaser, for streams) lets go of it.
//
// The connection itself (deadlines for the head and the body, the head's byte cap, connections per client,
// closing a connection whose body was not read) is http::GuardedServer's.
#include "proxy/server.hpp"

#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "http/guarded_server.hpp"
#include "http/json_text.hpp"
#include "http/protocol_error.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/i18n.hpp"
#include "pathwise/input_limits.hpp"
#include "pathwise/route_table.hpp"
#include "proxy/access_policy.hpp"
#include "proxy/auth.hpp"
#include "proxy/metrics.hpp"
#include "proxy/request_log.hpp"
#include "proxy/root_page.hpp"
#include "proxy/service_routes.hpp"
#include "proxy/static_files.hpp"
#include "upstream/forwarder.hpp"
#include "upstream/header_policy.hpp"

namespace pathwise::proxy {

using http::ProtocolError;
using http::send_error;
using upstream::Forwarder;

namespace {

using http::announces_body;

using Clock = std::chrono::steady_clock;

std::int64_t unix_ms_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool is_websocket_upgrade(const httplib::Request& req) {
    std::string upgrade = req.get_header_value("Upgrade");
    for (auto& c : upgrade) c = ascii::to_lower(c);
    return upgrade == "websocket";
}

Method request_method(const httplib::Request& req) {
    // HEAD is answered like GET (httplib routes HEAD to the GET handlers and drops the body).
    return req.method == "HEAD" ? Method::get : parse_method(req.method);
}

std::string query_part(std::string_view target) {
    const auto question = target.find('?');
    return question == std::string_view::npos ? std::string() : std::string(target.substr(question));
}

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

// The methods whose bodies our handlers read through a content reader (decoded, capped by us).
bool has_content_reader(const httplib::Request& req) {
    return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
}

// A header whose name or (percent-decoded) value is not one clean line: the first one found, or null.
const std::pair<const std::string, std::string>* unclean_header(const httplib::Request& req) {
    for (const auto& header : req.headers) {
        if (!upstream::is_clean_field_name(header.first) || !upstream::is_clean_field_value(header.second)) {
            return &header;
        }
    }
    return nullptr;
}

// A header name as it may be quoted in a message: printable ASCII, at most 60 characters.
std::string quotable(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 60)) {
        const auto byte = static_cast<unsigned char>(c);
        out.push_back(byte >= 0x20 && byte < 0x7f ? c : '?');
    }
    return out;
}

std::size_t header_bytes(const httplib::Request& req) {
    std::size_t total = req.method.size() + req.target.size() + req.version.size() + 4;
    for (const auto& [name, value] : req.headers) total += name.size() + value.size() + 4;
    return total;
}

}  // namespace

// One request's journey. The RequestRecord handed to the Forwarder aliases this object, so the log line is
// written (in the destructor) only when the last holder — a stream's releaser, for streams — lets go.
struct Exchange {
    struct Finish {
        virtual void finish(RequestRecord& record, double duration_ms) = 0;
        virtual ~Finish() = default;
    };
    Exchange(Finish& finisher, const httplib::Request& req) : finish_to(finisher) {
        record.unix_ms = unix_ms_now();
        record.method = req.method;
        record.path = redact_target(req.target.empty() ? req.path : req.target);
    }
    ~Exchange() {
        const double duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        finish_to.finish(record, duration_ms);
    }
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;

    Finish& finish_to;
    Clock::time_point started = Clock::now();
    RequestRecord record;
    Protocol protocol = Protocol::service;  // for error shapes
    std::optional<RouteMatch> match;        // set when the request is to be forwarded
    std::string upstream_path;              // what to send upstream (repaired or as received)
    bool forwarded = false;
    std::optional<httplib::Response> deferred_answer;  // a refusal held until the body has been drained
    bool key_accepted = false;                         // a valid proxy key came with the request
};

struct ProxyServer::Impl final : Exchange::Finish {
    explicit Impl(const config::ServeConfig& serve_config)
        : config(serve_config),
          auth_mode(effective_auth_mode(config)),
          keys(config.api_keys),
          access(config, machine_hostname()),
          recent(config.recent_requests),
          http(connection_limits(config)) {}

    static std::string machine_hostname() {
        char name[256] = {};
        return ::gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string();
    }

    config::ServeConfig config;
    config::AuthMode auth_mode;
    KeyChecker keys;
    AccessPolicy access;
    RecentRequests recent;
    Metrics metrics;
    // Created by forward_to() once the port is bound: no mock upstream is started for a proxy that cannot listen.
    std::unique_ptr<Forwarder> forwarder;
    http::GuardedServer http;
    int bound_port = 0;
    std::mutex log_mutex;
    // /readyz connects to every upstream: its answer is reused for a few seconds, so polling it is cheap.
    std::mutex readiness_mutex;
    Clock::time_point readiness_checked_at{};
    std::vector<Forwarder::UpstreamStatus> readiness;

    // httplib runs the pre-routing handler, the route handler and the logger of one request on the same
    // connection thread, one request at a time, so the request in progress is per thread.
    static thread_local std::shared_ptr<Exchange> current;

    // ---------------------------------------------------------------- the pipeline

    httplib::Server::HandlerResponse admit(const httplib::Request& req, httplib::Response& res) {
        if (current) current.reset();  // a previous request whose logger never ran: log it now
        current = std::make_shared<Exchange>(*this, req);
        metrics.request_started();
        Exchange& exchange = *current;
        const Method method = request_method(req);
        const std::string host = req.get_header_value("Host");

        // 1. Accept: only names of this machine (DNS rebinding), only local origins (CORS).
        access.add_cors_headers(req, res);
        exchange.protocol = guess_protocol(req);
        if (!access.host_allowed(host)) {
            return answer(res,
                          {403, exchange.protocol,
                           "Host '" + host +
                               "' is not allowed: Pathwise only answers requests addressed to this "
                               "machine (localhost, 127.0.0.1, its hostname), which protects it from DNS-rebinding "
                               "web pages. If you reach it through another name, add it to \"allowed_hosts\" in the "
                               "config file or pass --allowed-host " +
                               host_without_port(host) + ".",
                           "host_not_allowed"});
        }
        if (const auto* header = unclean_header(req)) {
            // The library percent-decodes header values: "%0d%0a" arrives as CR LF, which would inject headers
            // (and whole requests) into the upstream connection if it were copied there.
            return answer(res,
                          {400, exchange.protocol,
                           "The header '" + quotable(header->first) +
                               "' contains a line break or another control "
                               "character (after percent-decoding); Pathwise forwards only headers that are one clean "
                               "line. Remove it or send its value without encoded control characters.",
                           "invalid_header"});
        }
        if (req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method")) {
            access.answer_preflight(req, res);  // preflights never carry keys, so they never need one
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.has_header("Origin") && !access.origin_allowed(req.get_header_value("Origin"), host)) {
            return answer(res,
                          {403, exchange.protocol,
                           "Origin '" + req.get_header_value("Origin") +
                               "' may not call this proxy: only local "
                               "pages (http://localhost, http://127.0.0.1, http://[::1] on any port) may. Add it to "
                               "\"cors_origins\" in the config file or pass --cors-origin if you trust it.",
                           "origin_not_allowed"});
        }
        if (header_bytes(req) > config.max_header_bytes) {
            return answer(res, {431, exchange.protocol,
                                "The request headers are larger than " + std::to_string(config.max_header_bytes) +
                                    " bytes (max_header_bytes); send smaller headers or raise the limit.",
                                ""});
        }
        if ((req.method == "GET" || req.method == "HEAD") && req.path == "/") return answer_root(req, res);
        const std::string_view raw_path = std::string_view(req.target).substr(0, req.target.find('?'));
        if (const auto problem = forwarded_path_problem(raw_path, req.path)) {
            return answer(res, {400, exchange.protocol,
                                "The request path has " + std::string(*problem) +
                                    ". Pathwise forwards exactly the "
                                    "path it matched, so it refuses paths that the upstream could split or resolve "
                                    "differently. Send the plain path, e.g. /v1/chat/completions.",
                                "invalid_path"});
        }
        if (announces_body(req)) {
            const std::string coding = req.get_header_value("Content-Encoding");
            if (!has_content_reader(req) && !coding.empty() && !ascii::iequals(coding, "identity")) {
                return answer(res, {415, exchange.protocol,
                                    "A " + req.method +
                                        " body with Content-Encoding is not accepted; send it "
                                        "uncompressed.",
                                    "unsupported_encoding"});
            }
            if (req.is_multipart_form_data()) {
                return answer(res, {415, exchange.protocol,
                                    "multipart/form-data bodies are not served by Pathwise's routes; send JSON.",
                                    "unsupported_media_type"});
            }
        } else if (has_content_reader(req) && !req.has_header("Content-Length")) {
            // The library would read such a body until the connection closes.
            const_cast<httplib::Request&>(req).set_header("Content-Length",
                                                          "0");  // NOLINT: the library's own non-const request
        }

        // 2. Match the route — before auth, so a wrong URL gets a 404 that explains it, not a 401.
        std::optional<RouteMatch> match = match_route(method, req.path);
        if (!match && !is_websocket_upgrade(req)) {
            if ((req.method == "GET" || req.method == "HEAD") && serve_static_file(config.web_root, req.path, res)) {
                return httplib::Server::HandlerResponse::Handled;  // the wizard's files are public
            }
            const Diagnosis diagnosis = diagnose(req);
            if (config.repair_paths && is_repairable(diagnosis.kind) && diagnosis.intended != nullptr) {
                match = match_route(method, diagnosis.intended_path);
                if (match) {
                    exchange.record.repaired_to = diagnosis.intended_path;
                    res.set_header("X-Pathwise-Repaired", req.path + " -> " + diagnosis.intended_path);
                }
            }
            if (!match) return answer_miss(req, res, diagnosis);
        } else if (!match) {
            return answer_miss(req, res, diagnose(req));
        }
        const Route& route = *match->route;
        exchange.record.route_id = std::string(route.id);
        exchange.protocol = route.protocol;

        // 3. Authenticate.
        const Audience audience = route.access == RouteAccess::health ? Audience::health : Audience::api;
        if (key_required(auth_mode, audience)) {
            const auto key = presented_key(req, route.protocol == Protocol::gemini);
            exchange.key_accepted = key && keys.accepts(*key);
            if (!exchange.key_accepted) {
                res.set_header("WWW-Authenticate", "Bearer");
                return answer(res,
                              {401, route.protocol,
                               std::string(key ? "The API key is not valid for this proxy." : "No API key was sent.") +
                                   " Send the key configured for Pathwise in the header " +
                                   std::string(key_header_hint(route.protocol)) + ".",
                               ""});
            }
        }

        if (audience == Audience::health && auth_mode == config::AuthMode::all_except_health) {
            const auto key = presented_key(req, false);
            exchange.key_accepted = key && keys.accepts(*key);
        }

        // 4. Answer the proxy's own routes here; forward the rest once httplib has read the body.
        if (route.protocol == Protocol::service) {
            const bool private_route = route.access == RouteAccess::local_diagnostics;
            if (private_route && req.has_header("Origin") &&
                !access.local_origin(req.get_header_value("Origin"), host)) {
                return answer(res, {403, Protocol::service,
                                    "What Pathwise knows about its own traffic is only shared with local pages, "
                                    "whatever cors_origins allows.",
                                    "origin_not_allowed"});
            }
            return answer_service(route, res, exchange.key_accepted || auth_mode == config::AuthMode::off);
        }
        exchange.match = match;
        exchange.upstream_path =
            exchange.record.repaired_to.empty() ? req.target : exchange.record.repaired_to + query_part(req.target);
        return httplib::Server::HandlerResponse::Unhandled;
    }

    // A refusal answered from the pre-routing handler would leave the request body unread on a keep-alive
    // connection, where it would be parsed as the next request: a refused cross-origin request could smuggle a
    // second one past the Origin check (security #8 item 3; Claude Code once showed "414" for our 404). So a
    // refusal with a body is held until the body has been drained by the catch-all handler, which then sends
    // it; when it cannot be drained (a compressed GET body) the connection is closed after the answer.
    httplib::Server::HandlerResponse leave_connection_clean(const httplib::Request& req, httplib::Response& res,
                                                            httplib::Server::HandlerResponse result) {
        if (result != httplib::Server::HandlerResponse::Handled || !current || !announces_body(req)) return result;
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
        const std::size_t limit = config.max_body_bytes;
        if (exchange && exchange->deferred_answer) {
            std::size_t drained = 0;
            const bool whole = reader([&](const char*, std::size_t length) {
                drained += length;
                return drained <= limit;  // past the limit the connection is closed instead
            });
            if (whole) http::GuardedServer::body_consumed();
            res = *exchange->deferred_answer;
            return;
        }
        std::string body;
        bool too_large = false;
        const bool whole = reader([&](const char* data, std::size_t length) {
            if (body.size() + length > limit) {
                too_large = true;
                return false;
            }
            body.append(data, length);
            return true;
        });
        if (!whole) {
            const Protocol protocol = exchange ? exchange->protocol : guess_protocol(req);
            if (too_large || res.status == 413) {
                send_error(res, {413, protocol,
                                 "The request body is larger than " + std::to_string(limit) +
                                     " bytes (max_body_bytes) once decoded; send less or raise the limit.",
                                 "body_too_large"});
            } else if (res.status == 415) {
                send_error(res,
                           {415, protocol,
                            "The request's Content-Encoding '" + quotable(req.get_header_value("Content-Encoding")) +
                                "' is not supported; send it uncompressed, or as gzip, deflate or br.",
                            "unsupported_encoding"});
            } else {
                send_error(res, {400, protocol,
                                 "The request body could not be read: it ended early, its chunked or compressed "
                                 "encoding is broken, or it did not arrive within body_read_timeout_ms (" +
                                     std::to_string(config.body_read_timeout.count()) + " ms).",
                                 "body_unreadable"});
            }
            return;  // the body was not read whole: GuardedServer closes the connection after this answer
        }
        http::GuardedServer::body_consumed();
        httplib::Request with_body = req;
        with_body.body = std::move(body);
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
            send_error(res, {500, Protocol::service, "Internal error: request reached the forwarder unchecked.", ""});
            return;
        }
        if (json_nesting_exceeds(req.body, kMaxJsonNesting)) {
            send_error(res, {400, exchange->protocol,
                             "The request body nests arrays/objects deeper than " + std::to_string(kMaxJsonNesting) +
                                 " levels; no real request does, so Pathwise refuses it before anything parses it.",
                             "json_too_deep"});
            return;
        }
        exchange->forwarded = true;
        exchange->record.bytes_in = req.body.size();
        const std::shared_ptr<RequestRecord> record(exchange, &exchange->record);
        forwarder->forward(req, res, *exchange->match, exchange->upstream_path, record);
    }

    void fill_error_body(const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || res.content_provider_) return;
        if (current && current->forwarded) return;  // the forwarder's answer, as the upstream gave it
        const Protocol protocol = current ? current->protocol : guess_protocol(req);
        // httplib 0.11.4 answers 400 itself, before our handlers, when a single header line is longer than
        // 8192 bytes (compile-time CPPHTTPLIB_HEADER_MAX_LENGTH in the .so): the request line parsed (target
        // set) but the headers did not. That is "headers too large", so say 431.
        const bool known_method = parse_method(req.method) != Method::other || req.method == "CONNECT" ||
                                  req.method == "TRACE" || req.method == "PRI";
        // The library answers 400 for every head it could not read; the connection loop knows why.
        const http::HeadFailure head = http::GuardedServer::head_failure();
        if (res.status == 400 && !current && head == http::HeadFailure::timed_out) res.status = 408;
        if (res.status == 400 && !current && head == http::HeadFailure::too_large) res.status = 431;
        // More than CPPHTTPLIB_HEADER_MAX_COUNT lines, or one over 8 KiB: the request line parsed, the headers not.
        if (res.status == 400 && !current && !req.target.empty() && known_method) res.status = 431;
        std::string message;
        switch (res.status) {
            case 413:
                message = "The request body is larger than " + std::to_string(config.max_body_bytes) +
                          " bytes (max_body_bytes); send less or raise the limit.";
                break;
            case 414:
                message = "The request URL is too long.";
                break;
            case 431:
                message =
                    "The request headers are too large: more than " + std::to_string(config.max_header_bytes) +
                    " bytes (max_header_bytes), more than 128 lines, or a line over 8192 bytes. Send smaller headers.";
                break;
            case 408:
                message = "The request line and headers did not arrive within header_read_timeout_ms (" +
                          std::to_string(config.header_read_timeout.count()) + " ms). Send them all at once.";
                break;
            case 415:
                message = "The request body's encoding or type is not supported.";
                break;
            case 500:
                message = "Pathwise hit an internal error on this request; it is logged, and the proxy keeps serving.";
                break;
            case 400:
                message = !known_method && !req.method.empty()
                              ? "'" + req.method +
                                    "' is not an HTTP method this proxy serves; the API routes take GET or POST."
                              : "The request could not be read as HTTP (bad request line, headers or body).";
                break;
            case 403:
                message = "This request is not allowed from this origin.";
                break;
            default:
                message = "The proxy could not handle this request (HTTP " + std::to_string(res.status) + ").";
                break;
        }
        send_error(res, {res.status, protocol, message, ""});
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

    // ---------------------------------------------------------------- answers

    httplib::Server::HandlerResponse answer(httplib::Response& res, const ProtocolError& error) {
        send_error(res, error);
        return httplib::Server::HandlerResponse::Handled;
    }

    httplib::Server::HandlerResponse answer_miss(const httplib::Request& req, httplib::Response& res,
                                                 const Diagnosis& diagnosis) {
        Exchange& exchange = *current;
        exchange.protocol = diagnosis.protocol;
        exchange.record.diagnosis_kind = std::string(diagnosis_kind_name(diagnosis.kind));
        exchange.record.diagnosis = explain(diagnosis, Lang::en);
        exchange.record.fixed_base_url = diagnosis.fixed_base_url;
        const nlohmann::json details = {{"diagnosis", diagnosis_kind_name(diagnosis.kind)},
                                        {"intended_path", diagnosis.intended_path},
                                        {"intended_route", diagnosis.intended ? diagnosis.intended->id : ""},
                                        {"wrong_part", diagnosis.wrong_part},
                                        {"fixed_base_url", diagnosis.fixed_base_url}};
        const std::string message = explain(diagnosis, request_lang(req));
        if (diagnosis.kind == DiagnosisKind::websocket_upgrade || is_websocket_upgrade(req)) {
            // Codex tries the Responses WebSocket 7 times before POSTing (docs/clients.md 1.6): a non-101 answer
            // right away makes it fall back to POST at once.
            return answer(
                res, {426, Protocol::openai,
                      "WebSockets are not supported by this proxy; send the request with POST " +
                          (diagnosis.intended_path.empty() ? std::string("/v1/responses") : diagnosis.intended_path) +
                          " instead.",
                      "websocket_not_supported", details});
        }
        if (diagnosis.kind == DiagnosisKind::wrong_method && diagnosis.intended != nullptr) {
            const std::string allowed(method_name(diagnosis.intended->method));
            res.set_header("Allow", allowed == "GET" ? "GET, HEAD" : allowed);
            return answer(res, {405, diagnosis.protocol, message, "method_not_allowed", details});
        }
        return answer(res, {404, diagnosis.protocol, message, "path_not_found", details});
    }

    httplib::Server::HandlerResponse answer_root(const httplib::Request& req, httplib::Response& res) {
        const std::string accept = req.get_header_value("Accept");
        const bool wants_json =
            accept.find("application/json") != std::string::npos && accept.find("text/html") == std::string::npos;
        if (wants_json) {
            res.set_content(root_document(origin_for(req)).dump(2, ' ', false, http::kReplaceInvalidUtf8),
                            "application/json");
        } else if (!serve_static_file(config.web_root, "/", res)) {
            res.set_content(wizard_missing_page(origin_for(req), config.web_root), "text/html; charset=utf-8");
        }
        res.status = 200;
        return httplib::Server::HandlerResponse::Handled;
    }

    httplib::Server::HandlerResponse answer_service(const Route& route, httplib::Response& res, bool show_details) {
        const ServiceContext context{metrics, recent, [this] { return upstream_readiness(); }, show_details};
        answer_service_route(route, context, res);
        return httplib::Server::HandlerResponse::Handled;
    }

    // ---------------------------------------------------------------- helpers

    std::vector<Forwarder::UpstreamStatus> upstream_readiness() {
        constexpr auto kReuseFor = std::chrono::seconds(5);
        const std::lock_guard lock(readiness_mutex);
        const auto now = Clock::now();
        if (readiness.empty() || now - readiness_checked_at >= kReuseFor) {
            readiness = forwarder->check_upstreams();
            readiness_checked_at = now;
        }
        return readiness;
    }

    Diagnosis diagnose(const httplib::Request& req) const {
        const std::string host = req.get_header_value("Host");
        const RequestFacts facts{
            .method = request_method(req),
            .target = req.path,
            .websocket_upgrade = is_websocket_upgrade(req),
            .has_anthropic_headers = req.has_header("anthropic-version") || req.has_header("x-api-key"),
            .has_goog_api_key = req.has_header("x-goog-api-key"),
            .host = host};
        return diagnose_request(facts, origin_for(req));
    }

    Protocol guess_protocol(const httplib::Request& req) const {
        if (const auto match = match_path(req.path)) return match->route->protocol;
        if (req.has_header("anthropic-version") || req.has_header("x-api-key")) return Protocol::anthropic;
        if (req.has_header("x-goog-api-key") || req.path.find("v1beta") != std::string::npos) return Protocol::gemini;
        return Protocol::openai;
    }

    static Lang request_lang(const httplib::Request& req) {
        if (req.has_param("lang")) {
            if (const auto lang = parse_lang(req.get_param_value("lang"))) return *lang;
        }
        const std::string accept_language = req.get_header_value("Accept-Language");
        if (!accept_language.empty()) {
            if (const auto lang = parse_lang(accept_language.substr(0, accept_language.find_first_of(",;"))))
                return *lang;
        }
        return Lang::en;
    }

    // The origin clients should type: the Host they used (it passed the Host check), else the listen address.
    std::string origin_for(const httplib::Request& req) const {
        const std::string host = req.get_header_value("Host");
        if (!host.empty() && access.host_allowed(host)) return "http://" + host;
        return listen_origin();
    }

    std::string listen_origin() const {
        std::string host = config.host;
        if (host == "0.0.0.0" || host == "::" || host.empty()) host = "127.0.0.1";
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        return "http://" + host + ":" + std::to_string(bound_port);
    }

    void configure_http() {
        // Each stream and each idle keep-alive connection holds a pool thread, so the pool is sized at run time.
        const auto threads = static_cast<std::size_t>(config.threads);
        http.set_thread_count(threads);
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
                fill_error_body(req, res);
            });
        http.set_error_handler(
            [this](const httplib::Request& req, httplib::Response& res) { fill_error_body(req, res); });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
    }
};

thread_local std::shared_ptr<Exchange> ProxyServer::Impl::current;

ProxyServer::ProxyServer(const config::ServeConfig& config) : impl_(std::make_unique<Impl>(config)) {
    impl_->configure_http();
}

ProxyServer::~ProxyServer() = default;

Result<int> ProxyServer::bind() {
    const config::ServeConfig& config = impl_->config;
    int port = 0;
    if (config.port == 0) {
        port = impl_->http.bind_to_any_port(config.host);
        if (port <= 0) port = 0;
    } else if (impl_->http.bind_to_port(config.host, config.port)) {
        port = config.port;
    }
    if (port > 0) {
        impl_->bound_port = port;
        return port;
    }
    // httplib does not say why; ask the OS with a probe bind of our own.
    const int saved_errno = [&] {
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
    }();
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

void ProxyServer::forward_to(upstream::UpstreamMap upstreams) {
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
