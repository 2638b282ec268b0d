// Configuration of the Wan2.2 video VAE (`WanVAE_` inside `Wan2_2_VAE`) and its 48 latent
// normalisation constants. Every size of the module tree follows from these fields.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nava::video_vae {

struct VideoVaeConfig {
    int64_t z_dim = 48;     // latent channels (encoder emits 2 * z_dim)
    int64_t dim = 160;      // encoder base width
    int64_t dec_dim = 256;  // decoder base width
    std::vector<int64_t> dim_mult = {1, 2, 4, 4};
    int64_t num_res_blocks = 2;  // per encoder stage; the decoder uses one more
    std::vector<bool> temperal_downsample = {false, true, true};  // (sic) reference spelling
    // Accepted for completeness: the Wan2.2 blocks take the argument but never use it.
    std::vector<double> attn_scales;

    // Pixel (un)shuffle factor and the video channels around it; fixed by the architecture.
    static constexpr int64_t kPatchSize = 2;
    static constexpr int64_t kVideoChannels = 3;
    // Frames per encoder chunk after the first (the reference hard-codes 4).
    static constexpr int64_t kEncodeChunkFrames = 4;

    // The configuration NAVA instantiates for `Wan2.2_VAE.pth`.
    static VideoVaeConfig wan22();
    // Reads the keys above from a JSON object (the `config` metadata of the fixtures, or a
    // `components.video_vae` block). Unknown keys are ignored; missing ones keep the Wan2.2
    // defaults except `dim`/`dec_dim`/`z_dim`, which must be given. Validates the result.
    static VideoVaeConfig from_json(const nlohmann::json& object, const std::string& label);

    // Throws ConfigError when the widths cannot form the shortcut reshapes of the reference.
    void validate() const;

    std::size_t num_stages() const { return dim_mult.size(); }
    // Encoder widths [dim, dim*m0, dim*m1, ...] and decoder widths
    // [dec_dim*m_last, dec_dim*m_last, ..., dec_dim*m0], as the reference builds them.
    std::vector<int64_t> encoder_dims() const;
    std::vector<int64_t> decoder_dims() const;
    // Whether encoder stage i halves time / space (the last stage does neither).
    bool encoder_downsamples_time(std::size_t stage) const;
    bool encoder_downsamples_space(std::size_t stage) const;
    // Decoder stage i mirrors encoder stage (num_stages - 2 - i).
    bool decoder_upsamples_time(std::size_t stage) const;
    bool decoder_upsamples_space(std::size_t stage) const;

    // Raw flags as the reference reads them (also used by the AvgDown3D/DupUp3D shortcuts).
    bool encoder_time_flag(std::size_t stage) const;
    bool decoder_time_flag(std::size_t stage) const;

    // Pixels per latent pixel along H or W (16 for Wan2.2).
    int64_t spatial_factor() const;
    // Latent frames that one 4-frame encoder chunk yields (1 for Wan2.2).
    int64_t latent_frames_per_chunk() const;
    // Video frames that every decoder chunk after the first yields (4 for Wan2.2).
    int64_t frames_per_latent_frame() const;
    // Latent frames of encoding 1 + 4k frames, and output frames of decoding T_lat frames.
    int64_t encoded_frames(int64_t frames) const;
    int64_t decoded_frames(int64_t latent_frames) const;
};

// Per-channel latent statistics: encode maps mu to (mu - mean) * inv_std, decode maps z back
// with z / inv_std + mean (a division by the stored reciprocal, as the reference does).
struct LatentScale {
    std::vector<float> mean;
    std::vector<float> inv_std;
};

// The 48 `Wan2_2_VAE` constants; inv_std = 1/std computed in float32 like the reference.
LatentScale wan22_latent_scale();

}  // namespace nava::video_vae
