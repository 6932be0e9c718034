// config.hpp — everything `pathwise serve` can be told, after merging file < environment < flags.
// Loading and validation live in config.cpp (owned by the server); upstream/ and mock/ only read it.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise::proxy {

enum class AuthMode { off, strict, all_except_health, auto_ };
enum class LogFormat { text, json };

struct ModelMapping {
    std::string pattern;  // exact name or with '*' wildcards: "gpt-4*"
    std::string target;   // upstream model name
};

struct UpstreamConfig {
    std::string base_url;                        // "" = the embedded mock upstream
    std::string api_key;                         // sent upstream instead of the client's key (never logged)
    std::string api_key_env;                     // or read from this environment variable
    std::map<std::string, std::string> headers;  // extra headers sent upstream
    std::vector<ModelMapping> model_map;
    std::string ca_file;  // custom CA bundle for HTTPS upstreams
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds first_byte_timeout{120'000};
    std::chrono::milliseconds idle_timeout{120'000};  // between streamed chunks
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
    std::size_t max_body_bytes = 32u << 20;                 // 413 above
    std::size_t max_header_bytes = 64u << 10;               // 431 above
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

// Defaults < config file (--config, PATHWISE_CONFIG, else $XDG_CONFIG_HOME/pathwise/config.json or
// ~/.config/pathwise/config.json; a missing default file is fine) < PATHWISE_* environment < flags.
// Error codes: "help" (message = usage text, exit 0), "usage" (bad flag, exit 2), "config" (file, environment
// or an unsafe combination, exit 1). Warnings (e.g. an unknown PATHWISE_* variable) go to `warnings`.
[[nodiscard]] Result<ServeConfig> load_serve_config(const std::vector<std::string>& args,
                                                    const Environment& environment, std::vector<std::string>& warnings);

// The current process environment as a map (the only place the loader touches `environ`).
[[nodiscard]] Environment process_environment();

// "line 3, column 14" from a 1-based byte position in `text` (what nlohmann::json::parse_error::byte gives).
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
[[nodiscard]] TextPosition position_of_byte(std::string_view text, std::size_t byte);

}  // namespace pathwise::proxy
