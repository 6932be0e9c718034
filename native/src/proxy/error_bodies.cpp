// error_bodies.cpp — answers for requests whose head or body could not be read (see error_bodies.hpp).
#include "proxy/error_bodies.hpp"

#include <string>

#include "http/guarded_server.hpp"
#include "http/protocol_error.hpp"
#include "proxy/request_traits.hpp"

namespace pathwise::proxy {
namespace {

using http::send_error;

bool is_known_method(const httplib::Request& req) {
    return parse_method(req.method) != Method::other || req.method == "CONNECT" || req.method == "TRACE" ||
           req.method == "PRI";
}

// The library answers 400 for every head it could not read; the connection loop knows why.
int corrected_status(const httplib::Request& req, int status, bool gate_ran) {
    if (status != 400 || gate_ran) return status;
    const http::HeadFailure head = http::GuardedServer::head_failure();
    if (head == http::HeadFailure::timed_out) return 408;
    if (head == http::HeadFailure::too_large) return 431;
    // httplib answers 400 itself, before our handlers, for more than CPPHTTPLIB_HEADER_MAX_COUNT header lines
    // or one over 8192 bytes: the request line parsed (target set), the headers did not. That is 431.
    if (!req.target.empty() && is_known_method(req)) return 431;
    return status;
}

std::string library_error_message(const httplib::Request& req, int status, const config::ServeConfig& config) {
    switch (status) {
        case 413:
            return "The request body is larger than " + std::to_string(config.max_body_bytes) +
                   " bytes (max_body_bytes); send less or raise the limit.";
        case 414:
            return "The request URL is too long.";
        case 431:
            return "The request headers are too large: more than " + std::to_string(config.max_header_bytes) +
                   " bytes (max_header_bytes), more than 128 lines, or a line over 8192 bytes. Send smaller headers.";
        case 408:
            return "The request line and headers did not arrive within header_read_timeout_ms (" +
                   std::to_string(config.header_read_timeout.count()) + " ms). Send them all at once.";
        case 415:
            return "The request body's encoding or type is not supported.";
        case 500:
            return "Pathwise hit an internal error on this request; it is logged, and the proxy keeps serving.";
        case 400:
            return !is_known_method(req) && !req.method.empty()
                       ? "'" + req.method +
                             "' is not an HTTP method this proxy serves; the API routes take GET or POST."
                       : "The request could not be read as HTTP (bad request line, headers or body).";
        case 403:
            return "This request is not allowed from this origin.";
        default:
            return "The proxy could not handle this request (HTTP " + std::to_string(status) + ").";
    }
}

}  // namespace

void fill_library_error_body(const httplib::Request& req, httplib::Response& res, const config::ServeConfig& config,
                             const Exchange* current) {
    if (!res.body.empty() || res.content_provider_) return;
    if (current && current->forwarded) return;  // the forwarder's answer, as the upstream gave it
    const Protocol protocol = current ? current->protocol : route_of(req, "").protocol;
    res.status = corrected_status(req, res.status, current != nullptr);
    send_error(res, {res.status, protocol, library_error_message(req, res.status, config), ""});
}

void send_unreadable_body(const httplib::Request& req, httplib::Response& res, const config::ServeConfig& config,
                          Protocol protocol, bool too_large) {
    if (too_large || res.status == 413) {
        send_error(res, {413, protocol,
                         "The request body is larger than " + std::to_string(config.max_body_bytes) +
                             " bytes (max_body_bytes) once decoded; send less or raise the limit.",
                         "body_too_large"});
    } else if (res.status == 415) {
        send_error(res, {415, protocol,
                         "The request's Content-Encoding '" + quotable(req.get_header_value("Content-Encoding")) +
                             "' is not supported; send it uncompressed, or as gzip, deflate or br.",
                         "unsupported_encoding"});
    } else {
        send_error(res, {400, protocol,
                         "The request body could not be read: it ended early, its chunked or compressed "
                         "encoding is broken, or it did not arrive within body_read_timeout_ms (" +
                             std::to_string(config.body_read_timeout.count()) + " ms).",
                         "body_unreadable"});
    }
}

}  // namespace pathwise::proxy
