// test_home.hpp — a throwaway HOME (with a project folder inside) holding real client config files, and the
// `pathwise scan` / `pathwise configure` runs on it, for the CLI tests of both commands.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {

// A HOME with a project folder inside, removed at the end of the test.
class TestHome {
public:
    TestHome() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pathwise-scan-XXXXXX").string();
        root_ = ::mkdtemp(pattern.data());
        std::filesystem::create_directories(project());
    }
    ~TestHome() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    TestHome(const TestHome&) = delete;
    TestHome& operator=(const TestHome&) = delete;

    [[nodiscard]] std::string home() const { return root_; }
    [[nodiscard]] std::string project() const { return root_ + "/work/app"; }
    // Writes `text` at `relative` under HOME ("~/" is implied); returns the absolute path.
    std::string write(const std::string& relative, const std::string& text) const {
        const std::filesystem::path path = std::filesystem::path(root_) / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
    [[nodiscard]] std::string read(const std::string& relative) const {
        std::ifstream in(std::filesystem::path(root_) / relative, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    // `pathwise ARGS --project <project>` with HOME here and nothing else from the machine's environment.
    CliRun run(std::vector<std::string> args, std::vector<std::string> env = {}) const {
        args.insert(args.end(), {"--project", project()});
        env.insert(env.end(), {"HOME=" + root_, "PATH=/usr/bin:/bin"});
        RunOptions options;
        options.env = env;
        options.only_these_variables = true;
        return run_pathwise(args, options);
    }
    CliRun scan(std::vector<std::string> env = {}) const { return run({"scan", "--no-probe", "--json"}, env); }

private:
    std::string root_;
};

inline nlohmann::json product(const nlohmann::json& scan, std::string_view id) {
    for (const nlohmann::json& entry : scan["products"]) {
        if (entry["product"] == id) return entry;
    }
    ADD_FAILURE() << "no product " << id << " in " << scan.dump(2);
    return nlohmann::json::object();
}

inline nlohmann::json setting(const nlohmann::json& product, std::string_view key, std::string_view file_suffix = "") {
    for (const nlohmann::json& entry : product["settings"]) {
        const std::string file = entry["file"];
        if (entry["key"] == key && (file_suffix.empty() || file.ends_with(file_suffix))) return entry;
    }
    ADD_FAILURE() << "no setting " << key << " (" << file_suffix << ") in " << product.dump(2);
    return nlohmann::json::object();
}

}  // namespace pathwise_cli_test
