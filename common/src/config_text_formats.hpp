// config_text_formats.hpp — private to config_text*.cpp: one reader and one editor per format, and the helpers
// they share (positions to line:column, the three error kinds, line breaks, UTF-8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/config_text.hpp"
#include "pathwise/result.hpp"

namespace pathwise::config_text_detail {

using Path = std::span<const std::string_view>;

// Objects/arrays/maps nested deeper than this are refused: the readers recurse once per level, and a hostile
// file of a million '[' must not exhaust the stack. Real client configs nest 3 to 6 levels.
inline constexpr int kMaxDepth = 64;

// Per format: every scalar in document order, and the edit behind set_config_string (the dispatcher checks the
// path is not empty and that the result reads back).
[[nodiscard]] Result<std::vector<ConfigValue>> read_json(std::string_view text);
[[nodiscard]] Result<std::string> set_json(std::string_view text, Path path, std::string_view value);
[[nodiscard]] Result<std::vector<ConfigValue>> read_toml(std::string_view text);
[[nodiscard]] Result<std::string> set_toml(std::string_view text, Path path, std::string_view value);
[[nodiscard]] Result<std::vector<ConfigValue>> read_yaml(std::string_view text);
[[nodiscard]] Result<std::string> set_yaml(std::string_view text, Path path, std::string_view value);
[[nodiscard]] Result<std::vector<ConfigValue>> read_dotenv(std::string_view text);
[[nodiscard]] Result<std::string> set_dotenv(std::string_view text, Path path, std::string_view value);

// "config_syntax": "… not valid JSON at line 3:14 (line:column): <what>. Fix …". `at` is a byte offset.
[[nodiscard]] Error syntax_error(std::string_view format_name, std::string_view text, std::size_t at,
                                 std::string_view what);
// "config_unsupported": valid input this reader will not edit; `what` is a noun phrase ("a YAML anchor (&name)").
[[nodiscard]] Error unsupported_error(std::string_view format_name, std::string_view text, std::size_t at,
                                      std::string_view what);
// "config_path_conflict": `why` finishes the sentence "Cannot set models.0.apiBase: <why>".
[[nodiscard]] Error path_conflict(Path path, std::string_view why);
// models.0.apiBase; a segment holding '.' or a space is quoted so the reader can tell the segments apart.
[[nodiscard]] std::string display_path(Path path);

// "line:column", both 1-based; the column counts UTF-8 characters, as editors show it.
[[nodiscard]] std::string line_column(std::string_view text, std::size_t at);

// Line numbers for offsets visited in increasing order, in one pass over the text (a file with a million values
// must not cost a million scans from the start).
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    [[nodiscard]] int line_at(std::size_t at);

private:
    std::string_view text_;
    std::size_t scanned_ = 0;
    int line_ = 1;
};

// The file's line break, so an inserted line matches its neighbours: "\r\n" when the first break is CRLF.
[[nodiscard]] std::string_view newline_of(std::string_view text);
[[nodiscard]] bool ends_with_newline(std::string_view text);
[[nodiscard]] bool is_blank(std::string_view text);  // empty or only spaces, tabs and line breaks
// 3 when the text starts with a UTF-8 byte-order mark (Windows editors write one), else 0.
[[nodiscard]] std::size_t bom_length(std::string_view text);
// The spaces and tabs that start the line holding `at`.
[[nodiscard]] std::string_view indentation_of_line(std::string_view text, std::size_t at);
// How a format writes a double-quoted string: which short escapes it has beyond \" \\ \n \r \t, and how it
// spells any other control character.
struct QuoteStyle {
    bool short_b_and_f = false;       // \b and \f (JSON, TOML)
    std::string_view control_prefix;  // "\u00" (JSON, TOML) or "\x" (YAML), then two hex digits
    std::string_view hex_digits;      // "0123456789abcdef" or upper case
    bool escape_delete = false;       // DEL (0x7F) is escaped too (TOML, YAML)
};
inline constexpr QuoteStyle kJsonQuotes{true, "\\u00", "0123456789abcdef", false};
inline constexpr QuoteStyle kTomlQuotes{true, "\\u00", "0123456789ABCDEF", true};
inline constexpr QuoteStyle kYamlQuotes{false, "\\x", "0123456789ABCDEF", true};
// `value` between double quotes, escaped the way `style` says.
[[nodiscard]] std::string double_quoted(std::string_view value, const QuoteStyle& style);

// `text` with [begin, end) replaced.
[[nodiscard]] std::string splice(std::string_view text, std::size_t begin, std::size_t end,
                                 std::string_view replacement);
// A path segment naming a list element: decimal digits without a leading zero, below `size`.
[[nodiscard]] bool parse_index(std::string_view segment, std::size_t size, std::size_t& index);
[[nodiscard]] bool is_hex_digit(char c);
[[nodiscard]] unsigned hex_value(char c);
// Appends the UTF-8 encoding of a Unicode scalar value (the callers reject surrogates and values past U+10FFFF).
void append_utf8(std::string& out, std::uint32_t code_point);
// Copies of `path` as strings, for ConfigValue::path.
[[nodiscard]] std::vector<std::string> to_strings(Path path);

}  // namespace pathwise::config_text_detail
