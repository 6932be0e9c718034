// config_text_json.cpp — JSON with the JSONC extensions editors accept (// and /* */ comments, trailing commas):
// a parser that keeps every value's byte span, and an editor that replaces one span or inserts one member.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config_text_formats.hpp"

namespace pathwise::config_text_detail {
namespace {

constexpr std::string_view kJson = "JSON";
constexpr std::size_t kNone = std::string_view::npos;

struct JsonNode {
    enum class Kind : unsigned char { object, array, scalar };
    struct Member {
        std::string key;  // empty for an array element
        std::size_t key_begin = 0;
        std::size_t key_end = 0;
        int node = -1;
    };
    Kind kind = Kind::scalar;
    std::size_t begin = 0;  // the value as written: '{' to just past '}', or the scalar's span
    std::size_t end = 0;
    std::vector<Member> members;
    std::size_t trailing_comma = kNone;  // a ',' after the last member (JSONC), kept when inserting
    std::string value;                   // scalar: decoded string, or the literal as written
    bool is_string = false;
};

class JsonParser {
public:
    explicit JsonParser(std::string_view text) : text_(text) {}

    // Fills nodes_ and root_ (-1 when the text holds no value: empty, blank, or comments only).
    bool parse() {
        pos_ = bom_length(text_);
        if (!skip_space()) return false;
        if (pos_ >= text_.size()) return true;
        if (!parse_value(0, root_)) return false;
        if (!skip_space()) return false;
        if (pos_ < text_.size()) return fail(pos_, "expected the end of the file after the top-level value");
        return true;
    }

    [[nodiscard]] const std::vector<JsonNode>& nodes() const { return nodes_; }
    [[nodiscard]] int root() const { return root_; }
    [[nodiscard]] Error error() const { return error_.value_or(Error{}); }

private:
    bool fail(std::size_t at, std::string_view what) {
        if (!error_) error_ = syntax_error(kJson, text_, at, what);
        return false;
    }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    // Whitespace and comments; false only for a comment that never ends.
    bool skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++pos_;
            } else if (c == '/' && peek(1) == '/') {
                const std::size_t lf = text_.find('\n', pos_);
                pos_ = lf == kNone ? text_.size() : lf;
            } else if (c == '/' && peek(1) == '*') {
                const std::size_t close = text_.find("*/", pos_ + 2);
                if (close == kNone) return fail(pos_, "a /* comment is not closed: add */ where it should end");
                pos_ = close + 2;
            } else {
                break;
            }
        }
        return true;
    }

    int add_node(JsonNode::Kind kind) {
        nodes_.push_back(JsonNode{});
        nodes_.back().kind = kind;
        nodes_.back().begin = pos_;
        return static_cast<int>(nodes_.size()) - 1;
    }

    bool parse_value(int depth, int& out) {
        if (pos_ >= text_.size()) return fail(pos_, "the file ends where a value was expected");
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (depth >= kMaxDepth) {
                if (!error_)
                    error_ = unsupported_error(kJson, text_, pos_, "objects or arrays nested deeper than 64 levels");
                return false;
            }
            return c == '{' ? parse_object(depth, out) : parse_array(depth, out);
        }
        out = add_node(JsonNode::Kind::scalar);
        std::string value;
        bool ok = false;
        if (c == '"') {
            ok = parse_string(value);
            nodes_[static_cast<std::size_t>(out)].is_string = true;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            ok = parse_number();
            value = std::string(text_.substr(nodes_[static_cast<std::size_t>(out)].begin,
                                             pos_ - nodes_[static_cast<std::size_t>(out)].begin));
        } else if (c == 't' || c == 'f' || c == 'n') {
            ok = parse_word(value);
        } else if (c == '\'') {
            return fail(pos_, "JSON strings take double quotes (\"...\"), not single quotes");
        } else {
            return fail(pos_,
                        "expected a value: a string in double quotes, a number, true, false, null, {...} or [...]");
        }
        if (!ok) return false;
        JsonNode& node = nodes_[static_cast<std::size_t>(out)];
        node.value = std::move(value);
        node.end = pos_;
        return true;
    }

    bool parse_object(int depth, int& out) {
        out = add_node(JsonNode::Kind::object);
        const std::size_t open = pos_++;
        for (;;) {
            if (!skip_space()) return false;
            if (pos_ >= text_.size()) return unclosed(open, '}');
            if (text_[pos_] == '}') break;
            if (text_[pos_] != '"') return fail(pos_, "expected a key in double quotes, or '}' to close the object");
            JsonNode::Member member;
            member.key_begin = pos_;
            if (!parse_string(member.key)) return false;
            member.key_end = pos_;
            if (!skip_space()) return false;
            if (peek() != ':') return fail(pos_, "expected ':' after the key");
            ++pos_;
            if (!skip_space()) return false;
            if (!parse_value(depth + 1, member.node)) return false;
            nodes_[static_cast<std::size_t>(out)].members.push_back(std::move(member));
            if (!skip_space()) return false;
            if (peek() == ',') {
                const std::size_t comma = pos_++;
                if (!skip_space()) return false;
                if (peek() == '}') {
                    nodes_[static_cast<std::size_t>(out)].trailing_comma = comma;
                    break;
                }
                continue;
            }
            if (pos_ >= text_.size()) return unclosed(open, '}');
            if (peek() != '}') return fail(pos_, "expected ',' or '}' after the member");
            break;
        }
        ++pos_;
        nodes_[static_cast<std::size_t>(out)].end = pos_;
        return true;
    }

    bool parse_array(int depth, int& out) {
        out = add_node(JsonNode::Kind::array);
        const std::size_t open = pos_++;
        for (;;) {
            if (!skip_space()) return false;
            if (pos_ >= text_.size()) return unclosed(open, ']');
            if (text_[pos_] == ']') break;
            JsonNode::Member element;
            if (!parse_value(depth + 1, element.node)) return false;
            nodes_[static_cast<std::size_t>(out)].members.push_back(std::move(element));
            if (!skip_space()) return false;
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (pos_ >= text_.size()) return unclosed(open, ']');
            if (peek() != ']') return fail(pos_, "expected ',' or ']' after the array element");
            break;
        }
        ++pos_;
        nodes_[static_cast<std::size_t>(out)].end = pos_;
        return true;
    }

    bool unclosed(std::size_t open, char closer) {
        return fail(open, std::string("this ") + (closer == '}' ? "object" : "array") + " is never closed: add '" +
                              closer + "' where it should end");
    }

    bool parse_hex4(std::size_t at, std::uint32_t& out) {
        out = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            if (at + i >= text_.size() || !is_hex_digit(text_[at + i])) {
                return fail(at - 2, "\\u must be followed by four hex digits");
            }
            out = out * 16 + hex_value(text_[at + i]);
        }
        return true;
    }

    bool parse_string(std::string& out) {
        const std::size_t open = pos_++;
        for (;;) {
            if (pos_ >= text_.size()) return fail(open, "this string is never closed: add the closing \"");
            const char c = text_[pos_];
            if (c == '"') break;
            if (c == '\n' || c == '\r') return fail(open, "this string is not closed on its line: add the closing \"");
            if (static_cast<unsigned char>(c) < 0x20) {
                return fail(pos_, "a control character inside a string: write it as an escape such as \\t");
            }
            if (c != '\\') {
                out += c;
                ++pos_;
                continue;
            }
            const char e = peek(1);
            const std::size_t escape = pos_;
            pos_ += 2;
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t unit = 0;
                    if (!parse_hex4(pos_, unit)) return false;
                    pos_ += 4;
                    if (unit >= 0xDC00U && unit <= 0xDFFFU) {
                        return fail(escape,
                                    "a \\u escape holds half of a UTF-16 surrogate pair without its first half");
                    }
                    if (unit >= 0xD800U && unit <= 0xDBFFU) {
                        std::uint32_t low = 0;
                        if (peek() != '\\' || peek(1) != 'u' || !parse_hex4(pos_ + 2, low) || low < 0xDC00U ||
                            low > 0xDFFFU) {
                            error_.reset();
                            return fail(escape,
                                        "a \\u escape holds half of a UTF-16 surrogate pair: the second "
                                        "half (\\uDC00 to \\uDFFF) must follow it");
                        }
                        pos_ += 6;
                        unit = 0x10000U + ((unit - 0xD800U) << 10U) + (low - 0xDC00U);
                    }
                    append_utf8(out, unit);
                    break;
                }
                default:
                    return fail(escape, "unknown escape in a string: write a backslash as \\\\");
            }
        }
        ++pos_;
        return true;
    }

    bool digits() {
        const std::size_t start = pos_;
        while (peek() >= '0' && peek() <= '9') ++pos_;
        return pos_ > start;
    }

    bool parse_number() {
        const std::size_t start = pos_;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else if (!digits()) {
            return fail(start, "a number must have digits after '-'");
        }
        if (peek() == '.') {
            ++pos_;
            if (!digits()) return fail(start, "a number must have digits after its decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!digits()) return fail(start, "a number must have digits after its exponent");
        }
        if ((peek() >= '0' && peek() <= '9') || is_word_char(peek())) {
            return fail(start, "not a valid number (JSON numbers have no leading zeros, no hex, no '+')");
        }
        return true;
    }

    static bool is_word_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    bool parse_word(std::string& out) {
        const std::size_t start = pos_;
        while (is_word_char(peek())) ++pos_;
        const std::string_view word = text_.substr(start, pos_ - start);
        if (word != "true" && word != "false" && word != "null") {
            return fail(start, "expected true, false or null; a string needs double quotes");
        }
        out = std::string(word);
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<JsonNode> nodes_;
    int root_ = -1;
    std::optional<Error> error_;
};

void collect(const std::vector<JsonNode>& nodes, int index, std::vector<std::string>& path, LineCounter& lines,
             std::vector<ConfigValue>& out) {
    const JsonNode& node = nodes[static_cast<std::size_t>(index)];
    if (node.kind == JsonNode::Kind::scalar) {
        out.push_back(ConfigValue{path, node.value, node.is_string, node.begin, node.end, lines.line_at(node.begin)});
        return;
    }
    std::size_t i = 0;
    for (const JsonNode::Member& member : node.members) {
        path.push_back(node.kind == JsonNode::Kind::object ? member.key : std::to_string(i));
        collect(nodes, member.node, path, lines, out);
        path.pop_back();
        ++i;
    }
}

std::string json_quote(std::string_view value) {
    return double_quoted(value, kJsonQuotes);
}

// How a new member is laid out: on its own lines (`indent` before it) or inline after ", ".
struct Layout {
    bool multiline = true;
    std::string indent;  // the new member's own indentation
    std::string unit;    // one more level
    std::string colon;   // ": " or ":" as the file writes it
    std::string_view newline;
};

// `"a": {"b": "v"}` for rest = {a, b}, nested objects laid out like the member itself.
std::string member_text(Path rest, std::string_view value, const Layout& layout) {
    std::string out = json_quote(rest[0]) + layout.colon;
    if (rest.size() == 1) return out + json_quote(value);
    Layout inner = layout;
    inner.indent += layout.unit;
    if (!layout.multiline) return out + "{" + member_text(rest.subspan(1), value, inner) + "}";
    return out + "{" + std::string(layout.newline) + inner.indent + member_text(rest.subspan(1), value, inner) +
           std::string(layout.newline) + layout.indent + "}";
}

// Whether only spaces and tabs come before `at` on its line.
bool starts_line(std::string_view text, std::size_t at) {
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
    return at == 0 || text[at - 1] == '\n';
}

// The indentation one level adds: what the root object's first member uses, else two spaces.
std::string indent_unit(std::string_view text, const std::vector<JsonNode>& nodes, int root) {
    const JsonNode& node = nodes[static_cast<std::size_t>(root)];
    if (node.kind == JsonNode::Kind::object && !node.members.empty() && indentation_of_line(text, node.begin).empty()) {
        const std::size_t key = node.members[0].key_begin;
        const std::string_view indent = indentation_of_line(text, key);
        if (!indent.empty() && starts_line(text, key)) return std::string(indent);
    }
    return "  ";
}

std::string insert_member(std::string_view text, const std::vector<JsonNode>& nodes, int object_index,
                          const std::string& unit, Path rest, std::string_view value) {
    const JsonNode& object = nodes[static_cast<std::size_t>(object_index)];
    const std::string_view newline = newline_of(text);
    const std::string closing_indent(indentation_of_line(text, object.begin));
    Layout layout{true, closing_indent + unit, unit, ": ", newline};
    if (object.members.empty()) {
        const std::size_t inside = object.begin + 1;
        const std::string member = std::string(newline) + layout.indent + member_text(rest, value, layout);
        if (is_blank(text.substr(inside, object.end - 1 - inside))) {
            return splice(text, inside, object.end - 1, member + std::string(newline) + closing_indent);
        }
        return splice(text, inside, inside, member);  // keep the comments inside the braces after it
    }
    const JsonNode::Member& first = object.members.front();
    const JsonNode::Member& last = object.members.back();
    layout.multiline = text.substr(object.begin, first.key_begin - object.begin).find('\n') != kNone;
    const std::string_view colon =
        text.substr(last.key_end, nodes[static_cast<std::size_t>(last.node)].begin - last.key_end);
    if (!colon.empty() && colon[0] == ':' && colon.find_first_not_of(" \t", 1) == kNone) layout.colon = colon;
    const std::size_t value_end = nodes[static_cast<std::size_t>(last.node)].end;
    const bool trailing = object.trailing_comma != kNone;
    if (!layout.multiline) {
        if (trailing) {
            return splice(text, object.trailing_comma + 1, object.trailing_comma + 1,
                          " " + member_text(rest, value, layout) + ",");
        }
        return splice(text, value_end, value_end, ", " + member_text(rest, value, layout));
    }
    if (starts_line(text, first.key_begin)) {  // copy the first member's indentation
        layout.indent = std::string(indentation_of_line(text, first.key_begin));
        if (layout.indent.size() > closing_indent.size() && layout.indent.starts_with(closing_indent)) {
            layout.unit = layout.indent.substr(closing_indent.size());
        }
    }
    // The new member goes on its own line after the last one, past a comment that ends that line (it belongs
    // to the last member, not to the new one).
    const std::size_t after = trailing ? object.trailing_comma + 1 : value_end;
    std::size_t at = after;
    std::size_t scan = after;
    for (;;) {
        while (scan < text.size() && (text[scan] == ' ' || text[scan] == '\t')) ++scan;
        if (text.substr(scan, 2) == "//") {
            scan = text.find('\n', scan);
            if (scan == kNone) scan = text.size();
            at = (scan > 0 && scan < text.size() && text[scan - 1] == '\r') ? scan - 1 : scan;
            break;
        }
        if (text.substr(scan, 2) == "/*") {
            const std::size_t close = text.find("*/", scan);
            if (text.substr(scan, close - scan).find('\n') != kNone) break;
            scan = close + 2;
            continue;
        }
        if (scan < text.size() && (text[scan] == '\n' || text.substr(scan, 2) == "\r\n")) at = scan;
        break;
    }
    const std::string member =
        std::string(newline) + layout.indent + member_text(rest, value, layout) + (trailing ? "," : "");
    std::string out(text.substr(0, value_end));
    if (!trailing) out += ',';
    out.append(text.substr(value_end, at - value_end));
    out += member;
    out.append(text.substr(at));
    return out;
}

}  // namespace

Result<std::vector<ConfigValue>> read_json(std::string_view text) {
    JsonParser parser(text);
    if (!parser.parse()) return parser.error();
    std::vector<ConfigValue> values;
    if (parser.root() < 0) return values;
    std::vector<std::string> path;
    LineCounter lines(text);
    collect(parser.nodes(), parser.root(), path, lines, values);
    return values;
}

Result<std::string> set_json(std::string_view text, Path path, std::string_view value) {
    JsonParser parser(text);
    if (!parser.parse()) return parser.error();
    const std::vector<JsonNode>& nodes = parser.nodes();
    if (parser.root() < 0) {  // no document yet: write a new one
        const std::string_view newline = newline_of(text);
        const Layout layout{true, "  ", "  ", ": ", newline};
        std::string document = "{" + std::string(newline) + "  " + member_text(path, value, layout) +
                               std::string(newline) + "}" + std::string(newline);
        if (is_blank(text)) return document;
        return std::string(text) + (ends_with_newline(text) ? "" : std::string(newline)) + document;
    }
    int index = parser.root();
    std::size_t depth = 0;
    for (; depth < path.size(); ++depth) {
        const JsonNode& node = nodes[static_cast<std::size_t>(index)];
        const Path walked = path.first(depth);
        if (node.kind == JsonNode::Kind::scalar) {
            return path_conflict(path, (walked.empty() ? std::string("the document") : display_path(walked)) +
                                           " is a value (" + node.value + ") at line " + line_column(text, node.begin) +
                                           ", not an object");
        }
        if (node.kind == JsonNode::Kind::array) {
            std::size_t element = 0;
            if (!parse_index(path[depth], node.members.size(), element)) {
                return path_conflict(path, (walked.empty() ? std::string("the document") : display_path(walked)) +
                                               " is a list of " + std::to_string(node.members.size()) +
                                               " items, and \"" + std::string(path[depth]) + "\" is not one of them");
            }
            index = node.members[element].node;
            continue;
        }
        const JsonNode::Member* found = nullptr;
        for (const JsonNode::Member& member : node.members) {
            if (member.key == path[depth]) {
                found = &member;
                break;
            }
        }
        if (found == nullptr) break;
        index = found->node;
    }
    const JsonNode& target = nodes[static_cast<std::size_t>(index)];
    if (depth == path.size()) {
        if (target.kind != JsonNode::Kind::scalar) {
            return path_conflict(path, std::string("it is ") +
                                           (target.kind == JsonNode::Kind::object ? "an object" : "a list") +
                                           ", not a string");
        }
        if (target.is_string && target.value == value) return std::string(text);
        return splice(text, target.begin, target.end, json_quote(value));
    }
    return insert_member(text, nodes, index, indent_unit(text, nodes, parser.root()), path.subspan(depth), value);
}

}  // namespace pathwise::config_text_detail
