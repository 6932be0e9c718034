// doctor_client.cpp — `pathwise doctor --client ID BASE_URL`: what the client sends, and what to type instead.
#include <algorithm>

#include "cli/doctor.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "config/environment.hpp"
#include "config/load.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/passage.hpp"
#include "pathwise/resolution.hpp"
#include "upstream/translation.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

// Everything the doctor knows about one (client, version, typed base URL), computed once for both outputs.
struct ClientReport {
    const ClientEntry* client = nullptr;
    const ClientVariant* variant = nullptr;  // the one pick_variant chose for `version`
    std::optional<std::string> version;
    std::string typed_base_url;
    std::vector<std::string> applied_settings;
    Resolution resolution;
    Diagnosis diagnosis;
    std::string recommended_base_url;
    std::vector<const ExtraSetting*> settings_needed;
    std::optional<Recommendation> recommendation;  // where to type it, examples, verify commands
    bool reachable = true;
    bool ok = false;
    std::optional<config::ServeConfig> serve_config;  // what `pathwise serve` would run with
    std::string config_error;
};

// How serve would pass a call on: its upstream, the protocol that upstream speaks, passed through or translated.
struct ServedBy {
    std::string upstream;
    CallPassage how;
};

std::optional<ServedBy> served_by(const ClientReport& report, const ResolvedCall& call) {
    if (!report.serve_config || call.route == nullptr || call.route->protocol == Protocol::service) return std::nullopt;
    const Protocol family = serving_family(*call.route, report.client->protocol);
    const auto found = report.serve_config->upstreams.find(family);
    const config::UpstreamConfig upstream =
        found != report.serve_config->upstreams.end() ? found->second : config::UpstreamConfig{};
    return ServedBy{upstream.is_mock() ? "mock" : upstream.base_url,
                    call_passage(*call.route, report.client->protocol, upstream.protocol)};
}

// Fills the report; returns an error message for a usage problem (bad URL, unknown setting).
std::optional<std::string> build_report(ClientReport& report) {
    const ClientEntry& client = *report.client;
    const std::string_view version = report.version ? std::string_view(*report.version) : std::string_view();
    const ClientVariant& variant = pick_variant(client, version);
    report.variant = &variant;
    for (const std::string& name : report.applied_settings) {
        const bool known = std::any_of(variant.extra_settings.begin(), variant.extra_settings.end(),
                                       [&](const ExtraSetting& setting) { return setting.name == name; });
        if (known) continue;
        std::string known_names;
        for (const ExtraSetting& setting : variant.extra_settings) {
            known_names += (known_names.empty() ? "" : ", ") + std::string(setting.name);
        }
        return "unknown setting '" + name + "' for " + std::string(client.id) + " (" + std::string(variant.versions) +
               "); " +
               (known_names.empty() ? std::string("this client needs no extra settings") : "known: " + known_names);
    }

    ResolveOptions options;
    options.applied_settings = report.applied_settings;
    auto diagnosed = diagnose_client(client, version, report.typed_base_url, {}, options);
    if (!diagnosed) return diagnosed.error().message;
    ClientDiagnosis& value = diagnosed.value();
    report.resolution = std::move(value.resolution);
    report.diagnosis = std::move(value.diagnosis);
    report.recommended_base_url = std::move(value.recommended_base_url);
    report.settings_needed = std::move(value.settings_needed);

    auto recommendation = recommend(client, version, report.resolution.base.origin());
    if (recommendation) report.recommendation = std::move(recommendation.value());
    // Cursor's cloud makes the calls (docs/clients.md 1.14): a loopback proxy is out of its reach whatever the path.
    report.reachable = !report.diagnosis.client_cannot_reach_origin &&
                       !(report.recommendation && report.recommendation->needs_public_url);
    report.ok = report.resolution.all_calls_routed && report.reachable;
    return std::nullopt;
}

// The core explains the client's situation, Cursor's reach included; our own words only fill a gap.
std::string explanation_of(const ClientReport& report, Lang lang) {
    std::string text = explain(report.diagnosis, lang);
    if (!text.empty()) return text;
    if (!report.reachable) return std::string(msg::kUnreachable.in(lang));
    return report.diagnosis.kind == DiagnosisKind::ok ? std::string(msg::kAllRouted.in(lang)) : std::string();
}

// A path problem comes first; an unreachable client with right paths is the remaining problem.
std::string verdict_title(const ClientReport& report, Lang lang) {
    if (report.diagnosis.kind != DiagnosisKind::ok) return std::string(title(report.diagnosis.kind, lang));
    if (!report.reachable) return std::string(msg::kUnreachableTitle.in(lang));
    for (const ExtraSetting* setting : report.settings_needed) {
        if (setting->required) {
            return fill(msg::kAllRoutedOnceSet.in(lang), std::string(setting->name) + "=" + std::string(setting->value),
                        report.client->name);
        }
    }
    return std::string(msg::kAllRouted.in(lang));
}

ordered_json to_json(const ClientReport& report, Lang lang) {
    const ClientVariant& variant = *report.variant;
    ordered_json out;
    out["client"] = report.client->id;
    out["client_name"] = report.client->name;
    out["protocol"] = protocol_name(report.client->protocol);
    out["version"] = report.version ? ordered_json(*report.version) : ordered_json(nullptr);
    out["variant"] = variant.versions;
    out["typed_base_url"] = report.typed_base_url;
    out["applied_settings"] = report.applied_settings;
    out["ok"] = report.ok;
    out["reachable"] = report.reachable;
    ordered_json calls = ordered_json::array();
    for (const ResolvedCall& call : report.resolution.calls) {
        ordered_json item;
        item["id"] = call.call != nullptr ? call.call->id : std::string_view();
        item["method"] = method_name(call.method);
        item["url"] = call.url();
        item["path"] = call.path;
        item["query"] = call.query;
        item["websocket_upgrade"] = call.websocket_upgrade;
        item["route"] = call.route != nullptr ? ordered_json(call.route->id) : ordered_json(nullptr);
        item["other_route"] = call.other_route != nullptr ? ordered_json(call.other_route->id) : ordered_json(nullptr);
        // "diagnosing_404": the proxy knows this client from its headers and refuses; "wrong_shape": it answers in
        // the other API's shape, which the client reads as empty; null when the call lands on no other route.
        item["other_route_answer"] = call.other_route == nullptr                    ? ordered_json(nullptr)
                                     : proxy_refuses_crossing(*report.client, call) ? ordered_json("diagnosing_404")
                                                                                    : ordered_json("wrong_shape");
        item["sent"] = call.sent;
        item["fallback_of"] = call.call != nullptr ? call.call->fallback_of : std::string_view();
        item["base_part"] = call.base_part;
        item["client_part"] = call.client_part;
        if (const auto by = served_by(report, call)) {
            item["served_by"] = {{"upstream", by->upstream},
                                 {"speaks", translate::protocol_name(by->how.speaks)},
                                 {"passage", by->how.estimated ? "estimate" : passage_name(by->how.passage)}};
        } else {
            item["served_by"] = nullptr;
        }
        calls.push_back(std::move(item));
    }
    out["calls"] = std::move(calls);
    out["config_error"] = report.config_error;
    const Diagnosis& diagnosis = report.diagnosis;
    out["diagnosis"] = {
        {"kind", diagnosis_kind_name(diagnosis.kind)},
        {"title", verdict_title(report, lang)},
        {"intended_route",
         diagnosis.intended != nullptr ? ordered_json(diagnosis.intended->id) : ordered_json(nullptr)},
        {"intended_path", diagnosis.intended_path},
        {"wrong_part", diagnosis.wrong_part},
        {"explanation", explanation_of(report, lang)},
        {"fixed_base_url", diagnosis.fixed_base_url},
    };
    out["recommended_base_url"] = report.recommended_base_url;
    ordered_json settings = ordered_json::array();
    for (const ExtraSetting* setting : report.settings_needed) {
        settings.push_back({{"name", setting->name},
                            {"value", setting->value},
                            {"where", setting->where},
                            {"required", setting->required},
                            {"why", setting->why.in(lang)}});
    }
    out["settings_needed"] = std::move(settings);
    ordered_json where = ordered_json::array();
    ordered_json verify = ordered_json::array();
    if (report.recommendation) {
        const Recommendation& recommendation = *report.recommendation;
        for (std::size_t i = 0; i < recommendation.entry_points.size(); ++i) {
            const EntryPoint& entry = *recommendation.entry_points[i];
            where.push_back({{"kind", entry.kind},
                             {"name", entry.name},
                             {"example", i < recommendation.examples.size() ? recommendation.examples[i] : ""}});
        }
        for (const VerifyCommand& command : recommendation.verify) {
            verify.push_back({{"shell", command.shell}, {"command", command.command}});
        }
    }
    out["where"] = std::move(where);
    out["verify"] = std::move(verify);
    ordered_json caveats = ordered_json::array();
    for (const Text& caveat : variant.caveats) caveats.push_back(caveat.in(lang));
    out["caveats"] = std::move(caveats);
    return out;
}

// One call, drawn so the part from the typed base and the part the client added can be told apart:
//   messages  POST  http://127.0.0.1:8045/v1/v1/messages?beta=true
//                                        ^^^~~~~~~~~~~~
// The fallback call that replaces `call` when it misses (Roo Code openai-native), nullptr when none is sent.
const ResolvedCall* fallback_for(const Resolution& resolution, const ResolvedCall& call) {
    if (call.call == nullptr) return nullptr;
    for (const ResolvedCall& other : resolution.calls) {
        if (other.sent && other.call != nullptr && other.call->fallback_of == call.call->id) return &other;
    }
    return nullptr;
}

std::string render_call(const Resolution& resolution, const ResolvedCall& call, std::size_t id_width,
                        const Style& style, Lang lang) {
    const std::string id = call.call != nullptr ? std::string(call.call->id) : std::string();
    const std::string method = std::string(method_name(call.method));
    std::string line = "  " + pad_right(id, id_width) + "  " + pad_right(method, 7) + " ";
    const std::size_t lead_width = display_width(line) + display_width(call.origin);
    line += style.dim(call.origin) + style.base_part(call.base_part) + style.client_part(call.client_part);
    if (!call.query.empty()) line += "?" + call.query;
    std::string out = line + "\n";
    out += std::string(lead_width, ' ') + std::string(display_width(call.base_part), '^') +
           std::string(display_width(call.client_part), '~') + "\n";
    const std::string status_indent(2 + id_width + 2, ' ');
    if (!call.sent) {
        const std::string_view primary = call.call != nullptr ? call.call->fallback_of : std::string_view();
        out += status_indent + style.dim("· " + fill(msg::kNotSent.in(lang), primary)) + "\n";
    } else if (call.websocket_upgrade) {
        out += status_indent + style.dim("· " + std::string(msg::kWebsocketUpgrade.in(lang))) + "\n";
    } else if (call.route == nullptr && call.other_route != nullptr) {
        const Text& outcome =
            proxy_refuses_crossing(*resolution.client, call) ? msg::kOtherRouteRefused : msg::kOtherRoute;
        out += status_indent + style.bad("✗ " + fill(outcome.in(lang), call.other_route->id)) + "\n";
    } else if (call.route != nullptr) {
        out += status_indent + style.good("✓ " + std::string(msg::kHitsRoute.in(lang))) + " " +
               std::string(call.route->id) + " (" + std::string(method_name(call.route->method)) + " " +
               std::string(call.route->pattern) + ")\n";
    } else {
        out += status_indent + style.bad("✗ " + std::string(msg::kNoRoute.in(lang))) + "\n";
        if (const ResolvedCall* fallback = fallback_for(resolution, call); fallback != nullptr) {
            out += status_indent + "  " + style.dim(fill(msg::kRetriedBy.in(lang), fallback->call->id)) + "\n";
        }
    }
    return out;
}

// What to show as the base to type: for a client that cannot reach this host (Cursor), the same path on a
// public address, since the loopback spelling would mislead.
std::string base_to_type(const ClientReport& report, Lang lang) {
    if (report.reachable) return report.recommended_base_url;
    const std::string origin = report.resolution.base.origin();
    std::string path = report.recommended_base_url;
    if (path.rfind(origin, 0) == 0) path.erase(0, origin.size());
    return std::string(msg::kPublicAddress.in(lang)) + path;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    if (from.empty() || from == to) return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string render_setup(const ClientReport& report, const Style& style, Lang lang, std::size_t width) {
    std::string out;
    const std::string base = base_to_type(report, lang);
    if (!report.recommended_base_url.empty()) {
        LabelledLines lines(msg::kColon.in(lang));
        lines.add(std::string(msg::kTypeThisBase.in(lang)), style.bold(base));
        out += lines.render("  ");
    }
    for (const ExtraSetting* setting : report.settings_needed) {
        const Text& label = setting->required ? msg::kRequired : msg::kAlsoSet;
        out += "  " + std::string(label.in(lang)) + std::string(msg::kColon.in(lang)) + " " +
               style.bold(std::string(setting->name) + "=" + std::string(setting->value)) + "  (" +
               std::string(setting->where) + ")\n";
        const std::string_view why = setting->why.in(lang);
        if (!why.empty()) out += wrap_paragraph(why, width, "    ");
    }
    if (report.recommendation && !report.recommended_base_url.empty()) {
        const Recommendation& recommendation = *report.recommendation;
        out += "  " + std::string(msg::kWhere.in(lang)) + std::string(msg::kColon.in(lang)) + "\n";
        for (std::size_t i = 0; i < recommendation.entry_points.size(); ++i) {
            const EntryPoint& entry = *recommendation.entry_points[i];
            out += "    " + std::string(entry.name) + style.dim(" (" + std::string(entry.kind) + ")") + "\n";
            if (i < recommendation.examples.size() && !recommendation.examples[i].empty()) {
                const std::string example = replace_all(recommendation.examples[i], report.recommended_base_url, base);
                std::size_t start = 0;
                while (start < example.size()) {  // multi-line code examples keep their shape
                    const std::size_t end = std::min(example.find('\n', start), example.size());
                    out += "      " + example.substr(start, end - start) + "\n";
                    start = end + 1;
                }
            }
        }
    }
    return out;
}

std::string render_text(const ClientReport& report, const Style& style, Lang lang) {
    const std::size_t width = terminal_width();
    const ClientVariant& variant = *report.variant;
    std::string out;
    LabelledLines header(msg::kColon.in(lang));
    header.add(std::string(msg::kClient.in(lang)),
               style.bold(std::string(report.client->name)) + " (" + std::string(report.client->id) + ")");
    header.add(std::string(msg::kVersions.in(lang)),
               std::string(variant.versions) + (report.version ? "  (--version " + *report.version + ")" : ""));
    header.add(std::string(msg::kTypedBaseUrl.in(lang)), report.typed_base_url);
    out += header.render("") + "\n";

    out += style.bold(std::string(msg::kCallsHeading.in(lang))) + "  " + style.dim(std::string(msg::kLegend.in(lang))) +
           "\n";
    std::size_t id_width = 0;
    for (const ResolvedCall& call : report.resolution.calls) {
        if (call.call != nullptr) id_width = std::max(id_width, display_width(call.call->id));
    }
    for (const ResolvedCall& call : report.resolution.calls) {
        out += render_call(report.resolution, call, id_width, style, lang);
    }

    bool heading = false;
    for (const ResolvedCall& call : report.resolution.calls) {
        const auto by = served_by(report, call);
        if (!by || !call.sent) continue;
        if (!heading) out += "\n" + style.bold(std::string(msg::kServedByHeading.in(lang))) + "\n";
        heading = true;
        const std::string_view how = by->how.estimated                       ? msg::kEstimated.in(lang)
                                     : by->how.passage == Passage::translate ? msg::kTranslated.in(lang)
                                     : by->how.passage == Passage::refuse    ? msg::kNotTranslated.in(lang)
                                                                             : msg::kPassedThrough.in(lang);
        out += "  " + std::string(call.call != nullptr ? call.call->id : std::string_view()) + ": " + by->upstream +
               " (" + std::string(translate::protocol_name(by->how.speaks)) + "), " + std::string(how) + "\n";
    }
    if (!report.config_error.empty()) out += "\n" + style.dim(report.config_error) + "\n";

    const std::string verdict = verdict_title(report, lang);
    out += "\n" + style.bold(std::string(msg::kVerdict.in(lang)) + std::string(msg::kColon.in(lang))) + " " +
           (report.ok ? style.good("✓ " + verdict) : style.bad("✗ " + verdict)) + "\n";
    if (!report.ok) out += wrap_paragraph(explanation_of(report, lang), width, "  ");

    out += "\n" + style.bold(std::string(report.ok ? msg::kSetupHeading.in(lang) : msg::kFixHeading.in(lang))) + "\n";
    out += render_setup(report, style, lang, width);

    if (report.recommendation && !report.recommendation->verify.empty() && !report.recommended_base_url.empty()) {
        out += "\n" + style.bold(std::string(msg::kVerifyHeading.in(lang))) + "\n";
        LabelledLines commands(msg::kColon.in(lang));
        for (const VerifyCommand& command : report.recommendation->verify) {
            commands.add(command.shell == "powershell" ? "PowerShell" : std::string(command.shell), command.command);
        }
        out += commands.render("  ");
    }
    if (!variant.caveats.empty()) {
        out += "\n" + style.bold(std::string(msg::kNotesHeading.in(lang))) + "\n";
        for (const Text& caveat : variant.caveats) {
            std::string bulleted = wrap_paragraph(caveat.in(lang), width, "    ");
            if (bulleted.size() >= 4) bulleted.replace(0, 4, "  - ");
            out += bulleted;
        }
    }
    return out;
}

}  // namespace

int run_doctor_client(const ParsedArgs& parsed, const CommonOptions& common) {
    const std::string id = parsed.value("--client").value_or("");
    ClientReport report;
    report.client = find_client(id);
    if (report.client == nullptr) return usage_error("doctor", unknown_client_message(id));
    if (parsed.positionals.empty()) {
        return usage_error("doctor", "missing the base URL to check, e.g. `pathwise doctor --client " + id +
                                         " http://127.0.0.1:8045/v1`");
    }
    if (parsed.positionals.size() > 1) {
        return usage_error("doctor", "expected one base URL after --client " + id + ", got " +
                                         std::to_string(parsed.positionals.size()) +
                                         " arguments (quote a URL that contains spaces)");
    }
    report.version = parsed.value("--version");
    report.typed_base_url = parsed.positionals.front();
    report.applied_settings = parsed.all("--setting");
    if (const auto error = build_report(report)) return usage_error("doctor", *error);
    std::vector<std::string> serve_args;
    if (const auto path = parsed.value("--config")) serve_args = {"--config", *path};
    std::vector<std::string> warnings;
    auto loaded = config::load_serve_config(serve_args, config::process_environment(), warnings);
    if (loaded) {
        report.serve_config = std::move(loaded.value());
    } else {
        report.config_error = loaded.error().message;
    }

    if (common.json) {
        print_json(to_json(report, common.lang));
    } else {
        print_text(render_text(report, Style(common.color), common.lang));
    }
    return report.ok ? kExitFine : kExitProblemFound;
}

}  // namespace pathwise::cli
