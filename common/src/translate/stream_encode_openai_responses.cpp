// stream_encode_openai_responses.cpp — events → the Responses stream: response.created, response.in_progress,
// an output item per message or function call (added, its deltas, done), then response.completed.
//
// Shapes: platform.openai.com/docs/api-reference/responses-streaming. Every event is `event: <type>` plus
// `data: {"type", "sequence_number" (from 0), …}`. codex-rs reads each finished item from
// response.output_item.done, the text as it comes from response.output_text.delta, and fails the turn unless
// the stream ends after response.completed ("stream closed before response.completed"); it reads
// response.failed's `response.error.message`.
#include "codecs.hpp"
#include "pathwise/translate/stop_reason.hpp"
#include "stream_encoders.hpp"

namespace pathwise::translate {
namespace {

enum class OpenItem : unsigned char { none, message, function_call };

class OpenAiResponsesStreamEncoder final : public StreamEncoderBase {
public:
    explicit OpenAiResponsesStreamEncoder(const StreamEncodeOptions& options) : created_(options.created) {}

private:
    std::string encode_event(const StreamEvent& event) override {
        if (event.kind == StreamEventKind::start) return response_created(event);
        // A stream must begin with response.created even when the upstream said nothing up front.
        std::string out = started_ ? "" : response_created(StreamEvent{});
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

    // response.failed, as OpenAI ends a response that failed midway: codex-rs raises its error's message (and
    // retries); the SDKs hand it over as the stream's last event.
    std::string error_bytes(std::string_view code, std::string_view message) override {
        std::string out = started_ ? "" : response_created(StreamEvent{});
        Json response = object("failed", Usage{}, "");
        response["error"] = {{"code", code.empty() ? std::string_view("server_error") : code}, {"message", message}};
        return out + emit("response.failed", Json{{"response", std::move(response)}});
    }

    std::string emit(std::string_view type, Json data) {
        data["type"] = type;
        data["sequence_number"] = sequence_++;
        return sse_event(type, data);
    }

    Json object(std::string_view status, const Usage& usage, std::string_view incomplete_reason) const {
        return openai_responses_object(id_, created_, model_, status, output_, usage, incomplete_reason);
    }

    std::string response_created(const StreamEvent& start) {
        if (started_) return "";
        started_ = true;
        start_.remember(start);
        id_ = openai_responses_id(start.id);
        model_ = start.model;
        std::string out = emit("response.created", Json{{"response", object("in_progress", Usage{}, "")}});
        return out + emit("response.in_progress", Json{{"response", object("in_progress", Usage{}, "")}});
    }

    std::size_t open_index() const { return output_.size(); }  // the open item is appended to output_ when done

    std::string item_added(Json item) {
        return emit("response.output_item.added", Json{{"output_index", open_index()}, {"item", std::move(item)}});
    }

    std::string close_item() {
        std::string out;
        if (open_ == OpenItem::message) {
            const Json at = {{"item_id", item_id_}, {"output_index", open_index()}, {"content_index", 0}};
            Json text_done = at;
            text_done["text"] = text_;
            text_done["logprobs"] = Json::array();
            out += emit("response.output_text.done", std::move(text_done));
            Json part_done = at;
            part_done["part"] = openai_responses_output_text(text_);
            out += emit("response.content_part.done", std::move(part_done));
            Json item = openai_responses_message_item(item_id_, "completed",
                                                      Json::array({openai_responses_output_text(text_)}));
            out += emit("response.output_item.done", Json{{"output_index", open_index()}, {"item", item}});
            output_.push_back(std::move(item));
        } else if (open_ == OpenItem::function_call) {
            Json item = openai_responses_function_call_item(call_, "completed");
            out +=
                emit("response.function_call_arguments.done",
                     Json{{"item_id", item["id"]}, {"output_index", open_index()}, {"arguments", item["arguments"]}});
            out += emit("response.output_item.done", Json{{"output_index", open_index()}, {"item", item}});
            output_.push_back(std::move(item));
        }
        open_ = OpenItem::none;
        return out;
    }

    std::string append_text(const std::string& text) {
        if (text.empty()) return "";
        std::string out;
        if (open_ != OpenItem::message) {
            out = close_item();
            open_ = OpenItem::message;
            item_id_ = openai_responses_message_id(id_, open_index());
            text_.clear();
            out += item_added(openai_responses_message_item(item_id_, "in_progress", Json::array()));
            out += emit("response.content_part.added", Json{{"item_id", item_id_},
                                                            {"output_index", open_index()},
                                                            {"content_index", 0},
                                                            {"part", openai_responses_output_text("")}});
        }
        text_ += text;
        return out + emit("response.output_text.delta", Json{{"item_id", item_id_},
                                                             {"output_index", open_index()},
                                                             {"content_index", 0},
                                                             {"delta", text},
                                                             {"logprobs", Json::array()}});
    }

    std::string tool_call(const StreamEvent& event) {
        std::string out = close_item();
        open_ = OpenItem::function_call;
        open_call_ = event.index;
        call_ = event.tool_call;
        call_.arguments_json.clear();
        Json item = openai_responses_function_call_item(call_, "in_progress");
        item["arguments"] = "";  // the arguments follow as deltas
        return out + item_added(std::move(item));
    }

    std::string tool_arguments(const StreamEvent& event) {
        if (event.text.empty()) return "";
        if (open_ != OpenItem::function_call || open_call_ != event.index) {
            // An item cannot be reopened once another began (OpenAI may interleave parallel calls' arguments).
            return error("untranslatable", "tool call " + std::to_string(event.index) +
                                               ": its arguments arrived after another item began, which a "
                                               "Responses stream cannot carry");
        }
        call_.arguments_json += event.text;
        return emit("response.function_call_arguments.delta",
                    Json{{"item_id", "fc_" + call_.id}, {"output_index", open_index()}, {"delta", event.text}});
    }

    std::string finish(const StreamEvent& event) {
        std::string out = close_item();
        const std::string_view incomplete = to_openai_responses_incomplete_reason(event.stop_reason);
        const Usage usage = start_.final_usage(event.usage);
        if (incomplete.empty()) {
            return out + emit("response.completed", Json{{"response", object("completed", usage, "")}});
        }
        return out + emit("response.incomplete", Json{{"response", object("incomplete", usage, incomplete)}});
    }

    std::int64_t created_;
    bool started_ = false;
    StreamStart start_;
    std::string id_;
    std::string model_;
    std::int64_t sequence_ = 0;
    Json output_ = Json::array();  // the items done so far, for the response object at the end
    OpenItem open_ = OpenItem::none;
    std::string item_id_;  // of the open message item
    std::string text_;     // of the open message item
    std::size_t open_call_ = 0;
    ToolCall call_;  // the open function call, its arguments so far
};

}  // namespace

std::unique_ptr<StreamEncoder> make_openai_responses_stream_encoder(const StreamEncodeOptions& options) {
    return std::make_unique<OpenAiResponsesStreamEncoder>(options);
}

}  // namespace pathwise::translate
