// share_link.cpp — the wizard's state ↔ "v=1&c=…&b=…": compact, versioned, bounded, and never carrying a secret.
#include "pathwise/share_link.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

namespace pathwise {
namespace {

constexpr std::string_view kVersion = "1";
constexpr std::size_t kMaxNotes = 16;  // a garbage link must not produce thousands of notes

enum class Field : unsigned char {
    version,
    proxy_origin,
    client_id,
    client_version,
    base_url,
    log_path,
    lang,
    view,
    receipt,  // one field of the failure receipt: FieldKey::receipt_field says which
};

struct FieldKey {
    Field field;
    std::string_view key;
    std::string_view label;  // how a note names the field for a person
    ReceiptField receipt_field = ReceiptField::method;
};

// The order here is the order in the link (deterministic output, stable diffs of shared links).
constexpr std::array kFieldKeys = {
    FieldKey{Field::version, "v", "format version"},
    FieldKey{Field::proxy_origin, "o", "proxy address"},
    FieldKey{Field::client_id, "c", "client"},
    FieldKey{Field::client_version, "cv", "client version"},
    FieldKey{Field::base_url, "b", "typed base URL"},
    FieldKey{Field::log_path, "p", "log path"},
    FieldKey{Field::lang, "l", "language"},
    FieldKey{Field::view, "w", "view"},
    FieldKey{Field::receipt, "rm", "receipt's method", ReceiptField::method},
    FieldKey{Field::receipt, "rp", "receipt's path", ReceiptField::path},
    FieldKey{Field::receipt, "rq", "receipt's query keys", ReceiptField::query_keys},
    FieldKey{Field::receipt, "rh", "receipt's header names", ReceiptField::header_names},
    FieldKey{Field::receipt, "rs", "receipt's status", ReceiptField::status},
    FieldKey{Field::receipt, "rf", "receipt's failing side", ReceiptField::failed_at},
    FieldKey{Field::receipt, "rk", "receipt's diagnosis", ReceiptField::diagnosis_kind},
    FieldKey{Field::receipt, "re", "receipt's error code", ReceiptField::error},
    FieldKey{Field::receipt, "rc", "receipt's client", ReceiptField::client},
    FieldKey{Field::receipt, "rcv", "receipt's client version", ReceiptField::client_version},
    FieldKey{Field::receipt, "ro", "receipt's proxy address", ReceiptField::proxy_origin},
    FieldKey{Field::receipt, "rx", "receipt's fixed base URL", ReceiptField::fixed_base_url},
};

constexpr std::array kViews = {WizardView::setup,       WizardView::check, WizardView::log,
                               WizardView::all_clients, WizardView::live,  WizardView::receipt};

const FieldKey* find_field(std::string_view key) {
    for (const FieldKey& entry : kFieldKeys) {
        if (entry.key == key) return &entry;
    }
    return nullptr;
}

constexpr bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (is_unreserved(c)) {
            out.push_back(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[byte >> 4U]);
            out.push_back(kHex[byte & 0x0FU]);
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// '+' stays '+': this format never encodes a space as '+', so a literal '+' (from a hand edit) keeps its meaning.
std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_value(text[i + 1]);
        const int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

// A key name shown in a note: escaped (it may hold any bytes) and short (it may be kilobytes of garbage).
std::string shown(std::string_view raw) {
    constexpr std::size_t kShownLength = 40;
    std::string text = percent_encode(raw.substr(0, kShownLength));
    if (raw.size() > kShownLength) text += "...";
    return "'" + text + "'";
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// "key", "api_key", "x-goog-api-key", "token", "access_token", "password", "authorization", "secret", …
bool is_secret_name(std::string_view name) {
    const std::string lower = lowered(name);
    for (const std::string_view word : {"key", "token", "secret", "password", "passwd", "auth", "bearer"}) {
        if (lower.find(word) != std::string::npos) return true;
    }
    return false;
}

// A typed URL can smuggle a secret in as "user:pass@host" or "?key=AIza…" (Gemini's key parameter).
bool url_text_carries_secret(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    const std::size_t authority_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
    const std::size_t authority_end = url.find_first_of("/?#", authority_start);
    if (url.substr(authority_start, authority_end - authority_start).find('@') != std::string_view::npos) return true;

    const std::size_t question = url.find('?');
    if (question == std::string_view::npos) return false;
    std::string_view query = url.substr(question + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view param = query.substr(0, amp);
        if (is_secret_name(param.substr(0, param.find('=')))) return true;
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return false;
}

class NoteList {
public:
    explicit NoteList(std::vector<ShareLinkNote>& notes) : notes_(notes) {}
    void add(std::string field, std::string code, std::string message) {
        if (notes_.size() < kMaxNotes) {
            notes_.push_back({std::move(field), std::move(code), std::move(message)});
        } else if (notes_.size() == kMaxNotes) {
            notes_.push_back({"", "too_many_notes",
                              "the link has more problems than listed here; the rest were "
                              "ignored too"});
        }
    }

private:
    std::vector<ShareLinkNote>& notes_;
};

std::string too_long_message(const FieldKey& entry, std::size_t length) {
    return "the " + std::string(entry.label) + " is " + std::to_string(length) + " bytes, more than the " +
           std::to_string(kMaxFieldLength) + " a link may carry: it was left out";
}

std::string secret_message(const FieldKey& entry) {
    return "the " + std::string(entry.label) +
           " holds a secret (user:password@ or a ?key= parameter): it was left out, because keys never travel in "
           "links; type it without the secret";
}

// One text field of WizardState by its key; nullptr for the non-text fields. `State` is WizardState, const or not.
template <class State>
auto text_member(State& state, Field field) -> decltype(&state.proxy_origin) {
    switch (field) {
        case Field::proxy_origin:
            return &state.proxy_origin;
        case Field::client_id:
            return &state.client_id;
        case Field::client_version:
            return &state.client_version;
        case Field::base_url:
            return &state.typed_base_url;
        case Field::log_path:
            return &state.log_path;
        case Field::version:
        case Field::lang:
        case Field::view:
        case Field::receipt:
            break;
    }
    return nullptr;
}

bool may_carry_url_secret(Field field) {
    return field == Field::proxy_origin || field == Field::base_url;
}

void read_version(std::string_view value, NoteList& notes) {
    if (value == kVersion) return;
    const bool all_digits =
        !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::size_t first_significant = value.find_first_not_of('0');
    // Any number above 1 ("2", "10", "0003"): compare without converting, so no length can overflow.
    if (all_digits && first_significant != std::string_view::npos &&
        (value.size() - first_significant > 1 || value[first_significant] > '1')) {
        notes.add("v", "newer_version",
                  "this link was made by a newer Pathwise (format " + std::string(value) +
                      "): the settings this version understands were read, the rest ignored");
        return;
    }
    notes.add("v", "bad_version",
              "the format version " + shown(value) + " is not one Pathwise knows (expected " + std::string(kVersion) +
                  "): the link was read as version 1");
}

// Stores one receipt field through the receipt's own checks; a note says what was left out. True when kept.
// The value is not echoed: it may be what made it invalid (a password in a URL).
bool apply_receipt_field(FailureReceipt& receipt, const FieldKey& entry, std::string_view value, NoteList& notes) {
    switch (set_receipt_field(receipt, entry.receipt_field, value)) {
        case FieldUse::kept:
            return true;
        case FieldUse::partly_kept:
            notes.add(std::string(entry.key), "partly_kept",
                      "some of the " + std::string(entry.label) + " are not plain names: they were left out");
            return true;
        case FieldUse::refused:
            break;
    }
    notes.add(std::string(entry.key), "bad_value",
              "the " + std::string(entry.label) +
                  " is not a valid value (a URL with a password or a query, or not a plain name): it was left out");
    return false;
}

}  // namespace

std::string_view view_name(WizardView v) {
    switch (v) {
        case WizardView::setup:
            return "setup";
        case WizardView::check:
            return "check";
        case WizardView::log:
            return "log";
        case WizardView::all_clients:
            return "all";
        case WizardView::live:
            return "live";
        case WizardView::receipt:
            return "receipt";
    }
    return "setup";
}

std::optional<WizardView> parse_view_name(std::string_view name) {
    for (const WizardView view : kViews) {
        if (view_name(view) == name) return view;
    }
    return std::nullopt;
}

EncodedShareLink encode_share_link_with_notes(const WizardState& state) {
    EncodedShareLink out;
    NoteList notes(out.notes);

    struct Entry {
        std::string_view key;
        std::string encoded;
    };
    std::vector<Entry> entries;
    for (const FieldKey& entry : kFieldKeys) {
        std::string value;
        switch (entry.field) {
            case Field::version:
                value = std::string(kVersion);
                break;
            case Field::lang:
                if (state.lang_explicit) value = std::string(lang_code(state.lang));
                break;
            case Field::view:
                if (state.view != WizardView::setup) value = std::string(view_name(state.view));
                break;
            case Field::receipt: {
                // Checked again on the way out: a receipt built by hand must not smuggle a value into a link.
                if (state.receipt.empty()) break;  // no receipt: none of its fields, not even "rf=none"
                FailureReceipt checked;
                const std::string raw = receipt_field_text(state.receipt, entry.receipt_field);
                if (raw.empty()) break;
                if (!apply_receipt_field(checked, entry, raw, notes)) break;
                value = receipt_field_text(checked, entry.receipt_field);
                break;
            }
            default:
                value = *text_member(state, entry.field);
                break;
        }
        if (value.empty()) continue;
        if (value.size() > kMaxFieldLength) {
            notes.add(std::string(entry.key), "too_long", too_long_message(entry, value.size()));
            continue;
        }
        if (may_carry_url_secret(entry.field) && url_text_carries_secret(value)) {
            notes.add(std::string(entry.key), "secret_dropped", secret_message(entry));
            continue;
        }
        entries.push_back({entry.key, percent_encode(value)});
    }

    const auto link_length = [&entries] {
        std::size_t length = 0;
        for (const Entry& e : entries) length += e.key.size() + 1 + e.encoded.size() + 1;
        return length == 0 ? 0 : length - 1;
    };
    // Several fields near kMaxFieldLength (×3 once percent-encoded) can exceed the link limit: drop the longest
    // first, since it is the one that makes the link unusable in chat apps.
    while (link_length() > kMaxShareLinkLength) {
        auto longest = std::max_element(entries.begin() + 1, entries.end(), [](const Entry& a, const Entry& b) {
            return a.encoded.size() < b.encoded.size();
        });
        const FieldKey* entry = find_field(longest->key);
        notes.add(std::string(longest->key), "too_long",
                  "the " + std::string(entry->label) + " was left out to keep the link under " +
                      std::to_string(kMaxShareLinkLength) + " characters");
        entries.erase(longest);
    }

    for (const Entry& e : entries) {
        if (!out.fragment.empty()) out.fragment += '&';
        out.fragment.append(e.key);
        out.fragment += '=';
        out.fragment += e.encoded;
    }
    return out;
}

std::string encode_share_link(const WizardState& state) {
    return encode_share_link_with_notes(state).fragment;
}

DecodedShareLink decode_share_link(std::string_view fragment) {
    DecodedShareLink out;
    NoteList notes(out.notes);

    // Accepts "#v=1…", "v=1…" and a whole pasted address "http://127.0.0.1:8045/#v=1…": encoded values never
    // contain a raw '#', so everything after the first one is the link.
    if (const std::size_t hash = fragment.find('#'); hash != std::string_view::npos) {
        fragment.remove_prefix(hash + 1);
    }
    // No fragment is how the wizard opens fresh (and how `pathwise link --decode ""` starts): nothing was
    // ignored, so there is nothing to note.
    if (fragment.empty()) return out;
    if (fragment.size() > kMaxShareLinkLength) {
        // Keep only whole fields within the limit: a value cut in the middle would be silently wrong.
        const std::size_t last_whole = fragment.rfind('&', kMaxShareLinkLength);
        notes.add("", "too_long",
                  "the link is " + std::to_string(fragment.size()) + " characters, more than " +
                      std::to_string(kMaxShareLinkLength) + ": everything after character " +
                      std::to_string(last_whole == std::string_view::npos ? 0 : last_whole) + " was ignored");
        fragment = last_whole == std::string_view::npos ? std::string_view() : fragment.substr(0, last_whole);
    }

    bool saw_version = false;
    std::array<bool, kFieldKeys.size()> seen{};
    while (!fragment.empty()) {
        const std::size_t amp = fragment.find('&');
        const std::string_view pair = fragment.substr(0, amp);
        fragment.remove_prefix(amp == std::string_view::npos ? fragment.size() : amp + 1);
        if (pair.empty()) continue;  // "a=1&&b=2" or a trailing '&' from a hand edit

        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            notes.add("", "malformed", shown(pair) + " is not a key=value setting: it was ignored");
            continue;
        }
        const std::string_view key = pair.substr(0, equals);
        const std::string_view raw_value = pair.substr(equals + 1);
        const auto decoded_key = percent_decode(key);
        if (decoded_key && is_secret_name(*decoded_key)) {
            // The value is not read, let alone echoed: it may be a real key someone pasted into a link.
            notes.add(std::string(key.substr(0, 40)), "secret_ignored",
                      shown(key) +
                          " was ignored: keys are never read from links; enter the API key in your "
                          "client's own settings");
            continue;
        }
        const FieldKey* entry = find_field(key);
        if (entry == nullptr) {
            notes.add(std::string(key.substr(0, 40)), "unknown_field",
                      shown(key) + " is not a setting this version of Pathwise knows: it was ignored");
            continue;
        }
        const auto index = static_cast<std::size_t>(entry - kFieldKeys.data());
        if (seen[index]) {
            notes.add(std::string(entry->key), "duplicate_field",
                      "the " + std::string(entry->label) + " appears twice: the first one was used");
            continue;
        }
        seen[index] = true;

        const auto value = percent_decode(raw_value);
        if (!value) {
            notes.add(std::string(entry->key), "bad_escape",
                      "the " + std::string(entry->label) +
                          " has a broken %-escape ('%' must be followed by two hex digits): it was ignored");
            continue;
        }
        if (value->size() > kMaxFieldLength) {
            notes.add(std::string(entry->key), "too_long", too_long_message(*entry, value->size()));
            continue;
        }

        switch (entry->field) {
            case Field::version:
                saw_version = true;
                read_version(*value, notes);
                break;
            case Field::lang:
                if (value->empty()) break;
                if (const auto lang = parse_lang(*value)) {
                    out.state.lang = *lang;
                    out.state.lang_explicit = true;
                } else {
                    notes.add("l", "unknown_lang",
                              "the language " + shown(*value) +
                                  " is not one Pathwise speaks (en, fr, es): the "
                                  "browser's language is used");
                }
                break;
            case Field::view:
                if (value->empty()) break;
                if (const auto view = parse_view_name(*value)) {
                    out.state.view = *view;
                } else {
                    notes.add("w", "unknown_view",
                              "the view " + shown(*value) +
                                  " does not exist (setup, check, log, all, live, receipt): the "
                                  "setup view is shown");
                }
                break;
            case Field::receipt:
                (void)apply_receipt_field(out.state.receipt, *entry, *value, notes);
                break;
            default:
                if (may_carry_url_secret(entry->field) && url_text_carries_secret(*value)) {
                    notes.add(std::string(entry->key), "secret_dropped", secret_message(*entry));
                    break;
                }
                *text_member(out.state, entry->field) = *value;
                break;
        }
    }

    if (!saw_version) {
        notes.add("v", "missing_version",
                  "the link has no format version (v=): it was read as version 1, so some settings may be off");
    }
    return out;
}

}  // namespace pathwise
