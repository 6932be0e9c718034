// Live: the proxy's recent requests (newest first), each with the route it hit or the diagnosis of its 404, and
// a button that copies it as a redacted failure receipt link.
#include <imgui.h>

#include <ctime>
#include <vector>

#include "misc/cpp/imgui_stdlib.h"
#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/failure_receipt.hpp"
#include "platform.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

// The wizard's own polling (this view's feed, and the "served by" lines' upstreams) would bury everything else.
bool is_own_polling(const RequestRecord& request) {
    return request.path.rfind("/_pathwise/requests", 0) == 0 || request.path.rfind("/_pathwise/upstreams", 0) == 0;
}

// Answered without a route and without a diagnosis: a file of the wizard itself, not an API call.
bool is_page_load(const RequestRecord& request) {
    return request.route_id.empty() && request.diagnosis.empty() && request.repaired_to.empty() &&
           request.status >= 200 && request.status < 400;
}

std::string clock_time(std::int64_t unix_ms) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char out[16];
    std::strftime(out, sizeof out, "%H:%M:%S", &parts);
    return out;
}

// The request as a receipt link (failure_receipt.hpp): computed on the click only, not every frame.
void receipt_button(WizardApp& app, const RequestRecord& request, std::size_t row) {
    ImGui::PushID(static_cast<int>(row));
    if (copy_button_clicked(app, "receipt_" + std::to_string(request.unix_ms), UiText::receipt_copy)) {
        WizardState receipt_state;
        receipt_state.view = WizardView::receipt;
        receipt_state.receipt = receipt_for(request, effective_proxy_origin(app));
        platform::copy_to_clipboard(platform::share_link(encode_share_link(receipt_state)));
    }
    ImGui::PopID();
}

void draw_request_row(WizardApp& app, const RequestRecord& request, std::size_t row) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_colored(colors::dim, clock_time(request.unix_ms));
    ImGui::TableNextColumn();
    ImGui::PushFont(mono_font());
    text(request.method + " " + request.path);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    const bool good = request.status >= 200 && request.status < 400;
    text_colored(good ? colors::good : colors::bad, std::to_string(request.status));
    ImGui::TableNextColumn();
    if (!request.route_id.empty() && (request.diagnosis_kind.empty() || request.diagnosis_kind == "ok")) {
        text_colored(colors::good, "✓ " + request.route_id);
    } else if (is_page_load(request)) {
        text_colored(colors::dim, "—");  // answered without a route: the wizard's own files
    } else {
        text_colored(colors::bad,
                     "✗ " + (request.diagnosis_kind.empty() ? std::string("unknown") : request.diagnosis_kind));
        if (!request.diagnosis.empty()) text_wrapped(request.diagnosis);
        if (!request.fixed_base_url.empty()) {
            ImGui::PushFont(mono_font());
            text_colored(colors::warn, "→ " + request.fixed_base_url);
            ImGui::PopFont();
        }
        if (!request.repaired_to.empty()) text_colored(colors::dim, "↳ " + request.repaired_to);
        // The client its headers name, and the exact setting it must change (the proxy's words, in English).
        if (!request.client_fix.empty()) text_colored(colors::warn, request.client_fix);
    }
    if (!request.error.empty()) text_colored(colors::bad, request.error);
    ImGui::TableNextColumn();
    receipt_button(app, request, row);
}

}  // namespace

void draw_live_view(WizardApp& app) {
    LiveFeed& feed = app.ui.live;
    if (!platform::can_fetch_live()) {
        text_wrapped(tr(app, UiText::live_unavailable));
        return;
    }
    const std::string origin = effective_proxy_origin(app);
    constexpr double kRefreshSeconds = 1.0;
    if (!feed.fetch_in_flight && platform::now_seconds() - feed.last_fetch_at >= kRefreshSeconds) {
        feed.fetch_in_flight = true;
        feed.last_fetch_at = platform::now_seconds();
        platform::start_live_fetch(origin, app.ui.api_key);
    }

    text_colored(colors::dim, origin + "/_pathwise/requests — " + tr(app, UiText::live_refreshing));
    switch (feed.status) {
        case LiveStatus::waiting:
            text(tr(app, UiText::live_waiting));
            break;
        case LiveStatus::proxy_down:
            inline_error(fill(tr(app, UiText::live_down), origin));
            break;
        case LiveStatus::unauthorized:
            text_colored(colors::warn, tr(app, UiText::live_unauthorized));
            break;
        case LiveStatus::bad_reply:
            inline_error(fill(tr(app, UiText::live_bad_reply), feed.detail));
            break;
        case LiveStatus::ok:
        case LiveStatus::not_available:
            break;
    }
    remember_last_item("live_status");
    if (feed.status == LiveStatus::unauthorized || !app.ui.api_key.empty()) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputText(tr(app, UiText::api_key), &app.ui.api_key, ImGuiInputTextFlags_Password);
        remember_last_item("api_key");
    }
    if (feed.status != LiveStatus::ok) return;
    ImGui::Checkbox(tr(app, UiText::live_show_page_loads), &app.ui.live_show_page_loads);
    remember_last_item("live_show_page_loads");
    std::vector<const RequestRecord*> shown;
    for (const auto& request : feed.requests) {
        if (is_own_polling(request)) continue;
        if (!app.ui.live_show_page_loads && is_page_load(request)) continue;
        shown.push_back(&request);
    }
    if (shown.empty()) {
        text_colored(colors::dim, tr(app, UiText::live_empty));
        return;
    }
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("live_requests", 5, kFlags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(app, UiText::col_time), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn(tr(app, UiText::col_request), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(app, UiText::col_status), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(tr(app, UiText::col_route), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(app, UiText::col_receipt), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (std::size_t row = 0; row < shown.size(); ++row) draw_request_row(app, *shown[row], row);
    ImGui::EndTable();
}

}  // namespace pathwise::web
