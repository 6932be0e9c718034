// diagnosis_test.cpp — one vector per wrong path of docs/clients.md section 4 and per diagnosis kind, plus the
// client-aware diagnosis. Expected kinds, routes and fixed base URLs are written by hand from docs/clients.md.
#include "pathwise/diagnosis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise {
namespace {

constexpr std::string_view kOrigin = "http://127.0.0.1:8045";
constexpr std::string_view kSecret = "AIzaSyFAKE-secret-value-123";
constexpr Lang kLangs[] = {Lang::en, Lang::fr, Lang::es};

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

struct PathCase {
    std::string_view name;  // the situation, also the test name
    Method method;
    std::string_view target;
    bool websocket = false;
    bool anthropic_headers = false;
    bool goog_api_key = false;
    // expected
    DiagnosisKind kind;
    std::string_view route_id;  // "" = no intended route
    std::string_view fixed_base_url;
    std::string_view wrong_part;
    Protocol protocol;
    std::string_view fix_hint;
};

// Row by row: docs/clients.md §4 first, then the other kinds.
const PathCase kPathCases[] = {
    // §4 "/chat/completions, /responses, /models (no version)": OpenAI-family clients given host only.
    {"OpenAiSdk_HostOnly_ChatWithoutV1", Method::post, "/chat/completions", false, false, false,
     DiagnosisKind::missing_version_prefix, "openai.chat_completions", "http://127.0.0.1:8045/v1", "/chat/completions",
     Protocol::openai, "use_v1"},
    {"AiSdkOpenAi_HostOnly_ResponsesWithoutV1", Method::post, "/responses", false, false, false,
     DiagnosisKind::missing_version_prefix, "openai.responses", "http://127.0.0.1:8045/v1", "/responses",
     Protocol::openai, "use_v1"},
    {"OpenAiSdk_HostOnly_ModelsWithoutV1", Method::get, "/models", false, false, false,
     DiagnosisKind::missing_version_prefix, "openai.models", "http://127.0.0.1:8045/v1", "/models", Protocol::openai,
     "use_v1"},
    // §4 "/messages": @ai-sdk/anthropic, Kilo, Continue given host only.
    {"AiSdkAnthropic_HostOnly_MessagesWithoutV1", Method::post, "/messages", false, false, false,
     DiagnosisKind::missing_version_prefix, "anthropic.messages", "http://127.0.0.1:8045/v1", "/messages",
     Protocol::anthropic, "use_v1"},
    // §4 "/v1/v1/messages, /v1/v1/models, /v1/v1/messages/count_tokens": Anthropic SDK / Claude Code given …/v1.
    {"AnthropicSdk_BaseWithV1_DoublesPrefix", Method::post, "/v1/v1/messages", false, true, false,
     DiagnosisKind::duplicated_version_prefix, "anthropic.messages", "http://127.0.0.1:8045", "/v1",
     Protocol::anthropic, "use_host_only"},
    {"AnthropicSdk_BaseWithV1_DoublesModelsPrefix", Method::get, "/v1/v1/models", false, true, false,
     DiagnosisKind::duplicated_version_prefix, "openai.models", "http://127.0.0.1:8045", "/v1", Protocol::anthropic,
     "use_host_only"},
    {"AnthropicSdk_BaseWithV1_DoublesCountTokensPrefix", Method::post, "/v1/v1/messages/count_tokens", false, true,
     false, DiagnosisKind::duplicated_version_prefix, "anthropic.count_tokens", "http://127.0.0.1:8045", "/v1",
     Protocol::anthropic, "use_host_only"},
    {"ClaudeCode_BaseWithV1_DoublesPrefixWithBetaQuery", Method::post, "/v1/v1/messages?beta=true", false, true, false,
     DiagnosisKind::duplicated_version_prefix, "anthropic.messages", "http://127.0.0.1:8045", "/v1",
     Protocol::anthropic, "use_host_only"},
    // §4 "/v1/messages?beta=true": the route ignores the query.
    {"ClaudeCode_HostOnly_BetaQueryIsOk", Method::post, "/v1/messages?beta=true", false, true, false, DiagnosisKind::ok,
     "anthropic.messages", "", "", Protocol::anthropic, "none"},
    // §4 "/models/{m}:generateContent": @ai-sdk/google, Kilo google given host only.
    {"AiSdkGoogle_HostOnly_GenerateWithoutV1beta", Method::post, "/models/gemini-2.5-flash:generateContent", false,
     false, true, DiagnosisKind::missing_version_prefix, "gemini.generate_content", "http://127.0.0.1:8045/v1beta",
     "/models/gemini-2.5-flash:generateContent", Protocol::gemini, "use_v1beta"},
    // §4 "/v1/models/{m}:generateContent, GET /v1/models with x-goog-api-key": @google/genai 3.x default.
    {"GoogleGenai3_HostOnly_GenerateUnderV1", Method::post, "/v1/models/gemini-2.5-flash:generateContent", false, false,
     true, DiagnosisKind::gemini_v1_instead_of_v1beta, "gemini.generate_content", "http://127.0.0.1:8045", "/v1",
     Protocol::gemini, "use_host_and_api_v1beta"},
    {"GoogleGenai3_HostOnly_ModelListUnderV1", Method::get, "/v1/models", false, false, true,
     DiagnosisKind::gemini_v1_instead_of_v1beta, "gemini.models", "http://127.0.0.1:8045", "/v1", Protocol::gemini,
     "use_host_and_api_v1beta"},
    // §4 "/v1beta/v1beta/…, /v1/v1beta/…, /v1beta/v1/…": genai / generative-ai / Gemini CLI given a versioned base.
    {"GoogleGenai2_BaseWithV1beta_DoublesVersion", Method::post,
     "/v1beta/v1beta/models/gemini-2.5-flash:generateContent", false, false, true,
     DiagnosisKind::doubled_gemini_version, "gemini.generate_content", "http://127.0.0.1:8045", "/v1beta",
     Protocol::gemini, "use_host_only"},
    {"GeminiCli_BaseWithV1_AddsV1beta", Method::post,
     "/v1/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", false, false, true,
     DiagnosisKind::doubled_gemini_version, "gemini.stream_generate_content", "http://127.0.0.1:8045", "/v1",
     Protocol::gemini, "use_host_only"},
    {"GoogleGenai3_BaseWithV1beta_AddsV1", Method::post, "/v1beta/v1/models/gemini-2.5-flash:generateContent", false,
     false, true, DiagnosisKind::doubled_gemini_version, "gemini.generate_content", "http://127.0.0.1:8045",
     "/v1beta/v1", Protocol::gemini, "use_host_and_api_v1beta"},
    {"GenerativeAi_BaseWithV1Slash_DoublesVersionAndSlash", Method::post,
     "/v1//v1beta/models/gemini-2.5-flash:generateContent", false, false, true, DiagnosisKind::doubled_gemini_version,
     "gemini.generate_content", "http://127.0.0.1:8045", "/v1", Protocol::gemini, "use_host_only"},
    // §4 "//v1beta/…": @google/generative-ai with "host/".
    {"GenerativeAi_HostWithSlash_DoubleSlash", Method::post, "//v1beta/models/gemini-2.5-flash:generateContent", false,
     false, true, DiagnosisKind::double_slash, "gemini.generate_content", "http://127.0.0.1:8045", "//",
     Protocol::gemini, "use_host_only"},
    // §4 nested: any client given the full chat endpoint.
    {"OpenAiSdk_FullChatEndpoint_Nested", Method::post, "/v1/chat/completions/chat/completions", false, false, false,
     DiagnosisKind::nested_full_endpoint, "openai.chat_completions", "http://127.0.0.1:8045/v1", "/v1/chat/completions",
     Protocol::openai, "use_v1"},
    {"Codex_FullChatEndpoint_NestedResponses", Method::post, "/v1/chat/completions/responses", false, false, false,
     DiagnosisKind::nested_full_endpoint, "openai.responses", "http://127.0.0.1:8045/v1", "/v1/chat/completions",
     Protocol::openai, "use_v1"},
    {"AnthropicSdk_FullChatEndpoint_NestedMessages", Method::post, "/v1/chat/completions/v1/messages", false, true,
     false, DiagnosisKind::nested_full_endpoint, "anthropic.messages", "http://127.0.0.1:8045", "/v1/chat/completions",
     Protocol::anthropic, "use_host_only"},
    {"GoogleGenai_FullChatEndpoint_NestedGemini", Method::post,
     "/v1/chat/completions/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", false, false, true,
     DiagnosisKind::nested_full_endpoint, "gemini.stream_generate_content", "http://127.0.0.1:8045",
     "/v1/chat/completions", Protocol::gemini, "use_host_only"},
    {"AiSdkAnthropic_FullChatEndpoint_NestedMessages", Method::post, "/v1/chat/completions/messages", false, true,
     false, DiagnosisKind::nested_full_endpoint, "anthropic.messages", "http://127.0.0.1:8045/v1",
     "/v1/chat/completions", Protocol::anthropic, "use_v1"},
    {"OpenAiSdk_FullResponsesEndpoint_Nested", Method::post, "/v1/responses/responses", false, false, false,
     DiagnosisKind::nested_full_endpoint, "openai.responses", "http://127.0.0.1:8045/v1", "/v1/responses",
     Protocol::openai, "use_v1"},
    {"AnthropicSdk_FullMessagesEndpoint_Nested", Method::post, "/v1/messages/v1/messages", false, true, false,
     DiagnosisKind::nested_full_endpoint, "anthropic.messages", "http://127.0.0.1:8045", "/v1/messages",
     Protocol::anthropic, "use_host_only"},
    {"GoogleGenai_FullGenerateEndpoint_Nested", Method::post,
     "/v1beta/models/gemini-2.5-flash:generateContent/v1beta/models/gemini-2.5-flash:generateContent", false, false,
     true, DiagnosisKind::nested_full_endpoint, "gemini.generate_content", "http://127.0.0.1:8045",
     "/v1beta/models/gemini-2.5-flash:generateContent", Protocol::gemini, "use_host_only"},
    // §4 "/api/v1/…, /v1beta/chat/completions": a path prefix or a wrong-protocol prefix.
    {"OpenAiSdk_ApiPrefix_ForeignPrefix", Method::post, "/api/v1/chat/completions", false, false, false,
     DiagnosisKind::foreign_path_prefix, "openai.chat_completions", "http://127.0.0.1:8045/v1", "/api",
     Protocol::openai, "use_v1"},
    {"OpenAiSdk_OpenAiPrefix_ForeignPrefix", Method::post, "/openai/v1/chat/completions", false, false, false,
     DiagnosisKind::foreign_path_prefix, "openai.chat_completions", "http://127.0.0.1:8045/v1", "/openai",
     Protocol::openai, "use_v1"},
    {"ClaudeCode_ApiV1Base_ForeignPrefixThenDoubled", Method::post, "/api/v1/v1/messages?beta=true", false, true, false,
     DiagnosisKind::foreign_path_prefix, "anthropic.messages", "http://127.0.0.1:8045", "/api/v1", Protocol::anthropic,
     "use_host_only"},
    {"AnyAnthropicClient_ApiPrefix_DependsOnClient", Method::post, "/api/v1/messages", false, true, false,
     DiagnosisKind::foreign_path_prefix, "anthropic.messages", "", "/api", Protocol::anthropic, "depends_on_client"},
    {"OpenAiSdk_BaseWithV1beta_WrongProtocolPrefix", Method::post, "/v1beta/chat/completions", false, false, false,
     DiagnosisKind::wrong_protocol_prefix, "openai.chat_completions", "http://127.0.0.1:8045/v1", "/v1beta",
     Protocol::openai, "use_v1"},
    {"AnthropicSdk_BaseWithV1beta_WrongProtocolPrefix", Method::post, "/v1beta/v1/messages", false, true, false,
     DiagnosisKind::wrong_protocol_prefix, "anthropic.messages", "http://127.0.0.1:8045", "/v1beta",
     Protocol::anthropic, "use_host_only"},
    // §4 "GET /v1/responses + Upgrade: websocket": Codex built-in provider; answer 4xx so it POSTs.
    {"CodexBuiltin_V1Base_WebSocketUpgrade", Method::get, "/v1/responses", true, false, false,
     DiagnosisKind::websocket_upgrade, "openai.responses", "http://127.0.0.1:8045/v1", "Upgrade: websocket",
     Protocol::openai, "websocket_fallback"},
    {"CodexBuiltin_HostOnly_WebSocketOnWrongPath", Method::get, "/responses", true, false, false,
     DiagnosisKind::missing_version_prefix, "openai.responses", "http://127.0.0.1:8045/v1", "/responses",
     Protocol::openai, "use_v1"},
    // Other kinds.
    {"FullEndpointTyped_TrailingSlash", Method::post, "/v1/chat/completions/", false, false, false,
     DiagnosisKind::trailing_slash, "openai.chat_completions", "", "/", Protocol::openai, "remove_trailing_slash"},
    {"Health_TrailingSlash", Method::get, "/healthz/", false, false, false, DiagnosisKind::trailing_slash, "healthz",
     "", "/", Protocol::service, "remove_trailing_slash"},
    {"OpenAiClient_BaseWithV1Slash_DoubleSlashInside", Method::post, "/v1//chat/completions", false, false, false,
     DiagnosisKind::double_slash, "openai.chat_completions", "http://127.0.0.1:8045/v1", "//", Protocol::openai,
     "use_v1"},
    {"HandBuiltUrl_DoubleSlashInsideTheRoute", Method::post, "/v1/chat//completions", false, false, false,
     DiagnosisKind::double_slash, "openai.chat_completions", "", "//", Protocol::openai, "check_base_url"},
    {"VerbatimJoin_HostWithSlash_DoubleSlashAtStart", Method::post, "//v1/messages", false, true, false,
     DiagnosisKind::double_slash, "anthropic.messages", "http://127.0.0.1:8045", "//", Protocol::anthropic,
     "use_host_only"},
    {"Browser_GetOnChat_WrongMethod", Method::get, "/v1/chat/completions", false, false, false,
     DiagnosisKind::wrong_method, "openai.chat_completions", "", "GET", Protocol::openai, "use_method"},
    {"PostOnModelList_WrongMethod", Method::post, "/v1/models", false, false, false, DiagnosisKind::wrong_method,
     "openai.models", "", "POST", Protocol::openai, "use_method"},
    {"Browser_GetOnGenerate_WrongMethod", Method::get, "/v1beta/models/gemini-2.5-flash:generateContent", false, false,
     false, DiagnosisKind::wrong_method, "gemini.generate_content", "", "GET", Protocol::gemini, "use_method"},
    {"ContinueGemini_HostOnly_KeyInQueryIsRedacted", Method::post,
     "/models/gemini-2.5-flash:streamGenerateContent?key=AIzaSyFAKE-secret-value-123", false, false, false,
     DiagnosisKind::missing_version_prefix, "gemini.stream_generate_content", "http://127.0.0.1:8045/v1beta",
     "/models/gemini-2.5-flash:streamGenerateContent", Protocol::gemini, "use_v1beta"},
    {"LobeChatGemini_ModelListWithKey_Ok", Method::get, "/v1beta/models?key=AIzaSyFAKE-secret-value-123", false, false,
     false, DiagnosisKind::ok, "gemini.models", "", "", Protocol::gemini, "none"},
    {"OpenAiSdk_V1Base_Ok", Method::post, "/v1/chat/completions", false, false, false, DiagnosisKind::ok,
     "openai.chat_completions", "", "", Protocol::openai, "none"},
    {"AbsoluteUrlFromLog_DoublesPrefix", Method::post, "http://127.0.0.1:8045/v1/v1/messages", false, false, false,
     DiagnosisKind::duplicated_version_prefix, "anthropic.messages", "http://127.0.0.1:8045", "/v1",
     Protocol::anthropic, "use_host_only"},
    {"Browser_Root_Unknown", Method::get, "/", false, false, false, DiagnosisKind::unknown, "", "", "/",
     Protocol::openai, "check_base_url"},
    {"OpenAiRetrieveModel_NotServed_Unknown", Method::get, "/v1/models/gpt-4o", false, false, false,
     DiagnosisKind::unknown, "", "", "/v1/models/gpt-4o", Protocol::openai, "check_base_url"},
    {"Favicon_Unknown", Method::get, "/favicon.ico", false, false, false, DiagnosisKind::unknown, "", "",
     "/favicon.ico", Protocol::openai, "check_base_url"},
};

class DiagnoseRequest : public ::testing::TestWithParam<PathCase> {};

RequestFacts facts_of(const PathCase& c) {
    RequestFacts facts;
    facts.method = c.method;
    facts.target = c.target;
    facts.websocket_upgrade = c.websocket;
    facts.has_anthropic_headers = c.anthropic_headers;
    facts.has_goog_api_key = c.goog_api_key;
    return facts;
}

TEST_P(DiagnoseRequest, KindRouteFixAndWrongPart) {
    const PathCase& c = GetParam();
    const Diagnosis d = diagnose_request(facts_of(c), kOrigin);
    EXPECT_EQ(diagnosis_kind_name(d.kind), diagnosis_kind_name(c.kind));
    EXPECT_EQ(d.intended != nullptr ? d.intended->id : std::string_view{}, c.route_id);
    EXPECT_EQ(d.fixed_base_url, c.fixed_base_url);
    EXPECT_EQ(d.wrong_part, c.wrong_part);
    EXPECT_EQ(protocol_name(d.protocol), protocol_name(c.protocol));
    EXPECT_EQ(d.fix_hint_key, c.fix_hint);
}

TEST_P(DiagnoseRequest, ExplanationNamesWrongPartAndFixInEveryLanguage) {
    const PathCase& c = GetParam();
    const Diagnosis d = diagnose_request(facts_of(c), kOrigin);
    const std::string english = explain(d, Lang::en);
    for (const Lang lang : kLangs) {
        SCOPED_TRACE(std::string(lang_code(lang)));
        const std::string text = explain(d, lang);
        EXPECT_FALSE(text.empty());
        if (!c.fixed_base_url.empty()) {
            EXPECT_TRUE(contains(text, c.fixed_base_url)) << text;
        }
        if (!c.wrong_part.empty()) {
            EXPECT_TRUE(contains(text, c.wrong_part)) << text;
        }
        if (!c.route_id.empty() && c.kind != DiagnosisKind::ok) {
            EXPECT_TRUE(contains(text, d.intended_path)) << text;
        }
        if (lang != Lang::en) {
            EXPECT_NE(text, english);
        }
        EXPECT_FALSE(contains(text, kSecret)) << text;
        EXPECT_FALSE(title(d.kind, lang).empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Paths, DiagnoseRequest, ::testing::ValuesIn(kPathCases),
                         [](const ::testing::TestParamInfo<PathCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// ---- details the table does not show --------------------------------------------------------------------

TEST(DiagnoseRequestDetails, IntendedPath_KeepsTheModelAsSent) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/v1/v1beta/models/gemini-2.5-pro:countTokens";
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_EQ(d.intended_path, "/v1beta/models/gemini-2.5-pro:countTokens");
    EXPECT_EQ(d.seen_path, "/v1/v1beta/models/gemini-2.5-pro:countTokens");
}

TEST(DiagnoseRequestDetails, KeyInQuery_IsRedactedInSeenQuery) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/models/g:streamGenerateContent?alt=sse&key=AIzaSyFAKE-secret-value-123";
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_EQ(d.seen_query, "alt=sse&key=REDACTED");
    EXPECT_EQ(d.seen_path, "/models/g:streamGenerateContent");
}

TEST(DiagnoseRequestDetails, RedactQuery_HidesEverySecretNameAndKeepsTheRest) {
    EXPECT_EQ(redact_query("beta=true"), "beta=true");
    EXPECT_EQ(redact_query("key=abc&alt=sse"), "key=REDACTED&alt=sse");
    EXPECT_EQ(redact_query("API_KEY=abc&access_token=def&x=1"), "API_KEY=REDACTED&access_token=REDACTED&x=1");
    EXPECT_EQ(redact_query(""), "");
}

TEST(DiagnoseRequestDetails, DependsOnClient_GivesBothBasesAndNamesTheClients) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/api/v1/messages";
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_EQ(d.base_url_if_client_adds_version, "http://127.0.0.1:8045");
    EXPECT_EQ(d.base_url_if_client_omits_version, "http://127.0.0.1:8045/v1");
    const std::string text = explain(d, Lang::en);
    EXPECT_TRUE(contains(text, "Claude Code")) << text;
    EXPECT_TRUE(contains(text, "@ai-sdk/anthropic")) << text;
    EXPECT_TRUE(contains(text, "http://127.0.0.1:8045/v1.")) << text;
}

TEST(DiagnoseRequestDetails, GenaiV1_ExplainsTheApiVersionSettingInEveryLanguage) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/v1/models/gemini-2.5-flash:generateContent";
    facts.has_goog_api_key = true;
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_TRUE(d.needs_api_version_v1beta);
    EXPECT_EQ(d.base_url_if_client_omits_version, "http://127.0.0.1:8045/v1beta");
    for (const Lang lang : kLangs) {
        const std::string text = explain(d, lang);
        EXPECT_TRUE(contains(text, "GOOGLE_GENAI_API_VERSION=beta")) << text;
        EXPECT_TRUE(contains(text, "apiVersion: 'v1beta'")) << text;
        EXPECT_TRUE(contains(text, "http://127.0.0.1:8045/v1beta")) << text;
    }
}

TEST(DiagnoseRequestDetails, ProxyOrigin_IsNormalisedBeforeSpellingTheFix) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/v1/v1/messages";
    EXPECT_EQ(diagnose_request(facts, "http://127.0.0.1:8045/").fixed_base_url, "http://127.0.0.1:8045");
    EXPECT_EQ(diagnose_request(facts, "127.0.0.1:9000").fixed_base_url, "http://127.0.0.1:9000");
    EXPECT_EQ(diagnose_request(facts, "https://proxy.example.com/v1").fixed_base_url, "https://proxy.example.com");
}

TEST(DiagnoseRequestDetails, MethodUnknownFromLog_PathAloneDecides) {
    RequestFacts facts;  // method other: a path copied from a log line without its method
    facts.target = "/v1/chat/completions";
    EXPECT_EQ(diagnose_request(facts, kOrigin).kind, DiagnosisKind::ok);
    facts.target = "/v1/v1/chat/completions";
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_EQ(d.kind, DiagnosisKind::duplicated_version_prefix);
    EXPECT_EQ(d.fixed_base_url, "http://127.0.0.1:8045");
}

TEST(DiagnoseRequestDetails, GarbageTargets_NeverCrashAndStayUnknown) {
    const std::string very_long(5000, '/');
    std::string many_segments;
    for (int i = 0; i < 100; ++i) many_segments += "/a";
    const std::string_view targets[] = {"",        "?",           "#",           "no-leading-slash",
                                        "/%00",    very_long,     many_segments, "/v1beta/models/:generateContent",
                                        "http://", "/v1/v1/v1/v1"};
    for (const std::string_view target : targets) {
        RequestFacts facts;
        facts.method = Method::post;
        facts.target = target;
        const Diagnosis d = diagnose_request(facts, kOrigin);
        for (const Lang lang : kLangs) {
            EXPECT_FALSE(explain(d, lang).empty()) << target;
        }
    }
}

// ---- terminology of the tutorial, with accents ----------------------------------------------------------

TEST(DiagnosisText, Titles_UseTheTutorialTerms) {
    EXPECT_EQ(title(DiagnosisKind::duplicated_version_prefix, Lang::en), "Duplicated /v1 prefix");
    EXPECT_EQ(title(DiagnosisKind::duplicated_version_prefix, Lang::fr), "Préfixe /v1 en double");
    EXPECT_EQ(title(DiagnosisKind::duplicated_version_prefix, Lang::es), "Prefijo /v1 duplicado");
    EXPECT_TRUE(contains(title(DiagnosisKind::nested_full_endpoint, Lang::fr), "Chemin imbriqué"));
    EXPECT_TRUE(contains(title(DiagnosisKind::nested_full_endpoint, Lang::es), "Ruta superpuesta"));
}

TEST(DiagnosisText, EveryKind_HasThreeDistinctTitles) {
    for (int k = 0; k <= static_cast<int>(DiagnosisKind::unknown); ++k) {
        const auto kind = static_cast<DiagnosisKind>(k);
        SCOPED_TRACE(std::string(diagnosis_kind_name(kind)));
        EXPECT_FALSE(title(kind, Lang::en).empty());
        EXPECT_NE(title(kind, Lang::fr), title(kind, Lang::en));
        EXPECT_NE(title(kind, Lang::es), title(kind, Lang::en));
    }
}

TEST(DiagnosisText, NestedPath_FrenchAndSpanishUseTheTutorialWords) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/v1/chat/completions/responses";
    const Diagnosis d = diagnose_request(facts, kOrigin);
    EXPECT_TRUE(contains(explain(d, Lang::fr), "chemin imbriqué"));
    EXPECT_TRUE(contains(explain(d, Lang::fr), "Base URL"));
    EXPECT_TRUE(contains(explain(d, Lang::es), "ruta superpuesta"));
    facts.target = "/v1/v1/messages";
    const Diagnosis doubled = diagnose_request(facts, kOrigin);
    EXPECT_TRUE(contains(explain(doubled, Lang::fr), "préfixe /v1 en double"));
    EXPECT_TRUE(contains(explain(doubled, Lang::es), "prefijo /v1 duplicado"));
}

TEST(DiagnosisText, KindNames_AreStableSnakeCase) {
    EXPECT_EQ(diagnosis_kind_name(DiagnosisKind::ok), "ok");
    EXPECT_EQ(diagnosis_kind_name(DiagnosisKind::duplicated_version_prefix), "duplicated_version_prefix");
    EXPECT_EQ(diagnosis_kind_name(DiagnosisKind::gemini_v1_instead_of_v1beta), "gemini_v1_instead_of_v1beta");
    EXPECT_EQ(diagnosis_kind_name(DiagnosisKind::wrong_host_or_port), "wrong_host_or_port");
    EXPECT_EQ(diagnosis_kind_name(DiagnosisKind::unknown), "unknown");
}

// ---- (b) a client and what was typed ---------------------------------------------------------------------

struct ClientCase {
    std::string_view name;
    std::string_view client_id;
    std::string_view version;
    std::string_view typed_base_url;
    DiagnosisKind kind;
    std::string_view fixed_base_url;  // the client's own recommended base ("" for ok)
    std::string_view client_part;     // what the client appended to the failing call
    std::string_view setting;         // an extra setting that must be named ("" when none)
};

const ClientCase kClientCases[] = {
    // docs/clients.md 2.3: Claude Code with …/v1 → /v1/v1/messages?beta=true; type host only.
    {"ClaudeCode_BaseWithV1_DoublesPrefix", "claude-code", "", "http://127.0.0.1:8045/v1",
     DiagnosisKind::duplicated_version_prefix, "http://127.0.0.1:8045", "/v1/messages", ""},
    // 2.1: the Anthropic SDK with …/v1 → /v1/v1/messages.
    {"AnthropicSdkNode_BaseWithV1_DoublesPrefix", "anthropic-sdk-node", "", "http://127.0.0.1:8045/v1",
     DiagnosisKind::duplicated_version_prefix, "http://127.0.0.1:8045", "/v1/messages", ""},
    // 2.4: @ai-sdk/anthropic with host only → /messages; type …/v1.
    {"AiSdkAnthropic_HostOnly_MissesV1", "ai-sdk-anthropic", "", "http://127.0.0.1:8045",
     DiagnosisKind::missing_version_prefix, "http://127.0.0.1:8045/v1", "/messages", ""},
    // 3.1: @google/genai 3.1 with host only → /v1/models/…; keep host only and set the API version.
    {"GoogleGenaiNode3_HostOnly_UsesV1", "google-genai-node", "3.1.0", "http://127.0.0.1:8045",
     DiagnosisKind::gemini_v1_instead_of_v1beta, "http://127.0.0.1:8045", "", "GOOGLE_GENAI_API_VERSION"},
    // 3.1: @google/genai 2.32 with …/v1beta → /v1beta/v1beta/….
    {"GoogleGenaiNode2_BaseWithV1beta_DoublesVersion", "google-genai-node", "2.32.0", "http://127.0.0.1:8045/v1beta",
     DiagnosisKind::doubled_gemini_version, "http://127.0.0.1:8045", "", ""},
    // 1.6: Codex with the full chat endpoint → /v1/chat/completions/responses; type …/v1.
    {"CodexCli_FullChatEndpoint_Nested", "codex-cli", "", "http://127.0.0.1:8045/v1/chat/completions",
     DiagnosisKind::nested_full_endpoint, "http://127.0.0.1:8045/v1", "/responses", ""},
    // 1.1: the OpenAI SDK with host only → /chat/completions.
    {"OpenAiNode_HostOnly_MissesV1", "openai-node", "", "http://127.0.0.1:8045", DiagnosisKind::missing_version_prefix,
     "http://127.0.0.1:8045/v1", "/chat/completions", ""},
    // 3.3: @google/generative-ai with "host/" → //v1beta/….
    {"GenerativeAi_HostWithSlash_DoubleSlash", "google-generative-ai", "", "http://127.0.0.1:8045/",
     DiagnosisKind::double_slash, "http://127.0.0.1:8045", "", ""},
    // The right bases: nothing to fix.
    {"OpenAiNode_V1Base_Ok", "openai-node", "", "http://127.0.0.1:8045/v1", DiagnosisKind::ok, "", "", ""},
    {"ClaudeCode_HostOnly_Ok", "claude-code", "", "http://127.0.0.1:8045", DiagnosisKind::ok, "", "", ""},
    {"GoogleGenaiNode2_HostOnly_Ok", "google-genai-node", "2.32.0", "http://127.0.0.1:8045", DiagnosisKind::ok, "", "",
     ""},
};

class DiagnoseClient : public ::testing::TestWithParam<ClientCase> {};

TEST_P(DiagnoseClient, FirstMissExplainedForThatClient) {
    const ClientCase& c = GetParam();
    const ClientEntry* client = find_client(c.client_id);
    ASSERT_NE(client, nullptr) << c.client_id;
    const auto result = diagnose_client(*client, c.version, c.typed_base_url);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const Diagnosis& d = result->diagnosis;
    EXPECT_EQ(diagnosis_kind_name(d.kind), diagnosis_kind_name(c.kind));
    EXPECT_EQ(d.fixed_base_url, c.fixed_base_url);
    if (c.kind != DiagnosisKind::ok) {
        EXPECT_EQ(result->recommended_base_url, c.fixed_base_url);
        ASSERT_GE(result->failing_call_index, 0);
        EXPECT_FALSE(result->resolution.calls[static_cast<std::size_t>(result->failing_call_index)].reaches_route());
    } else {
        EXPECT_EQ(result->failing_call_index, -1);
    }
    if (!c.client_part.empty()) {
        EXPECT_EQ(d.client_part, c.client_part);
    }
    if (!c.setting.empty()) {
        const bool named = std::any_of(result->settings_needed.begin(), result->settings_needed.end(),
                                       [&](const ExtraSetting* s) { return s->name == c.setting; });
        EXPECT_TRUE(named);
    }
    for (const Lang lang : kLangs) {
        SCOPED_TRACE(std::string(lang_code(lang)));
        const std::string text = explain(d, lang);
        EXPECT_FALSE(text.empty());
        EXPECT_TRUE(contains(text, client->name)) << text;
        if (!c.fixed_base_url.empty()) {
            EXPECT_TRUE(contains(text, c.fixed_base_url)) << text;
        }
        if (!c.client_part.empty()) {
            EXPECT_TRUE(contains(text, c.client_part)) << text;
        }
        if (!c.setting.empty()) {
            EXPECT_TRUE(contains(text, c.setting)) << text;
        }
        if (c.kind != DiagnosisKind::ok) {
            EXPECT_TRUE(contains(text, d.wrong_part)) << text;
        }
        if (lang != Lang::en) {
            EXPECT_NE(text, explain(d, Lang::en));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Clients, DiagnoseClient, ::testing::ValuesIn(kClientCases),
                         [](const ::testing::TestParamInfo<ClientCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// Every catalog client and version with the bases people actually type (docs/clients.md §0 "what goes wrong"):
// a miss is never "unknown", and its explanation names the client, the wrong part and the client's own fix.
TEST(DiagnoseClientDetails, EveryCatalogClient_CommonTypedBases_ExplainedWithTheirFix) {
    const std::string_view typed_bases[] = {"http://127.0.0.1:8045",        "http://127.0.0.1:8045/",
                                            "http://127.0.0.1:8045/v1",     "http://127.0.0.1:8045/v1/",
                                            "http://127.0.0.1:8045/v1beta", "http://127.0.0.1:8045/v1/chat/completions",
                                            "http://127.0.0.1:8045/api/v1", "http://127.0.0.1:8045/v1/messages"};
    for (const ClientEntry& client : client_catalog()) {
        for (const ClientVariant& variant : client.variants) {
            for (const std::string_view typed : typed_bases) {
                SCOPED_TRACE(std::string(client.id) + " " + std::string(variant.min_version) + " " +
                             std::string(typed));
                const auto result = diagnose_client(client, variant.min_version, typed);
                ASSERT_TRUE(result.ok());
                const Diagnosis& d = result->diagnosis;
                EXPECT_NE(d.kind, DiagnosisKind::unknown);
                if (d.kind == DiagnosisKind::ok) continue;
                EXPECT_FALSE(d.fixed_base_url.empty());
                for (const Lang lang : kLangs) {
                    const std::string text = explain(d, lang);
                    EXPECT_TRUE(contains(text, client.name)) << text;
                    EXPECT_TRUE(contains(text, d.wrong_part)) << text;
                    EXPECT_TRUE(contains(text, d.fixed_base_url)) << text;
                }
            }
        }
    }
}

TEST(DiagnoseClientDetails, TypedBaseOnAnotherPort_IsWrongHostOrPort) {
    const auto result = diagnose_client(*find_client("claude-code"), "", "http://127.0.0.1:8080", kOrigin);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->diagnosis.kind, DiagnosisKind::wrong_host_or_port);
    EXPECT_EQ(result->diagnosis.wrong_part, "http://127.0.0.1:8080");
    EXPECT_EQ(result->diagnosis.fixed_base_url, "http://127.0.0.1:8045");
    for (const Lang lang : kLangs) {
        const std::string text = explain(result->diagnosis, lang);
        EXPECT_TRUE(contains(text, "http://127.0.0.1:8080")) << text;
        EXPECT_TRUE(contains(text, "http://127.0.0.1:8045")) << text;
    }
}

TEST(DiagnoseClientDetails, RooCodeOpenAiNative_HostOnly_WorksOnlyThroughItsFallback) {
    // docs/clients.md 1.9: the SDK call to "/responses" fails, then Roo Code retries "/v1/responses".
    const auto result = diagnose_client(*find_client("roo-code.openai-native"), "", "http://127.0.0.1:8045");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->diagnosis.kind, DiagnosisKind::ok);
    EXPECT_EQ(result->diagnosis.fixed_base_url, "http://127.0.0.1:8045/v1");
    for (const Lang lang : kLangs) {
        const std::string text = explain(result->diagnosis, lang);
        EXPECT_TRUE(contains(text, "POST /responses")) << text;
        EXPECT_TRUE(contains(text, "http://127.0.0.1:8045/v1")) << text;
    }
}

TEST(DiagnoseClientDetails, UnparsableBase_IsAnErrorNotACrash) {
    const auto result = diagnose_client(*find_client("openai-node"), "", "http://127.0.0.1:notaport/v1");
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(result.error().message.empty());
}

TEST(DiagnoseClientDetails, Cursor_OnLoopback_SaysItCannotReachIt) {
    const auto result = diagnose_client(*find_client("cursor"), "", "http://127.0.0.1:8045/v1");
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->diagnosis.client_cannot_reach_origin);
    EXPECT_TRUE(contains(explain(result->diagnosis, Lang::en), "public URL"));
}

TEST(DiagnoseClientDetails, KeyInTypedBase_NeverReachesTheExplanation) {
    const auto result =
        diagnose_client(*find_client("openai-node"), "", "http://127.0.0.1:8045?key=AIzaSyFAKE-secret-value-123");
    ASSERT_TRUE(result.ok());
    for (const Lang lang : kLangs) {
        EXPECT_FALSE(contains(explain(result->diagnosis, lang), kSecret));
    }
}

// ---- (c) which clients send this path --------------------------------------------------------------------

struct LikelyCase {
    std::string_view name;
    Method method;
    std::string_view target;
    std::vector<std::string_view> included;
    std::vector<std::string_view> excluded;
};

TEST(LikelyClients, Table) {
    const std::vector<LikelyCase> cases = {
        // 2.1/2.3: the Anthropic SDK and Claude Code add /v1 themselves; @ai-sdk/anthropic would need "…/v1/v1".
        {"AnthropicDoubled",
         Method::post,
         "/v1/v1/messages?beta=true",
         {"claude-code", "anthropic-sdk-node"},
         {"ai-sdk-anthropic", "openai-node"}},
        // 2.4: only clients that append "/messages" produce it from host only.
        {"BareMessages", Method::post, "/messages", {"ai-sdk-anthropic"}, {"anthropic-sdk-node", "claude-code"}},
        // 3.1: @google/genai 3.x with host only.
        {"GenaiV1",
         Method::post,
         "/v1/models/gemini-2.5-flash:generateContent",
         {"google-genai-node"},
         {"google-generative-ai", "openai-node"}},
        // 3.3: @google/generative-ai with "host/".
        {"LegacyDoubleSlash",
         Method::post,
         "//v1beta/models/gemini-2.5-flash:generateContent",
         {"google-generative-ai"},
         {"google-genai-node"}},
        // 1.4/1.6: Responses-API clients given the full chat endpoint.
        {"NestedResponses",
         Method::post,
         "/v1/chat/completions/responses",
         {"codex-cli", "ai-sdk-openai"},
         {"claude-code", "google-genai-node"}},
    };
    for (const LikelyCase& c : cases) {
        SCOPED_TRACE(std::string(c.name));
        RequestFacts facts;
        facts.method = c.method;
        facts.target = c.target;
        const std::vector<std::string> ids = likely_clients(facts, kOrigin);
        for (const std::string_view id : c.included) {
            EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
        }
        for (const std::string_view id : c.excluded) {
            EXPECT_EQ(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
        }
    }
}

TEST(LikelyClients, ProtocolHeaders_KeepOnlyThatProtocolsClients) {
    // "/v1/models" is sent by OpenAI-family clients and by the Anthropic SDK (docs/clients.md 1.1, 2.1).
    RequestFacts facts;
    facts.method = Method::get;
    facts.target = "/v1/models";
    const std::vector<std::string> any = likely_clients(facts, kOrigin);
    EXPECT_NE(std::find(any.begin(), any.end(), "openai-node"), any.end());
    EXPECT_NE(std::find(any.begin(), any.end(), "anthropic-sdk-node"), any.end());
    facts.has_anthropic_headers = true;
    const std::vector<std::string> anthropic = likely_clients(facts, kOrigin);
    EXPECT_EQ(std::find(anthropic.begin(), anthropic.end(), "openai-node"), anthropic.end());
    EXPECT_NE(std::find(anthropic.begin(), anthropic.end(), "anthropic-sdk-node"), anthropic.end());
}

TEST(LikelyClients, BadOrigin_GivesNoneInsteadOfCrashing) {
    RequestFacts facts;
    facts.method = Method::post;
    facts.target = "/v1/v1/messages";
    EXPECT_TRUE(likely_clients(facts, "").empty());
}

// --repair-paths serves a miss by its intended route only when what was meant is unambiguous.
TEST(RepairPolicy, OnlyUnambiguousMistakes_AreRepairable) {
    const std::vector<DiagnosisKind> repairable = {
        DiagnosisKind::trailing_slash,
        DiagnosisKind::double_slash,
        DiagnosisKind::duplicated_version_prefix,
        DiagnosisKind::nested_full_endpoint,
        DiagnosisKind::missing_version_prefix,
        DiagnosisKind::gemini_v1_instead_of_v1beta,
        DiagnosisKind::doubled_gemini_version,
    };
    const std::vector<DiagnosisKind> never = {
        DiagnosisKind::ok,
        DiagnosisKind::wrong_method,
        DiagnosisKind::wrong_protocol_prefix,
        DiagnosisKind::foreign_path_prefix,
        DiagnosisKind::websocket_upgrade,
        DiagnosisKind::wrong_host_or_port,
        DiagnosisKind::unknown,
    };
    for (const DiagnosisKind kind : repairable) EXPECT_TRUE(is_repairable(kind)) << diagnosis_kind_name(kind);
    for (const DiagnosisKind kind : never) EXPECT_FALSE(is_repairable(kind)) << diagnosis_kind_name(kind);
}

}  // namespace
}  // namespace pathwise
