#include "cli/args.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "pathwise/suggest.hpp"

namespace pathwise::cli {
namespace {

constexpr OptionSpec kCommonSpecs[] = {
    {"--json", "", false},
    {"--lang", "en|fr|es", false},
    {"--help", "", false},
    {"--no-color", "", false},
};

const OptionSpec* find_spec(std::span<const OptionSpec> specs, std::string_view name) {
    for (const OptionSpec& spec : specs) {
        if (spec.name == name) return &spec;
    }
    for (const OptionSpec& spec : kCommonSpecs) {
        if (spec.name == name) return &spec;
    }
    return nullptr;
}

std::string unknown_option_message(std::span<const OptionSpec> specs, std::string_view name, std::string_view command) {
    std::vector<std::string_view> names;
    for (const OptionSpec& spec : specs) names.push_back(spec.name);
    for (const OptionSpec& spec : kCommonSpecs) names.push_back(spec.name);
    std::string message = "unknown option '" + std::string(name) + "'";
    if (const auto suggestion = closest_match(name, names))
        message += "; did you mean '" + std::string(*suggestion) + "'?";
    message += " (run `pathwise " + std::string(command) + " --help`)";
    return message;
}

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && value[0] != '\0';
}

}  // namespace

bool ParsedArgs::has(std::string_view name) const {
    return values.find(name) != values.end();
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    const auto found = values.find(name);
    if (found == values.end() || found->second.empty()) return std::nullopt;
    return found->second.back();
}

std::vector<std::string> ParsedArgs::all(std::string_view name) const {
    const auto found = values.find(name);
    return found == values.end() ? std::vector<std::string>{} : found->second;
}

std::optional<ParsedArgs> parse_args(const Args& args, std::span<const OptionSpec> specs, std::string_view command,
                                     std::string& error) {
    ParsedArgs parsed;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_ended || arg.size() < 2 || arg[0] != '-') {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        if (arg == "-h") {
            parsed.values["--help"].emplace_back();
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        const OptionSpec* spec = find_spec(specs, name);
        if (spec == nullptr) {
            error = unknown_option_message(specs, name, command);
            return std::nullopt;
        }
        std::string value;
        if (spec->value_hint.empty()) {
            if (equals != std::string::npos) {
                error = "option '" + name + "' takes no value (got '" + arg.substr(equals + 1) + "')";
                return std::nullopt;
            }
        } else if (equals != std::string::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            error = "option '" + name + "' needs a value: ";
            error += name + " ";
            error += spec->value_hint;
            return std::nullopt;
        }
        auto& slot = parsed.values[name];
        if (!slot.empty() && !spec->repeatable && !spec->value_hint.empty()) {
            error = "option '" + name + "' was given twice ('" + slot.back();
            error += "' and '" + value + "'); give it once";
            return std::nullopt;
        }
        slot.push_back(std::move(value));
    }
    return parsed;
}

std::optional<CommonOptions> common_options(const ParsedArgs& parsed, std::string& error) {
    CommonOptions options;
    options.json = parsed.has("--json");
    options.help = parsed.has("--help");
    if (const auto tag = parsed.value("--lang")) {
        const auto lang = parse_lang(*tag);
        if (!lang) {
            error = "unknown language '" + *tag + "' for --lang; use en, fr or es";
            return std::nullopt;
        }
        options.lang = *lang;
        options.lang_explicit = true;
    } else if (const char* env = std::getenv("PATHWISE_LANG"); env != nullptr) {
        // An environment default should never stop a command, so an unusable value falls back to English.
        options.lang = parse_lang(env).value_or(Lang::en);
    }
    // https://no-color.org: any non-empty NO_COLOR disables colour; pipes and dumb terminals get none either.
    const char* term = std::getenv("TERM");
    const bool dumb_terminal = term != nullptr && std::string_view(term) == "dumb";
    options.color = !options.json && !parsed.has("--no-color") && !env_set("NO_COLOR") && !dumb_terminal &&
                    isatty(STDOUT_FILENO) == 1;
    return options;
}

int usage_error(std::string_view command, std::string_view error) {
    std::fprintf(stderr, "pathwise %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
                 static_cast<int>(error.size()), error.data());
    std::fprintf(stderr, "run `pathwise %.*s --help` for usage\n", static_cast<int>(command.size()), command.data());
    return kExitBadUsage;
}

}  // namespace pathwise::cli
