// line_diff.cpp — see line_diff.hpp. Common leading and trailing lines are cut first; the rest (small: configure
// changes a few keys) is aligned by longest common subsequence, or shown whole when it is too big to align.
#include "cli/line_diff.hpp"

#include <algorithm>
#include <vector>

namespace pathwise::cli {
namespace {

struct Line {
    std::string_view text;  // without its '\n'
    bool ends_with_newline = true;
    bool operator==(const Line& other) const {
        return text == other.text && ends_with_newline == other.ends_with_newline;
    }
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        if (newline == std::string_view::npos) {
            lines.push_back({text, false});
            break;
        }
        lines.push_back({text.substr(0, newline), true});
        text.remove_prefix(newline + 1);
    }
    return lines;
}

enum class Op : unsigned char { same, removed, added };
struct Step {
    Op op;
    std::size_t before;  // index in before (same, removed)
    std::size_t after;   // index in after (same, added)
};

constexpr std::size_t kMaxAlignedCells = 4'000'000;

std::vector<Step> align(const std::vector<Line>& a, const std::vector<Line>& b) {
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    std::vector<Step> steps;
    for (std::size_t i = 0; i < head; ++i) steps.push_back({Op::same, i, i});
    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;
    if (n * m <= kMaxAlignedCells) {
        // lcs[i][j] = length of the LCS of a[head+i..] and b[head+j..].
        std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                steps.push_back({Op::same, head + i++, head + j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                steps.push_back({Op::removed, head + i++, head + j});  // what goes comes before what replaces it
            } else {
                steps.push_back({Op::added, head + i, head + j++});
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) steps.push_back({Op::removed, head + i, head});
        for (std::size_t j = 0; j < m; ++j) steps.push_back({Op::added, head + n, head + j});
    }
    for (std::size_t k = 0; k < tail; ++k) steps.push_back({Op::same, a.size() - tail + k, b.size() - tail + k});
    return steps;
}

void append_line(std::string& out, char mark, const Line& line) {
    out += mark;
    out += line.text;
    out += '\n';
    if (!line.ends_with_newline) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view label, std::size_t context) {
    if (before == after) return {};
    const std::vector<Line> a = split_lines(before);
    const std::vector<Line> b = split_lines(after);
    const std::vector<Step> steps = align(a, b);
    std::string out = "--- " + std::string(label) + "\n+++ " + std::string(label) + " (after pathwise configure)\n";
    std::size_t k = 0;
    while (k < steps.size()) {
        if (steps[k].op == Op::same) {
            ++k;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last change that is at most
        // 2×context unchanged lines away.
        const std::size_t start = k > context ? k - context : 0;
        std::size_t end = k;
        std::size_t quiet = 0;
        while (end < steps.size() && quiet <= 2 * context) {
            quiet = steps[end].op == Op::same ? quiet + 1 : 0;
            ++end;
        }
        end -= quiet > context ? quiet - context : 0;
        std::size_t removed = 0;
        std::size_t added = 0;
        for (std::size_t s = start; s < end; ++s) {
            if (steps[s].op != Op::added) ++removed;
            if (steps[s].op != Op::removed) ++added;
        }
        const std::size_t from = steps[start].before + (removed == 0 ? 0 : 1);
        const std::size_t to = steps[start].after + (added == 0 ? 0 : 1);
        out += "@@ -" + std::to_string(from) + "," + std::to_string(removed) + " +" + std::to_string(to) + "," +
               std::to_string(added) + " @@\n";
        for (std::size_t s = start; s < end; ++s) {
            const Step& step = steps[s];
            if (step.op == Op::same) append_line(out, ' ', a[step.before]);
            if (step.op == Op::removed) append_line(out, '-', a[step.before]);
            if (step.op == Op::added) append_line(out, '+', b[step.after]);
        }
        k = end;
    }
    return out;
}

}  // namespace pathwise::cli
