#include "live_requests.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace pathwise::web {
namespace {

// Only well-typed fields are read: with JSON_NOEXCEPTION a type mismatch would abort the page. A missing or
// mistyped field keeps its default.
struct FieldReader {
    const nlohmann::json& object;

    void operator()(const char* name, std::string& field) const {
        auto it = object.find(name);
        if (it != object.end() && it->is_string()) field = it->get<std::string>();
    }
    void operator()(const char* name, bool& field) const {
        auto it = object.find(name);
        if (it != object.end() && it->is_boolean()) field = it->get<bool>();
    }
    void operator()(const char* name, double& field) const {
        auto it = object.find(name);
        if (it != object.end() && it->is_number()) field = it->get<double>();
    }
    template <class Integer>
    void operator()(const char* name, Integer& field) const {
        auto it = object.find(name);
        if (it == object.end() || !it->is_number()) return;
        // A negative count is not a count: an unsigned field keeps its default.
        if (std::is_unsigned_v<Integer> && it->get<double>() < 0) return;
        field = it->is_number_float() ? static_cast<Integer>(it->get<double>()) : it->get<Integer>();
    }
};

}  // namespace

bool parse_live_requests(std::string_view json_text, std::vector<RequestRecord>& requests, std::string& error) {
    const auto document = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        error = "the reply is not JSON";
        return false;
    }
    if (!document.is_object() || !document.contains("requests") || !document["requests"].is_array()) {
        error = "the reply has no \"requests\" list";
        return false;
    }
    std::vector<RequestRecord> parsed;
    for (const auto& item : document["requests"]) {
        if (!item.is_object()) continue;
        RequestRecord request;
        for_each_field(request, FieldReader{item});
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
