// forwarder.cpp — pick the upstream for the route's protocol, rewrite the request for it (key, model, path,
// headers), send it, and answer: buffered for plain JSON, relayed event by event for streams.
#include "upstream/forwarder.hpp"

#include <httplib.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <span>

#include "http/header_policy.hpp"
#include "http/json_text.hpp"
#include "http/protocol_error.hpp"
#include "pathwise/ascii.hpp"
#include "upstream/model_map.hpp"
#include "upstream/stream_exchange.hpp"
#include "upstream/stream_relay.hpp"
#include "upstream/translation.hpp"
#include "upstream/upstream_client.hpp"
#include "upstream/upstream_failure.hpp"

namespace pathwise::upstream {

namespace {

using config::ServeConfig;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kIdleClientsPerUpstream = 64;

// httplib's server adds the peer addresses to the request headers; they are not the client's headers.
bool is_server_pseudo_header(std::string_view name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// Response headers that are ours to write: the body's framing (the library re-frames it), its type (set with
// the body, normalised for SSE) and CORS (the server answers CORS for its own origin policy).
bool is_response_header_we_write(std::string_view name) {
    using ascii::iequals;
    return http::is_hop_by_hop(name) || iequals(name, "content-length") || iequals(name, "content-type") ||
           iequals(name, "content-encoding") || (name.size() > 15 && iequals(name.substr(0, 15), "access-control-"));
}

// Request headers that never go upstream, beyond hop-by-hop ones: the body's framing and coding (the body
// forwarded is the decoded one, re-framed), the key headers (handled apart), the browser's cookies for
// localhost, and proxy-chain headers a client could forge.
bool is_request_header_we_drop(std::string_view name) {
    using ascii::iequals;
    return http::is_hop_by_hop(name) || iequals(name, "content-length") || iequals(name, "content-encoding") ||
           iequals(name, "accept-encoding") || iequals(name, "expect") || iequals(name, "cookie") ||
           iequals(name, "forwarded") || iequals(name, "x-real-ip") ||
           (name.size() > 12 && iequals(name.substr(0, 12), "x-forwarded-"));
}

// Headers that belong to one protocol family's API ("anthropic-version", "x-goog-api-client", "openai-beta"):
// meaningless, or harmful, to an upstream of another protocol.
bool is_family_header(std::string_view name) {
    using ascii::istarts_with;
    return istarts_with(name, "anthropic-") || istarts_with(name, "x-goog-") || istarts_with(name, "openai-");
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
    std::optional<Translation> translation;  // set: the answer comes back in the client's protocol
    bool gemini_json_array = false;          // translated Gemini stream asked without ?alt=sse
    bool model_list = false;                 // a translated model list (the answer is a list, not a chat answer)
};

// The path to send upstream and its query: `path` is the request's or the repaired one, which may carry a
// query of its own; otherwise the request's query is kept.
struct PathAndQuery {
    std::string path;
    std::string query;
};

PathAndQuery split_path_and_query(const std::string& path, const std::string& request_target) {
    if (const std::size_t mark = path.find('?'); mark != std::string::npos) {
        return {path.substr(0, mark), path.substr(mark + 1)};
    }
    const std::size_t target_mark = request_target.find('?');
    return {path, target_mark == std::string::npos ? std::string() : request_target.substr(target_mark + 1)};
}

// Gemini names the model in the path (/v1beta/models/{model}:generateContent).
void rename_model_in_path(std::string& route_path, const std::string& model,
                          std::span<const config::ModelMapping> model_map) {
    if (model.empty()) return;
    const auto mapped = map_model(model_map, model);
    if (!mapped) return;
    const std::string from = "/models/" + model;
    if (const std::size_t at = route_path.find(from); at != std::string::npos) {
        route_path.replace(at, from.size(), "/models/" + *mapped);
    }
}

// The other protocols name the model and ask for a stream in the JSON body: renames the model in `body` and
// returns whether the client asked for a stream. The body is parsed only when it can matter: one without a
// "stream" key is not a stream request, and without a model map nothing is renamed.
bool read_body(const Route* route, std::span<const config::ModelMapping> model_map, std::string& body_text) {
    if (body_text.empty() || route == nullptr) return false;
    const bool may_stream = route->can_stream() && body_text.find("\"stream\"") != std::string::npos;
    if (!may_stream && model_map.empty()) return false;
    nlohmann::json body = nlohmann::json::parse(body_text, nullptr, false);
    if (!body.is_object()) return false;
    const bool wants_stream =
        route->can_stream() && body.contains("stream") && body["stream"].is_boolean() && body["stream"].get<bool>();
    if (body.contains("model") && body["model"].is_string()) {
        if (auto mapped = map_model(model_map, body["model"].get<std::string>())) {
            body["model"] = *mapped;
            body_text = http::json_text(body);
        }
    }
    return wants_stream;
}

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
    if (http::is_event_stream(type)) return "text/event-stream";
    return type.empty() ? "application/octet-stream" : type;
}

// The client library percent-decodes header values as the server one does, so an upstream's "%0d%0a" arrives
// as CR LF: a header that is not one clean line is dropped, never written to our client (response splitting).
// False when one was dropped: that upstream connection is not trusted with another request.
bool copy_response_headers(const httplib::Headers& from, httplib::Response& res) {
    bool all_clean = true;
    for (const auto& [name, value] : from) {
        if (is_response_header_we_write(name)) continue;
        if (!http::is_clean_field_name(name) || !http::is_clean_field_value(value)) {
            all_clean = false;
            continue;
        }
        res.headers.emplace(name, value);
    }
    return all_clean;
}

}  // namespace

struct Forwarder::Impl {
    ServeConfig config;
    BufferLimits buffer_limits;
    std::mutex live_mutex;
    std::vector<std::weak_ptr<StreamExchange>> live_streams;  // for cut_streams() at the end of a shutdown
    bool cutting = false;
    UpstreamMap upstreams;
    std::map<const ResolvedUpstream*, std::unique_ptr<ClientPool>> pools;  // one per upstream, fallbacks included

    Impl(const ServeConfig& serve_config, UpstreamMap resolved);
    [[nodiscard]] bool is_proxy_key(std::string_view key) const;
    OutgoingRequest build(const httplib::Request& req, const RouteMatch& match, const std::string& path,
                          const ResolvedUpstream& target) const;
    OutgoingRequest build_translated(const httplib::Request& req, const RouteMatch& match, const Translation& plan,
                                     const ResolvedUpstream& target, Error& refused) const;
    void copy_request_headers(const httplib::Headers& from, const ResolvedUpstream& target,
                              const std::string& query_key, httplib::Headers& to,
                              const std::optional<Translation>& translation) const;
    void forward_buffered(OutgoingRequest& out, const ResolvedUpstream& target, httplib::Response& res,
                          RequestRecord& record);
    void forward_streaming(OutgoingRequest& out, const std::shared_ptr<const ResolvedUpstream>& target,
                           httplib::Response& res, const std::shared_ptr<RequestRecord>& record);
    void forward_to(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                    const std::string& path, bool anthropic_list, const std::shared_ptr<const ResolvedUpstream>& target,
                    const std::shared_ptr<RequestRecord>& record);
    void forward_model_list(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                            const Translation& plan, const ResolvedUpstream& target, RequestRecord& record);
    void relay_translated(const OutgoingRequest& out, const std::shared_ptr<StreamExchange>& exchange,
                          const std::shared_ptr<const ResolvedUpstream>& target, httplib::Response& res,
                          const std::shared_ptr<RequestRecord>& record) const;
    std::shared_ptr<StreamExchange> start_exchange(const ResolvedUpstream& target, httplib::Request request);
};

namespace {

void respond(httplib::Response& res, const http::ProtocolError& error, RequestRecord& record) {
    http::send_error(res, error);
    record.status = error.status;
    record.error = error.code;
    record.bytes_out = res.body.size();
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// An upstream's whole answer (in `res`, from the upstream) → the client's protocol: a 2xx answer translated, an
// error answer restated in the client's error shape with the upstream's status and message.
void reshape_answer(const Translation& plan, bool model_list, const ResolvedUpstream& target, httplib::Response& res,
                    RequestRecord& record) {
    if (res.status < 200 || res.status >= 300) {
        respond(res, upstream_error(plan, target.name, res.status, res.body), record);
        return;
    }
    if (model_list) {
        auto list = translate_model_list(plan, res.body, target.config.model_map);
        if (!list) {
            respond(res, answer_not_translatable(plan, target.name, list.error()), record);
            return;
        }
        res.set_content(std::move(list.value()), "application/json");
        return;
    }
    auto answer = translate_answer(plan, res.body, unix_now());
    if (!answer) {
        respond(res, answer_not_translatable(plan, target.name, answer.error()), record);
        return;
    }
    res.set_content(std::move(answer.value().body), "application/json");
}

void respond_failure(const ResolvedUpstream& target, const UpstreamFailure& failure, httplib::Response& res,
                     RequestRecord& record) {
    http::send_error(res, {failure.status, target.protocol, failure.message, failure.code});
    record.status = failure.status;
    record.error = failure.code;
    record.bytes_out = res.body.size();
}

// No status and headers by the first-byte deadline: the upstream is still silent (a timeout), or its request
// already failed (refused, TLS, closed: told from the client library's error).
UpstreamFailure failure_before_headers(StreamExchange& exchange, const ResolvedUpstream& target) {
    if (!exchange.finished()) {
        exchange.cancel();
        exchange.join();
        return describe_failure(target, FailureKind::first_byte_timeout);
    }
    exchange.join();
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - exchange.started_at());
    const auto read_timeout = std::max(target.config.first_byte_timeout, target.config.idle_timeout);
    return describe_failure(target, exchange.error(), elapsed, read_timeout + std::chrono::milliseconds(1000));
}

// A streamed request answered with an error status or a sized body: held until it ended (up to
// max_response_bytes), then passed on whole.
void pass_on_whole(StreamExchange& exchange, const ResolvedUpstream& target, const std::string& content_type,
                   const std::optional<Translation>& translation, httplib::Response& res, RequestRecord& record) {
    if (!exchange.wait_for_finish(target.config.idle_timeout)) {
        exchange.cancel();
        exchange.join();
        respond_failure(target, describe_failure(target, FailureKind::idle_timeout), res, record);
        return;
    }
    exchange.join();
    if (exchange.body_too_large()) {
        respond_failure(target, describe_failure(target, FailureKind::answer_too_large), res, record);
        return;
    }
    if (exchange.error() != httplib::Error::Success) {
        respond_failure(target, describe_failure(target, FailureKind::closed_early), res, record);
        return;
    }
    res.status = exchange.status();
    copy_response_headers(exchange.headers(), res);
    res.set_content(exchange.take_all(), content_type);
    record.status = res.status;
    if (translation) reshape_answer(*translation, false, target, res, record);
    record.bytes_out = res.body.size();
}

}  // namespace

Forwarder::Impl::Impl(const ServeConfig& serve_config, UpstreamMap resolved)
    : config(serve_config), upstreams(std::move(resolved)) {
    buffer_limits.max_event_bytes = config.max_event_bytes;
    buffer_limits.max_body_bytes = config.max_response_bytes;
    for (const auto& entry : upstreams) {
        pools[entry.second.get()] = std::make_unique<ClientPool>(kIdleClientsPerUpstream);
        for (const auto& fallback : entry.second->fallbacks) {
            pools[fallback.get()] = std::make_unique<ClientPool>(kIdleClientsPerUpstream);
        }
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
    out.request.method = req.method;
    out.request.body = req.body;
    PathAndQuery where = split_path_and_query(path, req.target);
    // Gemini clients may put the key in ?key= (Continue, LobeChat: docs/clients.md §4); it never goes upstream there.
    std::string query_key;
    if (target.protocol == Protocol::gemini) {
        where.query = http::remove_query_param(where.query, "key", &query_key);
        rename_model_in_path(where.path, match.model, target.config.model_map);
        out.wants_stream = match.route != nullptr && match.route->stream == StreamSignal::path;
    } else {
        out.wants_stream = read_body(match.route, target.config.model_map, out.request.body);
    }
    out.request.path =
        upstream_path(target.target.path_prefix, where.path) + (where.query.empty() ? "" : "?" + where.query);
    copy_request_headers(req.headers, target, query_key, out.request.headers, std::nullopt);
    return out;
}

OutgoingRequest Forwarder::Impl::build_translated(const httplib::Request& req, const RouteMatch& match,
                                                  const Translation& plan, const ResolvedUpstream& target,
                                                  Error& refused) const {
    OutgoingRequest out;
    const std::size_t mark = req.target.find('?');
    std::string query = mark == std::string::npos ? std::string() : req.target.substr(mark + 1);
    std::string query_key;
    if (match.route->protocol == Protocol::gemini) query = http::remove_query_param(query, "key", &query_key);
    auto asked = translate_request(plan, match, query, req.body, target.config.model_map);
    if (!asked) {
        refused = asked.error();
        return out;
    }
    out.translation = plan;
    out.wants_stream = asked.value().stream;
    out.gemini_json_array = asked.value().gemini_json_array;
    out.request.method = "POST";
    out.request.body = std::move(asked.value().body);
    out.request.path = upstream_path(target.target.path_prefix, asked.value().path);
    copy_request_headers(req.headers, target, query_key, out.request.headers, plan);
    if (plan.to == translate::Protocol::anthropic && !has_header(out.request.headers, "anthropic-version")) {
        out.request.headers.emplace("anthropic-version", "2023-06-01");
    }
    return out;
}

void Forwarder::Impl::copy_request_headers(const httplib::Headers& from, const ResolvedUpstream& target,
                                           const std::string& query_key, httplib::Headers& to,
                                           const std::optional<Translation>& translation) const {
    // A translated request goes to another protocol's API: its family's headers stay behind, and the client's
    // own provider key (when it sent one) moves into the upstream protocol's key header.
    const Protocol family = translation ? family_of(translation->to) : target.protocol;
    std::string client_key = query_key;
    for (const auto& [name, value] : from) {
        if (is_server_pseudo_header(name) || is_request_header_we_drop(name)) continue;
        // The server refuses requests with such headers before they get here; this keeps it true for any caller.
        if (!http::is_clean_field_name(name) || !http::is_clean_field_value(value)) continue;
        if (http::is_client_key_header(name)) {
            // A configured key replaces whatever the client sent; a proxy key (what the client used to reach us)
            // is never passed on; any other key is the client's own provider key and passes through.
            const std::string_view key = http::key_from_header_value(name, value);
            if (!target.api_key.empty() || is_proxy_key(key)) continue;
            if (translation) {
                client_key = std::string(key);
                continue;
            }
        }
        if (translation && is_family_header(name)) continue;
        to.emplace(name, value);
    }
    if (!target.api_key.empty()) {
        to.emplace(std::string(http::key_header_name(family)), http::key_header_value(family, target.api_key));
    } else if (!client_key.empty() && !is_proxy_key(client_key) && !has_header(to, http::key_header_name(family))) {
        to.emplace(std::string(http::key_header_name(family)), http::key_header_value(family, client_key));
    }
    for (const auto& [name, value] : target.config.headers) {
        erase_header(to, name);
        to.emplace(name, value);
    }
    // Identity upstream: we relay bytes as they come and let our own server compress for the client.
    to.emplace("Accept-Encoding", "identity");
}

void Forwarder::Impl::forward_buffered(OutgoingRequest& out, const ResolvedUpstream& target, httplib::Response& res,
                                       RequestRecord& record) {
    ClientPool& pool = *pools.at(&target);
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
        respond_failure(target, describe_failure(target, FailureKind::answer_too_large), res, record);
        return;  // the client is not pooled: its connection holds the rest of that answer
    }
    if (!sent) {
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
        respond_failure(target, describe_failure(target, error, elapsed, target.config.first_byte_timeout), res,
                        record);
        return;
    }
    res.status = answer.status;
    // Only a connection whose exchange went by the book goes back to the pool: after anything odd (a header
    // smuggling attempt, an answer cut short) the next client must not inherit its state.
    if (copy_response_headers(answer.headers, res)) pool.release(std::move(client));
    record.status = answer.status;
    res.set_content(std::move(body), client_content_type(answer.headers));
    if (out.translation) reshape_answer(*out.translation, out.model_list, target, res, record);
    record.bytes_out = res.body.size();
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
    if (!exchange->wait_for_headers(exchange->started_at() + target->config.first_byte_timeout)) {
        respond_failure(*target, failure_before_headers(*exchange, *target), res, *record);
        return;
    }
    const int status = exchange->status();
    const std::string content_type = client_content_type(exchange->headers());
    const bool sse = content_type == "text/event-stream";
    const bool success = status >= 200 && status < 300;
    if (success && out.translation) {
        relay_translated(out, exchange, target, res, record);
        return;
    }
    const bool relay = success && (sse || !has_header(exchange->headers(), "Content-Length"));
    exchange->set_body_mode(!relay ? BodyMode::buffer_whole : sse ? BodyMode::relay_events : BodyMode::relay_bytes);
    if (!relay) {
        pass_on_whole(*exchange, *target, content_type, out.translation, res, *record);
        return;
    }
    res.status = status;
    copy_response_headers(exchange->headers(), res);
    record->status = status;
    record->streamed = true;
    // The server library also gzips chunked answers typed exactly "application/json" (a streamed Gemini JSON
    // array), which would hold the pieces back; the same type with its charset parameter is left alone.
    const std::string relay_type =
        content_type == "application/json" ? "application/json; charset=utf-8" : content_type;
    relay_body(res, relay_type, exchange, target, {sse, config.keepalive_comment_interval, nullptr},
               [record](const RelayOutcome& outcome) {
                   record->bytes_out = outcome.bytes_out;
                   if (!outcome.error.empty()) record->error = outcome.error;
               });
}

// A model list whose upstream speaks another protocol: its own list, asked for and translated (Claude Code's
// model discovery through an OpenAI-compatible server). One Gemini model is described from its name.
void Forwarder::Impl::forward_model_list(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                                         const Translation& plan, const ResolvedUpstream& target,
                                         RequestRecord& record) {
    if (match.route->id == "gemini.model") {
        res.status = 200;
        res.set_content(translate::encode_gemini_model({match.model, ""}), "application/json");
        record.status = res.status;
        record.bytes_out = res.body.size();
        return;
    }
    OutgoingRequest out;
    out.translation = plan;
    out.model_list = true;
    out.request.method = "GET";
    out.request.path = upstream_path(target.target.path_prefix, model_list_path(plan.to));
    std::string query_key;
    if (const std::size_t mark = req.target.find('?');
        mark != std::string::npos && plan.from == translate::Protocol::gemini) {
        (void)http::remove_query_param(req.target.substr(mark + 1), "key", &query_key);
    }
    copy_request_headers(req.headers, target, query_key, out.request.headers, plan);
    if (plan.to == translate::Protocol::anthropic) out.request.headers.emplace("anthropic-version", "2023-06-01");
    forward_buffered(out, target, res, record);
}

// A 2xx stream from an upstream of another protocol: its bytes are decoded and re-encoded as they come (the
// decoder frames the events itself), so the client reads its own protocol's stream with the same guarantees.
void Forwarder::Impl::relay_translated(const OutgoingRequest& out, const std::shared_ptr<StreamExchange>& exchange,
                                       const std::shared_ptr<const ResolvedUpstream>& target, httplib::Response& res,
                                       const std::shared_ptr<RequestRecord>& record) const {
    exchange->set_body_mode(BodyMode::relay_bytes);
    res.status = exchange->status();
    copy_response_headers(exchange->headers(), res);
    record->status = res.status;
    record->streamed = true;
    translate::StreamEncodeOptions options;
    options.gemini_json_array = out.gemini_json_array;
    options.created = unix_now();
    auto translation = std::make_shared<StreamTranslation>(*out.translation, options);
    // The client's stream is SSE but for Gemini's JSON-array form (typed with its charset: see forward_streaming).
    const bool sse = !out.gemini_json_array;
    relay_body(res, sse ? "text/event-stream" : "application/json; charset=utf-8", exchange, target,
               {sse, sse ? config.keepalive_comment_interval : std::chrono::milliseconds(0), translation},
               [record](const RelayOutcome& outcome) {
                   record->bytes_out = outcome.bytes_out;
                   if (!outcome.error.empty()) record->error = outcome.error;
               });
}

Forwarder::Forwarder(const ServeConfig& config, UpstreamMap upstreams)
    : impl_(std::make_unique<Impl>(config, std::move(upstreams))) {}

Forwarder::~Forwarder() = default;

void Forwarder::forward(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                        const std::string& path, const std::shared_ptr<RequestRecord>& record) {
    const auto kept_record = record ? record : std::make_shared<RequestRecord>();
    // GET /v1/models is the OpenAI and the Anthropic list: a request with anthropic-version is the Anthropic
    // one (Claude Code, the Anthropic SDKs), served by the Anthropic upstream in its shape.
    const bool anthropic_list =
        match.route != nullptr && match.route->id == "openai.models" && has_header(req.headers, "anthropic-version");
    const Protocol protocol = anthropic_list           ? Protocol::anthropic
                              : match.route != nullptr ? match.route->protocol
                                                       : Protocol::service;
    const auto found = impl_->upstreams.find(protocol);
    if (found == impl_->upstreams.end()) {
        http::send_error(res, {404, Protocol::openai,
                               "this route is answered by Pathwise itself, not forwarded upstream", "not_forwarded"});
        kept_record->status = 404;
        return;
    }
    // The upstream, then its fallbacks in order: the next one is tried while nothing has reached the client
    // and the last one could not be reached or answered 5xx/429.
    std::vector<std::shared_ptr<const ResolvedUpstream>> candidates = {found->second};
    candidates.insert(candidates.end(), found->second->fallbacks.begin(), found->second->fallbacks.end());
    std::string tried;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i > 0) res = httplib::Response();
        kept_record->status = 0;
        kept_record->error.clear();
        tried += (i > 0 ? " → " : "") + candidates[i]->name;
        kept_record->upstream = tried;
        impl_->forward_to(req, res, match, path, anthropic_list, candidates[i], kept_record);
        const bool failed = kept_record->status == 429 || kept_record->status >= 500;
        if (!failed || kept_record->streamed) return;
    }
}

void Forwarder::Impl::forward_to(const httplib::Request& req, httplib::Response& res, const RouteMatch& match,
                                 const std::string& path, bool anthropic_list,
                                 const std::shared_ptr<const ResolvedUpstream>& target,
                                 const std::shared_ptr<RequestRecord>& record) {
    if (!target->setup_error.empty()) {
        respond_failure(*target, describe_failure(*target, FailureKind::setup), res, *record);
        return;
    }
    if (const auto client = match.route != nullptr ? model_list_client(*match.route, anthropic_list) : std::nullopt;
        client && target->config.protocol && *target->config.protocol != *client) {
        forward_model_list(req, res, match, {*client, *target->config.protocol}, *target, *record);
        return;
    }
    OutgoingRequest out;
    switch (match.route != nullptr ? passage_of(*match.route, target->config) : Passage::pass_through) {
        case Passage::pass_through:
            out = build(req, match, path, *target);
            break;
        case Passage::translate: {
            Error refused;
            const Translation plan = *translation_for(*match.route, target->config);
            out = build_translated(req, match, plan, *target, refused);
            if (!out.translation) {
                respond(res, translation_refused(plan, refused), *record);
                return;
            }
            break;
        }
        case Passage::refuse:
            if (auto count = estimated_token_count(*match.route, req.body)) {
                res.status = 200;
                res.set_content(*count, "application/json");
                record->status = res.status;
                record->bytes_out = res.body.size();
            } else {
                respond(res, route_not_translatable(*match.route, target->config), *record);
            }
            return;
    }
    if (out.wants_stream) {
        forward_streaming(out, target, res, record);
    } else {
        forward_buffered(out, *target, res, *record);
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

}  // namespace pathwise::upstream
