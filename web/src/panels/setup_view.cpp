// Set up: pick a client, get the exact base URL to type, where to type it, and what it will send.
#include <imgui.h>

#include "misc/cpp/imgui_stdlib.h"
#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/client_catalog.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/url.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

void draw_version_picker(WizardApp& app, const ClientEntry& client) {
    if (client.variants.size() < 2) return;
    const ClientVariant& current = pick_variant(client, app.state.client_version);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo(tr(app, UiText::version), std::string(current.versions).c_str())) {
        for (std::size_t i = 0; i < client.variants.size(); ++i) {
            const ClientVariant& variant = client.variants[i];
            std::string label = std::string(variant.versions);
            if (!variant.measured.empty()) label += "  (" + std::string(variant.measured) + ")";
            label += "###variant_" + std::to_string(i);
            // The core's version_selecting, so a variant without version bounds (Cherry Studio's builds)
            // is selected by its label; the picked variant is pinned in the link, even the newest.
            if (ImGui::Selectable(label.c_str(), &variant == &current))
                app.state.client_version = std::string(version_selecting(variant));
            remember_last_item("variant_" + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    remember_last_item("version");
}

void draw_proxy_address(WizardApp& app) {
    std::string shown = effective_proxy_origin(app);
    ImGui::AlignTextToFramePadding();
    text(tr(app, UiText::proxy_address));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    if (ImGui::InputText("###proxy_origin", &shown)) app.state.proxy_origin = shown;
    remember_last_item("proxy_origin");
    ImGui::SameLine();
    text_colored(colors::dim, tr(app, UiText::proxy_address_hint));
    if (!app.state.proxy_origin.empty()) {
        const auto parsed = parse_base_url(app.state.proxy_origin);
        if (!parsed) inline_error(url_error_text(parsed.error().code, effective_lang(app)));
    }
}

void draw_recommendation(WizardApp& app, const Recommendation& recommendation) {
    const Lang lang = effective_lang(app);
    if (!recommendation.reachable) {
        text_colored(colors::bad, std::string("✗ ") + tr(app, UiText::unreachable));
        for (const Text& caveat : recommendation.variant->caveats) text_wrapped(caveat.in(lang));
        ImGui::Spacing();
    }
    section_title(app, UiText::type_this_base);
    code_box(app, "base_url", recommendation.base_url);

    if (!recommendation.examples.empty()) {
        section_title(app, UiText::where_to_type);
        for (std::size_t i = 0; i < recommendation.examples.size(); ++i) {
            const EntryPoint* entry = i < recommendation.entry_points.size() ? recommendation.entry_points[i] : nullptr;
            if (entry != nullptr) text("• " + std::string(entry->name) + "  (" + std::string(entry->kind) + ")");
            code_box(app, "entry_" + std::to_string(i), recommendation.examples[i]);
        }
    }
    if (!recommendation.settings.empty()) {
        section_title(app, UiText::extra_settings);
        for (std::size_t i = 0; i < recommendation.settings.size(); ++i) {
            const ExtraSetting& setting = *recommendation.settings[i];
            text("• " + std::string(setting.where));
            if (setting.required) {
                ImGui::SameLine();
                text_colored(colors::warn, tr(app, UiText::setting_required));
            }
            code_box(app, "setting_" + std::to_string(i),
                     std::string(setting.name) + " = " + std::string(setting.value));
            ImGui::Indent();
            text_wrapped(setting.why.in(lang));
            ImGui::Unindent();
        }
    }
    if (recommendation.reachable && !recommendation.variant->caveats.empty()) {
        section_title(app, UiText::caveats);
        for (const Text& caveat : recommendation.variant->caveats) text_wrapped("• " + std::string(caveat.in(lang)));
    }

    section_title(app, UiText::final_paths);
    final_path_legend(app);
    for (const auto& call : recommendation.resolution.calls) {
        final_path_line(app, call, recommendation.client);
        served_by_line(app, call, recommendation.client->protocol);
    }

    if (!recommendation.verify.empty()) {
        section_title(app, UiText::verify);
        for (const auto& command : recommendation.verify)
            code_box(app, "verify_" + std::string(command.shell), command.command);
    }
}

}  // namespace

void draw_setup_view(WizardApp& app) {
    draw_proxy_address(app);
    ImGui::Spacing();
    const float list_width = ImGui::GetFontSize() * 21;
    ImGui::BeginChild("setup_clients", ImVec2(list_width, 0), true);
    draw_client_list(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("setup_details", ImVec2(0, 0), true);
    const ClientEntry* client = find_client(app.state.client_id);
    if (client == nullptr) {
        text_colored(colors::dim, tr(app, UiText::pick_client));
    } else {
        text(client->name);
        ImGui::SameLine();
        text_colored(colors::dim, "(" + std::string(client->id) + ")");
        draw_version_picker(app, *client);
        const auto recommendation = recommend(*client, app.state.client_version, effective_proxy_origin(app));
        if (!recommendation) {
            inline_error(url_error_text(recommendation.error().code, effective_lang(app)));
        } else {
            draw_recommendation(app, *recommendation);
        }
    }
    ImGui::EndChild();
}

}  // namespace pathwise::web
