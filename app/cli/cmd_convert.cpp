// `nava convert IN --fp8 --out OUT`: weight formats for the memory profiles.
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/models/dit/dit_convert.h"

namespace nava::cli {

int cmd_convert(const Args& args) {
    ArgParser p("nava convert",
                "Rewrite a NAVA DiT checkpoint for a memory profile. --fp8 stores the attention "
                "and FFN Linears of the blocks as E4M3 codes with one scale per output row (the "
                "layout of the official NAVA_fp8.safetensors family), the rest unchanged.");
    p.positional("input", "DiT weights (.safetensors or .pth; a `backbone.` prefix is kept)")
        .flag("fp8", "quantise the block Linears to fp8 (E4M3) weight-only")
        .option("out", "FILE", "output .safetensors");
    if (!p.parse(args)) return 0;
    if (!p.has("fp8")) throw UsageError("say which conversion: --fp8");
    if (!p.has("out")) throw UsageError("--out FILE is required");
    const auto r = dit::convert_dit_to_fp8(p.positional_value("input"), p.get("out"));
    std::printf("%lld Linear weights quantised to fp8 (%s -> %s), %lld tensors copied\n",
                static_cast<long long>(r.quantized), format_bytes(r.bytes_in).c_str(),
                format_bytes(r.bytes_out).c_str(), static_cast<long long>(r.copied));
    std::printf("max relative rounding error %.4f; wrote %s\n", r.max_rel_error,
                p.get("out").c_str());
    return 0;
}

}  // namespace nava::cli
