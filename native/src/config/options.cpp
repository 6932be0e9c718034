// options.cpp — see options.hpp.
#include "config/options.hpp"

#include <charconv>

#include "pathwise/suggest.hpp"

namespace pathwise::config {
namespace {

const OptionSpec* find_spec(std::span<const OptionSpec> specs, std::string_view name) {
    for (const OptionSpec& spec : specs) {
        if (spec.name == name) return &spec;
    }
    return nullptr;
}

std::string unknown_option_message(std::span<const OptionSpec> specs, std::string_view name) {
    std::vector<std::string_view> names;
    for (const OptionSpec& spec : specs) names.push_back(spec.name);
    std::string message = "unknown option '" + std::string(name) + "'";
    if (const auto suggestion = closest_match(name, names))
        message += "; did you mean '" + std::string(*suggestion) + "'?";
    return message;
}

// The value of `spec` at args[i] (which may advance i), or nullopt with `error` set.
std::optional<std::string> option_value(const OptionSpec& spec, const std::vector<std::string>& args, std::size_t& i,
                                        std::string_view name, std::size_t equals, std::string& error) {
    const std::string& arg = args[i];
    if (equals != std::string::npos) {
        if (spec.value_hint.empty() && !spec.inline_value_allowed) {
            error = "option '" + std::string(name) + "' takes no value (got '" + arg.substr(equals + 1) + "')";
            return std::nullopt;
        }
        return arg.substr(equals + 1);
    }
    if (spec.value_hint.empty()) return std::string();
    if (i + 1 < args.size()) return args[++i];
    error =
        "option '" + std::string(name) + "' needs a value: " + std::string(name) + " " + std::string(spec.value_hint);
    return std::nullopt;
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

std::optional<ParsedArgs> parse_options(const std::vector<std::string>& args, std::span<const OptionSpec> specs,
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
        const std::size_t equals = arg.rfind("--", 0) == 0 ? arg.find('=') : std::string::npos;
        const std::string name = arg == "-h" && find_spec(specs, "--help") ? "--help" : arg.substr(0, equals);
        const OptionSpec* spec = find_spec(specs, name);
        if (spec == nullptr) {
            error = unknown_option_message(specs, name);
            return std::nullopt;
        }
        auto value = option_value(*spec, args, i, name, equals, error);
        if (!value) return std::nullopt;
        auto& slot = parsed.values[name];
        if (!slot.empty() && !spec->repeatable && !spec->value_hint.empty()) {
            error = "option '" + name + "' was given twice ('" + slot.back();
            error += "' and '" + *value + "'); give it once";
            return std::nullopt;
        }
        slot.push_back(*value);
        parsed.in_order.emplace_back(name, std::move(*value));
    }
    return parsed;
}

std::optional<long long> integer_value(std::string_view text, long long low, long long high) {
    long long n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < low || n > high) {
        return std::nullopt;
    }
    return n;
}

}  // namespace pathwise::config
