// stream_bench — what wrk cannot measure: the time each SSE event spends between the upstream's write and the
// client's read, through any proxy; 1,000 slow streams at once; and cold start to the first answered request.
// One process, one thread, epoll: the tool itself must not be what is measured.
//
//   stream_bench upstream [--port 0] [--events 50] [--interval-ms 20]
//       An OpenAI-compatible upstream. `"stream":true` bodies get `events` chat.completion.chunk events, one every
//       `interval-ms`, each carrying "t=<CLOCK_MONOTONIC ns>" stamped just before its write, then [DONE]. Other
//       requests get one fixed chat.completion JSON answer: the minimal fixed-response floor. Prints
//       "stream_bench upstream listening on http://127.0.0.1:N".
//   stream_bench client --url URL [--streams 20] [--concurrency 1] [--header 'K: V']... [--body JSON]
//                       [--expect-events N] [--watch-pid PID]
//       Runs `streams` streamed POSTs, `concurrency` at a time, and prints one line of key=value figures:
//       per-event latency (arrival - stamp, the stamp read back from the content text, so it survives a proxy
//       that re-encodes events into another protocol), time to first byte and to the first event, and with
//       --watch-pid the watched process's peak RSS and CPU time over the run.
//   stream_bench coldstart --port P [--runs 10] [--path /healthz] [--body JSON] [--header 'K: V']... -- CMD...
//       Starts CMD (which must listen on P) `runs` times; each time measures fork to the first complete answer
//       on P, then stops it. Prints the figures as key=value.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::int64_t now_ns() {
    timespec time{};
    clock_gettime(CLOCK_MONOTONIC, &time);
    return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "stream_bench: %s\n", message.c_str());
    std::exit(2);
}

void set_nodelay(int fd) {
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

bool iequals_prefix(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

// The value of header `name` in an HTTP head (the lines after the first), or nullopt.
std::optional<std::string_view> header_in(std::string_view head, std::string_view name) {
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t line_start = at + 2;
        const std::size_t line_end = head.find("\r\n", line_start);
        const std::string_view line = head.substr(line_start, line_end - line_start);
        if (line.size() > name.size() && line[name.size()] == ':' && iequals_prefix(line, name)) {
            std::string_view value = line.substr(name.size() + 1);
            while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            return value;
        }
        at = line_end;
    }
    return std::nullopt;
}

struct Args {
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> named;
    std::vector<std::string> command;  // after "--"

    [[nodiscard]] std::string get(const std::string& name, const std::string& fallback) const {
        const auto found = named.find(name);
        return found == named.end() ? fallback : found->second;
    }
    [[nodiscard]] long number(const std::string& name, long fallback) const {
        const auto found = named.find(name);
        if (found == named.end()) return fallback;
        long value = 0;
        const auto [end, error] =
            std::from_chars(found->second.data(), found->second.data() + found->second.size(), value);
        if (error != std::errc() || end != found->second.data() + found->second.size())
            fail(name + " wants a number, not '" + found->second + "'");
        return value;
    }
    [[nodiscard]] std::vector<std::string> all(const std::string& name) const {
        std::vector<std::string> values;
        for (auto [it, end] = named.equal_range(name); it != end; ++it) values.push_back(it->second);
        return values;
    }
};

Args parse_args(int argc, char** argv) {
    Args args;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            for (++i; i < argc; ++i) args.command.emplace_back(argv[i]);
            break;
        }
        if (arg.rfind("--", 0) == 0) {
            if (i + 1 >= argc) fail(arg + " wants a value");
            args.named.emplace(arg, argv[++i]);
        } else {
            args.positional.push_back(arg);
        }
    }
    return args;
}

// ------------------------------------------------------------------------------------------------ upstream

constexpr std::string_view kFixedAnswer =
    R"({"id":"chatcmpl-bench","object":"chat.completion","created":0,"model":"bench","choices":[{"index":0,)"
    R"("message":{"role":"assistant","content":"Hello from the fixed-response floor."},"finish_reason":"stop"}],)"
    R"("usage":{"prompt_tokens":9,"completion_tokens":7,"total_tokens":16}})";

std::string chunk(std::string_view payload) {
    char size[16];
    const int length = std::snprintf(size, sizeof size, "%zx\r\n", payload.size());
    std::string out(size, static_cast<std::size_t>(length));
    out.append(payload);
    out.append("\r\n");
    return out;
}

std::string stamped_event(std::int64_t stamp) {
    return "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench\","
           "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t=" +
           std::to_string(stamp) + " \"},\"finish_reason\":null}]}\n\n";
}

constexpr std::string_view kLastEvents =
    "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"bench\","
    "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":50,\"total_tokens\":59}}\n\ndata: [DONE]\n\n";

struct UpstreamConnection {
    int fd = -1;
    std::string in;
    std::string out;  // not yet written (a full socket buffer)
    bool streaming = false;
    int events_sent = 0;
    bool close_after = false;
};

class Upstream {
public:
    Upstream(int events, int interval_ms) : events_(events), interval_ns_(std::int64_t{interval_ms} * 1'000'000) {}

    void run(int port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            fail("cannot bind 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
        ::listen(listener_, 4096);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        std::printf("stream_bench upstream listening on http://127.0.0.1:%d\n", ntohs(address.sin_port));
        std::fflush(stdout);
        epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
        watch(listener_, EPOLLIN);
        std::vector<epoll_event> ready(256);
        for (;;) {
            const int timeout = next_timeout_ms();
            const int count = ::epoll_wait(epoll_, ready.data(), static_cast<int>(ready.size()), timeout);
            for (int i = 0; i < count; ++i) {
                const int fd = ready[static_cast<std::size_t>(i)].data.fd;
                if (fd == listener_) {
                    accept_all();
                } else {
                    serve(fd, ready[static_cast<std::size_t>(i)].events);
                }
            }
            send_due_events();
        }
    }

private:
    struct Due {
        std::int64_t at;
        int fd;
        bool operator>(const Due& other) const { return at > other.at; }
    };

    void watch(int fd, std::uint32_t events) {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
    }

    [[nodiscard]] int next_timeout_ms() const {
        if (due_.empty()) return -1;
        const std::int64_t left = due_.top().at - now_ns();
        return left <= 0 ? 0 : static_cast<int>((left + 999'999) / 1'000'000);
    }

    void accept_all() {
        for (;;) {
            const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) return;
            set_nodelay(fd);
            connections_[fd] = std::make_unique<UpstreamConnection>();
            connections_[fd]->fd = fd;
            watch(fd, EPOLLIN | EPOLLRDHUP);
        }
    }

    void close_connection(int fd) {
        ::close(fd);
        connections_.erase(fd);  // a stream's pending timer finds no connection and is dropped
    }

    void serve(int fd, std::uint32_t events) {
        const auto found = connections_.find(fd);
        if (found == connections_.end()) return;
        UpstreamConnection& connection = *found->second;
        if ((events & EPOLLOUT) != 0 && !flush(connection)) return;
        char buffer[16384];
        for (;;) {
            const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
            if (received > 0) {
                connection.in.append(buffer, static_cast<std::size_t>(received));
                continue;
            }
            if (received == 0 || (errno != EAGAIN && errno != EINTR)) {
                close_connection(fd);
                return;
            }
            break;
        }
        while (!connection.streaming) {
            const std::size_t head_end = connection.in.find("\r\n\r\n");
            if (head_end == std::string::npos) return;
            const std::string_view head(connection.in.data(), head_end);
            std::size_t body_length = 0;
            if (const auto length = header_in(head, "content-length")) {
                std::from_chars(length->data(), length->data() + length->size(), body_length);
            } else if (header_in(head, "transfer-encoding")) {
                connection.out += "HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                connection.close_after = true;
                flush(connection);
                return;
            }
            if (connection.in.size() < head_end + 4 + body_length) return;
            const std::string_view body(connection.in.data() + head_end + 4, body_length);
            const auto close_header = header_in(head, "connection");
            connection.close_after = close_header && iequals_prefix(*close_header, "close");
            const bool stream = body.find("\"stream\":true") != std::string_view::npos ||
                                body.find("\"stream\": true") != std::string_view::npos;
            connection.in.erase(0, head_end + 4 + body_length);
            if (stream) {
                connection.streaming = true;
                connection.events_sent = 0;
                connection.out +=
                    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    "Transfer-Encoding: chunked\r\n";
                connection.out += connection.close_after ? "Connection: close\r\n\r\n" : "\r\n";
                due_.push({now_ns(), fd});
            } else {
                connection.out += "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  std::to_string(kFixedAnswer.size()) + "\r\n";
                connection.out += connection.close_after ? "Connection: close\r\n\r\n" : "\r\n";
                connection.out += kFixedAnswer;
            }
            if (!flush(connection)) return;
        }
    }

    // Writes what is pending; false when the connection was closed (after its last answer, or on an error).
    bool flush(UpstreamConnection& connection) {
        while (!connection.out.empty()) {
            const ssize_t sent = ::send(connection.fd, connection.out.data(), connection.out.size(), MSG_NOSIGNAL);
            if (sent > 0) {
                connection.out.erase(0, static_cast<std::size_t>(sent));
                continue;
            }
            if (sent < 0 && errno == EAGAIN) {
                epoll_event event{};
                event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
                event.data.fd = connection.fd;
                ::epoll_ctl(epoll_, EPOLL_CTL_MOD, connection.fd, &event);
                return true;
            }
            close_connection(connection.fd);
            return false;
        }
        if (connection.close_after && !connection.streaming) {
            close_connection(connection.fd);
            return false;
        }
        return true;
    }

    void send_due_events() {
        const std::int64_t now = now_ns();
        while (!due_.empty() && due_.top().at <= now) {
            const Due due = due_.top();
            due_.pop();
            const auto found = connections_.find(due.fd);
            if (found == connections_.end() || !found->second->streaming) continue;
            UpstreamConnection& connection = *found->second;
            if (connection.events_sent < events_) {
                connection.out += chunk(stamped_event(now_ns()));
                ++connection.events_sent;
                due_.push({due.at + interval_ns_, due.fd});
            } else {
                connection.out += chunk(kLastEvents);
                connection.out += "0\r\n\r\n";
                connection.streaming = false;
            }
            flush(connection);
        }
    }

    int events_;
    std::int64_t interval_ns_;
    int listener_ = -1;
    int epoll_ = -1;
    std::map<int, std::unique_ptr<UpstreamConnection>> connections_;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> due_;
};

// ------------------------------------------------------------------------------------------------ client

struct Target {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/";
};

Target parse_url(const std::string& url) {
    const std::string prefix = "http://";
    if (url.rfind(prefix, 0) != 0) fail("only http:// URLs: " + url);
    const std::size_t slash = url.find('/', prefix.size());
    const std::string authority = url.substr(prefix.size(), slash - prefix.size());
    const std::size_t colon = authority.rfind(':');
    if (colon == std::string::npos) fail("the URL needs a port: " + url);
    Target target;
    target.host = authority.substr(0, colon);
    target.port = std::atoi(authority.c_str() + colon + 1);
    target.path = slash == std::string::npos ? "/" : url.substr(slash);
    if (target.host == "localhost") target.host = "127.0.0.1";
    return target;
}

std::string request_text(const std::string& method, const Target& target, const std::vector<std::string>& headers,
                         const std::string& body) {
    std::string text = method + " " + target.path + " HTTP/1.1\r\nHost: " + target.host + ":" +
                       std::to_string(target.port) + "\r\nConnection: close\r\nAccept: */*\r\n";
    for (const std::string& header : headers) text += header + "\r\n";
    if (!body.empty() || method == "POST") {
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    return text + "\r\n" + body;
}

int connect_to(const Target& target) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    set_nodelay(fd);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(target.port));
    ::inet_pton(AF_INET, target.host.c_str(), &address.sin_addr);
    const int result = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    if (result != 0 && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct Stream {
    int fd = -1;
    std::string out;
    std::string in;
    std::size_t scanned = 0;  // stamps before this offset were counted
    std::int64_t sent_at = 0;
    std::int64_t first_byte_at = 0;
    std::int64_t first_event_at = 0;
    int status = 0;
    int events = 0;
    bool done = false;
};

// Counts the "t=<ns>" stamps that arrived complete since the last scan and records their latency.
void scan_stamps(Stream& stream, std::int64_t arrived, std::vector<std::int64_t>& latencies) {
    for (;;) {
        const std::size_t at = stream.in.find("t=", stream.scanned);
        if (at == std::string::npos) {
            stream.scanned = stream.in.size() > 1 ? stream.in.size() - 1 : 0;
            return;
        }
        std::size_t end = at + 2;
        while (end < stream.in.size() && std::isdigit(static_cast<unsigned char>(stream.in[end])) != 0) ++end;
        if (end == stream.in.size()) {
            stream.scanned = at;  // the stamp may go on in the next read
            return;
        }
        if (end > at + 2) {
            std::int64_t stamp = 0;
            std::from_chars(stream.in.data() + at + 2, stream.in.data() + end, stamp);
            latencies.push_back(arrived - stamp);
            if (stream.events++ == 0) stream.first_event_at = arrived;
        }
        stream.scanned = end;
    }
}

double percentile(std::vector<std::int64_t> values, double fraction) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return static_cast<double>(values[std::min(index, values.size() - 1)]);
}

struct ProcessSample {
    long rss_kib = 0;
    long cpu_ticks = 0;
};

std::optional<ProcessSample> sample_process(int pid) {
    ProcessSample sample;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    if (!status) return std::nullopt;
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) sample.rss_kib = std::atol(line.c_str() + 6);
    }
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const std::size_t after_name = text.rfind(')');
    if (after_name == std::string::npos) return std::nullopt;
    std::istringstream fields(text.substr(after_name + 2));
    std::vector<std::string> values;
    for (std::string field; fields >> field;) values.push_back(field);
    // After the name: state is field 3, utime 14 and stime 15 (proc(5)), so indexes 11 and 12 here.
    if (values.size() > 12) sample.cpu_ticks = std::atol(values[11].c_str()) + std::atol(values[12].c_str());
    return sample;
}

int run_client(const Args& args) {
    const Target target = parse_url(args.get("--url", ""));
    const long total = args.number("--streams", 20);
    const long concurrency = std::max(1L, std::min(args.number("--concurrency", 1), total));
    const long expect = args.number("--expect-events", 0);
    const long watch_pid = args.number("--watch-pid", 0);
    const std::string body =
        args.get("--body", R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Count."}]})");
    const std::string request = request_text("POST", target, args.all("--header"), body);

    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    std::map<int, Stream> open;
    std::vector<Stream> finished;
    std::vector<std::int64_t> latencies;
    long started = 0;
    long connect_failures = 0;
    const auto start_one = [&] {
        const int fd = connect_to(target);
        ++started;
        if (fd < 0) {
            ++connect_failures;
            return;
        }
        Stream& stream = open[fd];
        stream.fd = fd;
        stream.out = request;
        stream.sent_at = now_ns();
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
        event.data.fd = fd;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    };
    const std::int64_t run_started = now_ns();
    const auto first_sample = watch_pid > 0 ? sample_process(static_cast<int>(watch_pid)) : std::nullopt;
    long peak_rss = first_sample ? first_sample->rss_kib : 0;
    std::int64_t next_sample = run_started;
    while (started < concurrency) start_one();
    std::vector<epoll_event> ready(1024);
    char buffer[65536];
    while (!open.empty()) {
        const int count = ::epoll_wait(epoll, ready.data(), static_cast<int>(ready.size()), 100);
        for (int i = 0; i < count; ++i) {
            const int fd = ready[static_cast<std::size_t>(i)].data.fd;
            const auto found = open.find(fd);
            if (found == open.end()) continue;  // closed earlier in this batch
            Stream& stream = found->second;
            if (!stream.out.empty()) {
                const ssize_t sent = ::send(fd, stream.out.data(), stream.out.size(), MSG_NOSIGNAL);
                if (sent > 0) stream.out.erase(0, static_cast<std::size_t>(sent));
                if (stream.out.empty()) {
                    epoll_event event{};
                    event.events = EPOLLIN | EPOLLRDHUP;
                    event.data.fd = fd;
                    ::epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event);
                }
            }
            for (;;) {
                const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
                if (received > 0) {
                    const std::int64_t arrived = now_ns();
                    if (stream.first_byte_at == 0) stream.first_byte_at = arrived;
                    stream.in.append(buffer, static_cast<std::size_t>(received));
                    if (stream.status == 0 && stream.in.size() >= 12) stream.status = std::atoi(stream.in.c_str() + 9);
                    scan_stamps(stream, arrived, latencies);
                    continue;
                }
                if (received < 0 && (errno == EAGAIN || errno == EINTR)) break;
                stream.done = received == 0;  // the answer ends with the connection (Connection: close)
                ::close(fd);
                finished.push_back(std::move(stream));
                open.erase(fd);
                if (started < total) start_one();
                break;
            }
        }
        if (watch_pid > 0 && now_ns() >= next_sample) {
            if (const auto sample = sample_process(static_cast<int>(watch_pid)))
                peak_rss = std::max(peak_rss, sample->rss_kib);
            next_sample = now_ns() + 50'000'000;
        }
    }
    const std::int64_t run_ns = now_ns() - run_started;

    std::vector<std::int64_t> first_bytes;
    std::vector<std::int64_t> first_events;
    long complete = 0;
    long min_events = finished.empty() ? 0 : finished.front().events;
    for (const Stream& stream : finished) {
        min_events = std::min<long>(min_events, stream.events);
        const bool whole = stream.done && stream.status == 200 && (expect == 0 || stream.events >= expect);
        if (whole) ++complete;
        if (stream.first_byte_at != 0) first_bytes.push_back(stream.first_byte_at - stream.sent_at);
        if (stream.first_event_at != 0) first_events.push_back(stream.first_event_at - stream.sent_at);
    }
    std::printf(
        "streams=%ld complete=%ld failed=%ld min_events=%ld events=%zu event_p50_us=%.1f event_p99_us=%.1f "
        "ttfb_p50_us=%.1f ttfb_p99_us=%.1f first_event_p50_us=%.1f first_event_p99_us=%.1f seconds=%.2f",
        total, complete, total - complete, min_events, latencies.size(), percentile(latencies, 0.50) / 1e3,
        percentile(latencies, 0.99) / 1e3, percentile(first_bytes, 0.50) / 1e3, percentile(first_bytes, 0.99) / 1e3,
        percentile(first_events, 0.50) / 1e3, percentile(first_events, 0.99) / 1e3, static_cast<double>(run_ns) / 1e9);
    if (watch_pid > 0) {
        const auto last = sample_process(static_cast<int>(watch_pid));
        const long ticks = (last && first_sample) ? last->cpu_ticks - first_sample->cpu_ticks : 0;
        const double cpu_seconds = static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
        std::printf(" watch_rss_peak_kib=%ld watch_rss_end_kib=%ld watch_cpu_seconds=%.2f watch_cpu_percent=%.1f",
                    peak_rss, last ? last->rss_kib : 0, cpu_seconds,
                    100.0 * cpu_seconds / (static_cast<double>(run_ns) / 1e9));
    }
    std::printf(" connect_failures=%ld\n", connect_failures);
    return complete == total ? 0 : 1;
}

// ------------------------------------------------------------------------------------------------ coldstart

// One request on a fresh connection; true once a whole response head with a 2xx status came back.
bool answered(const Target& target, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(target.port));
    ::inet_pton(AF_INET, target.host.c_str(), &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return false;
    }
    set_nodelay(fd);
    bool ok = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size());
    std::string in;
    char buffer[4096];
    while (ok && in.find("\r\n\r\n") == std::string::npos) {
        const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
        if (received <= 0) break;
        in.append(buffer, static_cast<std::size_t>(received));
    }
    ::close(fd);
    return in.size() > 12 && in[9] == '2';
}

int run_coldstart(const Args& args) {
    if (args.command.empty()) fail("coldstart wants the command after --");
    Target target;
    target.port = static_cast<int>(args.number("--port", 0));
    target.path = args.get("--path", "/healthz");
    const std::string body = args.get("--body", "");
    const std::string request = request_text(body.empty() ? "GET" : "POST", target, args.all("--header"), body);
    const long runs = args.number("--runs", 10);
    std::vector<std::int64_t> times;
    for (long run = 0; run < runs; ++run) {
        const std::int64_t started = now_ns();
        const pid_t child = ::fork();
        if (child == 0) {
            std::vector<char*> argv;
            for (const std::string& part : args.command) argv.push_back(const_cast<char*>(part.c_str()));
            argv.push_back(nullptr);
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            ::execvp(argv[0], argv.data());
            _exit(127);
        }
        bool up = false;
        while (now_ns() - started < 30'000'000'000) {
            if (answered(target, request)) {
                up = true;
                break;
            }
            int status = 0;
            if (::waitpid(child, &status, WNOHANG) == child) break;
            ::usleep(200);
        }
        const std::int64_t took = now_ns() - started;
        ::kill(child, SIGTERM);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (!up) fail("the command never answered on port " + std::to_string(target.port));
        times.push_back(took);
        ::usleep(50'000);  // the port and the page cache settle
    }
    std::printf("runs=%ld coldstart_p50_ms=%.2f coldstart_min_ms=%.2f coldstart_max_ms=%.2f\n", runs,
                percentile(times, 0.5) / 1e6, static_cast<double>(*std::min_element(times.begin(), times.end())) / 1e6,
                static_cast<double>(*std::max_element(times.begin(), times.end())) / 1e6);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    ::signal(SIGPIPE, SIG_IGN);
    const std::string mode = argc > 1 ? argv[1] : "";
    const Args args = parse_args(argc, argv);
    if (mode == "upstream") {
        Upstream upstream(static_cast<int>(args.number("--events", 50)),
                          static_cast<int>(args.number("--interval-ms", 20)));
        upstream.run(static_cast<int>(args.number("--port", 0)));
        return 0;
    }
    if (mode == "client") return run_client(args);
    if (mode == "coldstart") return run_coldstart(args);
    std::fprintf(stderr, "usage: stream_bench upstream|client|coldstart [options] (see the comment at the top)\n");
    return 2;
}
