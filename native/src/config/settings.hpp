// settings.hpp — everything `pathwise serve` can be told, after merging file < environment < flags (load.hpp),
// and the facts derived from it that several layers need (is the proxy reachable from the LAN, which auth mode
// is in effect). The floor of the native layers: proxy/, upstream/ and mock/ include it; it includes none of them.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/route_table.hpp"
#include "pathwise/translate/protocol.hpp"

namespace pathwise::config {

enum class AuthMode { off, strict, all_except_health, auto_ };
enum class LogFormat { text, json };

struct ModelMapping {
    std::string pattern;  // exact name or with '*' wildcards: "gpt-4*"
    std::string target;   // upstream model name
};

struct UpstreamConfig {
    std::string base_url;  // "" = the embedded mock upstream
    // The chat protocol the upstream speaks; nullopt = the inbound protocol's own (requests pass through). When
    // it differs, chat requests are translated (docs/translation.md) and other routes answer a clear error.
    std::optional<translate::Protocol> protocol;
    std::string api_key;                         // sent upstream instead of the client's key (never logged)
    std::string api_key_env;                     // or read from this environment variable
    std::map<std::string, std::string> headers;  // extra headers sent upstream
    std::vector<ModelMapping> model_map;
    std::string ca_file;  // custom CA bundle for HTTPS upstreams
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds first_byte_timeout{120'000};
    std::chrono::milliseconds idle_timeout{120'000};  // between streamed chunks
    // Tried in order when this one cannot be reached or answers 5xx/429 before the first byte reached the client
    // ("upstreams.anthropic": [primary, fallback, …] in the config file). Each has its own protocol and key.
    std::vector<UpstreamConfig> fallbacks;
    [[nodiscard]] bool is_mock() const { return base_url.empty(); }
};

struct MockConfig {
    std::chrono::milliseconds token_delay{30};  // per streamed token, so streaming is visible
};

struct ServeConfig {
    std::string host = "127.0.0.1";
    int port = 8045;
    bool allow_lan_access = false;  // binds 0.0.0.0 unless --host says otherwise
    AuthMode auth_mode = AuthMode::auto_;
    std::vector<std::string> api_keys;  // keys clients present to the proxy
    bool repair_paths = false;
    bool responses_websocket = true;           // serve Codex's GET /v1/responses upgrade (false: answer 426 at once)
    std::size_t max_body_bytes = 32u << 20;    // 413 above
    std::size_t max_header_bytes = 64u << 10;  // 431 above
    std::chrono::milliseconds header_read_timeout{10'000};  // the whole request head, in total
    std::chrono::milliseconds body_read_timeout{120'000};   // the whole request body, in total
    std::size_t max_connections_per_client = 0;             // 0 = 3/4 of threads for non-loopback clients
    std::size_t max_response_bytes = 64u << 20;             // a non-streamed upstream answer (502 above)
    std::size_t max_event_bytes = 16u << 20;                // one streamed SSE event (the stream fails above)
    std::chrono::milliseconds keep_alive_timeout{5'000};
    int threads = 512;  // pool size: each stream and idle keep-alive holds one
    std::chrono::milliseconds keepalive_comment_interval{15'000};  // SSE ": ping" during silence
    std::chrono::milliseconds shutdown_grace{10'000};
    std::vector<std::string> cors_origins;   // extra allowed origins besides the local ones
    std::vector<std::string> allowed_hosts;  // extra Host header values besides the local ones
    std::string web_root;                    // the wizard's files ("" = built-in page)
    LogFormat log_format = LogFormat::text;
    std::size_t recent_requests = 200;  // ring size for /_pathwise/requests
    MockConfig mock;
    std::map<Protocol, UpstreamConfig> upstreams;  // missing protocol = mock
    std::string config_path;                       // the file it came from, for messages
};

using Environment = std::map<std::string, std::string>;

// True unless the proxy listens on loopback only (127.0.0.0/8, ::1, localhost): `--host 0.0.0.0` or a LAN
// address is reachable from the network whether or not allow_lan_access was said.
[[nodiscard]] bool reachable_from_lan(const ServeConfig& config);

// auto = all_except_health when the proxy is reachable from the LAN, else off (Antigravity's semantics,
// docs/peers.md 1.3: auto never yields strict).
[[nodiscard]] AuthMode effective_auth_mode(const ServeConfig& config);
[[nodiscard]] std::string_view auth_mode_name(AuthMode mode);  // "off", "strict", "all_except_health", "auto"
[[nodiscard]] std::optional<AuthMode> parse_auth_mode(std::string_view text);

}  // namespace pathwise::config
