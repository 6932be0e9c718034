// elastic_pool.hpp — the connection threads: made when a connection finds none idle, up to a cap, and ended
// again after a while idle. httplib's ThreadPool makes all of its threads at start, so a proxy sized for 1,000
// streams paid for 1,000 threads before its first request and kept them (docs/benchmarks.md has the numbers).
//
//   ElasticPool pool({.max_threads = 4096});
//   pool.enqueue([] { serve_one_connection(); });   // runs now on an idle or a new thread, or waits its turn
//   pool.shutdown();                                // runs what is queued, then joins every thread
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace pathwise::http {

struct PoolLimits {
    std::size_t max_threads = 512;                // jobs beyond this many at once wait in order
    std::size_t kept_idle = 4;                    // idle threads that never end: the next requests find one
    std::chrono::milliseconds idle_exit{30'000};  // other idle threads end after this
};

class ElasticPool final : public httplib::TaskQueue {
public:
    explicit ElasticPool(PoolLimits limits) : limits_(limits) {}
    ~ElasticPool() override { shutdown(); }
    ElasticPool(const ElasticPool&) = delete;
    ElasticPool& operator=(const ElasticPool&) = delete;

    bool enqueue(std::function<void()> job) override;
    void shutdown() override;

    [[nodiscard]] std::size_t threads() const;  // alive now

private:
    void work();
    void join_ended(std::unique_lock<std::mutex>& lock);

    const PoolLimits limits_;
    mutable std::mutex mutex_;
    std::condition_variable job_ready_;
    std::condition_variable thread_ended_;
    std::deque<std::function<void()>> jobs_;
    std::map<std::thread::id, std::thread> running_;
    std::vector<std::thread> ended_;  // past their last touch of the pool, joined by the next enqueue or shutdown
    std::size_t threads_ = 0;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace pathwise::http
