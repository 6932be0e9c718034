#include "frame.hpp"

#include <imgui.h>

#include "panels/panels.hpp"
#include "pathwise/share_link.hpp"
#include "platform.hpp"
#include "ui_text.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {

void limit_frame_time() {
    constexpr float kLongestFrameSeconds = 0.1f;
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime > kLongestFrameSeconds) io.DeltaTime = kLongestFrameSeconds;
}

void apply_style(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(14, 12);
    // Translucent panels over the shader-drawn backdrop.
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.07f, 0.08f, 0.11f, 0.72f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.35f, 0.42f, 0.55f, 0.35f);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.13f, 0.16f, 0.22f, 0.95f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.18f, 0.30f, 0.45f, 0.85f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.42f, 0.62f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.20f, 0.52f, 0.78f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.38f, 0.58f, 0.75f);
    style.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
    style.ScaleAllSizes(scale);
}

namespace {

// Asks the proxy that serves the page what serves each protocol: at once, again when the proxy address or
// its key changes, and every few seconds (a restarted proxy may have another config).
void refresh_upstreams(WizardApp& app) {
    UpstreamsFeed& feed = app.ui.upstreams;
    if (!platform::can_fetch_live()) {
        feed.status = UpstreamsStatus::not_available;
        return;
    }
    const std::string origin = effective_proxy_origin(app);
    const std::string asked_for = origin + "\n" + app.ui.api_key;
    const double every = feed.status == UpstreamsStatus::ok ? 10.0 : 3.0;
    const bool due = asked_for != feed.asked_for || platform::now_seconds() - feed.last_fetch_at >= every;
    if (feed.fetch_in_flight || !due) return;
    feed.fetch_in_flight = true;
    feed.asked_for = asked_for;
    feed.last_fetch_at = platform::now_seconds();
    platform::start_upstreams_fetch(origin, app.ui.api_key);
}

}  // namespace

void draw_wizard(WizardApp& app) {
    refresh_upstreams(app);
    clear_widget_rects();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Pathwise", nullptr, kFlags);
    draw_header(app);
    draw_link_notes(app);
    switch (app.state.view) {
        case WizardView::setup:
            draw_setup_view(app);
            break;
        case WizardView::check:
            draw_check_view(app);
            break;
        case WizardView::log:
            draw_log_view(app);
            break;
        case WizardView::all_clients:
            draw_all_clients_view(app);
            break;
        case WizardView::live:
            draw_live_view(app);
            break;
        case WizardView::receipt:
            draw_receipt_view(app);
            break;
    }
    ImGui::End();
}

void publish_state(WizardApp& app) {
    std::string fragment = encode_share_link(app.state);
    if (fragment == app.ui.written_fragment) return;
    platform::write_fragment(fragment);
    app.ui.written_fragment = std::move(fragment);
    const Lang lang = effective_lang(app);
    UiText view_title = UiText::view_setup;
    switch (app.state.view) {
        case WizardView::setup:
            view_title = UiText::view_setup;
            break;
        case WizardView::check:
            view_title = UiText::view_check;
            break;
        case WizardView::log:
            view_title = UiText::view_log;
            break;
        case WizardView::all_clients:
            view_title = UiText::view_all;
            break;
        case WizardView::live:
            view_title = UiText::view_live;
            break;
        case WizardView::receipt:
            view_title = UiText::view_receipt;
            break;
    }
    platform::set_page_title(std::string(ui_text(view_title, lang)) + " — Pathwise");
}

}  // namespace pathwise::web
