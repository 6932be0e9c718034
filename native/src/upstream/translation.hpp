// translation.hpp — a chat request sent to an upstream that speaks another protocol: what is asked of it, and
// how its answer, its errors and its stream come back in the client's protocol. The codecs are the core's
// (pathwise/translate/); this file is the proxy's use of them.
//
//   if (auto plan = translation_for(*match.route, target.config)) {          // Claude Code → an Ollama upstream
//       auto asked = translate_request(*plan, match, req.body, target.config.model_map);
//       if (!asked) return send_error(res, translation_refused(*plan, asked.error()));   // 400 naming the field
//       …send asked->body to asked->path…
//       auto answer = translate_answer(*plan, upstream_body, now);            // the client's shape
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "http/protocol_error.hpp"
#include "pathwise/passage.hpp"
#include "pathwise/result.hpp"
#include "pathwise/route_table.hpp"
#include "pathwise/translate/codec.hpp"
#include "pathwise/translate/models.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::upstream {

// How the requests of one route reach an upstream that speaks `config.protocol`: the core's rule
// (pathwise/passage.hpp), shared with the doctor and the wizard.
using pathwise::Passage;
[[nodiscard]] inline Passage passage_of(const Route& route, const config::UpstreamConfig& config) {
    return pathwise::passage_of(route, config.protocol);
}

struct Translation {
    translate::Protocol from;  // the client's (the route's chat protocol)
    translate::Protocol to;    // the upstream's
};
// Set when passage_of() is `translate`.
[[nodiscard]] std::optional<Translation> translation_for(const Route& route, const config::UpstreamConfig& config);

struct TranslatedRequest {
    std::string path;  // the upstream's chat route, query included (Gemini streams: "?alt=sse")
    std::string body;
    bool stream = false;
    bool gemini_json_array = false;  // the client asked Gemini's stream without ?alt=sse
    std::vector<translate::Warning> warnings;
};
// `query` is the client's request query (Gemini's ?alt=sse). The model is renamed by `model_map` on the way.
// Errors name the field ("messages[0].content: …") with the codec's code.
[[nodiscard]] Result<TranslatedRequest> translate_request(const Translation& plan, const RouteMatch& match,
                                                          std::string_view query, std::string_view body,
                                                          std::span<const config::ModelMapping> model_map);

// A 2xx answer of the upstream, in the client's protocol. `now_unix` fills OpenAI's `created`.
[[nodiscard]] Result<translate::Encoded> translate_answer(const Translation& plan, std::string_view body,
                                                          std::int64_t now_unix);

// count_tokens / countTokens whose upstream speaks another protocol: the estimate of token_estimate.hpp, in
// the route's answer shape ({"input_tokens": N}, {"totalTokens": N}); nullopt for other routes.
[[nodiscard]] std::optional<std::string> estimated_token_count(const Route& route, std::string_view body);

// ---- model lists ----------------------------------------------------------------------------------------------
// The list shape a model-list route's client reads: the core's (pathwise/passage.hpp).
using pathwise::model_list_client;
// Where an upstream of `speaks` lists its models (one page, as large as the API allows).
[[nodiscard]] std::string model_list_path(translate::Protocol speaks);
// The upstream's list (plan.to's shape) in the client's (plan.from's), with the model map's exact names added:
// what a client may ask for is what the upstream has plus what the map renames.
[[nodiscard]] Result<std::string> translate_model_list(const Translation& plan, std::string_view body,
                                                       std::span<const config::ModelMapping> model_map);

// The answer to a request the translation refused (400, in the client's shape, naming the field).
[[nodiscard]] http::ProtocolError translation_refused(const Translation& plan, const Error& error);
// The answer when a route cannot reach the upstream's protocol at all (passage `refuse`).
[[nodiscard]] http::ProtocolError route_not_translatable(const Route& route, const config::UpstreamConfig& config);
// An upstream's error answer (non-2xx) in the client's shape: same status, the upstream's own message, and
// saying that it came from the upstream, not from Pathwise.
[[nodiscard]] http::ProtocolError upstream_error(const Translation& plan, std::string_view upstream_name, int status,
                                                 std::string_view body);
// A 2xx answer that did not decode as the upstream's protocol: 502.
[[nodiscard]] http::ProtocolError answer_not_translatable(const Translation& plan, std::string_view upstream_name,
                                                          const Error& error);

// One streamed answer, decoded from the upstream's protocol and encoded into the client's as bytes arrive.
class StreamTranslation {
public:
    StreamTranslation(const Translation& plan, const translate::StreamEncodeOptions& options);
    // The client's bytes for the upstream's `bytes` (may be empty). After a decode failure it returns the
    // client's error event once, and failed() is true: nothing more may be written.
    [[nodiscard]] std::string feed(std::string_view bytes);
    // The upstream's body ended cleanly: the last events and the protocol's end (or its error event when the
    // stream was cut short of its protocol's end).
    [[nodiscard]] std::string finish();
    // The upstream failed mid-stream (timeout, closed, shutdown): the client's error event.
    [[nodiscard]] std::string fail(std::string_view code, std::string_view message);
    [[nodiscard]] bool failed() const { return failed_; }
    [[nodiscard]] const std::string& failure_code() const { return failure_code_; }

private:
    std::string encode_all();
    std::unique_ptr<translate::StreamDecoder> decoder_;
    std::unique_ptr<translate::StreamEncoder> encoder_;
    std::vector<translate::StreamEvent> events_;
    bool failed_ = false;
    std::string failure_code_;
};

}  // namespace pathwise::upstream
