#include "inference/text/sentencepiece_model.h"

#include <dlfcn.h>
#include <unistd.h>
#include <cstdint>

#include <array>
#include <cstdlib>
#include <system_error>

#include "inference/core/error.h"
#include "inference/text/standalone/nava_spm.h"

namespace nava::text {

namespace fs = std::filesystem;

namespace {

constexpr const char* kModuleFileName = "libnava_spm.so";

std::optional<fs::path> executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return exe.parent_path();
}

}  // namespace

// The module's entry points, resolved once per load.
struct SentencePieceModel::Api {
    void* library = nullptr;
    decltype(&nava_spm_abi_version) abi_version = nullptr;
    decltype(&nava_spm_load) load = nullptr;
    decltype(&nava_spm_free) free = nullptr;
    decltype(&nava_spm_vocab_size) vocab_size = nullptr;
    decltype(&nava_spm_piece_to_id) piece_to_id = nullptr;
    decltype(&nava_spm_id_to_piece) id_to_piece = nullptr;
    decltype(&nava_spm_piece_type) piece_type = nullptr;
    decltype(&nava_spm_special_ids) special_ids = nullptr;
    decltype(&nava_spm_encode) encode = nullptr;
    decltype(&nava_spm_normalize) normalize = nullptr;
};

fs::path locate_spm_module() {
    if (const char* env = std::getenv("NAVA_SPM_MODULE"); env && *env) {
        if (!fs::exists(env))
            throw IoError(std::string("NAVA_SPM_MODULE names ") + env + ", which does not exist");
        return env;
    }
    std::vector<fs::path> candidates;
    if (const auto dir = executable_dir()) {
        candidates.push_back(*dir / kModuleFileName);
        candidates.push_back(*dir / ".." / "lib" / kModuleFileName);
    }
    std::string looked;
    for (const auto& c : candidates) {
        if (fs::exists(c)) return fs::weakly_canonical(c);
        looked += (looked.empty() ? "" : ", ") + c.string();
    }
    throw IoError(std::string("the tokenizer module ") + kModuleFileName +
                  " was not found (looked in: " + (looked.empty() ? "nowhere" : looked) +
                  "); build the nava_spm target (needs libsentencepiece-dev) or set "
                  "NAVA_SPM_MODULE to its path");
}

std::shared_ptr<const SentencePieceModel> SentencePieceModel::load(
    const fs::path& model_path, const std::optional<fs::path>& module_path) {
    const fs::path module = module_path ? *module_path : locate_spm_module();
    if (!fs::exists(model_path))
        throw IoError("sentencepiece model " + model_path.string() + " does not exist");

    // RTLD_DEEPBIND: the module and its sentencepiece resolve symbols in their own dependency
    // tree first, so their protobuf never binds to LibTorch's. The library stays loaded for the
    // rest of the process (dlopen counts references; unloading a protobuf copy while another
    // one is live is not worth the risk).
    void* library = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!library) {
        const char* why = ::dlerror();
        throw IoError("cannot load the tokenizer module " + module.string() + ": " +
                      (why ? why : "unknown error"));
    }
    auto api = std::make_shared<Api>();
    api->library = library;
    const auto resolve = [&](auto& fn, const char* name) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(library, name));
        if (!fn)
            throw IoError("the tokenizer module " + module.string() + " lacks the function " +
                          name + " (rebuild it)");
    };
    resolve(api->abi_version, "nava_spm_abi_version");
    if (api->abi_version() != NAVA_SPM_ABI_VERSION)
        throw IoError("the tokenizer module " + module.string() + " has interface version " +
                      std::to_string(api->abi_version()) + ", this build needs " +
                      std::to_string(NAVA_SPM_ABI_VERSION) + " (rebuild it)");
    resolve(api->load, "nava_spm_load");
    resolve(api->free, "nava_spm_free");
    resolve(api->vocab_size, "nava_spm_vocab_size");
    resolve(api->piece_to_id, "nava_spm_piece_to_id");
    resolve(api->id_to_piece, "nava_spm_id_to_piece");
    resolve(api->piece_type, "nava_spm_piece_type");
    resolve(api->special_ids, "nava_spm_special_ids");
    resolve(api->encode, "nava_spm_encode");
    resolve(api->normalize, "nava_spm_normalize");

    std::array<char, 1024> error{};
    nava_spm* handle = api->load(model_path.c_str(), error.data(), error.size());
    if (!handle)
        throw IoError("cannot load sentencepiece model " + model_path.string() + ": " +
                      error.data());
    return std::shared_ptr<const SentencePieceModel>(
        new SentencePieceModel(std::move(api), handle, model_path));
}

SentencePieceModel::SentencePieceModel(std::shared_ptr<const Api> api, void* handle,
                                       fs::path model_path)
    : api_(std::move(api)), handle_(handle), model_path_(std::move(model_path)) {}

SentencePieceModel::~SentencePieceModel() {
    if (handle_) api_->free(static_cast<nava_spm*>(handle_));
}

int SentencePieceModel::vocab_size() const {
    return api_->vocab_size(static_cast<const nava_spm*>(handle_));
}

std::optional<int> SentencePieceModel::piece_to_id(std::string_view piece) const {
    const int id =
        api_->piece_to_id(static_cast<const nava_spm*>(handle_), piece.data(), piece.size());
    if (id < 0) return std::nullopt;
    return id;
}

std::string SentencePieceModel::id_to_piece(int id) const {
    const auto* h = static_cast<const nava_spm*>(handle_);
    const std::int64_t n = api_->id_to_piece(h, id, nullptr, 0);
    if (n < 0)
        throw Error("token id " + std::to_string(id) + " is outside the sentencepiece vocabulary");
    std::string piece(static_cast<std::size_t>(n), '\0');
    api_->id_to_piece(h, id, piece.data(), piece.size());
    return piece;
}

SpmPieceType SentencePieceModel::piece_type(int id) const {
    const int type = api_->piece_type(static_cast<const nava_spm*>(handle_), id);
    if (type < 1 || type > 6)
        throw Error("token id " + std::to_string(id) + " is outside the sentencepiece vocabulary");
    return static_cast<SpmPieceType>(type);
}

SpmSpecialIds SentencePieceModel::special_ids() const {
    SpmSpecialIds ids;
    api_->special_ids(static_cast<const nava_spm*>(handle_), &ids.unk_id, &ids.bos_id, &ids.eos_id,
                      &ids.pad_id);
    return ids;
}

std::vector<int> SentencePieceModel::encode(std::string_view text, SpmEncodeMode mode) const {
    const auto* h = static_cast<const nava_spm*>(handle_);
    const int m = mode == SpmEncodeMode::Raw ? NAVA_SPM_ENCODE_RAW : NAVA_SPM_ENCODE_STANDARD;
    // A piece covers at least one byte, so text.size() + 1 ids always suffice.
    std::vector<std::int32_t> buffer(text.size() + 1);
    const std::int64_t n =
        api_->encode(h, m, text.data(), text.size(), buffer.data(), buffer.size());
    if (n < 0)
        throw Error("sentencepiece could not encode the text (code " + std::to_string(n) + ")");
    if (static_cast<std::size_t>(n) > buffer.size()) {
        buffer.resize(static_cast<std::size_t>(n));
        api_->encode(h, m, text.data(), text.size(), buffer.data(), buffer.size());
    }
    return std::vector<int>(buffer.begin(), buffer.begin() + n);
}

std::string SentencePieceModel::normalize(std::string_view text) const {
    const auto* h = static_cast<const nava_spm*>(handle_);
    std::string out(text.size() * 3 + 16, '\0');
    const std::int64_t n = api_->normalize(h, text.data(), text.size(), out.data(), out.size());
    if (n < 0)
        throw Error("sentencepiece could not normalise the text (code " + std::to_string(n) + ")");
    if (static_cast<std::size_t>(n) > out.size()) {
        out.assign(static_cast<std::size_t>(n), '\0');
        api_->normalize(h, text.data(), text.size(), out.data(), out.size());
    }
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace nava::text
