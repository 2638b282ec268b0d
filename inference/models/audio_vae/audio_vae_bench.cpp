#include "inference/models/audio_vae/audio_vae_bench.h"

#include <malloc.h>
#include <sys/resource.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

#include <ATen/ATen.h>

#include "inference/audio/resample.h"
#include "inference/core/benchmark.h"
#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/common/layers.h"

namespace nava::audio_vae {
namespace {

// "VmRSS" / "VmHWM" of this process in KiB, -1 when /proc is unavailable.
long long proc_status_kib(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, field.size() + 1, field + ":") == 0) {
            std::istringstream s(line.substr(field.size() + 1));
            long long kib = -1;
            s >> kib;
            return kib;
        }
    }
    return -1;
}

// Peak resident memory added by `fn`: the kernel's high-water mark is reset (clear_refs 5)
// after returning freed heap pages to the system, so the mark only reflects this call.
double peak_rss_delta_mib(const std::function<void()>& fn) {
    malloc_trim(0);
    const long long before = proc_status_kib("VmRSS");
    bool reset = false;
    {
        std::ofstream clear("/proc/self/clear_refs");
        if (clear) {
            clear << "5";
            clear.flush();
            reset = static_cast<bool>(clear);
        }
    }
    struct rusage usage_before {};
    getrusage(RUSAGE_SELF, &usage_before);
    fn();
    if (before < 0) return -1.0;
    long long peak = -1;
    if (reset) {
        peak = proc_status_kib("VmHWM");
    } else {
        // Without the reset only a new process-wide maximum is visible.
        struct rusage usage_after {};
        getrusage(RUSAGE_SELF, &usage_after);
        if (usage_after.ru_maxrss <= usage_before.ru_maxrss) return -1.0;
        peak = usage_after.ru_maxrss;
    }
    return peak < 0 ? -1.0 : static_cast<double>(std::max(0LL, peak - before)) / 1024.0;
}

std::string shape_of(const at::Tensor& t) {
    std::ostringstream s;
    s << '[';
    for (int64_t i = 0; i < t.dim(); ++i)
        s << (i ? "," : "") << t.size(i);
    s << ']';
    return s.str();
}

at::Tensor test_signal(int64_t samples, int64_t rate) {
    const at::Tensor t = at::arange(samples, at::kFloat).div(static_cast<double>(rate));
    const at::Tensor left =
        at::sin(t.mul(2.0 * M_PI * 440.0)).mul(0.3) + at::sin(t.mul(2.0 * M_PI * 1250.0)).mul(0.2);
    const at::Tensor right =
        at::sin(t.mul(2.0 * M_PI * 300.0)).mul(0.3) + at::sin(t.mul(2.0 * M_PI * 2500.0)).mul(0.2);
    return at::stack({left, right}, 0).unsqueeze(0);  // [1, 2, N]
}

}  // namespace

BenchReport run_bench(const BenchOptions& options) {
    at::NoGradGuard no_grad;
    BenchReport report;
    nlohmann::json config_json;
    if (options.config == "tiny") {
        config_json = tiny_checkpoint_config();
    } else if (options.config == "real") {
        config_json = real_checkpoint_config();
    } else {
        config_json = io::read_json_file(options.config);
    }
    report.config_name = options.config;
    const auto config = AudioCodecConfig::from_checkpoint_json(config_json, options.config);

    CodecOptions codec_options;
    codec_options.dtype = options.dtype;
    auto codec = std::make_shared<AudioCodec>(config, codec_options);
    randomize_weights(*codec, 1234);
    codec->to(options.device);
    report.parameters = nn::parameter_count(*codec);

    const int reps = std::max(1, options.repetitions);
    for (double seconds : options.seconds) {
        if (!(seconds > 0.0)) throw ConfigError("bench: durations must be positive");
        const int64_t rate = codec->sample_rate();
        const auto samples = static_cast<int64_t>(std::llround(seconds * rate));
        const at::Tensor wave = test_signal(samples, rate).to(options.device);

        // Inputs of the later stages, computed once.
        const at::Tensor tokens = codec->encode(wave, rate);
        const at::Tensor mel = codec->decode_mel(tokens);
        const at::Tensor wav_hi = codec->vocoder->forward(mel);

        struct Stage {
            std::string name;
            std::function<at::Tensor()> run;
        };
        const std::vector<Stage> stages = {
            {"encode", [&] { return codec->encode(wave, rate); }},
            {"decode", [&] { return codec->decode_mel(tokens); }},
            {"vocoder", [&] { return codec->vocoder->forward(mel); }},
            {"resample",
             [&] { return audio::resample(wav_hi, codec->vocoder_sample_rate(), rate); }},
            {"decode total", [&] { return codec->decode(tokens).waveform; }},
        };
        for (const auto& stage : stages) {
            BenchRow row;
            row.seconds = seconds;
            row.stage = stage.name;
            at::Tensor out;
            row.peak_mib =
                options.device.is_cpu() ? peak_rss_delta_mib([&] { out = stage.run(); }) : -1.0;
            row.shape = shape_of(out);
            out = at::Tensor();
            const auto timing = bench::time_ms([&] { stage.run(); }, 0, reps, options.device);
            row.median_ms = timing.median_ms;
            row.min_ms = timing.min_ms;
            row.realtime = seconds / (timing.median_ms * 1e-3);
            report.rows.push_back(row);
        }
    }
    return report;
}

}  // namespace nava::audio_vae
