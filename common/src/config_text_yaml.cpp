// config_text_yaml.cpp — the block-style YAML that config files are written in (Continue's config.yaml): maps,
// lists of scalars and of maps (`- name: x` starts an item map), plain/'single'/"double" scalars, # comments and
// one leading `---`. What this reader does not model — anchors, aliases, tags, flow collections other than an empty
// {} or [], block scalars (| and >), values continued on the next line, several documents — is refused as
// config_unsupported, so `configure` never rewrites YAML it only half understood.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config_text_formats.hpp"

namespace pathwise::config_text_detail {
namespace {

constexpr std::string_view kYaml = "YAML";
constexpr std::size_t kNone = std::string_view::npos;

struct YamlLine {
    std::size_t content = 0;  // the first character after the indentation
    std::size_t end = 0;      // before the line break
    int indent = 0;
    bool blank = false;   // empty, or only a comment
    bool marker = false;  // "---" or "..." in column 1
};

struct YamlNode {
    enum class Kind : unsigned char { map, sequence, scalar, empty, flow_empty };
    Kind kind = Kind::scalar;
    int indent = 0;  // map: its keys' column; sequence: its dashes' column; empty: its key's column
    std::vector<std::pair<std::string, int>> entries;  // map: key and node; sequence: "" and node
    std::size_t end = 0;                               // end of the last line the node covers: where a new entry goes
    int value = -1;                                    // scalar: index in the values
    std::size_t at = 0;                                // empty: just after its ':' (or '-'), where a value goes
    bool in_sequence = false;
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// The YAML 1.2 core schema's non-string plain scalars: null, booleans, integers, floats.
bool is_core_non_string(std::string_view s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return true;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") return true;
    const auto all = [](std::string_view t, auto pred) {
        if (t.empty()) return false;
        for (const char c : t) {
            if (!pred(c)) return false;
        }
        return true;
    };
    const auto dec = [](char c) { return c >= '0' && c <= '9'; };
    if (s.starts_with("0o")) return all(s.substr(2), [](char c) { return c >= '0' && c <= '7'; });
    if (s.starts_with("0x")) return all(s.substr(2), [](char c) { return is_hex_digit(c); });
    std::string_view t = s;
    if (t[0] == '+' || t[0] == '-') t.remove_prefix(1);
    if (t == ".inf" || t == ".Inf" || t == ".INF" || s == ".nan" || s == ".NaN" || s == ".NAN") return true;
    const std::size_t e = t.find_first_of("eE");
    if (e != kNone) {
        std::string_view exponent = t.substr(e + 1);
        if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
        if (!all(exponent, dec)) return false;
        t = t.substr(0, e);
    }
    const std::size_t dot = t.find('.');
    if (dot == kNone) return all(t, dec);
    const std::string_view whole = t.substr(0, dot);
    const std::string_view fraction = t.substr(dot + 1);
    if (whole.empty()) return all(fraction, dec);
    return all(whole, dec) && (fraction.empty() || all(fraction, dec));
}

class YamlParser {
public:
    explicit YamlParser(std::string_view text) : text_(text), counter_(text) {}

    bool parse() {
        if (!split_lines()) return false;
        next_significant();
        if (li_ < lines_.size() && lines_[li_].marker && text_.substr(lines_[li_].content, 3) == "---") {
            const YamlLine& line = lines_[li_];
            std::size_t after = line.content + 3;
            while (after < line.end && is_space(text_[after])) ++after;
            if (after < line.end && text_[after] != '#') {
                return unsupported(after, "content on the --- line (put the document below it)");
            }
            consume_line();
            next_significant();
        }
        if (li_ < lines_.size() && text_[lines_[li_].content] == '%') {
            return unsupported(lines_[li_].content, "a directive (%YAML or %TAG)");
        }
        if (li_ >= lines_.size() || lines_[li_].marker) {
            if (li_ < lines_.size()) return unsupported(lines_[li_].content, "several documents (--- or ...)");
            return true;  // no document yet
        }
        if (!parse_block(lines_[li_].content, lines_[li_].indent, 0, root_)) return false;
        next_significant();
        if (li_ < lines_.size()) {
            if (lines_[li_].marker) return unsupported(lines_[li_].content, "several documents (--- or ...)");
            return fail(lines_[li_].content, "unexpected content here: check its indentation");
        }
        return true;
    }

    [[nodiscard]] const std::vector<YamlNode>& nodes() const { return nodes_; }
    [[nodiscard]] const std::vector<ConfigValue>& values() const { return values_; }
    [[nodiscard]] std::vector<ConfigValue>& values() { return values_; }
    [[nodiscard]] int root() const { return root_; }
    [[nodiscard]] int unit() const { return unit_ > 0 ? unit_ : 2; }
    [[nodiscard]] Error error() const { return error_.value_or(Error{}); }

private:
    bool fail(std::size_t at, std::string_view what) {
        if (!error_) error_ = syntax_error(kYaml, text_, at, what);
        return false;
    }
    bool unsupported(std::size_t at, std::string_view what) {
        if (!error_) error_ = unsupported_error(kYaml, text_, at, what);
        return false;
    }

    bool split_lines() {
        std::size_t pos = bom_length(text_);
        while (pos < text_.size()) {
            const std::size_t lf = text_.find('\n', pos);
            std::size_t end = lf == kNone ? text_.size() : lf;
            if (end > pos && text_[end - 1] == '\r') --end;
            YamlLine line;
            line.content = pos;
            while (line.content < end && text_[line.content] == ' ') ++line.content;
            line.indent = static_cast<int>(line.content - pos);
            line.end = end;
            std::size_t first = line.content;
            while (first < end && is_space(text_[first])) ++first;
            line.blank = first == end || text_[first] == '#';
            if (first != line.content && !line.blank) {
                return fail(line.content, "a tab in the indentation: YAML indents with spaces only");
            }
            const std::string_view start = text_.substr(line.content, 3);
            line.marker = line.indent == 0 && (start == "---" || start == "...") &&
                          (line.content + 3 == end || is_space(text_[line.content + 3]));
            lines_.push_back(line);
            pos = lf == kNone ? text_.size() : lf + 1;
        }
        return true;
    }

    void next_significant() {
        while (li_ < lines_.size() && lines_[li_].blank) ++li_;
    }
    void consume_line() {
        last_end_ = lines_[li_].end;
        ++li_;
    }
    // The next significant line continues the block at `column` (it is not past the end, a marker, or dedented).
    [[nodiscard]] bool has_line_at_least(int column) const {
        return li_ < lines_.size() && !lines_[li_].marker && lines_[li_].indent >= column;
    }
    [[nodiscard]] bool is_dash(std::size_t pos) const {
        return text_[pos] == '-' && (pos + 1 >= lines_[li_].end || is_space(text_[pos + 1]));
    }

    int add_node(YamlNode::Kind kind, int indent) {
        nodes_.push_back(YamlNode{});
        nodes_.back().kind = kind;
        nodes_.back().indent = indent;
        return static_cast<int>(nodes_.size()) - 1;
    }
    YamlNode& node(int index) { return nodes_[static_cast<std::size_t>(index)]; }

    // Where the ':' of a `key: value` entry starting at `pos` is, or kNone when the line is not one.
    [[nodiscard]] std::size_t key_colon(std::size_t pos) const {
        const std::size_t end = lines_[li_].end;
        std::size_t i = pos;
        if (text_[pos] == '"' || text_[pos] == '\'') {  // a quoted key: find its closing quote
            const char quote = text_[pos];
            for (i = pos + 1; i < end; ++i) {
                if (quote == '"' && text_[i] == '\\') {
                    ++i;
                } else if (text_[i] == quote) {
                    if (quote == '\'' && i + 1 < end && text_[i + 1] == '\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            if (i >= end) return kNone;
            ++i;
            while (i < end && is_space(text_[i])) ++i;
            return (i < end && text_[i] == ':' && (i + 1 >= end || is_space(text_[i + 1]))) ? i : kNone;
        }
        for (; i < end; ++i) {
            if (text_[i] == '#' && i > pos && is_space(text_[i - 1])) return kNone;
            if (text_[i] == ':' && (i + 1 >= end || is_space(text_[i + 1]))) return i;
        }
        return kNone;
    }

    bool parse_block(std::size_t pos, int column, int depth, int& out) {
        if (depth >= kMaxDepth) return unsupported(pos, "maps or lists nested deeper than 64 levels");
        if (is_dash(pos)) return parse_sequence(pos, column, depth, out);
        if (key_colon(pos) != kNone) return parse_map(pos, column, depth, out);
        return parse_inline_value(pos, out);
    }

    bool parse_map(std::size_t pos, int column, int depth, int& out) {
        out = add_node(YamlNode::Kind::map, column);
        std::set<std::string, std::less<>> seen;
        for (bool first = true;; first = false) {
            const std::size_t start = first ? pos : lines_[li_].content;
            const char c = text_[start];
            if (c == '?' && (start + 1 >= lines_[li_].end || is_space(text_[start + 1]))) {
                return unsupported(start, "a complex key (?)");
            }
            if (c == '&' || c == '*' || c == '!') return unsupported(start, "an anchor (&), alias (*) or tag (!)");
            if (c == '[' || c == '{') return unsupported(start, "a flow collection ([...] or {...}) as a key");
            const std::size_t colon = key_colon(start);
            if (colon == kNone) return fail(start, "expected `key: value` at this indentation");
            std::string key;
            if (c == '"' || c == '\'') {
                std::size_t after = 0;
                if (!parse_quoted(start, key, after)) return false;
            } else {
                std::size_t key_end = colon;
                while (key_end > start && is_space(text_[key_end - 1])) --key_end;
                key = std::string(text_.substr(start, key_end - start));
            }
            if (seen.count(key) != 0) return fail(start, "the key " + key + " appears twice in this map; keep one");
            seen.insert(key);
            path_.push_back(key);
            std::size_t v = colon + 1;
            while (v < lines_[li_].end && is_space(text_[v])) ++v;
            int child = -1;
            if (v >= lines_[li_].end || text_[v] == '#') {  // the value is on the next lines, or is empty
                const std::size_t key_line_end = lines_[li_].end;
                consume_line();
                next_significant();
                if (has_line_at_least(column + 1)) {
                    if (unit_ == 0) unit_ = lines_[li_].indent - column;
                    if (!parse_block(lines_[li_].content, lines_[li_].indent, depth + 1, child)) return false;
                } else if (has_line_at_least(column) && lines_[li_].indent == column && is_dash(lines_[li_].content)) {
                    if (!parse_sequence(lines_[li_].content, column, depth + 1, child)) return false;
                } else {
                    child = add_node(YamlNode::Kind::empty, column);
                    node(child).at = colon + 1;
                    node(child).end = key_line_end;
                    add_empty_value(colon + 1);
                }
            } else {
                if (is_dash(v)) return fail(v, "a list cannot start on the line of its key: move it to the next line");
                if (!parse_inline_value(v, child)) return false;
                next_significant();
                if (has_line_at_least(column + 1)) {
                    return unsupported(lines_[li_].content, "a value continued on the next line");
                }
            }
            path_.pop_back();
            node(out).entries.emplace_back(std::move(key), child);
            next_significant();
            if (!has_line_at_least(column)) break;
            if (lines_[li_].indent > column) return fail(lines_[li_].content, "unexpected indentation");
            if (is_dash(lines_[li_].content)) {
                return fail(lines_[li_].content, "a list item where a `key: value` was expected");
            }
        }
        node(out).end = last_end_;
        return true;
    }

    bool parse_sequence(std::size_t pos, int column, int depth, int& out) {
        out = add_node(YamlNode::Kind::sequence, column);
        for (bool first = true;; first = false) {
            const std::size_t dash = first ? pos : lines_[li_].content;
            path_.push_back(std::to_string(node(out).entries.size()));
            std::size_t p = dash + 1;
            while (p < lines_[li_].end && is_space(text_[p])) ++p;
            int child = -1;
            if (p >= lines_[li_].end || text_[p] == '#') {
                const std::size_t dash_line_end = lines_[li_].end;
                consume_line();
                next_significant();
                if (has_line_at_least(column + 1)) {
                    if (!parse_block(lines_[li_].content, lines_[li_].indent, depth + 1, child)) return false;
                } else {
                    child = add_node(YamlNode::Kind::empty, column);
                    node(child).at = dash + 1;
                    node(child).end = dash_line_end;
                    node(child).in_sequence = true;
                    add_empty_value(dash + 1);
                }
            } else {
                const int item_column = column + static_cast<int>(p - dash);
                if (!parse_block(p, item_column, depth + 1, child)) return false;
            }
            path_.pop_back();
            node(out).entries.emplace_back(std::string(), child);
            next_significant();
            if (!has_line_at_least(column)) break;
            if (lines_[li_].indent > column) return fail(lines_[li_].content, "unexpected indentation");
            if (!is_dash(lines_[li_].content)) break;  // the parent map's next key, at the same column
        }
        node(out).end = last_end_;
        return true;
    }

    void add_empty_value(std::size_t at) {
        values_.push_back(ConfigValue{path_, "", false, at, at, counter_.line_at(at)});
    }

    // A quoted scalar starting at `pos` on the current line; `after` is just past its closing quote.
    bool parse_quoted(std::size_t pos, std::string& out, std::size_t& after) {
        const char quote = text_[pos];
        const std::size_t end = lines_[li_].end;
        std::size_t i = pos + 1;
        for (;; ++i) {
            if (i >= end) {
                if (text_.find(quote, end) != kNone) return unsupported(pos, "a quoted value that spans lines");
                return fail(pos, std::string("this value opens a quote (") + quote + ") that is never closed");
            }
            const char c = text_[i];
            if (c == quote) {
                if (quote == '\'' && i + 1 < end && text_[i + 1] == '\'') {
                    out += '\'';
                    ++i;
                    continue;
                }
                break;
            }
            if (quote == '"' && c == '\\') {
                if (i + 1 >= end) return unsupported(pos, "a quoted value that spans lines");
                if (!parse_escape(i, out)) return false;
                continue;
            }
            out += c;
        }
        after = i + 1;
        return true;
    }

    // The escape at text_[i] == '\\'; leaves i on its last character.
    bool parse_escape(std::size_t& i, std::string& out) {
        const std::size_t escape = i;
        const char e = text_[++i];
        std::size_t digits = 0;
        switch (e) {
            case '0':
                out += '\0';
                return true;
            case 'a':
                out += '\a';
                return true;
            case 'b':
                out += '\b';
                return true;
            case 't':
            case '\t':
                out += '\t';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'v':
                out += '\v';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 'e':
                out += '\x1B';
                return true;
            case ' ':
                out += ' ';
                return true;
            case '"':
                out += '"';
                return true;
            case '/':
                out += '/';
                return true;
            case '\\':
                out += '\\';
                return true;
            case 'N':
                out += "\xC2\x85";
                return true;
            case '_':
                out += "\xC2\xA0";
                return true;
            case 'L':
                out += "\xE2\x80\xA8";
                return true;
            case 'P':
                out += "\xE2\x80\xA9";
                return true;
            case 'x':
                digits = 2;
                break;
            case 'u':
                digits = 4;
                break;
            case 'U':
                digits = 8;
                break;
            default:
                return fail(escape, "unknown escape in a \"double-quoted\" value: write a backslash as \\\\");
        }
        std::uint32_t code_point = 0;
        for (std::size_t k = 0; k < digits; ++k) {
            if (i + 1 >= lines_[li_].end || !is_hex_digit(text_[i + 1])) {
                return fail(escape, "\\x, \\u and \\U need 2, 4 and 8 hex digits");
            }
            code_point = code_point * 16 + hex_value(text_[++i]);
        }
        if ((code_point >= 0xD800U && code_point <= 0xDFFFU) || code_point > 0x10FFFFU) {
            return fail(escape, "the escape names no Unicode character");
        }
        append_utf8(out, code_point);
        return true;
    }

    // A scalar (or an empty {} / []) that ends its line, starting at `pos`; consumes the line.
    bool parse_inline_value(std::size_t pos, int& out) {
        const std::size_t end = lines_[li_].end;
        const char c = text_[pos];
        if (c == '&' || c == '*' || c == '!') return unsupported(pos, "an anchor (&), alias (*) or tag (!)");
        if (c == '|' || c == '>') return unsupported(pos, "a block scalar (| or >)");
        std::size_t after = pos;
        if (c == '{' || c == '[') {
            after = pos + 1;
            while (after < end && is_space(text_[after])) ++after;
            if (after >= end || text_[after] != (c == '{' ? '}' : ']')) {
                return unsupported(pos, "a flow collection ([...] or {...}); write it as an indented block");
            }
            out = add_node(YamlNode::Kind::flow_empty, 0);
            ++after;
        } else if (c == '"' || c == '\'') {
            std::string value;
            if (!parse_quoted(pos, value, after)) return false;
            out = add_node(YamlNode::Kind::scalar, 0);
            node(out).value = static_cast<int>(values_.size());
            values_.push_back(ConfigValue{path_, std::move(value), true, pos, after, counter_.line_at(pos)});
        } else {
            if (c == '%' || c == '@' || c == '`' || c == ',' || c == ']' || c == '}') {
                return fail(pos, std::string("a plain value cannot start with ") + c + ": put it in \"quotes\"");
            }
            std::size_t value_end = pos;
            for (std::size_t i = pos; i < end; ++i) {
                if (text_[i] == '#' && i > pos && is_space(text_[i - 1])) break;
                if (text_[i] == ':' && (i + 1 >= end || is_space(text_[i + 1]))) {
                    return fail(i, "a ': ' inside a plain value: put the value in \"quotes\"");
                }
                if (!is_space(text_[i])) value_end = i + 1;
            }
            const std::string_view value = text_.substr(pos, value_end - pos);
            out = add_node(YamlNode::Kind::scalar, 0);
            node(out).value = static_cast<int>(values_.size());
            values_.push_back(ConfigValue{path_, std::string(value), !is_core_non_string(value), pos, value_end,
                                          counter_.line_at(pos)});
            after = value_end;
        }
        while (after < end && is_space(text_[after])) ++after;
        if (after < end && (text_[after] != '#' || !is_space(text_[after - 1]))) {
            return fail(after, "unexpected text after the value (a comment needs a space before its #)");
        }
        consume_line();
        return true;
    }

    std::string_view text_;
    LineCounter counter_;
    std::vector<YamlLine> lines_;
    std::size_t li_ = 0;  // the current line
    std::size_t last_end_ = 0;
    std::vector<YamlNode> nodes_;
    std::vector<ConfigValue> values_;
    std::vector<std::string> path_;
    int root_ = -1;
    int unit_ = 0;  // the indentation one level adds, from the first nested block
    std::optional<Error> error_;
};

bool plain_is_safe(std::string_view s) {
    if (s.empty() || is_core_non_string(s)) return false;
    // YAML 1.1 readers (still common) take these as booleans.
    for (const std::string_view word :
         {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}) {
        if (s == word) return false;
    }
    if (std::string_view("-?:,[]{}#&*!|>'\"%@` \t").find(s.front()) != kNone) return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (s[i] == ':' && i + 1 < s.size() && s[i + 1] == ' ') return false;
        if (s[i] == '#' && s[i - 1] == ' ') return false;
    }
    return true;
}

std::string yaml_scalar(std::string_view s) {
    if (plain_is_safe(s)) return std::string(s);
    return double_quoted(s, kYamlQuotes);
}

// key:\n  key: value, starting at `indent` and one `unit` deeper per segment, joined by `newline`.
std::string entry_lines(Path rest, std::string_view value, int indent, int unit, std::string_view newline) {
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (i > 0) out += newline;
        out.append(static_cast<std::size_t>(indent) + i * static_cast<std::size_t>(unit), ' ');
        out += yaml_scalar(rest[i]) + ":";
        if (i + 1 == rest.size()) out += " " + yaml_scalar(value);
    }
    return out;
}

}  // namespace

Result<std::vector<ConfigValue>> read_yaml(std::string_view text) {
    YamlParser parser(text);
    if (!parser.parse()) return parser.error();
    return std::move(parser.values());
}

Result<std::string> set_yaml(std::string_view text, Path path, std::string_view value) {
    YamlParser parser(text);
    if (!parser.parse()) return parser.error();
    const std::string_view newline = newline_of(text);
    if (parser.root() < 0) {  // no document yet
        const std::string entry = entry_lines(path, value, 0, parser.unit(), newline);
        if (text.empty() || ends_with_newline(text)) return std::string(text) + entry + std::string(newline);
        return std::string(text) + std::string(newline) + entry;
    }
    const std::vector<YamlNode>& nodes = parser.nodes();
    int index = parser.root();
    std::size_t depth = 0;
    for (; depth < path.size(); ++depth) {
        const YamlNode& node = nodes[static_cast<std::size_t>(index)];
        const std::string walked = depth == 0 ? std::string("the document") : display_path(path.first(depth));
        if (node.kind == YamlNode::Kind::scalar) {
            const ConfigValue& scalar = parser.values()[static_cast<std::size_t>(node.value)];
            return path_conflict(path, walked + " is a value (" + scalar.value + ") at line " +
                                           line_column(text, scalar.begin) + ", not a map");
        }
        if (node.kind == YamlNode::Kind::flow_empty) {
            return Error{"config_unsupported", "Cannot set " + display_path(path) + ": " + walked +
                                                   " is written as {} or [], which pathwise does not edit. Write "
                                                   "it as an indented block, or make the change by hand."};
        }
        if (node.kind == YamlNode::Kind::empty) {
            if (node.in_sequence) return path_conflict(path, walked + " is an empty list item");
            break;
        }
        if (node.kind == YamlNode::Kind::sequence) {
            std::size_t element = 0;
            if (!parse_index(path[depth], node.entries.size(), element)) {
                return path_conflict(path, walked + " is a list of " + std::to_string(node.entries.size()) +
                                               " items, and \"" + std::string(path[depth]) + "\" is not one of them");
            }
            index = node.entries[element].second;
            continue;
        }
        int found = -1;
        for (const auto& [key, child] : node.entries) {
            if (key == path[depth]) {
                found = child;
                break;
            }
        }
        if (found < 0) break;
        index = found;
    }
    const YamlNode& target = nodes[static_cast<std::size_t>(index)];
    if (depth == path.size()) {
        if (target.kind == YamlNode::Kind::scalar) {
            const ConfigValue& existing = parser.values()[static_cast<std::size_t>(target.value)];
            if (existing.is_string && existing.value == value) return std::string(text);
            return splice(text, existing.begin, existing.end, yaml_scalar(value));
        }
        if (target.kind == YamlNode::Kind::empty) return splice(text, target.at, target.at, " " + yaml_scalar(value));
        return path_conflict(
            path, target.kind == YamlNode::Kind::sequence ? "it is a list, not a string" : "it is a map, not a string");
    }
    const int indent = target.kind == YamlNode::Kind::empty ? target.indent + parser.unit() : target.indent;
    return splice(text, target.end, target.end,
                  std::string(newline) + entry_lines(path.subspan(depth), value, indent, parser.unit(), newline));
}

}  // namespace pathwise::config_text_detail
