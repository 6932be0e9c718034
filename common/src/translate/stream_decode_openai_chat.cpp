// stream_decode_openai_chat.cpp — an OpenAI Chat Completions stream (chat.completion.chunk events) → StreamEvents.
//
// Wire format: platform.openai.com/docs/api-reference/chat-streaming: `data: {chunk}` SSE events, then
// `data: [DONE]`. With stream_options.include_usage the usage comes in a last chunk whose `choices` is empty, so
// the finish_reason is held until [DONE]. OpenAI-compatible servers (Ollama, llama.cpp, vLLM) may send no usage,
// and some close the body without [DONE]: a finish_reason seen is enough to finish at the body's end.
#include <map>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_decode.hpp"

namespace pathwise::translate {
namespace {

class OpenAiChatStreamDecoder final : public FramedDecoder {
protected:
    Result<bool> on_message(const SseEvent& message, std::vector<StreamEvent>& events) override {
        if (done_) return true;
        if (message.data == "[DONE]") {
            done_ = true;
            if (finish_reason_) emit_stop(events);
            return true;
        }
        auto parsed = parse_message(message.data);
        if (!parsed) return parsed.error();
        const Json& chunk = *parsed;
        if (const Json* error = JsonReader::member(chunk, "error")) {
            Error upstream = upstream_error(*error, {"type", "code"});
            emit_error(events, std::move(upstream.code), std::move(upstream.message));
            return true;
        }
        JsonReader in;
        const Json* choices = in.array(chunk, "choices", "");
        auto id = in.string(chunk, "id", "");
        // Azure OpenAI's first chunk carries only prompt_filter_results, with "id": "" and no choice: the
        // answer starts with the first chunk that says something.
        if (!started_ && ((choices != nullptr && !choices->empty()) || (id && !id->empty()))) {
            started_ = true;
            events.push_back(start_event(id.value_or(""), in.string(chunk, "model", "").value_or(""), std::nullopt));
        }
        if (choices != nullptr) {
            for (std::size_t i = 0; i < choices->size() && !in.failed(); ++i) {
                read_choice(in, (*choices)[i], index_path("choices", i), events);
            }
        }
        if (const Json* usage = in.object(chunk, "usage", "")) usage_ = read_openai_usage(in, *usage, "usage");
        if (in.failed()) return message_error(in.error());
        return true;
    }

    Result<bool> on_body_end(std::vector<StreamEvent>& events) override {
        if (!finish_reason_) {
            return truncated(done_ ? "with [DONE] but no finish_reason" : "before any finish_reason");
        }
        emit_stop(events);
        return true;
    }

private:
    void read_choice(JsonReader& in, const Json& choice, const std::string& path, std::vector<StreamEvent>& events) {
        if (!in.expect_object(choice, path)) return;
        if (in.integer(choice, "index", path).value_or(0) > 0) {
            warn("choices", "only the first choice is translated: the others are dropped");
            return;
        }
        if (const Json* delta = in.object(choice, "delta", path))
            read_delta(in, *delta, field_path(path, "delta"), events);
        if (auto finish_reason = in.string(choice, "finish_reason", path)) finish_reason_ = std::move(finish_reason);
    }

    void read_delta(JsonReader& in, const Json& delta, const std::string& path, std::vector<StreamEvent>& events) {
        if (auto content = in.string(delta, "content", path); content && !content->empty()) {
            events.push_back(text_event(std::move(*content)));
        }
        if (auto refusal = in.string(delta, "refusal", path); refusal && !refusal->empty()) {
            warn(field_path(path, "refusal"), "a refusal is carried as plain text");
            events.push_back(text_event(std::move(*refusal)));
        }
        // DeepSeek and vLLM say reasoning_content, Ollama reasoning: a chain of thought no other protocol takes.
        for (const std::string_view key : {"reasoning_content", "reasoning"}) {
            const Json* reasoning = JsonReader::member(delta, key);
            if (reasoning != nullptr && *reasoning != "") {
                warn(field_path(path, key), "reasoning text is not carried by the translation: dropped");
            }
        }
        if (const Json* calls = in.array(delta, "tool_calls", path)) {
            for (std::size_t i = 0; i < calls->size() && !in.failed(); ++i) {
                read_tool_call(in, (*calls)[i], index_path(field_path(path, "tool_calls"), i), events);
            }
        }
        WarningList unknown;
        unknown.unknown_members(delta, {"role", "content", "refusal", "reasoning_content", "reasoning", "tool_calls"},
                                path, "not carried by the translation: dropped");
        warn_all(unknown.take());
    }

    // A piece of a tool call: its first piece has the id and name, later ones more of the arguments.
    void read_tool_call(JsonReader& in, const Json& call, const std::string& path, std::vector<StreamEvent>& events) {
        if (!in.expect_object(call, path)) return;
        const auto wire_index = in.integer(call, "index", path);
        auto id = in.string(call, "id", path);
        const Json* function = in.object(call, "function", path);
        const std::string function_path = field_path(path, "function");
        auto name = function != nullptr ? in.string(*function, "name", function_path) : std::nullopt;
        auto arguments = function != nullptr ? in.string(*function, "arguments", function_path) : std::nullopt;
        if (in.failed()) return;
        std::optional<std::size_t> index = known_call(wire_index, id);
        if (!index) {
            index = call_ids_.size();
            if (!id || id->empty()) {
                id = "call_" + std::to_string(*index + 1);
                warn(field_path(path, "id"), "a tool call came without an id: one is made up");
            }
            if (wire_index) wire_to_ir_[*wire_index] = *index;
            call_ids_.push_back(*id);
            events.push_back(tool_call_event(*index, std::move(*id), name.value_or("")));
        }
        if (arguments && !arguments->empty()) events.push_back(tool_arguments_event(*index, std::move(*arguments)));
    }

    // The IR index of a call already begun: by OpenAI's `index`; servers that send none continue the last call
    // unless a new id starts another.
    std::optional<std::size_t> known_call(const std::optional<std::int64_t>& wire_index,
                                          const std::optional<std::string>& id) const {
        if (wire_index) {
            auto found = wire_to_ir_.find(*wire_index);
            if (found == wire_to_ir_.end()) return std::nullopt;
            return found->second;
        }
        if (call_ids_.empty() || (id && !id->empty() && *id != call_ids_.back())) return std::nullopt;
        return call_ids_.size() - 1;
    }

    void emit_stop(std::vector<StreamEvent>& events) {
        const StopReason reason = from_openai_finish_reason(*finish_reason_);
        if (reason == StopReason::unknown) {
            warn("choices[0].finish_reason", "unknown finish_reason '" + *finish_reason_ + "'");
        }
        emit_finish(events, reason, "", usage_);
    }

    bool started_ = false;
    bool done_ = false;  // [DONE] arrived
    std::optional<std::string> finish_reason_;
    Usage usage_;
    std::map<std::int64_t, std::size_t> wire_to_ir_;  // OpenAI's tool_calls[].index → the IR's call index
    std::vector<std::string> call_ids_;               // by IR index
};

}  // namespace

std::unique_ptr<StreamDecoder> make_openai_chat_stream_decoder() {
    return std::make_unique<OpenAiChatStreamDecoder>();
}

}  // namespace pathwise::translate
