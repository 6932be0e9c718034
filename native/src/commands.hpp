// commands.hpp — the `pathwise` subcommands. Each takes the arguments after its name and returns the exit
// code: 0 = fine, 1 = problem found (doctor) or runtime failure (serve), 2 = bad usage.
#pragma once

#include <string>
#include <vector>

namespace pathwise::cli {

using Args = std::vector<std::string>;

int run_doctor(const Args& args);     // cli/doctor.cpp
int run_clients(const Args& args);    // cli/clients.cpp
int run_link(const Args& args);       // cli/link.cpp
int run_routes(const Args& args);     // cli/routes.cpp
int run_serve(const Args& args);      // cli/serve.cpp
int run_scan(const Args& args);       // cli/scan.cpp
int run_configure(const Args& args);  // cli/configure.cpp
int run_mock(const Args& args);       // cli/mock.cpp: `pathwise mock --port N [--tls-cert C --tls-key K]`, a
                                      // provider stand-in

}  // namespace pathwise::cli
