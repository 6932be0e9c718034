#include "wizard_app.hpp"

namespace pathwise::web {

std::string effective_proxy_origin(const WizardApp& app) {
    if (!app.state.proxy_origin.empty()) return app.state.proxy_origin;
    if (!app.ui.page_origin.empty()) return app.ui.page_origin;
    return kFallbackProxyOrigin;
}

Lang effective_lang(const WizardApp& app) { return app.state.lang_explicit ? app.state.lang : app.ui.browser_lang; }

void open_share_link(WizardApp& app, std::string_view fragment) {
    DecodedShareLink decoded = decode_share_link(fragment);
    app.state = std::move(decoded.state);
    app.ui.link_notes = std::move(decoded.notes);
}

}  // namespace pathwise::web
