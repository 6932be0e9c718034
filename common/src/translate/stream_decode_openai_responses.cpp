// stream_decode_openai_responses.cpp — an OpenAI Responses stream (POST /v1/responses with stream: true) →
// StreamEvents.
//
// Wire format: platform.openai.com/docs/api-reference/responses-streaming: `event: <type>` + `data: {"type", …,
// "sequence_number"}`. response.created (the Response object, in progress), then per output item
// response.output_item.added, its deltas (response.output_text.delta, response.function_call_arguments.delta)
// and response.output_item.done; the end is response.completed or response.incomplete (the whole Response
// object: status, incomplete_details, usage), or response.failed (its `error`); an `error` event ends the stream
// too. Items are told apart by output_index. A gateway that sends a text or the arguments only in the `.done`
// events is read too: what no delta carried is taken from there. Reasoning items are OpenAI's own: dropped.
#include <map>
#include <set>

#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_decode.hpp"

namespace pathwise::translate {
namespace {

// Events that carry nothing the IR needs (their content came in the deltas, or they only report progress).
bool is_ignored_event(std::string_view type) {
    return type == "response.in_progress" || type == "response.queued" || type == "response.content_part.done" ||
           type == "response.output_text.annotation.added" || type == "response.refusal.done" ||
           type.rfind("response.reasoning", 0) == 0 || type.rfind("response.web_search_call.", 0) == 0 ||
           type.rfind("response.file_search_call.", 0) == 0;
}

struct Call {
    std::size_t index = 0;       // the IR's call index
    bool has_arguments = false;  // a delta carried some
};

class OpenAiResponsesStreamDecoder final : public FramedDecoder {
protected:
    Result<bool> on_message(const SseEvent& message, std::vector<StreamEvent>& events) override {
        if (message.data == "[DONE]") return true;  // not OpenAI's, but gateways that mimic Chat Completions
        auto parsed = parse_message(message.data);
        if (!parsed) return parsed.error();
        const Json& data = *parsed;
        JsonReader in;
        const std::string type = in.string(data, "type", "").value_or(message.type);
        if (in.failed()) return message_error(in.error());
        if (type == "error") {
            // {"type": "error", "code", "message", "param"}; some gateways nest it in "error".
            const Json* error = JsonReader::member(data, "error");
            Error upstream = upstream_error(error != nullptr ? *error : data, {"code", "type"});
            emit_error(events, std::move(upstream.code), std::move(upstream.message));
            return true;
        }
        if (!started_) start(in, data, events);
        dispatch(in, type, data, events);
        if (in.failed()) return message_error(in.error());
        return true;
    }

    Result<bool> on_body_end(std::vector<StreamEvent>& /*events*/) override {
        return truncated("before response.completed");
    }

private:
    void dispatch(JsonReader& in, const std::string& type, const Json& data, std::vector<StreamEvent>& events) {
        if (type == "response.created" || is_ignored_event(type)) return;
        if (type == "response.output_item.added") {
            read_item(in, data, events, /*done=*/false);
        } else if (type == "response.output_item.done") {
            read_item(in, data, events, /*done=*/true);
        } else if (type == "response.content_part.added") {
            read_part_added(in, data, events);
        } else if (type == "response.output_text.delta" || type == "response.refusal.delta") {
            read_text_delta(in, type, data, events);
        } else if (type == "response.output_text.done") {
            read_text_done(in, data, events);
        } else if (type == "response.function_call_arguments.delta") {
            read_arguments(in, data, "delta", events);
        } else if (type == "response.function_call_arguments.done") {
            read_arguments(in, data, "arguments", events);
        } else if (type == "response.completed" || type == "response.incomplete") {
            read_end(in, data, events);
        } else if (type == "response.failed") {
            read_failed(in, data, events);
        } else {
            warn(type, "an unknown stream event type: ignored");
        }
    }

    // The answer starts at response.created (its Response object has the id and the model), or at the first
    // event when a gateway sends none.
    void start(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        started_ = true;
        const Json* response = in.object(data, "response", "");
        std::string id;
        std::string model;
        if (response != nullptr) {
            id = in.string(*response, "id", "response").value_or("");
            model = in.string(*response, "model", "response").value_or("");
        }
        events.push_back(start_event(std::move(id), std::move(model), std::nullopt));
    }

    void read_item(JsonReader& in, const Json& data, std::vector<StreamEvent>& events, bool done) {
        const auto output_index = in.integer(data, "output_index", "").value_or(0);
        const Json* item = in.required_object(data, "item", "");
        if (in.failed()) return;
        const std::string type = in.required_string(*item, "type", "item");
        if (type == "function_call") {
            read_call_item(in, *item, output_index, events, done);
        } else if (type == "message") {
            if (done) read_done_message(in, *item, output_index, events);
        } else if (type == "reasoning") {
            warn("item", "a reasoning item is OpenAI's own: dropped");
        } else if (!in.failed()) {
            warn("item", "an output item of type '" + type + "' cannot be translated: dropped");
        }
    }

    // A call begins at its item's added event (or, from a gateway that sends no added event, at its done event);
    // arguments that no delta carried come from the item itself.
    void read_call_item(JsonReader& in, const Json& item, std::int64_t output_index, std::vector<StreamEvent>& events,
                        bool done) {
        auto found = calls_.find(output_index);
        if (found == calls_.end()) {
            const std::string id = in.required_string(item, "call_id", "item");
            const std::string name = in.required_string(item, "name", "item");
            if (in.failed()) return;
            found = calls_.emplace(output_index, Call{calls_.size(), false}).first;
            events.push_back(tool_call_event(found->second.index, id, name));
        }
        if (!done) return;
        take_arguments(found->second, in.string(item, "arguments", "item").value_or(""), events);
    }

    void take_arguments(Call& call, std::string arguments, std::vector<StreamEvent>& events) {
        if (call.has_arguments || arguments.empty()) return;
        call.has_arguments = true;
        events.push_back(tool_arguments_event(call.index, std::move(arguments)));
    }

    // `key` "delta": more arguments; "arguments" (the .done event): all of them, taken only when no delta came.
    void read_arguments(JsonReader& in, const Json& data, std::string_view key, std::vector<StreamEvent>& events) {
        const auto output_index = in.integer(data, "output_index", "").value_or(0);
        std::string text = in.required_string(data, key, "");
        if (in.failed()) return;
        auto found = calls_.find(output_index);
        if (found == calls_.end()) {
            in.fail("bad_value", "output_index",
                    "function call arguments for output item " + std::to_string(output_index) +
                        ", which is not a function_call");
            return;
        }
        if (key == "arguments") {
            take_arguments(found->second, std::move(text), events);
        } else if (!text.empty()) {
            found->second.has_arguments = true;
            events.push_back(tool_arguments_event(found->second.index, std::move(text)));
        }
    }

    void read_part_added(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const auto output_index = in.integer(data, "output_index", "").value_or(0);
        const Json* part = in.object(data, "part", "");
        if (part == nullptr) return;
        if (auto text = in.string(*part, "text", "part"); text && !text->empty()) {
            texted_.insert(output_index);
            events.push_back(text_event(std::move(*text)));
        }
    }

    void read_text_delta(JsonReader& in, const std::string& type, const Json& data, std::vector<StreamEvent>& events) {
        const auto output_index = in.integer(data, "output_index", "").value_or(0);
        std::string delta = in.required_string(data, "delta", "");
        if (type == "response.refusal.delta") warn("delta", "a refusal is carried as plain text");
        if (in.failed() || delta.empty()) return;
        texted_.insert(output_index);
        events.push_back(text_event(std::move(delta)));
    }

    // The whole text of a part: taken only when no delta of its item came.
    void read_text_done(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const auto output_index = in.integer(data, "output_index", "").value_or(0);
        std::string text = in.string(data, "text", "").value_or("");
        if (in.failed() || text.empty() || texted_.count(output_index) > 0) return;
        texted_.insert(output_index);
        events.push_back(text_event(std::move(text)));
    }

    // A message item whose text no event carried (a gateway that sends only the items).
    void read_done_message(JsonReader& in, const Json& item, std::int64_t output_index,
                           std::vector<StreamEvent>& events) {
        if (texted_.count(output_index) > 0) return;
        const Json* content = in.array(item, "content", "item");
        if (content == nullptr) return;
        texted_.insert(output_index);
        for (const Json& part : *content) {
            if (!part.is_object()) continue;
            const Json* text = JsonReader::member(part, "text");
            if (text == nullptr) text = JsonReader::member(part, "refusal");
            if (text != nullptr && text->is_string() && !text->get_ref<const std::string&>().empty()) {
                events.push_back(text_event(text->get<std::string>()));
            }
        }
    }

    void read_end(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const Json* response = in.required_object(data, "response", "");
        if (in.failed()) return;
        WarningList stop_warnings;
        const StopReason reason = read_openai_responses_stop(in, stop_warnings, *response, "response", !calls_.empty());
        warn_all(stop_warnings.take());
        Usage usage;
        if (const Json* usage_json = in.object(*response, "usage", "response")) {
            usage = read_openai_responses_usage(in, *usage_json, "response.usage");
        }
        if (!in.failed()) emit_finish(events, reason, "", usage);
    }

    // response.failed: the Response object's `error` {code, message}.
    void read_failed(JsonReader& in, const Json& data, std::vector<StreamEvent>& events) {
        const Json* response = in.object(data, "response", "");
        const Json* error = response != nullptr ? JsonReader::member(*response, "error") : nullptr;
        if (in.failed()) return;
        if (error == nullptr) {
            emit_error(events, "server_error", "the upstream's response failed without saying why");
            return;
        }
        Error upstream = upstream_error(*error, {"code", "type"});
        emit_error(events, std::move(upstream.code), std::move(upstream.message));
    }

    bool started_ = false;
    std::map<std::int64_t, Call> calls_;  // by output_index
    std::set<std::int64_t> texted_;       // output indexes whose text was sent
};

}  // namespace

std::unique_ptr<StreamDecoder> make_openai_responses_stream_decoder() {
    return std::make_unique<OpenAiResponsesStreamDecoder>();
}

}  // namespace pathwise::translate
