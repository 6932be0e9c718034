#include "pathwise/i18n.hpp"

#include <array>
#include <cctype>

#include "pathwise/ascii.hpp"

namespace pathwise {

std::string_view lang_code(Lang lang) {
    switch (lang) {
        case Lang::fr:
            return "fr";
        case Lang::es:
            return "es";
        case Lang::en:
            break;
    }
    return "en";
}

std::optional<Lang> parse_lang(std::string_view tag) {
    // Only the primary subtag matters: "fr-CA" → fr, "es_419" → es, and POSIX locales from $LANG:
    // "fr_FR.UTF-8" → fr, "es.UTF-8" → es, "fr@euro" → fr.
    if (tag.size() < 2) return std::nullopt;
    if (tag.size() > 2 && tag[2] != '-' && tag[2] != '_' && tag[2] != '.' && tag[2] != '@') return std::nullopt;
    const char a = ascii::to_lower(tag[0]);
    const char b = ascii::to_lower(tag[1]);
    if (a == 'e' && b == 'n') return Lang::en;
    if (a == 'f' && b == 'r') return Lang::fr;
    if (a == 'e' && b == 's') return Lang::es;
    return std::nullopt;
}

std::string fill(std::string_view pattern, std::string_view a1, std::string_view a2, std::string_view a3,
                 std::string_view a4) {
    const std::array<std::string_view, 4> args{a1, a2, a3, a4};
    std::string out;
    out.reserve(pattern.size() + a1.size() + a2.size() + a3.size() + a4.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '4') {
            out += args[static_cast<std::size_t>(pattern[i + 1] - '1')];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace pathwise
