// Check my URL: paste the base URL a client has now → the requests it will send, which ones miss, why,
// and the base URL to type instead.
#include <imgui.h>

#include "misc/cpp/imgui_stdlib.h"
#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/diagnosis.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

void draw_call_problem(const WizardApp& app, const ResolvedCall& call) {
    if (call.route != nullptr || call.websocket_upgrade) return;
    std::string target = call.path;
    if (!call.query.empty()) target += "?" + call.query;
    RequestFacts facts;
    facts.method = call.method;
    facts.target = target;
    const Diagnosis diagnosis = diagnose_request(facts, effective_proxy_origin(app));
    ImGui::Indent();
    text_colored(colors::bad, "↳ " + std::string(title(diagnosis.kind, effective_lang(app))));
    if (!diagnosis.intended_path.empty()) {
        ImGui::SameLine();
        text_colored(colors::dim, std::string("→ ") + diagnosis.intended_path);
    }
    ImGui::Unindent();
}

}  // namespace

void draw_check_view(WizardApp& app) {
    const Lang lang = effective_lang(app);
    draw_client_combo(app);
    const ClientEntry* client = find_client(app.state.client_id);
    ImGui::Spacing();
    text(tr(app, UiText::current_base));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("###typed_base_url", "http://127.0.0.1:8045/v1", &app.state.typed_base_url);
    remember_last_item("typed_base_url");
    text_colored(colors::dim, tr(app, UiText::paste_hint));
    ImGui::Spacing();

    if (client == nullptr) {
        text_colored(colors::warn, tr(app, UiText::choose_client_first));
        return;
    }
    if (app.state.typed_base_url.empty()) return;
    const auto checked = diagnose_client(*client, app.state.client_version, app.state.typed_base_url);
    if (!checked) {
        inline_error(url_error_text(checked.error().code, lang));
        remember_last_item("check_error");
        return;
    }
    const ClientDiagnosis& result = *checked;

    ImGui::BeginChild("check_result", ImVec2(0, 0), true);
    section_title(app, UiText::final_paths);
    final_path_legend(app);
    for (const auto& call : result.resolution.calls) {
        final_path_line(app, call, result.resolution.client);
        draw_call_problem(app, call);
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (result.diagnosis.kind == DiagnosisKind::ok) {
        text_colored(colors::good, tr(app, UiText::all_good));
        remember_last_item("check_verdict");
    } else {
        text_colored(colors::bad, std::string("✗ ") + std::string(title(result.diagnosis.kind, lang)));
        remember_last_item("check_verdict");
        text_wrapped(explain(result.diagnosis, lang));
        section_title(app, UiText::type_instead);
        code_box(app, "fixed_base_url", result.recommended_base_url);
        for (const ExtraSetting* setting : result.settings_needed) {
            text("• " + std::string(setting->where) + ": " + std::string(setting->name) + " = " +
                 std::string(setting->value));
        }
    }
    ImGui::EndChild();
}

}  // namespace pathwise::web
