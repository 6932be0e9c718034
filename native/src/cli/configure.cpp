// configure.cpp — `pathwise configure CLIENT`: writes the base URL the catalog recommends (and the settings beside
// it) into that client's own config, where the client will read it first, after showing the diff. Every other
// byte of the file stays as it was (core: config_text.hpp edits the one key's span); a timestamped backup is
// kept; a file it cannot parse is refused with nothing written; a second run changes nothing.
//
// JSON output (`--json`):
//   {"product": "claude-code", "client": "claude-code", "base_url": "http://127.0.0.1:8045",
//    "proxy": {"origin": "http://127.0.0.1:8045", "is_pathwise": true | false | null},   null with --no-probe
//    "files": [{"file", "existed", "changed", "diff", "backup"}],   backup "" unless written
//    "environment": [{"name", "value", "export", "powershell", "why"}],   for clients that read only the environment
//    "edits": [{"file", "key", "value", "why"}],   every value set ("" file = printed for the environment)
//    "notes": ["…"], "written": true, "dry_run": false, "already_configured": false}
// Exit codes: 0 = configured (or already was, or --dry-run), 1 = refused (unparseable file, changed meanwhile,
// write failed), 2 = bad usage.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>

#include "cli/args.hpp"
#include "cli/line_diff.hpp"
#include "cli/output.hpp"
#include "config/environment.hpp"
#include "config/load.hpp"
#include "pathwise/suggest.hpp"
#include "scan/address_probe.hpp"
#include "scan/config_writer.hpp"
#include "scan/machine_settings.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kConfigureHelp =
    "usage: pathwise configure CLIENT [--origin URL] [--project DIR] [--dry-run] [--yes] [--no-probe] [--json]\n"
    "\n"
    "Points CLIENT at this proxy in its own config: the base URL `pathwise doctor` recommends, in the place the\n"
    "client reads first (the value in effect is fixed where it is), plus the settings it needs besides (Gemini\n"
    "CLI's auth type, Codex's wire_api). Shows the diff, asks, keeps FILE.pathwise-backup-TIMESTAMP, and leaves\n"
    "every other byte as it was. For a client that reads only the environment, prints the export and\n"
    "PowerShell lines instead. Refuses a file it cannot parse: nothing is written.\n"
    "\n"
    "clients: claude-code, codex, gemini-cli, kilo, continue, openai-sdk, anthropic-sdk, google-genai\n"
    "\n"
    "options:\n"
    "  --origin URL    where the proxy listens (default: serve's host and port, http://127.0.0.1:8045)\n"
    "  --project DIR   the project folder whose own settings count (default: the working directory)\n"
    "  --dry-run       show the diff only\n"
    "  --yes           write without asking (for scripts)\n"
    "  --no-probe      do not ask the proxy whether it bridges Codex's WebSocket (serve's config says)\n"
    "  --json          one JSON object (keys documented at the top of native/src/cli/configure.cpp)\n"
    "\n"
    "exit codes: 0 = configured (or nothing to change), 1 = refused, nothing written, 2 = bad usage\n";

constexpr OptionSpec kConfigureSpecs[] = {{"--origin", "URL", false},
                                          {"--project", "DIR", false},
                                          {"--dry-run", "", false},
                                          {"--yes", "", false},
                                          {"--no-probe", "", false}};

struct FileChange {
    std::string file;
    ConfigFormat format = ConfigFormat::json;
    std::optional<std::string> before;  // nullopt: the file does not exist yet
    std::string after;
    std::string backup;
};

std::string unknown_product_message(std::string_view id) {
    std::vector<std::string_view> ids;
    for (const SettingProduct& product : setting_products()) ids.push_back(product.id);
    std::string message = "unknown client '" + std::string(id) + "'; ";
    if (const auto suggestion = closest_match(id, ids)) message += "did you mean '" + std::string(*suggestion) + "'? ";
    message += "known:";
    for (std::string_view known : ids) message += " " + std::string(known);
    return message;
}

std::string shell_quote(std::string_view value) {
    std::string out = "'";
    for (const char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string powershell_quote(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) out += c == '"' || c == '`' || c == '$' ? std::string("`") + c : std::string(1, c);
    return out + "\"";
}

// What `pathwise serve` would run with here (its config file, environment and defaults): where it listens and
// whether it bridges Codex's WebSocket. Read once; the defaults when that config cannot be read.
struct ServeFacts {
    std::string origin = "http://127.0.0.1:8045";
    bool bridges_websockets = true;
};
ServeFacts serve_facts() {
    std::vector<std::string> warnings;
    auto loaded = config::load_serve_config({}, config::process_environment(), warnings);
    ServeFacts facts;
    if (!loaded) return facts;
    std::string host = loaded->host == "0.0.0.0" || loaded->host.empty() ? "127.0.0.1" : loaded->host;
    if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
    facts.origin = "http://" + host + ":" + std::to_string(loaded->port);
    facts.bridges_websockets = loaded->responses_websocket;
    return facts;
}

// Applies the plan's file edits to the texts read; an error names the file and leaves everything unwritten.
Result<std::vector<FileChange>> apply_edits(const ConfigurePlan& plan, const SettingSources& sources) {
    std::vector<FileChange> changes;
    for (const SettingEdit& edit : plan.edits) {
        if (edit.file.empty()) continue;
        auto change =
            std::find_if(changes.begin(), changes.end(), [&](const FileChange& c) { return c.file == edit.file; });
        if (change == changes.end()) {
            FileChange fresh{edit.file, edit.format, std::nullopt, "", ""};
            for (const FileText& file : sources.files) {
                if (file.path != edit.file) continue;
                if (!file.error.empty()) {
                    return Error{"configure_unreadable", edit.file + ": " + file.error + "; nothing was written"};
                }
                fresh.before = file.text;
            }
            fresh.after = fresh.before.value_or("");
            changes.push_back(std::move(fresh));
            change = changes.end() - 1;
        }
        std::vector<std::string_view> path(edit.path.begin(), edit.path.end());
        auto edited = edit.literal ? set_config_literal(edit.format, change->after, path, edit.value)
                                   : set_config_string(edit.format, change->after, path, edit.value);
        if (!edited) {
            return Error{"configure_unparseable", edit.file + ": " + edited.error().message +
                                                      "\nNothing was written: fix the file (or move it away), then "
                                                      "run configure again."};
        }
        change->after = std::move(edited.value());
    }
    return changes;
}

// A config file often holds keys next to the base URL (Claude Code's env block, Kilo's options.apiKey): a diff's
// context lines would show them. Every value under a key that names a secret is masked in what is printed.
bool names_a_secret(std::string_view key) {
    std::string lower(key);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string_view word : {"key", "token", "secret", "password", "auth"}) {
        if (lower.find(word) != std::string::npos) return true;
    }
    return false;
}

std::string masked(std::string text, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets) {
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 10)) {
            text.replace(at, secret.size(), "<redacted>");
        }
    }
    return text;
}

std::vector<std::string> secrets_in(const std::vector<FileChange>& changes) {
    std::vector<std::string> secrets;
    for (const FileChange& change : changes) {
        for (const std::string* text : {&change.after, change.before ? &*change.before : nullptr}) {
            if (text == nullptr) continue;
            const auto values = read_config_values(change.format, *text);
            if (!values) continue;
            for (const ConfigValue& value : values.value()) {
                // Short values ("1", "true") are not keys, and masking them would garble the diff.
                if (value.value.size() >= 8 && !value.path.empty() && names_a_secret(value.path.back())) {
                    secrets.push_back(value.value);
                }
            }
        }
    }
    return secrets;
}

// The diff as shown: secrets masked (the file itself is written unmasked, of course).
std::string shown_diff(const FileChange& change, std::string_view label, const std::vector<std::string>& secrets) {
    return masked(unified_diff(change.before.value_or(""), change.after, label), secrets);
}

bool confirm(std::string_view question) {
    std::fputs(question.data(), stdout);
    std::fflush(stdout);
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace

int run_configure(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, kConfigureSpecs, "configure", error);
    if (!parsed) return usage_error("configure", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("configure", error);
    if (common->help) {
        std::fputs(kConfigureHelp.data(), stdout);
        return kExitFine;
    }
    if (parsed->positionals.size() != 1) {
        return usage_error("configure", parsed->positionals.empty()
                                            ? "name the client to configure, e.g. `pathwise configure claude-code`"
                                            : "configure takes one client at a time");
    }
    const SettingProduct* product = find_setting_product(parsed->positionals.front());
    if (product == nullptr) return usage_error("configure", unknown_product_message(parsed->positionals.front()));
    auto sources = scan::read_machine(parsed->value("--project").value_or(""));
    if (!sources) return usage_error("configure", sources.error().message);
    const FoundSettings found = find_settings(sources.value(), product);
    for (const SettingFileIssue& issue : found.issues) {
        if (!issue.unreadable) continue;
        std::fprintf(stderr,
                     "pathwise configure: %s: %s\nNothing was written: fix the file (or move it away), then run "
                     "configure again.\n",
                     issue.file.c_str(), issue.problem.c_str());
        return kExitProblemFound;
    }

    const ServeFacts serve = serve_facts();
    const std::string origin = parsed->value("--origin").value_or(serve.origin);
    std::optional<bool> is_pathwise;
    bool bridges_websockets = serve.bridges_websockets;
    if (!parsed->has("--no-probe")) {
        const scan::Listener listener = scan::probe_listener(origin, scan::ProbeLimits{});
        is_pathwise = listener.kind == scan::ListenerKind::pathwise;
        if (*is_pathwise) bridges_websockets = listener.bridges_websockets;
    }
    const auto installed = scan::find_installed(*product, sources.value());
    auto plan = plan_configure(*product, found, sources.value(), origin, bridges_websockets,
                               installed ? installed->version : std::string());
    if (!plan) {
        std::fprintf(stderr, "pathwise configure: %s\n", plan.error().message.c_str());
        return kExitProblemFound;
    }
    auto changes = apply_edits(plan.value(), sources.value());
    if (!changes) {
        std::fprintf(stderr, "pathwise configure: %s\n", changes.error().message.c_str());
        return kExitProblemFound;
    }
    std::erase_if(changes.value(), [](const FileChange& change) { return change.before == change.after; });
    std::vector<const SettingEdit*> environment;
    for (const SettingEdit& edit : plan->edits) {
        if (edit.file.empty()) environment.push_back(&edit);
    }
    const bool already = changes->empty() && environment.empty();
    const std::vector<std::string> secrets = secrets_in(changes.value());
    const bool dry_run = parsed->has("--dry-run");
    const Style style(common->color);
    const std::string& home = sources->home;

    std::string text;
    if (!common->json) {
        text += style.bold(std::string(product->name)) + " → " + plan->base_url;
        if (is_pathwise && !*is_pathwise)
            text += style.warn("  (no Pathwise answers at " + origin +
                               " yet: start "
                               "`pathwise serve`)");
        text += "\n";
        for (const FileChange& change : changes.value()) {
            text += "\n" + (change.before ? std::string() : style.dim("(new file)") + "\n") +
                    shown_diff(change, home_relative(change.file, home), secrets);
        }
        if (!environment.empty()) {
            text += "\n" + std::string("This client reads these from the environment; set them in your shell:") + "\n";
            for (const SettingEdit* edit : environment) {
                text += "  export " + edit->path.front() + "=" + shell_quote(edit->value) + "\n";
                text += "  " +
                        style.dim("$env:" + edit->path.front() + " = " + powershell_quote(edit->value) +
                                  "   # PowerShell") +
                        "\n";
            }
        }
        for (const std::string& note : plan->notes) text += style.dim("note: " + home_relative(note, home)) + "\n";
        if (already) text += "\n" + style.good("Already configured: nothing to change.") + "\n";
        print_text(text);
        text.clear();
    }

    bool written = false;
    if (!changes->empty() && !dry_run) {
        if (!parsed->has("--yes")) {
            if (common->json || ::isatty(STDIN_FILENO) == 0) {
                std::fputs(
                    "pathwise configure: not a terminal, so nothing was written; pass --yes to write, or "
                    "--dry-run to only show the diff\n",
                    stderr);
                return kExitBadUsage;
            }
            if (!confirm("\nWrite these changes? [y/N] ")) {
                std::puts("Nothing was written.");
                return kExitFine;
            }
        }
        const std::string timestamp = scan::backup_timestamp();
        for (FileChange& change : changes.value()) {
            auto result = scan::replace_config_file(change.file, change.before, change.after, timestamp);
            if (!result) {
                std::fprintf(stderr, "pathwise configure: %s\n", result.error().message.c_str());
                return kExitProblemFound;
            }
            change.backup = result->backup;
            if (!common->json) {
                text += "wrote " + home_relative(change.file, home) +
                        (change.backup.empty() ? "" : "  (backup: " + home_relative(change.backup, home) + ")") + "\n";
            }
        }
        written = true;
    }

    if (common->json) {
        ordered_json out;
        out["product"] = product->id;
        out["client"] = plan->client ? ordered_json(plan->client->id) : ordered_json();
        out["base_url"] = plan->base_url;
        out["proxy"] = {{"origin", origin}, {"is_pathwise", is_pathwise ? ordered_json(*is_pathwise) : ordered_json()}};
        ordered_json files = ordered_json::array();
        for (const FileChange& change : changes.value()) {
            files.push_back({{"file", change.file},
                             {"existed", change.before.has_value()},
                             {"changed", true},
                             {"diff", shown_diff(change, change.file, secrets)},
                             {"backup", change.backup}});
        }
        out["files"] = std::move(files);
        ordered_json variables = ordered_json::array();
        for (const SettingEdit* edit : environment) {
            variables.push_back({{"name", edit->path.front()},
                                 {"value", edit->value},
                                 {"export", "export " + edit->path.front() + "=" + shell_quote(edit->value)},
                                 {"powershell", "$env:" + edit->path.front() + " = " + powershell_quote(edit->value)},
                                 {"why", edit->why}});
        }
        out["environment"] = std::move(variables);
        // Every value written (a product may get several bases: Kilo's three providers).
        ordered_json edits = ordered_json::array();
        for (const SettingEdit& edit : plan->edits) {
            std::string key;
            for (const std::string& part : edit.path) key += (key.empty() ? "" : ".") + part;
            edits.push_back({{"file", edit.file}, {"key", key}, {"value", edit.value}, {"why", edit.why}});
        }
        out["edits"] = std::move(edits);
        out["notes"] = plan->notes;
        out["written"] = written;
        out["dry_run"] = dry_run;
        out["already_configured"] = already;
        print_json(out);
    } else if (!text.empty()) {
        print_text(text + "Check it: pathwise scan\n");
    }
    return kExitFine;
}

}  // namespace pathwise::cli
