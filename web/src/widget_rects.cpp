#include "widget_rects.hpp"

#include <imgui.h>

#include <map>
#include <nlohmann/json.hpp>

namespace pathwise::web {
namespace {

struct Rect {
    float x, y, width, height;
};

std::map<std::string, Rect, std::less<>>& rects() {
    static std::map<std::string, Rect, std::less<>> by_name;  // per-frame scratch, UI thread only
    return by_name;
}

}  // namespace

void remember_last_item(std::string_view name) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    rects()[std::string(name)] = Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void clear_widget_rects() {
    rects().clear();
}

std::string widget_rects_json(float framebuffer_scale) {
    nlohmann::json out;
    out["scale"] = framebuffer_scale;
    auto& list = out["rects"] = nlohmann::json::object();
    for (const auto& [name, rect] : rects()) list[name] = {rect.x, rect.y, rect.width, rect.height};
    return out.dump();
}

}  // namespace pathwise::web
