// miss.hpp — what a request that matches no route gets: the route it meant, when --repair-paths may serve it;
// else a 426 (a WebSocket try), 405 (wrong method, with Allow) or 404, in its protocol's error shape, with
// the diagnosis as the error's details and on the request's record.
#pragma once

#include <httplib.h>

#include <optional>

#include "pathwise/diagnosis.hpp"
#include "pathwise/i18n.hpp"
#include "proxy/exchange.hpp"

namespace pathwise::proxy {

// The route a repairable miss is served by (the record and the X-Pathwise-Repaired header say so); nothing
// when `routing` holds no repair.
[[nodiscard]] std::optional<RouteMatch> repair_miss(const httplib::Request& req, httplib::Response& res,
                                                    const RequestRouting& routing, Exchange& exchange);

// Records the diagnosis on the exchange and fills `res` with the answer.
void answer_miss(const httplib::Request& req, httplib::Response& res, const Diagnosis& diagnosis, Exchange& exchange);

// The language of the explanation: ?lang=, else the first Accept-Language tag, else English.
[[nodiscard]] Lang request_lang(const httplib::Request& req);

}  // namespace pathwise::proxy
