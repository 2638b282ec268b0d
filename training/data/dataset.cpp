#include "training/data/dataset.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"

namespace nava::train {

int64_t SampleGeometry::tokens(const std::vector<int64_t>& patch) const {
    int64_t n = audio_length;
    if (video.size() == 4) {
        const int64_t pt = patch.size() > 0 ? patch[0] : 1, ph = patch.size() > 1 ? patch[1] : 1,
                      pw = patch.size() > 2 ? patch[2] : 1;
        n += (video[1] / pt) * ((video[2] + ph - 1) / ph) * ((video[3] + pw - 1) / pw);
    }
    return n;
}

SampleGeometry Dataset::geometry(int64_t index) const {
    const TrainSample s = get(index);
    SampleGeometry g;
    if (s.video.defined()) g.video = s.video.sizes().vec();
    if (s.audio.defined()) g.audio_length = s.audio.size(0);
    if (s.context.defined()) g.text_length = s.context.size(0);
    std::string key = s.video.defined() ? "v" : "";
    for (int64_t d : g.video)
        key += std::to_string(d) + "x";
    key += s.audio.defined() ? "a" + std::to_string(g.audio_length) : "";
    g.bucket = key;
    return g;
}

SyntheticDataset::SyntheticDataset(SyntheticSpec spec) : spec_(spec) {
    if (spec_.samples < 1) throw ConfigError("synthetic dataset needs at least one sample");
    if (!spec_.with_video && !spec_.with_audio)
        throw ConfigError("synthetic dataset needs video or audio");
    if (spec_.min_video_frames < 0 || spec_.min_video_frames > spec_.video_frames ||
        spec_.frame_step < 1)
        throw ConfigError(
            "synthetic dataset: need 0 <= min_video_frames <= video_frames and "
            "frame_step >= 1");
}

int64_t SyntheticDataset::frames_of(int64_t index) const {
    if (spec_.min_video_frames <= 0) return spec_.video_frames;
    const int64_t choices = (spec_.video_frames - spec_.min_video_frames) / spec_.frame_step + 1;
    const uint64_t r = mix_seed(spec_.seed, 5, static_cast<uint64_t>(index));
    return spec_.min_video_frames +
           static_cast<int64_t>(r % static_cast<uint64_t>(choices)) * spec_.frame_step;
}

int64_t SyntheticDataset::audio_length_of(int64_t frames) const {
    if (spec_.min_video_frames <= 0) return spec_.audio_length;
    return std::max<int64_t>(
        1, (spec_.audio_length * frames + spec_.video_frames - 1) / spec_.video_frames);
}

SampleGeometry SyntheticDataset::geometry(int64_t index) const {
    SampleGeometry g;
    const int64_t frames = frames_of(index);
    if (spec_.with_video)
        g.video = {spec_.video_channels, frames, spec_.video_height, spec_.video_width};
    if (spec_.with_audio) g.audio_length = audio_length_of(frames);
    g.text_length = spec_.text_length;
    g.bucket = "f" + std::to_string(frames);
    return g;
}

TrainSample SyntheticDataset::get(int64_t index) const {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(mix_seed(spec_.seed, 3, index));
    const auto f32 = at::TensorOptions().dtype(at::kFloat);
    TrainSample s;
    s.index = index;
    const int64_t frames = frames_of(index);
    if (spec_.with_video)
        s.video = at::randn({spec_.video_channels, frames, spec_.video_height, spec_.video_width},
                            gen, f32);
    if (spec_.with_audio)
        s.audio = at::randn({audio_length_of(frames), spec_.audio_channels}, gen, f32);
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
