// request_traits.cpp — small questions about an httplib request, shared by the gate and the handlers.
#include "proxy/request_traits.hpp"

#include "pathwise/ascii.hpp"

namespace pathwise::proxy {

Method request_method(const httplib::Request& req) {
    return req.method == "HEAD" ? Method::get : parse_method(req.method);
}

bool is_websocket_upgrade(const httplib::Request& req) {
    std::string upgrade = req.get_header_value("Upgrade");
    for (auto& c : upgrade) c = ascii::to_lower(c);
    return upgrade == "websocket";
}

RequestRouting route_of(const httplib::Request& req, std::string_view proxy_origin) {
    const std::string host = req.get_header_value("Host");
    const std::string user_agent = req.get_header_value("User-Agent");
    const std::string goog_api_client = req.get_header_value("x-goog-api-client");
    const RequestFacts facts{
        .method = request_method(req),
        .target = req.path,
        .websocket_upgrade = is_websocket_upgrade(req),
        .has_anthropic_headers = req.has_header("anthropic-version") || req.has_header("x-api-key"),
        .has_goog_api_key = req.has_header("x-goog-api-key"),
        .host = host,
        .user_agent = user_agent,
        .goog_api_client = goog_api_client};
    return route_request(facts, proxy_origin);
}

bool has_content_reader(const httplib::Request& req) {
    return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
}

std::string quotable(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 60)) {
        const auto byte = static_cast<unsigned char>(c);
        out.push_back(byte >= 0x20 && byte < 0x7f ? c : '?');
    }
    return out;
}

}  // namespace pathwise::proxy
