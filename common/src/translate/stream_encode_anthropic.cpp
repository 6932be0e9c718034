// stream_encode_anthropic.cpp — events → the Messages stream: message_start, content blocks, message_delta,
// message_stop.
//
// Shapes: docs.anthropic.com/en/docs/build-with-claude/streaming and anthropic-sdk-typescript's MessageStream,
// which accumulates deltas into the block at `index` and raises an APIError on `event: error`.
#include <optional>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_encoders.hpp"

namespace pathwise::translate {
namespace {

enum class OpenBlock : unsigned char { none, text, tool_use };

class AnthropicStreamEncoder final : public StreamEncoderBase {
private:
    std::string encode_event(const StreamEvent& event) override {
        if (event.kind == StreamEventKind::start) return message_start(event);
        // A stream must begin with message_start even when the upstream said nothing up front.
        std::string out = started_ ? "" : message_start(StreamEvent{});
        switch (event.kind) {
            case StreamEventKind::text:
                return out + append_text(event.text);
            case StreamEventKind::tool_call:
                return out + tool_call(event);
            case StreamEventKind::tool_arguments:
                return out + tool_arguments(event);
            case StreamEventKind::finish:
                return out + finish(event);
            case StreamEventKind::start:
            case StreamEventKind::error:
                break;
        }
        return out;
    }

    std::string end_bytes() override { return ""; }

    std::string error_bytes(std::string_view code, std::string_view message) override {
        Json details = {{"type", code.empty() ? std::string_view("api_error") : code}, {"message", message}};
        return sse_event("error", Json{{"type", "error"}, {"error", std::move(details)}});
    }

    std::string message_start(const StreamEvent& start) {
        if (started_) return "";
        started_ = true;
        Json message = {{"id", start.id.empty() ? std::string(kAnthropicDefaultId) : start.id},
                        {"type", "message"},
                        {"role", "assistant"},
                        {"model", start.model},
                        {"content", Json::array()},
                        {"stop_reason", nullptr},
                        {"stop_sequence", nullptr},
                        {"usage", {{"input_tokens", start.usage.input_tokens.value_or(0)}, {"output_tokens", 0}}}};
        return sse_event("message_start", Json{{"type", "message_start"}, {"message", std::move(message)}});
    }

    std::string open_block(OpenBlock kind, Json content_block) {
        std::string out = close_block();
        open_ = kind;
        open_index_ = next_index_++;
        return out + sse_event("content_block_start", Json{{"type", "content_block_start"},
                                                           {"index", open_index_},
                                                           {"content_block", std::move(content_block)}});
    }

    std::string close_block() {
        if (open_ == OpenBlock::none) return "";
        open_ = OpenBlock::none;
        return sse_event("content_block_stop", Json{{"type", "content_block_stop"}, {"index", open_index_}});
    }

    std::string block_delta(Json delta) const {
        return sse_event("content_block_delta",
                         Json{{"type", "content_block_delta"}, {"index", open_index_}, {"delta", std::move(delta)}});
    }

    std::string append_text(const std::string& text) {
        if (text.empty()) return "";
        std::string out = open_ == OpenBlock::text ? "" : open_block(OpenBlock::text, {{"type", "text"}, {"text", ""}});
        return out + block_delta({{"type", "text_delta"}, {"text", text}});
    }

    std::string tool_call(const StreamEvent& event) {
        open_call_ = event.index;
        return open_block(OpenBlock::tool_use, anthropic_tool_use_block(event.tool_call, Json::object()));
    }

    std::string tool_arguments(const StreamEvent& event) {
        if (event.text.empty()) return "";
        if (open_ != OpenBlock::tool_use || open_call_ != event.index) {
            // A block cannot be reopened once another began (OpenAI may interleave parallel calls' arguments).
            return error("untranslatable", "tool call " + std::to_string(event.index) +
                                               ": its arguments arrived after another block began, which an "
                                               "Anthropic stream cannot carry");
        }
        return block_delta({{"type", "input_json_delta"}, {"partial_json", event.text}});
    }

    std::string finish(const StreamEvent& event) {
        std::string out = close_block();
        // Usage in message_delta is cumulative; input_tokens there is what an OpenAI upstream reports only
        // at its end (anthropic-sdk-typescript copies it into the message when present).
        Json usage = {{"output_tokens", event.usage.output_tokens.value_or(0)}};
        if (event.usage.input_tokens) usage["input_tokens"] = *event.usage.input_tokens;
        Json delta = {{"stop_reason", to_anthropic_stop_reason(event.stop_reason)},
                      {"stop_sequence", anthropic_stop_sequence(event.stop_sequence)}};
        out += sse_event("message_delta",
                         Json{{"type", "message_delta"}, {"delta", std::move(delta)}, {"usage", std::move(usage)}});
        return out + sse_event("message_stop", Json{{"type", "message_stop"}});
    }

    bool started_ = false;
    OpenBlock open_ = OpenBlock::none;
    std::size_t open_index_ = 0;
    std::size_t next_index_ = 0;
    std::size_t open_call_ = 0;  // the tool call whose block is open
};

}  // namespace

std::unique_ptr<StreamEncoder> make_anthropic_stream_encoder() {
    return std::make_unique<AnthropicStreamEncoder>();
}

}  // namespace pathwise::translate
