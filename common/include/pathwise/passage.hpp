// passage.hpp — how a client's call reaches the upstream that serves it: passed through untouched, or translated
// into the protocol that upstream speaks (docs/translation.md "In the proxy"). One rule for the proxy's forwarder,
// `pathwise doctor` and the wizard.
//
//   const auto how = call_passage(*find_route("anthropic.messages"), Protocol::anthropic,
//                                 translate::Protocol::openai_chat);   // Claude Code → an Ollama upstream
//   how.passage;          // Passage::translate
//   how.client, how.speaks;   // anthropic → openai-chat
#pragma once

#include <optional>
#include <string_view>

#include "pathwise/route_table.hpp"
#include "pathwise/translate/protocol.hpp"

namespace pathwise {

// How the requests of one route reach an upstream that speaks a given protocol.
enum class Passage : unsigned char {
    pass_through,  // the upstream speaks the route's protocol: the request goes as it came
    translate,     // a chat route, translated both ways
    refuse,        // a route that has no meaning for that upstream (a Responses call to a Gemini upstream, …)
};
[[nodiscard]] std::string_view passage_name(Passage passage);  // "pass_through", "translate", "refuse"

// The forwarder's rule for `route`. `speaks` nullopt = the upstream speaks the route's own protocol (the config
// did not say). A chat route passes only when the upstream speaks exactly its chat protocol (Responses and Chat
// Completions are one family, two protocols); other routes pass within their family and are refused outside it.
[[nodiscard]] Passage passage_of(const Route& route, std::optional<translate::Protocol> speaks);

// The list shape a model-list route's client reads: openai.models → openai-chat, or anthropic when the request
// carries `anthropic-version` (Claude Code's GET /v1/models?limit=1000 and the Anthropic SDKs, whatever their key
// header); gemini.models and gemini.model → gemini. nullopt for other routes.
[[nodiscard]] std::optional<translate::Protocol> model_list_client(const Route& route, bool anthropic_version);

// Whose upstream ("upstreams.<family>") serves a call of a client of `client_family` to `route`: the route's
// family, except GET /v1/models from an Anthropic client, which carries anthropic-version and goes to Anthropic's.
[[nodiscard]] Protocol serving_family(const Route& route, Protocol client_family);

// Everything a person needs to know about one call: what it is in, what the upstream speaks, how it gets there.
struct CallPassage {
    Protocol upstream_family = Protocol::openai;                    // serving_family()
    translate::Protocol client = translate::Protocol::openai_chat;  // the protocol the call is written in
    translate::Protocol speaks = translate::Protocol::openai_chat;  // the upstream's (`client` when not declared)
    Passage passage = Passage::pass_through;
    // Refused, but answered by the proxy's own token estimate (count_tokens / countTokens to another protocol).
    bool estimated = false;
};
// A call of a `client_family` client to `route`, served by an upstream that speaks `speaks` (nullopt = not
// declared: the call's own protocol). A model list to another protocol is translated (the forwarder asks the
// upstream's own list and answers in the client's shape), not refused as passage_of() alone would say.
[[nodiscard]] CallPassage call_passage(const Route& route, Protocol client_family,
                                       std::optional<translate::Protocol> speaks);

}  // namespace pathwise
