// widget_rects.hpp — where named widgets were drawn this frame, so browser tests can click them
// instead of hard-coding pixels (ImGui draws on a canvas: there is no DOM to query).
#pragma once

#include <string>
#include <string_view>

namespace pathwise::web {

// Remembers the rectangle of the item ImGui drew last under `name`.
void remember_last_item(std::string_view name);
void clear_widget_rects();
// {"scale":2,"rects":{"name":[x,y,w,h],…}} in framebuffer pixels; `scale` converts them to CSS pixels.
[[nodiscard]] std::string widget_rects_json(float framebuffer_scale);

}  // namespace pathwise::web
