#include "upstream/upstream_failure.hpp"

#include <httplib.h>

namespace pathwise::upstream {

namespace {

std::string ms(std::chrono::milliseconds value) {
    return std::to_string(value.count()) + " ms";
}

std::string config_field(const ResolvedUpstream& upstream, std::string_view field) {
    return "upstreams." + std::string(protocol_name(upstream.protocol)) + "." + std::string(field);
}

}  // namespace

UpstreamFailure describe_failure(const ResolvedUpstream& upstream, FailureKind kind) {
    const std::string who = "upstream " + upstream.name;
    UpstreamFailure failure;
    failure.kind = kind;
    switch (kind) {
        case FailureKind::refused:
            failure.code = "upstream_refused";
            failure.message = who +
                              " refused the connection (or its host name does not resolve) — is it running? check " +
                              upstream.config_key;
            break;
        case FailureKind::connect_timeout:
            failure.status = 504;
            failure.code = "upstream_connect_timeout";
            failure.message = who + " did not accept the connection within " + ms(upstream.config.connect_timeout) +
                              " — check " + upstream.config_key + " and the network (" +
                              config_field(upstream, "connect_timeout") + ")";
            break;
        case FailureKind::first_byte_timeout:
            failure.status = 504;
            failure.code = "upstream_first_byte_timeout";
            failure.message = who + " sent no response within " + ms(upstream.config.first_byte_timeout) + " (" +
                              config_field(upstream, "first_byte_timeout") + ")";
            break;
        case FailureKind::idle_timeout:
            failure.status = 504;
            failure.code = "upstream_idle_timeout";
            failure.message = who + " went silent for " + ms(upstream.config.idle_timeout) +
                              " in the middle of its response (" + config_field(upstream, "idle_timeout") + ")";
            break;
        case FailureKind::closed_early:
            failure.code = "upstream_closed";
            failure.message = who + " closed the connection before its response was complete";
            break;
        case FailureKind::tls_verify:
            failure.code = "upstream_tls_verify";
            failure.message = who +
                              " presented a TLS certificate that could not be verified (untrusted issuer or "
                              "wrong host name) — if it uses a private CA, set " +
                              config_field(upstream, "ca_file");
            break;
        case FailureKind::tls_handshake:
            failure.code = "upstream_tls_handshake";
            failure.message = who + " failed the TLS handshake — is it really https? check " + upstream.config_key;
            break;
        case FailureKind::ca_file:
            failure.code = "upstream_ca_file";
            failure.message = "the CA file '" + upstream.config.ca_file + "' for " + who +
                              " could not be loaded — check " + config_field(upstream, "ca_file");
            break;
        case FailureKind::setup:
            failure.code = "upstream_setup";
            failure.message = who + " cannot be used: " + upstream.setup_error;
            break;
        case FailureKind::answer_too_large:
            failure.code = "upstream_answer_too_large";
            failure.message =
                who +
                " sent an answer larger than max_response_bytes; Pathwise holds a non-streamed "
                "answer whole, so it stopped reading. Ask for a streamed answer or raise max_response_bytes.";
            break;
        case FailureKind::event_too_large:
            failure.code = "upstream_event_too_large";
            failure.message = who +
                              " sent a streamed event larger than max_event_bytes (no blank line ended it); "
                              "the stream was stopped. Raise max_event_bytes if the upstream really sends such events.";
            break;
        case FailureKind::shutting_down:
            failure.status = 503;
            failure.code = "proxy_shutting_down";
            failure.message =
                "Pathwise is shutting down: the answer from " + who +
                " was cut at the end of the shutdown grace period (shutdown_grace_ms). Retry once it runs again.";
            break;
        case FailureKind::other:
            failure.code = "upstream_error";
            failure.message = who + " could not be reached";
            break;
    }
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
