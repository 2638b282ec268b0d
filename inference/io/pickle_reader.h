// A restricted reader for the pickle stream inside PyTorch checkpoints (`data.pkl`). It is a
// data-format parser, not a Python interpreter: it builds plain values (None, bool, int, float,
// str, bytes, tuple, list, dict) and understands only the handful of Python globals a state
// dict refers to (collections.OrderedDict, torch._utils._rebuild_tensor_v2/_v3,
// _rebuild_parameter[_with_state], torch.Size, the torch storage classes and dtypes). Every other
// global, and every opcode that would construct arbitrary objects, is refused with an error
// naming it, so a checkpoint can never run code. No torch here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "inference/io/safetensors_format.h"

namespace nava::io {

struct PickleValue;

// A storage the pickle names through a persistent id ('storage', type, key, location, numel).
struct PickleStorage {
    std::string key;        // the archive entry `data/<key>`
    std::string type_name;  // e.g. "torch.FloatStorage"
    std::string location;   // e.g. "cpu", "cuda:0" (ignored: everything loads on the CPU)
    int64_t numel = 0;      // in elements of the storage type (bytes for untyped storages)
    DType dtype = DType::U8;
    bool typed = false;  // false for UntypedStorage / TypedStorage (bytes)
};

// A dense tensor described by its storage, element offset, sizes and strides.
struct PickleTensor {
    const PickleValue* storage = nullptr;  // kind kStorage
    DType dtype = DType::F32;
    int64_t offset = 0;  // in elements of `dtype`
    std::vector<int64_t> sizes;
    std::vector<int64_t> strides;
};

struct PickleValue {
    enum class Kind {
        kNone,
        kBool,
        kInt,
        kFloat,
        kString,
        kBytes,
        kTuple,
        kList,
        kDict,
        kGlobal,  // an allowed Python global ("module.name" in `text`)
        kStorage,
        kTensor,
        kOpaque,  // placeholder for a refused global when refusal is switched off
    };
    Kind kind = Kind::kNone;
    bool boolean = false;
    int64_t integer = 0;
    double number = 0.0;
    std::string text;                 // string, bytes, global or opaque name
    std::vector<PickleValue*> items;  // tuple, list
    std::vector<std::pair<PickleValue*, PickleValue*>> entries;  // dict, insertion order
    PickleStorage storage;
    PickleTensor tensor;

    const char* kind_name() const;
};

struct PickleOptions {
    // Refuse globals outside the allowed set (the default, and what every loader should use).
    // When false they become inert placeholders (never called), so tensors can be read from
    // checkpoints that also pickle, say, a training-config object. Opcodes that construct
    // objects are still parsed without running anything.
    bool refuse_unknown_globals = true;
};

// The parsed stream. Values live in `arena` (so self-referencing containers cannot leak) and
// stay valid as long as the document.
struct PickleDocument {
    std::deque<PickleValue> arena;
    PickleValue* root = nullptr;
};

// Parses protocols 2-5 (and the protocol-0/1 container opcodes). Throws nava::FormatError naming
// `label` for malformed streams, refused globals and unsupported opcodes.
PickleDocument parse_pickle(const uint8_t* data, std::size_t size, const std::string& label,
                            const PickleOptions& options = {});

// dtype and element count of a torch storage / dtype global ("torch.FloatStorage",
// "torch.bfloat16"); false when unknown.
bool storage_dtype_from_global(const std::string& name, DType* dtype);
bool dtype_from_torch_global(const std::string& name, DType* dtype);

}  // namespace nava::io
