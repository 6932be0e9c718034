// json_array_reader.hpp — the elements of one JSON array, each handed out as soon as its last byte arrives.
//
//   JsonArrayReader array;
//   std::vector<std::string> elements;
//   array.feed("[{\"a\":1}\r\n,", elements);   // elements == {"{\"a\":1}"}
//   array.feed("{\"b\":[2]}]", elements);       // elements == {…, "{\"b\":[2]}"}
//
// Gemini's streamGenerateContent without ?alt=sse streams one JSON array. Elements are found by tracking
// bracket depth and strings (with their escapes), never by parsing the whole body; each element is parsed on
// its own by the caller. A body that is one object instead of an array (an error sent whole) is read as that
// one element. Private to the stream decoders.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"

namespace pathwise::translate {

class JsonArrayReader {
public:
    explicit JsonArrayReader(std::size_t max_element_bytes) : max_element_bytes_(max_element_bytes) {}

    // Appends the elements completed by `bytes`. Fails "malformed_json" when the bytes between elements are
    // not the array's own (`[`, `,`, `]`, whitespace) or an element is not an object, "too_large" when one
    // element outgrows the limit.
    [[nodiscard]] Result<bool> feed(std::string_view bytes, std::vector<std::string>& out);

private:
    enum class State : unsigned char { before_body, before_element, in_element, after_element, done };
    [[nodiscard]] Result<bool> between_elements(char c);
    void element_byte(char c, std::vector<std::string>& out);

    std::size_t max_element_bytes_;
    State state_ = State::before_body;
    bool lone_object_ = false;  // the body is one object, not an array
    std::string element_;
    std::size_t depth_ = 0;
    bool in_string_ = false;
    bool after_backslash_ = false;
};

}  // namespace pathwise::translate
