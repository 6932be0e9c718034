// frame.hpp — one wizard frame, shared by both platforms: the screen (panels), the URL and the page title.
#pragma once

#include <string>

#include "wizard_state.hpp"

namespace pathwise::web {

// Call between the backends' NewFrame and ImGui::NewFrame: a slow frame (software WebGL, a busy tab) must
// not count as a key held past io.KeyRepeatDelay, or one Ctrl+V pastes twice.
void limit_frame_time();
// Style for this pixel scale (call after load_fonts).
void apply_style(float scale);
// The whole screen, inside ImGui::NewFrame() … ImGui::Render().
void draw_wizard(WizardApp& app);
// After a frame: writes the share link into the URL fragment and the page title when they changed.
void publish_state(WizardApp& app);
// What tests read: view, client, computed base URLs and paths, diagnosis, notes (JSON text).
[[nodiscard]] std::string state_json(const WizardApp& app);

}  // namespace pathwise::web
