// failure_receipt.cpp — see failure_receipt.hpp. Every field goes through set_receipt_field, so what the proxy
// recorded and what a hand-made link holds are checked by the same rules.
#include "pathwise/failure_receipt.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "pathwise/ascii.hpp"
#include "pathwise/client_catalog.hpp"
#include "pathwise/url.hpp"

namespace pathwise {
namespace {

constexpr std::size_t kMaxListEntries = 32;  // a real request sends about 15 headers and 2 query parameters
constexpr std::size_t kMaxNameLength = 64;
constexpr std::size_t kMaxPathLength = 512;
constexpr std::size_t kMaxUrlLength = 256;
constexpr std::string_view kRedacted = "REDACTED";

// Prefixes of the keys people paste: OpenAI and Anthropic ("sk-", "sk-ant-"), Google ("AIza"), GitHub, Groq,
// xAI, Hugging Face.
constexpr std::array<std::string_view, 6> kKeyPrefixes = {"sk-", "AIza", "ghp_", "gsk_", "xai-", "hf_"};

// A path segment or a name that may be a key: a known key prefix, or a long token mixing upper case, lower
// case and digits with no '.' (model ids are lower case or dotted: "claude-sonnet-4-5", "Qwen2.5-72B-Instruct").
bool looks_like_key(std::string_view text) {
    for (const std::string_view prefix : kKeyPrefixes) {
        if (text.size() > prefix.size() + 8 && text.substr(0, prefix.size()) == prefix) return true;
    }
    constexpr std::size_t kLongToken = 24;
    if (text.size() < kLongToken) return false;
    bool upper = false;
    bool lower = false;
    bool digit = false;
    for (const char c : text) {
        if (ascii::is_upper(c)) {
            upper = true;
        } else if (ascii::is_lower(c)) {
            lower = true;
        } else if (ascii::is_digit(c)) {
            digit = true;
        } else if (c != '-' && c != '_') {
            return false;
        }
    }
    return upper && lower && digit;
}

// RFC 9110 token characters: what a header name may hold.
bool is_token_char(char c) {
    return ascii::is_alpha(c) || ascii::is_digit(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A query parameter's name as sent: unreserved characters, %-escapes and the brackets of "filter[x]".
bool is_query_name_char(char c) {
    return ascii::is_alpha(c) || ascii::is_digit(c) || std::string_view("-._~%[]").find(c) != std::string_view::npos;
}

bool all_of_chars(std::string_view text, bool (*allowed)(char)) {
    return std::all_of(text.begin(), text.end(), allowed);
}

bool is_code_char(char c) {
    return ascii::is_lower(c) || ascii::is_digit(c) || c == '_';
}
bool is_client_id_char(char c) {
    return ascii::is_lower(c) || ascii::is_digit(c) || c == '-' || c == '.';
}
bool is_version_char(char c) {
    return ascii::is_digit(c) || c == '.';
}
bool is_method_char(char c) {
    return ascii::is_upper(c);
}
// What a path may hold here: printable ASCII without a space (a request line allows nothing else).
bool is_path_char(char c) {
    return c > ' ' && c < 0x7F;
}

std::vector<std::string> split_names(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += ',';
        out += name;
    }
    return out;
}

// Keeps the plain names of a list (lowercased for headers), without repeats, REDACTED for a key-like one.
FieldUse set_names(std::vector<std::string>& names, std::string_view text, bool (*allowed)(char), bool lowercase) {
    names.clear();
    if (text.empty()) return FieldUse::kept;
    bool dropped = false;
    for (std::string name : split_names(text)) {
        if (name.empty() || name.size() > kMaxNameLength || !all_of_chars(name, allowed)) {
            dropped = true;
            continue;
        }
        if (lowercase) name = ascii::lowercase(name);
        if (looks_like_key(name)) name = std::string(kRedacted);
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        if (names.size() == kMaxListEntries) {
            dropped = true;
            break;
        }
        names.push_back(std::move(name));
    }
    if (names.empty()) return FieldUse::refused;
    return dropped ? FieldUse::partly_kept : FieldUse::kept;
}

FieldUse set_path(std::string& path, std::string_view text) {
    path.clear();
    text = text.substr(0, text.find_first_of("?#"));
    if (text.empty()) return FieldUse::kept;
    if (text.front() != '/' || text.size() > kMaxPathLength || !all_of_chars(text, is_path_char)) {
        return FieldUse::refused;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t slash = std::min(text.find('/', start), text.size());
        const std::string_view segment = text.substr(start, slash - start);
        // "/models/gemini-2.5-flash:generateContent": the part before ':' is what may be a key.
        const std::string_view before_colon = segment.substr(0, segment.find(':'));
        if (looks_like_key(before_colon)) {
            path += kRedacted;
            path += segment.substr(before_colon.size());
        } else {
            path += segment;
        }
        if (slash == text.size()) break;
        path += '/';
        start = slash + 1;
    }
    return FieldUse::kept;
}

// An origin or a base URL: http(s), no user:password@, no query, no fragment, nothing but printable ASCII.
FieldUse set_url(std::string& url, std::string_view text) {
    url.clear();
    if (text.empty()) return FieldUse::kept;
    const bool http = text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://";
    if (!http || text.size() > kMaxUrlLength || !all_of_chars(text, is_path_char) ||
        text.find_first_of("@?#") != std::string_view::npos) {
        return FieldUse::refused;
    }
    url = std::string(text);
    return FieldUse::kept;
}

FieldUse set_word(std::string& word, std::string_view text, bool (*allowed)(char), std::size_t max_length) {
    word.clear();
    if (text.empty()) return FieldUse::kept;
    if (text.size() > max_length || !all_of_chars(text, allowed)) return FieldUse::refused;
    word = std::string(text);
    return FieldUse::kept;
}

FieldUse set_status(int& status, std::string_view text) {
    status = 0;
    if (text.empty()) return FieldUse::kept;
    if (text.size() != 3 || !all_of_chars(text, is_version_char) || text.find('.') != std::string_view::npos) {
        return FieldUse::refused;
    }
    const int value = (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0');
    if (value < 100 || value > 599) return FieldUse::refused;
    status = value;
    return FieldUse::kept;
}

// The names of a target's query parameters, in order: "/x?beta=true&key=REDACTED" → "beta,key".
std::string query_names(std::string_view target) {
    std::string_view query = split_query(target).query;
    std::string out;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        if (!pair.empty()) {
            if (!out.empty()) out += ',';
            out += pair.substr(0, pair.find('='));
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

FailedAt failed_side(const RequestRecord& record) {
    if (record.error == "client_disconnected") return FailedAt::client;
    const bool forwarded = !record.upstream.empty();
    if (forwarded && record.error.rfind("upstream_", 0) == 0) return FailedAt::upstream;
    if (forwarded && record.error.empty() && record.status >= 400) return FailedAt::upstream;  // its own answer
    if (record.status >= 400 || !record.error.empty()) return FailedAt::proxy;
    return FailedAt::nothing;
}

bool has_header(const FailureReceipt& receipt, std::string_view name) {
    return std::find(receipt.header_names.begin(), receipt.header_names.end(), name) != receipt.header_names.end();
}

struct SidePhrases {
    Text none;
    Text proxy;
    Text upstream;
    Text client;
};
constexpr SidePhrases kSide{
    .none = {"{1} {2} succeeded (status {3}).", "{1} {2} a réussi (statut {3}).", "{1} {2} funcionó (estado {3})."},
    .proxy = {"Pathwise itself refused {1} {2} (status {3}{4}): the request never reached an upstream.",
              "Pathwise a refusé lui-même {1} {2} (statut {3}{4}) : la requête n'a atteint aucun upstream.",
              "Pathwise rechazó {1} {2} (estado {3}{4}): la petición no llegó a ningún upstream."},
    .upstream = {"Pathwise forwarded {1} {2}, and the upstream failed it (status {3}{4}): check that server, not the "
                 "client's base URL.",
                 "Pathwise a transmis {1} {2}, et c'est l'upstream qui a échoué (statut {3}{4}) : vérifiez ce "
                 "serveur, pas la Base URL du client.",
                 "Pathwise reenvió {1} {2} y falló el upstream (estado {3}{4}): revisa ese servidor, no la Base URL "
                 "del cliente."},
    .client = {"The client closed the connection before the answer to {1} {2} was complete (status {3}{4}).",
               "Le client a fermé la connexion avant la fin de la réponse à {1} {2} (statut {3}{4}).",
               "El cliente cerró la conexión antes de terminar la respuesta a {1} {2} (estado {3}{4})."},
};

constexpr Text kRoutedHere{
    "This Pathwise routes {1}; the one that made this receipt said {2}: it is probably an older version.",
    "Ce Pathwise route {1} ; celui qui a fait ce reçu disait {2} : c'est sans doute une version plus ancienne.",
    "Este Pathwise enruta {1}; el que hizo este recibo dijo {2}: seguramente es una versión anterior."};
constexpr Text kFixedBase{"The proxy's fix: use the base URL {1}.", "Correctif du proxy : utilisez la Base URL {1}.",
                          "Arreglo del proxy: usa la Base URL {1}."};

}  // namespace

std::string_view failed_at_name(FailedAt side) {
    switch (side) {
        case FailedAt::nothing:
            return "none";
        case FailedAt::proxy:
            return "proxy";
        case FailedAt::upstream:
            return "upstream";
        case FailedAt::client:
            return "client";
    }
    return "none";
}

std::optional<FailedAt> parse_failed_at(std::string_view name) {
    for (const FailedAt side : {FailedAt::nothing, FailedAt::proxy, FailedAt::upstream, FailedAt::client}) {
        if (failed_at_name(side) == name) return side;
    }
    return std::nullopt;
}

std::string receipt_field_text(const FailureReceipt& receipt, ReceiptField field) {
    switch (field) {
        case ReceiptField::method:
            return receipt.method;
        case ReceiptField::path:
            return receipt.path;
        case ReceiptField::query_keys:
            return joined(receipt.query_keys);
        case ReceiptField::header_names:
            return joined(receipt.header_names);
        case ReceiptField::status:
            return receipt.status == 0 ? std::string() : std::to_string(receipt.status);
        case ReceiptField::failed_at:
            return std::string(failed_at_name(receipt.failed_at));
        case ReceiptField::diagnosis_kind:
            return receipt.diagnosis_kind;
        case ReceiptField::error:
            return receipt.error;
        case ReceiptField::client:
            return receipt.client;
        case ReceiptField::client_version:
            return receipt.client_version;
        case ReceiptField::proxy_origin:
            return receipt.proxy_origin;
        case ReceiptField::fixed_base_url:
            return receipt.fixed_base_url;
    }
    return {};
}

FieldUse set_receipt_field(FailureReceipt& receipt, ReceiptField field, std::string_view text) {
    switch (field) {
        case ReceiptField::method:
            return set_word(receipt.method, text, is_method_char, 16);
        case ReceiptField::path:
            return set_path(receipt.path, text);
        case ReceiptField::query_keys:
            return set_names(receipt.query_keys, text, is_query_name_char, false);
        case ReceiptField::header_names:
            return set_names(receipt.header_names, text, is_token_char, true);
        case ReceiptField::status:
            return set_status(receipt.status, text);
        case ReceiptField::failed_at: {
            receipt.failed_at = FailedAt::nothing;
            if (text.empty()) return FieldUse::kept;
            const auto side = parse_failed_at(text);
            if (!side) return FieldUse::refused;
            receipt.failed_at = *side;
            return FieldUse::kept;
        }
        case ReceiptField::diagnosis_kind:
            return set_word(receipt.diagnosis_kind, text, is_code_char, kMaxNameLength);
        case ReceiptField::error:
            return set_word(receipt.error, text, is_code_char, kMaxNameLength);
        case ReceiptField::client:
            return set_word(receipt.client, text, is_client_id_char, kMaxNameLength);
        case ReceiptField::client_version:
            return set_word(receipt.client_version, text, is_version_char, 24);
        case ReceiptField::proxy_origin:
            return set_url(receipt.proxy_origin, text);
        case ReceiptField::fixed_base_url:
            return set_url(receipt.fixed_base_url, text);
    }
    return FieldUse::refused;
}

FailureReceipt receipt_for(const RequestRecord& record, std::string_view proxy_origin) {
    FailureReceipt receipt;
    // What does not pass stays empty: a receipt is for sharing, so a doubtful value is left out, not escaped.
    (void)set_receipt_field(receipt, ReceiptField::method, record.method);
    (void)set_receipt_field(receipt, ReceiptField::path, record.path);
    (void)set_receipt_field(receipt, ReceiptField::query_keys, query_names(record.path));
    (void)set_receipt_field(receipt, ReceiptField::header_names, record.header_names);
    (void)set_receipt_field(receipt, ReceiptField::status, record.status == 0 ? "" : std::to_string(record.status));
    (void)set_receipt_field(receipt, ReceiptField::diagnosis_kind,
                            record.diagnosis_kind == "ok" ? std::string_view() : record.diagnosis_kind);
    (void)set_receipt_field(receipt, ReceiptField::error, record.error);
    (void)set_receipt_field(receipt, ReceiptField::client, record.client);
    (void)set_receipt_field(receipt, ReceiptField::client_version, record.client_version);
    (void)set_receipt_field(receipt, ReceiptField::proxy_origin, proxy_origin);
    (void)set_receipt_field(receipt, ReceiptField::fixed_base_url, record.fixed_base_url);
    receipt.failed_at = failed_side(record);
    return receipt;
}

ReceiptReading read_receipt(const FailureReceipt& receipt) {
    ReceiptReading reading;
    reading.receipt = receipt;
    const std::string origin = receipt.proxy_origin.empty() ? "http://127.0.0.1:8045" : receipt.proxy_origin;
    if (!receipt.path.empty() && receipt.method != "WS") {
        const RequestFacts facts{
            .method = parse_method(receipt.method),
            .target = receipt.path,
            .websocket_upgrade = receipt.method == "GET" && has_header(receipt, "upgrade"),
            .has_anthropic_headers = has_header(receipt, "anthropic-version") || has_header(receipt, "x-api-key"),
            .has_goog_api_key = has_header(receipt, "x-goog-api-key"),
        };
        RequestRouting routing = route_request(facts, origin);
        if (routing.diagnosis) reading.diagnosis = std::move(routing.diagnosis);
    }
    if (const ClientEntry* client = find_client(receipt.client)) {
        reading.client_fix = fix_for({.client = client, .version = receipt.client_version}, origin);
    }
    return reading;
}

std::string explain_receipt(const ReceiptReading& reading, Lang lang) {
    const FailureReceipt& receipt = reading.receipt;
    const std::string status = receipt.status == 0 ? std::string("?") : std::to_string(receipt.status);
    const std::string code = receipt.error.empty() ? std::string() : ", " + receipt.error;
    const Text* side = &kSide.none;
    switch (receipt.failed_at) {
        case FailedAt::nothing:
            break;
        case FailedAt::proxy:
            side = &kSide.proxy;
            break;
        case FailedAt::upstream:
            side = &kSide.upstream;
            break;
        case FailedAt::client:
            side = &kSide.client;
            break;
    }
    std::string text = fill(side->in(lang), receipt.method, receipt.path, status, code);
    if (reading.diagnosis) {
        text += "\n" + std::string(title(reading.diagnosis->kind, lang)) + ": " + explain(*reading.diagnosis, lang);
    } else if (!receipt.diagnosis_kind.empty()) {
        text += "\n" + fill(kRoutedHere.in(lang), receipt.path, receipt.diagnosis_kind);
    }
    if (reading.client_fix) {
        text += "\n" + explain_fix(*reading.client_fix, lang);
    } else if (!receipt.fixed_base_url.empty() && !reading.diagnosis) {
        text += "\n" + fill(kFixedBase.in(lang), receipt.fixed_base_url);
    }
    return text;
}

}  // namespace pathwise
