// ui_text.hpp — the wizard's own words (labels, buttons, messages) in every language.
// Client facts and diagnoses are not here: they come translated from the core (catalog Text, explain()).
#pragma once

#include <string_view>

#include "pathwise/i18n.hpp"

namespace pathwise::web {

enum class UiText : unsigned char {
    app_title,
    view_setup,
    view_check,
    view_log,
    view_all,
    view_live,
    language,
    copy_link,
    copy,
    copied,
    link_notes_title,
    dismiss,
    proxy_address,
    proxy_address_hint,
    search_clients,
    pick_client,
    no_match,
    version,
    type_this_base,
    unreachable,
    where_to_type,
    extra_settings,
    caveats,
    final_paths,
    legend_base,
    legend_client,
    reaches_route,
    no_route,
    other_route_refused,
    other_route_wrong_shape,
    websocket_note,
    verify,
    client,
    current_base,
    paste_hint,
    all_good,
    type_instead,
    choose_client_first,
    per_call_problem,
    err_empty,
    err_bad_scheme,
    err_bad_port,
    err_space_inside,
    err_no_host,
    err_bad_host,
    err_not_a_url,
    err_credentials,
    err_other,
    log_input,
    log_hint,
    fixed_base,
    intended_route,
    depends_on_client,
    col_client,
    col_base,
    col_paths,
    col_status,
    status_ok,
    status_broken,
    status_unreachable,
    live_unavailable,
    live_waiting,
    live_down,
    live_unauthorized,
    live_bad_reply,
    api_key,
    live_empty,
    col_time,
    col_request,
    col_route,
    live_refreshing,
    live_show_page_loads,
    served_by_heading,
    served_by,
    passage_pass_through,
    passage_translated,
    passage_refused,
    passage_estimated,
    upstream_unknown,
    upstream_needs_key,
    count_  // keep last
};

[[nodiscard]] std::string_view ui_text(UiText id, Lang lang);
// Translated text for a parse_base_url() error code ("bad_port", …); unknown codes → err_other.
[[nodiscard]] std::string_view url_error_text(std::string_view code, Lang lang);

}  // namespace pathwise::web
