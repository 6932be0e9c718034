// share_link.hpp — the wizard's whole state as a compact, versioned, URL-safe fragment.
//
//   pathwise::WizardState s{.client_id = "claude-code", .typed_base_url = "http://127.0.0.1:8045/v1"};
//   std::string frag = pathwise::encode_share_link(s);   // "v=1&c=claude-code&b=…"
//   auto back = pathwise::decode_share_link(frag);        // back.state == s, back.notes empty
//
// There is deliberately no field for an API key: secrets never enter a link.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/failure_receipt.hpp"
#include "pathwise/i18n.hpp"

namespace pathwise {

enum class WizardView : unsigned char { setup, check, log, all_clients, live, receipt };
[[nodiscard]] std::string_view view_name(WizardView v);  // "setup", "check", "log", "all", "live", "receipt"
[[nodiscard]] std::optional<WizardView> parse_view_name(std::string_view name);

struct WizardState {
    std::string proxy_origin;    // "" = the page's own origin (or http://127.0.0.1:8045)
    std::string client_id;       // catalog id, "" = none picked
    std::string client_version;  // "" = newest variant
    std::string typed_base_url;  // the Check view's input, verbatim
    std::string log_path;        // the Log view's input, verbatim
    Lang lang = Lang::en;
    bool lang_explicit = false;  // false: follow the browser's language
    WizardView view = WizardView::setup;
    FailureReceipt receipt;  // one request from the Live view, redacted (view "receipt"); empty = none
    bool operator==(const WizardState&) const = default;
};

// Limits that keep links short enough for chat apps and safe to parse.
inline constexpr std::size_t kMaxShareLinkLength = 4096;
inline constexpr std::size_t kMaxFieldLength = 1024;

// The link format, version 1: "v=1&o=…&c=…&cv=…&b=…&p=…&l=…&w=…" in that order; empty or default fields are
// left out; values are percent-encoded outside A-Z a-z 0-9 - . _ ~ (so '&', '=', '#', '%', spaces and UTF-8
// round-trip). Keys: v version, o proxy_origin, c client_id, cv client_version, b typed_base_url, p log_path,
// l lang (only when lang_explicit: otherwise the recipient's browser language applies), w view. Then the
// failure receipt's fields, each checked by set_receipt_field on the way out and on the way in: rm method,
// rp path, rq query keys, rh header names, rs status, rf failed at, rk diagnosis kind, re error code, rc client,
// rcv client version, ro proxy origin, rx fixed base URL.
[[nodiscard]] std::string encode_share_link(const WizardState& state);  // no leading '#'

struct ShareLinkNote {
    std::string field;  // "c", "b", "v", … ("" for the whole link)
    // "unknown_field", "too_long", "bad_escape", "unknown_view", "unknown_lang", "newer_version", "bad_version",
    // "missing_version", "secret_ignored", "secret_dropped", "duplicate_field", "malformed", "too_many_notes",
    // "bad_value" (a receipt field that is not valid), "partly_kept" (a receipt list with entries left out);
    // "unknown_client" is the wizard's (it checks client ids against the catalog).
    std::string code;
    std::string message;  // English, for a person: what was ignored and why
};

// encode_share_link plus what was left out of the link: fields longer than kMaxFieldLength, fields dropped to
// keep the link within kMaxShareLinkLength (longest first), and base URLs carrying a secret (user:pass@, ?key=).
struct EncodedShareLink {
    std::string fragment;
    std::vector<ShareLinkNote> notes;
};
[[nodiscard]] EncodedShareLink encode_share_link_with_notes(const WizardState& state);
struct DecodedShareLink {
    WizardState state;                 // defaults for everything that was missing or ignored
    std::vector<ShareLinkNote> notes;  // what was ignored; empty for a clean link
};
// Never fails: accepts with or without a leading '#' (or a whole pasted address); anything unusable becomes a
// note. An empty fragment is a fresh start: default state, no notes (nothing was ignored).
[[nodiscard]] DecodedShareLink decode_share_link(std::string_view fragment);

}  // namespace pathwise
