// i18n_test.cpp — language tags people's browsers and shells send, and the placeholder filler.
#include "pathwise/i18n.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

struct TagCase {
    std::string_view tag;
    std::optional<Lang> expected;
};

TEST(ParseLang, BrowserAndShellTags) {
    const std::vector<TagCase> cases = {
        {"en", Lang::en},          {"fr", Lang::fr},          {"es", Lang::es},       {"fr-CA", Lang::fr},
        {"es_419", Lang::es},      {"EN-us", Lang::en},       {"FR", Lang::fr},       {"es-ES", Lang::es},
        {"de", std::nullopt},      {"", std::nullopt},        {"f", std::nullopt},    {"fra", std::nullopt},
        {"english", std::nullopt}, {"fr_FR.UTF-8", Lang::fr}, {"es.UTF-8", Lang::es}, {"fr@euro", Lang::fr},
        {"C.UTF-8", std::nullopt}, {"POSIX", std::nullopt},
    };
    for (const TagCase& c : cases) {
        EXPECT_EQ(parse_lang(c.tag), c.expected) << "tag '" << c.tag << "'";
    }
}

TEST(LangCode, RoundTripsThroughParseLang) {
    for (const Lang lang : {Lang::en, Lang::fr, Lang::es}) {
        EXPECT_EQ(parse_lang(lang_code(lang)), lang);
    }
    EXPECT_EQ(lang_code(Lang::fr), "fr");
}

TEST(Fill, ReplacesNumberedPlaceholdersInAnyOrder) {
    EXPECT_EQ(fill("Set the base URL to {1}.", "http://127.0.0.1:8045"), "Set the base URL to http://127.0.0.1:8045.");
    EXPECT_EQ(fill("{2} then {1}, {2} again", "a", "b"), "b then a, b again");
    EXPECT_EQ(fill("{1}{2}{3}{4}", "w", "x", "y", "z"), "wxyz");
}

TEST(Fill, LeavesEverythingElseAlone) {
    // Only {1}..{4} are placeholders: JSON-ish braces, {model} and {5} stay as written.
    EXPECT_EQ(fill("/v1beta/models/{model}:generateContent {5} {} {", "x"),
              "/v1beta/models/{model}:generateContent {5} {} {");
    EXPECT_EQ(fill("no placeholders"), "no placeholders");
    EXPECT_EQ(fill(""), "");
    EXPECT_EQ(fill("missing {3}", "a"), "missing ");
}

TEST(Fill, KeepsUtf8Intact) {
    EXPECT_EQ(fill("Préfixe {1} en double — « {2} »", "/v1", "/v1/v1/messages"),
              "Préfixe /v1 en double — « /v1/v1/messages »");
}

TEST(Text, FallsBackToEnglishWhenATranslationIsMissing) {
    const Text full{"Duplicated", "En double", "Duplicado"};
    EXPECT_EQ(full.in(Lang::en), "Duplicated");
    EXPECT_EQ(full.in(Lang::fr), "En double");
    EXPECT_EQ(full.in(Lang::es), "Duplicado");
    const Text english_only{"Only English", {}, {}};
    EXPECT_EQ(english_only.in(Lang::fr), "Only English");
    EXPECT_EQ(english_only.in(Lang::es), "Only English");
}

}  // namespace
}  // namespace pathwise
