// client_catalog.cpp — the one catalog of clients, assembled from the per-protocol data files, and its lookups.
//
// One entry per product and provider mode; the data lives in catalog_*.hpp, the facts and the list of ids in
// docs/clients.md (section 8, checked against this catalog by tests/docs/clients_md_ids.sh).
//
// Adding a client = one ClientEntry in the matching catalog_*.hpp + its test vectors in tests/unit/ + its row in
// docs/clients.md section 8.
#include "pathwise/client_catalog.hpp"

#include <array>
#include <cstddef>

#include "catalog_anthropic.hpp"
#include "catalog_apps.hpp"
#include "catalog_gemini.hpp"
#include "catalog_openai.hpp"
#include "catalog_qwen.hpp"

namespace pathwise {
namespace {

template <std::size_t... Sizes>
constexpr auto concatenate(const std::array<ClientEntry, Sizes>&... parts) {
    std::array<ClientEntry, (Sizes + ...)> all{};
    std::size_t next = 0;
    (([&] {
         for (const ClientEntry& entry : parts) all[next++] = entry;
     }()),
     ...);
    return all;
}

constexpr auto kCatalog = concatenate(catalog::kOpenAiClients, catalog::kAnthropicClients, catalog::kGeminiClients,
                                      catalog::kAppClients, catalog::kQwenClients);

struct ParsedVersion {
    std::array<unsigned long, 4> parts{};
    bool valid = false;
};

// "v3.1.0-beta.2" → {3, 1, 0}; suffixes after the numeric part are ignored; "" or "latest" → invalid.
constexpr ParsedVersion parse_version(std::string_view text) {
    ParsedVersion version;
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && (text[i] == 'v' || text[i] == 'V')) ++i;
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return version;
    version.valid = true;
    std::size_t part = 0;
    while (i < text.size() && part < version.parts.size()) {
        if (text[i] < '0' || text[i] > '9') break;
        unsigned long value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (value < 100000000UL) value = value * 10 + static_cast<unsigned long>(text[i] - '0');
            ++i;
        }
        version.parts[part++] = value;
        if (i < text.size() && text[i] == '.') {
            ++i;
        } else {
            break;
        }
    }
    return version;
}

constexpr int compare_parsed(const ParsedVersion& a, const ParsedVersion& b) {
    for (std::size_t i = 0; i < a.parts.size(); ++i) {
        if (a.parts[i] < b.parts[i]) return -1;
        if (a.parts[i] > b.parts[i]) return 1;
    }
    return 0;
}

bool variant_holds(const ClientVariant& variant, const ParsedVersion& version) {
    if (!variant.min_version.empty() && compare_parsed(version, parse_version(variant.min_version)) < 0) return false;
    if (!variant.max_version.empty() && compare_parsed(version, parse_version(variant.max_version)) >= 0) return false;
    return true;
}

}  // namespace

std::span<const ClientEntry> client_catalog() {
    return {kCatalog.data(), kCatalog.size()};
}

const ClientEntry* find_client(std::string_view id) {
    for (const ClientEntry& entry : kCatalog) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

const ClientVariant& pick_variant(const ClientEntry& client, std::string_view version) {
    for (const ClientVariant& variant : client.variants) {
        if (!version.empty() && variant.versions == version) return variant;
    }
    const ParsedVersion parsed = parse_version(version);
    if (parsed.valid) {
        for (const ClientVariant& variant : client.variants) {
            if (variant_holds(variant, parsed)) return variant;
        }
    }
    return client.variants.front();
}

std::string_view version_selecting(const ClientVariant& variant) {
    if (!variant.min_version.empty()) return variant.min_version;
    if (!variant.max_version.empty()) return "0";
    return variant.versions;
}

int compare_versions(std::string_view a, std::string_view b) {
    return compare_parsed(parse_version(a), parse_version(b));
}

std::string_view auth_header_of(const ClientEntry& client, const ClientVariant& variant) {
    return variant.auth_header.empty() ? client.auth_header : variant.auth_header;
}

const ClientCall* find_call(const ClientVariant& variant, std::string_view call_id) {
    for (const ClientCall& call : variant.calls) {
        if (call.id == call_id) return &call;
    }
    return nullptr;
}

}  // namespace pathwise
