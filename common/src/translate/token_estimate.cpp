// token_estimate.cpp — see token_estimate.hpp.
#include "pathwise/translate/token_estimate.hpp"

#include <algorithm>
#include <vector>

#include "json_reader.hpp"

namespace pathwise::translate {

std::int64_t estimate_tokens(std::string_view json_body) {
    const auto parsed = parse_fragment(json_body);
    std::size_t bytes = 0;
    if (parsed) {
        // Iterative: the body is a client's, and its nesting must not decide how deep our stack goes.
        std::vector<const Json*> pending = {&*parsed};
        while (!pending.empty()) {
            const Json& value = *pending.back();
            pending.pop_back();
            if (value.is_string()) {
                bytes += value.get_ref<const std::string&>().size();
            } else if (value.is_array()) {
                for (const Json& item : value) pending.push_back(&item);
            } else if (value.is_object()) {
                for (const auto& [key, item] : value.items()) {
                    if (key != "model" && key != "role" && key != "type") pending.push_back(&item);
                }
            }
        }
    }
    return std::max<std::int64_t>(1, static_cast<std::int64_t>((bytes + 3) / 4));
}

}  // namespace pathwise::translate
