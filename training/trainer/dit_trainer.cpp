#include "training/trainer/dit_trainer.h"

#include <chrono>
#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/autograd/autograd.h>

#include "inference/core/error.h"
#include "inference/models/dit/dit_model.h"

namespace nava::train {

uint64_t mix_seed(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) {
    // splitmix64 over the inputs: well-spread seeds for neighbouring indices.
    auto mix = [](uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    return mix(mix(mix(mix(seed) ^ a) ^ b) ^ c);
}

namespace {

double uniform(at::Generator& gen) {
    return at::rand({1}, gen, at::TensorOptions().dtype(at::kDouble)).item<double>();
}

at::Tensor leaf_of(const at::Tensor& t) {
    if (!t.defined()) return t;
    return t.detach().requires_grad_(t.requires_grad());
}

}  // namespace

struct DitTrainer::MicroResult {
    double loss_sum = 0.0;
    double video_sum = 0.0;
    double audio_sum = 0.0;
    int64_t tokens = 0;
};

DitTrainer::DitTrainer(dit::DitModel& model, std::shared_ptr<Communicator> comm,
                       TrainerOptions options)
    : model_(model), comm_(std::move(comm)), options_(options), flow_(options.objective.flow) {
    std::vector<std::pair<std::string, torch::nn::Module*>> units;
    for (int64_t i = 0; i < model_.num_blocks(); ++i)
        units.emplace_back("block" + std::to_string(i), &model_.block(i));
    FsdpOptions fo;
    fo.compute_dtype = options_.compute_dtype;
    fo.device = options_.device;
    fsdp_ = std::make_unique<FsdpModel>(model_, units, comm_, fo);
    setup_trainable();
    optimizer_ = std::make_unique<ShardedAdamW>(*fsdp_, options_.optimizer);
    if (options_.ema_decay > 0.0) ema_ = std::make_unique<ShardedEma>(*fsdp_, options_.ema_decay);
}

bool parameter_matches(const std::string& pattern, const std::string& name) {
    if (pattern.find('*') == std::string::npos) return name.find(pattern) != std::string::npos;
    // Glob with '*' only: iterative matching with backtracking to the last star.
    std::size_t p = 0, n = 0, star = std::string::npos, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star != std::string::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

void DitTrainer::setup_trainable() {
    // 1. Which parameters train: LoRA freezes the whole base; otherwise the patterns decide.
    if (options_.lora.enabled()) lora_ = std::make_unique<LoraAdapter>(*fsdp_, options_.lora);
    auto trains = [&](const std::string& name) {
        if (lora_) return false;
        bool on = options_.trainable.empty();
        for (const auto& p : options_.trainable)
            on = on || parameter_matches(p, name);
        for (const auto& p : options_.frozen)
            on = on && !parameter_matches(p, name);
        return on;
    };
    // 2. Frozen parameters stop requiring gradients (LoRA targets keep them: the adapter's
    //    gradients come from theirs); per unit, a mask of the trainable shard elements.
    const int world = comm_->size(), rank = comm_->rank();
    trainable_count_ = lora_ ? lora_->parameter_count() : 0;
    at::NoGradGuard no_grad;
    for (int64_t i = 0; i < fsdp_->unit_count(); ++i) {
        ShardedUnit& u = fsdp_->unit(i);
        at::Tensor flat = at::zeros({u.padded}, u.master.options());
        int64_t on = 0;
        for (std::size_t k = 0; k < u.params.size(); ++k) {
            const int64_t n = u.shapes[k].empty() ? 1 : c10::multiply_integers(u.shapes[k]);
            if (trains(u.param_names[k])) {
                flat.narrow(0, u.offsets[k], n).fill_(1.0);
                on += n;
            } else if (!(lora_ && lora_->adapts(i, static_cast<int64_t>(k)))) {
                u.params[k].requires_grad_(false);
            }
        }
        trainable_count_ += on;
        u.frozen = on == 0;
        u.trainable = on == u.numel ? at::Tensor()
                                    : flat.narrow(0, rank * u.shard_size, u.shard_size).clone();
    }
    (void)world;
    if (trainable_count_ == 0)
        throw ConfigError(
            "nothing trains: the trainable / frozen patterns leave no parameter of the model");
}

void DitTrainer::gather_block(int64_t index) {
    const bool was = fsdp_->unit(index).gathered;
    fsdp_->gather(index);
    if (!was && lora_) lora_->apply(index);
}

DitTrainer::~DitTrainer() = default;

StepStats DitTrainer::step(int64_t step_index,
                           const std::vector<std::vector<TrainSample>>& micro_batches,
                           int64_t global_samples, double lr, bool request_stop) {
    const auto t0 = std::chrono::steady_clock::now();
    if (global_samples <= 0) throw Error("training step without samples");
    const ObjectiveOptions& obj = options_.objective;
    // 1. Per-step decisions, identical on every rank (seeded by the step only).
    auto step_gen = at::make_generator<at::CPUGeneratorImpl>(mix_seed(obj.seed, 1, step_index));
    bool all_video = true, all_audio = true;
    for (const auto& mb : micro_batches)
        for (const auto& s : mb) {
            all_video = all_video && s.video.defined();
            all_audio = all_audio && s.audio.defined();
        }
    const double r_mask = uniform(step_gen), r_ff = uniform(step_gen);
    const bool masking = all_video && all_audio && r_mask < obj.modality_mask_prob;
    const bool first_frame = all_video && r_ff < obj.first_frame_prob;

    // 2. Forward/backward every micro-batch; gradients land in the grad shards.
    fsdp_->zero_grad_shards();
    if (lora_) lora_->zero_grad();
    const double scale = 1.0 / static_cast<double>(global_samples);
    MicroResult total;
    for (const auto& mb : micro_batches) {
        if (mb.empty()) continue;
        const MicroResult r = micro_step(step_index, mb, scale, masking, first_frame);
        total.loss_sum += r.loss_sum;
        total.video_sum += r.video_sum;
        total.audio_sum += r.audio_sum;
        total.tokens += r.tokens;
    }

    // 3. Global loss for reporting, global gradient norm, clipping, update, EMA.
    at::Tensor sums = at::tensor(
        {total.loss_sum, total.video_sum, total.audio_sum, request_stop ? 1.0 : 0.0}, at::kDouble);
    if (!options_.device.is_cpu()) {
        sums = sums.to(options_.device);
        comm_->all_reduce_sum(sums);
        sums = sums.cpu();
    } else {
        comm_->all_reduce_sum(sums);
    }
    StepStats stats;
    stats.step = step_index;
    stats.loss = sums[0].item<double>() / global_samples;
    stats.loss_video = sums[1].item<double>() / global_samples;
    stats.loss_audio = sums[2].item<double>() / global_samples;
    stats.stop_requested = sums[3].item<double>() > 0.0;
    if (lora_) lora_->reduce_gradients(*comm_, 1.0);  // replicated: sum over ranks
    stats.grad_norm =
        std::sqrt(fsdp_->global_grad_norm_squared() + (lora_ ? lora_->grad_norm_squared() : 0.0));
    if (options_.grad_clip > 0.0 && stats.grad_norm > options_.grad_clip) {
        const double coef = options_.grad_clip / (stats.grad_norm + 1e-6);
        for (int64_t i = 0; i < fsdp_->unit_count(); ++i)
            fsdp_->unit(i).grad.mul_(coef);
        if (lora_) lora_->scale_gradients(coef);
    }
    optimizer_->step(*fsdp_, lr);
    if (lora_) lora_->step(options_.optimizer, lr);
    if (ema_) ema_->update(*fsdp_);
    stats.lr = lr;
    stats.samples = global_samples;
    stats.tokens = total.tokens;
    stats.modality_masking = masking;
    stats.first_frame_clean = first_frame;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

DitTrainer::MicroResult DitTrainer::micro_step(int64_t step_index,
                                               const std::vector<TrainSample>& batch,
                                               double loss_scale, bool masking, bool first_frame) {
    const ObjectiveOptions& obj = options_.objective;
    const int64_t root = fsdp_->unit_count() - 1;
    const int64_t blocks = model_.num_blocks();
    const auto compute = options_.compute_dtype;
    const c10::Device dev = options_.device;

    // 1. Noisy inputs, targets and conditioning per sample (all randomness seeded per sample).
    dit::DitInputs in;
    std::vector<at::Tensor> target_v, target_a, weights;
    std::vector<at::Tensor> speaker_rows;
    std::vector<std::vector<int64_t>> positions;
    std::vector<double> timesteps;
    for (const TrainSample& s : batch) {
        auto gen =
            at::make_generator<at::CPUGeneratorImpl>(mix_seed(obj.seed, 2, step_index, s.index));
        const at::Tensor idx = flow_.sample_indices(1, gen);
        const float sigma = flow_.sigmas()[idx.item<int64_t>()].item<float>();
        timesteps.push_back(flow_.timesteps()[idx.item<int64_t>()].item<double>());
        weights.push_back(flow_.loss_weights(idx));
        auto noisy = [&](const at::Tensor& x0) {
            const at::Tensor eps =
                at::randn(x0.sizes(), gen, at::TensorOptions().dtype(at::kFloat));
            const at::Tensor x0f = x0.to(at::kFloat).cpu();
            return std::make_pair((1.0f - sigma) * x0f + sigma * eps, eps - x0f);
        };
        if (s.video.defined()) {
            auto [xt, target] = noisy(s.video);
            // First-frame training: frame 0 stays clean (and gets t = 0 inside the DiT).
            if (first_frame) xt.narrow(1, 0, 1).copy_(s.video.to(at::kFloat).narrow(1, 0, 1));
            // Bucket sizes from the reference's 16-pixel table can give latents that are not
            // a multiple of the patch: zero-pad at the end, the loss covers the real part only.
            const auto& patch = model_.config().patch_size;
            const int64_t pt = (patch[0] - xt.size(1) % patch[0]) % patch[0];
            const int64_t ph = (patch[1] - xt.size(2) % patch[1]) % patch[1];
            const int64_t pw = (patch[2] - xt.size(3) % patch[2]) % patch[2];
            if (pt || ph || pw) xt = at::constant_pad_nd(xt, {0, pw, 0, ph, 0, pt}, 0.0);
            in.video.push_back(xt.to(dev));
            target_v.push_back(target.to(dev));
        }
        if (s.audio.defined()) {
            auto [xt, target] = noisy(s.audio);
            in.audio.push_back(xt.to(dev));
            target_a.push_back(target.to(dev));
        }
        const bool drop_caption = uniform(gen) < obj.caption_dropout;
        in.video_context.push_back(drop_caption ? at::zeros_like(s.context).to(dev)
                                                : s.context.to(dev));
        std::vector<int64_t> pos;
        if (!drop_caption && s.speakers.defined() && !s.speaker_positions.empty()) {
            at::Tensor rows = s.speakers.to(at::kFloat).clone();
            for (int64_t k = 0; k < rows.size(0); ++k)
                if (uniform(gen) < obj.speaker_dropout) rows[k].zero_();
            speaker_rows.push_back(rows);
            pos = s.speaker_positions;
        }
        positions.push_back(pos);
    }
    in.audio_context = in.video_context;
    in.timestep = at::tensor(timesteps, at::kDouble);
    if (!speaker_rows.empty()) {
        in.speaker_embeddings = at::cat(speaker_rows).to(dev);
        in.speaker_positions = positions;
    }
    in.modality_masking = masking;
    in.first_frame_clean = first_frame;

    // 2. Prologue with its graph (root parameters stay gathered for the micro-step).
    fsdp_->gather(root);
    const dit::DitState state = model_.prepare(in);
    dit::DitState leaf = state;  // block inputs as leaves: their gradients are collected
    leaf.x = state.x.detach();
    leaf.time.e0 = leaf_of(state.time.e0);
    leaf.time.e = leaf_of(state.time.e);
    leaf.time.e0_clean = leaf_of(state.time.e0_clean);
    leaf.time.e_clean = leaf_of(state.time.e_clean);
    leaf.context = leaf_of(state.context);

    // 3. Blocks without autograd graphs; only each block's input is kept (checkpointing).
    std::vector<at::Tensor> xs = {leaf.x};
    {
        at::NoGradGuard no_grad;
        for (int64_t i = 0; i < blocks; ++i) {
            gather_block(i);
            fsdp_->prefetch(i + 1);
            xs.push_back(model_.run_block(i, xs.back(), leaf));
            fsdp_->release(i);
        }
    }

    // 4. Heads and the loss.
    const at::Tensor x_last = xs.back().detach().requires_grad_(true);
    const dit::DitOutputs out = model_.finish(x_last, leaf);
    const auto f32 = at::TensorOptions().dtype(at::kFloat).device(dev);
    at::Tensor loss = at::zeros({}, f32);
    // Sums stay on the device until the end (one synchronisation per micro-step).
    at::Tensor video_sum = at::zeros({}, f32), audio_sum = at::zeros({}, f32);
    MicroResult result;
    std::size_t vi = 0, ai = 0;
    for (std::size_t b = 0; b < batch.size(); ++b) {
        const at::Tensor w = weights[b].to(dev, at::kFloat);
        if (batch[b].video.defined()) {
            const auto& tv = target_v[vi];
            const at::Tensor pred = out.video[vi]
                                        .narrow(1, 0, tv.size(1))
                                        .narrow(2, 0, tv.size(2))
                                        .narrow(3, 0, tv.size(3));
            const at::Tensor lv = sampling::FlowMatching::weighted_mse(
                pred.unsqueeze(0).to(at::kFloat), tv.unsqueeze(0), w);
            loss = loss + lv.sum();
            video_sum = video_sum + lv.sum().detach();
            ++vi;
        }
        if (batch[b].audio.defined()) {
            const at::Tensor la = sampling::FlowMatching::weighted_mse(
                out.audio[ai].unsqueeze(0).to(at::kFloat), target_a[ai].unsqueeze(0), w);
            if (batch[b].audio_loss) {
                loss = loss + obj.audio_loss_weight * la.sum();
                audio_sum = audio_sum + la.sum().detach();
            }
            ++ai;
        }
    }
    const at::Tensor sums =
        at::stack({loss.detach(), video_sum, audio_sum}).to(at::kCPU, at::kDouble);
    result.loss_sum = sums[0].item<double>();
    result.video_sum = sums[1].item<double>();
    result.audio_sum = sums[2].item<double>();
    result.tokens = state.x.size(0) * state.x.size(1);
    (loss * loss_scale).backward();
    at::Tensor grad = x_last.grad();
    if (!grad.defined()) grad = at::zeros_like(x_last);

    // 5. Blocks backward in reverse: recompute each block with a graph, backpropagate,
    //    reduce-scatter its parameter gradients, release it.
    for (int64_t i = blocks - 1; i >= 0; --i) {
        gather_block(i);
        fsdp_->prefetch(i - 1);
        const at::Tensor xi = xs[static_cast<std::size_t>(i)].detach().requires_grad_(true);
        const at::Tensor y = model_.run_block(i, xi, leaf);
        y.backward(grad);
        grad = xi.grad();
        if (lora_) lora_->collect_gradients(i);
        fsdp_->reduce_gradients(i, 1.0);
        fsdp_->release(i);
    }

    // 6. Prologue backward with the gradients collected on the block inputs.
    std::vector<at::Tensor> outputs, grads;
    auto add = [&](const at::Tensor& o, const at::Tensor& g) {
        if (o.defined() && o.requires_grad() && g.defined()) {
            outputs.push_back(o);
            grads.push_back(g);
        }
    };
    add(state.x, grad);
    add(state.time.e0, leaf.time.e0.defined() ? leaf.time.e0.grad() : at::Tensor());
    add(state.time.e, leaf.time.e.defined() ? leaf.time.e.grad() : at::Tensor());
    add(state.time.e0_clean,
        leaf.time.e0_clean.defined() ? leaf.time.e0_clean.grad() : at::Tensor());
    add(state.time.e_clean, leaf.time.e_clean.defined() ? leaf.time.e_clean.grad() : at::Tensor());
    add(state.context, leaf.context.defined() ? leaf.context.grad() : at::Tensor());
    if (!outputs.empty()) torch::autograd::backward(outputs, grads);
    fsdp_->reduce_gradients(root, 1.0);
    fsdp_->release(root);
    (void)compute;
    return result;
}

}  // namespace nava::train
