// static_files.cpp — see static_files.hpp.
#include "proxy/static_files.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <httplib.h>

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

bool safe_relative_path(std::string_view path) {
    if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string_view segment = path.substr(start, slash == std::string_view::npos ? path.npos : slash - start);
        if (segment == "..") return false;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

}  // namespace

bool serve_static_file(std::string_view web_root, std::string_view request_path, httplib::Response& res) {
    if (web_root.empty() || request_path.empty() || request_path.front() != '/') return false;
    if (!safe_relative_path(request_path)) return false;
    std::string relative(request_path.substr(1));
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    const std::filesystem::path file = std::filesystem::path(std::string(web_root)) / relative;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return false;
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
