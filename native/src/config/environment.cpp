// environment.cpp — see environment.hpp.
#include "config/environment.hpp"

#include <unistd.h>  // environ

#include "pathwise/ascii.hpp"

namespace pathwise::config {

std::string apply_environment(ServeConfig& config, Provenance& provenance, const Environment& environment,
                              std::vector<std::string>& warnings) {
    std::vector<std::string> known_env = {"PATHWISE_CONFIG", "PATHWISE_API_KEY", "PATHWISE_UPSTREAM_OPENAI",
                                          "PATHWISE_UPSTREAM_ANTHROPIC", "PATHWISE_UPSTREAM_GEMINI"};
    for (const auto& setting : settings()) known_env.push_back(env_of(setting.key));
    for (const auto& [name, text] : environment) {
        if (name.rfind("PATHWISE_", 0) != 0) continue;
        if (name == "PATHWISE_CONFIG") continue;
        if (name.rfind("PATHWISE_UPSTREAM_", 0) == 0) {
            const std::string protocol_text =
                ascii::lowercase(name.substr(std::string_view("PATHWISE_UPSTREAM_").size()));
            if (const auto protocol = parse_protocol(protocol_text)) {
                if (auto error = check_base_url(text); !error.empty()) return name + ": " + error;
                config.upstreams[*protocol].base_url = text;
                continue;
            }
        }
        const Setting* setting = nullptr;
        for (const auto& candidate : settings()) {
            if (env_of(candidate.key) == name) setting = &candidate;
        }
        if (name == "PATHWISE_API_KEY") setting = find_setting("api_keys");
        if (setting == nullptr) {
            // Tests and scripts set other PATHWISE_* names (PATHWISE_WEB_ROOT is ours); a typo only warns.
            if (const auto suggestion = closest_name(name, known_env); !suggestion.empty()) {
                warnings.push_back("ignoring environment variable " + name + " (did you mean " + suggestion + "?)");
            }
            continue;
        }
        std::string error;
        auto value = parse_text_value(*setting, text, error);
        if (!value) return "environment variable " + name + " " + error;
        if (auto apply_error = apply_setting(config, provenance, *setting, *value); !apply_error.empty()) {
            return "environment variable " + name + " " + apply_error;
        }
    }
    return "";
}

Environment process_environment() {
    Environment environment;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text = *entry;
        const auto equals = text.find('=');
        if (equals != std::string_view::npos) environment.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return environment;
}

}  // namespace pathwise::config
