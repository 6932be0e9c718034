// flags.cpp — see flags.hpp.
#include "config/flags.hpp"

#include <algorithm>

#include "config/options.hpp"

namespace pathwise::config {
namespace {

using nlohmann::json;

// The setting a flag sets: "--max-body-bytes", or a list setting's singular alias ("--api-key").
const Setting* setting_of_flag(std::string_view flag) {
    for (const auto& setting : settings()) {
        if (flag == flag_of(setting) || flag == shown_flag(setting)) return &setting;
    }
    return nullptr;
}

// The option specs: --config, --upstream, --help, and each setting's flag (and its singular alias). The names
// are all stored before any spec views them, and live as long as the program.
struct FlagSpecs {
    std::vector<std::string> names;
    std::vector<OptionSpec> specs;
};

const FlagSpecs& flag_specs() {
    static const FlagSpecs table = [] {
        FlagSpecs built;
        for (const auto& setting : settings()) {
            built.names.push_back(shown_flag(setting));
            if (!setting.flag_alias.empty()) built.names.push_back(flag_of(setting));
        }
        built.specs = {{"--config", "FILE"},
                       {"--upstream", "PROTO=URL", /*repeatable=*/true},
                       {"--upstream-protocol", "PROTO=SPEAKS", /*repeatable=*/true},
                       {"--help", ""}};
        for (const std::string& name : built.names) {
            const Kind kind = setting_of_flag(name)->kind;
            // Later wins for a repeated setting, as it does across file < environment < flags; booleans take no
            // value (--repair-paths) or an inline one (--repair-paths=false).
            const bool boolean = kind == Kind::boolean;
            built.specs.push_back({name, boolean ? "" : (kind == Kind::integer ? "N" : "VALUE"), /*repeatable=*/true,
                                   /*inline_value_allowed=*/boolean});
        }
        return built;
    }();
    return table;
}

// --upstream PROTO=URL
Result<std::pair<Protocol, std::string>> upstream_flag(const std::string& value) {
    const auto equals = value.find('=');
    const auto protocol = equals != std::string::npos ? parse_protocol(value.substr(0, equals)) : std::nullopt;
    if (!protocol) return usage_error("--upstream needs PROTOCOL=URL with PROTOCOL openai, anthropic or gemini");
    std::string url = value.substr(equals + 1);
    if (auto error = check_base_url(url); !error.empty()) return usage_error("--upstream " + value + ": " + error);
    return std::pair{*protocol, std::move(url)};
}

// --upstream-protocol PROTO=SPEAKS: the chat protocol PROTO's upstream speaks (translated when it differs).
Result<std::pair<Protocol, translate::Protocol>> upstream_protocol_flag(const std::string& value) {
    const auto equals = value.find('=');
    const auto protocol = equals != std::string::npos ? parse_protocol(value.substr(0, equals)) : std::nullopt;
    const auto speaks =
        equals != std::string::npos ? translate::parse_protocol(value.substr(equals + 1)) : std::nullopt;
    if (!protocol || !speaks) {
        return usage_error(
            "--upstream-protocol needs PROTOCOL=SPEAKS with PROTOCOL openai, anthropic or gemini and "
            "SPEAKS openai-chat, anthropic, gemini or openai-responses (e.g. anthropic=openai-chat), got '" +
            value + "'");
    }
    return std::pair{*protocol, *speaks};
}

// Adds one setting flag's value; repeated list flags accumulate (--api-key a --api-key b).
std::string add_setting_value(ParsedFlags& parsed, const Setting& setting, const std::string& flag,
                              const std::string& text) {
    std::string error;
    const bool bare_boolean = setting.kind == Kind::boolean && text.empty();
    auto value = parse_text_value(setting, bare_boolean ? "true" : text, error);
    if (!value) return flag + " " + error;
    if (setting.kind == Kind::text_list) {
        for (auto& [earlier, earlier_value] : parsed.values) {
            if (earlier == &setting) {
                for (auto& item : *value) earlier_value.push_back(item);
                return "";
            }
        }
    }
    parsed.values.emplace_back(&setting, std::move(*value));
    return "";
}

}  // namespace

Result<ParsedFlags> parse_flags(const std::vector<std::string>& args) {
    std::string error;
    const auto options = parse_options(args, flag_specs().specs, error);
    if (!options) return usage_error(error);
    if (options->has("--help")) return Error{"help", usage_text()};
    if (!options->positionals.empty()) {
        return usage_error("unexpected argument '" + options->positionals.front() + "' (serve takes only options)");
    }
    ParsedFlags parsed;
    for (const auto& [flag, text] : options->in_order) {
        if (flag == "--config") {
            parsed.config_path = text;
        } else if (flag == "--upstream") {
            auto upstream = upstream_flag(text);
            if (!upstream) return upstream.error();
            parsed.upstreams.push_back(*upstream);
        } else if (flag == "--upstream-protocol") {
            auto speaks = upstream_protocol_flag(text);
            if (!speaks) return speaks.error();
            parsed.upstream_protocols.push_back(*speaks);
        } else if (const Setting* setting = setting_of_flag(flag)) {
            if (auto problem = add_setting_value(parsed, *setting, flag, text); !problem.empty())
                return usage_error(problem);
        }
    }
    return parsed;
}

std::string usage_text() {
    std::string text =
        "usage: pathwise serve [options]\n"
        "\n"
        "Runs the local proxy. Settings come from the config file, then PATHWISE_* environment variables,\n"
        "then these flags (later wins).\n"
        "\n"
        "  --config FILE           JSON config (default $XDG_CONFIG_HOME/pathwise/config.json)\n"
        "  --upstream PROTO=URL    forward a protocol (openai, anthropic, gemini) to URL instead of the mock\n"
        "  --upstream-protocol PROTO=SPEAKS\n"
        "                          the chat protocol that upstream speaks (openai-chat, anthropic, gemini,\n"
        "                          openai-responses):\n"
        "                          requests are translated (anthropic=openai-chat: Claude Code to Ollama)\n";
    for (const auto& setting : settings()) {
        std::string flag = shown_flag(setting);
        if (setting.kind != Kind::boolean) flag += setting.kind == Kind::integer ? " N" : " VALUE";
        flag.resize(std::max<std::size_t>(flag.size() + 1, 24), ' ');
        text += "  " + flag + std::string(setting.help) + "  [" + env_of(setting.key) + "]\n";
    }
    text += "  --help                  this text\n";
    return text;
}

}  // namespace pathwise::config
