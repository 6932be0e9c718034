// `pathwise scan` with probing: what really listens at each address a client's config names, against a real
// `pathwise serve`, a server that answers 200 to anything (as LM Studio does), and a port nothing listens on.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fault_upstream.hpp"
#include "pathwise_process.hpp"

namespace pathwise::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

json find(const json& list, std::string_view key, std::string_view value) {
    for (const json& entry : list) {
        if (entry[key] == value) return entry;
    }
    ADD_FAILURE() << "no " << key << " = " << value << " in " << list.dump(2);
    return json::object();
}

struct ScanRun {
    int exit_code = -1;
    json out;
};

ScanRun scan(const TempDir& home, std::map<std::string, std::string> env = {}) {
    env["HOME"] = home.path();
    env["PATH"] = "/usr/bin:/bin";
    for (const char* name : {"ANTHROPIC_BASE_URL", "OPENAI_BASE_URL", "GOOGLE_GEMINI_BASE_URL", "CODEX_HOME"}) {
        env.emplace(name, "");  // the machine's own must not leak in ("" counts as unset)
    }
    PathwiseProcess process =
        PathwiseProcess::start({{"scan", "--json", "--project", home.path() + "/project"}, env, true});
    ScanRun run;
    run.exit_code = process.wait_exit(20s).value_or(-1);
    run.out = json::parse(process.stdout_text(), nullptr, false);
    EXPECT_FALSE(run.out.is_discarded()) << process.stdout_text() << process.stderr_text();
    return run;
}

TEST(ScanProbe, PathwiseIsRecognised_AndTheWrongCallIsReplayedTo404) {
    PathwiseProcess proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready());
    const TempDir home;
    std::filesystem::create_directories(home.path() + "/project");
    write(home.path() + "/.claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": ")" + proxy.origin() + R"(/v1"}})");
    const ScanRun run = scan(home);
    EXPECT_EQ(run.exit_code, 1);
    const json claude = find(run.out["products"], "product", "claude-code");
    const json base = find(claude["settings"], "key", "env.ANTHROPIC_BASE_URL");
    EXPECT_EQ(base["listener"]["kind"], "pathwise");
    EXPECT_EQ(base["listener"]["version"], PATHWISE_VERSION);
    EXPECT_EQ(base["listener"]["auth"], "off");
    ASSERT_EQ(base["replayed"].size(), 1u) << base.dump(2);
    EXPECT_EQ(base["replayed"][0]["method"], "POST");
    EXPECT_EQ(base["replayed"][0]["target"], "/v1/v1/messages?beta=true");
    EXPECT_EQ(base["replayed"][0]["status"], 404);
    // The proxy's own diagnosis comes back in the answer the client would get.
    EXPECT_NE(base["replayed"][0]["summary"].get<std::string>().find("repeats /v1"), std::string::npos)
        << base["replayed"][0].dump();

    // Fixed: the same exact call now reaches the route and the mock answers it.
    write(home.path() + "/.claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": ")" + proxy.origin() + R"("}})");
    const ScanRun fixed = scan(home);
    EXPECT_EQ(fixed.exit_code, 0) << fixed.out.dump(2);
    const json replayed = find(find(fixed.out["products"], "product", "claude-code")["settings"], "key",
                               "env.ANTHROPIC_BASE_URL")["replayed"];
    ASSERT_EQ(replayed.size(), 1u);
    EXPECT_EQ(replayed[0]["target"], "/v1/messages?beta=true");
    EXPECT_NE(replayed[0]["status"], 404);
}

TEST(ScanProbe, AServerThatAnswers200ToAnything_IsNamedAsSuch) {
    FaultUpstream anything(FaultUpstream::json_answer(R"({"ok": true})"));
    ASSERT_TRUE(anything.ok());
    const TempDir home;
    std::filesystem::create_directories(home.path() + "/project");
    write(home.path() + "/.codex/config.toml", "model_provider = \"lm\"\n[model_providers.lm]\nbase_url = \"" +
                                                   anything.origin() + "\"\nwire_api = \"responses\"\n");
    const ScanRun run = scan(home);
    const json base =
        find(find(run.out["products"], "product", "codex")["settings"], "key", "model_providers.lm.base_url");
    EXPECT_EQ(base["listener"]["kind"], "answers_everything");
    // The path is still wrong, and the scan says so even though the server "accepted" it.
    EXPECT_EQ(base["diagnosis"]["kind"], "missing_version_prefix");
    EXPECT_EQ(base["replayed"][0]["status"], 200);
    EXPECT_EQ(run.exit_code, 1);
    // What the replay sent: the exact call, no key, an empty JSON object.
    bool saw_post = false;
    for (const UpstreamRequest& request : anything.requests()) {
        if (!request.request_line.starts_with("POST ")) continue;
        saw_post = true;
        EXPECT_EQ(request.request_line, "POST /responses HTTP/1.1");
        EXPECT_EQ(request.body, "{}");
        EXPECT_EQ(request.header("authorization"), "");
    }
    EXPECT_TRUE(saw_post);
}

// The replay carries the client's own identifying headers, so the proxy answers it as it answers the client: the
// OpenAI SDK's model list under …/v1beta is refused (it would be Gemini's list for a nameless caller).
TEST(ScanProbe, Replay_IsSentWithTheClientsOwnHeaders_AndGetsTheClientsAnswer) {
    PathwiseProcess proxy = PathwiseProcess::start_serve();
    ASSERT_TRUE(proxy.ready());
    FaultUpstream recorder(FaultUpstream::json_answer(R"({"ok": true})"));
    ASSERT_TRUE(recorder.ok());
    const TempDir home;
    std::filesystem::create_directories(home.path() + "/project");
    write(home.path() + "/.claude/settings.json", R"({"env": {"ANTHROPIC_BASE_URL": ")" + recorder.origin() + R"("}})");
    const ScanRun run = scan(home, {{"OPENAI_BASE_URL", proxy.origin() + "/v1beta"}});
    const json sdk = find(find(run.out["products"], "product", "openai-sdk")["settings"], "key", "OPENAI_BASE_URL");
    const json models = find(sdk["replayed"], "target", "/v1beta/models");
    EXPECT_EQ(models["status"], 404) << sdk.dump(2);
    EXPECT_NE(models["summary"].get<std::string>().find("/v1beta"), std::string::npos) << models.dump();
    ASSERT_GE(recorder.request_count(), 1u);
    const UpstreamRequest sent = recorder.requests().back();
    EXPECT_EQ(sent.request_line, "POST /v1/messages?beta=true HTTP/1.1");
    EXPECT_TRUE(sent.header("user-agent").starts_with("claude-cli/")) << sent.head;
    EXPECT_EQ(sent.header("anthropic-version"), "2023-06-01");
    EXPECT_EQ(sent.header("x-api-key"), "");
}

TEST(ScanProbe, NothingListening_IsAProblemWithTheReason) {
    const int closed = pick_free_port();
    const TempDir home;
    std::filesystem::create_directories(home.path() + "/project");
    const ScanRun run = scan(home, {{"OPENAI_BASE_URL", "http://127.0.0.1:" + std::to_string(closed) + "/v1"}});
    EXPECT_EQ(run.exit_code, 1);
    const json sdk = find(run.out["products"], "product", "openai-sdk");
    const json base = find(sdk["settings"], "key", "OPENAI_BASE_URL");
    EXPECT_EQ(base["listener"]["kind"], "nothing");
    EXPECT_EQ(base["diagnosis"]["kind"], "ok");
    ASSERT_EQ(sdk["problems"].size(), 1u) << sdk.dump(2);
    EXPECT_NE(
        sdk["problems"][0].get<std::string>().find("nothing listens at http://127.0.0.1:" + std::to_string(closed)),
        std::string::npos)
        << sdk["problems"][0];
}

TEST(ScanProbe, Healthz_SaysPathwiseItsAuthModeAndWebSocketBridge) {
    PathwiseProcess proxy = PathwiseProcess::start_serve({"--responses-websocket=false"});
    ASSERT_TRUE(proxy.ready());
    const auto health = proxy.client()->Get("/healthz");
    ASSERT_TRUE(health);
    const json body = json::parse(health->body);
    EXPECT_EQ(body["service"], "pathwise");
    EXPECT_EQ(body["status"], "ok");
    EXPECT_EQ(body["auth"], "off");
    EXPECT_EQ(body["responses_websocket"], false);
}

}  // namespace
}  // namespace pathwise::testing
