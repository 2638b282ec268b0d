// Training samples by index, and the deterministic order in which a run visits them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "training/trainer/dit_trainer.h"

namespace nava::train {

// The shapes of a sample, known without loading its tensors (batching decisions).
struct SampleGeometry {
    std::string bucket;          // samples with equal keys have identical latent shapes
    std::vector<int64_t> video;  // [C, T, H, W] latent, empty for audio-only samples
    int64_t audio_length = 0;    // audio latent tokens (0: none)
    int64_t text_length = 0;     // context rows

    // DiT tokens of the sample for a patch (t, h, w): T/pt * ceil(H/ph) * ceil(W/pw) + L.
    int64_t tokens(const std::vector<int64_t>& patch) const;
};

class Dataset {
public:
    virtual ~Dataset() = default;
    virtual int64_t size() const = 0;
    // The sample with dataset index `index` (TrainSample::index is set by the caller to the
    // global slot so that randomness follows the visiting order).
    virtual TrainSample get(int64_t index) const = 0;
    // Shapes of sample `index`. The default loads the sample; datasets that know the shapes
    // from an index override it.
    virtual SampleGeometry geometry(int64_t index) const;
};

// Random latents with fixed geometry, a deterministic function of (seed, index): for tests and
// benchmarks of the training machinery.
struct SyntheticSpec {
    int64_t samples = 64;
    int64_t video_channels = 48, video_frames = 2, video_height = 4, video_width = 4;
    int64_t audio_channels = 128, audio_length = 6;
    int64_t text_dim = 64, text_length = 8;
    int64_t speaker_dim = 192, speakers = 1;
    bool with_video = true, with_audio = true;
    uint64_t seed = 0;
    // Variable lengths (benchmarks of batching): > 0 draws each sample's video frames from
    // [min_video_frames, video_frames] (in steps of `frame_step`) and scales its audio length
    // by the same factor. 0 keeps every sample at the full size.
    int64_t min_video_frames = 0;
    int64_t frame_step = 1;
};

class SyntheticDataset : public Dataset {
public:
    explicit SyntheticDataset(SyntheticSpec spec);
    int64_t size() const override { return spec_.samples; }
    TrainSample get(int64_t index) const override;
    SampleGeometry geometry(int64_t index) const override;

private:
    int64_t frames_of(int64_t index) const;
    int64_t audio_length_of(int64_t frames) const;

    SyntheticSpec spec_;
};

// Which dataset indices go into which micro-batch of which rank at a step. Every epoch visits
// all samples once in an order shuffled by (seed, epoch); the global batch of step s is the
// slice [s·G, (s+1)·G) of that sequence, G = ranks × accumulation × batch. Micro-batch m of rank
// r takes slots [(m·ranks + r)·batch, … + batch), so the partition into micro-batches does not
// depend on how many ranks share the work.
class SampleSchedule {
public:
    SampleSchedule(int64_t dataset_size, int64_t ranks, int64_t accumulation, int64_t batch,
                   uint64_t seed);
    int64_t global_batch() const { return ranks_ * accumulation_ * batch_; }
    // Global slots (for seeding) of micro-batch `micro` of `rank` at `step`.
    std::vector<int64_t> slots(int64_t step, int64_t rank, int64_t micro) const;
    // Dataset index of a global slot.
    int64_t index_of_slot(int64_t slot) const;

private:
    int64_t size_, ranks_, accumulation_, batch_;
    uint64_t seed_;
    mutable int64_t cached_epoch_ = -1;
    mutable std::vector<int64_t> permutation_;
};

}  // namespace nava::train
