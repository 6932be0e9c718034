// `pathwise mock`: the mock upstream on its own, as a stand-in provider (for tests, demos and client checks).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "commands.hpp"
#include "config/options.hpp"
#include "mock/mock_server.hpp"

namespace pathwise::cli {

namespace {

constexpr const char* kMockUsage =
    "usage: pathwise mock [--port N] [--host H] [--tls-cert C --tls-key K] [--token-delay-ms D] [--threads T]\n"
    "                     [--protocol P] [--log] [--test-knobs]\n"
    "\n"
    "Runs Pathwise's mock upstream: it answers the OpenAI, Anthropic and Gemini routes in each provider's own\n"
    "format (JSON and streams), echoing the requested model. Asked with tools and a last user message that says\n"
    "pathwise-mock-call:NAME, it calls tool NAME in every protocol's own shape (OpenAI chat and Responses,\n"
    "Anthropic tool_use, Gemini functionCall; arguments made from the tool's schema: strings \"pathwise\",\n"
    "numbers 0, false, []); after the tool's result it answers in text. Point an upstream at it:\n"
    "  upstreams.openai.base_url = http://127.0.0.1:N\n"
    "\n"
    "  --port N            port to listen on (0 = any free port; default 0). The first stdout line says which.\n"
    "  --host H            address to bind (default 127.0.0.1)\n"
    "  --tls-cert/--tls-key  PEM files: serve HTTPS\n"
    "  --token-delay-ms D  pause between streamed events (default 30)\n"
    "  --threads T         connections served at once (default 64)\n"
    "  --protocol P        speak only one chat protocol, as a single-API server does: openai-chat (like Ollama,\n"
    "                      vLLM, LM Studio), anthropic, gemini or openai-responses; the other protocols' routes\n"
    "                      answer 404\n"
    "  --log               one line per request on stderr\n"
    "  --test-knobs        TESTS ONLY: obey x-pathwise-mock-fail (die_midstream, stall_midstream, status:CODE),\n"
    "                      x-pathwise-mock-first-byte-delay-ms, x-pathwise-mock-stall-ms, x-pathwise-mock-tokens\n"
    "                      request headers and serve GET /_mock/stats\n";

constexpr config::OptionSpec kMockSpecs[] = {
    {"--port", "N"},    {"--host", "H"},     {"--tls-cert", "C"}, {"--tls-key", "K"},   {"--token-delay-ms", "D"},
    {"--threads", "T"}, {"--protocol", "P"}, {"--log", ""},       {"--test-knobs", ""}, {"--help", ""},
};

int usage_error(const std::string& message) {
    std::fprintf(stderr, "pathwise mock: %s\n\n%s", message.c_str(), kMockUsage);
    return 2;
}

}  // namespace

int run_mock(const Args& args) {
    std::string error;
    const auto parsed = config::parse_options(args, kMockSpecs, error);
    if (!parsed) return usage_error(error);
    if (parsed->has("--help")) {
        std::fputs(kMockUsage, stdout);
        return 0;
    }
    if (!parsed->positionals.empty()) return usage_error("unexpected argument '" + parsed->positionals.front() + "'");
    mock::MockOptions options;
    options.port = 0;
    options.log_requests = parsed->has("--log");
    options.test_knobs = parsed->has("--test-knobs");
    options.host = parsed->value("--host").value_or(options.host);
    options.tls_cert = parsed->value("--tls-cert").value_or("");
    options.tls_key = parsed->value("--tls-key").value_or("");
    if (const auto text = parsed->value("--port")) {
        const auto port = config::integer_value(*text, 0, 65535);
        if (!port) return usage_error("--port wants a number from 0 to 65535, got '" + *text + "'");
        options.port = static_cast<int>(*port);
    }
    if (const auto text = parsed->value("--token-delay-ms")) {
        const auto delay = config::integer_value(*text, 0, 3'600'000);
        if (!delay) return usage_error("--token-delay-ms wants a number of milliseconds >= 0");
        options.token_delay = std::chrono::milliseconds(*delay);
    }
    if (const auto text = parsed->value("--threads")) {
        const auto threads = config::integer_value(*text, 1, 4096);
        if (!threads) return usage_error("--threads wants 1..4096");
        options.threads = static_cast<int>(*threads);
    }
    if (const auto text = parsed->value("--protocol")) {
        options.protocol = translate::parse_protocol(*text);
        if (!options.protocol)
            return usage_error("--protocol wants openai-chat, anthropic, gemini or openai-responses, got '" + *text +
                               "'");
    }
    if (options.tls_cert.empty() != options.tls_key.empty()) return usage_error("--tls-cert and --tls-key go together");

    // SIGINT/SIGTERM are taken by one thread with sigwait (the server's stop() is not async-signal-safe);
    // block them before any thread starts so every thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    auto server = mock::MockServer::start(options, error);
    if (!server) {
        std::fprintf(stderr, "pathwise mock: %s\n", error.c_str());
        return 1;
    }
    std::printf("pathwise mock listening on %s\n", server->origin().c_str());
    std::fflush(stdout);

    std::thread signal_waiter([&server, stop_signals] {
        int received = 0;
        sigwait(&stop_signals, &received);
        server->stop();
    });
    server->wait();
    // The waiter is still blocked when the server stopped for another reason: wake it with our own signal. SIGTERM
    // is blocked and in the set it sigwait()s on, so this returns from sigwait; it terminates nothing.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
    signal_waiter.join();
    return 0;
}

}  // namespace pathwise::cli
