// error_bodies.hpp — the protocol-shaped answers for requests whose head or body could not be read: the
// errors httplib answers itself with an empty body (400, 408, 413, 414, 431, an exception's 500), and a body
// our content reader gave up on (413, 415, 400).
#pragma once

#include <httplib.h>

#include "config/settings.hpp"
#include "pathwise/route_table.hpp"
#include "proxy/exchange.hpp"

namespace pathwise::proxy {

// Fills `res`'s empty 4xx/5xx body in the request's protocol shape, correcting the library's catch-all 400 to
// 408 or 431 when the connection loop knows why the head was not read. `current` is the request's exchange,
// null when the library answered before the gate ran; a forwarded answer is left as the upstream gave it.
void fill_library_error_body(const httplib::Request& req, httplib::Response& res, const config::ServeConfig& config,
                             const Exchange* current);

// The answer for a body the content reader did not read whole: `too_large` past max_body_bytes (decoded),
// else what the library flagged (413, 415), else unreadable (ended early, broken coding, too slow).
void send_unreadable_body(const httplib::Request& req, httplib::Response& res, const config::ServeConfig& config,
                          Protocol protocol, bool too_large);

}  // namespace pathwise::proxy
