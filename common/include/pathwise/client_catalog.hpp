// client_catalog.hpp — how each real client joins the base URL a person types with its own path.
//
// One entry per (product, provider mode), e.g. "cline.anthropic"; each has one or more version variants
// because clients change (@google/genai 3.x defaults to API v1, 2.x to v1beta). Every fact here comes
// from docs/clients.md (measured on loopback, or read from source) and is pinned by a test vector.
//
//   const auto* c = pathwise::find_client("anthropic-sdk-node");
//   const auto& v = pathwise::pick_variant(*c, "0.137.0");
#pragma once

#include <span>
#include <string_view>

#include "pathwise/i18n.hpp"
#include "pathwise/route_table.hpp"

namespace pathwise {

// How a client turns its base URL string into the base it joins with. Applied in this order:
// 1. `trim`: what happens to trailing slashes of the base path.
enum class BaseTrim : unsigned char {
    keep,        // leave as typed (@google/generative-ai: "host/" + "/v1beta" → "//v1beta")
    strip_one,   // AI SDK withoutTrailingSlash, @google/genai: remove one trailing '/'
    strip_all,   // Codex: trim_end_matches('/')
    ensure_one,  // Python SDKs (_enforce_trailing_slash), Continue: append '/' if missing
};
// 2. Rewrites some clients make to the typed base before joining.
struct BaseRewrite {
    // Cline: a base whose path is "" or "/" gets this default path grafted ("/v1", "/v1beta"); "" = no graft.
    std::string_view graft_when_root = {};
    // Cherry Studio (2026): append "/<this>" unless the path already has a /v\d… segment or the typed URL ends
    // with '#'; "" = none.
    std::string_view append_version_unless_present = {};
    // Cline CLI's Gemini provider (`normalizeGeminiBaseUrl`): append "/<this>" unless the path's LAST segment is a
    // version (v1, v1beta, v2alpha); "" = none. "…/v1/chat/completions" gets it, "/api/v1" does not.
    std::string_view append_version_unless_last = {};
    // Qwen Code's Responses mode (`normalizeOpenAiWireBaseUrl`): a path ending in "/<this>" or "/<this>/" loses it,
    // then one trailing '/' goes, and the call's own "/v1/responses" follows; "" = none.
    std::string_view drops_trailing_version = {};
    // Cherry Studio (≤2025): a trailing '/' means "use as is", otherwise "/v1/" is appended.
    bool legacy_trailing_slash_suppresses_v1 = false;
    // Cherry Studio (2026): a typed URL ending in '#' is never given a version; when its path ends with the
    // call's own endpoint ("…/v1/chat/completions#") that call is sent to it verbatim (full-endpoint escape).
    bool trailing_hash_means_verbatim = false;
};
// 3. How the base and the call's path are glued. With a JoinRule::api_version, the client's part becomes
//    "/<api_version>/<path>" (slash_join, concat) or "<api_version>/<path>" resolved against the base (url_resolve).
enum class JoinStyle : unsigned char {
    // openai-node / @anthropic-ai/sdk: base + path, one '/' dropped when the base ends and the path starts with '/'.
    concat_drop_one_slash,
    // `${base}${path}` verbatim (AI SDK after strip_one; @google/generative-ai; hand-built template URLs).
    concat,
    // Codex / @google/genai: base + "/" + path without its leading '/'.
    slash_join,
    // Continue: new URL(path-without-leading-slash, base-with-trailing-slash) (WHATWG relative resolution).
    url_resolve,
};

struct JoinRule {
    BaseTrim trim = BaseTrim::keep;
    BaseRewrite rewrite = {};
    JoinStyle join = JoinStyle::concat;
    // Inserted between base and path as its own segment ("v1beta", "v1"); "" = the path carries its version.
    std::string_view api_version = {};
    // Query parameters of the typed base URL survive into requests (openai-node ≥ 7, python SDKs).
    bool keeps_base_query = false;
    // The client collapses "//" in the final path itself (none measured do; kept for completeness).
    bool collapses_double_slash = false;
    // Bun's fetch sends a path's LEADING run of slashes as one ("//chat/completions" → "/chat/completions"), the
    // rest as given (measured with Cline CLI 3.0.65: base "…/v1//" → "/v1//chat/completions").
    bool collapses_leading_slashes = false;
};

// One HTTP call a client makes, relative to its base.
struct ClientCall {
    // openai: "chat", "responses", "responses_ws" (Codex's WebSocket try), "responses_fallback", "models";
    // anthropic: "messages", "count_tokens", "models"; gemini: "generate", "stream", "count_tokens", "models".
    std::string_view id = {};
    Method method = Method::get;
    // Appended path as the client writes it, may hold "{model}": "/chat/completions", "models/{model}:generateContent".
    std::string_view path = {};
    std::string_view query = {};     // the client's own query: "beta=true", "alt=sse", "key={key}", "" = none
    bool websocket_upgrade = false;  // Codex's first GET …/responses with Upgrade: websocket
    // The proxy route this call is meant for (route_table.hpp id). A call "reaches a route" only when the final
    // path matches THIS route: @google/genai 3.x's GET /v1/models hits openai.models, which is not a Gemini list.
    std::string_view route_id = {};
    // What in the client makes this call: "openai(model)", "openai.chat(model)", "useResponsesApi: true".
    std::string_view trigger = {};
    // Some calls are built by hand instead of by the SDK (Kilo Code legacy `${baseUrl}/models`, LobeChat's
    // `${baseURL}/v1beta/models?key=`): they follow this rule instead of the variant's. nullptr = the variant's.
    const JoinRule* join_override = nullptr;
    // Sent only when the call with this id did not reach a route (Roo Code openai-native: on any SDK error it
    // retries `${base || "https://api.openai.com"}/v1/responses`). "" = always sent.
    std::string_view fallback_of = {};
};

// A setting the client needs besides the base URL (Gemini CLI's auth type, genai 3.x's API version).
struct ExtraSetting {
    std::string_view name = {};   // "GOOGLE_GENAI_API_VERSION" or "security.auth.selectedType"
    std::string_view value = {};  // "beta" / "gemini-api-key"
    std::string_view where = {};  // "environment" / "~/.gemini/settings.json"
    // When non-empty, applying the setting replaces JoinRule::api_version with this value.
    std::string_view sets_api_version = {};
    Text why = {};
    // Without it the client does not start, whatever the base URL (Gemini CLI exits 41): a step of the setup,
    // not advice. The doctor's verdict and the wizard say so.
    bool required = false;
};

enum class ClientKind : unsigned char { sdk, cli, app, tool };

// Where the person types the base URL, with a ready example ("{base}" is replaced by the recommended base).
struct EntryPoint {
    std::string_view kind = {};     // "env", "setting", "code", "config", "flag"
    std::string_view name = {};     // "ANTHROPIC_BASE_URL", "Settings → Models → Override OpenAI Base URL"
    std::string_view example = {};  // "export ANTHROPIC_BASE_URL={base}" or a code snippet
};

struct ClientVariant {
    std::string_view versions = {};     // human range: ">=3.0", "<=2.x", "all", "7.x"
    std::string_view min_version = {};  // inclusive, "" = unbounded ("3.0.0")
    std::string_view max_version = {};  // exclusive, "" = unbounded ("3.0.0")
    std::string_view measured = {};     // versions this was measured on ("3.1.0"), "" when read from source
    std::string_view source = {};       // "measured" or the file it was read from
    JoinRule join = {};
    std::span<const ClientCall> calls = {};
    std::string_view default_base_url = {};  // the client's own default, e.g. "https://api.openai.com/v1"
    std::span<const EntryPoint> entry_points = {};
    // Needed to reach the proxy. A setting with `sets_api_version` is applied by `recommend` only when no
    // plain base URL works (@google/genai 3.x); any other setting is always needed (Gemini CLI's auth type).
    std::span<const ExtraSetting> extra_settings = {};
    std::span<const Text> caveats = {};
    // Overrides ClientEntry::auth_header when this version authenticates differently ("" = the entry's):
    // @anthropic-ai/sdk 1.x sends Authorization: Bearer, 0.x sends x-api-key (measured).
    std::string_view auth_header = {};
};

struct ClientEntry {
    std::string_view id = {};       // "openai-node", "claude-code", "kilo-cli.anthropic", …
    std::string_view name = {};     // "OpenAI SDK (Node)"
    std::string_view product = {};  // "Kilo CLI" — groups modes of one product in the picker
    ClientKind kind = ClientKind::sdk;
    Protocol protocol = Protocol::openai;  // what it speaks to the proxy
    std::string_view auth_header = {};     // "Authorization: Bearer", "x-api-key", "x-goog-api-key", "?key="
    bool reaches_loopback = true;          // false for Cursor: its servers make the calls, 127.0.0.1 is unreachable
    std::span<const ClientVariant> variants = {};  // newest first
    // Set on one entry per family of clients that join paths alike (docs/clients.md §0): the label under which
    // the proxy's banner and GET / show that entry's recommended base URL. "" = not a family's representative.
    std::string_view family = {};
    // How its requests say who sent them (measured through the real-client suite's capture server): the start of
    // its User-Agent ("claude-cli/"), or of its x-goog-api-client header when the User-Agent is generic
    // (@google/generative-ai sends "node"). "" = not identifiable. Entries sharing a prefix (Kilo's providers)
    // are told apart by the protocol and route of the request (client_identity.hpp).
    std::string_view user_agent_prefix = {};
    std::string_view goog_api_client_prefix = {};
};

[[nodiscard]] std::span<const ClientEntry> client_catalog();
[[nodiscard]] const ClientEntry* find_client(std::string_view id);
// The variant whose [min_version, max_version) holds `version` (dotted numbers, "v" prefix and suffixes
// like "-beta" tolerated); a version equal to a variant's `versions` label picks that variant (for builds
// without known release numbers, e.g. Cherry Studio "2024–2025 builds"); anything else picks the newest.
[[nodiscard]] const ClientVariant& pick_variant(const ClientEntry& client, std::string_view version);
// A version string that pick_variant maps back to `variant`: its min_version, else "0" below a max_version,
// else its `versions` label (Cherry Studio's builds without release numbers). For "list every variant" views.
[[nodiscard]] std::string_view version_selecting(const ClientVariant& variant);
// -1, 0, 1 comparing dotted versions numerically ("2.32.0" < "3.1").
[[nodiscard]] int compare_versions(std::string_view a, std::string_view b);
// The auth header this variant sends (the variant's override, else the entry's).
[[nodiscard]] std::string_view auth_header_of(const ClientEntry& client, const ClientVariant& variant);
// The call with this id in the variant, nullptr when none.
[[nodiscard]] const ClientCall* find_call(const ClientVariant& variant, std::string_view call_id);

}  // namespace pathwise
