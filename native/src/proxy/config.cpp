// config.cpp — load `pathwise serve`'s configuration: defaults < JSON file < PATHWISE_* environment < flags,
// then refuse unsafe or impossible combinations with a message that says what to change.
//
// Every setting is one row of kSettings: its JSON key, and from it the flag (--max-body-bytes) and the
// environment variable (PATHWISE_MAX_BODY_BYTES). Adding a setting = one row.
#include "proxy/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "http/json_text.hpp"
#include "pathwise/ascii.hpp"
#include "pathwise/suggest.hpp"
#include "pathwise/url.hpp"
#include "proxy/auth.hpp"
#include "upstream/header_policy.hpp"

extern char** environ;

namespace pathwise::proxy {
namespace {

using nlohmann::json;

enum class Kind { text, integer, boolean, text_list };

// A setter gets a value already converted to the row's kind; it returns "" or what is wrong with the value.
using Setter = std::function<std::string(ServeConfig&, const json&)>;

struct Setting {
    std::string_view key;  // JSON key; flag = "--" + key with '_' → '-'; env = "PATHWISE_" + upper(key)
    Kind kind;
    std::string_view help;
    Setter apply;
    std::string_view flag_alias = {};  // a singular flag for list settings: "--api-key" for api_keys
};

std::string integer_range_error(const json& value, long long low, long long high) {
    const auto n = value.get<long long>();
    if (n < low || n > high) {
        return "must be between " + std::to_string(low) + " and " + std::to_string(high) + " (got " +
               std::to_string(n) + ")";
    }
    return "";
}

Setter integer_setting(long long low, long long high, std::function<void(ServeConfig&, long long)> store) {
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

// "did you mean" is pathwise/suggest.hpp, the same rule as the CLI's.
static std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
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

// {"base_url","api_key","api_key_env","headers",{"model_map"},"ca_file","connect_timeout_ms",...}
std::string apply_upstream(UpstreamConfig& upstream, const json& object, const std::string& where) {
    static const std::vector<std::string> keys = {
        "base_url",       "api_key", "api_key_env",        "headers",
        "model_map",      "ca_file", "connect_timeout_ms", "first_byte_timeout_ms",
        "idle_timeout_ms"};
    if (!object.is_object()) return where + " must be an object like {\"base_url\": \"https://api.openai.com/v1\"}";
    for (const auto& [key, value] : object.items()) {
        const std::string at = where + "." + key;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            return "unknown key '" + at + "'" + did_you_mean(key, keys);
        }
        const bool is_text = key == "base_url" || key == "api_key" || key == "api_key_env" || key == "ca_file";
        if (is_text) {
            if (!value.is_string()) return at + " must be a string";
            const auto text = value.get<std::string>();
            if (key == "base_url") {
                if (auto error = check_base_url(text); !error.empty()) return at + ": " + error;
                upstream.base_url = text;
            } else if (key == "api_key") {
                upstream.api_key = text;
            } else if (key == "api_key_env") {
                upstream.api_key_env = text;
            } else {
                upstream.ca_file = text;
            }
        } else if (key == "headers") {
            if (!value.is_object()) return at + " must be an object of header names to values";
            for (const auto& [name, header_value] : value.items()) {
                if (!header_value.is_string()) return at + "." + name + " must be a string";
                if (!upstream::is_clean_field_name(name)) {
                    return at + ": '" + name +
                           "' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";
                }
                const auto text = header_value.get<std::string>();
                if (!upstream::is_clean_field_value(text)) {
                    return at + "." + name +
                           " contains a line break or another control character; a header value "
                           "must be one line (it would otherwise inject headers into every upstream request)";
                }
                upstream.headers[name] = text;
            }
        } else if (key == "model_map") {
            if (!value.is_object()) return at + " must be an object like {\"gpt-4*\": \"gpt-4o-mini\"}";
            for (const auto& [pattern, target] : value.items()) {
                if (!target.is_string()) return at + "." + pattern + " must be a string (the upstream model)";
                upstream.model_map.push_back({pattern, target.get<std::string>()});
            }
        } else {
            if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 3'600'000) {
                return at + " must be a whole number of milliseconds between 1 and 3600000";
            }
            const std::chrono::milliseconds ms(value.get<long long>());
            if (key == "connect_timeout_ms")
                upstream.connect_timeout = ms;
            else if (key == "first_byte_timeout_ms")
                upstream.first_byte_timeout = ms;
            else
                upstream.idle_timeout = ms;
        }
    }
    return "";
}

// What each source set, so later checks know whether `host` was chosen by the person.
struct Provenance {
    bool host_set = false;
    bool web_root_set = false;
};

std::string apply_setting(ServeConfig& config, Provenance& provenance, const Setting& setting, const json& value) {
    if (setting.key == "host") provenance.host_set = true;
    if (setting.key == "web_root") provenance.web_root_set = true;
    return setting.apply(config, value);
}

std::string apply_file_json(ServeConfig& config, Provenance& provenance, const json& document) {
    if (!document.is_object()) return "the top level must be a JSON object: {\"port\": 8045, …}";
    std::vector<std::string> known = keys_of_settings();
    known.insert(known.end(), {"api_key", "upstreams", "mock"});
    for (const auto& [key, value] : document.items()) {
        if (key == "api_key") {
            if (!value.is_string()) return "'api_key' must be a string (or use 'api_keys': [ … ])";
            config.api_keys.push_back(value.get<std::string>());
            continue;
        }
        if (key == "mock") {
            if (!value.is_object()) return "'mock' must be an object like {\"token_delay_ms\": 30}";
            for (const auto& [mock_key, mock_value] : value.items()) {
                if (mock_key != "token_delay_ms") {
                    return "unknown key 'mock." + mock_key + "'" + did_you_mean(mock_key, {"token_delay_ms"});
                }
                if (!mock_value.is_number_integer()) return "'mock.token_delay_ms' must be a whole number";
                if (auto error = apply_setting(config, provenance, *find_setting("mock_token_delay_ms"), mock_value);
                    !error.empty()) {
                    return "'mock.token_delay_ms' " + error;
                }
            }
            continue;
        }
        if (key == "upstreams") {
            if (!value.is_object())
                return "'upstreams' must be an object keyed by protocol (openai, anthropic, gemini)";
            for (const auto& [protocol_key, upstream_value] : value.items()) {
                const auto protocol = parse_protocol(protocol_key);
                if (!protocol) {
                    return "unknown key 'upstreams." + protocol_key + "'" +
                           did_you_mean(protocol_key, upstream_protocol_names()) +
                           "; the protocols are openai, anthropic, gemini";
                }
                if (auto error =
                        apply_upstream(config.upstreams[*protocol], upstream_value, "upstreams." + protocol_key);
                    !error.empty()) {
                    return error;
                }
            }
            continue;
        }
        const Setting* setting = find_setting(key);
        if (setting == nullptr) return "unknown key '" + key + "'" + did_you_mean(key, known);
        if (!json_has_kind(value, setting->kind)) {
            return "'" + key + "' must be " + std::string(kind_name(setting->kind)) + " (got " +
                   value.dump(http::kJsonCompact, ' ', false, http::kReplaceInvalidUtf8) + ")";
        }
        if (auto error = apply_setting(config, provenance, *setting, value); !error.empty()) {
            return "'" + key + "' " + error;
        }
    }
    return "";
}

std::string read_file(const std::string& path, bool& exists) {
    std::ifstream in(path, std::ios::binary);
    exists = static_cast<bool>(in);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string default_config_path(const Environment& environment) {
    if (auto it = environment.find("XDG_CONFIG_HOME"); it != environment.end() && !it->second.empty()) {
        return it->second + "/pathwise/config.json";
    }
    if (auto it = environment.find("HOME"); it != environment.end() && !it->second.empty()) {
        return it->second + "/.config/pathwise/config.json";
    }
    return "";
}

Error usage_error(std::string message) {
    return {"usage", "pathwise serve: " + message + "\nRun 'pathwise serve --help' for the options."};
}
Error config_error(std::string message) {
    return {"config", "pathwise serve: " + message};
}

std::string usage_text() {
    std::string text =
        "usage: pathwise serve [options]\n"
        "\n"
        "Runs the local proxy. Settings come from the config file, then PATHWISE_* environment variables,\n"
        "then these flags (later wins).\n"
        "\n"
        "  --config FILE           JSON config (default $XDG_CONFIG_HOME/pathwise/config.json)\n"
        "  --upstream PROTO=URL    forward a protocol (openai, anthropic, gemini) to URL instead of the mock\n";
    for (const auto& setting : settings()) {
        std::string flag = setting.flag_alias.empty() ? flag_of(setting) : "--" + std::string(setting.flag_alias);
        if (setting.kind != Kind::boolean) flag += setting.kind == Kind::integer ? " N" : " VALUE";
        flag.resize(std::max<std::size_t>(flag.size() + 1, 24), ' ');
        text += "  " + flag + std::string(setting.help) + "  [" + env_of(setting.key) + "]\n";
    }
    text += "  --help                  this text\n";
    return text;
}

struct ParsedFlags {
    std::string config_path;
    std::vector<std::pair<const Setting*, json>> values;  // in command-line order
    std::vector<std::pair<Protocol, std::string>> upstreams;
};

Result<ParsedFlags> parse_flags(const std::vector<std::string>& args) {
    ParsedFlags parsed;
    std::vector<std::string> known = {"--config", "--upstream", "--help"};
    for (const auto& setting : settings()) {
        known.push_back(setting.flag_alias.empty() ? flag_of(setting) : "--" + std::string(setting.flag_alias));
    }
    std::set<const Setting*> lists_started;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        std::optional<std::string> inline_value;
        if (const auto equals = flag.find('='); flag.rfind("--", 0) == 0 && equals != std::string::npos) {
            inline_value = flag.substr(equals + 1);
            flag.resize(equals);
        }
        if (flag == "--help" || flag == "-h") return Error{"help", usage_text()};
        const auto take_value = [&]() -> std::optional<std::string> {
            if (inline_value) return inline_value;
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (flag == "--config") {
            auto value = take_value();
            if (!value) return usage_error("--config needs a file path");
            parsed.config_path = *value;
            continue;
        }
        if (flag == "--upstream") {
            auto value = take_value();
            const auto equals = value ? value->find('=') : std::string::npos;
            const auto protocol =
                value && equals != std::string::npos ? parse_protocol(value->substr(0, equals)) : std::nullopt;
            if (!protocol)
                return usage_error("--upstream needs PROTOCOL=URL with PROTOCOL openai, anthropic or gemini");
            const std::string url = value->substr(equals + 1);
            if (auto error = check_base_url(url); !error.empty())
                return usage_error("--upstream " + *value + ": " + error);
            parsed.upstreams.emplace_back(*protocol, url);
            continue;
        }
        const Setting* setting = nullptr;
        for (const auto& candidate : settings()) {
            if (flag == flag_of(candidate) ||
                (!candidate.flag_alias.empty() && flag == "--" + std::string(candidate.flag_alias))) {
                setting = &candidate;
            }
        }
        if (setting == nullptr) {
            if (flag.rfind("-", 0) != 0)
                return usage_error("unexpected argument '" + flag + "' (serve takes only options)");
            return usage_error("unknown option '" + flag + "'" + did_you_mean(flag, known));
        }
        std::optional<std::string> text;
        if (setting->kind == Kind::boolean && !inline_value) {
            text = "true";  // a bare boolean flag turns it on; --flag=false turns it off
        } else {
            text = take_value();
            if (!text) return usage_error(flag + " needs a value");
        }
        std::string error;
        auto value = parse_text_value(*setting, *text, error);
        if (!value) return usage_error(flag + " " + error);
        if (setting->kind == Kind::text_list) {
            // Repeated list flags accumulate: --api-key a --api-key b.
            for (auto& [earlier, earlier_value] : parsed.values) {
                if (earlier == setting) {
                    for (auto& item : *value) earlier_value.push_back(item);
                    value.reset();
                    break;
                }
            }
            if (!value) continue;
        }
        parsed.values.emplace_back(setting, std::move(*value));
    }
    return parsed;
}

}  // namespace

TextPosition position_of_byte(std::string_view text, std::size_t byte) {
    TextPosition position;
    const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

Environment process_environment() {
    Environment environment;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text = *entry;
        const auto equals = text.find('=');
        if (equals != std::string_view::npos) environment.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return environment;
}

Result<ServeConfig> load_serve_config(const std::vector<std::string>& args, const Environment& environment,
                                      std::vector<std::string>& warnings) {
    auto flags = parse_flags(args);
    if (!flags) return flags.error();
    ServeConfig config;
    Provenance provenance;

    // 1. The file.
    const auto env_value = [&](const std::string& name) -> std::optional<std::string> {
        const auto it = environment.find(name);
        if (it == environment.end()) return std::nullopt;
        return it->second;
    };
    std::string path = flags->config_path;
    bool explicit_path = !path.empty();
    if (!explicit_path) {
        if (auto from_env = env_value("PATHWISE_CONFIG"); from_env && !from_env->empty()) {
            path = *from_env;
            explicit_path = true;
        } else {
            path = default_config_path(environment);
        }
    }
    if (!path.empty()) {
        bool exists = false;
        const std::string content = read_file(path, exists);
        if (!exists && explicit_path) {
            return config_error("cannot read config file " + path + ": it does not exist or is not readable");
        }
        if (exists) {
            config.config_path = path;
            json document;
            try {
                document = json::parse(content, nullptr, true, /*ignore_comments=*/true);
            } catch (const json::parse_error& error) {
                const auto at = position_of_byte(content, error.byte);
                std::string reason = error.what();
                if (const auto colon = reason.find(": ", reason.find("column")); colon != std::string::npos) {
                    reason = reason.substr(colon + 2);
                }
                return config_error("config file " + path + " is not valid JSON: line " + std::to_string(at.line) +
                                    ", column " + std::to_string(at.column) + ": " + reason);
            }
            if (auto error = apply_file_json(config, provenance, document); !error.empty()) {
                return config_error("config file " + path + ": " + error);
            }
        }
    }

    // 2. The environment.
    std::vector<std::string> known_env = {"PATHWISE_CONFIG", "PATHWISE_API_KEY", "PATHWISE_UPSTREAM_OPENAI",
                                          "PATHWISE_UPSTREAM_ANTHROPIC", "PATHWISE_UPSTREAM_GEMINI"};
    for (const auto& setting : settings()) known_env.push_back(env_of(setting.key));
    for (const auto& [name, text] : environment) {
        if (name.rfind("PATHWISE_", 0) != 0) continue;
        if (name == "PATHWISE_CONFIG") continue;
        if (name.rfind("PATHWISE_UPSTREAM_", 0) == 0) {
            const std::string protocol_text =
                ascii::lowercase(name.substr(std::string_view("PATHWISE_UPSTREAM_").size()));
            if (const auto protocol = parse_protocol(protocol_text)) {
                if (auto error = check_base_url(text); !error.empty()) return config_error(name + ": " + error);
                config.upstreams[*protocol].base_url = text;
                continue;
            }
        }
        const Setting* setting = nullptr;
        for (const auto& candidate : settings()) {
            if (env_of(candidate.key) == name) setting = &candidate;
        }
        if (name == "PATHWISE_API_KEY") setting = find_setting("api_keys");
        if (setting == nullptr) {
            // Tests and scripts set other PATHWISE_* names (PATHWISE_WEB_ROOT is ours); a typo only warns.
            if (const auto suggestion = closest_name(name, known_env); !suggestion.empty()) {
                warnings.push_back("ignoring environment variable " + name + " (did you mean " + suggestion + "?)");
            }
            continue;
        }
        std::string error;
        auto value = parse_text_value(*setting, text, error);
        if (!value) return config_error("environment variable " + name + " " + error);
        if (auto apply_error = apply_setting(config, provenance, *setting, *value); !apply_error.empty()) {
            return config_error("environment variable " + name + " " + apply_error);
        }
    }

    // 3. The flags.
    for (const auto& [setting, value] : flags->values) {
        if (auto error = apply_setting(config, provenance, *setting, value); !error.empty()) {
            return usage_error(flag_of(*setting) + " " + error);
        }
    }
    for (const auto& [protocol, url] : flags->upstreams) config.upstreams[protocol].base_url = url;

    // Derived values and safety checks.
    if (!provenance.web_root_set) config.web_root = PATHWISE_DEFAULT_WEB_ROOT;
    if (config.allow_lan_access && !provenance.host_set) config.host = "0.0.0.0";
    config.api_keys.erase(std::remove(config.api_keys.begin(), config.api_keys.end(), std::string()),
                          config.api_keys.end());
    // What decides auth is the address actually bound, not the flag: 0.0.0.0 or a LAN address is reachable
    // from the network whichever way it was asked for.
    const bool lan = reachable_from_lan(config);
    const std::string why_lan = config.allow_lan_access ? std::string("allow_lan_access is on")
                                                        : "the proxy listens on " + config.host + ", not on loopback";
    if (lan && config.api_keys.empty()) {
        return config_error(
            why_lan +
            " but no API key is configured, so anyone on your network could use this proxy (and the "
            "upstream keys behind it). Set a key with --api-key KEY, PATHWISE_API_KEY or \"api_keys\" in the config "
            "file, or listen on 127.0.0.1 only.");
    }
    if (lan && config.auth_mode == AuthMode::off) {
        return config_error(why_lan +
                            " and auth_mode is off, so anyone on your network could use this proxy. Use "
                            "--auth-mode all_except_health (or strict, or auto) with your API key, or listen on "
                            "127.0.0.1 only.");
    }
    const AuthMode effective = effective_auth_mode(config);
    const bool any_origin =
        std::find(config.cors_origins.begin(), config.cors_origins.end(), "*") != config.cors_origins.end();
    if (any_origin && effective == AuthMode::off) {
        return config_error(
            "cors_origins '*' with auth off would let any web page you visit use this proxy and "
            "read its request log. Set an API key and --auth-mode strict (or all_except_health), or "
            "list the origins you trust instead of '*'.");
    }
    if ((effective == AuthMode::strict || effective == AuthMode::all_except_health) && config.api_keys.empty()) {
        return config_error("auth_mode " + std::string(auth_mode_name(config.auth_mode)) +
                            " needs at least one API key: set --api-key KEY, PATHWISE_API_KEY or \"api_keys\" in the "
                            "config file, or use --auth-mode off.");
    }
    for (auto& [protocol, upstream] : config.upstreams) {
        if (upstream.api_key.empty() && !upstream.api_key_env.empty()) {
            const auto value = env_value(upstream.api_key_env);
            if (!value || value->empty()) {
                return config_error("upstreams." + std::string(protocol_name(protocol)) + ".api_key_env names " +
                                    upstream.api_key_env + ", which is not set in the environment");
            }
            upstream.api_key = *value;
        }
    }
    return config;
}

}  // namespace pathwise::proxy
