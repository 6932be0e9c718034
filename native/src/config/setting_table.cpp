// setting_table.cpp — see setting_table.hpp.
#include "config/setting_table.hpp"

#include <algorithm>
#include <charconv>

#include "pathwise/ascii.hpp"
#include "pathwise/suggest.hpp"
#include "pathwise/url.hpp"

namespace pathwise::config {
namespace {

using nlohmann::json;

std::string integer_range_error(const json& value, long long low, long long high) {
    const auto n = value.get<long long>();
    if (n < low || n > high) {
        return "must be between " + std::to_string(low) + " and " + std::to_string(high) + " (got " +
               std::to_string(n) + ")";
    }
    return "";
}

Setter integer_setting(long long low, long long high, const std::function<void(ServeConfig&, long long)>& store) {
    return [=](ServeConfig& config, const json& value) {
        if (auto error = integer_range_error(value, low, high); !error.empty()) return error;
        store(config, value.get<long long>());
        return std::string();
    };
}

Setter milliseconds_setting(long long low, long long high, std::chrono::milliseconds ServeConfig::*member) {
    return integer_setting(low, high,
                           [member](ServeConfig& c, long long n) { c.*member = std::chrono::milliseconds(n); });
}

std::vector<std::string> as_list(const json& value) {
    return value.get<std::vector<std::string>>();
}

}  // namespace

const std::vector<Setting>& settings() {
    static const std::vector<Setting> rows = {
        {"host", Kind::text, "address to listen on (default 127.0.0.1; 0.0.0.0 with allow_lan_access)",
         [](ServeConfig& c, const json& v) {
             c.host = v.get<std::string>();
             return c.host.empty() ? std::string("must not be empty") : std::string();
         }},
        {"port", Kind::integer, "port to listen on (default 8045; 0 = any free port)",
         integer_setting(0, 65535, [](ServeConfig& c, long long n) { c.port = static_cast<int>(n); })},
        {"allow_lan_access", Kind::boolean, "listen on every interface (needs an API key)",
         [](ServeConfig& c, const json& v) {
             c.allow_lan_access = v.get<bool>();
             return std::string();
         }},
        {"auth_mode", Kind::text, "off | strict | all_except_health | auto (default auto)",
         [](ServeConfig& c, const json& v) {
             const auto mode = parse_auth_mode(v.get<std::string>());
             if (!mode) return std::string("must be one of off, strict, all_except_health, auto");
             c.auth_mode = *mode;
             return std::string();
         }},
        {"api_keys", Kind::text_list, "keys clients must present (repeat --api-key for several)",
         [](ServeConfig& c, const json& v) {
             c.api_keys = as_list(v);
             return std::string();
         },
         "api-key"},
        {"repair_paths", Kind::boolean, "serve known path mistakes by the route they were meant for",
         [](ServeConfig& c, const json& v) {
             c.repair_paths = v.get<bool>();
             return std::string();
         }},
        {"responses_websocket", Kind::boolean,
         "serve the Responses API over WebSocket (Codex's first try); false answers 426 so it POSTs at once",
         [](ServeConfig& c, const json& v) {
             c.responses_websocket = v.get<bool>();
             return std::string();
         }},
        {"max_body_bytes", Kind::integer, "larger request bodies get 413 (default 33554432)",
         integer_setting(1, 1LL << 34,
                         [](ServeConfig& c, long long n) { c.max_body_bytes = static_cast<std::size_t>(n); })},
        {"max_header_bytes", Kind::integer, "larger request headers get 431 (default 65536)",
         integer_setting(1024, 1 << 24,
                         [](ServeConfig& c, long long n) { c.max_header_bytes = static_cast<std::size_t>(n); })},
        {"header_read_timeout_ms", Kind::integer, "the request line + headers must arrive within this (default 10000)",
         milliseconds_setting(100, 600'000, &ServeConfig::header_read_timeout)},
        {"body_read_timeout_ms", Kind::integer, "the whole request body must arrive within this (default 120000)",
         milliseconds_setting(100, 3'600'000, &ServeConfig::body_read_timeout)},
        {"max_connections_per_client", Kind::integer,
         "connections one address may hold (default 0: 3/4 of threads, loopback exempt)",
         integer_setting(
             0, 100'000,
             [](ServeConfig& c, long long n) { c.max_connections_per_client = static_cast<std::size_t>(n); })},
        {"max_response_bytes", Kind::integer, "larger non-streamed upstream answers get 502 (default 67108864)",
         integer_setting(1024, 1LL << 34,
                         [](ServeConfig& c, long long n) { c.max_response_bytes = static_cast<std::size_t>(n); })},
        {"max_event_bytes", Kind::integer, "a larger single streamed event ends the stream (default 16777216)",
         integer_setting(1024, 1LL << 32,
                         [](ServeConfig& c, long long n) { c.max_event_bytes = static_cast<std::size_t>(n); })},
        {"keep_alive_timeout_ms", Kind::integer, "close idle keep-alive connections after this (default 5000)",
         milliseconds_setting(1000, 600'000, &ServeConfig::keep_alive_timeout)},
        {"threads", Kind::integer, "connections handled at once: each stream holds one (default 512)",
         integer_setting(4, 100'000, [](ServeConfig& c, long long n) { c.threads = static_cast<int>(n); })},
        {"keepalive_comment_interval_ms", Kind::integer, "SSE ': ping' comment during upstream silence",
         milliseconds_setting(100, 600'000, &ServeConfig::keepalive_comment_interval)},
        {"shutdown_grace_ms", Kind::integer, "on SIGTERM, let streams finish this long (default 10000)",
         milliseconds_setting(0, 3'600'000, &ServeConfig::shutdown_grace)},
        {"cors_origins", Kind::text_list, "extra browser origins allowed besides localhost ('*' = any)",
         [](ServeConfig& c, const json& v) {
             c.cors_origins = as_list(v);
             return std::string();
         },
         "cors-origin"},
        {"allowed_hosts", Kind::text_list, "extra Host names accepted besides loopback and this machine",
         [](ServeConfig& c, const json& v) {
             c.allowed_hosts = as_list(v);
             return std::string();
         },
         "allowed-host"},
        {"web_root", Kind::text, "directory of the wizard's files",
         [](ServeConfig& c, const json& v) {
             c.web_root = v.get<std::string>();
             return std::string();
         }},
        {"log_format", Kind::text, "text | json (one line per request on stderr)",
         [](ServeConfig& c, const json& v) {
             const auto text = v.get<std::string>();
             if (text == "text")
                 c.log_format = LogFormat::text;
             else if (text == "json")
                 c.log_format = LogFormat::json;
             else
                 return std::string("must be text or json");
             return std::string();
         }},
        {"recent_requests", Kind::integer, "how many requests /_pathwise/requests remembers (default 200)",
         integer_setting(0, 100'000,
                         [](ServeConfig& c, long long n) { c.recent_requests = static_cast<std::size_t>(n); })},
        {"mock_token_delay_ms", Kind::integer, "delay between streamed tokens of the mock upstream",
         integer_setting(0, 60'000,
                         [](ServeConfig& c, long long n) { c.mock.token_delay = std::chrono::milliseconds(n); })},
    };
    return rows;
}

std::string flag_of(const Setting& setting) {
    std::string flag = "--" + std::string(setting.key);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string shown_flag(const Setting& setting) {
    return setting.flag_alias.empty() ? flag_of(setting) : "--" + std::string(setting.flag_alias);
}

std::string env_of(std::string_view key) {
    return "PATHWISE_" + ascii::uppercase(key);
}

const Setting* find_setting(std::string_view key) {
    for (const auto& setting : settings()) {
        if (setting.key == key) return &setting;
    }
    return nullptr;
}

std::vector<std::string> keys_of_settings() {
    std::vector<std::string> keys;
    for (const auto& setting : settings()) keys.emplace_back(setting.key);
    return keys;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
    const std::vector<std::string_view> views(candidates.begin(), candidates.end());
    const auto best = pathwise::closest_match(word, views);
    return best ? std::string(*best) : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string best = closest_name(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

// Text from a flag or the environment → the setting's JSON kind.
std::optional<json> parse_text_value(const Setting& setting, std::string_view text, std::string& error) {
    switch (setting.kind) {
        case Kind::text:
            return json(std::string(text));
        case Kind::integer: {
            long long n = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
                error = "must be a whole number (got '" + std::string(text) + "')";
                return std::nullopt;
            }
            return json(n);
        }
        case Kind::boolean: {
            const std::string lower = ascii::lowercase(text);
            if (lower == "1" || lower == "true" || lower == "yes" || lower == "on") return json(true);
            if (lower == "0" || lower == "false" || lower == "no" || lower == "off") return json(false);
            error = "must be true or false (got '" + std::string(text) + "')";
            return std::nullopt;
        }
        case Kind::text_list: {
            std::vector<std::string> items;
            std::string_view rest = text;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                std::string item(rest.substr(0, comma));
                item.erase(0, item.find_first_not_of(' '));
                item.erase(item.find_last_not_of(' ') + 1);
                if (!item.empty()) items.push_back(item);
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
            return json(items);
        }
    }
    return std::nullopt;
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::text:
            return "a string";
        case Kind::integer:
            return "a whole number";
        case Kind::boolean:
            return "true or false";
        case Kind::text_list:
            return "an array of strings";
    }
    return "";
}

bool json_has_kind(const json& value, Kind kind) {
    switch (kind) {
        case Kind::text:
            return value.is_string();
        case Kind::integer:
            return value.is_number_integer();
        case Kind::boolean:
            return value.is_boolean();
        case Kind::text_list:
            return value.is_array() &&
                   std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
    }
    return false;
}

std::optional<Protocol> parse_protocol(std::string_view name) {
    for (const Protocol p : {Protocol::openai, Protocol::anthropic, Protocol::gemini}) {
        if (protocol_name(p) == name) return p;
    }
    return std::nullopt;
}

const std::vector<std::string>& upstream_protocol_names() {
    static const std::vector<std::string> names = {"openai", "anthropic", "gemini"};
    return names;
}

std::string check_base_url(std::string_view text) {
    if (text.empty()) return "";  // empty = the mock upstream
    auto parsed = parse_base_url(text);
    if (!parsed) return parsed.error().message;
    return "";
}

std::string apply_setting(ServeConfig& config, Provenance& provenance, const Setting& setting, const json& value) {
    if (setting.key == "host") provenance.host_set = true;
    if (setting.key == "web_root") provenance.web_root_set = true;
    return setting.apply(config, value);
}

Error usage_error(const std::string& message) {
    return {"usage", "pathwise serve: " + message + "\nRun 'pathwise serve --help' for the options."};
}
Error config_error(const std::string& message) {
    return {"config", "pathwise serve: " + message};
}

}  // namespace pathwise::config
