// platform_desktop.cpp — the native backend: a GLFW window with an OpenGL 3.3 core context, the same UI.
//
//   pathwise_wizard_desktop ['#v=1&c=claude-code&…'] [--print-state]
// The optional argument is a share link (or its fragment), so a link opens the same screen natively.
// --print-state prints the state JSON after the first frame (what the screenshot test checks).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "background.hpp"
#include "fonts.hpp"
#include "frame.hpp"
#include "panels/widgets.hpp"
#include "platform.hpp"

namespace pathwise::web {
namespace {

GLFWwindow* g_window = nullptr;  // the one window; platform:: functions below need it

// "fr_FR.UTF-8" → "fr_FR" so parse_lang can read the POSIX locale like a browser tag.
Lang language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        std::string_view tag = value;
        tag = tag.substr(0, tag.find('.'));
        return parse_lang(tag).value_or(Lang::en);
    }
    return Lang::en;
}

std::string_view fragment_of(std::string_view link) {
    const auto hash = link.find('#');
    return hash == std::string_view::npos ? link : link.substr(hash + 1);
}

void glfw_error(int code, const char* description) {
    std::fprintf(stderr, "pathwise_wizard_desktop: GLFW error %d: %s\n", code, description);
}

}  // namespace

namespace platform {

void copy_to_clipboard(std::string_view text) {
    glfwSetClipboardString(g_window, std::string(text).c_str());
}
void write_fragment(std::string_view /*fragment*/) {}  // no address bar: "Copy link" carries the state
std::string share_link(std::string_view fragment) {
    return "#" + std::string(fragment);
}
void set_page_title(std::string_view title) {
    glfwSetWindowTitle(g_window, std::string(title).c_str());
}
double now_seconds() {
    return glfwGetTime();
}
bool can_fetch_live() {
    return false;
}
void start_live_fetch(std::string_view /*proxy_origin*/, std::string_view /*api_key*/) {}
void start_upstreams_fetch(std::string_view /*proxy_origin*/, std::string_view /*api_key*/) {}

}  // namespace platform
}  // namespace pathwise::web

int main(int argc, char** argv) {
    using namespace pathwise::web;
    WizardApp app;
    app.ui.browser_lang = language_from_environment();
    bool print_state = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--print-state") {
            print_state = true;
        } else if (arg == "--help" || arg == "-h") {
            std::puts("usage: pathwise_wizard_desktop ['<share link or fragment>'] [--print-state]");
            return 0;
        } else {
            open_share_link(app, fragment_of(arg));
        }
    }

    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) {
        std::fputs("pathwise_wizard_desktop: no display (set DISPLAY, or run under xvfb-run)\n", stderr);
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    g_window = glfwCreateWindow(1280, 800, "Pathwise", nullptr, nullptr);
    if (g_window == nullptr) {
        std::fputs("pathwise_wizard_desktop: could not open an OpenGL 3.3 window\n", stderr);
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(g_window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    float scale = 1.0f;
    glfwGetWindowContentScale(g_window, &scale, nullptr);
    set_panel_fonts(load_fonts(scale));
    apply_style(scale);
    Background background;
    background.create();

    long frames = 0;
    while (!glfwWindowShouldClose(g_window)) {
        // Without vsync (Xvfb) the loop would spin at hundreds of FPS; events or 50 ms wake it.
        glfwWaitEventsTimeout(0.05);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        limit_frame_time();
        ImGui::NewFrame();
        draw_wizard(app);
        ImGui::Render();
        int width = 0, height = 0;
        glfwGetFramebufferSize(g_window, &width, &height);
        background.draw(width, height);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(g_window);
        publish_state(app);
        if (++frames == 2 && print_state) {  // the second frame: the first one only lays windows out
            std::printf("%s\n", state_json(app).c_str());
            std::fflush(stdout);
        }
    }

    background.destroy();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(g_window);
    glfwTerminate();
    return 0;
}
