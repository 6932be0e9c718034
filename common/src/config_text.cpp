// config_text.cpp — the format dispatch, find_config_value, and what every format shares: error messages,
// line:column, line breaks. Each format's reader and editor lives in config_text_<format>.cpp.
#include "pathwise/config_text.hpp"

#include <algorithm>

#include "config_text_formats.hpp"

namespace pathwise {

namespace config_text_detail {

std::string line_column(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0U) != 0x80U) {  // a UTF-8 continuation byte does not start a new character
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

int LineCounter::line_at(std::size_t at) {
    if (at < scanned_) {  // not in increasing order after all: start over rather than be wrong
        scanned_ = 0;
        line_ = 1;
    }
    for (; scanned_ < at && scanned_ < text_.size(); ++scanned_) {
        if (text_[scanned_] == '\n') ++line_;
    }
    return line_;
}

Error syntax_error(std::string_view format_name, std::string_view text, std::size_t at, std::string_view what) {
    return Error{"config_syntax", "The file is not valid " + std::string(format_name) + " at line " +
                                      line_column(text, at) + " (line:column): " + std::string(what) +
                                      ". Fix that spot by hand (or move the file aside so a new one is written), "
                                      "then run again."};
}

Error unsupported_error(std::string_view format_name, std::string_view text, std::size_t at, std::string_view what) {
    return Error{"config_unsupported", "The " + std::string(format_name) + " file uses " + std::string(what) +
                                           " at line " + line_column(text, at) +
                                           " (line:column), which pathwise does not edit, so it left the file "
                                           "alone. Make the change by hand, or rewrite that part in a plainer form."};
}

std::string display_path(Path path) {
    std::string out;
    for (const std::string_view segment : path) {
        if (!out.empty()) out += '.';
        if (segment.empty() || segment.find_first_of(". \t\"") != std::string_view::npos) {
            out += '"';
            out += segment;
            out += '"';
        } else {
            out += segment;
        }
    }
    return out;
}

Error path_conflict(Path path, std::string_view why) {
    return Error{"config_path_conflict", "Cannot set " + display_path(path) + ": " + std::string(why) +
                                             ". Change or remove that entry by hand, then run again."};
}

std::string_view newline_of(std::string_view text) {
    const std::size_t lf = text.find('\n');
    return (lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r') ? "\r\n" : "\n";
}

bool ends_with_newline(std::string_view text) {
    return !text.empty() && text.back() == '\n';
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::size_t bom_length(std::string_view text) {
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::string_view indentation_of_line(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    std::size_t begin = at;
    while (begin > 0 && text[begin - 1] != '\n') --begin;
    std::size_t end = begin;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    return text.substr(begin, end - begin);
}

std::string double_quoted(std::string_view value, const QuoteStyle& style) {
    std::string out = "\"";
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\r':
                out += "\\r";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\b':
            case '\f':
                if (style.short_b_and_f) {
                    out += c == '\b' ? "\\b" : "\\f";
                    continue;
                }
                break;
            default:
                break;
        }
        if (byte < 0x20 || (style.escape_delete && byte == 0x7F)) {
            out += style.control_prefix;
            out += style.hex_digits[byte >> 4U];
            out += style.hex_digits[byte & 0xFU];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string splice(std::string_view text, std::size_t begin, std::size_t end, std::string_view replacement) {
    std::string out;
    out.reserve(text.size() - (end - begin) + replacement.size());
    out.append(text.substr(0, begin));
    out.append(replacement);
    out.append(text.substr(end));
    return out;
}

bool parse_index(std::string_view segment, std::size_t size, std::size_t& index) {
    if (segment.empty() || segment.size() > 9 || (segment.size() > 1 && segment[0] == '0')) return false;
    std::size_t n = 0;
    for (const char c : segment) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n >= size) return false;
    index = n;
    return true;
}

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

unsigned hex_value(char c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    return static_cast<unsigned>(c - 'A' + 10);
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    const auto byte = [&](std::uint32_t b) { out += static_cast<char>(static_cast<unsigned char>(b)); };
    if (code_point < 0x80U) {
        byte(code_point);
    } else if (code_point < 0x800U) {
        byte(0xC0U | (code_point >> 6U));
        byte(0x80U | (code_point & 0x3FU));
    } else if (code_point < 0x10000U) {
        byte(0xE0U | (code_point >> 12U));
        byte(0x80U | ((code_point >> 6U) & 0x3FU));
        byte(0x80U | (code_point & 0x3FU));
    } else {
        byte(0xF0U | (code_point >> 18U));
        byte(0x80U | ((code_point >> 12U) & 0x3FU));
        byte(0x80U | ((code_point >> 6U) & 0x3FU));
        byte(0x80U | (code_point & 0x3FU));
    }
}

std::vector<std::string> to_strings(Path path) {
    return {path.begin(), path.end()};
}

}  // namespace config_text_detail

using namespace config_text_detail;  // NOLINT(google-build-using-namespace): this file is their home

Result<std::vector<ConfigValue>> read_config_values(ConfigFormat format, std::string_view text) {
    switch (format) {
        case ConfigFormat::json:
            return read_json(text);
        case ConfigFormat::toml:
            return read_toml(text);
        case ConfigFormat::yaml:
            return read_yaml(text);
        case ConfigFormat::dotenv:
            return read_dotenv(text);
    }
    return Error{"config_unsupported", "Unknown config format."};
}

const ConfigValue* find_config_value(std::span<const ConfigValue> values, std::span<const std::string_view> path) {
    for (const ConfigValue& value : values) {
        if (std::equal(value.path.begin(), value.path.end(), path.begin(), path.end())) return &value;
    }
    return nullptr;
}

Result<std::string> set_config_string(ConfigFormat format, std::string_view text,
                                      std::span<const std::string_view> path, std::string_view value) {
    if (path.empty()) return path_conflict(path, "the path is empty; name at least one key");
    Result<std::string> edited = Error{};
    switch (format) {
        case ConfigFormat::json:
            edited = set_json(text, path, value);
            break;
        case ConfigFormat::toml:
            edited = set_toml(text, path, value);
            break;
        case ConfigFormat::yaml:
            edited = set_yaml(text, path, value);
            break;
        case ConfigFormat::dotenv:
            edited = set_dotenv(text, path, value);
            break;
    }
    if (!edited) return edited;
    // The edit is made on text, so read it back: a file that would not parse, or parse to another value, must never
    // reach the disk. This costs one more parse of a small file per `configure`.
    const Result<std::vector<ConfigValue>> reread = read_config_values(format, edited.value());
    const ConfigValue* found = reread ? find_config_value(reread.value(), path) : nullptr;
    if (found == nullptr || !found->is_string || found->value != value) {
        return Error{"config_internal", "Setting " + display_path(path) +
                                            " produced a file that does not read back as intended, so the file was "
                                            "left alone. Please report this, and make the change by hand."};
    }
    return edited;
}

// A literal goes in through the string editor, which already knows where a value belongs in each format: the
// string is a marker of plain letters (written without escapes by every format, quoted or not), whose span is
// then replaced by the literal itself.
Result<std::string> set_config_literal(ConfigFormat format, std::string_view text,
                                       std::span<const std::string_view> path, std::string_view literal) {
    if (literal.empty() || literal.find_first_of("\r\n\"'#") != std::string_view::npos) {
        return path_conflict(path, "a literal must be one plain word (true, false, a number)");
    }
    const Result<std::vector<ConfigValue>> values = read_config_values(format, text);
    if (!values) return values.error();
    if (const ConfigValue* current = find_config_value(values.value(), path)) {
        if (!current->is_string && current->value == literal) return std::string(text);
    }
    constexpr std::string_view kMarker = "pathwiseliteralmarker";
    if (text.find(kMarker) != std::string_view::npos) {
        return path_conflict(path, "the file already holds the text this edit uses as its marker");
    }
    Result<std::string> marked = set_config_string(format, text, path, kMarker);
    if (!marked) return marked;
    const Result<std::vector<ConfigValue>> reread = read_config_values(format, marked.value());
    const ConfigValue* found = reread ? find_config_value(reread.value(), path) : nullptr;
    if (found == nullptr || found->value != kMarker) {
        return Error{"config_internal", "Setting " + display_path(path) +
                                            " did not read back as intended, so the "
                                            "file was left alone. Please report this, and make the change by hand."};
    }
    std::string edited = marked.value();
    edited.replace(found->begin, found->end - found->begin, literal);
    const Result<std::vector<ConfigValue>> check = read_config_values(format, edited);
    const ConfigValue* written = check ? find_config_value(check.value(), path) : nullptr;
    if (written == nullptr || written->value != literal) {
        return Error{"config_internal", "Setting " + display_path(path) + " to " + std::string(literal) +
                                            " did not read back as intended, so the file was left alone."};
    }
    return edited;
}

}  // namespace pathwise
