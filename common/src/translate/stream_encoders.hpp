// stream_encoders.hpp — the per-protocol stream encoders behind make_stream_encoder, and what they share.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "json_reader.hpp"
#include "pathwise/translate/stream.hpp"

namespace pathwise::translate {

[[nodiscard]] std::unique_ptr<StreamEncoder> make_openai_chat_stream_encoder(const StreamEncodeOptions& options);
[[nodiscard]] std::unique_ptr<StreamEncoder> make_anthropic_stream_encoder();
[[nodiscard]] std::unique_ptr<StreamEncoder> make_gemini_stream_encoder(const StreamEncodeOptions& options);
[[nodiscard]] std::unique_ptr<StreamEncoder> make_openai_responses_stream_encoder(const StreamEncodeOptions& options);

// One server-sent event: "event: <name>" (when `name` is set) and "data: <compact JSON>", each line ended by
// `newline`, then the blank line.
[[nodiscard]] std::string sse_event(std::string_view name, const Json& data, std::string_view newline = "\n");

// What `start` said, kept by the encoders that write it only with later events (OpenAI, Gemini).
struct StreamStart {
    std::string id;
    std::string model;
    std::optional<std::int64_t> input_tokens;

    void remember(const StreamEvent& start);
    // The finish's usage, with the input tokens said at start when the finish does not repeat them.
    [[nodiscard]] Usage final_usage(const Usage& finish) const;
};

// What every encoder shares: an error event is written as error(), and nothing follows error() or end().
class StreamEncoderBase : public StreamEncoder {
public:
    [[nodiscard]] std::string encode(const StreamEvent& event) final;
    [[nodiscard]] std::string end() final;
    [[nodiscard]] std::string error(std::string_view code, std::string_view message) final;

protected:
    [[nodiscard]] bool closed() const { return closed_; }
    // Every kind but `error`.
    [[nodiscard]] virtual std::string encode_event(const StreamEvent& event) = 0;
    [[nodiscard]] virtual std::string end_bytes() = 0;
    [[nodiscard]] virtual std::string error_bytes(std::string_view code, std::string_view message) = 0;

private:
    bool closed_ = false;
};

}  // namespace pathwise::translate
