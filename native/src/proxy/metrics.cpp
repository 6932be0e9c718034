// metrics.cpp — see metrics.hpp.
#include "proxy/metrics.hpp"

#include <cstdio>

namespace pathwise::proxy {
namespace {

// Label values are our own ids, but escape anyway: a diagnosis kind or upstream URL must never break the format.
std::string label(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.6g", value);
    return buffer.data();
}

}  // namespace

void Metrics::request_finished(const RequestRecord& record) {
    in_flight_.fetch_sub(1);
    const std::lock_guard lock(mutex_);
    const std::string route = record.route_id.empty() ? "none" : record.route_id;
    ++requests_[{route, record.status}];
    if (record.status == 404 && !record.diagnosis_kind.empty()) ++not_found_[record.diagnosis_kind];
    if (!record.upstream.empty()) {
        Histogram& histogram = upstream_duration_[record.upstream];
        const double seconds = record.duration_ms / 1000.0;
        for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
        }
        ++histogram.count;
        histogram.sum += seconds;
    }
}

std::string Metrics::prometheus_text() const {
    std::string out;
    out += "# HELP pathwise_requests_in_flight Requests being handled right now (streams included).\n";
    out += "# TYPE pathwise_requests_in_flight gauge\n";
    out += "pathwise_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
    const std::lock_guard lock(mutex_);
    out += "# HELP pathwise_requests_total Requests answered, by matched route (\"none\" when unmatched) and status.\n";
    out += "# TYPE pathwise_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        out += "pathwise_requests_total{route=\"" + label(key.first) + "\",status=\"" + std::to_string(key.second) +
               "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP pathwise_not_found_total 404 answers, by diagnosis kind.\n";
    out += "# TYPE pathwise_not_found_total counter\n";
    for (const auto& [kind, count] : not_found_) {
        out += "pathwise_not_found_total{diagnosis=\"" + label(kind) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP pathwise_upstream_duration_seconds Time from request to the end of the forwarded response.\n";
    out += "# TYPE pathwise_upstream_duration_seconds histogram\n";
    for (const auto& [upstream, histogram] : upstream_duration_) {
        const std::string name = "pathwise_upstream_duration_seconds";
        const std::string up = "upstream=\"" + label(upstream) + "\"";
        for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            out += name + "_bucket{" + up + ",le=\"" + number(kBucketsSeconds[i]) + "\"} " +
                   std::to_string(histogram.buckets[i]) + "\n";
        }
        out += name + "_bucket{" + up + ",le=\"+Inf\"} " + std::to_string(histogram.count) + "\n";
        out += name + "_sum{" + up + "} " + number(histogram.sum) + "\n";
        out += name + "_count{" + up + "} " + std::to_string(histogram.count) + "\n";
    }
    return out;
}

}  // namespace pathwise::proxy
