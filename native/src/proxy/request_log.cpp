// request_log.cpp — see request_log.hpp.
#include "proxy/request_log.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <vector>

#include "http/header_policy.hpp"
#include "pathwise/ascii.hpp"

namespace pathwise::proxy {
namespace {

// Compared decoded and without case: "?%6Bey=…" and "?KEY=…" are read as key by servers that decode them.
bool is_secret_parameter(std::string_view raw_name) {
    const std::string name = http::decode_query_component(raw_name);
    using ascii::iequals;
    return iequals(name, "key") || iequals(name, "api_key") || iequals(name, "apikey") || iequals(name, "access_token");
}

std::string iso_time(std::int64_t unix_ms) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 40> buffer{};
    const std::size_t length = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%S", &utc);
    std::array<char, 16> millis{};
    std::snprintf(millis.data(), millis.size(), ".%03dZ", static_cast<int>(unix_ms % 1000));
    return std::string(buffer.data(), length) + millis.data();
}

}  // namespace

std::string redact_target(std::string_view target) {
    const auto question = target.find('?');
    if (question == std::string_view::npos) return std::string(target);
    std::string out(target.substr(0, question + 1));
    std::string_view query = target.substr(question + 1);
    bool first = true;
    while (true) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto equals = pair.find('=');
        const std::string_view name = pair.substr(0, equals);
        if (!first) out += '&';
        first = false;
        if (equals != std::string_view::npos && is_secret_parameter(name)) {
            out += name;
            out += "=REDACTED";
        } else {
            out += pair;
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

nlohmann::json record_json(const RequestRecord& record) {
    nlohmann::json object = nlohmann::json::object();
    for_each_field(record, [&](const char* name, const auto& value) { object[name] = value; });
    return object;
}

std::string format_log_line(const RequestRecord& record, config::LogFormat format) {
    if (format == config::LogFormat::json) {
        nlohmann::json line = record_json(record);
        line["time"] = iso_time(record.unix_ms);
        return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string line =
        iso_time(record.unix_ms) + " " + record.method + " " + record.path + " " + std::to_string(record.status);
    if (!record.route_id.empty()) line += " route=" + record.route_id;
    if (!record.repaired_to.empty())
        line += " repaired " + record.path.substr(0, record.path.find('?')) + " → " + record.repaired_to;
    if (!record.diagnosis_kind.empty()) line += " miss=" + record.diagnosis_kind;
    if (!record.client.empty()) {
        line += " client=" + record.client + (record.client_version.empty() ? "" : "/" + record.client_version);
    }
    line += " upstream=" + (record.upstream.empty() ? std::string("-") : record.upstream);
    std::array<char, 32> duration{};
    std::snprintf(duration.data(), duration.size(), " %.1fms", record.duration_ms);
    line += duration.data();
    line += " in=" + std::to_string(record.bytes_in) + "B out=" + std::to_string(record.bytes_out) + "B";
    if (record.streamed) line += " streamed";
    if (!record.error.empty()) line += " error=\"" + record.error + "\"";
    if (!record.diagnosis.empty()) line += " \"" + record.diagnosis + "\"";
    if (!record.client_fix.empty()) line += " \"" + record.client_fix + "\"";
    return line;
}

void RecentRequests::add(const RequestRecord& record) {
    if (capacity_ == 0) return;
    const std::lock_guard lock(mutex_);
    if (records_.size() == capacity_) records_.pop_front();
    records_.push_back(record);
}

nlohmann::json RecentRequests::to_json() const {
    std::vector<const RequestRecord*> newest_first;
    const std::lock_guard lock(mutex_);
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) newest_first.push_back(&*it);
    // Records are added when a request ends (a stream ends late); the live view lists them by arrival.
    std::stable_sort(newest_first.begin(), newest_first.end(),
                     [](const RequestRecord* a, const RequestRecord* b) { return a->unix_ms > b->unix_ms; });
    nlohmann::json list = nlohmann::json::array();
    for (const RequestRecord* record : newest_first) list.push_back(record_json(*record));
    return {{"requests", std::move(list)}};
}

}  // namespace pathwise::proxy
