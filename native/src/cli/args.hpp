// args.hpp — command-line options shared by the `pathwise` subcommands: a tiny parser with clear usage errors,
// plus the options every command takes (--json, --lang, --help, --no-color).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "pathwise/i18n.hpp"

namespace pathwise::cli {

// Exit codes shared by every subcommand (see commands.hpp).
inline constexpr int kExitFine = 0;
inline constexpr int kExitProblemFound = 1;
inline constexpr int kExitBadUsage = 2;

struct OptionSpec {
    std::string_view name;        // "--client"
    std::string_view value_hint;  // "ID" for options taking a value, "" for on/off flags
    bool repeatable = false;      // --setting NAME may be given several times
};

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>, std::less<>> values;  // option name → values, in order
    std::vector<std::string> positionals;

    [[nodiscard]] bool has(std::string_view name) const;
    // The value of a single-valued option, or nullopt when it was not given.
    [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> all(std::string_view name) const;
};

// Accepts "--name value", "--name=value", flags, and "--" to end options. Options shared by all commands
// (--json, --lang, --help/-h, --no-color) are added to `specs` here. On a usage error returns nullopt and
// sets `error` to a message saying what was wrong and what to do.
[[nodiscard]] std::optional<ParsedArgs> parse_args(const Args& args, std::span<const OptionSpec> specs,
                                                   std::string_view command, std::string& error);

// What every command needs besides its own options.
struct CommonOptions {
    bool json = false;
    bool help = false;
    bool color = false;  // ANSI colour on stdout: only on a terminal, never with NO_COLOR or --no-color
    Lang lang = Lang::en;
    bool lang_explicit = false;  // --lang was given (a share link records that)
};
// --lang beats PATHWISE_LANG; an unknown --lang value is a usage error (an unusable PATHWISE_LANG is ignored).
[[nodiscard]] std::optional<CommonOptions> common_options(const ParsedArgs& parsed, std::string& error);

// Prints "pathwise <command>: <error>" and a hint to run --help on stderr; returns kExitBadUsage.
int usage_error(std::string_view command, std::string_view error);

}  // namespace pathwise::cli
