// widgets.hpp — the small pieces the panels share: translated labels, copy buttons, code boxes and the
// two-colour final request path.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "pathwise/resolution.hpp"
#include "ui_text.hpp"
#include "wizard_state.hpp"

namespace pathwise::web {

struct Fonts;

namespace colors {
// ImGui 1.86's ImVec4 has no constexpr constructor, so an `inline const ImVec4` here is initialised at run time, in
// the static-initialisation order of whichever file gets there first. These are compile-time constants that
// become an ImVec4 where they are drawn.
struct Rgba {
    float r, g, b, a;
    operator ImVec4() const { return {r, g, b, a}; }  // implicit, so every `const ImVec4&` parameter takes one
};
inline constexpr Rgba base_part{1.00f, 0.77f, 0.34f, 1.0f};    // the part of the path that came from the base URL
inline constexpr Rgba client_part{0.43f, 0.80f, 1.00f, 1.0f};  // the part the client appended
inline constexpr Rgba dim{0.62f, 0.65f, 0.72f, 1.0f};
inline constexpr Rgba good{0.47f, 0.86f, 0.55f, 1.0f};
inline constexpr Rgba bad{1.00f, 0.45f, 0.45f, 1.0f};
inline constexpr Rgba warn{1.00f, 0.80f, 0.35f, 1.0f};
}  // namespace colors

// The UI's fonts (set by the platform after load_fonts).
void set_panel_fonts(const Fonts& fonts);
ImFont* mono_font();

// Label text for the app's current language, as a C string for ImGui (all UI texts are literals).
[[nodiscard]] const char* tr(const WizardApp& app, UiText id);
void text(std::string_view value);
void text_colored(const ImVec4& color, std::string_view value);
void text_wrapped(std::string_view value);
void section_title(const WizardApp& app, UiText id);

// "Copy" button that turns into "Copied ✓" for a moment; `name` is also its test handle.
void copy_button(WizardApp& app, std::string_view name, std::string_view value);
// The same button with its own label, for a value worth computing only when pressed: true on the click (the
// caller copies). Its test handle is "copy_" + name.
[[nodiscard]] bool copy_button_clicked(WizardApp& app, std::string_view name, UiText label);
// Monospace, wrapped, on a darker band, with a copy button on its right.
void code_box(WizardApp& app, std::string_view name, std::string_view value);
// A red/amber line under an input, with the symbol first so it reads without colour too.
void inline_error(std::string_view message);

// METHOD origin[base part][client part]?query  → route id ✓ / no route ✗
// `client` (the resolution's) lets a call that lands on another API's route say what the proxy answers there.
void final_path_line(const WizardApp& app, const ResolvedCall& call, const ClientEntry* client);
void final_path_legend(const WizardApp& app);
// Under a final path: which upstream serves it and whether it passes through or is translated (nothing for a
// call that reaches no upstream).
void served_by_line(const WizardApp& app, const ResolvedCall& call, Protocol client_family);

}  // namespace pathwise::web
