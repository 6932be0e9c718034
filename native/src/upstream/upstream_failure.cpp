#include "upstream/upstream_failure.hpp"

#include <httplib.h>

#include <string_view>

namespace pathwise::upstream {

namespace {

std::string ms(std::chrono::milliseconds value) {
    return std::to_string(value.count()) + " ms";
}

std::string config_field(const ResolvedUpstream& upstream, std::string_view field) {
    return "upstreams." + std::string(protocol_name(upstream.protocol)) + "." + std::string(field);
}

// The status a client gets for each kind, and the short code the record and the error body carry.
struct FailureFacts {
    FailureKind kind;
    int status;
    std::string_view code;
};

constexpr FailureFacts kFailureFacts[] = {
    {FailureKind::refused, 502, "upstream_refused"},
    {FailureKind::connect_timeout, 504, "upstream_connect_timeout"},
    {FailureKind::first_byte_timeout, 504, "upstream_first_byte_timeout"},
    {FailureKind::idle_timeout, 504, "upstream_idle_timeout"},
    {FailureKind::closed_early, 502, "upstream_closed"},
    {FailureKind::tls_verify, 502, "upstream_tls_verify"},
    {FailureKind::tls_handshake, 502, "upstream_tls_handshake"},
    {FailureKind::ca_file, 502, "upstream_ca_file"},
    {FailureKind::setup, 502, "upstream_setup"},
    {FailureKind::answer_too_large, 502, "upstream_answer_too_large"},
    {FailureKind::event_too_large, 502, "upstream_event_too_large"},
    {FailureKind::shutting_down, 503, "proxy_shutting_down"},
    {FailureKind::other, 502, "upstream_error"},
};

// What happened, naming the upstream and the setting to check.
std::string failure_message(const ResolvedUpstream& upstream, FailureKind kind) {
    const std::string who = "upstream " + upstream.name;
    switch (kind) {
        case FailureKind::refused:
            return who + " refused the connection (or its host name does not resolve) — is it running? check " +
                   upstream.config_key;
        case FailureKind::connect_timeout:
            return who + " did not accept the connection within " + ms(upstream.config.connect_timeout) + " — check " +
                   upstream.config_key + " and the network (" + config_field(upstream, "connect_timeout") + ")";
        case FailureKind::first_byte_timeout:
            return who + " sent no response within " + ms(upstream.config.first_byte_timeout) + " (" +
                   config_field(upstream, "first_byte_timeout") + ")";
        case FailureKind::idle_timeout:
            return who + " went silent for " + ms(upstream.config.idle_timeout) + " in the middle of its response (" +
                   config_field(upstream, "idle_timeout") + ")";
        case FailureKind::closed_early:
            return who + " closed the connection before its response was complete";
        case FailureKind::tls_verify:
            return who +
                   " presented a TLS certificate that could not be verified (untrusted issuer or "
                   "wrong host name) — if it uses a private CA, set " +
                   config_field(upstream, "ca_file");
        case FailureKind::tls_handshake:
            return who + " failed the TLS handshake — is it really https? check " + upstream.config_key;
        case FailureKind::ca_file:
            return "the CA file '" + upstream.config.ca_file + "' for " + who + " could not be loaded — check " +
                   config_field(upstream, "ca_file");
        case FailureKind::setup:
            return who + " cannot be used: " + upstream.setup_error;
        case FailureKind::answer_too_large:
            return who +
                   " sent an answer larger than max_response_bytes; Pathwise holds a non-streamed "
                   "answer whole, so it stopped reading. Ask for a streamed answer or raise max_response_bytes.";
        case FailureKind::event_too_large:
            return who +
                   " sent a streamed event larger than max_event_bytes (no blank line ended it); "
                   "the stream was stopped. Raise max_event_bytes if the upstream really sends such events.";
        case FailureKind::shutting_down:
            return "Pathwise is shutting down: the answer from " + who +
                   " was cut at the end of the shutdown grace period (shutdown_grace_ms). Retry once it runs again.";
        case FailureKind::other:
            break;
    }
    return who + " could not be reached";
}

}  // namespace

UpstreamFailure describe_failure(const ResolvedUpstream& upstream, FailureKind kind) {
    UpstreamFailure failure;
    failure.kind = kind;
    for (const FailureFacts& facts : kFailureFacts) {
        if (facts.kind != kind) continue;
        failure.status = facts.status;
        failure.code = std::string(facts.code);
    }
    failure.message = failure_message(upstream, kind);
    return failure;
}

UpstreamFailure describe_failure(const ResolvedUpstream& upstream, httplib::Error error,
                                 std::chrono::milliseconds elapsed, std::chrono::milliseconds read_timeout) {
    switch (error) {
        case httplib::Error::Connection:
            return describe_failure(upstream, FailureKind::refused);
        case httplib::Error::ConnectionTimeout:
            return describe_failure(upstream, FailureKind::connect_timeout);
        case httplib::Error::Read:
            // A read timeout and a peer that hung up both surface as Read; the clock tells them apart.
            return describe_failure(upstream, elapsed + std::chrono::milliseconds(50) >= read_timeout
                                                  ? FailureKind::first_byte_timeout
                                                  : FailureKind::closed_early);
        case httplib::Error::SSLServerVerification:
            return describe_failure(upstream, FailureKind::tls_verify);
        case httplib::Error::SSLConnection:
            return describe_failure(upstream, FailureKind::tls_handshake);
        case httplib::Error::SSLLoadingCerts:
            return describe_failure(upstream, FailureKind::ca_file);
        default:
            break;
    }
    UpstreamFailure failure = describe_failure(upstream, FailureKind::other);
    failure.message += " (" + httplib::to_string(error) + ")";
    return failure;
}

}  // namespace pathwise::upstream
