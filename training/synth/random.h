// A small deterministic random generator (xoshiro256**): the same seed gives the same numbers on
// every platform and standard library, which std::uniform_*_distribution does not promise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nava::synth {

class Rng {
public:
    explicit Rng(uint64_t seed);

    // An independent stream for (seed, purpose, index): clip 7 of the training split gets the
    // same numbers whatever other clips exist or in which order threads make them.
    static Rng derive(uint64_t seed, std::string_view purpose, uint64_t index);

    uint64_t next();
    double uniform();                      // [0, 1)
    double uniform(double lo, double hi);  // [lo, hi)
    int below(int n);                      // 0 .. n-1 (n > 0)
    bool chance(double p);
    // An index drawn with the given (non-negative, not all zero) weights.
    std::size_t weighted(const std::vector<double>& weights);

    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
    }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(below(static_cast<int>(i)));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    uint64_t s_[4];
};

// 64-bit FNV-1a of a string mixed with a number: stable seeds from names.
uint64_t hash_seed(uint64_t seed, std::string_view purpose, uint64_t index);

}  // namespace nava::synth
