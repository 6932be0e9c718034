// request_traits.hpp — what the gate, the miss answer and the handlers ask of an httplib request: its method
// and protocol hints as the core reads them, whether it brings a body we read ourselves, quoting its parts.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

#include "pathwise/diagnosis.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise::proxy {

// HEAD is answered like GET (httplib routes HEAD to the GET handlers and drops the body).
[[nodiscard]] Method request_method(const httplib::Request& req);
[[nodiscard]] bool is_websocket_upgrade(const httplib::Request& req);

// The core's one pass over the route table for this request: the route it hits, the protocol of an early
// refusal, and on a miss the diagnosis (fixes spelled on `proxy_origin`) and the route a repair would serve.
[[nodiscard]] RequestRouting route_of(const httplib::Request& req, std::string_view proxy_origin);

// The methods whose bodies our handlers read through a content reader (decoded, capped by us).
[[nodiscard]] bool has_content_reader(const httplib::Request& req);

// Client text as it may be quoted in a message: printable ASCII, at most 60 characters.
[[nodiscard]] std::string quotable(std::string_view text);

}  // namespace pathwise::proxy
