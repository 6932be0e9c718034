// request_log.hpp — the "log" stage: one line per request and a bounded ring of recent requests that
// GET /_pathwise/requests serves to the wizard's live view. Keys never appear: paths are redacted first.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "pathwise/request_record.hpp"

namespace pathwise::proxy {

// "/v1beta/models/m:generateContent?key=AIza…&alt=sse" → "…?key=REDACTED&alt=sse". Also redacts api_key= and
// access_token= (other spellings clients use).
[[nodiscard]] std::string redact_target(std::string_view target);

// Text: "2026-11-23T12:00:00.123Z POST /v1/v1/messages 404 miss=duplicated_version_prefix upstream=- 0.2ms
// in=12B out=310B \"…explanation…\"". JSON: the RequestRecord's fields (pathwise/request_record.hpp) plus "time".
[[nodiscard]] std::string format_log_line(const RequestRecord& record, config::LogFormat format);
[[nodiscard]] nlohmann::json record_json(const RequestRecord& record);

// Bounded, thread-safe; memory stays flat however long the proxy runs (docs/peers.md 3: CLIProxyAPI #3048).
class RecentRequests {
public:
    explicit RecentRequests(std::size_t capacity) : capacity_(capacity) {}
    void add(const RequestRecord& record);
    // {"requests":[{…RequestRecord fields…}]}, newest arrival first.
    [[nodiscard]] nlohmann::json to_json() const;

private:
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::deque<RequestRecord> records_;
};

}  // namespace pathwise::proxy
