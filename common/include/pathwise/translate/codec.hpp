// codec.hpp — decode a protocol's request or answer into the IR (ir.hpp), encode the IR into another protocol.
//
//   auto in = translate::decode_request(Protocol::anthropic, body);            // Claude Code's /v1/messages
//   if (!in) return bad_request(in.error().message);                           // names the field
//   auto out = translate::encode_request(Protocol::openai_chat, in->request);  // for /v1/chat/completions
//   // in->warnings and out->warnings list every field that did not survive the trip
//
// Pure functions over JSON text. Every protocol goes through the IR: A → IR → B, never A → B.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/translate/ir.hpp"
#include "pathwise/translate/protocol.hpp"

namespace pathwise::translate {

// A field that was dropped or changed on the way, e.g. {"frequency_penalty", "Anthropic has no frequency
// penalty: dropped"}. `field` is a JSON path in the body it concerns ("messages[2].content[0].cache_control").
struct Warning {
    std::string field;
    std::string message;
    bool operator==(const Warning&) const = default;
};

// What the body does not say: Gemini carries the model and streaming in the path. Ignored for the others.
struct RequestPath {
    std::string model;    // "gemini-2.5-flash" (a leading "models/" is removed)
    bool stream = false;  // true for :streamGenerateContent
};

struct DecodedRequest {
    Request request;
    std::vector<Warning> warnings;
};
struct DecodedResponse {
    Response response;
    std::vector<Warning> warnings;
};
struct Encoded {
    std::string body;  // compact JSON
    std::vector<Warning> warnings;
};

// Encoding choices a protocol forces on a translation.
struct EncodeOptions {
    // Anthropic requires max_tokens; a request that did not set one is sent with this (and a warning).
    std::int64_t anthropic_default_max_tokens = 4096;
};

// Errors: code "malformed_json", "too_deep", "wrong_type", "missing_field", "bad_value" or "untranslatable";
// the message starts with the JSON path of the field ("messages[1].role: expected a string, got a number").
[[nodiscard]] Result<DecodedRequest> decode_request(Protocol from, std::string_view body, const RequestPath& path = {});
[[nodiscard]] Result<Encoded> encode_request(Protocol to, const Request& request, const EncodeOptions& options = {});

[[nodiscard]] Result<DecodedResponse> decode_response(Protocol from, std::string_view body);
[[nodiscard]] Result<Encoded> encode_response(Protocol to, const Response& response);

}  // namespace pathwise::translate
