#include "upstreams_feed.hpp"

#include <nlohmann/json.hpp>

#include "pathwise/passage.hpp"
#include "ui_text.hpp"

namespace pathwise::web {
namespace {

std::optional<Protocol> parse_family(std::string_view name) {
    for (const Protocol family : {Protocol::openai, Protocol::anthropic, Protocol::gemini}) {
        if (protocol_name(family) == name) return family;
    }
    return std::nullopt;
}

// Only well-typed members are read: with JSON_NOEXCEPTION a type mismatch would abort the page.
std::string string_member(const nlohmann::json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string passage_text(const CallPassage& how, Lang lang) {
    if (how.estimated) return std::string(ui_text(UiText::passage_estimated, lang));
    switch (how.passage) {
        case Passage::pass_through:
            return std::string(ui_text(UiText::passage_pass_through, lang));
        case Passage::translate:
            return fill(ui_text(UiText::passage_translated, lang), translate::protocol_name(how.client));
        case Passage::refuse:
            return std::string(ui_text(UiText::passage_refused, lang));
    }
    return "";
}

}  // namespace

bool parse_upstreams(std::string_view json_text, std::map<Protocol, KnownUpstream>& upstreams, std::string& error) {
    const auto document = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        error = "the reply is not JSON";
        return false;
    }
    if (!document.is_object() || !document.contains("upstreams") || !document["upstreams"].is_array()) {
        error = "the reply has no \"upstreams\" list";
        return false;
    }
    std::map<Protocol, KnownUpstream> parsed;
    for (const auto& item : document["upstreams"]) {
        if (!item.is_object()) continue;
        const auto family = parse_family(string_member(item, "protocol"));
        if (!family) continue;
        KnownUpstream known;
        known.upstream = string_member(item, "upstream");
        const auto speaks = item.find("speaks");
        if (speaks != item.end() && speaks->is_string()) {
            known.speaks = translate::parse_protocol(speaks->get<std::string>());
            if (!known.speaks) continue;  // a protocol this wizard does not know: better unknown than wrong
        }
        const auto fallbacks = item.find("fallbacks");
        if (fallbacks != item.end() && fallbacks->is_number_unsigned()) known.fallbacks = fallbacks->get<std::size_t>();
        parsed[*family] = std::move(known);
    }
    upstreams = std::move(parsed);
    return true;
}

void apply_upstreams_reply(UpstreamsFeed& feed, int http_status, std::string_view body) {
    feed.fetch_in_flight = false;
    if (http_status == 401 || http_status == 403) {
        feed.status = UpstreamsStatus::unauthorized;
        return;
    }
    std::string error;
    feed.status = http_status == 200 && parse_upstreams(body, feed.upstreams, error) ? UpstreamsStatus::ok
                                                                                     : UpstreamsStatus::failed;
}

std::optional<std::string> served_by_text(const UpstreamsFeed& feed, const ResolvedCall& call, Protocol client_family,
                                          Lang lang) {
    if (call.route == nullptr || !call.sent || call.websocket_upgrade || call.route->protocol == Protocol::service) {
        return std::nullopt;
    }
    if (feed.status == UpstreamsStatus::unauthorized) return std::string(ui_text(UiText::upstream_needs_key, lang));
    if (feed.status == UpstreamsStatus::waiting) return std::string(ui_text(UiText::live_waiting, lang));
    const auto found = feed.upstreams.find(serving_family(*call.route, client_family));
    if (feed.status != UpstreamsStatus::ok || found == feed.upstreams.end()) {
        return std::string(ui_text(UiText::upstream_unknown, lang));
    }
    const CallPassage how = call_passage(*call.route, client_family, found->second.speaks);
    return fill(ui_text(UiText::served_by, lang), found->second.upstream, translate::protocol_name(how.speaks),
                passage_text(how, lang));
}

}  // namespace pathwise::web
