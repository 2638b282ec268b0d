#!/usr/bin/python3
"""Writes the small PyTorch checkpoints the `.pth` reader tests read (tests/inference/pth).

Run once with a Python that has torch (Debian: `apt-get install python3-torch`, then
`/usr/bin/python3 make_pth_fixtures.py`); the outputs are committed, so the tests themselves
never need Python. Files:

  f32_state_dict.pth   float32 module state dict (OrderedDict with _metadata), an int64 buffer
  f32_deflated.pth     the same archive re-packed with deflate compression
  bf16_shared.pth      bf16/f16/bool/int8 tensors with shared storages: tied weights, offset
                       views, a transpose and a strided slice (non-contiguous), pickle protocol 2
  nested.pth           {"state_dict": {...}, "epoch", "optimizer_states": [...], "hparams"},
                       pickle protocol 4 (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL)
  expected.safetensors every tensor above, contiguous, under "<file stem>/<name>" (nested.pth
                       flattened from the top: "nested/state_dict.backbone.proj.weight", ...)
"""
import collections
import json
import struct
import zipfile
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
torch.manual_seed(20240607)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(7, 4)
        self.proj = torch.nn.Linear(4, 3)
        self.norm = torch.nn.BatchNorm1d(3)


def write_safetensors(path, tensors):
    names = {torch.float32: "F32", torch.bfloat16: "BF16", torch.float16: "F16",
             torch.int64: "I64", torch.int8: "I8", torch.bool: "BOOL", torch.uint8: "U8"}
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous()
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": names[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    expected = {}

    # 1. float32 state dict of a module, as torch.save(model.state_dict()) writes it.
    model = Tiny()
    with torch.no_grad():
        model.norm.running_mean.uniform_()
        model.norm.num_batches_tracked.fill_(42)
    sd = model.state_dict()
    torch.save(sd, HERE / "f32_state_dict.pth")
    for k, v in sd.items():
        expected[f"f32_state_dict/{k}"] = v

    # 2. The same archive, deflate-compressed (as a zip tool would re-pack it).
    with zipfile.ZipFile(HERE / "f32_state_dict.pth") as src, \
            zipfile.ZipFile(HERE / "f32_deflated.pth", "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))

    # 3. Shared storages, views and non-contiguous tensors in several dtypes.
    base = torch.randn(6, 5).to(torch.bfloat16)
    shared = {
        "base": base,
        "tied": base,                      # the same tensor twice
        "rows": base[2:5],                 # offset view, contiguous
        "transposed": base.t(),            # non-contiguous
        "every_other": base[:, ::2],       # strided slice
        "scalar": torch.tensor(3.5, dtype=torch.bfloat16),
        "empty": torch.zeros(0, 3, dtype=torch.bfloat16),
        "half": torch.randn(3, 2).to(torch.float16),
        "mask": torch.tensor([True, False, True]),
        "codes": torch.tensor([-3, 0, 7, 127], dtype=torch.int8),
    }
    torch.save(shared, HERE / "bf16_shared.pth")
    for k, v in shared.items():
        expected[f"bf16_shared/{k}"] = v

    # 4. A training checkpoint wrapping the weights (pickle protocol 4).
    weights = collections.OrderedDict(
        (f"backbone.{k}", v.clone()) for k, v in Tiny().state_dict().items())
    moment = torch.randn(3, 4)
    nested = {
        "state_dict": weights,
        "epoch": 3,
        "optimizer_states": [{"state": {0: {"exp_avg": moment, "step": 10}}, "lr": 0.5}],
        "hparams": {"lr": 0.1, "name": "tiny", "betas": (0.9, 0.99), "flag": True, "none": None},
    }
    torch.save(nested, HERE / "nested.pth", pickle_protocol=4)
    for k, v in weights.items():
        expected[f"nested/state_dict.{k}"] = v
    expected["nested/optimizer_states.0.state.0.exp_avg"] = moment

    write_safetensors(HERE / "expected.safetensors", expected)
    for p in sorted(HERE.iterdir()):
        print(f"{p.name:24s} {p.stat().st_size:7d} bytes")


if __name__ == "__main__":
    main()
