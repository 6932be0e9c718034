// server_routes_test.cpp — `pathwise serve` answers its own routes (health, readiness, GET /, the wizard's files),
// refuses the Codex WebSocket at once, and never lets the library answer a default 400/404.
// Expected values are written by hand from the issue and docs/clients.md.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "pathwise_process.hpp"
#include "raw_http.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;

json parse(const std::string& text) {
    return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

TEST(ServeRoutes, Healthz_Default_AnswersOkWithVersion) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    const json body = parse(res->body);
    EXPECT_EQ(body["status"], "ok");
    EXPECT_EQ(body["version"], PATHWISE_VERSION);
}

TEST(ServeRoutes, ListeningLine_Default_BindsLoopbackOnly) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    EXPECT_EQ(proxy.host(), "127.0.0.1");
    const std::string banner = proxy.stdout_text();
    // The banner tells each client family what to type (docs/clients.md §0).
    EXPECT_NE(banner.find(proxy.origin() + "/v1\n"), std::string::npos) << banner;
    EXPECT_NE(banner.find(proxy.origin() + "/v1beta"), std::string::npos) << banner;
    EXPECT_NE(banner.find("Auth:"), std::string::npos) << banner;
    EXPECT_NE(banner.find("embedded mock"), std::string::npos) << banner;
}

TEST(ServeRoutes, Readyz_MockUpstreams_ReadyForEveryProtocol) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    const json body = parse(res->body);
    ASSERT_TRUE(body["upstreams"].is_array()) << res->body;
    std::set<std::string> protocols;
    for (const auto& upstream : body["upstreams"]) {
        protocols.insert(upstream["protocol"].get<std::string>());
        EXPECT_TRUE(upstream["reachable"].get<bool>()) << upstream.dump();
    }
    EXPECT_EQ(protocols, (std::set<std::string>{"openai", "anthropic", "gemini"}));
}

TEST(ServeRoutes, Readyz_UpstreamDown_Answers503NamingIt) {
    const int nobody_listens = pick_free_port();
    auto proxy =
        PathwiseProcess::start_serve({"--upstream", "openai=http://127.0.0.1:" + std::to_string(nobody_listens)});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client(15s)->Get("/readyz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << res->body;
    bool openai_down = false;
    const json body = parse(res->body);
    for (const auto& upstream : body["upstreams"]) {
        if (upstream["protocol"] == "openai") openai_down = !upstream["reachable"].get<bool>();
    }
    EXPECT_TRUE(openai_down) << res->body;
}

TEST(ServeRoutes, Root_AcceptJson_ListsRoutesAndBaseUrlPerFamily) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/", {{"Accept", "application/json"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    const json body = parse(res->body);
    std::map<std::string, std::string> base_by_client;
    for (const auto& row : body["base_urls"]) base_by_client[row["client_id"]] = row["base_url"];
    // Request with httplib's Host header "127.0.0.1:<port>": the base URLs use the origin the client used.
    const std::string origin = proxy.origin();
    EXPECT_EQ(base_by_client["openai-node"], origin + "/v1");        // appends /chat/completions
    EXPECT_EQ(base_by_client["anthropic-sdk-node"], origin);         // appends /v1/messages
    EXPECT_EQ(base_by_client["ai-sdk-anthropic"], origin + "/v1");   // appends /messages
    EXPECT_EQ(base_by_client["ai-sdk-google"], origin + "/v1beta");  // appends /models/{m}:…
    std::set<std::string> paths;
    for (const auto& route : body["routes"]) paths.insert(route["path"].get<std::string>());
    EXPECT_TRUE(paths.count("/v1/chat/completions"));
    EXPECT_TRUE(paths.count("/v1/messages"));
    EXPECT_TRUE(paths.count("/v1beta/models/{model}:generateContent"));
}

TEST(ServeRoutes, Root_BrowserWithoutWizard_ExplainsHowToBuildIt) {
    TempDir empty_web_root;
    auto proxy = PathwiseProcess::start_serve({"--web-root", empty_web_root.path()});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->get_header_value("Content-Type").find("text/html"), std::string::npos);
    EXPECT_NE(res->body.find("wizard is not built"), std::string::npos) << res->body;
    EXPECT_NE(res->body.find(proxy.origin() + "/v1"), std::string::npos);
}

TEST(ServeRoutes, Wizard_StrictAuth_FilesStayPublic) {
    TempDir web_root;
    web_root.write_file("index.html", "<!doctype html><title>wizard</title>");
    web_root.write_file("wizard.wasm", std::string("\0asm\x01\0\0\0", 8));
    auto proxy =
        PathwiseProcess::start_serve({"--web-root", web_root.path(), "--auth-mode", "strict", "--api-key", "k1"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto client = proxy.client();
    auto index = client->Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<!doctype html><title>wizard</title>");
    auto wasm = client->Get("/wizard.wasm");
    ASSERT_TRUE(wasm);
    EXPECT_EQ(wasm->status, 200);
    EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");
    // The proxy's own data is not public in strict mode.
    auto requests = client->Get("/_pathwise/requests");
    ASSERT_TRUE(requests);
    EXPECT_EQ(requests->status, 401);
}

TEST(ServeRoutes, Wizard_PathEscapingWebRoot_NotServed) {
    TempDir outside;
    outside.write_file("secret.txt", "do not serve");
    outside.write_file("web/index.html", "wizard");
    auto proxy = PathwiseProcess::start_serve({"--web-root", outside.path() + "/web"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    const auto res =
        raw_exchange(proxy.port(), "GET /../secret.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5s);
    EXPECT_NE(res.status, 200);
    EXPECT_EQ(res.body.find("do not serve"), std::string::npos);
}

// Codex's built-in provider first tries GET /v1/responses with Upgrade: websocket (docs/clients.md 1.6). Pathwise
// serves it (responses_websocket_test.cpp); turned off, or on a route that has no WebSocket form, the upgrade is
// refused at once with a 426 that says to POST, so Codex falls back without its retries.
httplib::Result upgrade(PathwiseProcess& proxy, const std::string& path) {
    return proxy.client()->Get(path, {{"Upgrade", "websocket"},
                                      {"Connection", "Upgrade"},
                                      {"Sec-WebSocket-Version", "13"},
                                      {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}});
}

void expect_refused_in_openai_shape(const httplib::Result& res) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 426);
    const json body = parse(res->body);
    const std::string message = body["error"]["message"];
    EXPECT_NE(message.find("WebSocket"), std::string::npos) << res->body;
    EXPECT_NE(message.find("POST"), std::string::npos) << res->body;
}

TEST(ServeRoutes, CodexWebSocket_TurnedOff_RefusedAtOnceInOpenAiShape) {
    auto proxy = PathwiseProcess::start_serve({"--responses-websocket=false"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    expect_refused_in_openai_shape(upgrade(proxy, "/v1/responses"));
}

TEST(ServeRoutes, WebSocketUpgradeOfAChatRoute_RefusedAtOnceInOpenAiShape) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    expect_refused_in_openai_shape(upgrade(proxy, "/v1/chat/completions"));
}

TEST(ServeRoutes, WrongMethod_GetChatCompletions_405WithAllowHeader) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Get("/v1/chat/completions");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
    EXPECT_EQ(res->get_header_value("Allow"), "POST");
    const json body = parse(res->body);
    EXPECT_EQ(body["error"]["type"], "invalid_request_error");
    EXPECT_EQ(body["pathwise"]["diagnosis"], "wrong_method");
    EXPECT_EQ(body["pathwise"]["intended_path"], "/v1/chat/completions");
}

TEST(ServeRoutes, WrongMethod_PostGeminiModels_405InGeminiShape) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1beta/models", "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 405);
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD");
    const json body = parse(res->body);
    EXPECT_EQ(body["error"]["code"], 405);
}

TEST(ServeRoutes, UnknownPath_EveryMethod_Answers404NotTheLibrary400) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    for (const std::string method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
        SCOPED_TRACE(method);
        const auto res = raw_exchange(proxy.port(),
                                      method +
                                          " /no/such/thing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                                          "Connection: close\r\n\r\n{}",
                                      5s);
        EXPECT_EQ(res.status, 404) << res.head;
        if (method != "HEAD") {
            EXPECT_EQ(parse(res.body)["error"]["code"], "path_not_found") << res.body;
        }
    }
}

TEST(ServeRoutes, ChatCompletion_Routed_ReachesMockUpstream) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    auto res = proxy.client()->Post("/v1/chat/completions",
                                    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]})",
                                    "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(parse(res->body)["object"], "chat.completion") << res->body;
}

TEST(ServeRoutes, AnthropicMessages_QueryBetaTrue_StillRouted) {
    auto proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();
    // Claude Code sends POST /v1/messages?beta=true (docs/clients.md 2.3): the query must not break matching.
    auto res = proxy.client()->Post(
        "/v1/messages?beta=true",
        R"({"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi"}]})",
        "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(parse(res->body)["type"], "message") << res->body;
}

}  // namespace
}  // namespace pathwise::testing
