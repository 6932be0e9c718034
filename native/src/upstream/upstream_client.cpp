#include "upstream/upstream_client.hpp"

#include <httplib.h>

namespace pathwise::upstream {

std::unique_ptr<httplib::Client> make_client(const ResolvedUpstream& upstream, std::chrono::milliseconds read_timeout,
                                             bool keep_alive) {
    auto client = std::make_unique<httplib::Client>(upstream.target.origin);
    client->set_connection_timeout(upstream.config.connect_timeout);
    client->set_read_timeout(read_timeout);
    client->set_write_timeout(upstream.config.connect_timeout);
    client->set_keep_alive(keep_alive);
    client->set_tcp_nodelay(true);  // the request line+headers and the body are separate writes (Nagle would delay)
    client->set_follow_location(false);  // a redirect is the upstream's answer; the client decides
    if (upstream.target.scheme == "https") {
        client->enable_server_certificate_verification(true);
        if (!upstream.config.ca_file.empty()) client->set_ca_cert_path(upstream.config.ca_file);
    }
    return client;
}

ClientPool::~ClientPool() = default;

std::unique_ptr<httplib::Client> ClientPool::acquire(const ResolvedUpstream& upstream) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            auto client = std::move(idle_.back());
            idle_.pop_back();
            return client;
        }
    }
    return make_client(upstream, upstream.config.first_byte_timeout, true);
}

void ClientPool::release(std::unique_ptr<httplib::Client> client) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < max_idle_) idle_.push_back(std::move(client));
}

}  // namespace pathwise::upstream
