// config_file.cpp — see config_file.hpp.
#include "config/config_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "http/header_policy.hpp"
#include "http/json_text.hpp"

namespace pathwise::config {
namespace {

using nlohmann::json;

std::optional<std::string> env_value(const Environment& environment, const std::string& name) {
    const auto it = environment.find(name);
    if (it == environment.end()) return std::nullopt;
    return it->second;
}

// "protocol": "openai-chat" | "anthropic" | "gemini" | "openai-responses" — what the upstream speaks.
std::string apply_upstream_protocol(UpstreamConfig& upstream, const json& value) {
    std::vector<std::string> names;
    names.reserve(translate::kProtocols.size());
    for (const auto protocol : translate::kProtocols) names.emplace_back(translate::protocol_name(protocol));
    const std::string choices = "openai-chat, anthropic, gemini or openai-responses";
    if (!value.is_string()) return "must be a string: " + choices;
    const auto text = value.get<std::string>();
    const auto protocol = translate::parse_protocol(text);
    if (!protocol) return "must be " + choices + ", got '" + text + "'" + did_you_mean(text, names);
    upstream.protocol = protocol;
    return "";
}

// {"base_url","api_key","api_key_env","headers",{"model_map"},"ca_file","connect_timeout_ms",...}
std::string apply_upstream(UpstreamConfig& upstream, const json& object, const std::string& where) {
    static const std::vector<std::string> keys = {
        "base_url",        "api_key", "api_key_env",        "headers",
        "model_map",       "ca_file", "connect_timeout_ms", "first_byte_timeout_ms",
        "idle_timeout_ms", "protocol"};
    if (!object.is_object()) return where + " must be an object like {\"base_url\": \"https://api.openai.com/v1\"}";
    for (const auto& [key, value] : object.items()) {
        const std::string at = where + "." + key;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            return "unknown key '" + at + "'" + did_you_mean(key, keys);
        }
        if (key == "protocol") {
            if (auto error = apply_upstream_protocol(upstream, value); !error.empty()) return at + " " + error;
            continue;
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
                if (!http::is_clean_field_name(name)) {
                    return at + ": '" + name +
                           "' is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)";
                }
                const auto text = header_value.get<std::string>();
                if (!http::is_clean_field_value(text)) {
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

// One upstream object, or an ordered list of them: the first serves, the others are its fallbacks.
std::string apply_upstream_list(UpstreamConfig& upstream, const json& value, const std::string& where) {
    if (!value.is_array()) return apply_upstream(upstream, value, where);
    if (value.empty()) return where + " must list at least one upstream";
    for (std::size_t i = 0; i < value.size(); ++i) {
        UpstreamConfig& into = i == 0 ? upstream : upstream.fallbacks.emplace_back();
        if (auto error = apply_upstream(into, value[i], where + "[" + std::to_string(i) + "]"); !error.empty()) {
            return error;
        }
        if (i > 0 && into.is_mock())
            return where + "[" + std::to_string(i) + "] needs a base_url (a fallback is a provider)";
    }
    return "";
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
                        apply_upstream_list(config.upstreams[*protocol], upstream_value, "upstreams." + protocol_key);
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

}  // namespace

std::string apply_config_file(ServeConfig& config, Provenance& provenance, const std::string& flag_path,
                              const Environment& environment) {
    std::string path = flag_path;
    bool explicit_path = !path.empty();
    if (!explicit_path) {
        if (auto from_env = env_value(environment, "PATHWISE_CONFIG"); from_env && !from_env->empty()) {
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
            return "cannot read config file " + path + ": it does not exist or is not readable";
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
                return "config file " + path + " is not valid JSON: line " + std::to_string(at.line) + ", column " +
                       std::to_string(at.column) + ": " + reason;
            }
            if (auto error = apply_file_json(config, provenance, document); !error.empty()) {
                return "config file " + path + ": " + error;
            }
        }
    }
    return "";
}

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

}  // namespace pathwise::config
