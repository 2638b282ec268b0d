#include "inference/models/video_vae/video_vae_parity.h"

#include <set>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/models/video_vae/video_vae.h"

namespace nava::video_vae {
namespace {

// The raw `config` JSON object of the fixture.
nlohmann::json config_json(const parity::Fixture& fx) {
    for (const char* role : {"weights", "io"}) {
        if (!fx.has_file(role)) continue;
        const auto meta = fx.file(role).metadata();
        const auto it = meta.find("config");
        if (it != meta.end())
            return io::parse_json_text(it->second, fx.file(role).description() + " (config)");
    }
    if (std::filesystem::exists(fx.path("report.json"))) {
        const auto report = fx.json_file("report.json");
        if (report.contains("config")) return report["config"];
    }
    throw FormatError(fx.dir().string() +
                      ": no video VAE config (weights/io metadata 'config' "
                      "or report.json 'config')");
}

std::vector<float> to_vector(const at::Tensor& t) {
    const at::Tensor c = t.to(at::kFloat).contiguous().view(-1);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

VideoVaeConfig fixture_config(const parity::Fixture& fx) {
    return VideoVaeConfig::from_json(config_json(fx), fx.dir().string() + " config");
}

TileOptions fixture_tiles(const parity::Fixture& fx) {
    const auto json = config_json(fx);
    const std::string label = fx.dir().string() + " config.tiled";
    if (!json.contains("tiled")) throw FormatError(label + ": missing");
    const io::ConfigReader r(json["tiled"], label);
    const auto size = r.get_int_list("tile_size");
    const auto stride = r.get_int_list("tile_stride");
    if (size.size() != 2 || stride.size() != 2)
        throw FormatError(label + ": tile_size and tile_stride must have two entries");
    return TileOptions{size[0], size[1], stride[0], stride[1]};
}

LatentScale fixture_scale(const parity::Fixture& fx) {
    return LatentScale{to_vector(fx.input("scale.mean")), to_vector(fx.input("scale.inv_std"))};
}

parity::Outputs compute_video_vae_outputs(const parity::Fixture& fx, at::ScalarType dtype) {
    const VideoVaeConfig config = fixture_config(fx);
    LoadVideoVaeOptions load;
    load.dtype = dtype;
    auto vae = load_video_vae(fx.file("weights"), config, load);
    const LatentScale scale = fixture_scale(fx);
    std::set<std::string> wanted;
    for (const auto& o : fx.outputs())
        wanted.insert(o.key);

    c10::InferenceMode inference;
    parity::Outputs out;
    // 1. encode -> raw moments and the normalised latent (also in the adapter layout)
    //    (frames beyond 1 + 4k are ignored, as the reference does)
    EncodeOptions encode;
    encode.remainder = FrameRemainder::kTruncate;
    const EncodeResult enc = vae->encode_full(fx.input("input.video").to(dtype), scale, encode);
    out["out.latent_mu_raw"] = enc.mu;
    out["out.latent_logvar"] = enc.log_var;
    out["out.latent"] = enc.latent;
    out["out.latent_thwc"] = latent_to_thwc(enc.latent.narrow(0, 0, 1));
    // 2. decode our own latent: raw and clamped
    DecodeOptions raw;
    raw.clamp = false;
    const at::Tensor decoded_raw = vae->decode(enc.latent, scale, raw);
    out["out.decoded_raw"] = decoded_raw;
    out["out.decoded"] = decoded_raw.clamp(-1.0, 1.0);
    // 3. the tiling latent: tiled and untiled
    if (wanted.count("out.tiled_decoded") || wanted.count("out.untiled_decoded_same_z")) {
        const at::Tensor tz = fx.input("out.tiled_z").to(dtype);
        out["out.tiled_decoded"] = tiled_decode(*vae, tz, scale, fixture_tiles(fx));
        // `Wan2_2_VAE.decode` returns float32 (`.float()`) even from a float64 model.
        out["out.untiled_decoded_same_z"] = vae->decode(tz, scale).to(at::kFloat);
    }
    // Only the outputs the manifest lists.
    for (auto it = out.begin(); it != out.end();)
        it = wanted.count(it->first) ? std::next(it) : out.erase(it);
    return out;
}

parity::Outputs run_video_vae_parity(const parity::Fixture& fx) {
    return compute_video_vae_outputs(fx, at::kFloat);
}

}  // namespace nava::video_vae
