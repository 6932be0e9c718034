#include "cli/args.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace pathwise::cli {
namespace {

constexpr OptionSpec kCommonSpecs[] = {
    {"--json", "", false},
    {"--lang", "en|fr|es", false},
    {"--help", "", false},
    {"--no-color", "", false},
};

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && value[0] != '\0';
}

}  // namespace

std::optional<ParsedArgs> parse_args(const Args& args, std::span<const OptionSpec> specs, std::string_view command,
                                     std::string& error) {
    std::vector<OptionSpec> all(specs.begin(), specs.end());
    all.insert(all.end(), std::begin(kCommonSpecs), std::end(kCommonSpecs));
    auto parsed = config::parse_options(args, all, error);
    if (!parsed && error.rfind("unknown option", 0) == 0)
        error += " (run `pathwise " + std::string(command) + " --help`)";
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
