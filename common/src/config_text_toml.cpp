// config_text_toml.cpp — TOML 1.0 (Codex's ~/.codex/config.toml): a parser that builds the table tree TOML
// defines (headers, dotted keys, inline tables, arrays of tables) with every value's byte span, and an editor that
// replaces one span or inserts one `key = "value"` line where TOML will read it back into the intended table.
//
// Paths: header segments, then key segments: `[model_providers.pathwise]` + `base_url = …` is
// {"model_providers", "pathwise", "base_url"}. An element of an array of tables (`[[mcp]]`) or of an inline array
// is its index: the second `[[mcp]]`'s `name` is {"mcp", "1", "name"}, like a JSON array of objects.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config_text_formats.hpp"

namespace pathwise::config_text_detail {
namespace {

constexpr std::string_view kToml = "TOML";
constexpr std::size_t kNone = std::string_view::npos;

struct TomlNode {
    enum class Kind : unsigned char { table, table_array, array, scalar };
    // Where keys of this table are written: in a section ([header] or the top level, plus `prefix` for a table
    // made by dotted keys), inside an inline table's braces, or nowhere yet (a table only implied by [a.b]).
    enum class Home : unsigned char { none, section, inline_table };
    Kind kind = Kind::table;
    Home home = Home::none;
    bool from_header = false;  // [x] or one [[x]] element
    bool dotted = false;       // made by a dotted key (`a.b = 1` makes table a)
    int home_index = -1;       // the section, or the inline table's node
    std::vector<std::string> prefix;
    std::map<std::string, int, std::less<>> children;  // table
    std::vector<int> elements;                         // table_array, array
    int value = -1;                                    // scalar: index in the values
    int line = 0;
    // An inline table's braces and the end of its last value (kNone when empty), for inserting into it.
    std::size_t open = 0;
    std::size_t close = 0;
    std::size_t last_value_end = kNone;
};

struct TomlSection {
    std::size_t header_end = kNone;   // end of the header line, before its line break (kNone: the top level)
    std::size_t last_kv_end = kNone;  // end of the last key/value line, before its line break
    std::string kv_indent;            // that line's indentation
};

bool is_bare_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Digits of one base with single '_' between them: 1_000, not _1, 1__0 or 1_.
bool is_digit_run(std::string_view s, bool (*digit)(char)) {
    if (s.empty() || !digit(s.front()) || !digit(s.back())) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (!digit(s[i + 1])) return false;
        } else if (!digit(s[i])) {
            return false;
        }
    }
    return true;
}
bool is_dec(char c) {
    return is_digit(c);
}
bool is_hex(char c) {
    return is_hex_digit(c);
}
bool is_oct(char c) {
    return c >= '0' && c <= '7';
}
bool is_bin(char c) {
    return c == '0' || c == '1';
}

bool is_decimal_integer(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    if (s == "0") return true;
    return !s.empty() && s[0] != '0' && is_digit_run(s, is_dec);
}

bool is_integer(std::string_view s) {
    if (s.size() > 2 && s[0] == '0') {
        if (s[1] == 'x') return is_digit_run(s.substr(2), is_hex);
        if (s[1] == 'o') return is_digit_run(s.substr(2), is_oct);
        if (s[1] == 'b') return is_digit_run(s.substr(2), is_bin);
    }
    return is_decimal_integer(s);
}

bool is_float(std::string_view s) {
    std::string_view unsigned_part = s;
    if (!unsigned_part.empty() && (unsigned_part[0] == '+' || unsigned_part[0] == '-')) unsigned_part.remove_prefix(1);
    if (unsigned_part == "inf" || unsigned_part == "nan") return true;
    const std::size_t exponent = s.find_first_of("eE");
    const std::string_view mantissa = s.substr(0, exponent);
    const std::size_t dot = mantissa.find('.');
    if (!is_decimal_integer(mantissa.substr(0, dot))) return false;
    if (dot != kNone && !is_digit_run(mantissa.substr(dot + 1), is_dec)) return false;
    if (exponent != kNone) {
        std::string_view e = s.substr(exponent + 1);
        if (!e.empty() && (e[0] == '+' || e[0] == '-')) e.remove_prefix(1);
        if (!is_digit_run(e, is_dec)) return false;
    }
    return dot != kNone || exponent != kNone;
}

// Exactly `n` digits at s[at…].
bool digits_at(std::string_view s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!is_digit(s[i])) return false;
    }
    return true;
}

// HH:MM:SS with optional fraction, from s[at]; returns the end, or kNone.
std::size_t time_end(std::string_view s, std::size_t at) {
    if (!digits_at(s, at, 2) || s.substr(at + 2, 1) != ":" || !digits_at(s, at + 3, 2) || s.substr(at + 5, 1) != ":" ||
        !digits_at(s, at + 6, 2)) {
        return kNone;
    }
    std::size_t end = at + 8;
    if (end < s.size() && s[end] == '.') {
        const std::size_t start = ++end;
        while (end < s.size() && is_digit(s[end])) ++end;
        if (end == start) return kNone;
    }
    return end;
}

// Offset date-time, local date-time, local date, local time (RFC 3339 as TOML 1.0 allows them).
bool is_date_time(std::string_view s) {
    if (digits_at(s, 0, 2) && s.size() > 2 && s[2] == ':') return time_end(s, 0) == s.size();
    if (!digits_at(s, 0, 4) || s.substr(4, 1) != "-" || !digits_at(s, 5, 2) || s.substr(7, 1) != "-" ||
        !digits_at(s, 8, 2)) {
        return false;
    }
    if (s.size() == 10) return true;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return false;
    const std::size_t end = time_end(s, 11);
    if (end == kNone) return false;
    const std::string_view offset = s.substr(end);
    if (offset.empty() || offset == "Z" || offset == "z") return true;
    return offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') && digits_at(offset, 1, 2) &&
           offset[3] == ':' && digits_at(offset, 4, 2);
}

class TomlParser {
public:
    explicit TomlParser(std::string_view text) : text_(text), lines_(text) {}

    bool parse() {
        nodes_.push_back(TomlNode{});
        nodes_[0].home = TomlNode::Home::section;
        nodes_[0].home_index = 0;
        sections_.push_back(TomlSection{});
        pos_ = bom_length(text_);
        while (skip_blank_lines()) {
            if (text_[pos_] == '[') {
                if (!parse_header()) return false;
            } else if (!parse_key_value_line()) {
                return false;
            }
        }
        return !error_;
    }

    [[nodiscard]] const std::vector<TomlNode>& nodes() const { return nodes_; }
    [[nodiscard]] const std::vector<TomlSection>& sections() const { return sections_; }
    [[nodiscard]] std::vector<ConfigValue>& values() { return values_; }
    [[nodiscard]] Error error() const { return error_.value_or(Error{}); }

private:
    bool fail(std::size_t at, std::string_view what) {
        if (!error_) error_ = syntax_error(kToml, text_, at, what);
        return false;
    }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    void skip_spaces() {
        while (peek() == ' ' || peek() == '\t') ++pos_;
    }
    [[nodiscard]] bool at_newline() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    void skip_newline() { pos_ += peek() == '\r' ? 2 : 1; }

    bool skip_comment() {
        if (peek() != '#') return true;
        while (pos_ < text_.size() && !at_newline()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if ((c < 0x20 && c != '\t') || c == 0x7F) return fail(pos_, "a control character inside a comment");
            ++pos_;
        }
        return true;
    }

    // Past blank and comment lines to the next statement; false at the end of the text (or on an error).
    bool skip_blank_lines() {
        for (;;) {
            skip_spaces();
            if (!skip_comment()) return false;
            if (pos_ >= text_.size()) return false;
            if (!at_newline()) {
                if (peek() == '\r') return fail(pos_, "a carriage return that is not part of a line break");
                return true;
            }
            skip_newline();
        }
    }

    // After a statement: spaces, an optional comment, then the line break or the end. `line_content_end` is where
    // the statement's line ends, before its line break: an inserted line goes there.
    bool finish_line(std::size_t& line_content_end) {
        skip_spaces();
        if (!skip_comment()) return false;
        line_content_end = pos_;
        if (pos_ >= text_.size()) return true;
        if (!at_newline()) return fail(pos_, "expected the end of the line (or a # comment) after the value");
        skip_newline();
        return true;
    }

    int add_node(TomlNode::Kind kind, std::size_t at) {
        nodes_.push_back(TomlNode{});
        nodes_.back().kind = kind;
        nodes_.back().line = lines_.line_at(at);
        return static_cast<int>(nodes_.size()) - 1;
    }
    TomlNode& node(int index) { return nodes_[static_cast<std::size_t>(index)]; }
    int child(int table, std::string_view key) {
        const auto& children = node(table).children;
        const auto it = children.find(key);
        return it == children.end() ? -1 : it->second;
    }

    bool parse_key(std::vector<std::string>& segments) {
        for (;;) {
            skip_spaces();
            std::string segment;
            if (peek() == '"') {
                if (!parse_basic_string(segment)) return false;
            } else if (peek() == '\'') {
                if (!parse_literal_string(segment)) return false;
            } else {
                const std::size_t start = pos_;
                while (is_bare_key_char(peek())) ++pos_;
                if (pos_ == start) {
                    return fail(pos_, "expected a key (letters, digits, '_' and '-', or a \"quoted key\")");
                }
                segment = std::string(text_.substr(start, pos_ - start));
            }
            segments.push_back(std::move(segment));
            skip_spaces();
            if (peek() != '.') return true;
            ++pos_;
        }
    }

    bool parse_header() {
        const std::size_t start = pos_;
        const bool is_array = peek(1) == '[';
        pos_ += is_array ? 2 : 1;
        std::vector<std::string> segments;
        if (!parse_key(segments)) return false;
        if (is_array ? (peek() != ']' || peek(1) != ']') : peek() != ']') {
            return fail(pos_, is_array ? "expected ']]' to close the [[table]] header"
                                       : "expected ']' to close the [table] header");
        }
        pos_ += is_array ? 2 : 1;
        const int section = static_cast<int>(sections_.size());
        sections_.push_back(TomlSection{});
        int table = 0;
        path_.clear();
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string& segment = segments[i];
            const bool last = i + 1 == segments.size();
            int next = child(table, segment);
            path_.push_back(segment);
            if (next < 0) {
                next = add_node(last && is_array ? TomlNode::Kind::table_array : TomlNode::Kind::table, start);
                node(table).children.emplace(segment, next);
            } else if (last) {
                TomlNode& existing = node(next);
                const bool extend_array = is_array && existing.kind == TomlNode::Kind::table_array;
                const bool define_implied =
                    !is_array && existing.kind == TomlNode::Kind::table && existing.home == TomlNode::Home::none;
                if (!extend_array && !define_implied) {
                    return fail(start, "the table " + display(segments) + " is already defined (line " +
                                           std::to_string(existing.line) + "); merge the two into one");
                }
            } else if (node(next).kind == TomlNode::Kind::table_array) {
                path_.push_back(std::to_string(node(next).elements.size() - 1));
                next = node(next).elements.back();
            } else if (node(next).kind != TomlNode::Kind::table || node(next).home == TomlNode::Home::inline_table) {
                return fail(start, "the key " + segment + " already holds a value (line " +
                                       std::to_string(node(next).line) + "), so it cannot be a table");
            }
            table = next;
        }
        if (is_array) {
            const int element = add_node(TomlNode::Kind::table, start);
            path_.push_back(std::to_string(node(table).elements.size()));
            node(table).elements.push_back(element);
            table = element;
        }
        TomlNode& defined = node(table);
        defined.home = TomlNode::Home::section;
        defined.home_index = section;
        defined.from_header = true;
        table_ = table;
        section_ = section;
        return finish_line(sections_.back().header_end);
    }

    static std::string display(const std::vector<std::string>& segments) {
        std::vector<std::string_view> views(segments.begin(), segments.end());
        return display_path(views);
    }

    // Walks the dotted key below `table`, making the tables it names; returns the table that holds the last
    // segment, or -1 after an error. `home`/`home_index` say where the made tables are written.
    int resolve_dotted(int table, const std::vector<std::string>& segments, std::size_t at, TomlNode::Home home,
                       int home_index, const std::vector<std::string>& base_prefix) {
        std::vector<std::string> prefix = base_prefix;
        for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
            prefix.push_back(segments[i]);
            path_.push_back(segments[i]);
            int next = child(table, segments[i]);
            if (next < 0) {
                next = add_node(TomlNode::Kind::table, at);
                TomlNode& made = node(next);
                made.dotted = true;
                made.home = home;
                made.home_index = home_index;
                made.prefix = prefix;
                node(table).children.emplace(segments[i], next);
            } else if (node(next).kind != TomlNode::Kind::table ||
                       (node(next).home == TomlNode::Home::inline_table &&
                        (home != TomlNode::Home::inline_table || node(next).home_index != home_index))) {
                // An inline table is complete where it is written: no key elsewhere may add to it.
                fail(at, "the key " + segments[i] + " already holds a value (line " + std::to_string(node(next).line) +
                             "), so it cannot hold keys");
                return -1;
            }
            table = next;
        }
        if (child(table, segments.back()) >= 0) {
            fail(at, "the key " + segments.back() + " is defined twice (first at line " +
                         std::to_string(node(child(table, segments.back())).line) + "); keep one of them");
            return -1;
        }
        return table;
    }

    // `key = value` (the key may be dotted) into `table`, whose keys belong to `home`: a section's, or an inline
    // table's. Shared by a line of a section and an entry of an inline table.
    bool parse_assignment(int table, TomlNode::Home home, int home_index, int depth) {
        const std::size_t start = pos_;
        std::vector<std::string> segments;
        if (!parse_key(segments)) return false;
        if (peek() != '=') return fail(pos_, "expected '=' after the key");
        ++pos_;
        skip_spaces();
        const std::vector<std::string> saved = path_;
        const int owner = resolve_dotted(table, segments, start, home, home_index, {});
        if (owner < 0) return false;
        path_.push_back(segments.back());
        int value = -1;
        const bool ok = parse_value(depth, value);
        path_ = saved;
        if (!ok) return false;
        node(owner).children.emplace(segments.back(), value);
        return true;
    }

    bool parse_key_value_line() {
        const std::size_t start = pos_;
        if (!parse_assignment(table_, TomlNode::Home::section, section_, 0)) return false;
        TomlSection& section = sections_[static_cast<std::size_t>(section_)];
        section.kv_indent = std::string(indentation_of_line(text_, start));
        return finish_line(section.last_kv_end);
    }

    void add_scalar(int& out, std::size_t begin, std::string value, bool is_string) {
        out = add_node(TomlNode::Kind::scalar, begin);
        node(out).value = static_cast<int>(values_.size());
        values_.push_back(ConfigValue{path_, std::move(value), is_string, begin, pos_, node(out).line});
    }

    bool parse_value(int depth, int& out) {
        const std::size_t begin = pos_;
        const char c = peek();
        if (c == '"' || c == '\'') {
            std::string value;
            const bool multiline = peek(1) == c && peek(2) == c;
            bool ok = false;
            if (c == '"') {
                ok = multiline ? parse_multiline_basic(value) : parse_basic_string(value);
            } else {
                ok = multiline ? parse_multiline_literal(value) : parse_literal_string(value);
            }
            if (!ok) return false;
            add_scalar(out, begin, std::move(value), true);
            return true;
        }
        if (c == '[' || c == '{') {
            if (depth >= kMaxDepth) {
                if (!error_)
                    error_ =
                        unsupported_error(kToml, text_, pos_, "arrays or inline tables nested deeper than 64 levels");
                return false;
            }
            return c == '[' ? parse_array(depth, out) : parse_inline_table(depth, out);
        }
        // A number, boolean or date: a run of the characters they use (a date may hold one space before its time).
        while (pos_ < text_.size()) {
            const char d = text_[pos_];
            const bool word = is_bare_key_char(d) || d == '+' || d == '.' || d == ':';
            const bool date_space =
                d == ' ' && pos_ - begin == 10 && is_digit(peek(1)) && is_date_time(text_.substr(begin, 10));
            if (!word && !date_space) break;
            ++pos_;
        }
        const std::string_view word = text_.substr(begin, pos_ - begin);
        if (word.empty() && (at_newline() || pos_ >= text_.size() || c == '#')) {
            return fail(begin, "a value is missing after '='");
        }
        if (word != "true" && word != "false" && !is_integer(word) && !is_float(word) && !is_date_time(word)) {
            pos_ = begin;
            return fail(begin,
                        "expected a value: a \"string\" (text needs quotes), a number, true, false, a date, "
                        "an [array] or an { inline = table }");
        }
        add_scalar(out, begin, std::string(word), false);
        return true;
    }

    // Spaces, line breaks and comments between array elements.
    bool skip_array_space() {
        for (;;) {
            skip_spaces();
            if (!skip_comment()) return false;
            if (!at_newline()) return true;
            skip_newline();
        }
    }

    bool parse_array(int depth, int& out) {
        const std::size_t open = pos_++;
        out = add_node(TomlNode::Kind::array, open);
        for (;;) {
            if (!skip_array_space()) return false;
            if (pos_ >= text_.size()) return fail(open, "this array is never closed: add ']'");
            if (peek() == ']') break;
            path_.push_back(std::to_string(node(out).elements.size()));
            int element = -1;
            const bool ok = parse_value(depth + 1, element);
            path_.pop_back();
            if (!ok) return false;
            node(out).elements.push_back(element);
            if (!skip_array_space()) return false;
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (pos_ >= text_.size()) return fail(open, "this array is never closed: add ']'");
            if (peek() != ']') return fail(pos_, "expected ',' or ']' after the array element");
            break;
        }
        ++pos_;
        return true;
    }

    bool parse_inline_table(int depth, int& out) {
        const std::size_t open = pos_++;
        out = add_node(TomlNode::Kind::table, open);
        node(out).home = TomlNode::Home::inline_table;
        node(out).home_index = out;
        node(out).open = open;
        skip_spaces();
        if (peek() != '}') {
            for (;;) {
                if (!parse_assignment(out, TomlNode::Home::inline_table, out, depth + 1)) return false;
                node(out).last_value_end = pos_;
                skip_spaces();
                if (peek() == ',') {
                    ++pos_;
                    skip_spaces();
                    if (peek() == '}') return fail(pos_, "TOML 1.0 allows no ',' before the '}' of an inline table");
                    if (at_newline() || pos_ >= text_.size()) {
                        return fail(open, "an inline table must close with '}' on the line where it opens");
                    }
                    continue;
                }
                if (peek() == '}') break;
                if (at_newline() || pos_ >= text_.size()) {
                    return fail(open, "an inline table must close with '}' on the line where it opens");
                }
                return fail(pos_, "expected ',' or '}' in the inline table");
            }
        }
        node(out).close = pos_;
        ++pos_;
        return true;
    }

    bool parse_code_point(std::size_t digits, std::string& out) {
        const std::size_t escape = pos_ - 2;
        std::uint32_t code_point = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            if (!is_hex_digit(peek())) return fail(escape, "\\u needs 4 hex digits and \\U needs 8");
            code_point = code_point * 16 + hex_value(peek());
            ++pos_;
        }
        if ((code_point >= 0xD800U && code_point <= 0xDFFFU) || code_point > 0x10FFFFU) {
            return fail(escape, "the escape names no Unicode character");
        }
        append_utf8(out, code_point);
        return true;
    }

    bool parse_escape(std::string& out) {
        const char e = peek(1);
        pos_ += 2;
        switch (e) {
            case 'b':
                out += '\b';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'r':
                out += '\r';
                return true;
            case '"':
                out += '"';
                return true;
            case '\\':
                out += '\\';
                return true;
            case 'u':
                return parse_code_point(4, out);
            case 'U':
                return parse_code_point(8, out);
            default:
                return fail(pos_ - 2, "unknown escape in a string: write a backslash as \\\\, or use 'literal'");
        }
    }

    bool check_char(bool multiline) {
        const auto c = static_cast<unsigned char>(text_[pos_]);
        if ((c < 0x20 && c != '\t' && !(multiline && (c == '\n' || (c == '\r' && peek(1) == '\n')))) || c == 0x7F) {
            return fail(pos_, "a control character inside a string: write it as an escape such as \\n");
        }
        return true;
    }

    bool parse_basic_string(std::string& out) {
        const std::size_t open = pos_++;
        for (;;) {
            if (pos_ >= text_.size() || at_newline()) {
                return fail(open, "this string is not closed on its line: add the closing \"");
            }
            const char c = text_[pos_];
            if (c == '"') break;
            if (c == '\\') {
                if (!parse_escape(out)) return false;
                continue;
            }
            if (!check_char(false)) return false;
            out += c;
            ++pos_;
        }
        ++pos_;
        return true;
    }

    bool parse_literal_string(std::string& out) {
        const std::size_t open = pos_++;
        for (;;) {
            if (pos_ >= text_.size() || at_newline()) {
                return fail(open, "this string is not closed on its line: add the closing '");
            }
            if (text_[pos_] == '\'') break;
            if (!check_char(false)) return false;
            out += text_[pos_++];
        }
        ++pos_;
        return true;
    }

    // At a run of `quote`s inside a multi-line string: true when it closes the string (up to two quotes before the
    // closing three belong to the content).
    bool close_multiline(char quote, std::string& out, bool& closed) {
        std::size_t run = 0;
        while (peek(run) == quote) ++run;
        if (run < 3) {
            out.append(run, quote);
            pos_ += run;
            closed = false;
            return true;
        }
        if (run > 5) return fail(pos_, "too many quotes in a row at the end of a multi-line string");
        out.append(run - 3, quote);
        pos_ += run;
        closed = true;
        return true;
    }

    bool parse_multiline_basic(std::string& out) {
        const std::size_t open = pos_;
        pos_ += 3;
        if (at_newline()) skip_newline();  // a line break right after """ is not part of the value
        for (;;) {
            if (pos_ >= text_.size()) return fail(open, "this \"\"\" string is never closed: add the closing \"\"\"");
            const char c = text_[pos_];
            if (c == '"') {
                bool closed = false;
                if (!close_multiline('"', out, closed)) return false;
                if (closed) return true;
                continue;
            }
            if (c == '\\') {
                // A backslash ending a line joins the lines: it drops the break and the next line's indentation.
                std::size_t after = pos_ + 1;
                while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\t')) ++after;
                if (after < text_.size() && (text_[after] == '\n' || text_.substr(after, 2) == "\r\n")) {
                    pos_ = after;
                    while (pos_ < text_.size() && (peek() == ' ' || peek() == '\t' || at_newline())) {
                        if (at_newline()) {
                            skip_newline();
                        } else {
                            ++pos_;
                        }
                    }
                    continue;
                }
                if (!parse_escape(out)) return false;
                continue;
            }
            if (!check_char(true)) return false;
            out += c;
            ++pos_;
        }
    }

    bool parse_multiline_literal(std::string& out) {
        const std::size_t open = pos_;
        pos_ += 3;
        if (at_newline()) skip_newline();
        for (;;) {
            if (pos_ >= text_.size()) return fail(open, "this ''' string is never closed: add the closing '''");
            if (text_[pos_] == '\'') {
                bool closed = false;
                if (!close_multiline('\'', out, closed)) return false;
                if (closed) return true;
                continue;
            }
            if (!check_char(true)) return false;
            out += text_[pos_++];
        }
    }

    std::string_view text_;
    LineCounter lines_;
    std::size_t pos_ = 0;
    std::vector<TomlNode> nodes_;        // [0] is the root table
    std::vector<TomlSection> sections_;  // [0] is the top level, before the first header
    std::vector<ConfigValue> values_;
    std::vector<std::string> path_;  // the resolved path of the value being read
    int table_ = 0;                  // the table the current section's keys go to
    int section_ = 0;
    std::optional<Error> error_;
};

std::string toml_string(std::string_view value) {
    return double_quoted(value, kTomlQuotes);
}

std::string toml_dotted_key(Path segments) {
    std::string out;
    for (const std::string_view segment : segments) {
        if (!out.empty()) out += '.';
        bool bare = !segment.empty();
        for (const char c : segment) bare = bare && is_bare_key_char(c);
        out += bare ? std::string(segment) : toml_string(segment);
    }
    return out;
}

std::string toml_dotted_key(const std::vector<std::string>& prefix, Path rest) {
    std::vector<std::string_view> all(prefix.begin(), prefix.end());
    all.insert(all.end(), rest.begin(), rest.end());
    return toml_dotted_key(all);
}

// A top-level key goes before the first [header] (below it, it would belong to that table): after the last
// top-level key/value line, else after the comment block that opens the file.
std::string insert_top_level(std::string_view text, const TomlSection& top, const std::string& line) {
    const std::string_view newline = newline_of(text);
    if (top.last_kv_end != kNone) {
        return splice(text, top.last_kv_end, top.last_kv_end, std::string(newline) + top.kv_indent + line);
    }
    std::size_t at = bom_length(text);
    std::size_t scan = at;
    while (scan < text.size()) {  // the leading comment lines, up to the first blank line
        std::size_t first = scan;
        while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
        if (first >= text.size() || text[first] != '#') break;
        const std::size_t lf = text.find('\n', first);
        scan = lf == kNone ? text.size() : lf + 1;
    }
    std::size_t next = scan;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    // Comments that run straight into a header describe that header: stay above them.
    if (next >= text.size() || text[next] != '[') at = scan;
    if (at >= text.size()) {
        if (!text.empty() && !ends_with_newline(text)) return std::string(text) + std::string(newline) + line;
        return std::string(text) + line + std::string(newline);
    }
    std::size_t first = at;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
    const bool before_header = first < text.size() && text[first] == '[';
    return splice(text, at, at, line + std::string(newline) + (before_header ? std::string(newline) : ""));
}

std::string append_table(std::string_view text, Path header, std::string_view key, std::string_view value) {
    const std::string_view newline = newline_of(text);
    const std::string nl(newline);
    const std::string block =
        "[" + toml_dotted_key(header) + "]" + nl + toml_dotted_key(Path(&key, 1)) + " = " + toml_string(value);
    if (is_blank(text)) return block + nl;
    if (text.ends_with(nl + nl)) return std::string(text) + block + nl;
    if (ends_with_newline(text)) return std::string(text) + nl + block + nl;
    return std::string(text) + nl + nl + block;
}

}  // namespace

Result<std::vector<ConfigValue>> read_toml(std::string_view text) {
    TomlParser parser(text);
    if (!parser.parse()) return parser.error();
    return std::move(parser.values());
}

Result<std::string> set_toml(std::string_view text, Path path, std::string_view value) {
    TomlParser parser(text);
    if (!parser.parse()) return parser.error();
    const std::vector<TomlNode>& nodes = parser.nodes();
    const auto at = [&](int index) -> const TomlNode& { return nodes[static_cast<std::size_t>(index)]; };
    int index = 0;
    std::size_t depth = 0;
    std::vector<std::string_view> header;  // the path without the indexes of [[array]] elements
    bool past_last_element = false;        // went through an [[array]] element other than the last
    for (; depth < path.size(); ++depth) {
        const TomlNode& node = at(index);
        const std::string walked = depth == 0 ? std::string("the top level") : display_path(path.first(depth));
        if (node.kind == TomlNode::Kind::scalar) {
            const ConfigValue& scalar = parser.values()[static_cast<std::size_t>(node.value)];
            return path_conflict(path, walked + " is a value (" + scalar.value + ") at line " +
                                           line_column(text, scalar.begin) + ", not a table");
        }
        if (node.kind == TomlNode::Kind::table) {
            const auto it = node.children.find(path[depth]);
            if (it == node.children.end()) break;
            header.push_back(path[depth]);
            index = it->second;
            continue;
        }
        std::size_t element = 0;
        if (!parse_index(path[depth], node.elements.size(), element)) {
            return path_conflict(path, walked + " is a list of " + std::to_string(node.elements.size()) +
                                           " items, and \"" + std::string(path[depth]) + "\" is not one of them");
        }
        past_last_element =
            past_last_element || (node.kind == TomlNode::Kind::table_array && element + 1 != node.elements.size());
        index = node.elements[element];
    }
    const TomlNode& target = at(index);
    if (depth == path.size()) {
        if (target.kind != TomlNode::Kind::scalar) {
            return path_conflict(path, target.kind == TomlNode::Kind::table ? "it is a table, not a string"
                                                                            : "it is a list, not a string");
        }
        const ConfigValue& existing = parser.values()[static_cast<std::size_t>(target.value)];
        if (existing.is_string && existing.value == value) return std::string(text);
        return splice(text, existing.begin, existing.end, toml_string(value));
    }
    const Path rest = path.subspan(depth);
    const std::string_view newline = newline_of(text);
    if (target.home == TomlNode::Home::inline_table) {
        const TomlNode& braces = at(target.home_index);
        const std::string entry = toml_dotted_key(target.prefix, rest) + " = " + toml_string(value);
        if (braces.last_value_end == kNone) return splice(text, braces.open + 1, braces.close, " " + entry + " ");
        return splice(text, braces.last_value_end, braces.last_value_end, ", " + entry);
    }
    if (target.home == TomlNode::Home::section && (target.dotted || rest.size() == 1)) {
        const std::string line = toml_dotted_key(target.prefix, rest) + " = " + toml_string(value);
        const TomlSection& section = parser.sections()[static_cast<std::size_t>(target.home_index)];
        if (target.home_index == 0) return insert_top_level(text, section, line);
        const std::size_t anchor = section.last_kv_end != kNone ? section.last_kv_end : section.header_end;
        const std::string indent = section.last_kv_end != kNone ? section.kv_indent : std::string();
        return splice(text, anchor, anchor, std::string(newline) + indent + line);
    }
    // A table that has no [header] yet, or a new table below one: a [header] at the end of the file. A header
    // names the LAST element of an [[array]], so it cannot reach an earlier one.
    if (past_last_element) {
        return Error{"config_unsupported",
                     "Cannot add a table below " + display_path(path.first(depth)) +
                         ": it is not the last [[array]] element, and a new [table] header can only extend the last "
                         "one. Add the entry by hand."};
    }
    for (std::size_t i = depth; i + 1 < path.size(); ++i) header.push_back(path[i]);
    return append_table(text, header, path.back(), value);
}

}  // namespace pathwise::config_text_detail
