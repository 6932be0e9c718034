// Where each forwarded protocol goes, as `serve` resolves it at start-up: the configured upstream, or the
// embedded mock whose origin serve hands in (native/src/upstream/upstream_map.hpp).
#include "upstream/upstream_map.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pathwise {
namespace {

using upstream::EmbeddedMock;
using upstream::kForwardedProtocols;
using upstream::needs_embedded_mock;
using upstream::resolve_upstreams;

config::UpstreamConfig configured(const std::string& base_url) {
    config::UpstreamConfig upstream;
    upstream.base_url = base_url;
    return upstream;
}

TEST(UpstreamMap, NothingConfigured_EveryProtocolGoesToTheMockOrigin) {
    const config::ServeConfig config;
    EXPECT_TRUE(needs_embedded_mock(config));
    const auto upstreams = resolve_upstreams(config, EmbeddedMock{"http://127.0.0.1:41234", ""});
    ASSERT_EQ(upstreams.size(), kForwardedProtocols.size());
    for (const Protocol protocol : kForwardedProtocols) {
        const auto& resolved = *upstreams.at(protocol);
        EXPECT_EQ(resolved.protocol, protocol);
        EXPECT_EQ(resolved.name, "mock");  // what records, messages and /readyz call it
        EXPECT_EQ(resolved.target.host, "127.0.0.1");
        EXPECT_EQ(resolved.target.port, 41234);
        EXPECT_EQ(resolved.setup_error, "");
    }
}

TEST(UpstreamMap, EveryProtocolConfigured_NeedsNoMock) {
    config::ServeConfig config;
    config.upstreams[Protocol::openai] = configured("https://api.openai.com/v1");
    config.upstreams[Protocol::anthropic] = configured("https://api.anthropic.com");
    config.upstreams[Protocol::gemini] = configured("https://generativelanguage.googleapis.com");
    EXPECT_FALSE(needs_embedded_mock(config));
    const auto upstreams = resolve_upstreams(config, EmbeddedMock{});
    const auto& openai = *upstreams.at(Protocol::openai);
    EXPECT_EQ(openai.name, "https://api.openai.com");
    EXPECT_EQ(openai.target.path_prefix, "/v1");
    EXPECT_EQ(openai.setup_error, "");
    EXPECT_EQ(upstreams.at(Protocol::gemini)->name, "https://generativelanguage.googleapis.com");
}

TEST(UpstreamMap, OneProtocolConfigured_TheOthersStillGoToTheMock) {
    config::ServeConfig config;
    config.upstreams[Protocol::anthropic] = configured("https://api.anthropic.com");
    config.upstreams[Protocol::anthropic].api_key = "sk-ant-upstream";
    EXPECT_TRUE(needs_embedded_mock(config));
    const auto upstreams = resolve_upstreams(config, EmbeddedMock{"http://127.0.0.1:5000", ""});
    EXPECT_EQ(upstreams.at(Protocol::anthropic)->name, "https://api.anthropic.com");
    EXPECT_EQ(upstreams.at(Protocol::anthropic)->api_key, "sk-ant-upstream");
    EXPECT_EQ(upstreams.at(Protocol::openai)->name, "mock");
    EXPECT_EQ(upstreams.at(Protocol::gemini)->target.port, 5000);
}

TEST(UpstreamMap, MockDidNotStart_ItsProtocolsCarryTheReason) {
    config::ServeConfig config;
    config.upstreams[Protocol::openai] = configured("http://127.0.0.1:9999");
    const auto upstreams = resolve_upstreams(config, EmbeddedMock{"", "could not bind an ephemeral port on 127.0.0.1"});
    EXPECT_EQ(upstreams.at(Protocol::openai)->setup_error, "");
    EXPECT_EQ(upstreams.at(Protocol::gemini)->name, "mock");
    EXPECT_EQ(upstreams.at(Protocol::gemini)->setup_error,
              "Pathwise's embedded mock upstream did not start (could not bind an ephemeral port on 127.0.0.1)");
}

TEST(UpstreamMap, UnusableBaseUrl_NamesTheSettingToFix) {
    config::ServeConfig config;
    config.upstreams[Protocol::openai] = configured("ftp://files.example.com");
    const auto upstreams = resolve_upstreams(config, EmbeddedMock{"http://127.0.0.1:5000", ""});
    const auto& openai = *upstreams.at(Protocol::openai);
    EXPECT_EQ(openai.name, "ftp://files.example.com");
    EXPECT_EQ(openai.setup_error.rfind("upstreams.openai.base_url 'ftp://files.example.com' is not a usable URL: ", 0),
              0u)
        << openai.setup_error;
}

}  // namespace
}  // namespace pathwise
