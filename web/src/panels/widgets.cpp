#include "panels/widgets.hpp"

#include <imgui_internal.h>

#include "fonts.hpp"
#include "pathwise/diagnosis.hpp"
#include "platform.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

ImFont* g_mono_font = nullptr;  // UI-thread only, set once per font-atlas rebuild

constexpr double kCopiedFeedbackSeconds = 1.5;

}  // namespace

void set_panel_fonts(const Fonts& fonts) {
    g_mono_font = fonts.mono;
}
ImFont* mono_font() {
    return g_mono_font ? g_mono_font : ImGui::GetFont();
}

const char* tr(const WizardApp& app, UiText id) {
    return ui_text(id, effective_lang(app)).data();
}

void text(std::string_view value) {
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
}

void text_colored(const ImVec4& color, std::string_view value) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    text(value);
    ImGui::PopStyleColor();
}

void text_wrapped(std::string_view value) {
    ImGui::PushTextWrapPos(0.0f);
    text(value);
    ImGui::PopTextWrapPos();
}

void section_title(const WizardApp& app, UiText id) {
    ImGui::Spacing();
    text_colored(colors::dim, ui_text(id, effective_lang(app)));
}

bool copy_button_clicked(WizardApp& app, std::string_view name, UiText label) {
    const bool just_copied =
        app.ui.copied_label == name && platform::now_seconds() - app.ui.copied_at < kCopiedFeedbackSeconds;
    const std::string shown =
        std::string(just_copied ? tr(app, UiText::copied) : tr(app, label)) + "###copy_" + std::string(name);
    const bool clicked = ImGui::SmallButton(shown.c_str());
    if (clicked) {
        app.ui.copied_label = std::string(name);
        app.ui.copied_at = platform::now_seconds();
    }
    remember_last_item("copy_" + std::string(name));
    return clicked;
}

void copy_button(WizardApp& app, std::string_view name, std::string_view value) {
    if (copy_button_clicked(app, name, UiText::copy)) platform::copy_to_clipboard(value);
}

void code_box(WizardApp& app, std::string_view name, std::string_view value) {
    const float copy_width = ImGui::CalcTextSize(tr(app, UiText::copied)).x + ImGui::GetStyle().FramePadding.x * 4;
    const float wrap_width = ImGui::GetContentRegionAvail().x - copy_width;
    ImGui::PushFont(mono_font());
    const ImVec2 size = ImGui::CalcTextSize(value.data(), value.data() + value.size(), false, wrap_width);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::GetWindowDrawList()->AddRectFilled(
        start, ImVec2(start.x + wrap_width + padding.x * 2, start.y + size.y + padding.y * 2),
        ImGui::GetColorU32(ImVec4(0.02f, 0.03f, 0.05f, 0.75f)), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(start.x + padding.x, start.y + padding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_width);
    text(value);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    remember_last_item("code_" + std::string(name));
    ImGui::SetCursorScreenPos(ImVec2(start.x + wrap_width + padding.x * 3, start.y));
    copy_button(app, name, value);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + size.y + padding.y * 2));
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 0.5f));
}

void inline_error(std::string_view message) {
    text_colored(colors::bad, "⚠ " + std::string(message));
}

void final_path_line(const WizardApp& app, const ResolvedCall& call, const ClientEntry* client) {
    ImGui::PushFont(mono_font());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    text_colored(colors::dim, std::string(method_name(call.method)) + " ");
    ImGui::SameLine();
    text_colored(colors::dim, call.origin);
    if (!call.base_part.empty()) {
        ImGui::SameLine();
        text_colored(colors::base_part, call.base_part);
    }
    ImGui::SameLine();
    text_colored(colors::client_part, call.client_part);
    if (!call.query.empty()) {
        ImGui::SameLine();
        text_colored(colors::dim, "?" + call.query);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::SameLine();
    if (call.websocket_upgrade) {
        text_colored(colors::dim, std::string("  ↺ ") + tr(app, UiText::websocket_note));
    } else if (call.route != nullptr) {
        text_colored(colors::good,
                     std::string("  ✓ ") + tr(app, UiText::reaches_route) + " " + std::string(call.route->id));
    } else if (call.other_route != nullptr && client != nullptr) {
        // What the proxy answers there (diagnosis.hpp): the same prediction the doctor prints.
        const bool refused = proxy_refuses_crossing(*client, call);
        text_colored(colors::bad, std::string("  ✗ ") + std::string(call.other_route->id) + ": " +
                                      tr(app, refused ? UiText::other_route_refused : UiText::other_route_wrong_shape));
    } else {
        text_colored(colors::bad, std::string("  ✗ ") + tr(app, UiText::no_route));
    }
}

void served_by_line(const WizardApp& app, const ResolvedCall& call, Protocol client_family) {
    const auto line = served_by_text(app.ui.upstreams, call, client_family, effective_lang(app));
    if (!line) return;
    ImGui::Indent();
    text_colored(colors::dim, "↳ " + *line);
    ImGui::Unindent();
}

void final_path_legend(const WizardApp& app) {
    const auto swatch = [](const ImVec4& color) {
        const float side = ImGui::GetTextLineHeight() * 0.7f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float inset = (ImGui::GetTextLineHeight() - side) * 0.5f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + inset), ImVec2(at.x + side, at.y + inset + side),
                                                  ImGui::GetColorU32(color), 2.0f);
        ImGui::Dummy(ImVec2(side, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
    };
    swatch(colors::base_part);
    text_colored(colors::base_part, tr(app, UiText::legend_base));
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    swatch(colors::client_part);
    text_colored(colors::client_part, tr(app, UiText::legend_client));
}

}  // namespace pathwise::web
