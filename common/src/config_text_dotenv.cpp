// config_text_dotenv.cpp — .env files (Gemini CLI reads ~/.gemini/.env and ./.env): KEY=value lines, an optional
// `export `, "double", 'single' and `backtick` quotes (which may span lines), # comments.
//
// Double-quoted values decode \n, \r, \t, \" and \\ as python-dotenv does; npm's dotenv decodes only \n and \r,
// so the writer avoids backslashes in double quotes whenever single quotes can hold the value instead.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config_text_formats.hpp"

namespace pathwise::config_text_detail {
namespace {

constexpr std::string_view kDotenv = ".env";
constexpr std::size_t kNone = std::string_view::npos;

bool is_key_start(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_key_char(char c) {
    return is_key_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
bool is_space(char c) {
    return c == ' ' || c == '\t';
}

struct Parsed {
    std::vector<ConfigValue> values;
    std::optional<Error> error;
};

Parsed parse(std::string_view text) {
    Parsed out;
    LineCounter lines(text);
    std::size_t pos = bom_length(text);
    const auto fail = [&](std::size_t at, std::string_view what) {
        out.error = syntax_error(kDotenv, text, at, what);
        return std::move(out);
    };
    while (pos < text.size()) {
        std::size_t line_end = text.find('\n', pos);
        if (line_end == kNone) line_end = text.size();
        while (pos < line_end && (is_space(text[pos]) || text[pos] == '\r')) ++pos;
        if (pos == line_end || text[pos] == '#') {
            pos = line_end + 1;
            continue;
        }
        if (text.substr(pos, 7) == "export " || text.substr(pos, 7) == "export\t") {
            pos += 7;
            while (pos < line_end && is_space(text[pos])) ++pos;
        }
        const std::size_t key_begin = pos;
        if (pos >= line_end || !is_key_start(text[pos])) {
            return fail(pos, "expected a line of the form KEY=value (a key starts with a letter or '_')");
        }
        while (pos < line_end && is_key_char(text[pos])) ++pos;
        const std::string key(text.substr(key_begin, pos - key_begin));
        while (pos < line_end && is_space(text[pos])) ++pos;
        if (pos >= line_end || text[pos] != '=')
            return fail(pos, "expected '=' after " + key + " (each line is KEY=value)");
        ++pos;
        while (pos < line_end && is_space(text[pos])) ++pos;
        ConfigValue value{{key}, "", true, pos, pos, 0};
        const char quote = pos < text.size() ? text[pos] : '\0';
        if (quote == '"' || quote == '\'' || quote == '`') {
            std::size_t i = pos + 1;
            for (; i < text.size() && text[i] != quote; ++i) {
                if (quote == '"' && text[i] == '\\' && i + 1 < text.size()) {
                    const char e = text[++i];
                    switch (e) {
                        case 'n':
                            value.value += '\n';
                            break;
                        case 'r':
                            value.value += '\r';
                            break;
                        case 't':
                            value.value += '\t';
                            break;
                        case '"':
                            value.value += '"';
                            break;
                        case '\\':
                            value.value += '\\';
                            break;
                        default:
                            value.value += '\\';
                            value.value += e;
                    }
                } else {
                    value.value += text[i];
                }
            }
            if (i >= text.size()) {
                return fail(pos, std::string("the value of ") + key + " opens a quote (" + quote +
                                     ") that is never closed: add the closing quote");
            }
            value.end = i + 1;
            pos = value.end;
            line_end = text.find('\n', pos);
            if (line_end == kNone) line_end = text.size();
            while (pos < line_end && (is_space(text[pos]) || text[pos] == '\r')) ++pos;
            if (pos < line_end && text[pos] != '#') {
                return fail(pos, "unexpected text after the closing quote: put a comment after ' #'");
            }
        } else {
            // A bare value runs to the end of the line or to a # that follows a space.
            std::size_t end = pos;
            for (std::size_t i = pos; i < line_end; ++i) {
                if (text[i] == '#' && i > pos && is_space(text[i - 1])) break;
                if (!is_space(text[i]) && text[i] != '\r') end = i + 1;
            }
            value.end = end;
            value.value = std::string(text.substr(pos, end - pos));
        }
        value.line = lines.line_at(value.begin);
        out.values.push_back(std::move(value));
        pos = line_end + 1;
    }
    return out;
}

// Bare when every byte is plain (dotenv, shells and humans agree on it); else quoted, see the file comment.
std::string dotenv_quote(std::string_view value) {
    bool bare = !value.empty();
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= ' ' || u == 0x7F || c == '#' || c == '"' || c == '\'' || c == '`' || c == '\\' || c == '$') {
            bare = false;
        }
    }
    if (bare) return std::string(value);
    const bool has_newline = value.find_first_of("\r\n") != kNone;
    const bool has_escapable = value.find_first_of("\"\\") != kNone;
    if (!has_newline && !has_escapable) return "\"" + std::string(value) + "\"";
    if (!has_newline && value.find('\'') == kNone) return "'" + std::string(value) + "'";
    std::string out = "\"";
    for (const char c : value) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

Result<std::vector<ConfigValue>> read_dotenv(std::string_view text) {
    Parsed parsed = parse(text);
    if (parsed.error) return *parsed.error;
    return std::move(parsed.values);
}

Result<std::string> set_dotenv(std::string_view text, Path path, std::string_view value) {
    if (path.size() != 1) return path_conflict(path, "a .env file holds only KEY=value lines, so the path is one key");
    const std::string_view key = path[0];
    bool valid = !key.empty() && is_key_start(key[0]);
    for (const char c : key) valid = valid && (is_key_start(c) || (c >= '0' && c <= '9'));
    if (!valid) return path_conflict(path, "not a variable name (letters, digits and '_', not starting with a digit)");
    Parsed parsed = parse(text);
    if (parsed.error) return *parsed.error;
    for (const ConfigValue& existing : parsed.values) {
        if (existing.path[0] != key) continue;
        if (existing.value == value) return std::string(text);
        return splice(text, existing.begin, existing.end, dotenv_quote(value));
    }
    const std::string line = std::string(key) + "=" + dotenv_quote(value);
    const std::string_view newline = newline_of(text);
    if (text.empty() || ends_with_newline(text)) return std::string(text) + line + std::string(newline);
    return std::string(text) + std::string(newline) + line;
}

}  // namespace pathwise::config_text_detail
