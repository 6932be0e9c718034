// clients.cpp — `pathwise clients`: the catalog, with what to type for a given proxy origin.
//
// JSON (`--json`): {"origin": "http://127.0.0.1:8045", "clients": [{"id", "name", "product", "kind",
//   "protocol", "auth_header", "reaches_loopback", "variants": [{"versions", "min_version", "max_version",
//   "measured", "source", "default_base_url", "reachable", "needs_public_url", "recommended_base_url",
//   "settings": [{"name", "value", "where"}]}]}]}
#include <cstdio>

#include "cli/args.hpp"
#include "cli/doctor.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "pathwise/resolution.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kClientsHelp =
    "usage: pathwise clients [--origin URL] [--json] [--lang en|fr|es]\n"
    "\n"
    "Every client Pathwise knows: catalog id (for `pathwise doctor --client ID`), name, protocol, the version\n"
    "ranges whose behaviour differs, and the base URL to type for a proxy at --origin (default\n"
    "http://127.0.0.1:8045), with any extra setting it needs.\n";

constexpr OptionSpec kClientsSpecs[] = {{"--origin", "URL", false}};

std::string_view kind_name(ClientKind kind) {
    switch (kind) {
        case ClientKind::sdk:
            return "sdk";
        case ClientKind::cli:
            return "cli";
        case ClientKind::app:
            return "app";
        case ClientKind::tool:
            return "tool";
    }
    return "sdk";
}

// A version inside the variant's range, so `recommend` picks this variant and not the newest.
std::string_view version_inside(const ClientVariant& variant) {
    if (!variant.min_version.empty()) return variant.min_version;
    return variant.max_version.empty() ? std::string_view() : std::string_view("0");
}

}  // namespace

int run_clients(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, kClientsSpecs, "clients", error);
    if (!parsed) return usage_error("clients", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("clients", error);
    if (common->help) {
        std::fputs(kClientsHelp.data(), stdout);
        return kExitFine;
    }
    if (!parsed->positionals.empty()) {
        return usage_error("clients", "unexpected argument '" + parsed->positionals.front() + "'");
    }
    std::string origin(kDefaultOrigin);
    if (const auto given = parsed->value("--origin")) {
        const auto url = parse_base_url(*given);
        if (!url) return usage_error("clients", "--origin '" + *given + "': " + url.error().message);
        origin = url->origin();
    }
    const Lang lang = common->lang;
    const Style style(common->color);
    ordered_json json_clients = ordered_json::array();
    Table table({std::string(msg::kClient.in(lang)), std::string(msg::kName.in(lang)),
                 std::string(msg::kProtocol.in(lang)), std::string(msg::kVersions.in(lang)),
                 fill(msg::kTypeFor.in(lang), origin)});
    for (const ClientEntry& client : client_catalog()) {
        ordered_json variants = ordered_json::array();
        bool first_row = true;
        for (const ClientVariant& variant : client.variants) {
            const auto recommendation = recommend(client, version_inside(variant), origin);
            const bool reachable = recommendation && recommendation->reachable;
            const std::string base = reachable ? recommendation->base_url : std::string();
            std::string shown = reachable ? base : std::string(msg::kNeedsPublicUrl.in(lang));
            if (recommendation && recommendation->needs_public_url) {
                shown = recommendation->base_url + "  " + std::string(msg::kNeedsPublicUrl.in(lang));
            }
            ordered_json settings = ordered_json::array();
            if (recommendation) {
                for (const ExtraSetting* setting : recommendation->settings) {
                    shown += "  + " + std::string(setting->name) + "=" + std::string(setting->value);
                    settings.push_back({{"name", setting->name}, {"value", setting->value}, {"where", setting->where}});
                }
            }
            table.add({first_row ? std::string(client.id) : "", first_row ? std::string(client.name) : "",
                       first_row ? std::string(protocol_name(client.protocol)) : "", std::string(variant.versions),
                       shown});
            first_row = false;
            variants.push_back({{"versions", variant.versions},
                                {"min_version", variant.min_version},
                                {"max_version", variant.max_version},
                                {"measured", variant.measured},
                                {"source", variant.source},
                                {"default_base_url", variant.default_base_url},
                                {"reachable", reachable},
                                {"needs_public_url", recommendation && recommendation->needs_public_url},
                                {"recommended_base_url", base},
                                {"settings", std::move(settings)}});
        }
        json_clients.push_back({{"id", client.id},
                                {"name", client.name},
                                {"product", client.product},
                                {"kind", kind_name(client.kind)},
                                {"protocol", protocol_name(client.protocol)},
                                {"auth_header", client.auth_header},
                                {"reaches_loopback", client.reaches_loopback},
                                {"variants", std::move(variants)}});
    }
    if (common->json) {
        ordered_json out;
        out["origin"] = origin;
        out["clients"] = std::move(json_clients);
        print_json(out);
    } else {
        print_text(table.render(style));
    }
    return kExitFine;
}

}  // namespace pathwise::cli
