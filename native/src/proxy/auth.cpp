// auth.cpp — see auth.hpp.
#include "proxy/auth.hpp"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "http/header_policy.hpp"

namespace pathwise::proxy {
namespace {

std::array<unsigned char, 32> sha256(std::string_view text) {
    std::array<unsigned char, 32> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
    return digest;
}

}  // namespace

bool key_required(config::AuthMode effective_mode, Audience audience) {
    if (audience == Audience::public_ui) return false;
    switch (effective_mode) {
        case config::AuthMode::off:
            return false;
        case config::AuthMode::strict:
            return true;
        case config::AuthMode::all_except_health:
            return audience != Audience::health;
        case config::AuthMode::auto_:
            break;  // resolved by effective_auth_mode before this is asked
    }
    return true;
}

std::optional<std::string> presented_key(const httplib::Request& req, bool query_key_allowed) {
    if (req.has_header("Authorization")) {
        // "Bearer k" in any case, spaces trimmed: the same rule that decides which client key not to send upstream.
        return std::string(http::key_from_header_value("Authorization", req.get_header_value("Authorization")));
    }
    if (req.has_header("x-api-key")) return req.get_header_value("x-api-key");
    if (req.has_header("x-goog-api-key")) return req.get_header_value("x-goog-api-key");
    if (query_key_allowed && req.has_param("key")) return req.get_param_value("key");
    return std::nullopt;
}

KeyChecker::KeyChecker(const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        if (!key.empty()) digests_.push_back(sha256(key));
    }
}

bool KeyChecker::accepts(std::string_view presented) const {
    // An empty key never matches, even if the check would otherwise run (docs/peers.md 1.3: Antigravity's
    // empty-key edge case fails open).
    if (presented.empty()) return false;
    const auto digest = sha256(presented);
    int matches = 0;
    for (const auto& expected : digests_) {
        matches |= CRYPTO_memcmp(digest.data(), expected.data(), digest.size()) == 0 ? 1 : 0;
    }
    return matches != 0;
}

std::string_view key_header_hint(Protocol protocol) {
    switch (protocol) {
        case Protocol::anthropic:
            return "x-api-key: <key> (or Authorization: Bearer <key>)";
        case Protocol::gemini:
            return "x-goog-api-key: <key> (or ?key=<key>)";
        case Protocol::openai:
        case Protocol::service:
            break;
    }
    return "Authorization: Bearer <key>";
}

}  // namespace pathwise::proxy
