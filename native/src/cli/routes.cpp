// routes.cpp — `pathwise routes`: the proxy's route table, the same one the router and the diagnosis read.
//
// JSON (`--json`): {"routes": [{"id", "method", "pattern", "protocol", "purpose", "can_stream",
//   "public_in_all_except_health"}]}
#include <cstdio>

#include "cli/args.hpp"
#include "cli/messages.hpp"
#include "cli/output.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kRoutesHelp =
    "usage: pathwise routes [--json] [--lang en|fr|es]\n"
    "\n"
    "The routes `pathwise serve` answers. Anything else gets a 404 whose body explains the likely base-URL\n"
    "mistake (see `pathwise doctor PATH`). `{model}` is one path segment; query strings are ignored.\n";

}  // namespace

int run_routes(const Args& args) {
    std::string error;
    const auto parsed = parse_args(args, {}, "routes", error);
    if (!parsed) return usage_error("routes", error);
    const auto common = common_options(*parsed, error);
    if (!common) return usage_error("routes", error);
    if (common->help) {
        std::fputs(kRoutesHelp.data(), stdout);
        return kExitFine;
    }
    if (!parsed->positionals.empty()) {
        return usage_error("routes", "unexpected argument '" + parsed->positionals.front() + "'");
    }
    const Lang lang = common->lang;
    if (common->json) {
        ordered_json routes = ordered_json::array();
        for (const Route& route : route_table()) {
            routes.push_back({{"id", route.id},
                              {"method", method_name(route.method)},
                              {"pattern", route.pattern},
                              {"protocol", protocol_name(route.protocol)},
                              {"purpose", route.purpose},
                              {"can_stream", route.can_stream()},
                              {"public_in_all_except_health", route.access == RouteAccess::health}});
        }
        ordered_json out;
        out["routes"] = std::move(routes);
        print_json(out);
        return kExitFine;
    }
    Table table({std::string(msg::kMethod.in(lang)), std::string(msg::kPath.in(lang)),
                 std::string(msg::kProtocol.in(lang)), std::string(msg::kRoute.in(lang)),
                 std::string(msg::kStreams.in(lang)), std::string(msg::kPurpose.in(lang))});
    for (const Route& route : route_table()) {
        table.add({std::string(method_name(route.method)), std::string(route.pattern),
                   std::string(protocol_name(route.protocol)), std::string(route.id),
                   std::string(route.can_stream() ? msg::kYes.in(lang) : msg::kNo.in(lang)),
                   std::string(route.purpose)});
    }
    print_text(table.render(Style(common->color)));
    return kExitFine;
}

}  // namespace pathwise::cli
