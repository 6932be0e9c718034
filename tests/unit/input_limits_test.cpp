// input_limits_test.cpp — the checks the proxy and the mock make before walking or forwarding client input
// (security issue #8, items 4 and 8).
#include "pathwise/input_limits.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pathwise {
namespace {

TEST(JsonNesting, RealRequest_WithinLimit) {
    const std::string body =
        R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi [{ not nesting"}]}],)"
        R"("tools":[{"type":"function","function":{"parameters":{"type":"object","properties":{"a":{"type":"array"}}}}}]})";
    EXPECT_FALSE(json_nesting_exceeds(body, 8));
}

TEST(JsonNesting, HundredThousandBrackets_Exceeds) {
    const std::string body = R"({"model":"m","messages":)" + std::string(100'000, '[');
    EXPECT_TRUE(json_nesting_exceeds(body, kMaxJsonNesting));
}

TEST(JsonNesting, ExactlyAtLimit_DoesNotExceed) {
    const std::string body = std::string(4, '[') + std::string(4, ']');
    EXPECT_FALSE(json_nesting_exceeds(body, 4));
    EXPECT_TRUE(json_nesting_exceeds("[" + body + "]", 4));
}

TEST(JsonNesting, BracketsInsideStringsAndEscapedQuotes_DoNotCount) {
    EXPECT_FALSE(json_nesting_exceeds(R"(["[[[[[[", "\"[[[[[[[", {"k\\":"{{{{{"}])", 2));
    // After an escaped backslash the quote closes the string, so the next bracket counts.
    EXPECT_TRUE(json_nesting_exceeds(R"(["a\\", [[]]])", 2));
}

TEST(JsonNesting, SiblingsDoNotAccumulate) {
    std::string body = "[";
    for (int i = 0; i < 10'000; ++i) body += "[],";
    body += "[]]";
    EXPECT_FALSE(json_nesting_exceeds(body, 2));
}

struct PathCase {
    const char* name;
    std::string raw;
    std::string decoded;
    bool problem;
};

class ForwardedPath : public ::testing::TestWithParam<PathCase> {};

TEST_P(ForwardedPath, ProblemOrNot) {
    const PathCase& c = GetParam();
    EXPECT_EQ(forwarded_path_problem(c.raw, c.decoded).has_value(), c.problem) << c.raw;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ForwardedPath,
    ::testing::Values(PathCase{"Plain", "/v1/chat/completions", "/v1/chat/completions", false},
                      PathCase{"GeminiColon", "/v1beta/models/gemini-2.5-pro:streamGenerateContent",
                               "/v1beta/models/gemini-2.5-pro:streamGenerateContent", false},
                      PathCase{"EncodedColonIsHarmless", "/v1beta/models/m%3AgenerateContent",
                               "/v1beta/models/m:generateContent", false},
                      PathCase{"EncodedQuestionMarkThenDots", "/v1/chat/completions%3F/../../../v1/files",
                               "/v1/chat/completions?/../../../v1/files", true},
                      PathCase{"EncodedSlash", "/v1/chat%2Fcompletions", "/v1/chat/completions", true},
                      PathCase{"EncodedSlashLowerCase", "/v1/chat%2fcompletions", "/v1/chat/completions", true},
                      PathCase{"DotSegment", "/v1/./chat/completions", "/v1/./chat/completions", true},
                      PathCase{"DotDotSegment", "/v1/x/../chat/completions", "/v1/x/../chat/completions", true},
                      PathCase{"EncodedDot", "/v1/%2e%2e/chat/completions", "/v1/../chat/completions", true},
                      PathCase{"DotsInsideNameAreFine", "/v1beta/models/gemini-1.5-pro:generateContent",
                               "/v1beta/models/gemini-1.5-pro:generateContent", false},
                      PathCase{"EncodedNul", "/v1/models%00", std::string("/v1/models\0", 11), true},
                      PathCase{"DecodedLineBreak", "/v1/models%0d%0aX", "/v1/models\r\nX", true},
                      PathCase{"Backslash", "/v1\\models", "/v1\\models", true},
                      PathCase{"TrailingPercent", "/v1/models%", "/v1/models%", false}),
    [](const ::testing::TestParamInfo<PathCase>& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace pathwise
