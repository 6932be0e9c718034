// i18n.hpp — the languages Pathwise speaks, and a text value that carries all of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pathwise {

enum class Lang : unsigned char { en, fr, es };

[[nodiscard]] std::string_view lang_code(Lang lang);  // "en", "fr", "es"
// Accepts "en", "fr", "es", browser tags such as "fr-CA", "es_419", "EN-us", and POSIX locales ("fr_FR.UTF-8").
[[nodiscard]] std::optional<Lang> parse_lang(std::string_view tag);

// Human text in every supported language. Catalog data and UI strings use it.
struct Text {
    std::string_view en;
    std::string_view fr;
    std::string_view es;
    [[nodiscard]] std::string_view in(Lang lang) const {
        switch (lang) {
            case Lang::fr:
                return fr.empty() ? en : fr;
            case Lang::es:
                return es.empty() ? en : es;
            case Lang::en:
                break;
        }
        return en;
    }
};

// Replaces "{1}", "{2}", ... in `pattern` with the given arguments (no std::format on em++ 3.1.6).
[[nodiscard]] std::string fill(std::string_view pattern, std::string_view a1 = {}, std::string_view a2 = {},
                               std::string_view a3 = {}, std::string_view a4 = {});

}  // namespace pathwise
