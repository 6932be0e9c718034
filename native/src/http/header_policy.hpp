// header_policy.hpp — which request/response headers cross the proxy, and whose API key goes upstream.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/route_table.hpp"

namespace pathwise::http {

// RFC 9110 §7.6.1 hop-by-hop headers (plus Proxy-*): they describe one connection, never forwarded.
// Host is in the list too: the upstream connection writes its own.
[[nodiscard]] bool is_hop_by_hop(std::string_view name);

// The header that carries the provider key: Authorization (OpenAI), x-api-key (Anthropic), x-goog-api-key (Gemini).
[[nodiscard]] std::string_view key_header_name(Protocol protocol);
// The header value for that key: "Bearer sk-…" for OpenAI, the bare key otherwise.
[[nodiscard]] std::string key_header_value(Protocol protocol, std::string_view key);

// Every header a client may use to present a key, for any protocol (clients mix them: the Anthropic SDK 1.x
// and Claude Code with ANTHROPIC_AUTH_TOKEN send Authorization: Bearer on the Anthropic route, docs/clients.md §4).
[[nodiscard]] bool is_client_key_header(std::string_view name);

// The key inside a client's key header value ("Bearer k" → "k", "k" → "k").
[[nodiscard]] std::string_view key_from_header_value(std::string_view name, std::string_view value);

// RFC 9110 §5.1/§5.5: a header name is a token; a value has no control character but tab (no CR, LF, NUL).
// The server library percent-decodes header values, so "%0d%0a" arrives as CR LF: every header that crosses
// the proxy, either way, passes these first.
[[nodiscard]] bool is_clean_field_name(std::string_view name);
[[nodiscard]] bool is_clean_field_value(std::string_view value);

// A query component as a server decodes it: %XX and '+' (space). "pk%2Bsecret" → "pk+secret".
[[nodiscard]] std::string decode_query_component(std::string_view text);

// Removes every `name=…` whose DECODED name is `name` from a query string ("alt=sse&%6Bey=abc" → "alt=sse");
// returns the last removed value, decoded, via `removed`.
[[nodiscard]] std::string remove_query_param(std::string_view query, std::string_view name, std::string* removed);

// Content types compare without parameters and case: "Text/Event-Stream; charset=utf-8" is an event stream.
[[nodiscard]] bool is_event_stream(std::string_view content_type);

}  // namespace pathwise::http
