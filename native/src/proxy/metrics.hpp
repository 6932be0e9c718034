// metrics.hpp — GET /metrics in Prometheus text format, built from the same RequestRecords as the log.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "pathwise/request_record.hpp"

namespace pathwise::proxy {

class Metrics {
public:
    void request_started() { in_flight_.fetch_add(1); }
    void request_finished(const RequestRecord& record);
    [[nodiscard]] std::int64_t in_flight() const { return in_flight_.load(); }
    // pathwise_requests_total{route,status}, pathwise_not_found_total{diagnosis},
    // pathwise_upstream_duration_seconds histogram{upstream}, pathwise_requests_in_flight.
    [[nodiscard]] std::string prometheus_text() const;

private:
    static constexpr std::array<double, 12> kBucketsSeconds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                               0.5,   1,    2.5,   5,    10,  30};
    struct Histogram {
        std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    std::atomic<std::int64_t> in_flight_{0};
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, std::uint64_t> not_found_;
    std::map<std::string, Histogram> upstream_duration_;
};

}  // namespace pathwise::proxy
