// url_test.cpp — one case per real-world paste of a base URL, accepted or refused with an actionable message.
#include "pathwise/url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

struct AcceptedCase {
    std::string_view situation;
    std::string_view typed;
    std::string_view scheme;
    std::string_view host;
    int port;
    bool port_explicit;
    std::string_view path;
    std::string_view query;
    std::string_view fragment;
    bool scheme_was_guessed;
    std::string_view origin;
    std::string_view to_string;
};

TEST(BaseUrl, Accepted_Table) {
    const std::vector<AcceptedCase> cases = {
        {"plain loopback with v1", "http://127.0.0.1:8045/v1", "http", "127.0.0.1", 8045, true, "/v1", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"host only", "http://127.0.0.1:8045", "http", "127.0.0.1", 8045, true, "", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045"},
        {"trailing slash kept", "http://127.0.0.1:8045/", "http", "127.0.0.1", 8045, true, "/", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/"},
        {"trailing slash after v1 kept", "http://localhost:8045/v1/", "http", "localhost", 8045, true, "/v1/", "", "",
         false, "http://localhost:8045", "http://localhost:8045/v1/"},
        {"double slash inside path kept", "http://127.0.0.1:8045//v1//", "http", "127.0.0.1", 8045, true, "//v1//", "",
         "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045//v1//"},
        {"surrounding spaces and newline", "  http://127.0.0.1:8045/v1 \n", "http", "127.0.0.1", 8045, true, "/v1", "",
         "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"tabs and CRLF", "\thttp://127.0.0.1:8045\r\n", "http", "127.0.0.1", 8045, true, "", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045"},
        {"single quotes", "'http://127.0.0.1:8045/v1'", "http", "127.0.0.1", 8045, true, "/v1", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"double quotes", "\"http://127.0.0.1:8045/v1\"", "http", "127.0.0.1", 8045, true, "/v1", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"backticks from markdown", "`http://127.0.0.1:8045/v1`", "http", "127.0.0.1", 8045, true, "/v1", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"angle brackets from email", "<http://127.0.0.1:8045/v1>", "http", "127.0.0.1", 8045, true, "/v1", "", "",
         false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"quotes with spaces inside and out", " ' http://127.0.0.1:8045/v1/ ' ", "http", "127.0.0.1", 8045, true,
         "/v1/", "", "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1/"},
        {"nested quotes", "\"'http://127.0.0.1:8045'\"", "http", "127.0.0.1", 8045, true, "", "", "", false,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045"},
        {"typographic quotes", "\xE2\x80\x9Chttp://127.0.0.1:8045/v1\xE2\x80\x9D", "http", "127.0.0.1", 8045, true,
         "/v1", "", "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"no-break space around", "\xC2\xA0http://127.0.0.1:8045\xC2\xA0", "http", "127.0.0.1", 8045, true, "", "", "",
         false, "http://127.0.0.1:8045", "http://127.0.0.1:8045"},
        {"missing scheme, loopback ip", "127.0.0.1:8045/v1", "http", "127.0.0.1", 8045, true, "/v1", "", "", true,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"missing scheme, localhost", "localhost:8045", "http", "localhost", 8045, true, "", "", "", true,
         "http://localhost:8045", "http://localhost:8045"},
        {"missing scheme, bare localhost", "localhost", "http", "localhost", 80, false, "", "", "", true,
         "http://localhost", "http://localhost"},
        {"missing scheme, upper-case localhost", "LOCALHOST:8045/V1", "http", "localhost", 8045, true, "/V1", "", "",
         true, "http://localhost:8045", "http://localhost:8045/V1"},
        {"missing scheme, bracketed ipv6", "[::1]:8045", "http", "::1", 8045, true, "", "", "", true,
         "http://[::1]:8045", "http://[::1]:8045"},
        {"missing scheme, public host", "api.example.com/v1", "https", "api.example.com", 443, false, "/v1", "", "",
         true, "https://api.example.com", "https://api.example.com/v1"},
        {"missing scheme, public host with port", "api.example.com:8443", "https", "api.example.com", 8443, true, "",
         "", "", true, "https://api.example.com:8443", "https://api.example.com:8443"},
        {"missing scheme, LAN address stays plain http", "192.168.1.20:8045", "http", "192.168.1.20", 8045, true, "",
         "", "", true, "http://192.168.1.20:8045", "http://192.168.1.20:8045"},
        {"missing scheme, all-interfaces address", "0.0.0.0:8045", "http", "0.0.0.0", 8045, true, "", "", "", true,
         "http://0.0.0.0:8045", "http://0.0.0.0:8045"},
        {"missing scheme, explicit port 80 means http", "example.com:80", "http", "example.com", 80, true, "", "", "",
         true, "http://example.com", "http://example.com"},
        {"scheme-relative paste", "//127.0.0.1:8045/v1", "http", "127.0.0.1", 8045, true, "/v1", "", "", true,
         "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"upper-case scheme and host, path verbatim", "HTTP://LocalHost:8045/V1", "http", "localhost", 8045, true,
         "/V1", "", "", false, "http://localhost:8045", "http://localhost:8045/V1"},
        {"https default port", "https://api.anthropic.com", "https", "api.anthropic.com", 443, false, "", "", "", false,
         "https://api.anthropic.com", "https://api.anthropic.com"},
        {"http default port", "http://proxy.internal/v1", "http", "proxy.internal", 80, false, "/v1", "", "", false,
         "http://proxy.internal", "http://proxy.internal/v1"},
        {"explicit default port", "http://x.test:80", "http", "x.test", 80, true, "", "", "", false, "http://x.test",
         "http://x.test"},
        {"explicit https default port", "https://x.test:443/v1", "https", "x.test", 443, true, "/v1", "", "", false,
         "https://x.test", "https://x.test/v1"},
        {"http on port 443 keeps the port", "http://x.test:443", "http", "x.test", 443, true, "", "", "", false,
         "http://x.test:443", "http://x.test:443"},
        {"ipv6 loopback", "http://[::1]:8045/v1", "http", "::1", 8045, true, "/v1", "", "", false, "http://[::1]:8045",
         "http://[::1]:8045/v1"},
        {"ipv6 upper-case lowered", "http://[FE80::A]:8045", "http", "fe80::a", 8045, true, "", "", "", false,
         "http://[fe80::a]:8045", "http://[fe80::a]:8045"},
        {"ipv6 full form without port", "https://[2001:db8:0:0:0:0:0:1]/", "https", "2001:db8:0:0:0:0:0:1", 443, false,
         "/", "", "", false, "https://[2001:db8:0:0:0:0:0:1]", "https://[2001:db8:0:0:0:0:0:1]/"},
        {"ipv6 with embedded ipv4", "http://[::ffff:127.0.0.1]:8045", "http", "::ffff:127.0.0.1", 8045, true, "", "",
         "", false, "http://[::ffff:127.0.0.1]:8045", "http://[::ffff:127.0.0.1]:8045"},
        {"query split off", "http://127.0.0.1:8045/v1?beta=true", "http", "127.0.0.1", 8045, true, "/v1", "beta=true",
         "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1?beta=true"},
        {"fragment split off", "http://127.0.0.1:8045/v1#setup", "http", "127.0.0.1", 8045, true, "/v1", "", "setup",
         false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1#setup"},
        {"query and fragment", "http://h.test/p?a=1&b=2#f", "http", "h.test", 80, false, "/p", "a=1&b=2", "f", false,
         "http://h.test", "http://h.test/p?a=1&b=2#f"},
        {"query right after host", "http://h.test?x=1", "http", "h.test", 80, false, "", "x=1", "", false,
         "http://h.test", "http://h.test?x=1"},
        {"question mark in fragment stays in fragment", "http://h.test/p#a?b", "http", "h.test", 80, false, "/p", "",
         "a?b", false, "http://h.test", "http://h.test/p#a?b"},
        {"at-sign in the path is not a credential", "http://h.test/@scope/pkg", "http", "h.test", 80, false,
         "/@scope/pkg", "", "", false, "http://h.test", "http://h.test/@scope/pkg"},
        {"percent escapes in path kept", "http://h.test/a%20b", "http", "h.test", 80, false, "/a%20b", "", "", false,
         "http://h.test", "http://h.test/a%20b"},
        {"host without scheme that starts like a key prefix", "sk-proxy.internal:8045", "https", "sk-proxy.internal",
         8045, true, "", "", "", true, "https://sk-proxy.internal:8045", "https://sk-proxy.internal:8045"},
        {"underscore host from docker compose", "http://my_proxy:8045/v1", "http", "my_proxy", 8045, true, "/v1", "",
         "", false, "http://my_proxy:8045", "http://my_proxy:8045/v1"},
        {"pasted with a label", "Base URL: http://127.0.0.1:8045/v1", "http", "127.0.0.1", 8045, true, "/v1", "", "",
         false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"pasted shell export", "export ANTHROPIC_BASE_URL=\"http://127.0.0.1:8045\"", "http", "127.0.0.1", 8045, true,
         "", "", "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045"},
        {"pasted powershell env", "$env:OPENAI_BASE_URL='http://127.0.0.1:8045/v1'", "http", "127.0.0.1", 8045, true,
         "/v1", "", "", false, "http://127.0.0.1:8045", "http://127.0.0.1:8045/v1"},
        {"port 1 and port 65535 are valid", "http://h.test:65535", "http", "h.test", 65535, true, "", "", "", false,
         "http://h.test:65535", "http://h.test:65535"},
        {"missing scheme, explicit port 443 means https even on loopback", "localhost:443/v1", "https", "localhost",
         443, true, "/v1", "", "", true, "https://localhost", "https://localhost/v1"},
        {"'://' after the path is not a scheme", "localhost:8045/v1?next=http://x.test", "http", "localhost", 8045,
         true, "/v1", "next=http://x.test", "", true, "http://localhost:8045",
         "http://localhost:8045/v1?next=http://x.test"},
        {"scheme-relative bracketed ipv6", "//[::1]:8045/v1", "http", "::1", 8045, true, "/v1", "", "", true,
         "http://[::1]:8045", "http://[::1]:8045/v1"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.situation) + ": [" + std::string(c.typed) + "]");
        const auto url = parse_base_url(c.typed);
        ASSERT_TRUE(url.ok()) << url.error().code << ": " << url.error().message;
        EXPECT_EQ(url->scheme, c.scheme);
        EXPECT_EQ(url->host, c.host);
        EXPECT_EQ(url->port, c.port);
        EXPECT_EQ(url->port_explicit, c.port_explicit);
        EXPECT_EQ(url->path, c.path);
        EXPECT_EQ(url->query, c.query);
        EXPECT_EQ(url->fragment, c.fragment);
        EXPECT_EQ(url->scheme_was_guessed, c.scheme_was_guessed);
        EXPECT_EQ(url->origin(), c.origin);
        EXPECT_EQ(url->to_string(), c.to_string);
    }
}

struct RefusedCase {
    std::string_view situation;
    std::string_view typed;
    std::string_view code;
    std::string_view message_part;  // a phrase the person must see (what is wrong or what to type)
};

TEST(BaseUrl, Refused_Table) {
    const std::vector<RefusedCase> cases = {
        {"empty", "", "empty", "paste the address"},
        {"only spaces", "   \t\n", "empty", "http://127.0.0.1:8045"},
        {"only quotes", "\"\"", "empty", "is empty"},
        {"ftp scheme", "ftp://127.0.0.1:8045", "bad_scheme", "'ftp://' is not supported"},
        {"websocket scheme", "ws://127.0.0.1:8045", "bad_scheme", "write http:// instead"},
        {"secure websocket scheme", "wss://proxy.test", "bad_scheme", "write https:// instead"},
        {"made-up scheme", "htp://127.0.0.1:8045", "bad_scheme", "'htp://' is not supported"},
        {"nothing before ://", "://127.0.0.1:8045", "bad_scheme", "no scheme"},
        {"one slash after http colon", "http:/127.0.0.1:8045/v1", "bad_scheme", "write 'http://127.0.0.1:8045/v1'"},
        {"missing colon after http", "http//127.0.0.1:8045", "bad_scheme", "write 'http://127.0.0.1:8045'"},
        {"no slashes after http colon", "http:127.0.0.1:8045", "bad_scheme", "write 'http://127.0.0.1:8045'"},
        {"backslashes after https", "https:\\\\api.test", "bad_scheme", "write 'https://api.test'"},
        {"port out of range", "http://127.0.0.1:80451", "bad_port",
         "port 80451 is out of range (1-65535): check the number after the ':'"},
        {"port zero", "http://127.0.0.1:0", "bad_port", "port 0 is out of range (1-65535)"},
        {"port just above range", "http://127.0.0.1:65536/v1", "bad_port", "port 65536 is out of range"},
        {"huge port does not overflow", "http://h.test:99999999999999999999", "bad_port", "out of range"},
        {"non-numeric port", "http://127.0.0.1:80a5", "bad_port", "port '80a5' is not a number"},
        {"port with sign", "http://127.0.0.1:-8045", "bad_port", "is not a number"},
        {"empty port", "http://127.0.0.1:/v1", "bad_port", "no port number"},
        {"ipv6 empty port", "http://[::1]:", "bad_port", "no port number"},
        {"space in path", "http://127.0.0.1:8045/ v1", "space_inside", "a space right after 'http://127.0.0.1:8045/'"},
        {"space in host", "http://127.0.0. 1:8045", "space_inside", "remove it"},
        {"space between host and port", "localhost :8045", "space_inside", "a space"},
        {"tab inside", "http://127.0.0.1:8045/\tv1", "space_inside", "invisible or control character"},
        {"no-break space inside", "http://127.0.0.1:8045/\xC2\xA0v1", "space_inside", "invisible"},
        {"zero-width space inside", "http://127.0.0.1\xE2\x80\x8B:8045", "space_inside", "invisible"},
        {"prose", "my proxy", "not_a_url", "does not look like a URL"},
        {"prose around a url is not a label", "my proxy is http://127.0.0.1:8045", "not_a_url", "my proxy is"},
        {"prose sentence", "the local one on my laptop", "not_a_url", "http://127.0.0.1:8045"},
        {"a single word", "myproxy", "not_a_url", "does not look like a URL"},
        {"only a path", "/v1/messages", "not_a_url", "is only a path"},
        {"question marks", "???", "not_a_url", "does not look like a URL"},
        {"no host after scheme", "http://", "no_host", "no host after 'http://'"},
        {"three slashes", "http:///v1", "no_host", "one '/' too many"},
        {"port without host", "http://:8045/v1", "no_host", "no host"},
        {"empty brackets", "http://[]:8045", "no_host", "brackets [] are empty"},
        {"ipv6 without brackets", "http://::1:8045", "bad_host", "put it in brackets"},
        {"ipv6 bracket not closed", "http://[::1:8045/v1", "bad_host", "no closing ']'"},
        {"junk after ipv6 bracket", "http://[::1]x:8045", "bad_host", "after the IPv6 address"},
        {"invalid ipv6", "http://[::1::2]:8045", "bad_host", "not a valid IPv6 address"},
        {"ipv6 with letters out of hex", "http://[::g]:8045", "bad_host", "not a valid IPv6 address"},
        {"ipv4 octet too big", "http://127.0.0.300:8045", "bad_host", "not a valid IPv4 address"},
        {"ipv4 with three parts", "http://127.0.1:8045", "bad_host", "not a valid IPv4 address"},
        {"port typed alone", "8045", "bad_host", "write http://127.0.0.1:8045"},
        {"double dot in host", "http://api..example.com", "bad_host", "check its spelling"},
        {"leading dot in host", "http://.example.com", "bad_host", "check its spelling"},
        {"illegal character in host", "http://ex!ample.com", "bad_host", "contains '!'"},
        {"non-ascii host",
         "http://b\xC3\xBC"
         "cher.example",
         "bad_host", "non-ASCII"},
        {"credentials", "http://user:pass@127.0.0.1:8045/v1", "credentials", "remove it"},
        {"user only", "http://user@127.0.0.1:8045", "credentials", "API key"},
        {"credentials without scheme", "me:hunter2@proxy.test:8045", "credentials", "must not travel"},
        {"key as user name", "sk-ant-123@proxy.test", "credentials", "must not travel"},
        {"a single word asks for the port", "myproxy", "not_a_url", "with its port"},
        {"scheme-relative without a host", "//", "not_a_url", "is only a path"},
        {"port without host or scheme", ":8045", "no_host", "before the port"},
        {"ipv6 without brackets or scheme", "::1:8045", "bad_host", "put it in brackets"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.situation) + ": [" + std::string(c.typed) + "]");
        const auto url = parse_base_url(c.typed);
        ASSERT_FALSE(url.ok()) << "accepted as " << url->to_string();
        EXPECT_EQ(url.error().code, c.code) << url.error().message;
        EXPECT_NE(url.error().message.find(c.message_part), std::string::npos) << url.error().message;
    }
}

TEST(BaseUrl, Credentials_MessageNeverRepeatsTheSecret) {
    const auto url = parse_base_url("http://alice:hunter2@127.0.0.1:8045");
    ASSERT_FALSE(url.ok());
    EXPECT_EQ(url.error().message.find("hunter2"), std::string::npos) << url.error().message;
}

TEST(BaseUrl, ApiKeyPastedInstead_IsRefusedWithoutRepeatingIt) {
    const std::vector<std::string_view> pastes = {
        "sk-ant-api03-Zx81kQ_SECRETPART",
        "  sk-proj-SECRETPART  ",
        "AIzaSyD-SECRETPART",
        "Bearer SECRETPART",
        "OPENAI_API_KEY=SECRETPART",
        "Authorization: Bearer SECRETPART",
        "x-api-key: SECRETPART",
        "0123456789abcdef0123456789abcdefSECRETPART",  // a bare long token
    };
    for (const auto paste : pastes) {
        const auto url = parse_base_url(paste);
        ASSERT_FALSE(url.ok()) << paste;
        EXPECT_EQ(url.error().code, "not_a_url") << paste;
        EXPECT_NE(url.error().message.find("looks like an API key"), std::string::npos) << url.error().message;
        EXPECT_EQ(url.error().message.find("SECRETPART"), std::string::npos) << url.error().message;
    }
}

TEST(BaseUrl, HugePaste_MessageQuotesOnlyABeginning) {
    const std::string essay = "please help " + std::string(5000, 'x');
    const auto url = parse_base_url(essay);
    ASSERT_FALSE(url.ok());
    EXPECT_EQ(url.error().code, "not_a_url");
    EXPECT_LT(url.error().message.size(), 200U) << url.error().message;
}

TEST(BaseUrl, PortOutOfRange_FullMessage) {
    const auto url = parse_base_url("http://127.0.0.1:80451/v1");
    ASSERT_FALSE(url.ok());
    EXPECT_EQ(url.error().message, "port 80451 is out of range (1-65535): check the number after the ':'");
}

struct LoopbackCase {
    std::string_view typed;
    bool loopback;
    bool ipv6;
};

TEST(BaseUrl, IsLoopback_IsIpv6) {
    const std::vector<LoopbackCase> cases = {
        {"http://localhost:8045", true, false},
        {"http://LOCALHOST", true, false},
        {"http://127.0.0.1:8045", true, false},
        {"http://127.255.3.4", true, false},
        {"http://[::1]:8045", true, true},
        {"http://[0:0:0:0:0:0:0:1]", true, true},
        {"http://app.localhost:3000", true, false},
        {"http://0.0.0.0:8045", false, false},
        {"http://192.168.1.2:8045", false, false},
        {"http://128.0.0.1", false, false},
        {"https://api.openai.com", false, false},
        {"http://[::2]", false, true},
        {"http://localhost.example.com", false, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.typed));
        const auto url = parse_base_url(c.typed);
        ASSERT_TRUE(url.ok()) << url.error().message;
        EXPECT_EQ(url->is_loopback(), c.loopback);
        EXPECT_EQ(url->is_ipv6(), c.ipv6);
    }
}

TEST(BaseUrl, OriginOfAHandBuiltValue_LeavesDefaultPortOut) {
    BaseUrl url;
    url.scheme = "https";
    url.host = "::1";
    url.port = 443;
    url.path = "/v1";
    url.query = "a=b";
    EXPECT_EQ(url.origin(), "https://[::1]");
    EXPECT_EQ(url.to_string(), "https://[::1]/v1?a=b");
}

struct SplitCase {
    std::string_view target;
    std::string_view path;
    std::string_view query;
};

TEST(SplitQuery, Table) {
    const std::vector<SplitCase> cases = {
        {"/a/b?x=1", "/a/b", "x=1"},
        {"/v1/messages?beta=true", "/v1/messages", "beta=true"},
        {"/v1/models", "/v1/models", ""},
        {"/p?", "/p", ""},
        {"?only=query", "", "only=query"},
        {"/p?a=1?b=2", "/p", "a=1?b=2"},
        {"", "", ""},
    };
    for (const auto& c : cases) {
        const PathAndQuery parts = split_query(c.target);
        EXPECT_EQ(parts.path, c.path) << c.target;
        EXPECT_EQ(parts.query, c.query) << c.target;
    }
}

TEST(CollapseSlashes, Table) {
    const std::vector<std::pair<std::string_view, std::string_view>> cases = {
        {"/v1//chat/completions/", "/v1/chat/completions/"},
        {"//v1beta/models", "/v1beta/models"},
        {"/v1///messages//", "/v1/messages/"},
        {"/v1/messages", "/v1/messages"},
        {"/", "/"},
        {"//", "/"},
        {"", ""},
        {"v1//x", "v1/x"},
    };
    for (const auto& [input, expected] : cases) EXPECT_EQ(collapse_slashes(input), expected) << input;
}

}  // namespace
}  // namespace pathwise
