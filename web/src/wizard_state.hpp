// wizard_state.hpp — everything the wizard knows: the shareable state (what the link encodes) plus the
// transient UI state that must never leave the page (search text, the proxy key, live data).
#pragma once

#include <string>
#include <vector>

#include "live_requests.hpp"
#include "pathwise/share_link.hpp"
#include "upstreams_feed.hpp"

namespace pathwise::web {

// Where the Setup view's proxy address comes from when the link does not say.
inline constexpr const char* kFallbackProxyOrigin = "http://127.0.0.1:8045";

struct TransientState {
    std::string client_search;
    std::string api_key;                    // Live view's key: memory only, never in the link or storage
    std::vector<ShareLinkNote> link_notes;  // what the opened link had that was ignored
    std::string page_origin;                // "http://127.0.0.1:8045" when served over http(s), "" otherwise
    Lang browser_lang = Lang::en;
    LiveFeed live;
    UpstreamsFeed upstreams;            // what serves each protocol, for the "served by" lines
    bool live_show_page_loads = false;  // the wizard's own files (GET /, /index.js…) are noise by default
    std::string copied_label;           // which copy button was pressed last ("base_url", "link", …)
    double copied_at = -10.0;
    std::string written_fragment;  // the fragment last written to the URL
};

struct WizardApp {
    WizardState state;  // the share link's content, exactly
    TransientState ui;
};

// The proxy address actually in use: the typed one, else the page's origin, else 127.0.0.1:8045.
[[nodiscard]] std::string effective_proxy_origin(const WizardApp& app);
// The language in use: the link's (or the picker's) when explicit, else the browser's.
[[nodiscard]] Lang effective_lang(const WizardApp& app);

// Opens a share link (fragment with or without '#'): state and notes are replaced.
void open_share_link(WizardApp& app, std::string_view fragment);

}  // namespace pathwise::web
