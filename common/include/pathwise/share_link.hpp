// share_link.hpp — the wizard's whole state as a compact, versioned, URL-safe fragment.
//
//   pathwise::WizardState s{.client_id = "claude-code", .typed_base_url = "http://127.0.0.1:8045/v1"};
//   std::string frag = pathwise::encode_share_link(s);   // "v=1&c=claude-code&b=…"
//   auto back = pathwise::decode_share_link(frag);        // back.state == s, back.notes empty
//
// There is deliberately no field for an API key: secrets never enter a link.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/i18n.hpp"

namespace pathwise {

enum class WizardView : unsigned char { setup, check, log, all_clients, live };
[[nodiscard]] std::string_view view_name(WizardView v);  // "setup", "check", "log", "all", "live"

struct WizardState {
    std::string proxy_origin;     // "" = the page's own origin (or http://127.0.0.1:8045)
    std::string client_id;        // catalog id, "" = none picked
    std::string client_version;   // "" = newest variant
    std::string typed_base_url;   // the Check view's input, verbatim
    std::string log_path;         // the Log view's input, verbatim
    Lang lang = Lang::en;
    bool lang_explicit = false;   // false: follow the browser's language
    WizardView view = WizardView::setup;
    bool operator==(const WizardState&) const = default;
};

// Limits that keep links short enough for chat apps and safe to parse.
inline constexpr std::size_t kMaxShareLinkLength = 4096;
inline constexpr std::size_t kMaxFieldLength = 1024;

[[nodiscard]] std::string encode_share_link(const WizardState& state);  // no leading '#'

struct ShareLinkNote {
    std::string field;    // "c", "b", "v", … ("" for the whole link)
    std::string code;     // "unknown_field", "too_long", "bad_escape", "unknown_client", "unknown_view", "newer_version", …
    std::string message;  // English, for a person: what was ignored and why
};
struct DecodedShareLink {
    WizardState state;                // defaults for everything that was missing or ignored
    std::vector<ShareLinkNote> notes; // what was ignored; empty for a clean link
};
// Never fails: accepts with or without a leading '#'; anything unusable becomes a note.
[[nodiscard]] DecodedShareLink decode_share_link(std::string_view fragment);

}  // namespace pathwise
