// elastic_pool.cpp — see elastic_pool.hpp.
#include "http/elastic_pool.hpp"

#include <system_error>
#include <utility>

#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
#include <openssl/crypto.h>
#endif

namespace pathwise::http {

bool ElasticPool::enqueue(std::function<void()> job) {
    std::unique_lock lock(mutex_);
    if (stopping_) return false;
    join_ended(lock);
    jobs_.push_back(std::move(job));
    // Idle threads already woken for earlier jobs are not free for this one.
    if (idle_ >= jobs_.size()) {
        lock.unlock();
        job_ready_.notify_one();
        return true;
    }
    if (threads_ >= limits_.max_threads) return true;  // it runs when a busy thread is done
    try {
        std::thread thread([this] { work(); });  // it waits for `mutex_`, held here, before it looks at anything
        running_.emplace(thread.get_id(), std::move(thread));
        ++threads_;
    } catch (const std::system_error&) {
        // The system would not give another thread (its limits): the job waits for one of those alive.
        if (threads_ == 0) {
            jobs_.pop_back();
            return false;
        }
    }
    return true;
}

void ElasticPool::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (jobs_.empty()) {
            if (stopping_) break;
            ++idle_;
            const bool woken =
                job_ready_.wait_for(lock, limits_.idle_exit, [this] { return !jobs_.empty() || stopping_; });
            --idle_;
            if (!woken && threads_ > limits_.kept_idle) break;
            continue;
        }
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        job = nullptr;  // what the job held goes now, not when the next one arrives
        lock.lock();
    }
#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
    OPENSSL_thread_stop();  // as httplib's own pool does: this thread's OpenSSL state
#endif
    const auto self = running_.find(std::this_thread::get_id());
    ended_.push_back(std::move(self->second));
    running_.erase(self);
    --threads_;
    thread_ended_.notify_all();
}

void ElasticPool::join_ended(std::unique_lock<std::mutex>& lock) {
    if (ended_.empty()) return;
    std::vector<std::thread> ended = std::exchange(ended_, {});
    lock.unlock();
    for (std::thread& thread : ended) thread.join();
    lock.lock();
}

void ElasticPool::shutdown() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    job_ready_.notify_all();
    thread_ended_.wait(lock, [this] { return threads_ == 0; });
    join_ended(lock);
}

std::size_t ElasticPool::threads() const {
    const std::lock_guard lock(mutex_);
    return threads_;
}

}  // namespace pathwise::http
