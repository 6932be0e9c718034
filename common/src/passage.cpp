// passage.cpp — see passage.hpp.
#include "pathwise/passage.hpp"

namespace pathwise {
namespace {

// The chat protocol a family's non-chat routes are written in (their bodies and answers).
translate::Protocol family_protocol(Protocol family) {
    switch (family) {
        case Protocol::anthropic:
            return translate::Protocol::anthropic;
        case Protocol::gemini:
            return translate::Protocol::gemini;
        case Protocol::openai:
        case Protocol::service:
            return translate::Protocol::openai_chat;
    }
    return translate::Protocol::openai_chat;
}

// The routes whose refusal the proxy answers itself with an estimate (upstream/translation.hpp,
// estimated_token_count).
bool counts_tokens(const Route& route) {
    return route.id == "anthropic.count_tokens" || route.id == "gemini.count_tokens";
}

}  // namespace

std::string_view passage_name(Passage passage) {
    switch (passage) {
        case Passage::pass_through:
            return "pass_through";
        case Passage::translate:
            return "translate";
        case Passage::refuse:
            return "refuse";
    }
    return "";
}

Passage passage_of(const Route& route, std::optional<translate::Protocol> speaks) {
    if (!speaks) return Passage::pass_through;
    if (route.chat) return *route.chat == *speaks ? Passage::pass_through : Passage::translate;
    return family_of(*speaks) == route.protocol ? Passage::pass_through : Passage::refuse;
}

std::optional<translate::Protocol> model_list_client(const Route& route, bool anthropic_version) {
    if (route.id == "openai.models") {
        return anthropic_version ? translate::Protocol::anthropic : translate::Protocol::openai_chat;
    }
    if (route.id == "gemini.models" || route.id == "gemini.model") return translate::Protocol::gemini;
    return std::nullopt;
}

Protocol serving_family(const Route& route, Protocol client_family) {
    return route.id == "openai.models" && client_family == Protocol::anthropic ? Protocol::anthropic : route.protocol;
}

CallPassage call_passage(const Route& route, Protocol client_family, std::optional<translate::Protocol> speaks) {
    CallPassage out;
    out.upstream_family = serving_family(route, client_family);
    const auto list = model_list_client(route, out.upstream_family == Protocol::anthropic);
    out.client = route.chat ? *route.chat : list.value_or(family_protocol(route.protocol));
    out.speaks = speaks.value_or(out.client);
    if (list) {
        out.passage = out.speaks == *list ? Passage::pass_through : Passage::translate;
    } else {
        out.passage = passage_of(route, speaks);
    }
    out.estimated = out.passage == Passage::refuse && counts_tokens(route);
    return out;
}

}  // namespace pathwise
