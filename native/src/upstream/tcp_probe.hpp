// tcp_probe.hpp — can we open a TCP connection to host:port within a time limit? (readiness checks)
#pragma once

#include <chrono>
#include <string>

namespace pathwise::upstream {

// "" when a connection opened (and was closed at once); otherwise why not, in a few words.
[[nodiscard]] std::string tcp_probe(const std::string& host, int port, std::chrono::milliseconds timeout);

}  // namespace pathwise::upstream
