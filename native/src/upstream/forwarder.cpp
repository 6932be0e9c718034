// forwarder.cpp — pick the upstream for the route's protocol, rewrite the request for it (key, model, path,
// headers), send it, and answer: buffered for plain JSON, relayed event by event for streams.
#include "upstream/forwarder.hpp"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>

#include "http/json_text.hpp"
#include "http/protocol_error.hpp"
#include "mock/mock_server.hpp"
#include "pathwise/ascii.hpp"
#include "upstream/header_policy.hpp"
#include "upstream/model_map.hpp"
#include "upstream/stream_exchange.hpp"
#include "upstream/tcp_probe.hpp"
#include "upstream/upstream_client.hpp"
#include "upstream/upstream_failure.hpp"

namespace pathwise::proxy {

namespace {

using upstream::FailureKind;
using upstream::ResolvedUpstream;
using upstream::StreamExchange;
using upstream::UpstreamFailure;
using Clock = std::chrono::steady_clock;

constexpr std::array<Protocol, 3> kForwardedProtocols = {Protocol::openai, Protocol::anthropic, Protocol::gemini};
constexpr std::size_t kIdleClientsPerUpstream = 64;

// httplib's server adds the peer addresses to the request headers; they are not the client's headers.
bool is_server_pseudo_header(std::string_view name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// Response headers that are ours to write: the body's framing (the library re-frames it), its type (set with
// the body, normalised for SSE) and CORS (the server answers CORS for its own origin policy).
bool is_response_header_we_write(std::string_view name) {
    using ascii::iequals;
    return upstream::is_hop_by_hop(name) || iequals(name, "content-length") || iequals(name, "content-type") ||
           iequals(name, "content-encoding") || (name.size() > 15 && iequals(name.substr(0, 15), "access-control-"));
}

// Request headers that never go upstream, beyond hop-by-hop ones: the body's framing and coding (the body
// forwarded is the decoded one, re-framed), the key headers (handled apart), the browser's cookies for
// localhost, and proxy-chain headers a client could forge.
bool is_request_header_we_drop(std::string_view name) {
    using ascii::iequals;
    return upstream::is_hop_by_hop(name) || iequals(name, "content-length") || iequals(name, "content-encoding") ||
           iequals(name, "accept-encoding") || iequals(name, "expect") || iequals(name, "cookie") ||
           iequals(name, "forwarded") || iequals(name, "x-real-ip") ||
           (name.size() > 12 && iequals(name.substr(0, 12), "x-forwarded-"));
}

bool constant_time_equals(std::string_view a, std::string_view b) {
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ (b.empty() ? 0 : b[i % b.size()]));
    }
    return difference == 0;
}

struct OutgoingRequest {
    httplib::Request request;
    bool wants_stream = false;
};

std::string header_value(const httplib::Headers& headers, std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (ascii::iequals(key, name)) return value;
    }
    return {};
}

bool has_header(const httplib::Headers& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return ascii::iequals(header.first, name); });
}

void erase_header(httplib::Headers& headers, std::string_view name) {
    for (auto it = headers.begin(); it != headers.end();) {
        it = ascii::iequals(it->first, name) ? headers.erase(it) : std::next(it);
    }
}

// The answer's Content-Type: providers send "text/event-stream; charset=utf-8", which the server library would
// gzip for clients sending Accept-Encoding and so deliver all at once; exactly "text/event-stream" is exempt.
std::string client_content_type(const httplib::Headers& upstream_headers) {
    std::string type = header_value(upstream_headers, "Content-Type");
    if (upstream::is_event_stream(type)) return "text/event-stream";
    return type.empty() ? "application/octet-stream" : type;
}

// The client library percent-decodes header values as the server one does, so an upstream's "%0d%0a" arrives
// as CR LF: a header that is not one clean line is dropped, never written to our client (response splitting).
// False when one was dropped: that upstream connection is not trusted with another request.
bool copy_response_headers(const httplib::Headers& from, httplib::Response& res) {
    bool all_clean = true;
    for (const auto& [name, value] : from) {
        if (is_response_header_we_write(name)) continue;
        if (!upstream::is_clean_field_name(name) || !upstream::is_clean_field_value(value)) {
            all_clean = false;
            continue;
        }
        res.headers.emplace(name, value);
    }
    return all_clean;
}

// What a relayed stream knows when it ends, for the request record.
struct RelayState {
    std::uint64_t bytes_out = 0;
    Clock::time_point last_write = Clock::now();
    std::string error;
    bool client_left = false;
};

}  // namespace

struct Forwarder::Impl {
    config::ServeConfig config;
    upstream::BufferLimits buffer_limits;
    std::mutex live_mutex;
    std::vector<std::weak_ptr<StreamExchange>> live_streams;  // for cut_streams() at the end of a shutdown
    bool cutting = false;
    std::unique_ptr<mock::MockServer> mock;
    std::map<Protocol, std::shared_ptr<const ResolvedUpstream>> upstreams;
    std::map<Protocol, std::unique_ptr<upstream::ClientPool>> pools;

    explicit Impl(const config::ServeConfig& serve_config);
    [[nodiscard]] bool is_proxy_key(std::string_view key) const;
    OutgoingRequest build(const httplib::Request& req, const RouteMatch& match, const std::string& path,
                          const ResolvedUpstream& target) const;
    void forward_buffered(OutgoingRequest& out, const ResolvedUpstream& target, httplib::Response& res,
                          RequestRecord& record);
    void forward_streaming(OutgoingRequest& out, const std::shared_ptr<const ResolvedUpstream>& target,
                           httplib::Response& res, const std::shared_ptr<RequestRecord>& record);
    std::shared_ptr<StreamExchange> start_exchange(const ResolvedUpstream& target, httplib::Request request);
};

namespace {

void respond_failure(const ResolvedUpstream& target, const UpstreamFailure& failure, httplib::Response& res,
                     RequestRecord& record) {
    http::send_error(res, {failure.status, target.protocol, failure.message, failure.code});
    record.status = failure.status;
    record.error = failure.code;
    record.bytes_out = res.body.size();
}

}  // namespace

Forwarder::Impl::Impl(const config::ServeConfig& serve_config) : config(serve_config) {
    buffer_limits.max_event_bytes = config.max_event_bytes;
    buffer_limits.max_body_bytes = config.max_response_bytes;
    const bool any_mock = std::any_of(kForwardedProtocols.begin(), kForwardedProtocols.end(), [&](Protocol protocol) {
        const auto it = config.upstreams.find(protocol);
        return it == config.upstreams.end() || it->second.is_mock();
    });
    std::string mock_error;
    if (any_mock) {
        mock::MockOptions options;
        options.host = "127.0.0.1";
        options.port = 0;
        options.token_delay = config.mock.token_delay;
        options.threads = std::clamp(config.threads, 8, 1024);  // as many concurrent streams as the proxy serves
        mock = mock::MockServer::start(options, mock_error);
    }
    for (Protocol protocol : kForwardedProtocols) {
        auto resolved = std::make_shared<ResolvedUpstream>();
        resolved->protocol = protocol;
        const auto configured = config.upstreams.find(protocol);
        if (configured != config.upstreams.end()) resolved->config = configured->second;
        resolved->config_key = "upstreams." + std::string(protocol_name(protocol)) + ".base_url";
        if (resolved->config.is_mock()) {
            resolved->name = "mock";
            if (mock) {
                std::string ignored;
                (void)upstream::parse_upstream_base(mock->origin(), resolved->target, ignored);
            } else {
                resolved->setup_error = "Pathwise's embedded mock upstream did not start (" + mock_error + ")";
            }
        } else {
            std::string parse_error;
            if (upstream::parse_upstream_base(resolved->config.base_url, resolved->target, parse_error)) {
                resolved->name = resolved->target.origin;
            } else {
                resolved->name = resolved->config.base_url;
                resolved->setup_error =
                    resolved->config_key + " '" + resolved->config.base_url + "' is not a usable URL: " + parse_error;
            }
        }
        // api_key_env was resolved by the config loader, from the environment it was given (an unset variable
        // stops start-up there), so the key is in api_key either way.
        resolved->api_key = resolved->config.api_key;
        upstreams[protocol] = std::move(resolved);
        pools[protocol] = std::make_unique<upstream::ClientPool>(kIdleClientsPerUpstream);
    }
}

bool Forwarder::Impl::is_proxy_key(std::string_view key) const {
    bool found = false;
    for (const std::string& proxy_key : config.api_keys) found |= constant_time_equals(key, proxy_key);
    return found;
}

OutgoingRequest Forwarder::Impl::build(const httplib::Request& req, const RouteMatch& match, const std::string& path,
                                       const ResolvedUpstream& target) const {
    OutgoingRequest out;
    httplib::Request& request = out.request;
    request.method = req.method;

    std::string route_path = path;
    std::string query;
    if (const std::size_t mark = path.find('?'); mark != std::string::npos) {
        route_path = path.substr(0, mark);
        query = path.substr(mark + 1);
    } else if (const std::size_t target_mark = req.target.find('?'); target_mark != std::string::npos) {
        query = req.target.substr(target_mark + 1);
    }

    // Gemini clients may put the key in ?key= (Continue, LobeChat: docs/clients.md §4); it never goes upstream there.
    std::string query_key;
    if (target.protocol == Protocol::gemini) query = upstream::remove_query_param(query, "key", &query_key);

    request.body = req.body;
    const Route* route = match.route;
    if (target.protocol == Protocol::gemini) {
        if (!match.model.empty()) {
            if (auto mapped = upstream::map_model(target.config.model_map, match.model)) {
                const std::string from = "/models/" + match.model;
                if (const std::size_t at = route_path.find(from); at != std::string::npos) {
                    route_path.replace(at, from.size(), "/models/" + *mapped);
                }
            }
        }
        out.wants_stream = route != nullptr && route->stream == StreamSignal::path;
    } else if (!req.body.empty() && route != nullptr &&
               ((route->can_stream() && req.body.find("\"stream\"") != std::string::npos) ||
                !target.config.model_map.empty())) {
        // Parsed only when it can matter: a body without a "stream" key is not a stream request.
        nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_object()) {
            out.wants_stream = route->can_stream() && body.contains("stream") && body["stream"].is_boolean() &&
                               body["stream"].get<bool>();
            if (body.contains("model") && body["model"].is_string()) {
                if (auto mapped = upstream::map_model(target.config.model_map, body["model"].get<std::string>())) {
                    body["model"] = *mapped;
                    request.body = body.dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8);
                }
            }
        }
    }
    request.path = upstream::upstream_path(target.target.path_prefix, route_path) + (query.empty() ? "" : "?" + query);

    for (const auto& [name, value] : req.headers) {
        if (is_server_pseudo_header(name) || is_request_header_we_drop(name)) continue;
        // The server refuses requests with such headers before they get here; this keeps it true for any caller.
        if (!upstream::is_clean_field_name(name) || !upstream::is_clean_field_value(value)) continue;
        if (upstream::is_client_key_header(name)) {
            // A configured key replaces whatever the client sent; a proxy key (what the client used to reach us)
            // is never passed on; any other key is the client's own provider key and passes through.
            if (!target.api_key.empty() || is_proxy_key(upstream::key_from_header_value(name, value))) continue;
        }
        request.headers.emplace(name, value);
    }
    if (!target.api_key.empty()) {
        request.headers.emplace(std::string(upstream::key_header_name(target.protocol)),
                                upstream::key_header_value(target.protocol, target.api_key));
    } else if (!query_key.empty() && !is_proxy_key(query_key) && !has_header(request.headers, "x-goog-api-key")) {
        request.headers.emplace("x-goog-api-key", query_key);
    }
    for (const auto& [name, value] : target.config.headers) {
        erase_header(request.headers, name);
        request.headers.emplace(name, value);
    }
    // Identity upstream: we relay bytes as they come and let our own server compress for the client.
    request.headers.emplace("Accept-Encoding", "identity");
    return out;
}

void Forwarder::Impl::forward_buffered(OutgoingRequest& out, const ResolvedUpstream& target, httplib::Response& res,
                                       RequestRecord& record) {
    upstream::ClientPool& pool = *pools.at(target.protocol);
    auto client = pool.acquire(target);
    httplib::Response answer;
    httplib::Error error = httplib::Error::Success;
    // The answer is held whole before it goes out, so it is capped: a larger one is refused as it arrives
    // (by its Content-Length, or as the bytes come), never buffered to the end.
    const std::size_t limit = config.max_response_bytes;
    std::string body;
    bool too_large = false;
    out.request.response_handler = [&](const httplib::Response& head) {
        const std::string length = head.get_header_value("Content-Length");
        too_large = !length.empty() && std::strtoull(length.c_str(), nullptr, 10) > limit;
        return !too_large;
    };
    out.request.content_receiver = [&](const char* data, std::size_t length, std::uint64_t, std::uint64_t) {
        if (body.size() + length > limit) {
            too_large = true;
            return false;
        }
        body.append(data, length);
        return true;
    };
    const auto started = Clock::now();
    const bool sent = client->send(out.request, answer, error);
    if (too_large) {
        respond_failure(target, upstream::describe_failure(target, FailureKind::answer_too_large), res, record);
        return;  // the client is not pooled: its connection holds the rest of that answer
    }
    if (!sent) {
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
        respond_failure(target, upstream::describe_failure(target, error, elapsed, target.config.first_byte_timeout),
                        res, record);
        return;
    }
    res.status = answer.status;
    // Only a connection whose exchange went by the book goes back to the pool: after anything odd (a header
    // smuggling attempt, an answer cut short) the next client must not inherit its state.
    if (copy_response_headers(answer.headers, res)) pool.release(std::move(client));
    record.status = answer.status;
    record.bytes_out = body.size();
    res.set_content(std::move(body), client_content_type(answer.headers));
}

std::shared_ptr<StreamExchange> Forwarder::Impl::start_exchange(const ResolvedUpstream& target,
                                                                httplib::Request request) {
    auto exchange = StreamExchange::start(target, std::move(request), buffer_limits);
    const std::lock_guard lock(live_mutex);
    if (cutting) exchange->shut_down();
    live_streams.erase(std::remove_if(live_streams.begin(), live_streams.end(),
                                      [](const std::weak_ptr<StreamExchange>& live) { return live.expired(); }),
                       live_streams.end());
    live_streams.push_back(exchange);
    return exchange;
}

void Forwarder::Impl::forward_streaming(OutgoingRequest& out, const std::shared_ptr<const ResolvedUpstream>& target,
                                        httplib::Response& res, const std::shared_ptr<RequestRecord>& record) {
    auto exchange = start_exchange(*target, std::move(out.request));
    const auto& timeouts = target->config;
    if (!exchange->wait_for_headers(exchange->started_at() + timeouts.first_byte_timeout)) {
        UpstreamFailure failure;
        if (!exchange->finished()) {
            exchange->cancel();
            exchange->join();
            failure = upstream::describe_failure(*target, FailureKind::first_byte_timeout);
        } else {
            exchange->join();
            const auto elapsed =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - exchange->started_at());
            failure = upstream::describe_failure(
                *target, exchange->error(), elapsed,
                std::max(timeouts.first_byte_timeout, timeouts.idle_timeout) + std::chrono::milliseconds(1000));
        }
        respond_failure(*target, failure, res, *record);
        return;
    }

    const int status = exchange->status();
    const httplib::Headers& upstream_headers = exchange->headers();
    const std::string content_type = client_content_type(upstream_headers);
    const bool sse = content_type == "text/event-stream";
    const bool relay = status >= 200 && status < 300 && (sse || !has_header(upstream_headers, "Content-Length"));
    exchange->set_body_mode(!relay ? upstream::BodyMode::buffer_whole
                            : sse  ? upstream::BodyMode::relay_events
                                   : upstream::BodyMode::relay_bytes);
    if (!relay) {  // an error answer or a sized body: pass it through whole
        if (!exchange->wait_for_finish(timeouts.idle_timeout)) {
            exchange->cancel();
            exchange->join();
            respond_failure(*target, upstream::describe_failure(*target, FailureKind::idle_timeout), res, *record);
            return;
        }
        exchange->join();
        if (exchange->body_too_large()) {
            respond_failure(*target, upstream::describe_failure(*target, FailureKind::answer_too_large), res, *record);
            return;
        }
        if (exchange->error() != httplib::Error::Success) {
            respond_failure(*target, upstream::describe_failure(*target, FailureKind::closed_early), res, *record);
            return;
        }
        res.status = status;
        copy_response_headers(upstream_headers, res);
        res.set_content(exchange->take_all(), content_type);
        record->status = status;
        record->bytes_out = res.body.size();
        return;
    }

    res.status = status;
    copy_response_headers(upstream_headers, res);
    record->status = status;
    record->streamed = true;
    // The server library also gzips chunked answers typed exactly "application/json" (a streamed Gemini JSON
    // array), which would hold the pieces back; the same type with its charset parameter is left alone.
    const std::string relay_type =
        content_type == "application/json" ? "application/json; charset=utf-8" : content_type;
    auto state = std::make_shared<RelayState>();
    const auto ping_interval = config.keepalive_comment_interval;

    // Ends the stream after an upstream failure: SSE clients get the protocol's error event (their SDKs raise
    // it with our message); other streams are cut, so the client sees a truncated body, not a complete-looking one.
    auto end_with_failure = [target, state, sse](httplib::DataSink& sink, const UpstreamFailure& failure) {
        state->error = failure.code;
        if (!sse) return false;
        const std::string event = http::error_event({failure.status, target->protocol, failure.message, failure.code});
        if (!sink.write(event.data(), event.size())) return false;
        state->bytes_out += event.size();
        sink.done();
        return true;
    };

    res.set_chunked_content_provider(
        relay_type,
        [exchange, target, state, sse, ping_interval, end_with_failure](std::size_t, httplib::DataSink& sink) {
            for (;;) {
                if (!sink.is_writable()) {
                    state->client_left = true;
                    exchange->cancel();
                    return false;
                }
                const auto idle_deadline = exchange->last_byte_at() + target->config.idle_timeout;
                const bool may_ping = sse && ping_interval.count() > 0 && !exchange->has_pending();
                const auto wake = may_ping ? std::min(idle_deadline, state->last_write + ping_interval) : idle_deadline;
                if (exchange->shutting_down()) {
                    return end_with_failure(sink, upstream::describe_failure(*target, FailureKind::shutting_down));
                }
                const std::string bytes = exchange->take_relayable(wake);
                if (!bytes.empty()) {
                    if (!sink.write(bytes.data(), bytes.size())) {
                        state->client_left = true;
                        exchange->cancel();
                        return false;
                    }
                    state->bytes_out += bytes.size();
                    state->last_write = Clock::now();
                    return true;
                }
                if (exchange->finished()) {
                    if (exchange->shutting_down()) {
                        return end_with_failure(sink, upstream::describe_failure(*target, FailureKind::shutting_down));
                    }
                    if (exchange->event_too_large()) {
                        return end_with_failure(sink,
                                                upstream::describe_failure(*target, FailureKind::event_too_large));
                    }
                    if (exchange->error() == httplib::Error::Success) {
                        sink.done();
                        return true;
                    }
                    return end_with_failure(sink, upstream::describe_failure(*target, FailureKind::closed_early));
                }
                const auto now = Clock::now();
                if (now >= exchange->last_byte_at() + target->config.idle_timeout) {
                    exchange->cancel();
                    return end_with_failure(sink, upstream::describe_failure(*target, FailureKind::idle_timeout));
                }
                if (may_ping && now >= state->last_write + ping_interval && !exchange->has_pending()) {
                    // An SSE comment: every SSE parser skips it; it keeps idle-killing middleboxes and clients calm
                    // and makes a departed client visible (the write fails).
                    constexpr std::string_view kPing = ": ping\n\n";
                    if (!sink.write(kPing.data(), kPing.size())) {
                        state->client_left = true;
                        exchange->cancel();
                        return false;
                    }
                    state->bytes_out += kPing.size();
                    state->last_write = now;
                    return true;
                }
            }
        },
        [exchange, state, record](bool success) {
            if (!success) {
                state->client_left = state->client_left || state->error.empty();
                exchange->cancel();
            }
            exchange->join();
            record->bytes_out = state->bytes_out;
            if (!state->error.empty()) {
                record->error = state->error;
            } else if (state->client_left) {
                record->error = "client_disconnected";
            }
        });
}

Forwarder::Forwarder(const config::ServeConfig& config) : impl_(std::make_unique<Impl>(config)) {}

Forwarder::~Forwarder() = default;

void Forwarder::forward(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                        const std::string& path, const std::shared_ptr<RequestRecord>& record) {
    const auto kept_record = record ? record : std::make_shared<RequestRecord>();
    const Protocol protocol = match.route != nullptr ? match.route->protocol : Protocol::service;
    const auto found = impl_->upstreams.find(protocol);
    if (found == impl_->upstreams.end()) {
        http::send_error(res, {404, Protocol::openai,
                               "this route is answered by Pathwise itself, not forwarded upstream", "not_forwarded"});
        kept_record->status = 404;
        return;
    }
    const std::shared_ptr<const ResolvedUpstream>& target = found->second;
    kept_record->upstream = target->name;
    if (!target->setup_error.empty()) {
        respond_failure(*target, upstream::describe_failure(*target, FailureKind::setup), res, *kept_record);
        return;
    }
    OutgoingRequest out = impl_->build(req, match, path, *target);
    if (out.wants_stream) {
        impl_->forward_streaming(out, target, res, kept_record);
    } else {
        impl_->forward_buffered(out, *target, res, *kept_record);
    }
}

void Forwarder::cut_streams() {
    std::vector<std::shared_ptr<StreamExchange>> live;
    {
        const std::lock_guard lock(impl_->live_mutex);
        impl_->cutting = true;
        for (const auto& weak : impl_->live_streams) {
            if (auto exchange = weak.lock()) live.push_back(std::move(exchange));
        }
    }
    for (const auto& exchange : live) exchange->shut_down();
}

std::vector<Forwarder::UpstreamStatus> Forwarder::check_upstreams() const {
    std::vector<UpstreamStatus> statuses;
    for (Protocol protocol : kForwardedProtocols) {
        const ResolvedUpstream& target = *impl_->upstreams.at(protocol);
        UpstreamStatus status{protocol, target.name, false, {}};
        if (!target.setup_error.empty()) {
            status.error = target.setup_error;
        } else {
            status.error = upstream::tcp_probe(target.target.host, target.target.port, target.config.connect_timeout);
            status.reachable = status.error.empty();
        }
        statuses.push_back(std::move(status));
    }
    return statuses;
}

}  // namespace pathwise::proxy
