// static_files.hpp — the wizard's files (html, js, wasm, fonts) from the web root. Public in every auth mode:
// they hold no secrets. Served by our own handler, not httplib's mount point, so the Host check runs first
// and GET / can still answer JSON (docs/building.md: mount points are tried before handlers).
#pragma once

#include <string>
#include <string_view>

namespace httplib {
struct Response;
}

namespace pathwise::proxy {

// True when `request_path` names a regular file under `web_root` ("/" → index.html); fills `res` then.
// Refuses ".." segments, so nothing outside the web root is reachable.
bool serve_static_file(std::string_view web_root, std::string_view request_path, httplib::Response& res);

[[nodiscard]] bool has_index_html(std::string_view web_root);

}  // namespace pathwise::proxy
