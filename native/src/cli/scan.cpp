// scan.cpp — `pathwise scan`: every client's base URL on this machine, from the places each client reads it, in
// its own precedence order (core: client_settings.hpp), checked against the proxy's routes, with what really
// listens there and what it answers to the exact requests the client sends.
//
// JSON output (`--json`): one object; keys are stable.
//   {
//     "home": "/home/ana", "project": "/home/ana/app", "probed": true,
//     "ok": false,                               nothing wrong anywhere (the exit code says the same)
//     "products": [{
//       "product": "claude-code", "name": "Claude Code",
//       "installed": {"binary": "/usr/lib/node_modules/…/cli.js", "version": "2.1.330"} | null,
//       "ok": false, "problems": ["…"],          what is wrong with this product, in words
//       "configure": "pathwise configure claude-code" | "",   the command that fixes it ("" when none does)
//       "settings": [{
//         "role": "base_url" | "extra_setting" | "api_key" | "wire_api" | "ignored" | "refused",
//         "file": "/home/ana/.claude/settings.json" | "",  "" = an environment variable
//         "variable": "KILO_CONFIG_CONTENT" | "",  the variable holding the whole config the key is in
//         "key": "env.ANTHROPIC_BASE_URL", "line": 3,
//         "value": "http://127.0.0.1:8045/v1",   "" for an api_key (only that it is set: never its value)
//         "in_effect": true, "not_used_because": "",
//         "client": "claude-code" | null, "provider": "",
//         "version_checked": "2.1.330" | "",     the catalog variant was picked for this version ("" = newest)
//         "calls": [{"method", "path", "query", "websocket_upgrade", "route" | null}],   base_url + client only
//         "diagnosis": {"kind", "title", "explanation", "fixed_base_url"} | null,
//         "recommended_base_url": "http://127.0.0.1:8045",
//         "listener": {"kind": "pathwise" | "answers_everything" | "other_server" | "nothing",
//                      "version", "auth", "responses_websocket", "detail"} | null,   null with --no-probe
//         (a WebSocket upgrade is replayed to other servers only: a Pathwise says in /healthz whether it bridges)
//         "replayed": [{"method", "target", "websocket_upgrade", "status", "summary"}]
//       }]
//     }],
//     "file_issues": [{"product", "file", "problem", "unreadable"}]
//   }
// Exit codes: 0 = every client found will reach a route, 1 = something is wrong, 2 = bad usage.
#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/args.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "pathwise/diagnosis.hpp"
#include "scan/address_probe.hpp"
#include "scan/machine_settings.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kScanHelp =
    "usage: pathwise scan [--project DIR] [--no-probe] [--json] [--lang en|fr|es]\n"
    "\n"
    "Finds the base URL each installed client will really use: the environment, Claude Code's settings.json\n"
    "files, Codex's config.toml, Gemini CLI's .env and settings.json, Kilo CLI's and OpenCode's config files,\n"
    "Continue's config.yaml, in each client's own order of precedence. For each one: where it is set, what the\n"
    "client will send, whether that reaches a proxy route, what listens at that address (Pathwise, a server\n"
    "that answers 200 to anything, another server, or nothing) and what it answers to those exact requests.\n"
    "API keys are never shown: only that one is set, and where.\n"
    "\n"
    "options:\n"
    "  --project DIR   the project folder whose own settings count (default: the working directory)\n"
    "  --no-probe      do not connect anywhere; check the paths only\n"
    "  --json          one JSON object (keys documented at the top of native/src/cli/scan.cpp)\n"
    "  --lang L        en, fr or es (default: $PATHWISE_LANG, else en)\n"
    "  --no-color      no colour even on a terminal\n"
    "\n"
    "exit codes: 0 = every client found reaches a route, 1 = something is wrong, 2 = bad usage\n"
    "Fix what it finds with `pathwise configure CLIENT`.\n";

constexpr OptionSpec kScanSpecs[] = {{"--project", "DIR", false}, {"--no-probe", "", false}};

std::string_view role_name(SettingRole role) {
    switch (role) {
        case SettingRole::base_url:
            return "base_url";
        case SettingRole::extra_setting:
            return "extra_setting";
        case SettingRole::api_key:
            return "api_key";
        case SettingRole::wire_api:
            return "wire_api";
        case SettingRole::refused:
            return "refused";
        case SettingRole::ignored:
            break;
    }
    return "ignored";
}

// Everything the scan learnt about one setting, computed once for both outputs.
struct SettingReport {
    const SettingFinding* finding = nullptr;
    std::string version;  // the installed version the variant was picked for
    std::optional<ClientDiagnosis> diagnosis;
    std::string error;  // the value is not a URL the client can use
    std::optional<scan::Listener> listener;
    std::vector<scan::Replay> replayed;
    std::vector<std::string> problems;  // what is wrong with it, in words (a setting in effect only)
};

struct ProductReport {
    const SettingProduct* product = nullptr;
    std::optional<scan::Installed> installed;
    std::vector<SettingReport> settings;
    std::vector<SettingFileIssue> issues;
    std::vector<std::string> problems;
    bool fixable = false;  // `pathwise configure` can fix what is wrong
};

std::string where(const SettingFinding& finding, const SettingSources& sources, Lang lang) {
    if (!finding.variable.empty()) return "$" + finding.variable;  // a config document in a variable (Kilo)
    if (finding.file.empty()) return std::string(msg::kInEnvironment.in(lang));
    std::string out = home_relative(finding.file, sources.home);
    if (finding.line > 0) out += ":" + std::to_string(finding.line);
    return out;
}

// The probe of each origin once, however many settings name it.
class Probes {
public:
    explicit Probes(bool enabled) : enabled_(enabled) {}
    std::optional<scan::Listener> at(const std::string& origin) {
        if (!enabled_) return std::nullopt;
        auto found = listeners_.find(origin);
        if (found == listeners_.end()) found = listeners_.emplace(origin, scan::probe_listener(origin, limits_)).first;
        return found->second;
    }
    std::vector<scan::Replay> replay(const std::string& origin, const scan::Listener& listener,
                                     const Resolution& resolution, std::string_view version) {
        std::vector<scan::Replay> out;
        if (!enabled_ || listener.kind == scan::ListenerKind::nothing) return out;
        for (const ResolvedCall& call : resolution.calls) {
            if (!call.sent) continue;
            // Pathwise says in /healthz whether it bridges the upgrade; holding a real WebSocket open proves nothing
            // more and costs the read timeout.
            if (call.websocket_upgrade && listener.kind == scan::ListenerKind::pathwise) continue;
            out.push_back(scan::replay_call(origin, call, *resolution.client, version, limits_));
        }
        return out;
    }

private:
    bool enabled_;
    scan::ProbeLimits limits_;
    std::map<std::string, scan::Listener> listeners_;
};

void check_base_url(SettingReport& report, const FoundSettings& found, Probes& probes) {
    const SettingFinding& finding = *report.finding;
    const ClientVariant& variant = pick_variant(*finding.client, report.version);
    ResolveOptions options;
    options.applied_settings = applied_settings(found, *finding.product, variant);
    auto diagnosed = diagnose_client(*finding.client, report.version, finding.value, {}, options);
    if (!diagnosed) {
        report.error = diagnosed.error().message;
        return;
    }
    report.diagnosis = std::move(diagnosed.value());
    const std::string origin = report.diagnosis->resolution.base.origin();
    report.listener = probes.at(origin);
    if (report.listener) {
        report.replayed = probes.replay(origin, *report.listener, report.diagnosis->resolution, report.version);
    }
}

// What is wrong with one setting in effect, in words ("" when nothing is).
std::vector<std::string> problems_of(const SettingReport& report, const FoundSettings& found,
                                     const SettingSources& sources, Lang lang) {
    std::vector<std::string> problems;
    const SettingFinding& finding = *report.finding;
    const std::string place = finding.key + " (" + where(finding, sources, lang) + ")";
    if (!report.error.empty()) problems.push_back(place + ": " + report.error);
    if (report.diagnosis) {
        const Diagnosis& d = report.diagnosis->diagnosis;
        if (d.kind != DiagnosisKind::ok) {
            problems.push_back(pathwise::fill(msg::kScanMisses.in(lang), place, title(d.kind, lang)));
        }
        for (const ExtraSetting* setting : report.diagnosis->settings_needed) {
            if (!setting->sets_api_version.empty()) continue;  // only with the recommended base
            // Where the value in effect is, when one is: a project file may override a right one in HOME.
            std::string where(setting->where);
            for (const SettingFinding& other : found.findings) {
                if (other.product == finding.product && other.in_effect &&
                    other.location->setting_name == setting->name) {
                    where = other.key + " = \"" + other.value + "\" in " + home_relative(other.file, sources.home);
                }
            }
            problems.push_back(pathwise::fill(msg::kScanSettingNeeded.in(lang), setting->name, setting->value, where));
        }
    }
    if (report.listener && report.listener->kind == scan::ListenerKind::nothing) {
        problems.push_back(pathwise::fill(msg::kScanNothingListens.in(lang), report.diagnosis->resolution.base.origin(),
                                          report.listener->detail));
    }
    if (finding.location->role == SettingRole::refused) {
        problems.push_back(place + ": " + std::string(finding.location->note.in(lang)));
    }
    if (!finding.location->required_value.empty() && finding.value != finding.location->required_value) {
        problems.push_back(
            pathwise::fill(msg::kScanRequiredValue.in(lang), place, finding.value, finding.location->required_value));
    }
    return problems;
}

ProductReport scan_product(const SettingProduct& product, const FoundSettings& found, const SettingSources& sources,
                           Probes& probes, Lang lang) {
    ProductReport report;
    report.product = &product;
    report.installed = scan::find_installed(product, sources);
    const std::string version = report.installed ? report.installed->version : std::string();
    for (const SettingFinding& finding : found.findings) {
        if (finding.product != &product) continue;
        SettingReport setting;
        setting.finding = &finding;
        setting.version = version;
        if (finding.in_effect && finding.location->role == SettingRole::base_url && finding.client != nullptr) {
            check_base_url(setting, found, probes);
        }
        if (finding.in_effect) {
            setting.problems = problems_of(setting, found, sources, lang);
            report.problems.insert(report.problems.end(), setting.problems.begin(), setting.problems.end());
        }
        report.settings.push_back(std::move(setting));
    }
    // A base URL set only in a file the client never reads (a nearer .env is found first): the person meant it,
    // and the client goes to its default instead.
    const bool base_in_effect = std::any_of(found.findings.begin(), found.findings.end(), [&](const SettingFinding& f) {
        return f.product == &product && f.in_effect && f.location->role == SettingRole::base_url;
    });
    for (const SettingFinding& finding : found.findings) {
        if (base_in_effect || finding.product != &product || !finding.in_unread_file ||
            finding.location->role != SettingRole::base_url) {
            continue;
        }
        report.problems.push_back(pathwise::fill(msg::kScanUnreadFile.in(lang), finding.key,
                                                 home_relative(finding.file, sources.home),
                                                 home_relative(finding.shadowed_by, sources.home)));
    }
    for (const SettingFileIssue& issue : found.issues) {
        if (issue.product != &product) continue;
        report.issues.push_back(issue);
        if (issue.unreadable) {
            report.problems.push_back(home_relative(issue.file, sources.home) + ": " + issue.problem);
        }
    }
    // A problem configure can fix: anything but an unreadable file (configure refuses those, by design).
    report.fixable = !product.create.empty() ||
                     std::any_of(found.findings.begin(), found.findings.end(), [&](const SettingFinding& f) {
                         return f.product == &product && f.in_effect && f.client != nullptr;
                     });
    const bool unreadable = std::any_of(report.issues.begin(), report.issues.end(),
                                        [](const SettingFileIssue& issue) { return issue.unreadable; });
    // A base in a variable holding a whole config (KILO_CONFIG_CONTENT) is changed where the variable is set.
    const bool in_variable = std::any_of(found.findings.begin(), found.findings.end(), [&](const SettingFinding& f) {
        return f.product == &product && f.in_effect && !f.variable.empty();
    });
    if (unreadable || in_variable) report.fixable = false;
    return report;
}

ordered_json calls_json(const Resolution& resolution) {
    ordered_json calls = ordered_json::array();
    for (const ResolvedCall& call : resolution.calls) {
        if (!call.sent) continue;
        calls.push_back({{"method", method_name(call.method)},
                         {"path", call.path},
                         {"query", call.query},
                         {"websocket_upgrade", call.websocket_upgrade},
                         {"route", call.route ? ordered_json(call.route->id) : ordered_json()}});
    }
    return calls;
}

ordered_json to_json(const std::vector<ProductReport>& reports, const SettingSources& sources, bool probed, Lang lang) {
    ordered_json out;
    out["home"] = sources.home;
    out["project"] = sources.project;
    out["probed"] = probed;
    out["ok"] = std::all_of(reports.begin(), reports.end(), [](const ProductReport& r) { return r.problems.empty(); });
    ordered_json products = ordered_json::array();
    ordered_json file_issues = ordered_json::array();
    for (const ProductReport& report : reports) {
        ordered_json product;
        product["product"] = report.product->id;
        product["name"] = report.product->name;
        product["installed"] = report.installed ? ordered_json{{"binary", report.installed->binary_path},
                                                               {"version", report.installed->version}}
                                                : ordered_json();
        product["ok"] = report.problems.empty();
        product["problems"] = report.problems;
        product["configure"] = !report.problems.empty() && report.fixable
                                   ? "pathwise configure " + std::string(report.product->id)
                                   : std::string();
        ordered_json settings = ordered_json::array();
        for (const SettingReport& setting : report.settings) {
            const SettingFinding& f = *setting.finding;
            ordered_json entry;
            entry["role"] = role_name(f.location->role);
            entry["file"] = f.file;
            entry["variable"] = f.variable;
            entry["key"] = f.key;
            entry["line"] = f.line;
            entry["value"] = f.value;
            entry["in_effect"] = f.in_effect;
            entry["not_used_because"] = f.in_effect             ? std::string()
                                        : f.shadowed_by.empty() ? f.not_selected_because
                                                                : "overridden by " + f.shadowed_by;
            entry["client"] = f.client ? ordered_json(f.client->id) : ordered_json();
            entry["provider"] = f.provider;
            entry["version_checked"] = setting.diagnosis ? setting.version : std::string();
            if (!f.location->note.en.empty()) entry["note"] = f.location->note.in(lang);
            if (setting.diagnosis) {
                const Diagnosis& d = setting.diagnosis->diagnosis;
                entry["calls"] = calls_json(setting.diagnosis->resolution);
                entry["diagnosis"] = {{"kind", diagnosis_kind_name(d.kind)},
                                      {"title", title(d.kind, lang)},
                                      {"explanation", explain(d, lang)},
                                      {"fixed_base_url", d.fixed_base_url}};
                entry["recommended_base_url"] = setting.diagnosis->recommended_base_url;
            } else if (!setting.error.empty()) {
                entry["error"] = setting.error;
            }
            if (setting.listener) {
                entry["listener"] = {{"kind", scan::listener_kind_name(setting.listener->kind)},
                                     {"version", setting.listener->version},
                                     {"auth", setting.listener->auth},
                                     {"responses_websocket", setting.listener->bridges_websockets},
                                     {"detail", setting.listener->detail}};
                ordered_json replayed = ordered_json::array();
                for (const scan::Replay& replay : setting.replayed) {
                    replayed.push_back({{"method", replay.method},
                                        {"target", replay.target},
                                        {"websocket_upgrade", replay.websocket_upgrade},
                                        {"status", replay.status},
                                        {"summary", replay.summary}});
                }
                entry["replayed"] = std::move(replayed);
            }
            settings.push_back(std::move(entry));
        }
        product["settings"] = std::move(settings);
        products.push_back(std::move(product));
        for (const SettingFileIssue& issue : report.issues) {
            file_issues.push_back({{"product", report.product->id},
                                   {"file", issue.file},
                                   {"problem", issue.problem},
                                   {"unreadable", issue.unreadable}});
        }
    }
    out["products"] = std::move(products);
    out["file_issues"] = std::move(file_issues);
    return out;
}

std::string listener_words(const scan::Listener& listener, Lang lang) {
    switch (listener.kind) {
        case scan::ListenerKind::pathwise:
            return pathwise::fill(msg::kScanIsPathwise.in(lang), listener.version, listener.auth);
        case scan::ListenerKind::answers_everything:
            return std::string(msg::kScanAnswersEverything.in(lang));
        case scan::ListenerKind::other_server:
            return pathwise::fill(msg::kScanOtherServer.in(lang), listener.detail);
        case scan::ListenerKind::nothing:
            break;
    }
    return pathwise::fill(msg::kScanNothing.in(lang), listener.detail);
}

void render_setting(std::string& out, const SettingReport& setting, const SettingSources& sources, const Style& style,
                    Lang lang) {
    const SettingFinding& f = *setting.finding;
    const bool is_key = f.location->role == SettingRole::api_key;
    const std::string value = is_key ? std::string(msg::kScanKeySet.in(lang)) : f.value;
    if (!f.in_effect) {
        const std::string because = f.shadowed_by.empty() ? f.not_selected_because : f.shadowed_by;
        out += "  " + style.dim("· " + f.key + " = " + value + "  (" + where(f, sources, lang) + ")") + "\n";
        out += "      " + style.dim(pathwise::fill(msg::kScanNotUsed.in(lang), home_relative(because, sources.home))) +
               "\n";
        return;
    }
    const bool bad = !setting.problems.empty();
    const std::string mark = is_key || f.location->role == SettingRole::ignored ? "·" : bad ? "✗" : "✓";
    out += "  " +
           (bad           ? style.bad(mark)
            : mark == "✓" ? style.good(mark)
                          : mark) +
           " " + style.bold(f.key) + " = " + value + "  (" + where(f, sources, lang) + ")\n";
    if (!f.location->note.en.empty()) {
        out += wrap_paragraph(f.location->note.in(lang), terminal_width(), "      ");
    }
    if (f.location->role == SettingRole::base_url && f.client == nullptr) {
        out += "      " +
               pathwise::fill(msg::kScanUnknownProvider.in(lang),
                              f.provider.empty() ? std::string(f.product->name) : f.provider) +
               "\n";
    }
    if (!setting.error.empty()) out += "      " + style.bad(setting.error) + "\n";
    if (setting.diagnosis) {
        const ClientDiagnosis& d = *setting.diagnosis;
        out += "      " +
               pathwise::fill(msg::kScanClientIs.in(lang), f.client->name,
                              setting.version.empty() ? std::string(msg::kScanNewest.in(lang)) : setting.version) +
               "\n";
        for (const ResolvedCall& call : d.resolution.calls) {
            if (!call.sent) continue;
            std::string line = std::string(method_name(call.method)) + " " + call.target();
            if (call.websocket_upgrade) line += " (WebSocket)";
            line += call.reaches_route()     ? "  → " + std::string(call.route->id)
                    : call.websocket_upgrade ? std::string()
                                             : "  → " + style.bad(std::string(msg::kNoRoute.in(lang)));
            out += "        " + line + "\n";
        }
        if (d.diagnosis.kind != DiagnosisKind::ok) {
            out += wrap_paragraph(explain(d.diagnosis, lang), terminal_width(), "      ");
            if (!d.recommended_base_url.empty()) {
                out += "      " + style.good(pathwise::fill(msg::kScanTypeInstead.in(lang), d.recommended_base_url)) +
                       "\n";
            }
        }
    }
    if (setting.listener) {
        out += "      " + pathwise::fill(msg::kScanListening.in(lang), listener_words(*setting.listener, lang)) + "\n";
        for (const scan::Replay& replay : setting.replayed) {
            std::string answer = replay.status == 0 ? replay.summary : std::to_string(replay.status);
            if (replay.status >= 400 && !replay.summary.empty()) {
                // The whole message is in --json; a line here only says whose words they are.
                answer += "  " + (replay.summary.size() > 72 ? replay.summary.substr(0, 69) + "..." : replay.summary);
            }
            out += "        " + replay.method + " " + replay.target + (replay.websocket_upgrade ? " (WebSocket)" : "") +
                   "  → " + answer + "\n";
        }
    }
    // What the lines above do not already say (a missing setting, nothing listening, a refused value).
    const bool misses = setting.diagnosis && setting.diagnosis->diagnosis.kind != DiagnosisKind::ok;
    for (std::size_t i = misses ? 1 : 0; i < setting.problems.size(); ++i) {
        out += "      " + style.bad("! " + setting.problems[i]) + "\n";
    }
}

std::string render_text(const std::vector<ProductReport>& reports, const SettingSources& sources, bool probed,
                        const Style& style, Lang lang) {
    std::string out = style.bold(pathwise::fill(msg::kScanHeading.in(lang), sources.home, sources.project)) + "\n";
    if (!probed) out += style.dim(std::string(msg::kScanNotProbed.in(lang))) + "\n";
    if (reports.empty()) out += "\n" + std::string(msg::kScanNothingFound.in(lang)) + "\n";
    for (const ProductReport& report : reports) {
        out += "\n" + style.bold(std::string(report.product->name));
        if (report.installed) {
            out += " " + (report.installed->version.empty() ? std::string() : report.installed->version) + "  " +
                   style.dim(home_relative(report.installed->binary_path, sources.home));
        }
        out += "\n";
        if (report.settings.empty()) {
            out += "  " + style.dim(std::string(msg::kScanDefaults.in(lang))) + "\n";
        }
        for (const SettingReport& setting : report.settings) render_setting(out, setting, sources, style, lang);
        for (const SettingFileIssue& issue : report.issues) {
            const std::string line = "  ! " + home_relative(issue.file, sources.home) + ": " + issue.problem;
            out += (issue.unreadable ? style.bad(line) : style.warn(line)) + "\n";
        }
        if (!report.problems.empty() && report.fixable) {
            out += "  " + style.good(pathwise::fill(msg::kScanFixWith.in(lang), report.product->id)) + "\n";
        }
    }
    const std::size_t wrong = static_cast<std::size_t>(
        std::count_if(reports.begin(), reports.end(), [](const ProductReport& r) { return !r.problems.empty(); }));
    out += "\n" + (wrong == 0 ? style.good(std::string(msg::kScanAllGood.in(lang)))
                              : style.bad(pathwise::fill(msg::kScanSomeWrong.in(lang), std::to_string(wrong))));
    out += "\n";
    return out;
}

}  // namespace

int run_scan(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, kScanSpecs, "scan", error);
    if (!parsed) return usage_error("scan", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("scan", error);
    if (common->help) {
        std::fputs(kScanHelp.data(), stdout);
        return kExitFine;
    }
    if (!parsed->positionals.empty()) {
        return usage_error("scan", "unexpected argument '" + parsed->positionals.front() +
                                       "'; scan takes no client: it looks for all of them");
    }
    auto sources = scan::read_machine(parsed->value("--project").value_or(""));
    if (!sources) return usage_error("scan", sources.error().message);
    const bool probed = !parsed->has("--no-probe");
    const FoundSettings found = find_settings(sources.value());
    Probes probes(probed);
    std::vector<ProductReport> reports;
    for (const SettingProduct& product : setting_products()) {
        ProductReport report = scan_product(product, found, sources.value(), probes, common->lang);
        // A product shows when something of it was found: a setting, a file issue, or its binary on PATH.
        if (report.settings.empty() && report.issues.empty() && !report.installed) continue;
        reports.push_back(std::move(report));
    }
    if (common->json) {
        print_json(to_json(reports, sources.value(), probed, common->lang));
    } else {
        print_text(render_text(reports, sources.value(), probed, Style(common->color), common->lang));
    }
    const bool ok =
        std::all_of(reports.begin(), reports.end(), [](const ProductReport& r) { return r.problems.empty(); });
    return ok ? kExitFine : kExitProblemFound;
}

}  // namespace pathwise::cli
