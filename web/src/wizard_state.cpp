#include "wizard_state.hpp"

#include "pathwise/client_catalog.hpp"

namespace pathwise::web {

std::string effective_proxy_origin(const WizardApp& app) {
    if (!app.state.proxy_origin.empty()) return app.state.proxy_origin;
    if (!app.ui.page_origin.empty()) return app.ui.page_origin;
    return kFallbackProxyOrigin;
}

Lang effective_lang(const WizardApp& app) {
    return app.state.lang_explicit ? app.state.lang : app.ui.browser_lang;
}

void open_share_link(WizardApp& app, std::string_view fragment) {
    DecodedShareLink decoded = decode_share_link(fragment);
    app.state = std::move(decoded.state);
    app.ui.link_notes = std::move(decoded.notes);
    // The codec does not know the catalog; an id from an older or newer catalog is dropped here, visibly.
    if (!app.state.client_id.empty() && find_client(app.state.client_id) == nullptr) {
        app.ui.link_notes.push_back({"c", "unknown_client",
                                     "This link names the client \"" + app.state.client_id +
                                         "\", which this version of Pathwise does not know: pick one from the list."});
        app.state.client_id.clear();
        app.state.client_version.clear();
    }
}

}  // namespace pathwise::web
