// All clients: for the current proxy address, every catalog client with its base URL, its requests and
// whether they all reach a route.
#include <imgui.h>

#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/resolution.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {

void draw_all_clients_view(WizardApp& app) {
    const std::string origin = effective_proxy_origin(app);
    text_colored(colors::dim, tr(app, UiText::proxy_address));
    ImGui::SameLine();
    ImGui::PushFont(mono_font());
    text(origin);
    ImGui::PopFont();
    final_path_legend(app);

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("all_clients", 4, kFlags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(app, UiText::col_client), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(app, UiText::col_base), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr(app, UiText::col_paths), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(app, UiText::col_status), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& client : client_catalog()) {
        const auto recommendation = recommend(client, "", origin);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = std::string(client.name) + "###row_" + std::string(client.id);
        if (ImGui::Selectable(label.c_str(), app.state.client_id == client.id)) {
            app.state.client_id = std::string(client.id);
            app.state.client_version.clear();
            app.state.view = WizardView::setup;
        }
        remember_last_item("row_" + std::string(client.id));
        text_colored(colors::dim, client.id);
        ImGui::TableNextColumn();
        if (!recommendation) {
            inline_error(url_error_text(recommendation.error().code, effective_lang(app)));
            continue;
        }
        ImGui::PushFont(mono_font());
        text(recommendation->base_url);
        ImGui::TableNextColumn();
        for (const auto& call : recommendation->resolution.calls) {
            if (call.websocket_upgrade) continue;
            text_colored(colors::dim, std::string(method_name(call.method)) + " ");
            ImGui::SameLine(0, 0);
            text_colored(colors::base_part, call.base_part);
            ImGui::SameLine(0, 0);
            text_colored(colors::client_part, call.client_part);
            if (!call.query.empty()) {
                ImGui::SameLine(0, 0);
                text_colored(colors::dim, "?" + call.query);
            }
        }
        ImGui::PopFont();
        ImGui::TableNextColumn();
        if (!recommendation->reachable) {
            text_colored(colors::bad, tr(app, UiText::status_unreachable));
        } else if (recommendation->resolution.all_calls_routed) {
            text_colored(colors::good, tr(app, UiText::status_ok));
            for (const ExtraSetting* setting : recommendation->settings)
                text_colored(colors::warn, "+ " + std::string(setting->name) + "=" + std::string(setting->value));
        } else {
            text_colored(colors::bad, tr(app, UiText::status_broken));
        }
        // Its chat call's upstream: what decides whether the client's requests are translated.
        for (const auto& call : recommendation->resolution.calls) {
            if (call.route == nullptr || !call.route->chat || !call.sent || call.websocket_upgrade) continue;
            if (const auto line = served_by_text(app.ui.upstreams, call, client.protocol, effective_lang(app))) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(colors::dim));
                text_wrapped(*line);
                ImGui::PopStyleColor();
            }
            break;
        }
    }
    ImGui::EndTable();
}

}  // namespace pathwise::web
