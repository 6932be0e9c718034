// json_array_reader.cpp — element boundaries of a streamed JSON array, from depth and string state alone.
#include "json_array_reader.hpp"

namespace pathwise::translate {
namespace {

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

Error unexpected(char c) {
    return Error{"malformed_json",
                 std::string("stream: expected a JSON array of objects, found '") + c + "' outside its elements"};
}

}  // namespace

Result<bool> JsonArrayReader::feed(std::string_view bytes, std::vector<std::string>& out) {
    for (const char c : bytes) {
        if (state_ == State::in_element) {
            element_byte(c, out);
        } else if (auto handled = between_elements(c); !handled) {
            return handled;
        }
    }
    if (element_.size() > max_element_bytes_) {
        return Error{"too_large", "stream: an element is still incomplete after " + std::to_string(max_element_bytes_) +
                                      " bytes (the upstream's elements are bounded to that)"};
    }
    return true;
}

Result<bool> JsonArrayReader::between_elements(char c) {
    if (is_json_space(c)) return true;
    if (state_ == State::before_body && c == '[') {
        state_ = State::before_element;
        return true;
    }
    // `]` right after `[` or `,`: an empty array, or a trailing comma some servers leave.
    if ((state_ == State::before_element || state_ == State::after_element) && c == ']') {
        state_ = State::done;
        return true;
    }
    if (state_ == State::after_element && c == ',') {
        state_ = State::before_element;
        return true;
    }
    const bool element_may_start = state_ == State::before_body || state_ == State::before_element;
    if (!element_may_start || c != '{') return unexpected(c);
    lone_object_ = state_ == State::before_body;
    state_ = State::in_element;
    element_ = "{";
    depth_ = 1;
    return true;
}

void JsonArrayReader::element_byte(char c, std::vector<std::string>& out) {
    element_ += c;
    if (in_string_) {
        if (after_backslash_) {
            after_backslash_ = false;
        } else if (c == '\\') {
            after_backslash_ = true;
        } else if (c == '"') {
            in_string_ = false;
        }
        return;
    }
    if (c == '"') {
        in_string_ = true;
    } else if (c == '{' || c == '[') {
        ++depth_;
    } else if (c == '}' || c == ']') {
        --depth_;  // >= 1 here: the element started with '{' and ends when depth is back at 0
    }
    if (depth_ > 0) return;
    out.push_back(std::move(element_));
    element_.clear();
    state_ = lone_object_ ? State::done : State::after_element;
}

}  // namespace pathwise::translate
