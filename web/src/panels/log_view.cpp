// Explain a log line: a request path the proxy (or any server) logged → what went wrong and how to fix it.
#include <imgui.h>

#include "log_line.hpp"
#include "misc/cpp/imgui_stdlib.h"
#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/diagnosis.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {

void draw_log_view(WizardApp& app) {
    const Lang lang = effective_lang(app);
    text(tr(app, UiText::log_input));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###log_path", tr(app, UiText::log_hint), &app.state.log_path);
    remember_last_item("log_path");
    ImGui::Spacing();
    const RequestFacts facts = facts_from_log_line(app.state.log_path);
    if (facts.target.empty()) return;
    if (facts.target.front() != '/') {
        inline_error(tr(app, UiText::log_hint));
        return;
    }
    const Diagnosis diagnosis = diagnose_request(facts, effective_proxy_origin(app));

    ImGui::BeginChild("log_result", ImVec2(0, 0), true);
    const bool fine = diagnosis.kind == DiagnosisKind::ok;
    text_colored(fine ? colors::good : colors::bad,
                 std::string(fine ? "✓ " : "✗ ") + std::string(title(diagnosis.kind, lang)));
    remember_last_item("log_title");
    text_wrapped(explain(diagnosis, lang));
    if (diagnosis.intended != nullptr) {
        ImGui::Spacing();
        text_colored(colors::dim, tr(app, UiText::intended_route));
        ImGui::SameLine();
        ImGui::PushFont(mono_font());
        text(std::string(method_name(diagnosis.intended->method)) + " " + diagnosis.intended_path + "  (" +
             std::string(diagnosis.intended->id) + ")");
        ImGui::PopFont();
    }
    if (!fine) {
        section_title(app, UiText::fixed_base);
        if (diagnosis.fixed_base_url.empty()) {
            text_colored(colors::dim, tr(app, UiText::depends_on_client));
        } else {
            code_box(app, "log_fixed_base_url", diagnosis.fixed_base_url);
        }
    }
    ImGui::EndChild();
}

}  // namespace pathwise::web
