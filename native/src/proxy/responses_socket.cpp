// responses_socket.cpp — see responses_socket.hpp.
#include "proxy/responses_socket.hpp"

#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

#include "http/websocket.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/input_limits.hpp"
#include "pathwise/translate/sse_reader.hpp"

namespace pathwise::proxy {
namespace {

using nlohmann::json;
namespace ws = http::websocket;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kRelayPing = ": ping\n\n";  // what the stream relay writes during silence

// The headers of the upgrade that describe the WebSocket, not the request a turn forwards.
bool is_upgrade_header(const std::string& name) {
    static constexpr std::array<std::string_view, 8> kNames = {"upgrade",
                                                               "connection",
                                                               "sec-websocket-key",
                                                               "sec-websocket-version",
                                                               "sec-websocket-extensions",
                                                               "sec-websocket-protocol",
                                                               "content-length",
                                                               "transfer-encoding"};
    for (const auto candidate : kNames) {
        if (ascii::iequals(name, candidate)) return true;
    }
    return false;
}

bool has_token(const std::string& list, std::string_view token) {
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        std::string_view item = std::string_view(list).substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (ascii::iequals(item, token)) return true;
        start = end + 1;
    }
    return false;
}

// A Sec-WebSocket-Key is the base64 of 16 bytes: 22 characters and "==" (§4.1).
bool is_valid_key(const std::string& key) {
    if (key.size() != 24 || key.compare(22, 2, "==") != 0) return false;
    for (std::size_t i = 0; i < 22; ++i) {
        const char c = key[i];
        const bool base64 =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!base64) return false;
    }
    return true;
}

std::string new_response_id() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string id = "resp_pw_";
    for (int i = 0; i < 24; ++i) id.push_back(kHex[random() % kHex.size()]);
    return id;
}

// Responses accepts `input` as a string: the same as one user message.
json input_items(const json& input) {
    if (input.is_array()) return input;
    if (input.is_string()) {
        return json::array({{{"type", "message"},
                             {"role", "user"},
                             {"content", json::array({{{"type", "input_text"}, {"text", input}}})}}});
    }
    return json::array();
}

bool send_raw(int sock, std::string_view bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(sock, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// ---------------------------------------------------------------- one turn

// Relays one turn's SSE answer as text messages, and learns the response's id and output items for the cache.
class TurnRelay {
public:
    explicit TurnRelay(ws::Connection& socket) : socket_(socket) {}

    bool write(std::string_view bytes) {
        if (bytes == kRelayPing) return socket_.send_ping();  // silence upstream: keep the socket warm
        std::vector<translate::SseEvent> events;
        if (!sse_.feed(bytes, events)) {
            socket_.close(ws::close_code::internal_error, "the upstream's event stream could not be read");
            return false;
        }
        return send(events);
    }
    bool finish() {
        std::vector<translate::SseEvent> events;
        sse_.finish(events);
        return send(events);
    }

    [[nodiscard]] const std::string& response_id() const { return response_id_; }
    [[nodiscard]] const json& output_items() const { return output_items_; }

private:
    bool send(const std::vector<translate::SseEvent>& events) {
        for (const auto& event : events) {
            if (event.data == "[DONE]") continue;
            if (!socket_.send_text(event.data)) return false;
            learn(event.data);
        }
        return true;
    }
    void learn(const std::string& data) {
        const json event = json::parse(data, nullptr, false);
        if (!event.is_object()) return;
        const std::string type = event.value("type", "");
        if (type == "response.output_item.done" && event.contains("item")) output_items_.push_back(event["item"]);
        const bool finished = type == "response.completed" || type == "response.incomplete";
        if (finished && event.contains("response") && event["response"].is_object()) {
            response_id_ = event["response"].value("id", "");
        }
    }

    ws::Connection& socket_;
    translate::SseReader sse_;
    std::string response_id_;
    json output_items_ = json::array();
};

// Drives a streamed answer's content provider the way the library would, writing into the socket instead.
bool relay_stream(httplib::Response& res, ws::Connection& socket, TurnRelay& relay) {
    bool ok = true;
    bool more = true;
    std::size_t offset = 0;
    httplib::DataSink sink;
    sink.write = [&](const char* data, std::size_t size) {
        ok = ok && relay.write(std::string_view(data, size));
        offset += size;
        return ok;
    };
    sink.is_writable = [&] { return socket.writable(); };
    sink.done = [&] { more = false; };
    sink.done_with_trailer = [&](const httplib::Headers&) { more = false; };
    while (more && ok) {
        if (!socket.writable() || !res.content_provider_(offset, 0, sink)) ok = false;
    }
    ok = ok && relay.finish();
    if (res.content_provider_resource_releaser_) res.content_provider_resource_releaser_(ok);
    return ok;
}

// An answer that is not a stream: an error (the usual case), or a whole response from an upstream that
// ignored "stream".
void relay_whole_answer(const httplib::Response& res, ws::Connection& socket, TurnRelay& relay) {
    const json body = json::parse(res.body, nullptr, false);
    if (res.status >= 200 && res.status < 300 && body.is_object() && body.value("object", "") == "response") {
        std::string events = "data: " + json{{"type", "response.created"}, {"response", body}}.dump() + "\n\n";
        events += "data: " + json{{"type", "response.completed"}, {"response", body}}.dump() + "\n\n";
        (void)relay.write(events);
        return;
    }
    std::string message = "The upstream answered " + std::to_string(res.status) + ".";
    std::string code;
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
        message = body["error"].value("message", message);
        if (body["error"].contains("code") && body["error"]["code"].is_string()) code = body["error"]["code"];
    }
    json error = error_message(res.status, code, message);
    if (body.is_object() && body.contains("pathwise")) error["pathwise"] = body["pathwise"];
    (void)socket.send_text(error.dump());
}

// OpenAI-Beta without "responses_websockets=…": that flag asks for the socket, which the upstream's HTTP request
// is not.
std::string without_socket_beta(const std::string& beta) {
    std::string kept;
    std::size_t start = 0;
    while (start <= beta.size()) {
        std::size_t end = beta.find(',', start);
        if (end == std::string::npos) end = beta.size();
        std::string_view item = std::string_view(beta).substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        if (!item.empty() && item.substr(0, item.find('=')) != "responses_websockets") {
            if (!kept.empty()) kept += ", ";
            kept += item;
        }
        start = end + 1;
    }
    return kept;
}

httplib::Request turn_request(const httplib::Request& upgrade, const json& body) {
    httplib::Request post;
    post.method = "POST";
    post.path = upgrade.path;
    post.target = upgrade.target;
    post.version = upgrade.version;
    post.params = upgrade.params;
    post.remote_addr = upgrade.remote_addr;
    post.remote_port = upgrade.remote_port;
    for (const auto& [name, value] : upgrade.headers) {
        if (is_upgrade_header(name)) continue;
        if (!ascii::iequals(name, "openai-beta")) {
            post.headers.emplace(name, value);
        } else if (auto beta = without_socket_beta(value); !beta.empty()) {
            post.headers.emplace(name, std::move(beta));
        }
    }
    post.headers.erase("Content-Type");
    post.headers.erase("Accept");
    post.set_header("Content-Type", "application/json");
    post.set_header("Accept", "text/event-stream");
    post.body = body.dump();
    post.set_header("Content-Length", std::to_string(post.body.size()));
    return post;
}

// The answer to {"generate": false}: a response with no output, so the next turn can continue from it.
void answer_warm_up(const json& body, ws::Connection& socket, ResponseHistory& history) {
    const std::string id = new_response_id();
    json response = {{"id", id},
                     {"object", "response"},
                     {"status", "completed"},
                     {"model", body.value("model", "")},
                     {"output", json::array()},
                     {"usage", {{"input_tokens", 0}, {"output_tokens", 0}, {"total_tokens", 0}}}};
    json created = response;
    created["status"] = "in_progress";
    (void)socket.send_text(json{{"type", "response.created"}, {"response", created}}.dump());
    (void)socket.send_text(json{{"type", "response.completed"}, {"response", response}}.dump());
    history.remember(id, body.value("input", json::array()), json::array());
}

void run_turn(const Turn& turn, const httplib::Request& upgrade, const TurnForwarder& forward_turn,
              ws::Connection& socket, ResponseHistory& history) {
    if (!turn.generate) {
        answer_warm_up(turn.body, socket, history);
        return;
    }
    httplib::Response res;
    forward_turn(turn_request(upgrade, turn.body), res);
    TurnRelay relay(socket);
    if (res.content_provider_) {
        if (!relay_stream(res, socket, relay)) return;
    } else {
        relay_whole_answer(res, socket, relay);
    }
    if (!relay.response_id().empty()) {
        history.remember(relay.response_id(), turn.body.value("input", json::array()), relay.output_items());
    }
}

}  // namespace

// ---------------------------------------------------------------- the handshake

std::optional<http::ProtocolError> handshake_refusal(const httplib::Request& upgrade) {
    const auto refuse = [](int status, std::string message, std::string code) {
        return http::ProtocolError{status, Protocol::openai, std::move(message), std::move(code)};
    };
    if (upgrade.method != "GET") {
        return refuse(405, "A WebSocket upgrade must be a GET (RFC 6455 §4.1).", "method_not_allowed");
    }
    if (!has_token(upgrade.get_header_value("Connection"), "upgrade")) {
        return refuse(400, "The upgrade request lacks 'Connection: Upgrade' (RFC 6455 §4.1).", "invalid_upgrade");
    }
    if (upgrade.get_header_value("Sec-WebSocket-Version") != "13") {
        return refuse(426, "Only WebSocket version 13 is served (send 'Sec-WebSocket-Version: 13').",
                      "websocket_version_not_supported");
    }
    if (!is_valid_key(upgrade.get_header_value("Sec-WebSocket-Key"))) {
        return refuse(400, "The upgrade request's Sec-WebSocket-Key is missing or not 16 bytes in base64.",
                      "invalid_upgrade");
    }
    return std::nullopt;
}

std::string handshake_answer(const httplib::Request& upgrade) {
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
           ws::accept_key(upgrade.get_header_value("Sec-WebSocket-Key")) + "\r\n\r\n";
}

// ---------------------------------------------------------------- the cache and the messages

void ResponseHistory::remember(std::string id, const json& input, const json& output_items) {
    json conversation = input_items(input);
    for (const auto& item : output_items) conversation.push_back(item);
    kept_.emplace_back(std::move(id), std::move(conversation));
    while (kept_.size() > kKept) kept_.pop_front();
}

const json* ResponseHistory::conversation(const std::string& id) const {
    for (auto it = kept_.rbegin(); it != kept_.rend(); ++it) {
        if (it->first == id) return &it->second;
    }
    return nullptr;
}

json error_message(int status, const std::string& code, const std::string& message) {
    json error = {{"type", status >= 500 ? "server_error" : "invalid_request_error"}, {"message", message}};
    error["code"] = code.empty() ? json(nullptr) : json(code);
    return {{"type", "error"}, {"status", status}, {"error", error}};
}

std::variant<Turn, json> turn_from_message(const std::string& text, const ResponseHistory& history) {
    if (json_nesting_exceeds(text, kMaxJsonNesting)) {
        return error_message(
            400, "json_too_deep",
            "The message nests arrays/objects deeper than " + std::to_string(kMaxJsonNesting) + " levels.");
    }
    json message = json::parse(text, nullptr, false);
    if (!message.is_object() || !message.contains("type") || !message["type"].is_string()) {
        return error_message(400, "invalid_message",
                             "Each message must be a JSON object with a \"type\" (\"response.create\").");
    }
    const std::string type = message["type"];
    if (type == "response.processed") return Turn{json(nullptr), false};
    if (type != "response.create") {
        return error_message(400, "unsupported_message_type",
                             "Pathwise serves \"response.create\" messages on this WebSocket, not \"" + type + "\".");
    }
    Turn turn;
    turn.generate = !(message.contains("generate") && message["generate"].is_boolean() && !message["generate"]);
    message.erase("type");
    message.erase("generate");
    message["stream"] = true;
    json input = input_items(message.value("input", json::array()));
    if (message.contains("previous_response_id") && message["previous_response_id"].is_string()) {
        const std::string previous = message["previous_response_id"];
        const json* before = history.conversation(previous);
        if (before == nullptr) {
            return error_message(400, "previous_response_not_found",
                                 "Previous response with id '" + previous + "' not found: Pathwise keeps the last " +
                                     std::to_string(ResponseHistory::kKept) +
                                     " responses of each WebSocket connection. Send the whole input instead.");
        }
        json whole = *before;
        for (auto& item : input) whole.push_back(std::move(item));
        input = std::move(whole);
    }
    message.erase("previous_response_id");
    message["input"] = std::move(input);
    turn.body = std::move(message);
    return turn;
}

// ---------------------------------------------------------------- the connection

void serve_responses_socket(http::TakenConnection& taken, const httplib::Request& upgrade,
                            const TurnForwarder& forward_turn, const SocketLimits& limits) {
    if (!send_raw(taken.sock, handshake_answer(upgrade))) return;
    ws::Connection socket(taken, limits.max_message_bytes);
    ResponseHistory history;
    while (socket.open()) {
        const auto message = socket.read_message(Clock::now() + limits.idle_timeout);
        if (!message) {
            if (socket.timed_out()) socket.close(ws::close_code::normal, "no request for a while; reconnect to go on");
            break;
        }
        if (message->opcode != ws::Opcode::text) {
            socket.close(ws::close_code::unsupported_data, "Responses messages are JSON text, not binary");
            break;
        }
        auto turn = turn_from_message(message->payload, history);
        if (auto* error = std::get_if<json>(&turn)) {
            (void)socket.send_text(error->dump());
            continue;
        }
        const Turn& ready = std::get<Turn>(turn);
        if (ready.body.is_null()) continue;  // response.processed: nothing to answer
        run_turn(ready, upgrade, forward_turn, socket, history);
    }
}

}  // namespace pathwise::proxy
