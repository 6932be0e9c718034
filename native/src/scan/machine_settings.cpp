// machine_settings.cpp — see machine_settings.hpp.
#include "scan/machine_settings.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/environment.hpp"

namespace pathwise::scan {
namespace {

namespace fs = std::filesystem;

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

// The file's text, or why it cannot be had. nullopt = it does not exist (nothing to report).
std::optional<FileText> read_config_file(const std::string& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) return std::nullopt;
    FileText file{path, "", ""};
    if (!fs::is_regular_file(status)) {
        file.error = "not a regular file";
        return file;
    }
    const auto size = fs::file_size(path, error);
    if (!error && size > kMaxConfigFileBytes) {
        file.error = "larger than " + std::to_string(kMaxConfigFileBytes >> 20) + " MiB; not read";
        return file;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        file.error = std::string("cannot be read: ") + std::strerror(errno);
        return file;
    }
    std::ostringstream text;
    text << in.rdbuf();
    file.text = std::move(text).str();
    return file;
}

std::optional<std::string> package_version(fs::path folder, std::string_view package) {
    // The binary sits in <package>/bin/…, <package>/dist/… or deeper: the nearest package.json named `package`.
    for (int depth = 0; depth < 8 && folder.has_parent_path() && folder != folder.root_path(); ++depth) {
        const fs::path manifest = folder / "package.json";
        if (const auto file = read_config_file(manifest.string()); file && file->error.empty()) {
            const auto json = nlohmann::json::parse(file->text, nullptr, false);
            if (json.is_object() && json.value("name", "") == package && json.contains("version") &&
                json["version"].is_string()) {
                return json["version"].get<std::string>();
            }
        }
        folder = folder.parent_path();
    }
    return std::nullopt;
}

}  // namespace

Result<SettingSources> read_machine(const std::string& project) {
    SettingSources sources;
    for (const auto& [name, value] : config::process_environment()) sources.environment.push_back({name, value});
    const std::string* home = sources.env("HOME");
    std::error_code error;
    if (home == nullptr || !fs::is_directory(*home, error)) {
        return Error{"scan_no_home",
                     "HOME is not set or is not a folder, so the clients' settings cannot be found; "
                     "set HOME and run again"};
    }
    sources.home = without_trailing_slash(fs::weakly_canonical(*home, error).string());
    const fs::path project_path = project.empty() ? fs::current_path(error) : fs::path(project);
    if (!fs::is_directory(project_path, error)) {
        return Error{"scan_no_project", "the project folder " + project_path.string() + " is not a folder"};
    }
    sources.project = without_trailing_slash(fs::weakly_canonical(fs::absolute(project_path), error).string());
    for (const SettingProduct& product : setting_products()) {
        for (const std::string& path : setting_files(product, sources)) {
            const bool known = std::any_of(sources.files.begin(), sources.files.end(),
                                           [&](const FileText& file) { return file.path == path; });
            if (known) continue;
            if (auto file = read_config_file(path)) sources.files.push_back(std::move(*file));
        }
    }
    return sources;
}

std::optional<Installed> find_installed(const SettingProduct& product, const SettingSources& sources) {
    if (product.binary.empty()) return std::nullopt;
    const std::string* path = sources.env("PATH");
    if (path == nullptr) return std::nullopt;
    std::string_view rest = *path;
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string_view folder = rest.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        if (folder.empty()) continue;
        const fs::path candidate = fs::path(folder) / product.binary;
        if (::access(candidate.c_str(), X_OK) != 0) continue;
        std::error_code error;
        const fs::path target = fs::canonical(candidate, error);
        Installed installed{error ? candidate.string() : target.string(), ""};
        if (!product.package.empty() && !error) {
            installed.version = package_version(target.parent_path(), product.package).value_or("");
        }
        return installed;
    }
    return std::nullopt;
}

}  // namespace pathwise::scan
