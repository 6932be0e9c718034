// auth.hpp — the "authenticate" stage: which requests need a key, where a client may put it, and a
// constant-time check against the configured keys.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"

namespace httplib {
struct Request;
}

namespace pathwise::proxy {

// What a request asks for, as far as auth cares.
enum class Audience {
    health,     // /healthz, /readyz: public except in strict
    api,        // routed provider calls, /metrics, /_pathwise/requests
    public_ui,  // the wizard's static files and GET /: they hold no secrets
};
[[nodiscard]] bool key_required(config::AuthMode effective_mode, Audience audience);

// The key a client presented: Authorization (scheme "Bearer" in any case), x-api-key, x-goog-api-key,
// and `?key=` only when `query_key_allowed` (Gemini routes: the Google SDKs send it there).
[[nodiscard]] std::optional<std::string> presented_key(const httplib::Request& req, bool query_key_allowed);

class KeyChecker {
public:
    explicit KeyChecker(const std::vector<std::string>& keys);
    // Compares SHA-256 digests with CRYPTO_memcmp against EVERY key (no early exit), so neither the
    // position of the first wrong byte nor which key matched shows in the timing.
    [[nodiscard]] bool accepts(std::string_view presented) const;
    [[nodiscard]] bool empty() const { return digests_.empty(); }

private:
    std::vector<std::array<unsigned char, 32>> digests_;
};

// The header a client of this protocol sends its key in, for "send your key in …" messages.
[[nodiscard]] std::string_view key_header_hint(Protocol protocol);

}  // namespace pathwise::proxy
