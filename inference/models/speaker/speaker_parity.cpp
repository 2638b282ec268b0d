#include "inference/models/speaker/speaker_parity.h"

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/speaker/speaker_encoder.h"

namespace nava::speaker {

parity::Outputs run_speaker_parity(const parity::Fixture& fixture) {
    // The constructor keywords live in the io file's metadata (the weights file repeats them).
    const io::SafetensorsFile& weights = fixture.file("weights");
    ReDimNetConfig config;
    bool found = false;
    for (const char* role : {"io", "weights"}) {
        if (!fixture.has_file(role)) continue;
        const auto meta = fixture.file(role).metadata();
        auto it = meta.find("config");
        if (it == meta.end()) continue;
        config = ReDimNetConfig::from_json_text(
            it->second, fixture.file(role).description() + " metadata 'config'");
        found = true;
        break;
    }
    if (!found)
        throw FormatError(fixture.dir().string() + ": no 'config' metadata in io or weights");

    const SpeakerEncoder encoder(config, weights, at::kFloat);
    ReDimNetTrace trace;
    encoder.forward(fixture.input("input.wav"), &trace);

    parity::Outputs out;
    out["out.features"] = trace.features;
    out["out.stem"] = trace.stem;
    for (std::size_t i = 0; i < trace.stages.size(); ++i)
        out["out.stage" + std::to_string(i)] = trace.stages[i];
    out["out.agg"] = trace.agg;
    out["out.pooled"] = trace.pooled;
    out["out.pooled_bn"] = trace.pooled_bn;
    out["out.embedding"] = trace.embedding;
    return out;
}

}  // namespace nava::speaker
