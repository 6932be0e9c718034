// background.hpp — the backdrop drawn by the wizard's own shader program (shaders/background.*.glsl),
// under the ImGui panels. imgui_impl_opengl3 keeps its own shaders; this one is ours.
#pragma once

namespace pathwise::web {

class Background {
public:
    // Compiles and links; false (with the GL info log on stderr) leaves a plain clear colour.
    bool create();
    void draw(int framebuffer_width, int framebuffer_height) const;
    void destroy();

private:
    unsigned program_ = 0;
    unsigned empty_vertex_array_ = 0;  // core profile / WebGL2 need one bound even without attributes
    int top_color_ = -1, bottom_color_ = -1, glow_color_ = -1, resolution_ = -1;
};

}  // namespace pathwise::web
