// 256 clients stream at once through the proxy (to its default mock upstream): every stream makes progress
// together — each receives its first event before any stream finishes — instead of waiting for a free thread.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include "upstream_test_support.hpp"

namespace pathwise::testing {
namespace {

TEST(Concurrency, TwoHundredFiftySixStreams_AllStartBeforeAnyFinishes) {
    constexpr int kStreams = 256;
    // 20 tokens 100 ms apart: each stream lasts ~2 s, long enough that a queued stream would start after
    // the first ones finished.
    auto proxy = PathwiseProcess::start_serve({"--mock-token-delay-ms", "100"});
    ASSERT_TRUE(proxy.ready()) << proxy.stderr_text();

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    struct Outcome {
        int status = 0;
        httplib::Error error = httplib::Error::Success;
        std::size_t events = 0;
        bool done = false;
        double first_event_ms = -1;
        double finished_ms = -1;
    };
    std::vector<Outcome> outcomes(kStreams);
    std::vector<std::thread> clients;
    clients.reserve(kStreams);
    for (int i = 0; i < kStreams; ++i) {
        clients.emplace_back([&, i] {
            const auto sent = Clock::now();
            const StreamRead read = read_stream(
                proxy.origin(), "/v1/chat/completions",
                R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]})", {}, 0, 60s);
            Outcome& outcome = outcomes[static_cast<std::size_t>(i)];
            const double offset = std::chrono::duration<double, std::milli>(sent - start).count();
            outcome.status = read.status;
            outcome.error = read.error;
            outcome.events = read.events.size();
            outcome.done = !read.events.empty() && read.events.back().text == "data: [DONE]";
            if (!read.events.empty()) outcome.first_event_ms = offset + read.events.front().at_ms;
            outcome.finished_ms = offset + read.total_ms;
        });
    }
    for (auto& client : clients) client.join();

    double latest_first_event = 0;
    double earliest_finish = 1e18;
    int complete = 0;
    for (const Outcome& outcome : outcomes) {
        complete += outcome.status == 200 && outcome.done ? 1 : 0;
        if (!(outcome.status == 200 && outcome.done)) {
            ADD_FAILURE() << "status " << outcome.status << ", " << outcome.events << " events, error "
                          << httplib::to_string(outcome.error) << ", ended at " << outcome.finished_ms << " ms";
        }
        latest_first_event = std::max(latest_first_event, outcome.first_event_ms);
        earliest_finish = std::min(earliest_finish, outcome.finished_ms);
    }
    EXPECT_EQ(complete, kStreams) << "every stream ends with data: [DONE]";
    EXPECT_LT(latest_first_event, earliest_finish)
        << "a stream got its first event only after another had finished: streams were queued";
    std::printf("[ measured ] %d streams: last first-event at %.0f ms, first finish at %.0f ms\n", kStreams,
                latest_first_event, earliest_finish);
}

}  // namespace
}  // namespace pathwise::testing
