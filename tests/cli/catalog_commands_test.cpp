// `pathwise clients` and `pathwise routes`: what to type per client (docs/clients.md §0) and the route table.
#include <gtest/gtest.h>

#include "run_pathwise.hpp"

namespace pathwise_cli_test {
namespace {

using nlohmann::json;

json client_with_id(const json& listing, std::string_view id) {
    for (const json& client : listing["clients"]) {
        if (client["id"] == id) return client;
    }
    ADD_FAILURE() << "no client '" << id << "' in the listing";
    return json::object();
}

json route_with_id(const json& listing, std::string_view id) {
    for (const json& route : listing["routes"]) {
        if (route["id"] == id) return route;
    }
    ADD_FAILURE() << "no route '" << id << "' in the listing";
    return json::object();
}

// docs/clients.md §0: type host only for the Anthropic SDK family, …/v1 for OpenAI SDKs and @ai-sdk/anthropic,
// …/v1beta for @ai-sdk/google.
TEST(Clients, DefaultOrigin_RecommendsTheMeasuredBases) {
    const CliRun run = run_pathwise({"clients", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json listing = run.json();
    EXPECT_EQ(listing["origin"], "http://127.0.0.1:8045");
    EXPECT_EQ(client_with_id(listing, "claude-code")["variants"][0]["recommended_base_url"], "http://127.0.0.1:8045");
    EXPECT_EQ(client_with_id(listing, "claude-code")["protocol"], "anthropic");
    EXPECT_EQ(client_with_id(listing, "openai-node")["variants"][0]["recommended_base_url"],
              "http://127.0.0.1:8045/v1");
    EXPECT_EQ(client_with_id(listing, "ai-sdk-anthropic")["variants"][0]["recommended_base_url"],
              "http://127.0.0.1:8045/v1");
    EXPECT_EQ(client_with_id(listing, "ai-sdk-google")["variants"][0]["recommended_base_url"],
              "http://127.0.0.1:8045/v1beta");
    EXPECT_EQ(client_with_id(listing, "gemini-cli")["protocol"], "gemini");
}

TEST(Clients, OtherOrigin_SpellsBasesOnIt) {
    const CliRun run = run_pathwise({"clients", "--origin", "localhost:9100", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json listing = run.json();
    EXPECT_EQ(listing["origin"], "http://localhost:9100");
    EXPECT_EQ(client_with_id(listing, "anthropic-sdk-node")["variants"][0]["recommended_base_url"],
              "http://localhost:9100");
}

TEST(Clients, HumanTable_ListsIdsAndBases) {
    const CliRun run = run_pathwise({"clients"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("claude-code"), std::string::npos);
    EXPECT_NE(run.out.find("Type this for http://127.0.0.1:8045"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("http://127.0.0.1:8045/v1beta"), std::string::npos) << run.out;
}

TEST(Clients, French_HeaderInFrench) {
    const CliRun run = run_pathwise({"clients", "--lang", "fr"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("À saisir pour http://127.0.0.1:8045"), std::string::npos) << run.out;
}

TEST(Clients, BadOrigin_IsUsageError) {
    const CliRun run = run_pathwise({"clients", "--origin", "http://127.0.0.1:0x1F"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("--origin"), std::string::npos) << run.err;
}

// The tutorial's table: the proxy serves these routes (docs/clients.md §4 "intended route" column).
TEST(Routes, Json_HoldsEveryProtocolsRoutes) {
    const CliRun run = run_pathwise({"routes", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const json listing = run.json();
    const json chat = route_with_id(listing, "openai.chat_completions");
    EXPECT_EQ(chat["method"], "POST");
    EXPECT_EQ(chat["pattern"], "/v1/chat/completions");
    EXPECT_EQ(route_with_id(listing, "openai.responses")["pattern"], "/v1/responses");
    EXPECT_EQ(route_with_id(listing, "anthropic.messages")["pattern"], "/v1/messages");
    EXPECT_EQ(route_with_id(listing, "anthropic.count_tokens")["pattern"], "/v1/messages/count_tokens");
    EXPECT_EQ(route_with_id(listing, "gemini.generate_content")["pattern"], "/v1beta/models/{model}:generateContent");
    EXPECT_EQ(route_with_id(listing, "gemini.generate_content")["protocol"], "gemini");
}

TEST(Routes, HumanTable_AlignsColumns) {
    const CliRun run = run_pathwise({"routes"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    // Every row starts with the method padded to the same width, so the paths start in one column.
    std::size_t path_column = std::string::npos;
    std::size_t start = run.out.find('\n') + 1;  // skip the header
    int rows = 0;
    while (start < run.out.size()) {
        const std::size_t end = run.out.find('\n', start);
        const std::string line = run.out.substr(start, end - start);
        const std::size_t column = line.find('/');
        if (path_column == std::string::npos) path_column = column;
        EXPECT_EQ(column, path_column) << "misaligned row: " << line;
        ++rows;
        start = end + 1;
    }
    EXPECT_GE(rows, 8);
}

TEST(Routes, UnexpectedArgument_IsUsageError) {
    const CliRun run = run_pathwise({"routes", "/v1/messages"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unexpected argument '/v1/messages'"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace pathwise_cli_test
