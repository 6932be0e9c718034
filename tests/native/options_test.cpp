// The one command-line parser (config/options.hpp) and `serve`'s flags on top of it (config/flags.hpp): what a
// person typing options gets, whichever subcommand they type them to.
#include "config/options.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/flags.hpp"
#include "config/load.hpp"

namespace pathwise::config {
namespace {

constexpr OptionSpec kSpecs[] = {
    {"--client", "ID"},
    {"--setting", "NAME", /*repeatable=*/true},
    {"--json", ""},
    {"--help", ""},
    {"--repair", "", false, /*inline_value_allowed=*/true},
};

std::optional<ParsedArgs> parse(std::vector<std::string> args, std::string& error) {
    return parse_options(args, kSpecs, error);
}

TEST(Options, SpaceAndEqualsForms_GiveTheSameValue) {
    std::string error;
    const auto spaced = parse({"--client", "codex"}, error);
    const auto joined = parse({"--client=codex"}, error);
    ASSERT_TRUE(spaced && joined) << error;
    EXPECT_EQ(spaced->value("--client"), "codex");
    EXPECT_EQ(joined->value("--client"), "codex");
}

TEST(Options, DashH_IsHelp_AndDoubleDash_EndsOptions) {
    std::string error;
    const auto parsed = parse({"-h", "--", "--json"}, error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_TRUE(parsed->has("--help"));
    EXPECT_FALSE(parsed->has("--json"));
    EXPECT_EQ(parsed->positionals, std::vector<std::string>{"--json"});
}

TEST(Options, UnknownOption_SuggestsTheClosest) {
    std::string error;
    EXPECT_FALSE(parse({"--clinet", "x"}, error));
    EXPECT_EQ(error, "unknown option '--clinet'; did you mean '--client'?");
}

TEST(Options, MissingValue_SaysWhatToType) {
    std::string error;
    EXPECT_FALSE(parse({"--client"}, error));
    EXPECT_EQ(error, "option '--client' needs a value: --client ID");
}

TEST(Options, SingleValuedTwice_IsAnError_RepeatableKeepsAllInOrder) {
    std::string error;
    EXPECT_FALSE(parse({"--client", "a", "--client", "b"}, error));
    EXPECT_NE(error.find("was given twice ('a' and 'b')"), std::string::npos) << error;
    const auto parsed = parse({"--setting", "x", "--setting", "y"}, error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(parsed->all("--setting"), (std::vector<std::string>{"x", "y"}));
}

TEST(Options, FlagWithAValue_IsRefusedUnlessItAllowsOne) {
    std::string error;
    EXPECT_FALSE(parse({"--json=yes"}, error));
    EXPECT_EQ(error, "option '--json' takes no value (got 'yes')");
    const auto parsed = parse({"--repair=false", "--repair"}, error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(parsed->all("--repair"), (std::vector<std::string>{"false", ""}));
}

TEST(Options, IntegerValue_IsTheWholeTextWithinBounds) {
    EXPECT_EQ(integer_value("8045", 0, 65535), 8045);
    EXPECT_FALSE(integer_value("80x", 0, 65535));
    EXPECT_FALSE(integer_value("", 0, 65535));
    EXPECT_FALSE(integer_value("70000", 0, 65535));
}

ServeConfig load(std::vector<std::string> args) {
    std::vector<std::string> warnings;
    auto loaded = load_serve_config(args, {}, warnings);
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().message);
    return loaded ? *loaded : ServeConfig{};
}

TEST(ServeFlags, BooleansTakeNoValueOrAnInlineOne_RepeatsLaterWins_ListsAccumulate) {
    EXPECT_TRUE(load({"--repair-paths"}).repair_paths);
    EXPECT_FALSE(load({"--repair-paths", "--repair-paths=false"}).repair_paths);
    EXPECT_EQ(load({"--port", "1", "--port=2"}).port, 2);
    EXPECT_EQ(load({"--auth-mode", "strict", "--api-key", "a", "--api-key=b"}).api_keys,
              (std::vector<std::string>{"a", "b"}));
}

TEST(ServeFlags, HelpPositionalAndUnknown_AreTheRightErrors) {
    auto help = parse_flags({"-h"});
    ASSERT_FALSE(help);
    EXPECT_EQ(help.error().code, "help");
    EXPECT_EQ(help.error().message.rfind("usage: pathwise serve", 0), 0u);
    auto positional = parse_flags({"8045"});
    ASSERT_FALSE(positional);
    EXPECT_EQ(positional.error().code, "usage");
    EXPECT_NE(positional.error().message.find("unexpected argument '8045' (serve takes only options)"),
              std::string::npos);
    auto unknown = parse_flags({"--prot", "1"});
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("unknown option '--prot'; did you mean '--port'?"), std::string::npos)
        << unknown.error().message;
}

TEST(ServeConfig, ApiKeyEnv_IsReadFromTheGivenEnvironmentOnly) {
    std::vector<std::string> warnings;
    const Environment environment = {{"PATHWISE_UPSTREAM_OPENAI", "http://127.0.0.1:9"}};
    const std::string path = ::testing::TempDir() + "/pathwise-options-test.json";
    {
        std::FILE* file = std::fopen(path.c_str(), "w");
        ASSERT_NE(file, nullptr);
        std::fputs(R"({"upstreams": {"openai": {"api_key_env": "PATH"}}})", file);
        std::fclose(file);
    }
    // PATH is set in the test process, but not in the environment the loader was given.
    auto loaded = load_serve_config({"--config", path}, environment, warnings);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().message.find("api_key_env names PATH, which is not set"), std::string::npos)
        << loaded.error().message;
    auto with_key = load_serve_config({"--config", path}, {{"PATH", "sk-test"}}, warnings);
    ASSERT_TRUE(with_key) << with_key.error().message;
    EXPECT_EQ(with_key->upstreams.at(Protocol::openai).api_key, "sk-test");
    std::remove(path.c_str());
}

Result<ServeConfig> load_file(const std::string& text) {
    // One file per test and call: ctest runs each test in its own process, in parallel.
    static int calls = 0;
    const std::string path = ::testing::TempDir() + "/pathwise-upstream-protocol-" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                             std::to_string(++calls) + ".json";
    std::FILE* file = std::fopen(path.c_str(), "w");
    EXPECT_NE(file, nullptr);
    if (file == nullptr) return Error{"io", "cannot write " + path};
    std::fputs(text.c_str(), file);
    std::fclose(file);
    std::vector<std::string> warnings;
    auto loaded = load_serve_config({"--config", path}, {}, warnings);
    std::remove(path.c_str());
    return loaded;
}

TEST(ServeConfig, UpstreamProtocol_FromTheFileOrTheFlag_AbsentMeansTheInboundOwn) {
    auto loaded = load_file(R"({"upstreams": {"anthropic": {"base_url": "http://127.0.0.1:11434/v1",
                                                           "protocol": "openai-chat"}}})");
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->upstreams.at(Protocol::anthropic).protocol, translate::Protocol::openai_chat);
    EXPECT_FALSE(load({"--upstream", "gemini=http://127.0.0.1:9"}).upstreams.at(Protocol::gemini).protocol);
    const ServeConfig flagged =
        load({"--upstream", "openai=http://127.0.0.1:9", "--upstream-protocol", "openai=gemini"});
    EXPECT_EQ(flagged.upstreams.at(Protocol::openai).protocol, translate::Protocol::gemini);
}

TEST(ServeConfig, UpstreamProtocol_Unknown_SaysWhatIsAccepted) {
    auto typo = load_file(R"({"upstreams": {"anthropic": {"protocol": "openai-chta"}}})");
    ASSERT_FALSE(typo);
    EXPECT_NE(typo.error().message.find("upstreams.anthropic.protocol must be openai-chat, anthropic, gemini or "
                                        "openai-responses, got 'openai-chta' (did you mean 'openai-chat'?)"),
              std::string::npos)
        << typo.error().message;
    auto flag = parse_flags({"--upstream-protocol", "anthropic=ollama"});
    ASSERT_FALSE(flag);
    EXPECT_NE(flag.error().message.find("--upstream-protocol needs PROTOCOL=SPEAKS"), std::string::npos)
        << flag.error().message;
}

// A Responses upstream (api.openai.com's /v1/responses, a gateway that has only it) serves the other protocols.
TEST(ServeConfig, UpstreamProtocol_OpenAiResponses_IsAccepted) {
    auto file = load_file(R"({"upstreams": {"anthropic": {"protocol": "openai-responses"}}})");
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file->upstreams.at(Protocol::anthropic).protocol, translate::Protocol::openai_responses);
    const ServeConfig flagged =
        load({"--upstream", "anthropic=http://127.0.0.1:9", "--upstream-protocol", "anthropic=openai-responses"});
    EXPECT_EQ(flagged.upstreams.at(Protocol::anthropic).protocol, translate::Protocol::openai_responses);
}

}  // namespace
}  // namespace pathwise::config
