// request_record.hpp — what the proxy remembers about one request it served, and its JSON field names.
//
// One type for both edges: the proxy fills it in (log line, /metrics, GET /_pathwise/requests) and the wizard's
// Live view reads it back from that JSON. The core has no JSON library, so the wire format is the field list
// below: each side walks it with its own encoder or decoder.
//   pathwise::for_each_field(record, [&](const char* name, const auto& value) { object[name] = value; });
#pragma once

#include <cstdint>
#include <string>

namespace pathwise {

struct RequestRecord {
    std::int64_t unix_ms = 0;    // when the request arrived
    std::string method;          // "POST"
    std::string path;            // redacted target as received: "/v1beta/models/x:generateContent?key=REDACTED"
    std::string route_id;        // matched route id, "" when none
    std::string diagnosis_kind;  // "" when routed; else diagnosis_kind_name(...)
    std::string diagnosis;       // one-line English explanation when not routed
    std::string fixed_base_url;  // the base URL that fixes it, when known
    std::string repaired_to;     // --repair-paths: the path actually served, "" when not repaired
    // On a miss, the catalog client its headers name (client_identity.hpp), and what it must change: "" = unknown.
    std::string client;          // "claude-code"
    std::string client_version;  // "2.1.330"
    std::string client_fix;      // "Sent by Claude Code 2.1.330: set ANTHROPIC_BASE_URL to http://127.0.0.1:8045 …"
    // The names of the headers it came with, lowercase and sorted, never their values: for a failure receipt
    // (failure_receipt.hpp), which tells a helper "it sent x-api-key and anthropic-version" and nothing more.
    std::string header_names;  // "host,user-agent,x-api-key,anthropic-version,content-type"
    int status = 0;
    std::string upstream;  // "mock" or the upstream origin "https://api.openai.com"
    std::string error;     // upstream error summary ("connect refused", "first-byte timeout", …)
    double duration_ms = 0;
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
    bool streamed = false;
};

// Calls visit(json_name, field) for every field, in the order /_pathwise/requests writes them. Works on a
// const record (encoding) and a mutable one (decoding); `visit` needs an overload or a generic lambda for
// std::int64_t, int, double, std::uint64_t, bool and std::string.
template <class Record, class Visitor>
constexpr void for_each_field(Record& record, Visitor&& visit) {
    visit("unix_ms", record.unix_ms);
    visit("method", record.method);
    visit("path", record.path);
    visit("route_id", record.route_id);
    visit("diagnosis_kind", record.diagnosis_kind);
    visit("diagnosis", record.diagnosis);
    visit("fixed_base_url", record.fixed_base_url);
    visit("repaired_to", record.repaired_to);
    visit("client", record.client);
    visit("client_version", record.client_version);
    visit("client_fix", record.client_fix);
    visit("header_names", record.header_names);
    visit("status", record.status);
    visit("upstream", record.upstream);
    visit("error", record.error);
    visit("duration_ms", record.duration_ms);
    visit("bytes_in", record.bytes_in);
    visit("bytes_out", record.bytes_out);
    visit("streamed", record.streamed);
}

}  // namespace pathwise
