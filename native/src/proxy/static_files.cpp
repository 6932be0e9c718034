// static_files.cpp — see static_files.hpp.
#include "proxy/static_files.hpp"

#include <httplib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace pathwise::proxy {
namespace {

std::string_view content_type_for(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".ttf", "font/ttf"},
        {".woff2", "font/woff2"},
        {".data", "application/octet-stream"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (path.size() >= extension.size() && path.substr(path.size() - extension.size()) == extension) return type;
    }
    return "application/octet-stream";
}

// Every segment of a request path must be a plain name: no empty segment ("//x" would make the joined path
// absolute), no "." or "..", no backslash, NUL or control character. Only a trailing '/' is allowed (index.html).
bool plain_segments(std::string_view relative) {
    std::size_t start = 0;
    while (start < relative.size()) {
        const std::size_t slash = relative.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? relative.size() : slash;
        const std::string_view segment = relative.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        for (const char c : segment) {
            if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return false;
        }
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

// True when `file` (canonical) lies inside `root` (canonical), compared segment by segment.
bool inside(const std::filesystem::path& root, const std::filesystem::path& file) {
    auto file_part = file.begin();
    for (auto root_part = root.begin(); root_part != root.end(); ++root_part, ++file_part) {
        if (root_part->empty()) continue;  // a trailing separator of the root
        if (file_part == file.end() || *file_part != *root_part) return false;
    }
    return true;
}

}  // namespace

bool serve_static_file(std::string_view web_root, std::string_view request_path, httplib::Response& res) {
    if (web_root.empty() || request_path.empty() || request_path.front() != '/') return false;
    std::string relative(request_path.substr(1));
    if (!plain_segments(relative)) return false;
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    // The joined path is resolved (symlinks included) and must still be under the resolved web root: a link
    // inside the wizard's folder that points elsewhere is not followed out of it.
    std::error_code error;
    const std::filesystem::path root = std::filesystem::canonical(std::filesystem::path(std::string(web_root)), error);
    if (error) return false;
    const std::filesystem::path file = std::filesystem::canonical(root / std::filesystem::path(relative), error);
    if (error || !inside(root, file) || !std::filesystem::is_regular_file(file, error)) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream content;
    content << in.rdbuf();
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(content.str(), std::string(content_type_for(file.string())));
    return true;
}

bool has_index_html(std::string_view web_root) {
    std::error_code error;
    return !web_root.empty() &&
           std::filesystem::is_regular_file(std::filesystem::path(std::string(web_root)) / "index.html", error);
}

}  // namespace pathwise::proxy
