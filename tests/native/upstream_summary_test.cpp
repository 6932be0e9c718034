// What GET /_pathwise/upstreams tells the wizard (native/src/proxy/upstream_summary.hpp): never a key, whatever
// the base URL carries. Expected values written by hand.
#include "proxy/upstream_summary.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pathwise {
namespace {

using proxy::shown_upstream;
using proxy::upstream_summary;

config::UpstreamConfig at(const std::string& base_url) {
    config::UpstreamConfig upstream;
    upstream.base_url = base_url;
    return upstream;
}

TEST(UpstreamSummary, ShownUpstream_DropsQueryFragmentAndNeverEchoesCredentials) {
    EXPECT_EQ(shown_upstream(at("")), "mock");
    EXPECT_EQ(shown_upstream(at("http://127.0.0.1:11434/v1")), "http://127.0.0.1:11434/v1");
    EXPECT_EQ(shown_upstream(at("https://generativelanguage.googleapis.com/v1beta?key=AIzaSecret#x")),
              "https://generativelanguage.googleapis.com/v1beta");
    EXPECT_EQ(shown_upstream(at("https://user:hunter2@gw.example.com/openai")), "(invalid base URL)");
}

TEST(UpstreamSummary, EveryFamily_MissingOnesAreTheMock_SpeaksNullWhenNotDeclared) {
    config::ServeConfig config;
    config::UpstreamConfig anthropic = at("http://127.0.0.1:11434/v1");
    anthropic.protocol = translate::Protocol::openai_chat;
    anthropic.api_key = "sk-secret";
    anthropic.fallbacks.push_back(at("https://api.anthropic.com"));
    config.upstreams[Protocol::anthropic] = anthropic;
    config.upstreams[Protocol::gemini] = at("https://generativelanguage.googleapis.com");

    const nlohmann::json expected = nlohmann::json::parse(R"({"upstreams":[
        {"protocol":"openai","upstream":"mock","speaks":null,"fallbacks":0},
        {"protocol":"anthropic","upstream":"http://127.0.0.1:11434/v1","speaks":"openai-chat","fallbacks":1},
        {"protocol":"gemini","upstream":"https://generativelanguage.googleapis.com","speaks":null,"fallbacks":0}]})");
    const nlohmann::json summary = upstream_summary(config);
    EXPECT_EQ(summary, expected) << summary.dump(2);
    EXPECT_EQ(summary.dump().find("sk-secret"), std::string::npos);
}

}  // namespace
}  // namespace pathwise
