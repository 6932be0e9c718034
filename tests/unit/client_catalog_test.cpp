// client_catalog_test.cpp — the catalog's contents (the clients of docs/clients.md, with the versions and
// defaults it states) and its lookups: find_client, pick_variant, compare_versions, auth_header_of, find_call.
#include "pathwise/client_catalog.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

// Which ids the catalog must hold is documented, not listed here: docs/clients.md section 8 names every entry
// and tests/docs/clients_md_ids.sh checks it against `pathwise clients --json`. Here: each id finds its entry.
TEST(ClientCatalog, EveryEntry_IsFoundByItsOwnId) {
    ASSERT_FALSE(client_catalog().empty());
    for (const ClientEntry& client : client_catalog()) EXPECT_EQ(find_client(client.id), &client) << client.id;
}

// The proxy's banner and GET / show one base URL per family, from the entries that carry a `family` label.
TEST(ClientCatalog, FamilyLabels_AreUnique_AndCoverEveryProviderProtocol) {
    std::set<std::string_view> labels;
    std::set<Protocol> protocols;
    for (const ClientEntry& client : client_catalog()) {
        if (client.family.empty()) continue;
        EXPECT_TRUE(labels.insert(client.family).second) << client.family << " labels two entries";
        EXPECT_TRUE(client.reaches_loopback) << client.id << ": a family's base URL must reach the proxy";
        protocols.insert(client.protocol);
    }
    EXPECT_EQ(protocols, (std::set<Protocol>{Protocol::openai, Protocol::anthropic, Protocol::gemini}));
}

TEST(ClientCatalog, UnknownId_IsNull) {
    EXPECT_EQ(find_client("not-a-client"), nullptr);
    EXPECT_EQ(find_client(""), nullptr);
}

TEST(ClientCatalog, Ids_AreUnique) {
    std::set<std::string_view> seen;
    for (const ClientEntry& client : client_catalog()) EXPECT_TRUE(seen.insert(client.id).second) << client.id;
}

TEST(ClientCatalog, EveryEntry_IsComplete) {
    for (const ClientEntry& client : client_catalog()) {
        EXPECT_FALSE(client.name.empty()) << client.id;
        EXPECT_FALSE(client.product.empty()) << client.id;
        EXPECT_FALSE(client.auth_header.empty()) << client.id;
        ASSERT_FALSE(client.variants.empty()) << client.id;
        for (const ClientVariant& variant : client.variants) {
            EXPECT_FALSE(variant.versions.empty()) << client.id;
            EXPECT_FALSE(variant.source.empty()) << client.id;
            EXPECT_FALSE(variant.calls.empty()) << client.id;
            EXPECT_FALSE(variant.entry_points.empty()) << client.id;
            EXPECT_FALSE(variant.caveats.empty()) << client.id;
        }
    }
}

TEST(ClientCatalog, EveryCall_IsMeantForAnExistingRouteWithItsMethod) {
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            std::set<std::string_view> call_ids;
            for (const ClientCall& call : variant.calls) {
                EXPECT_TRUE(call_ids.insert(call.id).second) << client.id << " repeats call " << call.id;
                EXPECT_FALSE(call.path.empty()) << client.id << " " << call.id;
                EXPECT_FALSE(call.trigger.empty()) << client.id << " " << call.id;
                const Route* route = find_route(call.route_id);
                ASSERT_NE(route, nullptr) << client.id << " " << call.id << " → " << call.route_id;
                // Codex's WebSocket try is a GET to the POST route: the only allowed mismatch.
                if (!call.websocket_upgrade) {
                    EXPECT_EQ(route->method, call.method) << client.id << " " << call.id;
                }
                if (!call.fallback_of.empty()) {
                    const ClientCall* primary = find_call(variant, call.fallback_of);
                    ASSERT_NE(primary, nullptr) << client.id << " " << call.id;
                    EXPECT_TRUE(primary->fallback_of.empty()) << "a fallback of a fallback";
                }
            }
        }
    }
}

TEST(ClientCatalog, EveryText_HasRealFrenchAndSpanish) {
    const auto check = [](const Text& text, std::string_view where) {
        EXPECT_FALSE(text.en.empty()) << where;
        EXPECT_FALSE(text.fr.empty()) << where;
        EXPECT_FALSE(text.es.empty()) << where;
        EXPECT_NE(text.fr, text.en) << where << ": French is a copy of English";
        EXPECT_NE(text.es, text.en) << where << ": Spanish is a copy of English";
        EXPECT_NE(text.fr, text.es) << where;
    };
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            for (const Text& caveat : variant.caveats) check(caveat, client.id);
            for (const ExtraSetting& setting : variant.extra_settings) {
                check(setting.why, setting.name);
                EXPECT_FALSE(setting.value.empty()) << setting.name;
                EXPECT_FALSE(setting.where.empty()) << setting.name;
            }
        }
    }
}

TEST(ClientCatalog, EveryEntryPointExample_HasTheBasePlaceholder) {
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            for (const EntryPoint& entry : variant.entry_points) {
                EXPECT_FALSE(entry.kind.empty()) << client.id;
                EXPECT_FALSE(entry.name.empty()) << client.id;
                EXPECT_NE(entry.example.find("{base}"), std::string_view::npos) << client.id << ": " << entry.example;
            }
        }
    }
}

TEST(ClientCatalog, VariantRanges_NewestFirstWithoutOverlap) {
    for (const ClientEntry& client : client_catalog()) {
        for (std::size_t i = 0; i + 1 < client.variants.size(); ++i) {
            const ClientVariant& newer = client.variants[i];
            const ClientVariant& older = client.variants[i + 1];
            if (newer.min_version.empty() || older.max_version.empty()) continue;
            EXPECT_GE(compare_versions(newer.min_version, older.max_version), 0) << client.id;
        }
        for (const ClientVariant& variant : client.variants) {
            if (!variant.min_version.empty() && !variant.max_version.empty()) {
                EXPECT_LT(compare_versions(variant.min_version, variant.max_version), 0) << client.id;
            }
        }
    }
}

// The versions docs/clients.md says were measured, each picking the variant that records it.
struct MeasuredVersion {
    std::string_view client;
    std::string_view version;
};
// clang-format off
const std::vector<MeasuredVersion> kMeasured = {
    {"openai-node", "7.57.0"},       {"openai-node", "6.49.0"},        {"anthropic-sdk-node", "1.12.0"},
    {"anthropic-sdk-node", "0.137.0"}, {"google-genai-node", "3.1.0"}, {"google-genai-node", "2.32.0"},
    {"google-generative-ai", "0.24.1"}, {"ai-sdk-openai", "4.0.118"},  {"ai-sdk-openai-compatible", "3.0.92"},
    {"ai-sdk-anthropic", "4.0.105"},  {"ai-sdk-google", "4.0.121"},    {"langchain-openai", "1.6.0"},
    {"claude-code", "2.1.330"},       {"codex-cli", "0.169.0"},        {"codex-cli.builtin", "0.169.0"},
    {"gemini-cli", "0.61.0"},         {"kilo-cli.openai-compatible", "7.7.7"}, {"kilo-cli.openai", "7.7.7"},
    {"kilo-cli.anthropic", "7.7.7"},  {"kilo-cli.google", "7.7.7"},
    {"cline-cli.openai-compatible", "3.0.65"}, {"cline-cli.openai", "3.0.65"}, {"cline-cli.anthropic", "3.0.65"},
    {"cline-cli.gemini", "3.0.65"},   {"continue.openai", "1.5.47"},   {"continue.anthropic", "1.5.47"},
    {"continue-cli.gemini", "1.5.47"}, {"opencode.openai-compatible", "1.18.33"}, {"opencode.openai", "1.18.33"},
    {"opencode.anthropic", "1.18.33"}, {"opencode.google", "1.18.33"}, {"qwen-code", "0.24.4"},
    {"qwen-code.openai-responses", "0.24.4"}, {"qwen-code.anthropic", "0.24.4"}, {"qwen-code.gemini", "0.24.4"},
};
// clang-format on

TEST(ClientCatalog, MeasuredVersions_PickTheVariantThatRecordsThem) {
    for (const MeasuredVersion& m : kMeasured) {
        const ClientEntry* client = find_client(m.client);
        ASSERT_NE(client, nullptr) << m.client;
        const ClientVariant& variant = pick_variant(*client, m.version);
        EXPECT_EQ(variant.measured, m.version) << m.client;
    }
}

TEST(ClientCatalog, DefaultBaseUrls_AsInClientsMd) {
    EXPECT_EQ(find_client("openai-node")->variants[0].default_base_url, "https://api.openai.com/v1");
    EXPECT_EQ(find_client("anthropic-sdk-node")->variants[0].default_base_url, "https://api.anthropic.com");
    EXPECT_EQ(find_client("ai-sdk-anthropic")->variants[0].default_base_url, "https://api.anthropic.com/v1");
    EXPECT_EQ(find_client("ai-sdk-google")->variants[0].default_base_url,
              "https://generativelanguage.googleapis.com/v1beta");
    EXPECT_EQ(find_client("google-genai-node")->variants[0].default_base_url,
              "https://generativelanguage.googleapis.com/");
    EXPECT_EQ(find_client("google-generative-ai")->variants[0].default_base_url,
              "https://generativelanguage.googleapis.com");
    EXPECT_EQ(find_client("continue.openai")->variants[0].default_base_url, "https://api.openai.com/v1/");
}

TEST(ClientCatalog, Protocols_AsInClientsMd) {
    EXPECT_EQ(find_client("claude-code")->protocol, Protocol::anthropic);
    EXPECT_EQ(find_client("ai-sdk-anthropic")->protocol, Protocol::anthropic);
    EXPECT_EQ(find_client("gemini-cli")->protocol, Protocol::gemini);
    EXPECT_EQ(find_client("codex-cli")->protocol, Protocol::openai);
    EXPECT_EQ(find_client("lobechat.google")->protocol, Protocol::gemini);
}

TEST(ClientCatalog, Cursor_AloneCannotReachLoopback) {
    for (const ClientEntry& client : client_catalog()) {
        EXPECT_EQ(client.reaches_loopback, client.id != "cursor") << client.id;
    }
}

TEST(ClientCatalog, SettingsNeeded_AsInClientsMd) {
    const ClientVariant& genai3 = pick_variant(*find_client("google-genai-node"), "3.1.0");
    ASSERT_EQ(genai3.extra_settings.size(), 1U);
    EXPECT_EQ(genai3.extra_settings[0].name, "GOOGLE_GENAI_API_VERSION");
    EXPECT_EQ(genai3.extra_settings[0].value, "beta");
    EXPECT_EQ(genai3.extra_settings[0].sets_api_version, "v1beta");
    EXPECT_TRUE(pick_variant(*find_client("google-genai-node"), "2.32.0").extra_settings.empty());
    const ClientVariant& gemini_cli = find_client("gemini-cli")->variants[0];
    ASSERT_EQ(gemini_cli.extra_settings.size(), 1U);
    EXPECT_EQ(gemini_cli.extra_settings[0].name, "security.auth.selectedType");
    EXPECT_EQ(gemini_cli.extra_settings[0].value, "gemini-api-key");
    EXPECT_TRUE(gemini_cli.extra_settings[0].sets_api_version.empty());
}

TEST(ClientCatalog, AuthHeader_VariantOverridesEntry) {
    const ClientEntry& anthropic = *find_client("anthropic-sdk-node");
    EXPECT_EQ(auth_header_of(anthropic, pick_variant(anthropic, "1.12.0")),
              "Authorization: Bearer (anthropic-version: 2026-10-21)");
    EXPECT_EQ(auth_header_of(anthropic, pick_variant(anthropic, "0.137.0")),
              "x-api-key (anthropic-version: 2023-06-01)");
    const ClientEntry& openai = *find_client("openai-node");
    EXPECT_EQ(auth_header_of(openai, openai.variants[0]), "Authorization: Bearer");
    EXPECT_EQ(auth_header_of(*find_client("continue.gemini"), find_client("continue.gemini")->variants[0]),
              "?key= (query string)");
}

TEST(ClientCatalog, FindCall_ById) {
    const ClientVariant& roo = find_client("roo-code.openai-native")->variants[0];
    const ClientCall* fallback = find_call(roo, "responses_fallback");
    ASSERT_NE(fallback, nullptr);
    EXPECT_EQ(fallback->fallback_of, "responses");
    EXPECT_EQ(fallback->path, "/v1/responses");
    EXPECT_NE(fallback->join_override, nullptr);
    EXPECT_EQ(find_call(roo, "nope"), nullptr);
}

// ---- versions ------------------------------------------------------------------------------------------------

struct VersionOrder {
    std::string_view a;
    std::string_view b;
    int expected;
};
// clang-format off
const std::vector<VersionOrder> kVersionOrders = {
    {"2.32.0", "3.1", -1}, {"3.1", "2.32.0", 1},   {"3.0.0", "3", 0},        {"7.57.0", "7.57.0", 0},
    {"0.137.0", "1.0.0", -1}, {"1.12.0", "1.2.0", 1}, {"v3.1.0", "3.1.0", 0}, {"3.0.0-beta.1", "3.0.0", 0},
    {"10.0", "9.9.9", 1},  {"0.24.1", "0.24.10", -1},
};
// clang-format on

TEST(CompareVersions, NumericNotLexical) {
    for (const VersionOrder& order : kVersionOrders) {
        EXPECT_EQ(compare_versions(order.a, order.b), order.expected) << order.a << " vs " << order.b;
    }
}

struct VariantPick {
    std::string_view client;
    std::string_view version;
    std::string_view expected_versions_label;
};
// clang-format off
const std::vector<VariantPick> kPicks = {
    {"openai-node", "7.57.0", "7.x"},        {"openai-node", "6.49.0", "<7 (6.x)"},  {"openai-node", "v6.1", "<7 (6.x)"},
    {"openai-node", "7.0.0", "7.x"},         {"openai-node", "", "7.x"},              {"openai-node", "latest", "7.x"},
    {"anthropic-sdk-node", "1.12.0", "1.x"}, {"anthropic-sdk-node", "0.137.0", "0.x"},
    {"google-genai-node", "3.1.0", ">=3.0"}, {"google-genai-node", "2.32.0", "<=2.x"},
    {"google-genai-node", "3.0.0-rc.1", ">=3.0"}, {"google-genai-node", "2.x", "<=2.x"},
    {"cherry-studio", "", "2026 builds"},    {"cherry-studio", "2024–2025 builds", "2024–2025 builds"},
    {"kilo-code-legacy", "4.2.0", "<=4.x"},
};
// clang-format on

TEST(PickVariant, ByVersionRangeOrLabel) {
    for (const VariantPick& pick : kPicks) {
        const ClientEntry* client = find_client(pick.client);
        ASSERT_NE(client, nullptr) << pick.client;
        EXPECT_EQ(pick_variant(*client, pick.version).versions, pick.expected_versions_label)
            << pick.client << " @ '" << pick.version << "'";
    }
}

TEST(PickVariant, VersionSelecting_PicksEveryVariantBack) {
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            EXPECT_EQ(&pick_variant(client, version_selecting(variant)), &variant)
                << client.id << " " << variant.versions;
        }
    }
    const ClientEntry& cherry = *find_client("cherry-studio");
    EXPECT_EQ(version_selecting(cherry.variants[1]), "2024–2025 builds");
    EXPECT_EQ(version_selecting(find_client("openai-node")->variants[1]), "0");
    EXPECT_EQ(version_selecting(find_client("openai-node")->variants[0]), "7.0.0");
}

}  // namespace
}  // namespace pathwise
