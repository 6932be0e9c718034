// line_diff: what `pathwise configure` shows before it writes. Expected diffs are written by hand in diff -u's form.
#include "cli/line_diff.hpp"

#include <gtest/gtest.h>

namespace pathwise::cli {
namespace {

TEST(LineDiff, EqualTexts_GiveNoDiff) {
    EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "f"), "");
}

TEST(LineDiff, OneChangedLine_WithTwoLinesOfContext) {
    EXPECT_EQ(unified_diff("1\n2\n3\nold\n5\n6\n7\n", "1\n2\n3\nnew\n5\n6\n7\n", "f"),
              "--- f\n+++ f (after pathwise configure)\n@@ -2,5 +2,5 @@\n 2\n 3\n-old\n+new\n 5\n 6\n");
}

TEST(LineDiff, FarApartChanges_AreTwoHunks_NearOnesOne) {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    EXPECT_EQ(unified_diff(before, "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n", "f", 1),
              "--- f\n+++ f (after pathwise configure)\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -9,2 +9,2 @@\n i\n-j\n+J\n");
    EXPECT_EQ(unified_diff(before, "A\nb\nC\nd\ne\nf\ng\nh\ni\nj\n", "f", 1),
              "--- f\n+++ f (after pathwise configure)\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n-c\n+C\n d\n");
}

TEST(LineDiff, InsertedLines_AndANewFile) {
    EXPECT_EQ(unified_diff("[t]\nx = 1\n", "[t]\nx = 1\ny = 2\n", "f"),
              "--- f\n+++ f (after pathwise configure)\n@@ -1,2 +1,3 @@\n [t]\n x = 1\n+y = 2\n");
    EXPECT_EQ(unified_diff("", "k=v\n", "f"), "--- f\n+++ f (after pathwise configure)\n@@ -0,0 +1,1 @@\n+k=v\n");
}

TEST(LineDiff, AMissingFinalNewline_IsShown) {
    EXPECT_EQ(unified_diff("a=1", "a=2", "f"),
              "--- f\n+++ f (after pathwise configure)\n@@ -1,1 +1,1 @@\n-a=1\n\\ No newline at end of file\n+a=2\n"
              "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace pathwise::cli
