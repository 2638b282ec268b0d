#include "training/data/dataset.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"

namespace nava::train {

SyntheticDataset::SyntheticDataset(SyntheticSpec spec) : spec_(spec) {
    if (spec_.samples < 1) throw ConfigError("synthetic dataset needs at least one sample");
    if (!spec_.with_video && !spec_.with_audio)
        throw ConfigError("synthetic dataset needs video or audio");
}

TrainSample SyntheticDataset::get(int64_t index) const {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(mix_seed(spec_.seed, 3, index));
    const auto f32 = at::TensorOptions().dtype(at::kFloat);
    TrainSample s;
    s.index = index;
    if (spec_.with_video)
        s.video = at::randn(
            {spec_.video_channels, spec_.video_frames, spec_.video_height, spec_.video_width}, gen,
            f32);
    if (spec_.with_audio) s.audio = at::randn({spec_.audio_length, spec_.audio_channels}, gen, f32);
    s.context = at::randn({spec_.text_length, spec_.text_dim}, gen, f32);
    if (spec_.speakers > 0) {
        const int64_t n = std::min(spec_.speakers, spec_.text_length);
        s.speakers = at::randn({n, spec_.speaker_dim}, gen, f32);
        const at::Tensor perm =
            std::get<0>(at::randperm(spec_.text_length, gen).narrow(0, 0, n).sort());
        for (int64_t k = 0; k < n; ++k)
            s.speaker_positions.push_back(perm[k].item<int64_t>());
    }
    return s;
}

SampleSchedule::SampleSchedule(int64_t dataset_size, int64_t ranks, int64_t accumulation,
                               int64_t batch, uint64_t seed)
    : size_(dataset_size), ranks_(ranks), accumulation_(accumulation), batch_(batch), seed_(seed) {
    if (size_ < 1 || ranks_ < 1 || accumulation_ < 1 || batch_ < 1)
        throw ConfigError("sample schedule: sizes must be positive");
}

std::vector<int64_t> SampleSchedule::slots(int64_t step, int64_t rank, int64_t micro) const {
    std::vector<int64_t> out;
    const int64_t base = step * global_batch() + (micro * ranks_ + rank) * batch_;
    for (int64_t k = 0; k < batch_; ++k)
        out.push_back(base + k);
    return out;
}

int64_t SampleSchedule::index_of_slot(int64_t slot) const {
    const int64_t epoch = slot / size_;
    if (epoch != cached_epoch_) {
        auto gen = at::make_generator<at::CPUGeneratorImpl>(mix_seed(seed_, 4, epoch));
        const at::Tensor perm = at::randperm(size_, gen);
        permutation_.assign(perm.data_ptr<int64_t>(), perm.data_ptr<int64_t>() + size_);
        cached_epoch_ = epoch;
    }
    return permutation_[static_cast<std::size_t>(slot % size_)];
}

}  // namespace nava::train
