// serve.cpp — `pathwise serve`: load the configuration, bind, start the embedded mock when a protocol needs it,
// print what to type, serve until SIGINT/SIGTERM.
//
// Output contract: stdout's FIRST line is machine-readable, "pathwise listening on http://HOST:PORT" (tests and
// scripts start with --port 0 and read the port from it), then a human banner. Request log lines go to stderr.
// Exit codes: 0 after a signal-driven shutdown, 1 = cannot start (config, port in use, LAN without key),
// 2 = bad command line.
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <thread>

#include "commands.hpp"
#include "config/environment.hpp"
#include "config/load.hpp"
#include "mock/mock_server.hpp"
#include "proxy/auth.hpp"
#include "proxy/root_page.hpp"
#include "proxy/server.hpp"
#include "proxy/static_files.hpp"
#include "upstream/upstream_map.hpp"

namespace pathwise::cli {
namespace {

using config::ServeConfig;

std::string listen_origin(const config::ServeConfig& config, int port) {
    std::string host = config.host;
    if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(port);
}

std::string auth_summary(const config::ServeConfig& config) {
    const auto effective = config::effective_auth_mode(config);
    std::string text(config::auth_mode_name(effective));
    if (config.auth_mode == config::AuthMode::auto_) {
        text += config::reachable_from_lan(config)
                    ? " (auto: reachable from the LAN, so every route but health needs a key)"
                    : " (auto: only this machine can connect, so no key is needed)";
    }
    if (effective != config::AuthMode::off) {
        text += "; " + std::to_string(config.api_keys.size()) +
                " key(s) accepted in Authorization: Bearer, x-api-key, "
                "x-goog-api-key or ?key= (Gemini routes)";
    }
    return text;
}

// Starts the embedded mock upstream when some protocol has no upstream configured; what the forwarder needs
// to know of it (its origin, or why it did not start: those protocols then answer 502 with that reason).
upstream::EmbeddedMock start_embedded_mock(const ServeConfig& config, std::unique_ptr<mock::MockServer>& mock) {
    upstream::EmbeddedMock embedded;
    if (!upstream::needs_embedded_mock(config)) return embedded;
    mock::MockOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.token_delay = config.mock.token_delay;
    options.threads = std::clamp(config.threads, 8, 1024);  // as many concurrent streams as the proxy serves
    mock = mock::MockServer::start(options, embedded.start_error);
    if (mock) embedded.origin = mock->origin();
    return embedded;
}

void print_banner(const config::ServeConfig& config, int port) {
    const std::string origin = listen_origin(config, port);
    std::printf("pathwise listening on %s\n", origin.c_str());
    std::printf("\nPathwise %s: local LLM proxy\n", PATHWISE_VERSION);
    std::printf(
        "  Setup wizard:   %s/%s\n", origin.c_str(),
        proxy::has_index_html(config.web_root) ? "" : "   (wizard not built: a plain page with the table below)");
    std::printf("  Base URL to type, per client:\n");
    for (const auto& row : proxy::base_urls_by_family(origin)) {
        std::printf("    %-30s %s%s%s\n", row.family.c_str(), row.base_url.c_str(), row.also_set.empty() ? "" : "   + ",
                    row.also_set.c_str());
    }
    std::printf("  Auth:           %s\n", auth_summary(config).c_str());
    for (const Protocol protocol : {Protocol::openai, Protocol::anthropic, Protocol::gemini}) {
        const auto it = config.upstreams.find(protocol);
        const bool mock = it == config.upstreams.end() || it->second.is_mock();
        std::string speaks;
        if (it != config.upstreams.end() && it->second.protocol && family_of(*it->second.protocol) != protocol) {
            speaks = std::string("   (speaks ") + std::string(translate::protocol_name(*it->second.protocol)) +
                     ": chat requests are translated)";
        }
        if (it != config.upstreams.end() && !it->second.fallbacks.empty()) {
            speaks += "   (+" + std::to_string(it->second.fallbacks.size()) + " fallback" +
                      (it->second.fallbacks.size() > 1 ? "s" : "") + ")";
        }
        std::printf("  Upstream %-9s %s%s\n", (std::string(protocol_name(protocol)) + ":").c_str(),
                    mock ? "embedded mock (configure \"upstreams\" in the config file to use a provider)"
                         : it->second.base_url.c_str(),
                    speaks.c_str());
    }
    std::printf("  Repair paths:   %s\n",
                config.repair_paths ? "on (known path mistakes are served and logged)" : "off");
    if (config::reachable_from_lan(config))
        std::printf("  LAN access:     on (listening on %s)\n", config.host.c_str());
    if (!config.config_path.empty()) std::printf("  Config file:    %s\n", config.config_path.c_str());
    std::printf("  Requests are logged on stderr (%s). Stop with Ctrl+C.\n",
                config.log_format == config::LogFormat::json ? "JSON lines" : "text");
    std::fflush(stdout);
}

// Each stream holds two sockets (the client's and the upstream's), so 1,000 streams need more descriptors than
// the usual soft limit of 1,024; the hard limit is far higher. Raised to it, as nginx's worker_rlimit_nofile and
// Go's runtime do. Only poll() is used on sockets here (never select(), which stops at 1,024).
void raise_open_file_limit() {
    constexpr rlim_t kEnough = 65536;
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= kEnough) return;
    limit.rlim_cur = std::min(limit.rlim_max, kEnough);
    ::setrlimit(RLIMIT_NOFILE, &limit);
}

// Set once run() has returned; the grace timer and the signal waiter outlive `server` and check it first.
std::atomic<bool> server_finished{false};

// The grace period is enforced by a detached timer: if streams are still running when it ends, they are ended
// with an error event and, failing that, the process exits anyway.
void start_grace_timer(proxy::ProxyServer& server, std::chrono::milliseconds grace) {
    std::thread([&server, grace] {
        std::this_thread::sleep_for(grace);
        if (server_finished) return;
        std::fprintf(stderr, "pathwise serve: shutdown grace elapsed; ending %ld remaining request(s)\n",
                     server.in_flight());
        server.stop_now();
        std::this_thread::sleep_for(std::chrono::seconds(2));
        if (server_finished) return;
        std::fflush(stderr);
        std::_Exit(0);
    }).detach();
}

// The first SIGINT/SIGTERM stops the server gracefully (no new connections, requests in flight finish within
// the grace); a second one during the grace means the person wants out now.
void handle_stop_signals(proxy::ProxyServer& server, const sigset_t& stop_signals, std::atomic<bool>& stopping,
                         std::chrono::milliseconds grace) {
    int received = 0;
    sigwait(&stop_signals, &received);
    stopping = true;
    std::fprintf(stderr,
                 "pathwise serve: %s received: no new connections; letting %ld request(s) finish (up to %lld ms); "
                 "press Ctrl+C again to stop at once\n",
                 received == SIGINT ? "SIGINT" : "SIGTERM", server.in_flight(), static_cast<long long>(grace.count()));
    server.stop_gracefully();
    start_grace_timer(server, grace);
    sigwait(&stop_signals, &received);
    if (server_finished) return;
    std::fprintf(stderr, "pathwise serve: second %s: stopping at once\n", received == SIGINT ? "SIGINT" : "SIGTERM");
    std::fflush(stderr);
    std::_Exit(128 + received);
}

}  // namespace

int run_serve(const Args& args) {
    std::vector<std::string> warnings;
    auto loaded = config::load_serve_config(args, config::process_environment(), warnings);
    if (!loaded) {
        const auto& error = loaded.error();
        if (error.code == "help") {
            std::fputs(error.message.c_str(), stdout);
            return 0;
        }
        std::fprintf(stderr, "%s\n", error.message.c_str());
        return error.code == "usage" ? 2 : 1;
    }
    const config::ServeConfig& config = loaded.value();
    for (const auto& warning : warnings) std::fprintf(stderr, "pathwise serve: warning: %s\n", warning.c_str());

    // Signals are taken by one thread with sigwait; every other thread (the pool included) inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);  // a client that leaves mid-stream must not kill the proxy
    raise_open_file_limit();

    try {
        // Declared before the server, so it outlives the forwarder that sends requests to it.
        std::unique_ptr<mock::MockServer> mock;
        proxy::ProxyServer server(config);
        const auto port = server.bind();
        if (!port) {
            std::fprintf(stderr, "pathwise serve: %s\n", port.error().message.c_str());
            return 1;
        }
        // Only once the port is bound: a proxy that cannot listen starts no mock.
        server.forward_to(upstream::resolve_upstreams(config, start_embedded_mock(config, mock)));
        print_banner(config, port.value());

        std::atomic<bool> stopping{false};
        std::thread signal_waiter([&server, &stopping, &stop_signals, grace = config.shutdown_grace] {
            handle_stop_signals(server, stop_signals, stopping, grace);
        });
        server.run();
        server_finished = true;
        if (!stopping) {
            std::fprintf(stderr, "pathwise serve: the server stopped unexpectedly\n");
            signal_waiter.detach();
            return 1;
        }
        signal_waiter.detach();  // it waits for a second signal that will not come; the process ends here
        std::fprintf(stderr, "pathwise serve: stopped\n");
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "pathwise serve: cannot start: %s\n", error.what());
        return 1;
    }
}

}  // namespace pathwise::cli
