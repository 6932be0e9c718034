// readiness.hpp — can each forwarded protocol be served now? Every candidate upstream of a protocol (its primary,
// then its fallbacks in order) is probed with a TCP connect; the first reachable one is the one serving (/readyz).
//
//   for (const ProtocolReadiness& protocol : check_readiness(upstreams))
//       if (const CandidateReadiness* serving = protocol.serving()) …   // serving->upstream: "mock" or an origin
#pragma once

#include <string>
#include <vector>

#include "pathwise/route_table.hpp"
#include "upstream/upstream_map.hpp"

namespace pathwise::upstream {

struct CandidateReadiness {
    std::string upstream;  // "mock" or the origin
    bool reachable = false;
    std::string error;  // why not, when not reachable
};

struct ProtocolReadiness {
    Protocol protocol = Protocol::openai;
    CandidateReadiness primary;
    std::vector<CandidateReadiness> fallbacks;  // in the order requests try them
    // The candidate a request would reach first: the primary, else the first reachable fallback; nullptr if none.
    [[nodiscard]] const CandidateReadiness* serving() const;
};

// Probes every candidate, the fallbacks too (even when the primary answers: /readyz shows what a failover would
// find). An upstream with a setup_error is not probed: it is unreachable with that error.
[[nodiscard]] std::vector<ProtocolReadiness> check_readiness(const UpstreamMap& upstreams);

}  // namespace pathwise::upstream
