// responses_socket.hpp — the Responses API over a WebSocket, as Codex's built-in provider speaks it, bridged to
// the proxy's HTTP route POST /v1/responses (so the upstream may be a Responses server or any protocol the
// translation serves).
//
// The wire (docs/translation.md "Responses over WebSocket"): the client upgrades GET /v1/responses, then sends
// text messages {"type":"response.create", …a Responses request body without "stream"…}; the server answers each
// with the stream's events, one JSON object per text message, ending in response.completed (or an
// {"type":"error","status":…,"error":{…}} message). A later turn may carry only its new input plus
// previous_response_id: the server keeps, per connection, the input and output of the responses it served, so
// that works with "store": false. {"generate": false} asks only to warm the cache: no model call.
// {"type":"response.processed"} acknowledges a response and needs no answer.
//
//   if (auto refusal = handshake_refusal(req)) …answer it as HTTP…
//   GuardedServer::take_over([=](TakenConnection& c) { serve_responses_socket(c, upgrade, forward_turn, limits); });
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "http/guarded_server.hpp"
#include "http/protocol_error.hpp"

namespace pathwise::proxy {

// What is wrong with an upgrade request that cannot become a WebSocket (RFC 6455 §4.2.1), or nothing.
[[nodiscard]] std::optional<http::ProtocolError> handshake_refusal(const httplib::Request& upgrade);
// The 101 answer's bytes, for a request handshake_refusal() accepted.
[[nodiscard]] std::string handshake_answer(const httplib::Request& upgrade);

// One turn as HTTP: forwards `post` (POST /v1/responses with the upgrade's headers) and fills `res` like the
// route would; a stream leaves a chunked content provider in `res`.
using TurnForwarder = std::function<void(const httplib::Request& post, httplib::Response& res)>;

struct SocketLimits {
    std::size_t max_message_bytes = std::size_t{32} << 20U;            // the route's max_body_bytes
    std::chrono::milliseconds idle_timeout{std::chrono::minutes(15)};  // no turn for this long: close (1000)
};

// Runs the connection until the client closes it, goes idle or the server drains. Blocking.
void serve_responses_socket(http::TakenConnection& taken, const httplib::Request& upgrade,
                            const TurnForwarder& forward_turn, const SocketLimits& limits);

// ---------------------------------------------------------------- the pure part, for tests

// The per-connection cache behind previous_response_id: the whole input of each response served and its output
// items. Only the newest few are kept (a client continues from its last response).
class ResponseHistory {
public:
    static constexpr std::size_t kKept = 4;
    void remember(std::string id, const nlohmann::json& input, const nlohmann::json& output_items);
    // The input that `id` ended with (its input, then its output), or nothing when it is not (or no longer) here.
    [[nodiscard]] const nlohmann::json* conversation(const std::string& id) const;

private:
    std::deque<std::pair<std::string, nlohmann::json>> kept_;
};

// A response.create message made into the HTTP request body (stream on, previous_response_id resolved into
// the full input), or the error message to send back.
// bugprone-exception-escape: its implicit members call nlohmann::json's, which clang-tidy 14 cannot prove
// noexcept (as for MockAsk in mock_replies.hpp).
struct Turn {              // NOLINT(bugprone-exception-escape)
    nlohmann::json body;   // for POST /v1/responses
    bool generate = true;  // false: a warm-up; answer at once without calling the upstream
};
[[nodiscard]] std::variant<Turn, nlohmann::json> turn_from_message(const std::string& text,
                                                                   const ResponseHistory& history);

// {"type":"error","status":S,"error":{"type":…,"code":…,"message":…}}: how a Responses WebSocket reports a
// failed turn (Codex reads the status and shows the message).
[[nodiscard]] nlohmann::json error_message(int status, const std::string& code, const std::string& message);

}  // namespace pathwise::proxy
