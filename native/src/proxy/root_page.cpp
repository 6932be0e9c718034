// root_page.cpp — see root_page.hpp.
#include "proxy/root_page.hpp"

#include <string>

#include "pathwise/client_catalog.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise::proxy {
namespace {

std::string html_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::vector<ClientFamilyBaseUrl> base_urls_by_family(std::string_view proxy_origin) {
    std::vector<ClientFamilyBaseUrl> rows;
    // One row per family of clients that join paths alike, from the entry the catalog marks as its representative.
    for (const ClientEntry& client : client_catalog()) {
        if (client.family.empty()) continue;
        auto recommendation = recommend(client, "", proxy_origin);
        if (!recommendation || !recommendation->reachable) continue;
        std::string settings;
        for (const ExtraSetting* setting : recommendation->settings) {
            settings += (settings.empty() ? "" : ", ") + std::string(setting->name) + "=" + std::string(setting->value);
        }
        rows.push_back({std::string(client.family), std::string(client.id), recommendation->base_url, settings});
    }
    return rows;
}

nlohmann::json root_document(std::string_view proxy_origin) {
    nlohmann::json base_urls = nlohmann::json::array();
    for (const auto& row : base_urls_by_family(proxy_origin)) {
        base_urls.push_back({{"family", row.family},
                             {"client_id", row.client_id},
                             {"base_url", row.base_url},
                             {"also_set", row.also_set}});
    }
    nlohmann::json routes = nlohmann::json::array();
    for (const Route& route : route_table()) {
        routes.push_back({{"id", route.id},
                          {"method", method_name(route.method)},
                          {"path", route.pattern},
                          {"protocol", protocol_name(route.protocol)},
                          {"purpose", route.purpose}});
    }
    return {{"name", "pathwise"},
            {"version", PATHWISE_VERSION},
            {"origin", proxy_origin},
            {"wizard", std::string(proxy_origin) + "/"},
            {"base_urls", std::move(base_urls)},
            {"routes", std::move(routes)}};
}

std::string wizard_missing_page(std::string_view proxy_origin, std::string_view web_root) {
    std::string rows;
    for (const auto& row : base_urls_by_family(proxy_origin)) {
        rows += "<tr><td>" + html_escape(row.family) + "</td><td><code>" + html_escape(row.base_url) +
                "</code></td><td>" + html_escape(row.also_set) + "</td></tr>\n";
    }
    std::string routes;
    for (const Route& route : route_table()) {
        routes += "<tr><td>" + std::string(method_name(route.method)) + "</td><td><code>" + html_escape(route.pattern) +
                  "</code></td><td>" + html_escape(route.purpose) + "</td></tr>\n";
    }
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pathwise proxy</title>"
           "<link rel=\"icon\" href=\"data:,\"></head><body>\n"
           "<h1>Pathwise proxy is running</h1>\n"
           "<p>The setup wizard is not built, so this plain page is shown instead. No <code>index.html</code> was "
           "found in <code>" +
           html_escape(web_root) +
           "</code>.</p>\n"
           "<p>To build the wizard, run <code>scripts/build.sh web</code> (or point <code>pathwise serve "
           "--web-root DIR</code> / <code>PATHWISE_WEB_ROOT</code> at a built wizard).</p>\n"
           "<h2>Base URL to type, per client</h2>\n<table border=\"1\" cellpadding=\"4\">"
           "<tr><th>Client</th><th>Base URL</th><th>Also set</th></tr>\n" +
           rows +
           "</table>\n"
           "<h2>Routes</h2>\n<table border=\"1\" "
           "cellpadding=\"4\"><tr><th>Method</th><th>Path</th><th>Purpose</th></tr>\n" +
           routes + "</table>\n<p>Machine-readable: <code>curl -H 'Accept: application/json' " +
           html_escape(proxy_origin) + "/</code></p>\n</body></html>\n";
}

}  // namespace pathwise::proxy
