// mock_server.hpp — Pathwise's mock upstream: a real HTTP server on loopback that answers every route in the
// provider's own format. It is the default upstream of `pathwise serve` (so it works offline with any real
// client) and, through `pathwise mock`, a stand-in provider for tests.
//
//   std::string error;
//   auto mock = MockServer::start(MockOptions{}, error);   // 127.0.0.1, ephemeral port
//   mock->origin();                                        // "http://127.0.0.1:41234"
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "pathwise/translate/protocol.hpp"

namespace pathwise::mock {

struct MockOptions {
    std::string host = "127.0.0.1";
    int port = 0;                               // 0 = ephemeral
    std::chrono::milliseconds token_delay{30};  // between streamed events, so streaming is visible
    int threads = 64;                           // concurrent connections served (each stream holds one)
    std::string tls_cert;                       // both set = HTTPS
    std::string tls_key;
    bool log_requests = false;  // one line per request and per aborted stream on stderr
    // Set: the mock speaks only this chat protocol, as a provider of one API does (an Ollama-like OpenAI-compatible
    // server for openai-chat): every other protocol's route answers 404. Its model list and token count stay.
    std::optional<translate::Protocol> protocol;
    // TEST ONLY (`pathwise mock --test-knobs`): honour x-pathwise-mock-* request headers that make the mock
    // misbehave (die mid-stream, stall, delay the first byte, answer an error status) and serve /_mock/stats.
    // Never on for the embedded default upstream.
    bool test_knobs = false;
};

class MockServer {
public:
    // Binds and starts serving on its own threads; nullptr with `error` set when it cannot.
    static std::unique_ptr<MockServer> start(const MockOptions& options, std::string& error);
    ~MockServer();  // stops and joins
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    [[nodiscard]] int port() const;
    [[nodiscard]] std::string origin() const;  // "http://127.0.0.1:41234" or "https://…"
    void stop();
    void wait();  // blocks until stop()

    struct Impl;

private:
    explicit MockServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace pathwise::mock
