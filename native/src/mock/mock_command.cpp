// `pathwise mock`: the mock upstream on its own, as a stand-in provider (for tests, demos and client checks).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "commands.hpp"
#include "mock/mock_server.hpp"

namespace pathwise::cli {

namespace {

constexpr const char* kMockUsage =
    "usage: pathwise mock [--port N] [--host H] [--tls-cert C --tls-key K] [--token-delay-ms D] [--threads T]\n"
    "                     [--log] [--test-knobs]\n"
    "\n"
    "Runs Pathwise's mock upstream: it answers the OpenAI, Anthropic and Gemini routes in each provider's own\n"
    "format (JSON and streams), echoing the requested model. Point an upstream at it:\n"
    "  upstreams.openai.base_url = http://127.0.0.1:N\n"
    "\n"
    "  --port N            port to listen on (0 = any free port; default 0). The first stdout line says which.\n"
    "  --host H            address to bind (default 127.0.0.1)\n"
    "  --tls-cert/--tls-key  PEM files: serve HTTPS\n"
    "  --token-delay-ms D  pause between streamed events (default 30)\n"
    "  --threads T         connections served at once (default 64)\n"
    "  --log               one line per request on stderr\n"
    "  --test-knobs        TESTS ONLY: obey x-pathwise-mock-fail (die_midstream, stall_midstream, status:CODE),\n"
    "                      x-pathwise-mock-first-byte-delay-ms, x-pathwise-mock-stall-ms, x-pathwise-mock-tokens\n"
    "                      request headers and serve GET /_mock/stats\n";

bool parse_int(const std::string& text, int& value) {
    try {
        std::size_t used = 0;
        value = std::stoi(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "pathwise mock: %s\n\n%s", message.c_str(), kMockUsage);
    return 2;
}

}  // namespace

int run_mock(const Args& args) {
    mock::MockOptions options;
    options.port = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            std::fputs(kMockUsage, stdout);
            return 0;
        }
        if (flag == "--log") {
            options.log_requests = true;
            continue;
        }
        if (flag == "--test-knobs") {
            options.test_knobs = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage_error(flag + " needs a value");
        const std::string& value = args[++i];
        int number = 0;
        if (flag == "--port") {
            if (!parse_int(value, number) || number < 0 || number > 65535) {
                return usage_error("--port wants a number from 0 to 65535, got '" + value + "'");
            }
            options.port = number;
        } else if (flag == "--host") {
            options.host = value;
        } else if (flag == "--tls-cert") {
            options.tls_cert = value;
        } else if (flag == "--tls-key") {
            options.tls_key = value;
        } else if (flag == "--token-delay-ms") {
            if (!parse_int(value, number) || number < 0) return usage_error("--token-delay-ms wants a number >= 0");
            options.token_delay = std::chrono::milliseconds(number);
        } else if (flag == "--threads") {
            if (!parse_int(value, number) || number < 1 || number > 4096) return usage_error("--threads wants 1..4096");
            options.threads = number;
        } else {
            return usage_error("unknown option '" + flag + "'");
        }
    }
    if (options.tls_cert.empty() != options.tls_key.empty()) return usage_error("--tls-cert and --tls-key go together");

    // SIGINT/SIGTERM are taken by one thread with sigwait (the server's stop() is not async-signal-safe);
    // block them before any thread starts so every thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::string error;
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
    // The waiter is still blocked when the server stopped for another reason: wake it with our own signal.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    return 0;
}

}  // namespace pathwise::cli
