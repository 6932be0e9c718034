// panels.hpp — one function per part of the screen. Each reads and writes WizardApp only.
#pragma once

#include "wizard_state.hpp"

namespace pathwise::web {

void draw_header(WizardApp& app);        // title, view buttons, language, copy link
void draw_link_notes(WizardApp& app);    // what the opened link had that was ignored
void draw_client_list(WizardApp& app);   // searchable picker grouped by protocol
void draw_client_combo(WizardApp& app);  // the compact picker of the Check view
void draw_setup_view(WizardApp& app);
void draw_check_view(WizardApp& app);
void draw_log_view(WizardApp& app);
void draw_all_clients_view(WizardApp& app);
void draw_live_view(WizardApp& app);
void draw_receipt_view(WizardApp& app);  // a failure receipt someone shared

}  // namespace pathwise::web
