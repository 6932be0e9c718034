// fonts.hpp — DejaVu Sans / Sans Mono, subset at build time and embedded (see web/CMakeLists.txt).
#pragma once

struct ImFont;

namespace pathwise::web {

struct Fonts {
    ImFont* text = nullptr;
    ImFont* mono = nullptr;
};

// Rebuilds ImGui's font atlas for this pixel scale (devicePixelRatio on the web, content scale natively).
Fonts load_fonts(float scale);

}  // namespace pathwise::web
