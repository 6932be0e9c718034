#include "cli/output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace pathwise::cli {
namespace {

bool is_wide(char32_t code_point) {
    return (code_point >= 0x1100 && code_point <= 0x115F) || (code_point >= 0x2E80 && code_point <= 0xA4CF) ||
           (code_point >= 0xAC00 && code_point <= 0xD7A3) || (code_point >= 0xF900 && code_point <= 0xFAFF) ||
           (code_point >= 0xFE30 && code_point <= 0xFE4F) || (code_point >= 0xFF00 && code_point <= 0xFF60) ||
           (code_point >= 0xFFE0 && code_point <= 0xFFE6) || (code_point >= 0x1F300 && code_point <= 0x1FAFF) ||
           (code_point >= 0x20000 && code_point <= 0x3FFFD);
}

// Decodes one UTF-8 sequence starting at text[i]; malformed bytes count as one narrow character.
char32_t decode_at(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 1;
    char32_t code_point = lead;
    if (lead >= 0xF0) {
        length = 4;
        code_point = lead & 0x07u;
    } else if (lead >= 0xE0) {
        length = 3;
        code_point = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
        length = 2;
        code_point = lead & 0x1Fu;
    }
    if (length == 1 || i + length > text.size()) {
        ++i;
        return lead;
    }
    for (std::size_t k = 1; k < length; ++k) code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
    i += length;
    return code_point;
}

}  // namespace

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!color_ || text.empty()) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && text[i] != 'm') ++i;
            ++i;
            continue;
        }
        width += is_wide(decode_at(text, i)) ? 2 : 1;
    }
    return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string padded(text);
    const std::size_t current = display_width(text);
    if (current < width) padded.append(width - current, ' ');
    return padded;
}

std::string wrap_paragraph(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::string line(indent);
    std::size_t line_width = display_width(indent);
    const std::size_t indent_width = line_width;
    bool line_has_word = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        const std::size_t word_width = display_width(word);
        if (!word.empty()) {
            if (line_has_word && line_width + 1 + word_width > width) {
                out += line + "\n";
                line = std::string(indent);
                line_width = indent_width;
                line_has_word = false;
            }
            if (line_has_word) {
                line += ' ';
                ++line_width;
            }
            line += word;
            line_width += word_width;
            line_has_word = true;
        }
        if (end < text.size() && text[end] == '\n' && line_has_word) {  // keep the author's line breaks
            out += line + "\n";
            line = std::string(indent);
            line_width = indent_width;
            line_has_word = false;
        }
        start = end + 1;
    }
    if (line_has_word) out += line + "\n";
    return out;
}

std::size_t terminal_width() {
    std::size_t width = 100;
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && columns[0] != '\0') {
        width = static_cast<std::size_t>(std::strtoul(columns, nullptr, 10));
    } else if (winsize size{};
               isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        width = size.ws_col;
    }
    return std::clamp<std::size_t>(width, 60, 120);
}

std::string Table::render(const Style& style, std::string_view indent) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t column = 0; column < row.size(); ++column) {
            widths[column] = std::max(widths[column], display_width(row[column]));
        }
    }
    std::string out;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        std::string line(indent);
        const auto& row = rows_[r];
        for (std::size_t column = 0; column < row.size(); ++column) {
            const bool last = column + 1 == row.size();
            const std::string cell = last ? row[column] : pad_right(row[column], widths[column]) + "  ";
            line += r == 0 ? style.bold(cell) : cell;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string LabelledLines::render(std::string_view indent) const {
    std::size_t label_width = 0;
    for (const Line& line : lines_) label_width = std::max(label_width, display_width(line.label + colon_));
    std::string out;
    for (const Line& line : lines_) {
        // An empty label continues the line above (a second value for the same label).
        const std::string label = line.label.empty() ? std::string() : line.label + colon_;
        const std::string lead = std::string(indent) + pad_right(label, label_width) + "  ";
        if (!line.wrap) {
            out += lead + line.value + "\n";
            continue;
        }
        // Continuation lines start under the value, so the labels stay a clean column.
        std::string wrapped = wrap_paragraph(line.value, terminal_width(), std::string(display_width(lead), ' '));
        wrapped.replace(0, display_width(lead), lead);
        out += wrapped;
    }
    return out;
}

void print_text(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void print_json(const nlohmann::ordered_json& value) {
    // `replace` keeps a broken byte from throwing: output must never crash on odd input.
    print_text(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

std::string home_relative(std::string_view path, std::string_view home) {
    if (!home.empty() && path.starts_with(home) && (path.size() == home.size() || path[home.size()] == '/')) {
        return "~" + std::string(path.substr(home.size()));
    }
    return std::string(path);
}

}  // namespace pathwise::cli
