#include "upstream/readiness.hpp"

#include "upstream/tcp_probe.hpp"

namespace pathwise::upstream {

namespace {

CandidateReadiness probe(const ResolvedUpstream& candidate) {
    CandidateReadiness status{candidate.name, false, candidate.setup_error};
    if (status.error.empty()) {
        status.error = tcp_probe(candidate.target.host, candidate.target.port, candidate.config.connect_timeout);
        status.reachable = status.error.empty();
    }
    return status;
}

}  // namespace

const CandidateReadiness* ProtocolReadiness::serving() const {
    if (primary.reachable) return &primary;
    for (const CandidateReadiness& fallback : fallbacks) {
        if (fallback.reachable) return &fallback;
    }
    return nullptr;
}

std::vector<ProtocolReadiness> check_readiness(const UpstreamMap& upstreams) {
    std::vector<ProtocolReadiness> statuses;
    for (const auto& [protocol, resolved] : upstreams) {
        ProtocolReadiness status{protocol, probe(*resolved), {}};
        for (const auto& fallback : resolved->fallbacks) status.fallbacks.push_back(probe(*fallback));
        statuses.push_back(std::move(status));
    }
    return statuses;
}

}  // namespace pathwise::upstream
