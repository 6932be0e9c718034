// link.cpp — `pathwise link`: a wizard share link from command-line values, or a link decoded back.
//
// JSON (`--json`):
//   encode: {"link": "http://127.0.0.1:8045/#v=1&c=…", "fragment": "v=1&c=…", "state": STATE,
//            "notes": [{"field", "code", "message"}]}   (what the core left out: too long, …)
//   decode: {"state": STATE, "notes": [{"field", "code", "message"}]}
//   STATE = {"proxy_origin", "client_id", "client_version", "typed_base_url", "log_path", "lang",
//            "lang_explicit", "view"}
// Exit codes: 0 = fine, 1 = something was left out of the link or ignored in it (see notes), 2 = bad usage.
#include <array>
#include <cctype>
#include <cstdio>

#include "cli/args.hpp"
#include "cli/doctor.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/client_catalog.hpp"
#include "pathwise/share_link.hpp"
#include "pathwise/url.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kLinkHelp =
    "usage: pathwise link [--origin URL] [--client ID] [--version V] [--base URL] [--log PATH]\n"
    "                     [--view setup|check|log|all|live] [--lang en|fr|es] [--wizard URL]\n"
    "       pathwise link --decode LINK_OR_FRAGMENT\n"
    "\n"
    "Prints a link that opens the wizard in exactly this state, to paste in a chat or an issue. The wizard\n"
    "URL defaults to the --origin (else http://127.0.0.1:8045/). Links never carry API keys: a base URL or\n"
    "log path holding a key in its query (?key=...) is refused.\n"
    "--lang fixes the wizard's language in the link (without it the recipient's browser language applies)\n"
    "and is also the language of this command's own output.\n"
    "--decode shows what a link holds and anything in it that the wizard would ignore.\n";

constexpr OptionSpec kLinkSpecs[] = {
    {"--origin", "URL", false}, {"--client", "ID", false}, {"--version", "V", false},  {"--base", "URL", false},
    {"--log", "PATH", false},   {"--view", "VIEW", false}, {"--wizard", "URL", false}, {"--decode", "LINK", false},
};

// Continue and LobeChat put the Gemini key in `?key=` (docs/clients.md 1.10, 1.13): such a value must not be shared.
std::optional<std::string> secret_query_parameter(std::string_view text) {
    const std::size_t question = text.find('?');
    if (question == std::string_view::npos) return std::nullopt;
    std::string_view query = text.substr(question + 1);
    query = query.substr(0, query.find('#'));
    static constexpr std::array<std::string_view, 7> kSecretNames = {"key",   "api_key",      "api-key", "apikey",
                                                                     "token", "access_token", "auth"};
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t end = std::min(query.find('&', start), query.size());
        const std::string_view pair = query.substr(start, end - start);
        const std::string name = ascii::lowercase(pair.substr(0, pair.find('=')));
        for (const std::string_view secret : kSecretNames) {
            if (name == secret) return name;
        }
        start = end + 1;
    }
    return std::nullopt;
}

ordered_json state_json(const WizardState& state) {
    return {{"proxy_origin", state.proxy_origin},
            {"client_id", state.client_id},
            {"client_version", state.client_version},
            {"typed_base_url", state.typed_base_url},
            {"log_path", state.log_path},
            {"lang", lang_code(state.lang)},
            {"lang_explicit", state.lang_explicit},
            {"view", view_name(state.view)}};
}

// A receipt's fields under their own names (failure_receipt.hpp); lists as arrays.
ordered_json receipt_json(const FailureReceipt& receipt) {
    ordered_json out = ordered_json::object();
    for_each_receipt_field(receipt, [&](const char* name, const auto& value) { out[name] = value; });
    return out;
}

// The receipt as a person reads it: its facts, then what this Pathwise makes of them.
std::string receipt_text(const FailureReceipt& receipt, Lang lang, const Style& style) {
    const auto names = [](const std::vector<std::string>& list) {
        std::string out;
        for (const auto& name : list) out += (out.empty() ? "" : ", ") + name;
        return out.empty() ? std::string("-") : out;
    };
    LabelledLines lines(msg::kColon.in(lang));
    lines.add(std::string(msg::kReceiptRequest.in(lang)), receipt.method + " " + receipt.path);
    lines.add(std::string(msg::kReceiptQueryKeys.in(lang)), names(receipt.query_keys));
    lines.add(std::string(msg::kReceiptHeaderNames.in(lang)), names(receipt.header_names));
    lines.add(std::string(msg::kReceiptStatus.in(lang)),
              std::to_string(receipt.status) + " (" + std::string(failed_at_name(receipt.failed_at)) + ")");
    if (!receipt.client.empty()) {
        lines.add(std::string(msg::kClient.in(lang)),
                  receipt.client + (receipt.client_version.empty() ? "" : " " + receipt.client_version));
    }
    return style.bold(std::string(msg::kReceipt.in(lang))) + "\n" + lines.render("  ") +
           explain_receipt(read_receipt(receipt), lang) + "\n";
}

int decode(const ParsedArgs& parsed, const CommonOptions& common) {
    const std::string link = parsed.value("--decode").value_or("");
    const std::size_t hash = link.find('#');
    const DecodedShareLink decoded = decode_share_link(hash == std::string::npos ? link : link.substr(hash + 1));
    if (common.json) {
        ordered_json notes = ordered_json::array();
        for (const ShareLinkNote& note : decoded.notes) {
            notes.push_back({{"field", note.field}, {"code", note.code}, {"message", note.message}});
        }
        ordered_json out;
        out["state"] = state_json(decoded.state);
        if (!decoded.state.receipt.empty()) {
            out["receipt"] = receipt_json(decoded.state.receipt);
            out["receipt_explained"] = explain_receipt(read_receipt(decoded.state.receipt), common.lang);
        }
        out["notes"] = std::move(notes);
        print_json(out);
    } else {
        const Lang lang = common.lang;
        const Style style(common.color);
        const auto or_not_set = [&](const std::string& value) {
            return value.empty() ? style.dim(std::string(msg::kNotSet.in(lang))) : value;
        };
        const WizardState& state = decoded.state;
        LabelledLines lines(msg::kColon.in(lang));
        lines.add(std::string(msg::kProxyOrigin.in(lang)), or_not_set(state.proxy_origin));
        lines.add(std::string(msg::kClient.in(lang)), or_not_set(state.client_id));
        lines.add(std::string(msg::kClientVersion.in(lang)), or_not_set(state.client_version));
        lines.add(std::string(msg::kTypedBaseUrl.in(lang)), or_not_set(state.typed_base_url));
        lines.add(std::string(msg::kLogPath.in(lang)), or_not_set(state.log_path));
        lines.add(std::string(msg::kLanguage.in(lang)),
                  std::string(lang_code(state.lang)) +
                      (state.lang_explicit ? "" : " " + style.dim(std::string(msg::kFollowBrowser.in(lang)))));
        lines.add(std::string(msg::kView.in(lang)), std::string(view_name(state.view)));
        std::string out = style.bold(std::string(msg::kLinkState.in(lang))) + "\n" + lines.render("  ");
        if (!state.receipt.empty()) out += "\n" + receipt_text(state.receipt, lang, style);
        if (!decoded.notes.empty()) {
            out += "\n" + style.bold(std::string(msg::kIgnored.in(lang))) + "\n";
            for (const ShareLinkNote& note : decoded.notes) {
                out += "  " + style.warn(note.field.empty() ? note.code : note.field + ": " + note.code) + "  " +
                       note.message + "\n";
            }
        }
        print_text(out);
    }
    return decoded.notes.empty() ? kExitFine : kExitProblemFound;
}

}  // namespace

int run_link(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, kLinkSpecs, "link", error);
    if (!parsed) return usage_error("link", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("link", error);
    if (common->help) {
        std::fputs(kLinkHelp.data(), stdout);
        return kExitFine;
    }
    if (!parsed->positionals.empty()) {
        return usage_error("link", "unexpected argument '" + parsed->positionals.front() +
                                       "' (values go after their option, e.g. --base URL)");
    }
    if (parsed->has("--decode")) {
        for (const OptionSpec& spec : kLinkSpecs) {
            if (spec.name != "--decode" && parsed->has(spec.name)) {
                return usage_error("link", "--decode takes no other link option (got " + std::string(spec.name) + ")");
            }
        }
        return decode(*parsed, *common);
    }

    WizardState state;
    std::string wizard = std::string(kDefaultOrigin) + "/";
    if (const auto origin = parsed->value("--origin")) {
        const auto url = parse_base_url(*origin);
        if (!url) return usage_error("link", "--origin '" + *origin + "': " + url.error().message);
        state.proxy_origin = url->origin();
        wizard = state.proxy_origin + "/";
    }
    if (const auto id = parsed->value("--client")) {
        if (find_client(*id) == nullptr) return usage_error("link", unknown_client_message(*id));
        state.client_id = *id;
    }
    if (const auto version = parsed->value("--version")) {
        if (state.client_id.empty()) return usage_error("link", "--version needs --client ID");
        state.client_version = *version;
    }
    for (const auto& [option, field] :
         {std::pair{"--base", &state.typed_base_url}, std::pair{"--log", &state.log_path}}) {
        const auto value = parsed->value(option);
        if (!value) continue;
        if (const auto secret = secret_query_parameter(*value)) {
            return usage_error("link", std::string(option) + " holds a '" + *secret +
                                           "' query parameter, which looks like a secret; share links never carry "
                                           "keys: remove it and try again");
        }
        *field = *value;
    }
    if (const auto view = parsed->value("--view")) {
        const auto parsed_view = parse_view_name(*view);
        // A receipt comes from a request the proxy served (the Live view), not from options.
        if (!parsed_view || *parsed_view == WizardView::receipt)
            return usage_error("link", "unknown view '" + *view + "'; use setup, check, log, all or live");
        state.view = *parsed_view;
    } else if (!state.log_path.empty()) {
        state.view = WizardView::log;
    } else if (!state.typed_base_url.empty()) {
        state.view = WizardView::check;
    }
    if (common->lang_explicit) {
        state.lang = common->lang;
        state.lang_explicit = true;
    }
    if (const auto given = parsed->value("--wizard")) {
        const auto url = parse_base_url(*given);
        if (!url) return usage_error("link", "--wizard '" + *given + "': " + url.error().message);
        // The state goes in the fragment, so any fragment already on the wizard URL is dropped.
        wizard = url->origin() + (url->path.empty() ? "/" : url->path) + (url->query.empty() ? "" : "?" + url->query);
    }

    const EncodedShareLink encoded = encode_share_link_with_notes(state);
    for (const ShareLinkNote& note : encoded.notes) {
        // A secret the core found (user:password@, ?key=) is refused outright, like the check above.
        if (note.code == "secret_dropped") return usage_error("link", note.message);
    }
    const std::string link = wizard + "#" + encoded.fragment;
    if (common->json) {
        ordered_json notes = ordered_json::array();
        for (const ShareLinkNote& note : encoded.notes) {
            notes.push_back({{"field", note.field}, {"code", note.code}, {"message", note.message}});
        }
        ordered_json out;
        out["link"] = link;
        out["fragment"] = encoded.fragment;
        out["state"] = state_json(state);
        out["notes"] = std::move(notes);
        print_json(out);
    } else {
        print_text(link + "\n");
        // The link itself stays alone on stdout (easy to copy or pipe); what was left out goes to stderr.
        for (const ShareLinkNote& note : encoded.notes) {
            std::fprintf(stderr, "pathwise link: left out of the link: %s\n", note.message.c_str());
        }
    }
    return encoded.notes.empty() ? kExitFine : kExitProblemFound;
}

}  // namespace pathwise::cli
