// options.hpp — the one command-line parser: every subcommand (doctor, clients, link, routes, serve, mock)
// reads its options through it, so "--name value", "--name=value", "--" and the did-you-mean hint behave the
// same everywhere.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise::config {

struct OptionSpec {
    std::string_view name;        // "--client"
    std::string_view value_hint;  // "ID" for options taking a value, "" for on/off flags
    bool repeatable = false;      // --setting NAME may be given several times; otherwise twice is an error
    // An on/off flag that may also be written --name=VALUE (serve's booleans: --repair-paths=false). A bare
    // --name is recorded with the value "".
    bool inline_value_allowed = false;
};

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>, std::less<>> values;  // option name → values, in order
    std::vector<std::pair<std::string, std::string>> in_order;            // every (option, value), as typed
    std::vector<std::string> positionals;

    [[nodiscard]] bool has(std::string_view name) const;
    // The value of a single-valued option, or nullopt when it was not given.
    [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> all(std::string_view name) const;
};

// Accepts "--name value", "--name=value", flags, "-h" for "--help" (when --help is a spec), and "--" to end
// options. On a usage error returns nullopt and sets `error` to what was wrong and what to do:
// "unknown option '--prot'; did you mean '--port'?", "option '--port' needs a value: --port N", …
[[nodiscard]] std::optional<ParsedArgs> parse_options(const std::vector<std::string>& args,
                                                      std::span<const OptionSpec> specs, std::string& error);

// An integer option's value: the whole text is a number in [low, high].
[[nodiscard]] std::optional<long long> integer_value(std::string_view text, long long low, long long high);

}  // namespace pathwise::config
