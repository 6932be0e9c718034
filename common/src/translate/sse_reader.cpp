// sse_reader.cpp — the WHATWG event-stream rules, one byte range at a time.
#include "pathwise/translate/sse_reader.hpp"

namespace pathwise::translate {

Result<bool> SseReader::feed(std::string_view bytes, std::vector<SseEvent>& out) {
    if (at_body_start_ && !bytes.empty()) {
        constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
        // The mark may itself be split: wait until three bytes (or a mismatch) are known.
        line_.append(bytes);
        if (line_.size() < kByteOrderMark.size() && kByteOrderMark.substr(0, line_.size()) == line_) {
            return true;
        }
        at_body_start_ = false;
        std::string start = std::move(line_);
        line_.clear();
        if (start.compare(0, kByteOrderMark.size(), kByteOrderMark) == 0) start.erase(0, kByteOrderMark.size());
        return feed(start, out);
    }
    while (!bytes.empty()) {
        if (after_cr_ && bytes.front() == '\n') bytes.remove_prefix(1);
        after_cr_ = false;
        const std::size_t end = bytes.find_first_of("\r\n");
        if (end == std::string_view::npos) {
            line_.append(bytes);
            break;
        }
        after_cr_ = bytes[end] == '\r';
        if (line_.empty()) {
            take_line(bytes.substr(0, end), out);
        } else {
            line_.append(bytes.substr(0, end));
            take_line(line_, out);
            line_.clear();
        }
        bytes.remove_prefix(end + 1);
    }
    if (line_.size() + data_.size() + type_.size() > max_event_bytes_) {
        return Error{"too_large", "stream: an event is still incomplete after " + std::to_string(max_event_bytes_) +
                                      " bytes (the upstream's events are bounded to that)"};
    }
    return true;
}

void SseReader::finish(std::vector<SseEvent>& out) {
    if (!line_.empty()) {
        const std::string last = std::move(line_);
        line_.clear();
        take_line(last, out);
    }
    dispatch(out);
}

void SseReader::take_line(std::string_view line, std::vector<SseEvent>& out) {
    if (line.empty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') return;  // a comment (servers send ": keep-alive" and the like)
    const std::size_t colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "data") {
        if (has_data_) data_ += '\n';
        data_.append(value);
        has_data_ = true;
    } else if (field == "event") {
        type_ = std::string(value);
    }
}

void SseReader::dispatch(std::vector<SseEvent>& out) {
    if (has_data_) out.push_back(SseEvent{std::move(type_), std::move(data_)});
    type_.clear();
    data_.clear();
    has_data_ = false;
}

}  // namespace pathwise::translate
