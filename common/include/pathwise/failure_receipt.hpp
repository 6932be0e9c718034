// failure_receipt.hpp — one request the proxy served, reduced to what someone helping needs and to nothing
// secret: what a person pastes into a chat when "my client gets 404". The Live view builds it from a
// RequestRecord and puts it in a share link (share_link.hpp, view "receipt"); the Pathwise that opens the link
// reads it again with its own core, in its reader's language.
//
//   auto receipt = pathwise::receipt_for(record, "http://127.0.0.1:8045");
//   receipt.path;          // "/v1/v1/messages" (no query; a path segment that looks like a key is "REDACTED")
//   receipt.query_keys;    // {"beta"}: names only, never values
//   receipt.header_names;  // {"user-agent", "x-api-key", …}: names only, never values
//   receipt.failed_at;     // FailedAt::proxy: no route matched
//   pathwise::explain_receipt(pathwise::read_receipt(receipt), pathwise::Lang::fr);  // what to do, in French
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/client_identity.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/i18n.hpp"
#include "pathwise/request_record.hpp"

namespace pathwise {

// Which side of the proxy the request failed on.
enum class FailedAt : unsigned char {
    nothing,   // it succeeded (a receipt can be made for any request)
    proxy,     // Pathwise refused it: no route (the wrong-path 404), its key, its limits
    upstream,  // the upstream failed (down, slow) or answered with an error status
    client,    // the client went away before the answer was complete
};
[[nodiscard]] std::string_view failed_at_name(FailedAt side);  // "none", "proxy", "upstream", "client"
[[nodiscard]] std::optional<FailedAt> parse_failed_at(std::string_view name);

struct FailureReceipt {
    std::string method;                     // "POST"; "WS" for one turn of a Responses WebSocket
    std::string path;                       // without the query
    std::vector<std::string> query_keys;    // in the order sent
    std::vector<std::string> header_names;  // lowercase, sorted
    int status = 0;
    FailedAt failed_at = FailedAt::nothing;
    std::string diagnosis_kind;  // the proxy's diagnosis of a miss: "duplicated_version_prefix"
    std::string error;           // the proxy's code for what failed: "upstream_connect_refused"
    std::string client;          // the catalog client the headers named: "claude-code"
    std::string client_version;  // "2.1.330"
    std::string proxy_origin;    // where the request was sent: "http://127.0.0.1:8045"
    std::string fixed_base_url;  // the base URL the proxy said fixes it
    [[nodiscard]] bool empty() const { return method.empty() && path.empty(); }
    bool operator==(const FailureReceipt&) const = default;
};

// Calls visit(json_name, value) for every field, for the edges' JSON (`pathwise link --decode --json`, the
// wizard's test state): value is a std::string, an int or a std::vector<std::string>.
template <class Visitor>
void for_each_receipt_field(const FailureReceipt& receipt, Visitor&& visit) {
    visit("method", receipt.method);
    visit("path", receipt.path);
    visit("query_keys", receipt.query_keys);
    visit("header_names", receipt.header_names);
    visit("status", receipt.status);
    visit("failed_at", std::string(failed_at_name(receipt.failed_at)));
    visit("diagnosis_kind", receipt.diagnosis_kind);
    visit("error", receipt.error);
    visit("client", receipt.client);
    visit("client_version", receipt.client_version);
    visit("proxy_origin", receipt.proxy_origin);
    visit("fixed_base_url", receipt.fixed_base_url);
}

// The receipt of one request, from what the proxy recorded (RequestRecord::path is the target as received,
// query included; header_names its header names). `proxy_origin` is where the request was sent.
[[nodiscard]] FailureReceipt receipt_for(const RequestRecord& record, std::string_view proxy_origin);

// One field as text and back: the share link's codec stores a receipt through these, so a hand-made link passes
// the same checks as a receipt the proxy made. Lists are joined with ','.
enum class ReceiptField : unsigned char {
    method,
    path,
    query_keys,
    header_names,
    status,
    failed_at,
    diagnosis_kind,
    error,
    client,
    client_version,
    proxy_origin,
    fixed_base_url,
};
[[nodiscard]] std::string receipt_field_text(const FailureReceipt& receipt, ReceiptField field);
// What a field's text became: all of it kept, some list entries left out, or nothing kept (the field stays empty).
enum class FieldUse : unsigned char { kept, partly_kept, refused };
// Sets one field from hostile text. A path segment that looks like a key ("sk-…", "AIza…", a long mixed-case
// token) becomes "REDACTED"; a list entry that is not a plain name is left out; a URL with user:password@, a
// query or a fragment is refused.
[[nodiscard]] FieldUse set_receipt_field(FailureReceipt& receipt, ReceiptField field, std::string_view text);

// A receipt read again by this copy of Pathwise: the path diagnosed by its own route table, and what the
// named client must change, spelled on the origin the request was sent to.
struct ReceiptReading {
    FailureReceipt receipt;
    std::optional<Diagnosis> diagnosis;   // when the path misses every route here
    std::optional<ClientFix> client_fix;  // when the client is in this catalog
};
[[nodiscard]] ReceiptReading read_receipt(const FailureReceipt& receipt);
// A few sentences a person can act on: which side failed and why, then the fix.
[[nodiscard]] std::string explain_receipt(const ReceiptReading& reading, Lang lang);

}  // namespace pathwise
