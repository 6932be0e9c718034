// client_identity.cpp — see client_identity.hpp.
#include "pathwise/client_identity.hpp"

#include "pathwise/client_settings.hpp"
#include "pathwise/resolution.hpp"

namespace pathwise {
namespace {

constexpr std::size_t kMaxVersionLength = 24;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The first dotted number after the prefix: "latest/7.7.7/cli" → "7.7.7", "JS 1.12.0" → "1.12.0".
std::string version_after(std::string_view rest) {
    std::size_t start = 0;
    while (start < rest.size() && start < 64 && !is_digit(rest[start])) ++start;
    std::string version;
    for (std::size_t i = start; i < rest.size() && version.size() < kMaxVersionLength; ++i) {
        if (!is_digit(rest[i]) && rest[i] != '.') break;
        version += rest[i];
    }
    while (!version.empty() && version.back() == '.') version.pop_back();
    return version;
}

bool makes_call_for(const ClientEntry& client, const Route* intended) {
    if (intended == nullptr) return false;
    for (const ClientVariant& variant : client.variants) {
        for (const ClientCall& call : variant.calls) {
            if (call.route_id == intended->id) return true;
        }
    }
    return false;
}

// Where a client reads its base URL: the catalog's entry points of the variant, by name.
std::string where_of(const ClientVariant& variant) {
    std::string where;
    for (const EntryPoint& entry : variant.entry_points) {
        if (where.size() > 0) where += " / ";
        where += entry.name;
    }
    return where;
}

// The product `pathwise configure` takes for this client, "" when it has none.
std::string_view configure_product(const ClientEntry& client) {
    for (const SettingProduct& product : setting_products()) {
        if (product.create.empty()) continue;
        for (const SettingLocation& location : product.locations) {
            if (location.role != SettingRole::base_url) continue;
            if (location.client_id == client.id) return product.id;
            for (const ProviderClient& provider : location.providers) {
                if (provider.client_id == client.id) return product.id;
            }
        }
    }
    return {};
}

}  // namespace

std::optional<IdentifiedClient> identify_client(const ClientHeaders& headers, Protocol protocol,
                                                const Route* intended) {
    const ClientEntry* best = nullptr;
    int best_score = -1;
    std::size_t best_prefix = 0;
    std::string version;
    for (const ClientEntry& client : client_catalog()) {
        std::string_view rest;
        const std::string_view prefix = client.user_agent_prefix;
        std::size_t matched_prefix = 0;
        if (!prefix.empty() && headers.user_agent.starts_with(prefix)) {
            matched_prefix = prefix.size();
            // The version starts after the prefix's last '/': Qwen Code's "claude-cli/0." holds its first digits.
            const std::size_t slash = prefix.rfind('/');
            rest = headers.user_agent.substr(slash == std::string_view::npos ? prefix.size() : slash + 1);
        } else if (!client.goog_api_client_prefix.empty() &&
                   headers.goog_api_client.starts_with(client.goog_api_client_prefix)) {
            rest = headers.goog_api_client.substr(client.goog_api_client_prefix.size());
        } else {
            continue;
        }
        // A User-Agent match beats an x-goog-api-client one (Gemini CLI sends genai's header too); then the
        // request's protocol; then a call meant for the route the request was aiming at.
        const int score = (!client.user_agent_prefix.empty() ? 4 : 0) + (client.protocol == protocol ? 2 : 0) +
                          (makes_call_for(client, intended) ? 1 : 0);
        // Equal scores: the longer User-Agent prefix is the more specific client ("claude-cli/0." over "claude-cli/").
        if (score > best_score || (score == best_score && matched_prefix > best_prefix)) {
            best = &client;
            best_score = score;
            best_prefix = matched_prefix;
            version = version_after(rest);
        }
    }
    if (best == nullptr) return std::nullopt;
    return IdentifiedClient{best, version};
}

ClientFix fix_for(const IdentifiedClient& identified, std::string_view proxy_origin) {
    const ClientEntry& client = *identified.client;
    ClientFix fix;
    fix.client_name = std::string(client.name) + (identified.version.empty() ? "" : " " + identified.version);
    const ClientVariant& variant = pick_variant(client, identified.version);
    fix.where = where_of(variant);
    if (auto recommendation = recommend(client, identified.version, proxy_origin);
        recommendation && recommendation->reachable) {
        fix.base_url = recommendation->base_url;
        for (const ExtraSetting* setting : recommendation->settings) {
            fix.where += " (+ " + std::string(setting->name) + "=" + std::string(setting->value) + ")";
        }
    }
    const std::string_view product = configure_product(client);
    if (!product.empty()) fix.configure = "pathwise configure " + std::string(product);
    return fix;
}

std::string explain_fix(const ClientFix& fix, Lang lang) {
    if (fix.base_url.empty()) {
        return fill(Text{"Sent by {1}.", "Envoyé par {1}.", "Enviado por {1}."}.in(lang), fix.client_name);
    }
    std::string text = fill(
        Text{"Sent by {1}: set {2} to {3}", "Envoyé par {1} : réglez {2} sur {3}", "Enviado por {1}: pon {2} en {3}"}
            .in(lang),
        fix.client_name, fix.where.empty() ? std::string("its base URL") : fix.where, fix.base_url);
    if (!fix.configure.empty()) {
        text += fill(Text{" (or run `{1}`)", " (ou lancez `{1}`)", " (o ejecuta `{1}`)"}.in(lang), fix.configure);
    }
    return text + ".";
}

}  // namespace pathwise
