// The top bar: which view, which language, and the link that reopens exactly this screen.
#include <imgui.h>

#include <algorithm>

#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/share_link.hpp"
#include "platform.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

struct ViewButton {
    WizardView view;
    UiText label;
};
constexpr ViewButton kViewButtons[] = {
    {WizardView::setup, UiText::view_setup}, {WizardView::check, UiText::view_check},
    {WizardView::log, UiText::view_log},     {WizardView::all_clients, UiText::view_all},
    {WizardView::live, UiText::view_live},
};

constexpr Lang kLanguages[] = {Lang::en, Lang::fr, Lang::es};
constexpr const char* kLanguageNames[] = {"English", "Français", "Español"};

}  // namespace

void draw_header(WizardApp& app) {
    text(ui_text(UiText::app_title, effective_lang(app)));
    ImGui::Spacing();
    for (const auto& button : kViewButtons) {
        const bool current = app.state.view == button.view;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const std::string label = std::string(tr(app, button.label)) + "###view_" + std::string(view_name(button.view));
        if (ImGui::Button(label.c_str())) app.state.view = button.view;
        if (current) ImGui::PopStyleColor();
        remember_last_item("view_" + std::string(view_name(button.view)));
        ImGui::SameLine();
    }

    const Lang lang = effective_lang(app);
    const float combo_width = ImGui::CalcTextSize("Français").x + ImGui::GetFrameHeight() * 1.6f;
    const float link_width =
        std::max(ImGui::CalcTextSize(tr(app, UiText::copied)).x, ImGui::CalcTextSize(tr(app, UiText::copy_link)).x) +
        ImGui::GetStyle().FramePadding.x * 2;
    const float right_edge = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX(), right_edge - combo_width - link_width - ImGui::GetStyle().ItemSpacing.x * 2));
    ImGui::SetNextItemWidth(combo_width);
    if (ImGui::BeginCombo("###language", kLanguageNames[static_cast<int>(lang)])) {
        for (std::size_t i = 0; i < std::size(kLanguages); ++i) {
            if (ImGui::Selectable(kLanguageNames[i], kLanguages[i] == lang)) {
                app.state.lang = kLanguages[i];
                app.state.lang_explicit = true;
            }
            remember_last_item(std::string("lang_") + std::string(lang_code(kLanguages[i])));
        }
        ImGui::EndCombo();
    }
    remember_last_item("language");
    ImGui::SameLine();
    const bool just_copied = app.ui.copied_label == "link" && platform::now_seconds() - app.ui.copied_at < 1.5;
    const std::string label =
        std::string(just_copied ? tr(app, UiText::copied) : tr(app, UiText::copy_link)) + "###copy_link";
    if (ImGui::Button(label.c_str())) {
        platform::copy_to_clipboard(platform::share_link(encode_share_link(app.state)));
        app.ui.copied_label = "link";
        app.ui.copied_at = platform::now_seconds();
    }
    remember_last_item("copy_link");
    ImGui::Separator();
}

void draw_link_notes(WizardApp& app) {
    if (app.ui.link_notes.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.25f, 0.05f, 0.55f));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float height =
        line * static_cast<float>(app.ui.link_notes.size() + 1) + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("link_notes", ImVec2(0, height), true);
    text_colored(colors::warn, std::string("⚠ ") + tr(app, UiText::link_notes_title));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr(app, UiText::dismiss)).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    const bool dismiss = ImGui::SmallButton(tr(app, UiText::dismiss));
    remember_last_item("dismiss_notes");
    for (const auto& note : app.ui.link_notes) {
        const std::string field = note.field.empty() ? "" : "[" + note.field + "] ";
        text("• " + field + note.message);
    }
    ImGui::EndChild();
    remember_last_item("link_notes");
    ImGui::PopStyleColor();
    if (dismiss) app.ui.link_notes.clear();
}

}  // namespace pathwise::web
