// Receipt: one request someone shared from their Live view (failure_receipt.hpp) — its redacted facts, then what
// this copy of Pathwise makes of them, in the reader's language.
#include <imgui.h>

#include "panels/panels.hpp"
#include "panels/widgets.hpp"
#include "pathwise/failure_receipt.hpp"
#include "widget_rects.hpp"

namespace pathwise::web {
namespace {

std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? std::string("—") : out;
}

void fact_row(const WizardApp& app, UiText label, std::string_view value, bool mono = false) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_colored(colors::dim, tr(app, label));
    ImGui::TableNextColumn();
    if (mono) ImGui::PushFont(mono_font());
    text_wrapped(value);
    if (mono) ImGui::PopFont();
}

}  // namespace

void draw_receipt_view(WizardApp& app) {
    const FailureReceipt& receipt = app.state.receipt;
    section_title(app, UiText::view_receipt);
    if (receipt.empty()) {
        text_wrapped(tr(app, UiText::receipt_empty));
        remember_last_item("receipt_empty");
        return;
    }
    text_colored(colors::dim, tr(app, UiText::receipt_intro));
    ImGui::Spacing();
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("receipt_facts", 2, kFlags)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 4.0f);
        fact_row(app, UiText::receipt_request, receipt.method + " " + receipt.path, true);
        fact_row(app, UiText::receipt_query_keys, listed(receipt.query_keys), true);
        fact_row(app, UiText::receipt_header_names, listed(receipt.header_names), true);
        fact_row(app, UiText::col_status, receipt.status == 0 ? std::string("—") : std::to_string(receipt.status));
        fact_row(app, UiText::receipt_failed_at, failed_at_name(receipt.failed_at));
        if (!receipt.diagnosis_kind.empty()) fact_row(app, UiText::receipt_proxy_said, receipt.diagnosis_kind, true);
        if (!receipt.error.empty()) fact_row(app, UiText::receipt_error, receipt.error, true);
        if (!receipt.client.empty()) {
            fact_row(app, UiText::col_client,
                     receipt.client + (receipt.client_version.empty() ? "" : " " + receipt.client_version));
        }
        if (!receipt.fixed_base_url.empty()) fact_row(app, UiText::receipt_fixed_base, receipt.fixed_base_url, true);
        ImGui::EndTable();
    }
    remember_last_item("receipt_facts");
    section_title(app, UiText::receipt_reading);
    const bool failed = receipt.failed_at != FailedAt::nothing;
    text_colored(failed ? colors::bad : colors::good, failed ? "✗" : "✓");
    ImGui::SameLine();
    text_wrapped(explain_receipt(read_receipt(receipt), effective_lang(app)));
    remember_last_item("receipt_reading");
}

}  // namespace pathwise::web
