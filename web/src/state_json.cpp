// The wizard's state as tests see it: what the link holds plus what the core computed from it.
// Everything here is re-derived from the core, exactly as the panels draw it.
#include <nlohmann/json.hpp>

#include "frame.hpp"
#include "log_line.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/failure_receipt.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/share_link.hpp"

namespace pathwise::web {
namespace {

nlohmann::json calls_json(const std::vector<ResolvedCall>& calls) {
    auto out = nlohmann::json::array();
    for (const auto& call : calls) {
        out.push_back({{"id", call.call ? std::string(call.call->id) : std::string()},
                       {"method", std::string(method_name(call.method))},
                       {"path", call.path},
                       {"base_part", call.base_part},
                       {"client_part", call.client_part},
                       {"query", call.query},
                       {"websocket_upgrade", call.websocket_upgrade},
                       {"route_id", call.route ? std::string(call.route->id) : std::string()}});
    }
    return out;
}

// The lines the Setup view draws under each call, exactly (upstreams_feed.hpp).
nlohmann::json served_by_json(const WizardApp& app, const std::vector<ResolvedCall>& calls, Protocol client_family,
                              Lang lang) {
    auto out = nlohmann::json::array();
    for (const auto& call : calls) {
        if (const auto line = served_by_text(app.ui.upstreams, call, client_family, lang)) {
            out.push_back({{"id", call.call ? std::string(call.call->id) : std::string()},
                           {"route_id", std::string(call.route->id)},
                           {"text", *line}});
        }
    }
    return out;
}

std::string_view upstreams_status_name(UpstreamsStatus status) {
    switch (status) {
        case UpstreamsStatus::not_available:
            return "not_available";
        case UpstreamsStatus::waiting:
            return "waiting";
        case UpstreamsStatus::ok:
            return "ok";
        case UpstreamsStatus::unauthorized:
            return "unauthorized";
        case UpstreamsStatus::failed:
            return "failed";
    }
    return "unknown";
}

std::string_view live_status_name(LiveStatus status) {
    switch (status) {
        case LiveStatus::not_available:
            return "not_available";
        case LiveStatus::waiting:
            return "waiting";
        case LiveStatus::ok:
            return "ok";
        case LiveStatus::proxy_down:
            return "proxy_down";
        case LiveStatus::unauthorized:
            return "unauthorized";
        case LiveStatus::bad_reply:
            return "bad_reply";
    }
    return "unknown";
}

}  // namespace

std::string state_json(const WizardApp& app) {
    const std::string origin = effective_proxy_origin(app);
    const Lang lang = effective_lang(app);
    nlohmann::json out;
    out["view"] = std::string(view_name(app.state.view));
    out["client"] = app.state.client_id;
    out["version"] = app.state.client_version;
    out["typed_base_url"] = app.state.typed_base_url;
    out["log_path"] = app.state.log_path;
    out["lang"] = std::string(lang_code(lang));
    out["lang_explicit"] = app.state.lang_explicit;
    out["proxy_origin"] = origin;
    out["fragment"] = encode_share_link(app.state);
    auto& notes = out["notes"] = nlohmann::json::array();
    for (const auto& note : app.ui.link_notes)
        notes.push_back({{"field", note.field}, {"code", note.code}, {"message", note.message}});

    if (const ClientEntry* client = find_client(app.state.client_id)) {
        const auto recommendation = recommend(*client, app.state.client_version, origin);
        if (recommendation) {
            out["variant"] = std::string(recommendation->variant->versions);
            out["recommended_base_url"] = recommendation->base_url;
            out["reachable"] = recommendation->reachable;
            out["calls"] = calls_json(recommendation->resolution.calls);
            out["served_by"] = served_by_json(app, recommendation->resolution.calls, client->protocol, lang);
        } else {
            out["recommend_error"] = recommendation.error().code;
        }
        if (!app.state.typed_base_url.empty()) {
            auto& check = out["check"];
            const auto checked = diagnose_client(*client, app.state.client_version, app.state.typed_base_url);
            if (checked) {
                check["diagnosis_kind"] = std::string(diagnosis_kind_name(checked->diagnosis.kind));
                check["title"] = std::string(title(checked->diagnosis.kind, lang));
                check["recommended_base_url"] = checked->recommended_base_url;
                check["calls"] = calls_json(checked->resolution.calls);
            } else {
                check["error_code"] = checked.error().code;
                check["error"] = checked.error().message;
            }
        }
    }
    if (const RequestFacts facts = facts_from_log_line(app.state.log_path); !facts.target.empty()) {
        const Diagnosis diagnosis = diagnose_request(facts, origin);
        out["log"] = {{"diagnosis_kind", std::string(diagnosis_kind_name(diagnosis.kind))},
                      {"title", std::string(title(diagnosis.kind, lang))},
                      {"intended_route", diagnosis.intended ? std::string(diagnosis.intended->id) : std::string()},
                      {"fixed_base_url", diagnosis.fixed_base_url}};
    }
    if (!app.state.receipt.empty()) {
        const FailureReceipt& receipt = app.state.receipt;
        auto& shown = out["receipt"];
        for_each_receipt_field(receipt, [&](const char* name, const auto& value) { shown[name] = value; });
        shown["explained"] = explain_receipt(read_receipt(receipt), lang);
    }
    out["live"] = {{"status", std::string(live_status_name(app.ui.live.status))},
                   {"http_status", app.ui.live.http_status},
                   {"count", app.ui.live.requests.size()},
                   {"has_key", !app.ui.api_key.empty()}};
    out["upstreams"] = {{"status", std::string(upstreams_status_name(app.ui.upstreams.status))},
                        {"count", app.ui.upstreams.upstreams.size()}};
    auto& requests = out["live"]["requests"] = nlohmann::json::array();
    for (const auto& request : app.ui.live.requests) {
        requests.push_back({{"unix_ms", request.unix_ms},
                            {"method", request.method},
                            {"path", request.path},
                            {"status", request.status},
                            {"route_id", request.route_id},
                            {"diagnosis_kind", request.diagnosis_kind},
                            {"fixed_base_url", request.fixed_base_url}});
    }
    return out.dump();
}

}  // namespace pathwise::web
