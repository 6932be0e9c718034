// platform.hpp — what the UI needs from its host, implemented once per platform:
// platform_web.cpp (EM_JS: URL fragment, clipboard, fetch, page title) and platform_desktop.cpp (GLFW).
#pragma once

#include <string>
#include <string_view>

namespace pathwise::web::platform {

void copy_to_clipboard(std::string_view text);
// Replaces the page's URL fragment without adding a history entry (desktop: remembered only).
void write_fragment(std::string_view fragment);
// The full link to share for this fragment ("http://127.0.0.1:8045/#v=1&…"; desktop: "#v=1&…").
[[nodiscard]] std::string share_link(std::string_view fragment);
void set_page_title(std::string_view title);
[[nodiscard]] double now_seconds();
// The Live view needs the proxy's HTTP API, so only the served web build can show it.
[[nodiscard]] bool can_fetch_live();
// GET <proxy_origin>/_pathwise/requests; the answer arrives later through apply_live_reply().
void start_live_fetch(std::string_view proxy_origin, std::string_view api_key);
// GET <proxy_origin>/_pathwise/upstreams; the answer arrives later through apply_upstreams_reply().
void start_upstreams_fetch(std::string_view proxy_origin, std::string_view api_key);

}  // namespace pathwise::web::platform
