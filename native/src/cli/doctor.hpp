// doctor.hpp — the two halves of `pathwise doctor` (a client + typed base URL, or a path from a log).
#pragma once

#include "cli/args.hpp"

namespace pathwise::cli {

int run_doctor_client(const ParsedArgs& parsed, const CommonOptions& common);  // doctor_client.cpp
int run_doctor_path(const ParsedArgs& parsed, const CommonOptions& common);    // doctor_path.cpp

// "unknown client 'x'; did you mean 'y'? run `pathwise clients`" (shared with `pathwise link`).
[[nodiscard]] std::string unknown_client_message(std::string_view id);

inline constexpr std::string_view kDefaultOrigin = "http://127.0.0.1:8045";

}  // namespace pathwise::cli
