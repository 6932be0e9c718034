// raw_http.hpp — byte-level HTTP for tests that httplib::Client cannot express: a custom Host header,
// "//" paths sent verbatim, a client that stops sending its headers half-way.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace pathwise::testing {

struct RawResponse {
    int status = 0;    // 0 when no status line arrived
    std::string head;  // status line + headers
    std::string body;  // everything after the blank line (not de-chunked)
    bool closed_by_server = false;
    std::chrono::milliseconds elapsed{0};
};

// A blocking TCP socket connected to 127.0.0.1:port (-1 on failure); `receive_buffer` > 0 sets SO_RCVBUF, so a
// test can play a client that reads slowly.
int connect_loopback(int port, int receive_buffer = 0);

// Connects to 127.0.0.1:port, sends `request` verbatim, then reads until the server closes or `timeout`.
// Send "Connection: close" in `request` to get the whole answer quickly.
RawResponse raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout);

// Sends `partial` (an unfinished request) and waits; returns how long until the server closed the
// connection, or nullopt if it was still open after `timeout`.
std::optional<std::chrono::milliseconds> time_until_server_closes(int port, const std::string& partial,
                                                                  std::chrono::milliseconds timeout);

// Value of a header in `head` (case-insensitive name), "" when absent.
std::string header_value(const std::string& head, const std::string& name);

}  // namespace pathwise::testing
