// A sentencepiece model, used through the stand-alone module libnava_spm.so.
//
// sentencepiece cannot be linked into a process that links LibTorch (their protobuf copies
// clash), so the engine loads the module at run time with dlopen(RTLD_NOW | RTLD_LOCAL |
// RTLD_DEEPBIND). The module is looked up in this order:
//   1. $NAVA_SPM_MODULE (full path of the .so),
//   2. next to the running executable: <exe dir>/libnava_spm.so, <exe dir>/../lib/libnava_spm.so
//      (build/bin + build/lib in a build tree, bin + lib in an installation).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nava::text {

enum class SpmPieceType {
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6
};

enum class SpmEncodeMode {
    Standard,  // as the model file says: what `spm_encode --output_format=id` prints
    Raw,       // the unigram model alone on already normalised, pre-tokenised text
};

struct SpmSpecialIds {
    int unk_id = -1;  // -1: the model defines none
    int bos_id = -1;
    int eos_id = -1;
    int pad_id = -1;
};

// The module path by the rules above. Throws nava::IoError listing the places it looked.
std::filesystem::path locate_spm_module();

class SentencePieceModel {
public:
    // Loads `model_path` (a sentencepiece .model file) through the module found by
    // locate_spm_module(), or through `module_path` when given. Throws nava::IoError when the
    // module or the model cannot be loaded.
    static std::shared_ptr<const SentencePieceModel> load(
        const std::filesystem::path& model_path,
        const std::optional<std::filesystem::path>& module_path = std::nullopt);

    ~SentencePieceModel();
    SentencePieceModel(const SentencePieceModel&) = delete;
    SentencePieceModel& operator=(const SentencePieceModel&) = delete;

    int vocab_size() const;
    std::optional<int> piece_to_id(std::string_view piece) const;
    std::string id_to_piece(int id) const;  // throws nava::Error for an id out of range
    SpmPieceType piece_type(int id) const;
    SpmSpecialIds special_ids() const;

    std::vector<int> encode(std::string_view text, SpmEncodeMode mode) const;

    // The model's character normalisation only (whitespace kept, no prefix added): what the
    // Hugging Face "Precompiled" normaliser does with the same character map.
    std::string normalize(std::string_view text) const;

    const std::filesystem::path& model_path() const { return model_path_; }

private:
    struct Api;
    SentencePieceModel(std::shared_ptr<const Api> api, void* handle,
                       std::filesystem::path model_path);

    std::shared_ptr<const Api> api_;
    void* handle_ = nullptr;  // nava_spm*
    std::filesystem::path model_path_;
};

}  // namespace nava::text
