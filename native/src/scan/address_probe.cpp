// address_probe.cpp — see address_probe.hpp.
#include "scan/address_probe.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace pathwise::scan {
namespace {

constexpr std::string_view kUserAgent = "pathwise-scan/" PATHWISE_VERSION;

httplib::Client make_client(const std::string& origin, const ProbeLimits& limits) {
    httplib::Client client(origin);
    client.set_connection_timeout(limits.connect);
    client.set_read_timeout(limits.read);
    client.set_write_timeout(limits.read);
    client.set_keep_alive(false);
    client.set_follow_location(false);
    return client;
}

std::string error_words(httplib::Error error) {
    switch (error) {
        case httplib::Error::Connection:
            return "no connection (refused or unreachable)";
        case httplib::Error::ConnectionTimeout:
            return "no connection within the time limit";
        case httplib::Error::Read:
            return "the connection closed before an answer";
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLServerVerification:
            return "TLS failed (certificate or protocol)";
        default:
            return httplib::to_string(error);
    }
}

// The error text a protocol's error body carries: {"error": {"message"}}, {"error": "…"}, {"message"}.
std::string message_of(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object()) {
        const auto& error = json.contains("error") ? json["error"] : json;
        if (error.is_string()) return error.get<std::string>();
        if (error.is_object() && error.contains("message") && error["message"].is_string()) {
            std::string message = error["message"].get<std::string>();
            if (message.size() > 240) message = message.substr(0, 237) + "...";
            return message;
        }
    }
    return {};
}

// "key={key}&alt=sse" → "alt=sse": the scan never sends a key, and a placeholder is no value.
std::string without_placeholders(std::string_view query) {
    std::string out;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.find('{') != std::string_view::npos) continue;
        out += (out.empty() ? "" : "&") + std::string(pair);
    }
    return out;
}

}  // namespace

std::string_view listener_kind_name(ListenerKind kind) {
    switch (kind) {
        case ListenerKind::pathwise:
            return "pathwise";
        case ListenerKind::answers_everything:
            return "answers_everything";
        case ListenerKind::other_server:
            return "other_server";
        case ListenerKind::nothing:
            break;
    }
    return "nothing";
}

Listener probe_listener(const std::string& origin, const ProbeLimits& limits) {
    Listener listener;
    httplib::Client client = make_client(origin, limits);
    const httplib::Headers headers{{"User-Agent", std::string(kUserAgent)}};
    const auto health = client.Get("/healthz", headers);
    if (!health) {
        listener.detail = error_words(health.error());
        return listener;
    }
    if (health->status == 200) {
        const auto json = nlohmann::json::parse(health->body, nullptr, false);
        if (json.is_object() && json.value("service", "") == "pathwise") {
            listener.kind = ListenerKind::pathwise;
            listener.version = json.value("version", "");
            listener.auth = json.value("auth", "");
            listener.bridges_websockets = json.value("responses_websocket", false);
            return listener;
        }
    }
    const std::string nowhere = "/pathwise-scan-no-such-path/4f1c";
    const auto unknown = client.Get(nowhere, headers);
    if (unknown && unknown->status == 200) {
        listener.kind = ListenerKind::answers_everything;
        listener.detail = "answered 200 to GET " + nowhere + ", a path no API has";
        return listener;
    }
    listener.kind = ListenerKind::other_server;
    listener.detail =
        unknown ? "answered " + std::to_string(unknown->status) + " to GET " + nowhere : error_words(unknown.error());
    return listener;
}

Replay replay_call(const std::string& origin, const ResolvedCall& call, const ClientEntry& sender,
                   std::string_view version, const ProbeLimits& limits) {
    Replay replay;
    replay.method = std::string(method_name(call.method));
    const std::string query = without_placeholders(call.query);
    replay.target = call.path + (query.empty() ? "" : "?" + query);
    replay.websocket_upgrade = call.websocket_upgrade;
    httplib::Client client = make_client(origin, limits);
    const std::string as_sent = version.empty() ? "0" : std::string(version);
    httplib::Headers headers{
        {"User-Agent", sender.user_agent_prefix.empty()
                           ? std::string(kUserAgent)
                           : std::string(sender.user_agent_prefix) + as_sent + " " + std::string(kUserAgent)}};
    if (!sender.goog_api_client_prefix.empty()) {
        headers.emplace("x-goog-api-client", std::string(sender.goog_api_client_prefix) + as_sent);
    }
    if (sender.protocol == Protocol::anthropic) headers.emplace("anthropic-version", "2023-06-01");
    httplib::Result answer;
    if (call.websocket_upgrade) {
        headers.emplace("Connection", "Upgrade");
        headers.emplace("Upgrade", "websocket");
        headers.emplace("Sec-WebSocket-Version", "13");
        headers.emplace("Sec-WebSocket-Key", "cGF0aHdpc2Utc2Nhbi1rZXk=");
        answer = client.Get(replay.target, headers);
    } else if (call.method == Method::post) {
        answer = client.Post(replay.target, headers, "{}", "application/json");
    } else {
        answer = client.Get(replay.target, headers);
    }
    if (!answer) {
        replay.summary = error_words(answer.error());
        return replay;
    }
    replay.status = answer->status;
    replay.summary = message_of(answer->body);
    return replay;
}

}  // namespace pathwise::scan
