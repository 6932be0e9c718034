// pathwise — local LLM proxy that makes base-URL 404s impossible to make and easy to see.
#include <cstdio>
#include <string>
#include <string_view>

#include "commands.hpp"

namespace {

constexpr std::string_view kUsage =
    "usage: pathwise <command> [options]\n"
    "\n"
    "commands:\n"
    "  serve                 run the proxy on http://127.0.0.1:8045 (mock upstream unless configured)\n"
    "  doctor --client ID [--version V] BASE_URL   what this client will send, and the fix\n"
    "  doctor PATH           explain a request path seen in a log (e.g. /v1/v1/messages)\n"
    "  scan                  find every client's base URL on this machine and check it\n"
    "  configure CLIENT      point that client's own config at this proxy (shows a diff first)\n"
    "  clients               the client catalog\n"
    "  routes                the proxy's route table\n"
    "  link ...              a wizard share link\n"
    "  mock --port N         the mock upstream on its own, as a stand-in provider\n"
    "\n"
    "options: --json, --lang en|fr|es, --help, --version   (pathwise <command> --help for more)\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage.data(), stderr);
        return 2;
    }
    const std::string_view command = argv[1];
    pathwise::cli::Args rest(argv + 2, argv + argc);
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage.data(), stdout);
        return 0;
    }
    if (command == "--version" || command == "-V") {
        std::printf("pathwise %s\n", PATHWISE_VERSION);
        return 0;
    }
    if (command == "serve") return pathwise::cli::run_serve(rest);
    if (command == "doctor") return pathwise::cli::run_doctor(rest);
    if (command == "clients") return pathwise::cli::run_clients(rest);
    if (command == "routes") return pathwise::cli::run_routes(rest);
    if (command == "link") return pathwise::cli::run_link(rest);
    if (command == "mock") return pathwise::cli::run_mock(rest);
    if (command == "scan") return pathwise::cli::run_scan(rest);
    if (command == "configure") return pathwise::cli::run_configure(rest);
    std::fprintf(stderr, "pathwise: unknown command '%.*s'\n\n%s", static_cast<int>(command.size()), command.data(),
                 kUsage.data());
    return 2;
}
