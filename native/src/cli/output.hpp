// output.hpp — readable terminal output: optional ANSI colour, UTF-8-aware alignment, wrapping, tables,
// and JSON printing. Commands build their whole answer in a string and print it once.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise::cli {

// Colour only when CommonOptions::color says so; otherwise every function returns the text unchanged.
class Style {
public:
    explicit Style(bool color) : color_(color) {}
    [[nodiscard]] std::string bold(std::string_view text) const { return wrap("1", text); }
    [[nodiscard]] std::string dim(std::string_view text) const { return wrap("2", text); }
    [[nodiscard]] std::string bad(std::string_view text) const { return wrap("1;31", text); }
    [[nodiscard]] std::string good(std::string_view text) const { return wrap("1;32", text); }
    [[nodiscard]] std::string warn(std::string_view text) const { return wrap("33", text); }
    [[nodiscard]] std::string base_part(std::string_view text) const { return wrap("4;36", text); }
    [[nodiscard]] std::string client_part(std::string_view text) const { return wrap("1;35", text); }
    [[nodiscard]] bool color() const { return color_; }

private:
    [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const;
    bool color_;
};

// Columns a string takes in a terminal: UTF-8 aware, East Asian wide characters count two, ANSI escapes zero.
[[nodiscard]] std::size_t display_width(std::string_view text);
// Pads with spaces to `width` display columns (never truncates).
[[nodiscard]] std::string pad_right(std::string_view text, std::size_t width);
// Breaks a paragraph at spaces so no line exceeds `width` columns; each line starts with `indent`.
[[nodiscard]] std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view indent);
// The terminal's width from $COLUMNS or the tty, clamped to [60, 120]; 100 when unknown (pipes).
[[nodiscard]] std::size_t terminal_width();

// Left-aligned columns separated by two spaces; the last column is not padded.
class Table {
public:
    explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // The header is drawn with `style.bold`, rows indented by `indent`.
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::vector<std::string>> rows_;
};

// "label:  value" lines whose values line up; an empty label continues the value of the line above.
class LabelledLines {
public:
    // `colon` follows each label: ":" in English and Spanish, " :" in French typography.
    explicit LabelledLines(std::string_view colon = ":") : colon_(colon) {}
    void add(std::string label, std::string value) { lines_.push_back({std::move(label), std::move(value), false}); }
    // A value that may break at spaces to fit terminal_width() (lists, prose; never URLs or commands to copy).
    void add_wrapped(std::string label, std::string value) {
        lines_.push_back({std::move(label), std::move(value), true});
    }
    [[nodiscard]] std::string render(std::string_view indent) const;

private:
    struct Line {
        std::string label;
        std::string value;
        bool wrap;
    };
    std::string colon_;
    std::vector<Line> lines_;
};

// "~/.claude/settings.json" for a path under `home`, the path unchanged otherwise (scan and configure show paths so).
[[nodiscard]] std::string home_relative(std::string_view path, std::string_view home);

void print_text(std::string_view text);  // stdout, as is
// stdout, two-space indented, keys in insertion order, non-ASCII kept as UTF-8, one trailing newline.
void print_json(const nlohmann::ordered_json& value);

}  // namespace pathwise::cli
