#include "log_line.hpp"

#include <cctype>

namespace pathwise::web {

RequestFacts facts_from_log_line(std::string_view line) {
    RequestFacts facts;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (const auto space = line.find(' '); space != std::string_view::npos && !line.empty() && line.front() != '/') {
        facts.method = parse_method(line.substr(0, space));
        line.remove_prefix(space + 1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    }
    if (const auto end = line.find(' '); end != std::string_view::npos) line = line.substr(0, end);  // " HTTP/1.1"
    if (const auto scheme = line.find("://"); scheme != std::string_view::npos) {
        const auto path_start = line.find('/', scheme + 3);
        line = path_start == std::string_view::npos ? std::string_view("/") : line.substr(path_start);
    }
    facts.target = line;
    return facts;
}

}  // namespace pathwise::web
