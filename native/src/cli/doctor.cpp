// doctor.cpp — `pathwise doctor`: argument handling and the JSON contract of both forms.
//
// JSON output (`--json`): one object on stdout; keys are stable (the real-client test suite reads them).
// Strings are "" when unknown, except the ids documented as "or null".
//
// 1. pathwise doctor --client ID [--version V] [--setting NAME]... BASE_URL --json
//    {
//      "client": "claude-code",             catalog id
//      "client_name": "Claude Code",
//      "protocol": "anthropic",             openai | anthropic | gemini
//      "version": "2.1.330" | null,         as given with --version
//      "variant": ">=2.0",                  version range of the catalog variant that applies
//      "typed_base_url": "http://127.0.0.1:8045/v1",   as typed
//      "applied_settings": ["GOOGLE_GENAI_API_VERSION"],   from --setting
//      "ok": false,                         every call reaches a route and the client can reach this host
//      "reachable": true,                   false: the client's vendor servers make the calls (Cursor + 127.0.0.1)
//      "calls": [{
//        "id": "messages", "method": "POST",
//        "url": "http://127.0.0.1:8045/v1/v1/messages?beta=true",
//        "path": "/v1/v1/messages",         final path, without query
//        "query": "beta=true",              without '?', "" when none
//        "websocket_upgrade": false,
//        "route": "anthropic.messages" | null,   the proxy route it hits
//        "other_route": "openai.models" | null,  a route it lands on that is not the one it needs
//        "other_route_answer": "diagnosing_404" | "wrong_shape" | null,   what the proxy answers there
//        "sent": true,                      false for a fallback call whose primary reached its route
//        "fallback_of": "",                 id of the call this one replaces when that one misses
//        "base_part": "/v1",                the part of path that came from the typed base
//        "client_part": "/v1/messages",     the part the client appended
//        "served_by": {"upstream": "http://127.0.0.1:11434/v1" | "mock", "speaks": "openai-chat",
//                      "passage": "pass_through" | "translate" | "estimate" | "refuse"} | null   (serve's config,
//                      --config)
//      }],
//      "config_error": "",                  why serve's config could not be read ("" when it could)
//      "diagnosis": {                       of the first call that misses (kind "ok" when none does)
//        "kind": "duplicated_version_prefix", "title": "Duplicated /v1 prefix",
//        "intended_route": "anthropic.messages" | null, "intended_path": "/v1/messages",
//        "wrong_part": "/v1", "explanation": "…", "fixed_base_url": "http://127.0.0.1:8045"
//      },
//      "recommended_base_url": "http://127.0.0.1:8045",   with reachable false: the path to use behind a
//                                           public URL that forwards to this proxy ("" when none works)
//      "settings_needed": [{"name", "value", "where", "why"}],   still to apply besides the base URL
//      "where": [{"kind": "env", "name": "ANTHROPIC_BASE_URL", "example": "export ANTHROPIC_BASE_URL=…"}],
//      "verify": [{"shell": "curl" | "powershell", "command": "…"}],
//      "caveats": ["…"]
//    }
//
// 2. pathwise doctor [--method M] [--origin O] [--websocket] [--header NAME]... PATH --json
//    {
//      "path": "/v1/v1/messages",           as seen, without query
//      "query": "beta=true",                without '?'; secrets redacted by the core ("key=REDACTED")
//      "method": "POST" | null,             null when not given and not in the log line
//      "origin": "http://127.0.0.1:8045",   where the proxy listens
//      "kind": "duplicated_version_prefix", "title": "Duplicated /v1 prefix",
//      "protocol": "anthropic",             what the request looks like: service | openai | anthropic | gemini
//      "route": "anthropic.messages" | null,       the route it hits (kind "ok")
//      "intended_route": "anthropic.messages" | null,
//      "intended_path": "/v1/messages",
//      "wrong_part": "/v1",
//      "fix_hint": "use_host_only",          diagnosis.hpp lists the keys
//      "explanation": "…",
//      "fixed_base_url": "http://127.0.0.1:8045",  "" when it depends on the client
//      "likely_clients": ["anthropic-sdk-node", "claude-code"]
//    }
//
// Exit codes: 0 = every call reaches a route (or the path does), 1 = a problem was found, 2 = bad usage.
#include "cli/doctor.hpp"

#include <cstdio>

#include "commands.hpp"
#include "pathwise/client_catalog.hpp"
#include "pathwise/suggest.hpp"

namespace pathwise::cli {
namespace {

constexpr std::string_view kDoctorHelp =
    "usage: pathwise doctor --client ID [--version V] [--setting NAME]... BASE_URL\n"
    "       pathwise doctor [--method M] [--origin URL] PATH\n"
    "\n"
    "With --client: the exact requests that client sends when you type BASE_URL, which part comes from\n"
    "your base URL and which the client adds, whether each reaches a proxy route, and what to type instead.\n"
    "With a PATH from a log (\"/v1/v1/messages\", \"POST /v1/v1/messages HTTP/1.1\" or a full URL): why it\n"
    "missed, the route it was meant for, the base URL that fixes it, and the clients that send it.\n"
    "\n"
    "options:\n"
    "  --client ID       a catalog id (list them with `pathwise clients`)\n"
    "  --version V       the client's version (default: the newest behaviour known)\n"
    "  --setting NAME    an extra setting you already applied (e.g. GOOGLE_GENAI_API_VERSION); repeatable\n"
    "  --config FILE     serve's config file: say which upstream serves each call, passed through or\n"
    "                    translated (default: serve's default file, when there is one)\n"
    "  --method M        the HTTP method seen in the log (GET, POST, ...)\n"
    "  --origin URL      where the proxy listens (default http://127.0.0.1:8045)\n"
    "  --websocket       the request asked for a WebSocket upgrade\n"
    "  --header NAME     a header name seen on the request (x-api-key, anthropic-version, x-goog-api-key);\n"
    "                    repeatable; only the name is used, never a value\n"
    "  --json            one JSON object (keys documented at the top of native/src/cli/doctor.cpp)\n"
    "  --lang L          en, fr or es (default: $PATHWISE_LANG, else en)\n"
    "  --no-color        no colour even on a terminal (NO_COLOR=1 works too)\n"
    "\n"
    "examples:\n"
    "  pathwise doctor --client claude-code http://127.0.0.1:8045/v1\n"
    "  pathwise doctor /v1/chat/completions/responses\n"
    "\n"
    "exit codes: 0 = works, 1 = problem found, 2 = bad usage\n";

constexpr OptionSpec kDoctorSpecs[] = {
    {"--client", "ID", false},  {"--version", "V", false},  {"--setting", "NAME", true}, {"--method", "M", false},
    {"--origin", "URL", false}, {"--websocket", "", false}, {"--header", "NAME", true},  {"--config", "FILE", false},
};

}  // namespace

std::string unknown_client_message(std::string_view id) {
    std::vector<std::string_view> ids;
    for (const ClientEntry& entry : client_catalog()) ids.push_back(entry.id);
    std::string message = "unknown client '" + std::string(id) + "'; ";
    if (const auto suggestion = closest_match(id, ids)) message += "did you mean '" + std::string(*suggestion) + "'? ";
    return message + "run `pathwise clients`";
}

int run_doctor(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, kDoctorSpecs, "doctor", error);
    if (!parsed) return usage_error("doctor", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("doctor", error);
    if (common->help) {
        std::fputs(kDoctorHelp.data(), stdout);
        return kExitFine;
    }
    if (parsed->has("--client")) {
        for (const std::string_view path_only : {"--method", "--origin", "--websocket", "--header"}) {
            if (parsed->has(path_only)) {
                return usage_error("doctor", std::string(path_only) +
                                                 " applies to a PATH from a log, not to --client (the origin "
                                                 "comes from the base URL)");
            }
        }
        return run_doctor_client(*parsed, *common);
    }
    for (const std::string_view client_only : {"--version", "--setting", "--config"}) {
        if (parsed->has(client_only)) {
            return usage_error("doctor", std::string(client_only) + " needs --client ID");
        }
    }
    return run_doctor_path(*parsed, *common);
}

}  // namespace pathwise::cli
