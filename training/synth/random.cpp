#include "training/synth/random.h"

#include <cstdint>
#include <utility>

namespace nava::synth {
namespace {

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

}  // namespace

uint64_t hash_seed(uint64_t seed, std::string_view purpose, uint64_t index) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : purpose) {
        h ^= static_cast<uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    uint64_t state = h ^ seed;
    const uint64_t a = splitmix64(state);
    state ^= index * 0xd1342543de82ef95ULL;
    return a ^ splitmix64(state);
}

Rng::Rng(uint64_t seed) {
    uint64_t state = seed;
    for (auto& s : s_)
        s = splitmix64(state);
}

Rng Rng::derive(uint64_t seed, std::string_view purpose, uint64_t index) {
    return Rng(hash_seed(seed, purpose, index));
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() {
    // 53 random bits -> a double in [0, 1).
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi) {
    return lo + (hi - lo) * uniform();
}

int Rng::below(int n) {
    if (n <= 1) return 0;
    return static_cast<int>(uniform() * n);
}

bool Rng::chance(double p) {
    return uniform() < p;
}

std::size_t Rng::weighted(const std::vector<double>& weights) {
    double total = 0.0;
    for (double w : weights)
        total += w;
    double u = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (u < weights[i]) return i;
        u -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

}  // namespace nava::synth
