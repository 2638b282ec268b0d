#include "inference/models/video_vae/video_vae_config.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::video_vae {
namespace {

// `Wan2_2_VAE.__init__` literals (mean, std), 48 each.
constexpr float kWan22Mean[48] = {
    -0.2289f, -0.0052f, -0.1323f, -0.2339f, -0.2799f, 0.0174f,  0.1838f,  0.1557f,
    -0.1382f, 0.0542f,  0.2813f,  0.0891f,  0.157f,   -0.0098f, 0.0375f,  -0.1825f,
    -0.2246f, -0.1207f, -0.0698f, 0.5109f,  0.2665f,  -0.2108f, -0.2158f, 0.2502f,
    -0.2055f, -0.0322f, 0.1109f,  0.1567f,  -0.0729f, 0.0899f,  -0.2799f, -0.123f,
    -0.0313f, -0.1649f, 0.0117f,  0.0723f,  -0.2839f, -0.2083f, -0.052f,  0.3748f,
    0.0152f,  0.1957f,  0.1433f,  -0.2944f, 0.3573f,  -0.0548f, -0.1681f, -0.0667f,
};
constexpr float kWan22Std[48] = {
    0.4765f, 1.0364f, 0.4514f, 1.1677f, 0.5313f, 0.499f,  0.4818f, 0.5013f, 0.8158f, 1.0344f,
    0.5894f, 1.0901f, 0.6885f, 0.6165f, 0.8454f, 0.4978f, 0.5759f, 0.3523f, 0.7135f, 0.6804f,
    0.5833f, 1.4146f, 0.8986f, 0.5659f, 0.7069f, 0.5338f, 0.4889f, 0.4917f, 0.4069f, 0.4999f,
    0.6866f, 0.4093f, 0.5709f, 0.6065f, 0.6415f, 0.4944f, 0.5726f, 1.2042f, 0.5458f, 1.6887f,
    0.3971f, 1.06f,   0.3943f, 0.5537f, 0.5444f, 0.4089f, 0.7468f, 0.7744f,
};

std::vector<bool> read_bool_list(const nlohmann::json& object, const std::string& key,
                                 const std::string& label, std::vector<bool> fallback) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return fallback;
    if (!it->is_array()) throw ConfigError(label + ": key '" + key + "' must be a list of bools");
    std::vector<bool> out;
    for (const auto& v : *it) {
        if (!v.is_boolean())
            throw ConfigError(label + ": key '" + key + "' must be a list of bools");
        out.push_back(v.get<bool>());
    }
    return out;
}

std::string stage_label(std::size_t stage) {
    return "stage " + std::to_string(stage);
}

}  // namespace

VideoVaeConfig VideoVaeConfig::wan22() {
    return VideoVaeConfig{};
}

VideoVaeConfig VideoVaeConfig::from_json(const nlohmann::json& object, const std::string& label) {
    const io::ConfigReader r(object, label);
    VideoVaeConfig c;
    c.z_dim = r.get_int("z_dim");
    c.dim = r.get_int("dim");
    c.dec_dim = r.get_int("dec_dim");
    c.dim_mult = r.get_int_list("dim_mult", c.dim_mult);
    c.num_res_blocks = r.get_int("num_res_blocks", c.num_res_blocks);
    c.temperal_downsample =
        read_bool_list(object, "temperal_downsample", label, c.temperal_downsample);
    if (r.has("attn_scales")) c.attn_scales = r.get_double_list("attn_scales");
    try {
        c.validate();
    } catch (const ConfigError& e) {
        throw ConfigError(label + ": " + e.what());
    }
    return c;
}

void VideoVaeConfig::validate() const {
    if (z_dim <= 0 || dim <= 0 || dec_dim <= 0)
        throw ConfigError("video VAE: z_dim, dim and dec_dim must be positive");
    if (dim_mult.size() < 2) throw ConfigError("video VAE: dim_mult needs at least two stages");
    for (const auto m : dim_mult)
        if (m <= 0) throw ConfigError("video VAE: dim_mult entries must be positive");
    if (num_res_blocks < 1) throw ConfigError("video VAE: num_res_blocks must be at least 1");

    const auto enc = encoder_dims();
    const auto dec = decoder_dims();
    int64_t time_downs = 0, time_ups = 0;
    for (std::size_t i = 0; i < num_stages(); ++i) {
        // AvgDown3D averages groups of in*ft*fs*fs/out channels; the reference asserts this.
        const int64_t ft = encoder_time_flag(i) ? 2 : 1;
        const int64_t fs = encoder_downsamples_space(i) ? 2 : 1;
        if (encoder_time_flag(i) && !encoder_downsamples_space(i))
            throw ConfigError("video VAE: encoder " + stage_label(i) +
                              " halves time but has no resample (last stage)");
        if ((enc[i] * ft * fs * fs) % enc[i + 1] != 0)
            throw ConfigError("video VAE: encoder " + stage_label(i) + " shortcut cannot map " +
                              std::to_string(enc[i]) + " to " + std::to_string(enc[i + 1]) +
                              " channels");
        time_downs += encoder_downsamples_time(i) ? 1 : 0;
        if (decoder_upsamples_space(i)) {
            const int64_t uft = decoder_upsamples_time(i) ? 2 : 1;
            if ((dec[i + 1] * uft * 4) % dec[i] != 0)
                throw ConfigError("video VAE: decoder " + stage_label(i) + " shortcut cannot map " +
                                  std::to_string(dec[i]) + " to " + std::to_string(dec[i + 1]) +
                                  " channels");
        }
        time_ups += decoder_upsamples_time(i) ? 1 : 0;
    }
    // The 4-frame encoder chunks survive at most two stride-2 temporal convolutions.
    if (time_downs > 2 || time_ups > 2)
        throw ConfigError("video VAE: at most two temporal down/upsampling stages are supported");
}

std::vector<int64_t> VideoVaeConfig::encoder_dims() const {
    std::vector<int64_t> d = {dim};
    for (const auto m : dim_mult)
        d.push_back(dim * m);
    return d;
}

std::vector<int64_t> VideoVaeConfig::decoder_dims() const {
    std::vector<int64_t> d = {dec_dim * dim_mult.back()};
    for (auto it = dim_mult.rbegin(); it != dim_mult.rend(); ++it)
        d.push_back(dec_dim * *it);
    return d;
}

bool VideoVaeConfig::encoder_time_flag(std::size_t stage) const {
    return stage < temperal_downsample.size() && temperal_downsample[stage];
}

bool VideoVaeConfig::decoder_time_flag(std::size_t stage) const {
    // The decoder reads the reversed list.
    const std::size_t n = temperal_downsample.size();
    return stage < n && temperal_downsample[n - 1 - stage];
}

bool VideoVaeConfig::encoder_downsamples_space(std::size_t stage) const {
    return stage + 1 != num_stages();
}

bool VideoVaeConfig::encoder_downsamples_time(std::size_t stage) const {
    return encoder_downsamples_space(stage) && encoder_time_flag(stage);
}

bool VideoVaeConfig::decoder_upsamples_space(std::size_t stage) const {
    return stage + 1 != num_stages();
}

bool VideoVaeConfig::decoder_upsamples_time(std::size_t stage) const {
    return decoder_upsamples_space(stage) && decoder_time_flag(stage);
}

int64_t VideoVaeConfig::spatial_factor() const {
    int64_t f = kPatchSize;
    for (std::size_t i = 0; i < num_stages(); ++i)
        if (encoder_downsamples_space(i)) f *= 2;
    return f;
}

int64_t VideoVaeConfig::latent_frames_per_chunk() const {
    int64_t frames = kEncodeChunkFrames;
    for (std::size_t i = 0; i < num_stages(); ++i)
        if (encoder_downsamples_time(i)) frames /= 2;
    return frames;
}

int64_t VideoVaeConfig::frames_per_latent_frame() const {
    int64_t frames = 1;
    for (std::size_t i = 0; i < num_stages(); ++i)
        if (decoder_upsamples_time(i)) frames *= 2;
    return frames;
}

int64_t VideoVaeConfig::encoded_frames(int64_t frames) const {
    if (frames < 1) return 0;
    return 1 + (frames - 1) / kEncodeChunkFrames * latent_frames_per_chunk();
}

int64_t VideoVaeConfig::decoded_frames(int64_t latent_frames) const {
    if (latent_frames < 1) return 0;
    return 1 + (latent_frames - 1) * frames_per_latent_frame();
}

LatentScale wan22_latent_scale() {
    LatentScale s;
    for (int i = 0; i < 48; ++i) {
        s.mean.push_back(kWan22Mean[i]);
        s.inv_std.push_back(1.0f / kWan22Std[i]);
    }
    return s;
}

}  // namespace nava::video_vae
