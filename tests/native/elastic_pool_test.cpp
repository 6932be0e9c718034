// The connection pool makes threads only when a connection finds none idle, never more than its cap, and lets
// the extra ones go once they have been idle a while.
#include "http/elastic_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pathwise::http {
namespace {

using namespace std::chrono_literals;

// Jobs that hold their thread until released, counting how many run at once.
class Gate {
public:
    std::function<void()> job() {
        return [this] {
            std::unique_lock lock(mutex_);
            ++running_;
            peak_ = std::max(peak_, running_);
            changed_.notify_all();
            changed_.wait(lock, [this] { return open_; });
            --running_;
            ++done_;
            changed_.notify_all();
        };
    }
    bool wait_running(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 5s, [&] { return running_ == count; });
    }
    bool wait_done(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 5s, [&] { return done_ == count; });
    }
    void open() {
        const std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    int peak() {
        const std::lock_guard lock(mutex_);
        return peak_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
    int running_ = 0;
    int peak_ = 0;
    int done_ = 0;
};

bool eventually(const std::function<bool()>& condition) {
    for (int i = 0; i < 500; ++i) {
        if (condition()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

TEST(ElasticPool, StartsWithNoThreadAndGrowsOnePerWaitingConnection) {
    ElasticPool pool({.max_threads = 64});
    EXPECT_EQ(pool.threads(), 0u);
    Gate gate;
    for (int i = 0; i < 8; ++i) ASSERT_TRUE(pool.enqueue(gate.job()));
    EXPECT_TRUE(gate.wait_running(8));  // all at once: none waited for another
    EXPECT_EQ(pool.threads(), 8u);
    gate.open();
    EXPECT_TRUE(gate.wait_done(8));
}

TEST(ElasticPool, AtItsCapFurtherConnectionsWaitForAThread) {
    ElasticPool pool({.max_threads = 3});
    Gate gate;
    for (int i = 0; i < 6; ++i) ASSERT_TRUE(pool.enqueue(gate.job()));
    EXPECT_TRUE(gate.wait_running(3));
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(gate.peak(), 3);
    EXPECT_EQ(pool.threads(), 3u);
    gate.open();
    EXPECT_TRUE(gate.wait_done(6));
    EXPECT_EQ(gate.peak(), 3);
}

TEST(ElasticPool, AnIdleThreadTakesTheNextConnection) {
    ElasticPool pool({.max_threads = 64});
    std::atomic<int> ran{0};
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(pool.enqueue([&] { ++ran; }));
        ASSERT_TRUE(eventually([&] { return ran == i + 1; }));
    }
    EXPECT_EQ(pool.threads(), 1u);
}

TEST(ElasticPool, ThreadsIdleLongerThanTheLimitEndDownToTheKeptOnes) {
    ElasticPool pool({.max_threads = 64, .kept_idle = 2, .idle_exit = 50ms});
    Gate gate;
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(pool.enqueue(gate.job()));
    ASSERT_TRUE(gate.wait_running(10));
    gate.open();
    ASSERT_TRUE(gate.wait_done(10));
    EXPECT_TRUE(eventually([&] { return pool.threads() == 2; })) << pool.threads() << " threads still alive";
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(pool.threads(), 2u);  // the kept ones stay
    std::atomic<bool> ran{false};
    ASSERT_TRUE(pool.enqueue([&] { ran = true; }));
    EXPECT_TRUE(eventually([&] { return ran.load(); }));
}

TEST(ElasticPool, ShutdownRunsWhatIsQueuedThenRefusesMore) {
    std::atomic<int> ran{0};
    {
        ElasticPool pool({.max_threads = 1});
        for (int i = 0; i < 5; ++i) {
            ASSERT_TRUE(pool.enqueue([&] {
                std::this_thread::sleep_for(5ms);
                ++ran;
            }));
        }
        pool.shutdown();
        EXPECT_EQ(ran, 5);
        EXPECT_EQ(pool.threads(), 0u);
        EXPECT_FALSE(pool.enqueue([&] { ++ran; }));
    }
    EXPECT_EQ(ran, 5);
}

}  // namespace
}  // namespace pathwise::http
