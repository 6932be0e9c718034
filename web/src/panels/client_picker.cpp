// The client picker: a search box over the catalog, grouped by the protocol each client speaks.
#include <imgui.h>

#include <string>
#include <string_view>

#include "misc/cpp/imgui_stdlib.h"
#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/client_catalog.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

constexpr Protocol kProtocolOrder[] = {Protocol::openai, Protocol::anthropic, Protocol::gemini};

std::string_view protocol_label(Protocol protocol) {
    switch (protocol) {
        case Protocol::openai:
            return "OpenAI";
        case Protocol::anthropic:
            return "Anthropic";
        case Protocol::gemini:
            return "Gemini";
        case Protocol::service:
            break;
    }
    return "Pathwise";
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
    return ascii::lowercase(haystack).find(ascii::lowercase(needle)) != std::string::npos;
}

bool matches_search(const ClientEntry& client, std::string_view search) {
    return contains_ignoring_case(client.name, search) || contains_ignoring_case(client.id, search) ||
           contains_ignoring_case(client.product, search) ||
           contains_ignoring_case(protocol_label(client.protocol), search);
}

void choose_client(WizardApp& app, const ClientEntry& client) {
    if (app.state.client_id == client.id) return;
    app.state.client_id = std::string(client.id);
    app.state.client_version.clear();  // a version only means something for the client it was picked for
}

}  // namespace

void draw_client_list(WizardApp& app) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###client_search", tr(app, UiText::search_clients), &app.ui.client_search);
    remember_last_item("client_search");
    ImGui::BeginChild("client_list", ImVec2(0, 0), false);
    bool any = false;
    for (const Protocol protocol : kProtocolOrder) {
        bool header_drawn = false;
        for (const auto& client : client_catalog()) {
            if (client.protocol != protocol || !matches_search(client, app.ui.client_search)) continue;
            if (!header_drawn) {
                ImGui::Spacing();
                text_colored(colors::dim, protocol_label(protocol));
                ImGui::Separator();
                header_drawn = true;
            }
            any = true;
            const std::string label = std::string(client.name) + "###client_" + std::string(client.id);
            if (ImGui::Selectable(label.c_str(), app.state.client_id == client.id)) choose_client(app, client);
            remember_last_item("client_" + std::string(client.id));
        }
    }
    if (!any) text_colored(colors::dim, tr(app, UiText::no_match));
    ImGui::EndChild();
}

void draw_client_combo(WizardApp& app) {
    const ClientEntry* chosen = find_client(app.state.client_id);
    const std::string preview = chosen ? std::string(chosen->name) : std::string("—");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo(tr(app, UiText::client), preview.c_str())) {
        for (const Protocol protocol : kProtocolOrder) {
            text_colored(colors::dim, protocol_label(protocol));
            for (const auto& client : client_catalog()) {
                if (client.protocol != protocol) continue;
                const std::string label = "  " + std::string(client.name) + "###combo_" + std::string(client.id);
                if (ImGui::Selectable(label.c_str(), chosen == &client)) choose_client(app, client);
                remember_last_item("combo_" + std::string(client.id));
            }
        }
        ImGui::EndCombo();
    }
    remember_last_item("client_combo");
}

}  // namespace pathwise::web
