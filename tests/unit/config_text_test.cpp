// config_text_test.cpp — reading and editing client config files as text: every value with its span, and one
// string set while every other byte stays (expected outputs are written by hand, never produced by the code).
#include "pathwise/config_text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

using F = ConfigFormat;

// "models/0/apiBase" → {"models", "0", "apiBase"} (no case needs a '/' inside a key).
std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

std::string join(const std::vector<std::string>& path) {
    std::string out;
    for (const std::string& segment : path) out += (out.empty() ? "" : "/") + segment;
    return out;
}

// ---- reading ----------------------------------------------------------------------------------------------------

struct Expected {
    std::string_view path;
    std::string_view value;
    bool is_string;
    std::string_view as_written;  // text[begin, end)
    int line;
};

struct ReadCase {
    std::string_view name;
    ConfigFormat format;
    std::string_view text;
    std::vector<Expected> values;
};

// gtest prints a failing case by its name instead of its bytes.
void PrintTo(const ReadCase& c, std::ostream* os) {
    *os << c.name;
}

class ReadTest : public testing::TestWithParam<ReadCase> {};

TEST_P(ReadTest, FindsEveryValueWithItsSpan) {
    const ReadCase& c = GetParam();
    const auto values = read_config_values(c.format, c.text);
    ASSERT_TRUE(values.ok()) << values.error().code << ": " << values.error().message;
    ASSERT_EQ(values->size(), c.values.size());
    for (std::size_t i = 0; i < c.values.size(); ++i) {
        const ConfigValue& got = values->at(i);
        const Expected& want = c.values[i];
        EXPECT_EQ(join(got.path), want.path) << "value " << i;
        EXPECT_EQ(got.value, want.value) << want.path;
        EXPECT_EQ(got.is_string, want.is_string) << want.path;
        ASSERT_LE(got.begin, got.end);
        ASSERT_LE(got.end, c.text.size());
        EXPECT_EQ(c.text.substr(got.begin, got.end - got.begin), want.as_written) << want.path;
        EXPECT_EQ(got.line, want.line) << want.path;
    }
}

const ReadCase kReadCases[] = {
    {"Json_ClaudeSettings",
     F::json,
     "{\n"
     "  \"env\": {\n"
     "    \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045\"\n"
     "  },\n"
     "  \"permissions\": {\"allow\": [\"Bash(ls)\", 3, true, null]}\n"
     "}\n",
     {{"env/ANTHROPIC_BASE_URL", "http://127.0.0.1:8045", true, "\"http://127.0.0.1:8045\"", 3},
      {"permissions/allow/0", "Bash(ls)", true, "\"Bash(ls)\"", 5},
      {"permissions/allow/1", "3", false, "3", 5},
      {"permissions/allow/2", "true", false, "true", 5},
      {"permissions/allow/3", "null", false, "null", 5}}},
    {"Json_GeminiWithCommentsAndTrailingCommas",
     F::json,
     "// Gemini CLI settings\n"
     "{\n"
     "  /* auth */ \"security\": {\"auth\": {\"selectedType\": \"gemini-api-key\",},},\n"
     "  \"n\": -1.5e3, // a number\n"
     "}\n",
     {{"security/auth/selectedType", "gemini-api-key", true, "\"gemini-api-key\"", 3},
      {"n", "-1.5e3", false, "-1.5e3", 4}}},
    {"Json_KiloProvider",
     F::json,
     R"({"$schema": "https://kilo.ai/config.json", "provider": {"pathwise": {"npm": "@ai-sdk/openai-compatible",)"
     R"( "options": {"baseURL": "http://127.0.0.1:8045/v1"}, "models": {"gpt-4o": {}}}}})",
     {{"$schema", "https://kilo.ai/config.json", true, "\"https://kilo.ai/config.json\"", 1},
      {"provider/pathwise/npm", "@ai-sdk/openai-compatible", true, "\"@ai-sdk/openai-compatible\"", 1},
      {"provider/pathwise/options/baseURL", "http://127.0.0.1:8045/v1", true, "\"http://127.0.0.1:8045/v1\"", 1}}},
    {"Json_EscapesAndSurrogatePairs",
     F::json,
     R"({"s": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00"})",
     {{"s", "a\"b\\c/d\n\t\xC3\xA9\xF0\x9F\x98\x80", true, R"("a\"b\\c\/d\n\t\u00e9\ud83d\ude00")", 1}}},
    {"Json_ByteOrderMarkAndCrlf", F::json, "\xEF\xBB\xBF{\r\n  \"a\": \"b\"\r\n}\r\n", {{"a", "b", true, "\"b\"", 2}}},
    {"Json_EmptyAndCommentOnlyHaveNoValues", F::json, "  // nothing yet\n", {}},
    {"Toml_CodexConfig",
     F::toml,
     "# Codex\n"
     "model = \"gpt-5\"\n"
     "model_provider = \"pathwise\"\n"
     "\n"
     "[model_providers.pathwise]\n"
     "name = \"Pathwise\"\n"
     "base_url = 'http://127.0.0.1:8045/v1'\n"
     "env_key = \"PATHWISE_KEY\"\n"
     "wire_api = \"responses\"\n"
     "supports_websockets = false\n"
     "query_params = { \"api-version\" = \"2025-04-01\" }\n"
     "\n"
     "[profiles.fast]\n"
     "model_reasoning_effort = \"low\" # quick\n",
     {{"model", "gpt-5", true, "\"gpt-5\"", 2},
      {"model_provider", "pathwise", true, "\"pathwise\"", 3},
      {"model_providers/pathwise/name", "Pathwise", true, "\"Pathwise\"", 6},
      {"model_providers/pathwise/base_url", "http://127.0.0.1:8045/v1", true, "'http://127.0.0.1:8045/v1'", 7},
      {"model_providers/pathwise/env_key", "PATHWISE_KEY", true, "\"PATHWISE_KEY\"", 8},
      {"model_providers/pathwise/wire_api", "responses", true, "\"responses\"", 9},
      {"model_providers/pathwise/supports_websockets", "false", false, "false", 10},
      {"model_providers/pathwise/query_params/api-version", "2025-04-01", true, "\"2025-04-01\"", 11},
      {"profiles/fast/model_reasoning_effort", "low", true, "\"low\"", 14}}},
    {"Toml_ArraysOfTablesGetIndexes",
     F::toml,
     "[[mcp]]\nname = \"a\"\n[[mcp]]\nname = \"b\"\n[mcp.env]\nK = 1\n",
     {{"mcp/0/name", "a", true, "\"a\"", 2},
      {"mcp/1/name", "b", true, "\"b\"", 4},
      {"mcp/1/env/K", "1", false, "1", 6}}},
    {"Toml_DottedAndQuotedKeys",
     F::toml,
     "a.b = 1\n\"k x\" = 'v'\n[model_providers.\"my proxy\"]\nsite.\"x.y\" = 2\n",
     {{"a/b", "1", false, "1", 1},
      {"k x", "v", true, "'v'", 2},
      {"model_providers/my proxy/site/x.y", "2", false, "2", 4}}},
    {"Toml_NumbersDatesAndBooleansAsWritten",
     F::toml,
     "i = +1_000\nh = 0xDEAD_beef\nf = -3.5e-2\nn = nan\nd = 1979-05-27T07:32:00-08:00\nl = 1979-05-27 07:32:00\n"
     "t = 07:32:00.5\nb = true\n",
     {{"i", "+1_000", false, "+1_000", 1},
      {"h", "0xDEAD_beef", false, "0xDEAD_beef", 2},
      {"f", "-3.5e-2", false, "-3.5e-2", 3},
      {"n", "nan", false, "nan", 4},
      {"d", "1979-05-27T07:32:00-08:00", false, "1979-05-27T07:32:00-08:00", 5},
      {"l", "1979-05-27 07:32:00", false, "1979-05-27 07:32:00", 6},
      {"t", "07:32:00.5", false, "07:32:00.5", 7},
      {"b", "true", false, "true", 8}}},
    {"Toml_MultiLineStringsAndArrays",
     F::toml,
     "s = \"\"\"\none\\\n    two \\u00e9\"\"\"\n"
     "l = '''\nraw \\n ''quoted'''''\n"
     "a = [\n  \"x\", # first\n  [1, 2],\n  { k = \"v\" },\n]\n",
     {{"s", "onetwo \xC3\xA9", true, "\"\"\"\none\\\n    two \\u00e9\"\"\"", 1},
      {"l", "raw \\n ''quoted''", true, "'''\nraw \\n ''quoted'''''", 4},
      {"a/0", "x", true, "\"x\"", 7},
      {"a/1/0", "1", false, "1", 8},
      {"a/1/1", "2", false, "2", 8},
      {"a/2/k", "v", true, "\"v\"", 9}}},
    {"Yaml_ContinueConfig",
     F::yaml,
     "name: Local\n"
     "version: 1.0.0\n"
     "schema: v1\n"
     "models:\n"
     "  - name: pathwise\n"
     "    provider: openai\n"
     "    model: gpt-4o-mini\n"
     "    apiBase: http://127.0.0.1:8045/v1\n"
     "    roles:\n"
     "      - chat\n",
     {{"name", "Local", true, "Local", 1},
      {"version", "1.0.0", true, "1.0.0", 2},
      {"schema", "v1", true, "v1", 3},
      {"models/0/name", "pathwise", true, "pathwise", 5},
      {"models/0/provider", "openai", true, "openai", 6},
      {"models/0/model", "gpt-4o-mini", true, "gpt-4o-mini", 7},
      {"models/0/apiBase", "http://127.0.0.1:8045/v1", true, "http://127.0.0.1:8045/v1", 8},
      {"models/0/roles/0", "chat", true, "chat", 10}}},
    {"Yaml_QuotesCommentsMarkerAndSameIndentList",
     F::yaml,
     "# Continue\n"
     "---\n"
     "models:\n"
     "- name: 'it''s'  # single\n"
     "  apiKey: \"a\\tb\\u00e9\"\n"
     "  contextLength: 8192\n"
     "  default: true\n"
     "  empty:\n"
     "  \"quoted key\": x # c\n",
     {{"models/0/name", "it's", true, "'it''s'", 4},
      {"models/0/apiKey", "a\tb\xC3\xA9", true, "\"a\\tb\\u00e9\"", 5},
      {"models/0/contextLength", "8192", false, "8192", 6},
      {"models/0/default", "true", false, "true", 7},
      {"models/0/empty", "", false, "", 8},
      {"models/0/quoted key", "x", true, "x", 9}}},
    {"Yaml_EmptyFlowCollectionsHaveNoValues", F::yaml, "rules: []\ncontext: {}\nn: ~\n", {{"n", "~", false, "~", 3}}},
    {"Dotenv_GeminiEnv",
     F::dotenv,
     "# Gemini\n"
     "export GEMINI_API_KEY=abc123\n"
     "GOOGLE_GEMINI_BASE_URL=\"http://127.0.0.1:8045 # not a comment\"\n"
     "A='x'\n"
     "B=value # comment\n"
     "\n"
     "C=\n"
     "D=\"line\\nbreak\"\n",
     {{"GEMINI_API_KEY", "abc123", true, "abc123", 2},
      {"GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:8045 # not a comment", true,
       "\"http://127.0.0.1:8045 # not a comment\"", 3},
      {"A", "x", true, "'x'", 4},
      {"B", "value", true, "value", 5},
      {"C", "", true, "", 7},
      {"D", "line\nbreak", true, "\"line\\nbreak\"", 8}}},
    {"Dotenv_CrlfAndMultiLineQuotes",
     F::dotenv,
     "A=1\r\nKEY=\"two\nlines\"\r\n",
     {{"A", "1", true, "1", 1}, {"KEY", "two\nlines", true, "\"two\nlines\"", 2}}},
};

INSTANTIATE_TEST_SUITE_P(ConfigText, ReadTest, testing::ValuesIn(kReadCases),
                         [](const testing::TestParamInfo<ReadCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// ---- setting: the whole output, written by hand -------------------------------------------------------------------

struct SetCase {
    std::string_view name;
    ConfigFormat format;
    std::string_view text;
    std::string_view path;
    std::string_view value;
    std::string_view expected;
};

void PrintTo(const SetCase& c, std::ostream* os) {
    *os << c.name;
}

class SetTest : public testing::TestWithParam<SetCase> {};

TEST_P(SetTest, WritesExactlyTheExpectedText) {
    const SetCase& c = GetParam();
    const std::vector<std::string_view> path = split(c.path);
    const auto edited = set_config_string(c.format, c.text, path, c.value);
    ASSERT_TRUE(edited.ok()) << edited.error().code << ": " << edited.error().message;
    EXPECT_EQ(edited.value(), c.expected);
    // Round trip: the value reads back, as a string, at the path.
    const auto values = read_config_values(c.format, edited.value());
    ASSERT_TRUE(values.ok()) << values.error().message;
    const ConfigValue* found = find_config_value(values.value(), path);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->value, c.value);
    EXPECT_TRUE(found->is_string);
    // Setting it again changes nothing.
    const auto again = set_config_string(c.format, edited.value(), path, c.value);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), edited.value());
}

constexpr std::string_view kClaude =
    "{\n"
    "  // Claude Code\n"
    "  \"env\": {\n"
    "    \"ANTHROPIC_BASE_URL\": \"https://api.anthropic.com\",\n"
    "    \"DISABLE_TELEMETRY\": \"1\"\n"
    "  },\n"
    "  \"permissions\": {\"allow\": [\"Bash(ls)\"]}\n"
    "}\n";

constexpr std::string_view kCodex =
    "# Codex config\n"
    "model = \"gpt-5\"\n"
    "\n"
    "[model_providers.pathwise]\n"
    "name = \"Pathwise\"\n"
    "base_url = \"http://127.0.0.1:8045/v1\"\n"
    "\n"
    "# analytics off\n"
    "[analytics]\n"
    "enabled = false\n";

constexpr std::string_view kContinue =
    "name: Local\n"
    "version: 1.0.0\n"
    "schema: v1\n"
    "models:\n"
    "  - name: pathwise\n"
    "    provider: openai\n"
    "    roles:\n"
    "      - chat\n"
    "  - name: other # second\n"
    "    provider: ollama\n"
    "\n"
    "# context providers follow\n";

const SetCase kSetCases[] = {
    // JSON
    {"Json_ReplacesExistingValue", F::json, kClaude, "env/ANTHROPIC_BASE_URL", "http://127.0.0.1:8045",
     "{\n"
     "  // Claude Code\n"
     "  \"env\": {\n"
     "    \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8045\",\n"
     "    \"DISABLE_TELEMETRY\": \"1\"\n"
     "  },\n"
     "  \"permissions\": {\"allow\": [\"Bash(ls)\"]}\n"
     "}\n"},
    {"Json_UnchangedWhenEqual", F::json, kClaude, "env/DISABLE_TELEMETRY", "1", kClaude},
    {"Json_InsertsLastMemberOfExistingObject", F::json, kClaude, "env/ANTHROPIC_AUTH_TOKEN", "pw-1",
     "{\n"
     "  // Claude Code\n"
     "  \"env\": {\n"
     "    \"ANTHROPIC_BASE_URL\": \"https://api.anthropic.com\",\n"
     "    \"DISABLE_TELEMETRY\": \"1\",\n"
     "    \"ANTHROPIC_AUTH_TOKEN\": \"pw-1\"\n"
     "  },\n"
     "  \"permissions\": {\"allow\": [\"Bash(ls)\"]}\n"
     "}\n"},
    {"Json_CreatesNestedObjects", F::json, "{\n    \"permissions\": {}\n}\n", "env/ANTHROPIC_BASE_URL", "http://h",
     "{\n"
     "    \"permissions\": {},\n"
     "    \"env\": {\n"
     "        \"ANTHROPIC_BASE_URL\": \"http://h\"\n"
     "    }\n"
     "}\n"},
    {"Json_OneLineObjectStaysOneLine", F::json, "{\"a\": 1}", "env/K", "v", "{\"a\": 1, \"env\": {\"K\": \"v\"}}"},
    {"Json_EmptyTextBecomesNewDocument", F::json, "", "env/K", "v", "{\n  \"env\": {\n    \"K\": \"v\"\n  }\n}\n"},
    {"Json_WhitespaceOnlyBecomesNewDocument", F::json, " \n\n", "K", "v", "{\n  \"K\": \"v\"\n}\n"},
    {"Json_EmptyObjectGetsMultiLineMember", F::json, "{}", "env/K", "v", "{\n  \"env\": {\n    \"K\": \"v\"\n  }\n}"},
    {"Json_EmptyNestedObjectFilled", F::json, "{\n  \"env\": {}\n}\n", "env/K", "v",
     "{\n  \"env\": {\n    \"K\": \"v\"\n  }\n}\n"},
    {"Json_CrlfAndTabsPreserved", F::json, "{\r\n\t\"a\": 1\r\n}\r\n", "b", "v",
     "{\r\n\t\"a\": 1,\r\n\t\"b\": \"v\"\r\n}\r\n"},
    {"Json_TrailingCommaKept", F::json, "{\n  \"a\": 1,\n}", "b", "v", "{\n  \"a\": 1,\n  \"b\": \"v\",\n}"},
    {"Json_LineCommentStaysWithItsMember", F::json, "{\n  \"a\": 1 // keep\n}\n", "b", "v",
     "{\n  \"a\": 1, // keep\n  \"b\": \"v\"\n}\n"},
    {"Json_EscapesTheNewValue", F::json, "{\"k\": \"old\"}", "k", "a\"b\\c\n\x01\xC3\xA9",
     "{\"k\": \"a\\\"b\\\\c\\n\\u0001\xC3\xA9\"}"},
    {"Json_ReplacesNumberWithString", F::json, "{\"port\": 8045}", "port", "8046", "{\"port\": \"8046\"}"},
    {"Json_SetsArrayElementByIndex", F::json, "{\"a\": [\"x\", \"y\"]}", "a/1", "z", "{\"a\": [\"x\", \"z\"]}"},
    {"Json_OpenCodeProviderInsertedDeep", F::json,
     "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"provider\": {\n    \"pathwise\": {\n"
     "      \"npm\": \"@ai-sdk/openai-compatible\"\n    }\n  }\n}\n",
     "provider/pathwise/options/baseURL", "http://127.0.0.1:8045/v1",
     "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"provider\": {\n    \"pathwise\": {\n"
     "      \"npm\": \"@ai-sdk/openai-compatible\",\n      \"options\": {\n"
     "        \"baseURL\": \"http://127.0.0.1:8045/v1\"\n      }\n    }\n  }\n}\n"},
    {"Json_DuplicateKeyFirstIsEdited", F::json, "{\"a\": \"1\", \"a\": \"2\"}", "a", "3",
     "{\"a\": \"3\", \"a\": \"2\"}"},
    {"Json_CommentsOnlyFileGetsDocumentAfterThem", F::json, "// settings\n", "K", "v",
     "// settings\n{\n  \"K\": \"v\"\n}\n"},
    {"Json_CompactColonKept", F::json, "{\n  \"a\":1\n}", "b", "v", "{\n  \"a\":1,\n  \"b\":\"v\"\n}"},
    // TOML
    {"Toml_ReplacesExistingValue", F::toml, kCodex, "model_providers/pathwise/base_url", "http://127.0.0.1:9000/v1",
     "# Codex config\n"
     "model = \"gpt-5\"\n"
     "\n"
     "[model_providers.pathwise]\n"
     "name = \"Pathwise\"\n"
     "base_url = \"http://127.0.0.1:9000/v1\"\n"
     "\n"
     "# analytics off\n"
     "[analytics]\n"
     "enabled = false\n"},
    {"Toml_UnchangedWhenEqual", F::toml, kCodex, "model", "gpt-5", kCodex},
    {"Toml_UnchangedWhenEqualInLiteralString", F::toml, "a = 'x'\n", "a", "x", "a = 'x'\n"},
    {"Toml_TopLevelKeyInsertedBeforeFirstTable", F::toml, kCodex, "model_provider", "pathwise",
     "# Codex config\n"
     "model = \"gpt-5\"\n"
     "model_provider = \"pathwise\"\n"
     "\n"
     "[model_providers.pathwise]\n"
     "name = \"Pathwise\"\n"
     "base_url = \"http://127.0.0.1:8045/v1\"\n"
     "\n"
     "# analytics off\n"
     "[analytics]\n"
     "enabled = false\n"},
    {"Toml_TopLevelKeyAfterLeadingCommentsWhenNoKeys", F::toml, "# Codex\n\n[analytics]\nenabled = false\n", "model",
     "gpt-5", "# Codex\nmodel = \"gpt-5\"\n\n[analytics]\nenabled = false\n"},
    {"Toml_TopLevelKeyAtTopWhenFileStartsWithHeader", F::toml, "[analytics]\nenabled = false\n", "model", "gpt-5",
     "model = \"gpt-5\"\n\n[analytics]\nenabled = false\n"},
    {"Toml_KeyAddedAfterTablesLastKeyBeforeComments", F::toml, kCodex, "model_providers/pathwise/wire_api", "responses",
     "# Codex config\n"
     "model = \"gpt-5\"\n"
     "\n"
     "[model_providers.pathwise]\n"
     "name = \"Pathwise\"\n"
     "base_url = \"http://127.0.0.1:8045/v1\"\n"
     "wire_api = \"responses\"\n"
     "\n"
     "# analytics off\n"
     "[analytics]\n"
     "enabled = false\n"},
    {"Toml_KeyAddedToHeaderOnlyTable", F::toml, "[profiles.x]\n\n[b]\n", "profiles/x/model", "m",
     "[profiles.x]\nmodel = \"m\"\n\n[b]\n"},
    {"Toml_MissingTableAppended", F::toml, kCodex, "profiles/fast/model", "gpt-5-mini",
     "# Codex config\n"
     "model = \"gpt-5\"\n"
     "\n"
     "[model_providers.pathwise]\n"
     "name = \"Pathwise\"\n"
     "base_url = \"http://127.0.0.1:8045/v1\"\n"
     "\n"
     "# analytics off\n"
     "[analytics]\n"
     "enabled = false\n"
     "\n"
     "[profiles.fast]\n"
     "model = \"gpt-5-mini\"\n"},
    {"Toml_QuotedTableNameWhenNeeded", F::toml, "model = \"a\"", "model_providers/my proxy/base_url", "http://h",
     "model = \"a\"\n\n[model_providers.\"my proxy\"]\nbase_url = \"http://h\""},
    {"Toml_EmptyFileGetsTable", F::toml, "", "model_providers/pathwise/name", "Pathwise",
     "[model_providers.pathwise]\nname = \"Pathwise\"\n"},
    {"Toml_EmptyFileGetsTopLevelKey", F::toml, "", "model", "gpt-5", "model = \"gpt-5\"\n"},
    {"Toml_DottedKeyReplacedInPlace", F::toml, "[p]\nsite.url = \"old\" # note\n", "p/site/url", "new",
     "[p]\nsite.url = \"new\" # note\n"},
    {"Toml_DottedTableExtendedWithDottedKey", F::toml, "a.b = 1\n\n[t]\n", "a/c", "v", "a.b = 1\na.c = \"v\"\n\n[t]\n"},
    {"Toml_InlineTableValueReplaced", F::toml, "[p]\nquery_params = { \"api-version\" = \"2024\" }\n",
     "p/query_params/api-version", "2025-04-01", "[p]\nquery_params = { \"api-version\" = \"2025-04-01\" }\n"},
    {"Toml_InlineTableExtended", F::toml, "q = { a = 1 }\n", "q/b", "v", "q = { a = 1, b = \"v\" }\n"},
    {"Toml_ArrayOfTablesElementKeyAdded", F::toml, "[[mcp]]\nname = \"a\"\n\n[[mcp]]\nname = \"b\"\n", "mcp/0/url", "u",
     "[[mcp]]\nname = \"a\"\nurl = \"u\"\n\n[[mcp]]\nname = \"b\"\n"},
    {"Toml_ImpliedTableGetsItsHeader", F::toml, "[a.b]\nx = 1\n", "a/k", "v", "[a.b]\nx = 1\n\n[a]\nk = \"v\"\n"},
    {"Toml_CrlfPreserved", F::toml, "model = \"a\"\r\n[t]\r\nx = 1\r\n", "t/y", "v",
     "model = \"a\"\r\n[t]\r\nx = 1\r\ny = \"v\"\r\n"},
    {"Toml_NoTrailingNewlinePreserved", F::toml, "[t]\nx = 1", "t/y", "v", "[t]\nx = 1\ny = \"v\""},
    {"Toml_IndentedKeysKeepIndentation", F::toml, "[t]\n  x = 1\n", "t/y", "v", "[t]\n  x = 1\n  y = \"v\"\n"},
    {"Toml_EscapesTheNewValue", F::toml, "k = 1\n", "k", "a\"b\\c\n\x7F", "k = \"a\\\"b\\\\c\\n\\u007F\"\n"},
    {"Toml_KeyAfterMultiLineArray", F::toml, "[t]\nx = [\n  1,\n  2,\n] # c\n\n[u]\n", "t/y", "v",
     "[t]\nx = [\n  1,\n  2,\n] # c\ny = \"v\"\n\n[u]\n"},
    {"Toml_DottedTableInsideHeaderSection", F::toml, "[p]\nsite.url = \"u\"\n\n[q]\n", "p/site/name", "n",
     "[p]\nsite.url = \"u\"\nsite.name = \"n\"\n\n[q]\n"},
    {"Toml_NonStringReplacedByString", F::toml, "[p]\nsupports_websockets = false # off\n", "p/supports_websockets",
     "no", "[p]\nsupports_websockets = \"no\" # off\n"},
    {"Toml_CommentsOnlyFileGetsTopLevelKey", F::toml, "# only a comment", "model", "m",
     "# only a comment\nmodel = \"m\""},
    // YAML
    {"Yaml_ReplacesPlainScalar", F::yaml, kContinue, "models/0/provider", "anthropic",
     "name: Local\n"
     "version: 1.0.0\n"
     "schema: v1\n"
     "models:\n"
     "  - name: pathwise\n"
     "    provider: anthropic\n"
     "    roles:\n"
     "      - chat\n"
     "  - name: other # second\n"
     "    provider: ollama\n"
     "\n"
     "# context providers follow\n"},
    {"Yaml_UnchangedWhenEqual", F::yaml, kContinue, "models/1/name", "other", kContinue},
    {"Yaml_InsertsIntoListItemMapAfterNestedChildren", F::yaml, kContinue, "models/0/apiBase",
     "http://127.0.0.1:8045/v1",
     "name: Local\n"
     "version: 1.0.0\n"
     "schema: v1\n"
     "models:\n"
     "  - name: pathwise\n"
     "    provider: openai\n"
     "    roles:\n"
     "      - chat\n"
     "    apiBase: http://127.0.0.1:8045/v1\n"
     "  - name: other # second\n"
     "    provider: ollama\n"
     "\n"
     "# context providers follow\n"},
    {"Yaml_InsertsTopLevelKeyAfterLastEntry", F::yaml, kContinue, "description", "made by pathwise",
     "name: Local\n"
     "version: 1.0.0\n"
     "schema: v1\n"
     "models:\n"
     "  - name: pathwise\n"
     "    provider: openai\n"
     "    roles:\n"
     "      - chat\n"
     "  - name: other # second\n"
     "    provider: ollama\n"
     "description: made by pathwise\n"
     "\n"
     "# context providers follow\n"},
    {"Yaml_CreatesNestedMapsWithDetectedIndent", F::yaml, "a:\n    b: 1\n", "c/d/e", "v",
     "a:\n    b: 1\nc:\n    d:\n        e: v\n"},
    {"Yaml_QuotesValuesThatWouldNotStayStrings", F::yaml, "a: x\n", "a", "yes", "a: \"yes\"\n"},
    {"Yaml_QuotesValuesWithColonSpaceOrHash", F::yaml, "a: x\n", "a", "k: v #c", "a: \"k: v #c\"\n"},
    {"Yaml_ReplacesQuotedScalarKeepingComment", F::yaml, "apiKey: 'old' # secret\n", "apiKey", "new",
     "apiKey: new # secret\n"},
    {"Yaml_FillsEmptyValue", F::yaml, "a:\nb: 1\n", "a", "v", "a: v\nb: 1\n"},
    {"Yaml_EmptyValueBecomesMap", F::yaml, "env:   # later\nb: 1\n", "env/K", "v", "env:   # later\n  K: v\nb: 1\n"},
    {"Yaml_EmptyFile", F::yaml, "", "models/x", "v", "models:\n  x: v\n"},
    {"Yaml_CommentOnlyFileNoTrailingNewline", F::yaml, "# new", "name", "Local", "# new\nname: Local"},
    {"Yaml_CrlfPreserved", F::yaml, "a: 1\r\nb:\r\n  c: 2\r\n", "b/d", "v", "a: 1\r\nb:\r\n  c: 2\r\n  d: v\r\n"},
    {"Yaml_NoTrailingNewlinePreserved", F::yaml, "a: 1", "b", "v", "a: 1\nb: v"},
    {"Yaml_SameIndentListItem", F::yaml, "models:\n- name: a\n  roles:\n  - chat\nx: 1\n", "models/0/apiBase", "u",
     "models:\n- name: a\n  roles:\n  - chat\n  apiBase: u\nx: 1\n"},
    {"Yaml_DocumentMarkerKept", F::yaml, "---\nname: a\n", "name", "b", "---\nname: b\n"},
    {"Yaml_RootListItemReplaced", F::yaml, "- a\n- b # two\n", "1", "c", "- a\n- c # two\n"},
    {"Yaml_ValueOnNextLineReplaced", F::yaml, "key:\n  old\nb: 1\n", "key", "new", "key:\n  new\nb: 1\n"},
    {"Yaml_DoubleQuotedWhenNeeded", F::yaml, "a: x\n", "a", "-dash\tand \"q\"", "a: \"-dash\\tand \\\"q\\\"\"\n"},
    // dotenv
    {"Dotenv_ReplacesBareValue", F::dotenv, "# Gemini\nGEMINI_API_KEY=old # key\nX=1\n", "GEMINI_API_KEY", "new",
     "# Gemini\nGEMINI_API_KEY=new # key\nX=1\n"},
    {"Dotenv_UnchangedWhenEqual", F::dotenv, "export A='x'\n", "A", "x", "export A='x'\n"},
    {"Dotenv_QuotesWhenNeeded", F::dotenv, "A=1\n", "A", "has space # and hash", "A=\"has space # and hash\"\n"},
    {"Dotenv_SingleQuotesForBackslashes", F::dotenv, "A=1\n", "A", "C:\\dir", "A='C:\\dir'\n"},
    {"Dotenv_EscapesNewlinesInDoubleQuotes", F::dotenv, "A=1\n", "A", "it's\n2", "A=\"it's\\n2\"\n"},
    {"Dotenv_AppendsMissingKey", F::dotenv, "A=1\n", "GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:8045",
     "A=1\nGOOGLE_GEMINI_BASE_URL=http://127.0.0.1:8045\n"},
    {"Dotenv_AppendsWithNewlineWhenMissing", F::dotenv, "A=1", "B", "2", "A=1\nB=2"},
    {"Dotenv_EmptyFile", F::dotenv, "", "B", "2", "B=2\n"},
    {"Dotenv_CrlfPreserved", F::dotenv, "A=1\r\n", "B", "2", "A=1\r\nB=2\r\n"},
    {"Dotenv_FillsEmptyValue", F::dotenv, "A=\nB=1\n", "A", "x", "A=x\nB=1\n"},
};

INSTANTIATE_TEST_SUITE_P(ConfigText, SetTest, testing::ValuesIn(kSetCases),
                         [](const testing::TestParamInfo<SetCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// ---- errors -------------------------------------------------------------------------------------------------------

struct ErrorCase {
    std::string_view name;
    ConfigFormat format;
    std::string_view text;
    std::string_view path;  // empty: read only
    std::string_view code;
    std::string_view message_part;
};

void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.name;
}

class ErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(ErrorTest, RefusesWithAnActionableMessage) {
    const ErrorCase& c = GetParam();
    if (c.path.empty()) {
        const auto values = read_config_values(c.format, c.text);
        ASSERT_FALSE(values.ok());
        EXPECT_EQ(values.error().code, c.code);
        EXPECT_NE(values.error().message.find(c.message_part), std::string::npos) << values.error().message;
    }
    const std::vector<std::string_view> path = c.path.empty() ? std::vector<std::string_view>{"x"} : split(c.path);
    const auto edited = set_config_string(c.format, c.text, path, "v");
    ASSERT_FALSE(edited.ok());
    EXPECT_EQ(edited.error().code, c.code);
    EXPECT_NE(edited.error().message.find(c.message_part), std::string::npos) << edited.error().message;
}

const ErrorCase kErrorCases[] = {
    {"Json_MissingCommaHasLineColumn", F::json, "{\n  \"a\": 1\n  \"b\": 2\n}", "", "config_syntax",
     "line 3:3 (line:column): expected ',' or '}'"},
    {"Json_UnterminatedString", F::json, "{\"a\": \"x}\n", "", "config_syntax", "line 1:7"},
    {"Json_UnterminatedComment", F::json, "{\"a\": 1 /* open\n}", "", "config_syntax", "/* comment is not closed"},
    {"Json_UnclosedObject", F::json, "{\"a\": {\"b\": 1}", "", "config_syntax", "never closed"},
    {"Json_SingleQuotes", F::json, "{'a': 1}", "", "config_syntax", "line 1:2"},
    {"Json_BareWord", F::json, "{\"a\": yes}", "", "config_syntax", "line 1:7"},
    {"Json_LeadingZero", F::json, "{\"a\": 012}", "", "config_syntax", "not a valid number"},
    {"Json_LoneSurrogate", F::json, "{\"a\": \"\\ud83d\"}", "", "config_syntax", "surrogate"},
    {"Json_TwoDocuments", F::json, "{} {}", "", "config_syntax", "end of the file"},
    {"Json_DeepNestingBounded", F::json,
     std::string_view("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                      "[[[[[[[[[[[["),
     "", "config_unsupported", "deeper than 64"},
    {"Json_PathThroughString", F::json, "{\"env\": \"x\"}", "env/K", "config_path_conflict",
     "Cannot set env.K: env is a value (x) at line 1:9, not an object"},
    {"Json_PathToObject", F::json, "{\"env\": {}}", "env", "config_path_conflict", "it is an object"},
    {"Json_IndexOutOfRange", F::json, "{\"a\": [1]}", "a/1", "config_path_conflict", "a is a list of 1 items"},
    {"Json_RootIsArray", F::json, "[1]", "env/K", "config_path_conflict", "the document is a list"},
    {"Toml_UnterminatedString", F::toml, "a = \"x\nb = 1\n", "", "config_syntax", "line 1:5"},
    {"Toml_UnterminatedMultiLineString", F::toml, "a = '''x\n", "", "config_syntax", "never closed"},
    {"Toml_BareWordValue", F::toml, "model = gpt-5\n", "", "config_syntax", "line 1:9"},
    {"Toml_DuplicateKey", F::toml, "a = 1\na = 2\n", "", "config_syntax", "defined twice (first at line 1)"},
    {"Toml_DuplicateTable", F::toml, "[t]\n[t]\n", "", "config_syntax", "line 2:1"},
    {"Toml_TextAfterValue", F::toml, "a = 1 2\n", "", "config_syntax", "expected the end of the line"},
    {"Toml_InlineTableAcrossLines", F::toml, "a = { b = 1,\n c = 2 }\n", "", "config_syntax", "on the line"},
    {"Toml_UnclosedHeader", F::toml, "[a\n", "", "config_syntax", "expected ']'"},
    {"Toml_DeepArrayBounded", F::toml, "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
     "", "config_unsupported", "deeper than 64"},
    {"Toml_PathThroughScalar", F::toml, "model = \"gpt-5\"\n", "model/x", "config_path_conflict",
     "model is a value (gpt-5) at line 1:9, not a table"},
    {"Toml_PathToTable", F::toml, "[t]\n", "t", "config_path_conflict", "it is a table"},
    {"Toml_ArrayOfTablesIndexMissing", F::toml, "[[mcp]]\nname = \"a\"\n", "mcp/3/name", "config_path_conflict",
     "mcp is a list of 1 items"},
    {"Yaml_Anchor", F::yaml, "base: &b x\n", "", "config_unsupported", "anchor"},
    {"Yaml_Alias", F::yaml, "a: x\nb: *a\n", "", "config_unsupported", "line 2:4"},
    {"Yaml_Tag", F::yaml, "a: !!str 1\n", "", "config_unsupported", "tag"},
    {"Yaml_FlowMap", F::yaml, "a: {b: 1}\n", "", "config_unsupported", "flow collection"},
    {"Yaml_FlowList", F::yaml, "roles: [chat, edit]\n", "", "config_unsupported", "flow collection"},
    {"Yaml_BlockScalar", F::yaml, "rules: |\n  be nice\n", "", "config_unsupported", "block scalar"},
    {"Yaml_MultiDocument", F::yaml, "a: 1\n---\nb: 2\n", "", "config_unsupported", "several documents"},
    {"Yaml_MultiLinePlainScalar", F::yaml, "a: one\n  two\n", "", "config_unsupported", "continued"},
    {"Yaml_TabIndentation", F::yaml, "a:\n\tb: 1\n", "", "config_syntax", "line 2:1 (line:column): a tab"},
    {"Yaml_UnterminatedQuote", F::yaml, "a: \"x\n", "", "config_syntax", "never closed"},
    {"Yaml_BadIndentation", F::yaml, "a:\n    b: 1\n  c: 2\n", "", "config_syntax", "line 3:3"},
    {"Yaml_DuplicateKey", F::yaml, "a: 1\na: 2\n", "", "config_syntax", "appears twice"},
    {"Yaml_ColonSpaceInPlainValue", F::yaml, "a: b: c\n", "", "config_syntax", "quotes"},
    {"Yaml_PathThroughScalar", F::yaml, "name: Local\n", "name/x", "config_path_conflict",
     "name is a value (Local) at line 1:7, not a map"},
    {"Yaml_IndexMissing", F::yaml, "models:\n  - name: a\n", "models/1/apiBase", "config_path_conflict",
     "models is a list of 1 items"},
    {"Yaml_KeyIntoList", F::yaml, "models:\n  - name: a\n", "models/name", "config_path_conflict",
     "is not one of them"},
    {"Yaml_InsertIntoEmptyFlowMap", F::yaml, "context: {}\n", "context/x", "config_unsupported", "{} or []"},
    {"Dotenv_LineWithoutEquals", F::dotenv, "A=1\nnonsense\n", "", "config_syntax",
     "line 2:9 (line:column): expected '='"},
    {"Dotenv_UnterminatedQuote", F::dotenv, "A=\"x\n", "", "config_syntax", "never closed"},
    {"Dotenv_TextAfterQuote", F::dotenv, "A=\"x\" y\n", "", "config_syntax", "line 1:7"},
    {"Dotenv_NestedPath", F::dotenv, "A=1\n", "A/B", "config_path_conflict", "one key"},
    {"Dotenv_InvalidName", F::dotenv, "A=1\n", "1BAD", "config_path_conflict", "not a variable name"},
};

INSTANTIATE_TEST_SUITE_P(ConfigText, ErrorTest, testing::ValuesIn(kErrorCases),
                         [](const testing::TestParamInfo<ErrorCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// ---- the rest -----------------------------------------------------------------------------------------------------

TEST(ConfigText, FindReturnsFirstMatchOrNull) {
    const auto values = read_config_values(F::json, R"({"a": {"b": "1"}, "c": "2"})");
    ASSERT_TRUE(values.ok());
    const std::array<std::string_view, 2> ab{"a", "b"};
    const std::array<std::string_view, 1> a{"a"};
    ASSERT_NE(find_config_value(values.value(), ab), nullptr);
    EXPECT_EQ(find_config_value(values.value(), ab)->value, "1");
    EXPECT_EQ(find_config_value(values.value(), a), nullptr);
}

TEST(ConfigText, EmptyPathIsAConflict) {
    const auto edited = set_config_string(F::json, "{}", {}, "v");
    ASSERT_FALSE(edited.ok());
    EXPECT_EQ(edited.error().code, "config_path_conflict");
}

TEST(ConfigText, Json_HostileNestingDoesNotOverflow) {
    const std::string deep(100000, '[');
    const auto values = read_config_values(F::json, deep);
    ASSERT_FALSE(values.ok());
    EXPECT_EQ(values.error().code, "config_unsupported");
}

TEST(ConfigText, Yaml_HostileNestingDoesNotOverflow) {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    const auto values = read_config_values(F::yaml, deep);
    ASSERT_FALSE(values.ok());
    EXPECT_EQ(values.error().code, "config_unsupported");
}

TEST(ConfigText, Toml_ArrayOfTablesNotLastCannotGrowASubTable) {
    const std::array<std::string_view, 4> path{"mcp", "0", "env", "K"};
    const auto edited = set_config_string(F::toml, "[[mcp]]\nname = \"a\"\n[[mcp]]\nname = \"b\"\n", path, "v");
    ASSERT_FALSE(edited.ok());
    EXPECT_EQ(edited.error().code, "config_unsupported");
}

TEST(ConfigText, Toml_ArrayOfTablesLastGrowsASubTable) {
    const std::array<std::string_view, 4> path{"mcp", "1", "env", "K"};
    const auto edited = set_config_string(F::toml, "[[mcp]]\nname = \"a\"\n[[mcp]]\nname = \"b\"\n", path, "v");
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    EXPECT_EQ(edited.value(), "[[mcp]]\nname = \"a\"\n[[mcp]]\nname = \"b\"\n\n[mcp.env]\nK = \"v\"\n");
}

// set_config_literal: a boolean written unquoted, in the place the string editor would put a string.
TEST(ConfigText, Literal_TomlBooleanAppendedToItsTable_AndIdempotent) {
    const std::string_view text = "model = \"x\"\n\n[model_providers.p]\nbase_url = \"http://h/v1\"\n";
    const std::array<std::string_view, 3> path{"model_providers", "p", "supports_websockets"};
    const auto edited = set_config_literal(ConfigFormat::toml, text, path, "false");
    ASSERT_TRUE(edited) << edited.error().message;
    EXPECT_EQ(edited.value(),
              "model = \"x\"\n\n[model_providers.p]\nbase_url = \"http://h/v1\"\nsupports_websockets = false\n");
    const auto again = set_config_literal(ConfigFormat::toml, edited.value(), path, "false");
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value(), edited.value());
}

TEST(ConfigText, Literal_ReplacesAStringOrBoolean_InJson) {
    const std::array<std::string_view, 1> path{"enabled"};
    const auto from_string = set_config_literal(ConfigFormat::json, "{\"enabled\": \"yes\"}", path, "true");
    ASSERT_TRUE(from_string);
    EXPECT_EQ(from_string.value(), "{\"enabled\": true}");
    const auto from_bool = set_config_literal(ConfigFormat::json, "{\"enabled\": true}", path, "false");
    ASSERT_TRUE(from_bool);
    EXPECT_EQ(from_bool.value(), "{\"enabled\": false}");
}

TEST(ConfigText, Literal_MustBeOnePlainWord) {
    const std::array<std::string_view, 1> path{"a"};
    const auto quoted = set_config_literal(ConfigFormat::toml, "", path, "\"x\"");
    ASSERT_FALSE(quoted);
    EXPECT_EQ(quoted.error().code, "config_path_conflict");
    EXPECT_FALSE(set_config_literal(ConfigFormat::toml, "", path, "1\nb = 2"));
}

// Each format spells control characters its own way (one shared quoting routine, three styles).
TEST(ConfigText, ControlCharacters_AreEscapedInEachFormatsOwnWay) {
    const std::array<std::string_view, 1> path{"k"};
    const std::string value = "\b\f\x01\x7F";
    const auto json = set_config_string(ConfigFormat::json, "{}", path, value);
    ASSERT_TRUE(json) << json.error().message;
    EXPECT_EQ(json.value(), "{\n  \"k\": \"\\b\\f\\u0001\x7F\"\n}");
    const auto toml = set_config_string(ConfigFormat::toml, "", path, value);
    ASSERT_TRUE(toml) << toml.error().message;
    EXPECT_EQ(toml.value(), "k = \"\\b\\f\\u0001\\u007F\"\n");
    const auto yaml = set_config_string(ConfigFormat::yaml, "", path, value);
    ASSERT_TRUE(yaml) << yaml.error().message;
    EXPECT_EQ(yaml.value(), "k: \"\\x08\\x0C\\x01\\x7F\"\n");
}

}  // namespace
}  // namespace pathwise
