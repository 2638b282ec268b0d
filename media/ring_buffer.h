// Lock-free single-producer / single-consumer ring of samples: the decoder thread writes, the
// audio callback reads. Neither side allocates, locks or waits.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <memory>

namespace nava::media {

template <class T>
class SpscRing {
public:
    // Holds at least `capacity` items (rounded up to a power of two).
    explicit SpscRing(std::size_t capacity) {
        std::size_t size = 1;
        while (size < capacity)
            size <<= 1;
        mask_ = size - 1;
        data_ = std::make_unique<T[]>(size);
    }

    std::size_t capacity() const { return mask_ + 1; }

    // Producer side.
    std::size_t writable() const {
        return capacity() -
               (head_.load(std::memory_order_relaxed) - tail_.load(std::memory_order_acquire));
    }
    std::size_t write(const T* items, std::size_t n) {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        const std::size_t tail = tail_.load(std::memory_order_acquire);
        n = std::min(n, capacity() - (head - tail));
        copy_in(head, items, n);
        head_.store(head + n, std::memory_order_release);
        return n;
    }

    // Consumer side.
    std::size_t readable() const {
        return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_relaxed);
    }
    std::size_t read(T* items, std::size_t n) {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        const std::size_t head = head_.load(std::memory_order_acquire);
        n = std::min(n, head - tail);
        copy_out(tail, items, n);
        tail_.store(tail + n, std::memory_order_release);
        return n;
    }
    // Drops everything written so far (consumer side: after a seek).
    void discard() {
        tail_.store(head_.load(std::memory_order_acquire), std::memory_order_release);
    }

private:
    void copy_in(std::size_t pos, const T* items, std::size_t n) {
        const std::size_t at = pos & mask_;
        const std::size_t first = std::min(n, capacity() - at);
        std::copy(items, items + first, data_.get() + at);
        std::copy(items + first, items + n, data_.get());
    }
    void copy_out(std::size_t pos, T* items, std::size_t n) const {
        const std::size_t at = pos & mask_;
        const std::size_t first = std::min(n, capacity() - at);
        std::copy(data_.get() + at, data_.get() + at + first, items);
        std::copy(data_.get(), data_.get() + (n - first), items + first);
    }

    std::unique_ptr<T[]> data_;
    std::size_t mask_ = 0;
    // Monotonic counters (wrap-around is harmless: only differences are used). Kept on separate
    // cache lines so producer and consumer do not share one.
    alignas(64) std::atomic<std::size_t> head_{0};
    alignas(64) std::atomic<std::size_t> tail_{0};
};

}  // namespace nava::media
