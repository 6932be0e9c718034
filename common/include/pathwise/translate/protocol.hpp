// protocol.hpp — the chat protocols Pathwise translates between, and their names in config files and messages.
//
//   translate::parse_protocol("openai-chat");   // Protocol::openai_chat ("upstreams.anthropic.protocol")
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace pathwise::translate {

enum class Protocol : unsigned char {
    openai_chat,  // POST /v1/chat/completions
    anthropic,    // POST /v1/messages
    gemini,       // POST /v1beta/models/{model}:generateContent (and :streamGenerateContent)
    // POST /v1/responses (Codex CLI; api.openai.com's newest API). Spoken by clients and by upstreams alike.
    openai_responses,
};
inline constexpr std::array<Protocol, 4> kProtocols = {Protocol::openai_chat, Protocol::anthropic, Protocol::gemini,
                                                       Protocol::openai_responses};

// "openai-chat", "anthropic", "gemini", "openai-responses"
[[nodiscard]] std::string_view protocol_name(Protocol protocol);
[[nodiscard]] std::optional<Protocol> parse_protocol(std::string_view name);

}  // namespace pathwise::translate
