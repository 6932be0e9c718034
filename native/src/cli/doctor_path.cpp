// doctor_path.cpp — `pathwise doctor PATH`: a request path from a log, explained.
#include <cctype>

#include "cli/doctor.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/url.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

// What was pulled out of the PATH argument, which may be a bare target, a full URL or a log line.
struct LoggedRequest {
    Method method = Method::other;
    std::string target;  // "/v1/v1/messages?beta=true"
    std::string origin;  // from a full URL, "" otherwise
};

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        if (end > start) {
            std::string word(text.substr(start, end - start));
            // Access logs quote the request line: "POST /v1/v1/messages HTTP/1.1"
            while (!word.empty() && (word.front() == '"' || word.front() == '\'')) word.erase(0, 1);
            while (!word.empty() && (word.back() == '"' || word.back() == '\'')) word.pop_back();
            if (!word.empty()) words.push_back(std::move(word));
        }
        start = end + 1;
    }
    return words;
}

// Accepts "/v1/v1/messages", "POST /v1/v1/messages HTTP/1.1" (one argument or several) and
// "http://127.0.0.1:8045/v1/v1/messages". Returns an error message when no path can be found.
std::optional<std::string> parse_logged_request(const std::vector<std::string>& positionals, LoggedRequest& request) {
    std::string joined;
    for (const std::string& positional : positionals) joined += (joined.empty() ? "" : " ") + positional;
    const std::vector<std::string> words = split_words(joined);
    std::optional<std::string> target;
    for (const std::string& word : words) {
        const std::string lowered = ascii::lowercase(word);
        if (lowered.rfind("http/", 0) == 0) continue;  // the protocol version of a request line
        if (word.front() == '/' || lowered.rfind("http://", 0) == 0 || lowered.rfind("https://", 0) == 0) {
            if (target) return "found two paths in '" + joined + "'; give one request path";
            target = word;
        } else if (const Method method = parse_method(word); method != Method::other && !target) {
            request.method = method;
        } else {
            return "expected a request path starting with '/' (e.g. /v1/v1/messages) or a full URL, got '" + word + "'";
        }
    }
    if (!target) return "expected a request path starting with '/' (e.g. /v1/v1/messages) or a full URL";
    if (target->front() == '/') {
        request.target = *target;
        return std::nullopt;
    }
    const auto url = parse_base_url(*target);
    if (!url) return url.error().message;
    request.origin = url->origin();
    request.target = url->path.empty() ? "/" : url->path;
    if (!url->query.empty()) request.target += "?" + url->query;
    return std::nullopt;
}

// Only header names count; a value (possibly a key) is never read.
void apply_header_hints(const std::vector<std::string>& headers, RequestFacts& facts) {
    for (const std::string& header : headers) {
        const std::string name = ascii::lowercase(header.substr(0, header.find(':')));
        if (name == "x-api-key" || name == "anthropic-version" || name == "anthropic-beta") {
            facts.has_anthropic_headers = true;
        } else if (name == "x-goog-api-key") {
            facts.has_goog_api_key = true;
        } else if (name == "upgrade") {
            facts.websocket_upgrade = true;
        }
    }
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

}  // namespace

int run_doctor_path(const ParsedArgs& parsed, const CommonOptions& common) {
    if (parsed.positionals.empty()) {
        return usage_error("doctor",
                           "missing what to check: a PATH from a log (pathwise doctor /v1/v1/messages) or "
                           "--client ID BASE_URL (pathwise doctor --client claude-code http://127.0.0.1:8045/v1)");
    }
    LoggedRequest request;
    if (const auto error = parse_logged_request(parsed.positionals, request)) return usage_error("doctor", *error);
    if (const auto method = parsed.value("--method")) {
        request.method = parse_method(*method);
        if (request.method == Method::other) {
            return usage_error("doctor", "unknown HTTP method '" + *method + "' for --method (use GET, POST, ...)");
        }
    }
    std::string origin = request.origin.empty() ? std::string(kDefaultOrigin) : request.origin;
    if (const auto given = parsed.value("--origin")) {
        const auto url = parse_base_url(*given);
        if (!url) return usage_error("doctor", "--origin '" + *given + "': " + url.error().message);
        origin = url->origin();
    }

    RequestFacts facts;
    facts.method = request.method;
    facts.target = request.target;
    facts.websocket_upgrade = parsed.has("--websocket");
    apply_header_hints(parsed.all("--header"), facts);
    const Diagnosis diagnosis = diagnose_request(facts, origin);
    const std::vector<std::string> clients = likely_clients(facts, origin);
    const PathAndQuery split = split_query(request.target);
    const std::string seen_path = diagnosis.seen_path.empty() ? std::string(split.path) : diagnosis.seen_path;
    // The core redacts secrets in the query (Continue and LobeChat send ?key=…): never print the raw one.
    const std::string seen_query = diagnosis.seen_query;
    const std::string seen_target = seen_query.empty() ? seen_path : seen_path + "?" + seen_query;
    const auto matched =
        request.method == Method::other ? match_path(request.target) : match_route(request.method, request.target);
    const Route* hit = diagnosis.kind == DiagnosisKind::ok && matched ? matched->route : nullptr;
    const Lang lang = common.lang;
    const std::string explanation = explain(diagnosis, lang);

    if (common.json) {
        ordered_json out;
        out["path"] = seen_path;
        out["query"] = seen_query;
        out["method"] =
            request.method == Method::other ? ordered_json(nullptr) : ordered_json(method_name(request.method));
        out["origin"] = origin;
        out["kind"] = diagnosis_kind_name(diagnosis.kind);
        out["title"] = title(diagnosis.kind, lang);
        out["protocol"] = protocol_name(diagnosis.protocol);
        out["route"] = hit != nullptr ? ordered_json(hit->id) : ordered_json(nullptr);
        out["intended_route"] =
            diagnosis.intended != nullptr ? ordered_json(diagnosis.intended->id) : ordered_json(nullptr);
        out["intended_path"] = diagnosis.intended_path;
        out["wrong_part"] = diagnosis.wrong_part;
        out["fix_hint"] = diagnosis.fix_hint_key;
        out["explanation"] = explanation;
        out["fixed_base_url"] = diagnosis.fixed_base_url;
        out["base_url_if_client_adds_version"] = diagnosis.base_url_if_client_adds_version;
        out["base_url_if_client_omits_version"] = diagnosis.base_url_if_client_omits_version;
        out["needs_api_version_v1beta"] = diagnosis.needs_api_version_v1beta;
        out["likely_clients"] = clients;
        print_json(out);
    } else {
        const Style style(common.color);
        const bool ok = diagnosis.kind == DiagnosisKind::ok;
        const std::string method = request.method == Method::other
                                       ? style.dim(std::string(msg::kUnknownMethod.in(lang)))
                                       : std::string(method_name(request.method));
        LabelledLines lines(msg::kColon.in(lang));
        lines.add(std::string(msg::kRequest.in(lang)), method + " " + origin + style.bold(seen_target));
        const std::string verdict = std::string(title(diagnosis.kind, lang)) + "  " +
                                    style.dim("(" + std::string(diagnosis_kind_name(diagnosis.kind)) + ")");
        lines.add(std::string(msg::kDiagnosis.in(lang)), ok ? style.good("✓ " + verdict) : style.bad("✗ " + verdict));
        const Route* meant = ok ? hit : diagnosis.intended;
        if (meant != nullptr) {
            lines.add(
                std::string(ok ? msg::kRoute.in(lang) : msg::kMeantFor.in(lang)),
                std::string(meant->id) + " (" + std::string(method_name(meant->method)) + " " +
                    (diagnosis.intended_path.empty() || ok ? std::string(meant->pattern) : diagnosis.intended_path) +
                    ")");
        }
        if (!diagnosis.wrong_part.empty()) {
            lines.add(std::string(msg::kWrongPart.in(lang)), style.bad(diagnosis.wrong_part));
        }
        if (!ok) {
            const std::string label(msg::kTypeInstead.in(lang));
            const std::string& adds = diagnosis.base_url_if_client_adds_version;
            const std::string& omits = diagnosis.base_url_if_client_omits_version;
            if (!diagnosis.fixed_base_url.empty()) {
                lines.add(label, style.bold(diagnosis.fixed_base_url) +
                                     (diagnosis.needs_api_version_v1beta ? "  + GOOGLE_GENAI_API_VERSION=beta" : ""));
                if (!omits.empty() && omits != diagnosis.fixed_base_url) {
                    lines.add("", fill(msg::kIfOmitsVersion.in(lang), style.bold(omits)));
                }
            } else if (!adds.empty() || !omits.empty()) {
                if (!adds.empty()) lines.add(label, fill(msg::kIfAddsVersion.in(lang), style.bold(adds)));
                if (!omits.empty()) {
                    lines.add(adds.empty() ? label : "", fill(msg::kIfOmitsVersion.in(lang), style.bold(omits)));
                }
            } else {
                lines.add(label, std::string(msg::kDependsOnClient.in(lang)));
            }
        }
        lines.add_wrapped(std::string(msg::kLikelyClients.in(lang)),
                          clients.empty() ? std::string(msg::kNone.in(lang)) : join(clients, ", "));
        std::string out = lines.render("");
        if (!explanation.empty()) out += "\n" + wrap_paragraph(explanation, terminal_width(), "");
        print_text(out);
    }
    return diagnosis.kind == DiagnosisKind::ok ? kExitFine : kExitProblemFound;
}

}  // namespace pathwise::cli
