// stream_decode_anthropic.cpp — an Anthropic Messages stream → StreamEvents.
//
// Wire format: docs.anthropic.com/en/docs/build-with-claude/streaming: message_start, then per content block
// content_block_start / content_block_delta… / content_block_stop, then message_delta (stop reason, output
// tokens) and message_stop; `ping` may come anywhere, `error` ends the stream. Thinking blocks and their
// signatures mean nothing to another provider: dropped with a warning. Event types Anthropic adds later are
// ignored with a warning, as its versioning policy asks of clients.
#include <map>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_decode.hpp"

namespace pathwise::translate {
namespace {

enum class BlockKind : unsigned char { text, tool_use, dropped };

struct Block {
    BlockKind kind = BlockKind::dropped;
    std::size_t call_index = 0;  // tool_use: the IR's call index
};

class AnthropicStreamDecoder final : public FramedDecoder {
protected:
    Result<bool> on_message(const SseEvent& message, std::vector<StreamEvent>& events) override {
        auto parsed = parse_message(message.data);
        if (!parsed) return parsed.error();
        const Json& data = *parsed;
        JsonReader in;
        const std::string type = in.string(data, "type", "").value_or(message.type);
        if (type == "ping") return true;
        if (type == "error") {
            const Json* error = JsonReader::member(data, "error");
            Error upstream = upstream_error(error != nullptr ? *error : data, {"type"});
            emit_error(events, std::move(upstream.code), std::move(upstream.message));
            return true;
        }
        if (type == "message_start") {
            read_message_start(in, data, events);
        } else if (!started_) {
            return message_error("bad_value", "'" + type + "' came before message_start");
        } else if (type == "content_block_start") {
            read_block_start(in, data, events);
        } else if (type == "content_block_delta") {
            read_block_delta(in, data, events);
        } else if (type == "message_delta") {
            read_message_delta(in, data);
        } else if (type == "message_stop") {
            emit_stop(events);
        } else if (type != "content_block_stop") {
            warn(type, "an unknown stream event type: ignored");
        }
        if (in.failed()) return message_error(in.error());
        return true;
    }

    Result<bool> on_body_end(std::vector<StreamEvent>& /*events*/) override {
        return truncated(started_ ? "before message_stop" : "before message_start");
    }

private:
    void read_message_start(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const Json* message = in.required_object(data, "message", "");
        if (message == nullptr || started_) return;
        started_ = true;
        if (const Json* usage = in.object(*message, "usage", "message")) {
            WarningList cache_warning;
            usage_ = read_anthropic_usage(in, cache_warning, *usage, "message.usage");
            warn_all(cache_warning.take());
        }
        events.push_back(start_event(in.string(*message, "id", "message").value_or(""),
                                     in.string(*message, "model", "message").value_or(""), usage_.input_tokens));
    }

    void read_block_start(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const auto index = in.integer(data, "index", "");
        const Json* block = in.required_object(data, "content_block", "");
        if (in.failed() || block == nullptr) return;
        const std::string type = in.required_string(*block, "type", "content_block");
        Block& state = blocks_[index.value_or(0)];
        if (type == "text") {
            state.kind = BlockKind::text;
            if (auto text = in.string(*block, "text", "content_block"); text && !text->empty()) {
                events.push_back(text_event(std::move(*text)));
            }
        } else if (type == "tool_use") {
            state.kind = BlockKind::tool_use;
            state.call_index = calls_++;
            events.push_back(tool_call_event(state.call_index, in.required_string(*block, "id", "content_block"),
                                             in.required_string(*block, "name", "content_block")));
        } else if (!in.failed()) {
            state.kind = BlockKind::dropped;
            const bool thinking = type == "thinking" || type == "redacted_thinking";
            warn("content_block", thinking ? "a " + type + " block is Anthropic's own: dropped"
                                           : "a '" + type + "' block cannot be translated: dropped");
        }
    }

    void read_block_delta(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const auto index = in.integer(data, "index", "").value_or(0);
        const Json* delta = in.required_object(data, "delta", "");
        if (in.failed() || delta == nullptr) return;
        const std::string type = in.required_string(*delta, "type", "delta");
        auto block = blocks_.find(index);
        if (type == "text_delta") {
            auto text = in.required_string(*delta, "text", "delta");
            if (!text.empty()) events.push_back(text_event(std::move(text)));
        } else if (type == "input_json_delta") {
            auto json_text = in.required_string(*delta, "partial_json", "delta");
            if (block == blocks_.end() || block->second.kind != BlockKind::tool_use) {
                in.fail("bad_value", "index",
                        "input_json_delta for block " + std::to_string(index) + ", which is not a tool_use block");
            } else if (!json_text.empty()) {
                events.push_back(tool_arguments_event(block->second.call_index, std::move(json_text)));
            }
        } else if (type == "thinking_delta" || type == "signature_delta") {
            warn("delta", "a " + type + " is Anthropic's own: dropped");
        } else if (!in.failed()) {
            warn("delta", "a '" + type + "' delta cannot be translated: dropped");
        }
    }

    void read_message_delta(JsonReader& in, const Json& data) {
        if (const Json* delta = in.object(data, "delta", "")) {
            if (auto stop = in.string(*delta, "stop_reason", "delta")) stop_reason_ = std::move(stop);
            if (auto sequence = in.string(*delta, "stop_sequence", "delta")) stop_sequence_ = std::move(*sequence);
        }
        if (const Json* usage = in.object(data, "usage", "")) {
            // Output tokens here are the total so far; newer API versions repeat the input counts too.
            WarningList cache_warning;
            const Usage delta_usage = read_anthropic_usage(in, cache_warning, *usage, "usage");
            warn_all(cache_warning.take());
            if (delta_usage.input_tokens) usage_.input_tokens = delta_usage.input_tokens;
            if (delta_usage.output_tokens) usage_.output_tokens = delta_usage.output_tokens;
        }
    }

    void emit_stop(std::vector<StreamEvent>& events) {
        StopReason reason = StopReason::unknown;
        if (stop_reason_) {
            reason = from_anthropic_stop_reason(*stop_reason_);
            if (reason == StopReason::unknown) warn("delta.stop_reason", "unknown stop_reason '" + *stop_reason_ + "'");
        }
        emit_finish(events, reason, stop_sequence_, usage_);
    }

    bool started_ = false;
    std::map<std::int64_t, Block> blocks_;  // by the stream's content block index
    std::size_t calls_ = 0;
    std::optional<std::string> stop_reason_;
    std::string stop_sequence_;
    Usage usage_;
};

}  // namespace

std::unique_ptr<StreamDecoder> make_anthropic_stream_decoder() {
    return std::make_unique<AnthropicStreamDecoder>();
}

}  // namespace pathwise::translate
