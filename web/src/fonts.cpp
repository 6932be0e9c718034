#include "fonts.hpp"

#include <imgui.h>

#include <cstddef>

namespace pathwise::web {

extern const unsigned char kSansFontData[];
extern const std::size_t kSansFontDataSize;
extern const unsigned char kMonoFontData[];
extern const std::size_t kMonoFontDataSize;

namespace {

// Must stay within PATHWISE_FONT_UNICODES in web/CMakeLists.txt (the glyphs the subset keeps).
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E,  // ASCII
    0x00A0, 0x00FF,  // Latin-1: é, è, à, ç, ñ, ¿, ¡, «, »
    0x0152, 0x0153,  // Œ œ (French)
    0x2013, 0x2014,  // – —
    0x2018, 0x201E,  // ‘ ’ “ ” „
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x2190, 0x21FF,  // arrows: → ↳ ↺
    0x2264, 0x2265,  // ≤ ≥ (catalog version ranges)
    0x26A0, 0x26A0,  // ⚠
    0x2713, 0x2713,  // ✓
    0x2717, 0x2717,  // ✗
    0,
};

constexpr float kTextPixels = 16.0f;
constexpr float kMonoPixels = 15.0f;

ImFont* add_embedded(const unsigned char* data, std::size_t size, float pixels) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data: the atlas must not free it
    config.OversampleH = 2;
    config.OversampleV = 1;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), pixels,
                                                      &config, kGlyphRanges);
}

}  // namespace

Fonts load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.text = add_embedded(kSansFontData, kSansFontDataSize, kTextPixels * scale);
    fonts.mono = add_embedded(kMonoFontData, kMonoFontDataSize, kMonoPixels * scale);
    io.FontDefault = fonts.text;
    io.Fonts->Build();
    return fonts;
}

}  // namespace pathwise::web
