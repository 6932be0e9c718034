// platform_web.cpp — the browser backend: Emscripten's GLFW + WebGL2, and EM_JS glue for the URL fragment,
// the clipboard, the page title, devicePixelRatio and fetch. Also the functions the browser tests call.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "background.hpp"
#include "fonts.hpp"
#include "frame.hpp"
#include "panels/widgets.hpp"
#include "platform.hpp"
#include "widget_rects.hpp"

// clang-format off
EM_JS(char*, pw_js_read_fragment, (), { return allocateUTF8(location.hash.substring(1)); });
EM_JS(char*, pw_js_page_origin, (), {
    var served = location.protocol === "http:" || location.protocol === "https:";
    return allocateUTF8(served ? location.origin : "");
});
EM_JS(char*, pw_js_browser_language, (), { return allocateUTF8(navigator.language || "en"); });
EM_JS(char*, pw_js_share_link, (const char* fragment), {
    var base = location.href.split("#")[0];
    return allocateUTF8(base + "#" + UTF8ToString(fragment));
});
EM_JS(void, pw_js_replace_fragment, (const char* fragment), {
    history.replaceState(history.state, "", location.href.split("#")[0] + "#" + UTF8ToString(fragment));
});
EM_JS(void, pw_js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, pw_js_copy, (const char* text), {
    var value = UTF8ToString(text);
    var fallback = function() {
        var area = document.createElement("textarea");
        area.value = value;
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (e) {}
        document.body.removeChild(area);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(fallback);
    } else {
        fallback();
    }
});
// `receiver` is the exported function that gets (status, body): pathwise_live_receive, pathwise_upstreams_receive.
EM_JS(void, pw_js_fetch_json, (const char* url, const char* key, const char* receiver), {
    var headers = {};
    var secret = UTF8ToString(key);
    if (secret) headers["Authorization"] = "Bearer " + secret;
    var name = UTF8ToString(receiver);
    var deliver = function(status, body) {
        Module.ccall(name, null, ["number", "string"], [status, body]);
    };
    fetch(UTF8ToString(url), {headers: headers, cache: "no-store"})
        .then(function(reply) { return reply.text().then(function(body) { deliver(reply.status, body); }); })
        .catch(function(error) { deliver(0, String(error)); });
});
EM_JS(double, pw_js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// Not glfwSetWindowSize: Emscripten's GLFW asks for fullscreen when the size equals the screen's (a
// maximised or headless window). Browser.setCanvasSize notifies GLFW through its resize listener instead.
EM_JS(void, pw_js_resize_canvas, (int width, int height), {
    Browser.setCanvasSize(width, height);
    Module.canvas.style.removeProperty("width");
    Module.canvas.style.removeProperty("height");
});
EM_JS(int, pw_js_css_width, (), { return window.innerWidth; });
EM_JS(int, pw_js_css_height, (), { return window.innerHeight; });
EM_JS(void, pw_js_install_listeners, (), {
    document.addEventListener("paste", function(event) {
        var text = (event.clipboardData || window.clipboardData).getData("text");
        Module.ccall("pathwise_paste_text", null, ["string"], [text]);
    });
    window.addEventListener("hashchange", function() { Module.ccall("pathwise_hash_changed", null, [], []); });
});
EM_JS(void, pw_js_show_message, (const char* text), {
    var loading = document.getElementById("loading");
    if (loading) loading.textContent = UTF8ToString(text);
});
EM_JS(void, pw_js_first_frame_drawn, (), {
    window.pathwiseFirstFrameMs = performance.now();
    var loading = document.getElementById("loading");
    if (loading) loading.remove();
});
// clang-format on

namespace pathwise::web {
namespace {

struct WebRuntime {
    WizardApp app;
    GLFWwindow* window = nullptr;
    Background background;
    float scale = 0.0f;
    int frame_count = 0;
    bool fragment_changed_outside = false;
    std::string paste_buffer;  // the text of the last browser paste event, served to ImGui's Ctrl+V
    std::string reply_buffer;  // keeps the last string handed to JavaScript alive
};

WebRuntime& runtime() {
    static WebRuntime instance;  // the page has exactly one wizard
    return instance;
}

std::string take_js_string(char* owned) {
    std::string value = owned ? owned : "";
    std::free(owned);
    return value;
}

void set_scale(WebRuntime& r, float scale) {
    r.scale = scale;
    set_panel_fonts(load_fonts(scale));
    apply_style(scale);
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // the font texture is rebuilt at the next NewFrame
}

// The canvas fills the window in CSS pixels (shell.html); its backing store follows devicePixelRatio so
// text stays sharp. GLFW then reports window, framebuffer and mouse in backing-store pixels.
void follow_window_size(WebRuntime& r) {
    const double ratio = pw_js_device_pixel_ratio();
    const int width = static_cast<int>(std::lround(pw_js_css_width() * ratio));
    const int height = static_cast<int>(std::lround(pw_js_css_height() * ratio));
    int current_width = 0, current_height = 0;
    glfwGetWindowSize(r.window, &current_width, &current_height);
    if (width != current_width || height != current_height) pw_js_resize_canvas(width, height);
    if (static_cast<float>(ratio) != r.scale) set_scale(r, static_cast<float>(ratio));
}

const char* clipboard_text_for_imgui(void* /*user_data*/) {
    return runtime().paste_buffer.c_str();
}
void set_clipboard_from_imgui(void* /*user_data*/, const char* text) {
    platform::copy_to_clipboard(text);
}

void frame() {
    WebRuntime& r = runtime();
    if (r.fragment_changed_outside) {
        r.fragment_changed_outside = false;
        const std::string fragment = take_js_string(pw_js_read_fragment());
        if (fragment != r.app.ui.written_fragment) {
            open_share_link(r.app, fragment);
            r.app.ui.written_fragment = fragment;
        }
    }
    follow_window_size(r);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    limit_frame_time();
    ImGui::NewFrame();
    draw_wizard(r.app);
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(r.window, &width, &height);
    r.background.draw(width, height);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    publish_state(r.app);
    if (++r.frame_count == 1) pw_js_first_frame_drawn();
}

}  // namespace

namespace platform {

void copy_to_clipboard(std::string_view text) {
    pw_js_copy(std::string(text).c_str());
}
void write_fragment(std::string_view fragment) {
    pw_js_replace_fragment(std::string(fragment).c_str());
}
std::string share_link(std::string_view fragment) {
    return take_js_string(pw_js_share_link(std::string(fragment).c_str()));
}
void set_page_title(std::string_view title) {
    pw_js_set_title(std::string(title).c_str());
}
double now_seconds() {
    return emscripten_get_now() / 1000.0;
}
bool can_fetch_live() {
    return !runtime().app.ui.page_origin.empty();
}
void start_live_fetch(std::string_view proxy_origin, std::string_view api_key) {
    const std::string url = std::string(proxy_origin) + "/_pathwise/requests";
    pw_js_fetch_json(url.c_str(), std::string(api_key).c_str(), "pathwise_live_receive");
}
void start_upstreams_fetch(std::string_view proxy_origin, std::string_view api_key) {
    const std::string url = std::string(proxy_origin) + "/_pathwise/upstreams";
    pw_js_fetch_json(url.c_str(), std::string(api_key).c_str(), "pathwise_upstreams_receive");
}

}  // namespace platform
}  // namespace pathwise::web

using pathwise::web::runtime;

extern "C" {

// The tests' window into the canvas (see tests/browser/).
EMSCRIPTEN_KEEPALIVE int pathwise_frame_count() {
    return runtime().frame_count;
}

EMSCRIPTEN_KEEPALIVE const char* pathwise_state_json() {
    runtime().reply_buffer = pathwise::web::state_json(runtime().app);
    return runtime().reply_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* pathwise_widget_rects_json() {
    runtime().reply_buffer = pathwise::web::widget_rects_json(runtime().scale);
    return runtime().reply_buffer.c_str();
}

// For inputs that are impractical to type; returns 0 for an unknown field name.
EMSCRIPTEN_KEEPALIVE int pathwise_set_input(const char* field, const char* value) {
    auto& app = runtime().app;
    const std::string_view name = field;
    if (name == "proxy_origin")
        app.state.proxy_origin = value;
    else if (name == "typed_base_url")
        app.state.typed_base_url = value;
    else if (name == "log_path")
        app.state.log_path = value;
    else if (name == "client_search")
        app.ui.client_search = value;
    else if (name == "api_key")
        app.ui.api_key = value;
    else
        return 0;
    return 1;
}

EMSCRIPTEN_KEEPALIVE void pathwise_live_receive(int http_status, const char* body) {
    pathwise::web::apply_live_reply(runtime().app.ui.live, http_status, body ? body : "");
}

EMSCRIPTEN_KEEPALIVE void pathwise_upstreams_receive(int http_status, const char* body) {
    pathwise::web::apply_upstreams_reply(runtime().app.ui.upstreams, http_status, body ? body : "");
}

EMSCRIPTEN_KEEPALIVE void pathwise_paste_text(const char* text) {
    runtime().paste_buffer = text ? text : "";
}

EMSCRIPTEN_KEEPALIVE void pathwise_hash_changed() {
    runtime().fragment_changed_outside = true;
}

}  // extern "C"

// bugprone-exception-escape sees libc++'s inline throws (std::string's length_error); this build has no exception
// catching (-sDISABLE_EXCEPTION_CATCHING=1), so any throw aborts the page and a catch here could never run.
int main() {  // NOLINT(bugprone-exception-escape)
    using namespace pathwise::web;
    WebRuntime& r = runtime();
    r.app.ui.page_origin = take_js_string(pw_js_page_origin());
    r.app.ui.browser_lang = pathwise::parse_lang(take_js_string(pw_js_browser_language())).value_or(pathwise::Lang::en);
    const std::string fragment = take_js_string(pw_js_read_fragment());
    open_share_link(r.app, fragment);

    if (!glfwInit()) {
        pw_js_show_message("The wizard could not start: GLFW failed. Try another browser.");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    r.window = glfwCreateWindow(pw_js_css_width(), pw_js_css_height(), "Pathwise", nullptr, nullptr);
    if (r.window == nullptr) {
        pw_js_show_message("The wizard needs WebGL2, which this browser does not provide. Try another browser.");
        return 1;
    }
    glfwMakeContextCurrent(r.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(r.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    io.GetClipboardTextFn = clipboard_text_for_imgui;
    io.SetClipboardTextFn = set_clipboard_from_imgui;
    r.background.create();
    follow_window_size(r);
    pw_js_install_listeners();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
