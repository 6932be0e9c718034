// args.hpp — the options every `pathwise` subcommand takes (--json, --lang, --help, --no-color), on top of the
// one command-line parser (config/options.hpp), and the usage-error exit every command shares.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "config/options.hpp"
#include "pathwise/i18n.hpp"

namespace pathwise::cli {

// Exit codes shared by every subcommand (see commands.hpp).
inline constexpr int kExitFine = 0;
inline constexpr int kExitProblemFound = 1;
inline constexpr int kExitBadUsage = 2;

// The parser is config/options.hpp, the one every subcommand (serve and mock too) uses.
using config::OptionSpec;
using config::ParsedArgs;

// config::parse_options with the options shared by all commands (--json, --lang, --help/-h, --no-color) added
// to `specs`. On a usage error returns nullopt and sets `error` to what was wrong and what to do.
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
