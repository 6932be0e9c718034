#include "live_requests.hpp"

#include <nlohmann/json.hpp>

namespace pathwise::web {
namespace {

// Only well-typed fields are read: with JSON_NOEXCEPTION a type mismatch would abort the page.
std::string string_field(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t integer_field(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_number()) return 0;
    return it->is_number_float() ? static_cast<std::int64_t>(it->get<double>()) : it->get<std::int64_t>();
}

bool bool_field(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

bool parse_live_requests(std::string_view json_text, std::vector<LiveRequest>& requests, std::string& error) {
    const auto document = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        error = "the reply is not JSON";
        return false;
    }
    if (!document.is_object() || !document.contains("requests") || !document["requests"].is_array()) {
        error = "the reply has no \"requests\" list";
        return false;
    }
    std::vector<LiveRequest> parsed;
    for (const auto& item : document["requests"]) {
        if (!item.is_object()) continue;
        LiveRequest request;
        request.unix_ms = integer_field(item, "unix_ms");
        request.method = string_field(item, "method");
        request.path = string_field(item, "path");
        request.route_id = string_field(item, "route_id");
        request.diagnosis_kind = string_field(item, "diagnosis_kind");
        request.diagnosis = string_field(item, "diagnosis");
        request.fixed_base_url = string_field(item, "fixed_base_url");
        request.repaired_to = string_field(item, "repaired_to");
        request.status = static_cast<int>(integer_field(item, "status"));
        request.upstream = string_field(item, "upstream");
        request.error = string_field(item, "error");
        request.duration_ms = integer_field(item, "duration_ms");
        request.bytes_in = integer_field(item, "bytes_in");
        request.bytes_out = integer_field(item, "bytes_out");
        request.streamed = bool_field(item, "streamed");
        parsed.push_back(std::move(request));
    }
    requests = std::move(parsed);
    return true;
}

void apply_live_reply(LiveFeed& feed, int http_status, std::string_view body) {
    feed.fetch_in_flight = false;
    feed.http_status = http_status;
    feed.detail.clear();
    if (http_status == 0) {
        feed.status = LiveStatus::proxy_down;
        return;
    }
    if (http_status == 401 || http_status == 403) {
        feed.status = LiveStatus::unauthorized;
        return;
    }
    if (http_status != 200) {
        feed.status = LiveStatus::bad_reply;
        feed.detail = "HTTP " + std::to_string(http_status);
        return;
    }
    feed.status = parse_live_requests(body, feed.requests, feed.detail) ? LiveStatus::ok : LiveStatus::bad_reply;
}

}  // namespace pathwise::web
