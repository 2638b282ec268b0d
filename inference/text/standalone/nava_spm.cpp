// libnava_spm.so: the sentencepiece library behind a C interface (see nava_spm.h for why).
//
// Besides the model as shipped, the module builds two variants of it by editing the
// serialized model (protobuf wire format) before loading: one whose normaliser applies only
// the character map (no whitespace handling, no dummy prefix) and one with no normalisation at
// all. With them the engine can run the Hugging Face tokenizers pipeline (normalise the whole
// segment, split into words, run the unigram model per word) on top of the real sentencepiece
// unigram model.
#include "inference/text/standalone/nava_spm.h"

#include <sentencepiece_processor.h>

#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct nava_spm {
    sentencepiece::SentencePieceProcessor standard;
    sentencepiece::SentencePieceProcessor charmap_only;
    sentencepiece::SentencePieceProcessor raw;
    std::vector<int> piece_types;
};

namespace {

// --- protobuf wire format, just enough to copy and rewrite length-delimited fields -----------

struct WireField {
    std::uint32_t number = 0;
    std::uint32_t wire_type = 0;
    std::string_view bytes;    // the whole field (key and payload), for copying
    std::string_view payload;  // length-delimited payload (wire type 2)
    std::uint64_t varint = 0;  // value of a varint field (wire type 0)
};

bool read_varint(std::string_view data, std::size_t& pos, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= data.size()) return false;
        const auto byte = static_cast<unsigned char>(data[pos++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

// Splits a serialized message into its fields; false when it is malformed.
bool parse_fields(std::string_view data, std::vector<WireField>& fields) {
    std::size_t pos = 0;
    while (pos < data.size()) {
        const std::size_t start = pos;
        std::uint64_t key = 0;
        if (!read_varint(data, pos, key)) return false;
        WireField f;
        f.number = static_cast<std::uint32_t>(key >> 3);
        f.wire_type = static_cast<std::uint32_t>(key & 7);
        switch (f.wire_type) {
            case 0:
                if (!read_varint(data, pos, f.varint)) return false;
                break;
            case 1:
                if (data.size() - pos < 8) return false;
                pos += 8;
                break;
            case 2: {
                std::uint64_t length = 0;
                if (!read_varint(data, pos, length) || length > data.size() - pos) return false;
                f.payload = data.substr(pos, length);
                pos += length;
                break;
            }
            case 5:
                if (data.size() - pos < 4) return false;
                pos += 4;
                break;
            default:
                return false;  // groups are not used by sentencepiece models
        }
        f.bytes = data.substr(start, pos - start);
        fields.push_back(f);
    }
    return true;
}

void write_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void write_bytes_field(std::string& out, std::uint32_t number, std::string_view payload) {
    write_varint(out, (static_cast<std::uint64_t>(number) << 3) | 2);
    write_varint(out, payload.size());
    out.append(payload);
}

void write_bool_field(std::string& out, std::uint32_t number, bool value) {
    write_varint(out, static_cast<std::uint64_t>(number) << 3);
    out.push_back(value ? 1 : 0);
}

// ModelProto fields: 1 pieces, 2 trainer_spec, 3 normalizer_spec, 4 self_test_data,
// 5 denormalizer_spec. NormalizerSpec: 1 name, 2 precompiled_charsmap, 3 add_dummy_prefix,
// 4 remove_extra_whitespaces, 5 escape_whitespaces, 6 normalization_rule_tsv.
bool rewrite_normalizer(std::string_view model, bool keep_charmap, std::string& out) {
    std::vector<WireField> fields;
    if (!parse_fields(model, fields)) return false;
    out.clear();
    bool seen_normalizer = false;
    for (const WireField& f : fields) {
        if (f.number == 4) continue;  // self-test samples expect the original normaliser
        if (f.number != 3) {
            out.append(f.bytes);
            continue;
        }
        std::vector<WireField> spec;
        if (f.wire_type != 2 || !parse_fields(f.payload, spec)) return false;
        std::string rewritten;
        for (const WireField& s : spec) {
            if (s.number >= 3 && s.number <= 6) continue;
            if (!keep_charmap && (s.number == 1 || s.number == 2)) continue;
            rewritten.append(s.bytes);
        }
        if (!keep_charmap) write_bytes_field(rewritten, 1, "identity");
        write_bool_field(rewritten, 3, false);
        write_bool_field(rewritten, 4, false);
        write_bool_field(rewritten, 5, false);
        write_bytes_field(out, 3, rewritten);
        seen_normalizer = true;
    }
    if (!seen_normalizer) {
        std::string spec;
        if (!keep_charmap) write_bytes_field(spec, 1, "identity");
        write_bool_field(spec, 3, false);
        write_bool_field(spec, 4, false);
        write_bool_field(spec, 5, false);
        write_bytes_field(out, 3, spec);
    }
    return true;
}

// Piece types in id order (SentencePiece: 1 piece, 2 score, 3 type; NORMAL when absent).
bool read_piece_types(std::string_view model, std::vector<int>& types) {
    std::vector<WireField> fields;
    if (!parse_fields(model, fields)) return false;
    for (const WireField& f : fields) {
        if (f.number != 1 || f.wire_type != 2) continue;
        std::vector<WireField> piece;
        if (!parse_fields(f.payload, piece)) return false;
        int type = NAVA_SPM_PIECE_NORMAL;
        for (const WireField& p : piece) {
            if (p.number == 3 && p.wire_type == 0) type = static_cast<int>(p.varint);
        }
        types.push_back(type);
    }
    return true;
}

void set_error(char* error, std::size_t capacity, const std::string& message) {
    if (!error || capacity == 0) return;
    const std::size_t n = std::min(capacity - 1, message.size());
    std::memcpy(error, message.data(), n);
    error[n] = '\0';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

extern "C" {

int nava_spm_abi_version(void) {
    return NAVA_SPM_ABI_VERSION;
}

nava_spm* nava_spm_load(const char* model_path, char* error, size_t error_capacity) {
    try {
        if (!model_path) {
            set_error(error, error_capacity, "no model path given");
            return nullptr;
        }
        auto model = std::make_unique<nava_spm>();
        auto status = model->standard.Load(model_path);
        if (!status.ok()) {
            set_error(error, error_capacity, status.ToString());
            return nullptr;
        }
        const std::string serialized = model->standard.serialized_model_proto();
        std::string variant;
        if (!rewrite_normalizer(serialized, /*keep_charmap=*/true, variant) ||
            !model->charmap_only.LoadFromSerializedProto(variant).ok() ||
            !rewrite_normalizer(serialized, /*keep_charmap=*/false, variant) ||
            !model->raw.LoadFromSerializedProto(variant).ok() ||
            !read_piece_types(serialized, model->piece_types) ||
            static_cast<int>(model->piece_types.size()) != model->standard.GetPieceSize()) {
            set_error(error, error_capacity, "cannot derive the normaliser variants of the model");
            return nullptr;
        }
        return model.release();
    } catch (const std::exception& e) {
        set_error(error, error_capacity, e.what());
        return nullptr;
    }
}

void nava_spm_free(nava_spm* model) {
    delete model;
}

int nava_spm_vocab_size(const nava_spm* model) {
    return model ? model->standard.GetPieceSize() : 0;
}

int nava_spm_piece_to_id(const nava_spm* model, const char* piece, size_t piece_length) {
    if (!model || (!piece && piece_length > 0)) return -1;
    const std::string_view p(piece ? piece : "", piece_length);
    const int id = model->standard.PieceToId(p);
    // PieceToId answers unk for pieces it does not know: tell them apart by the text.
    if (id < 0 || id >= model->standard.GetPieceSize()) return -1;
    return model->standard.IdToPiece(id) == p ? id : -1;
}

int64_t nava_spm_id_to_piece(const nava_spm* model, int id, char* out, size_t capacity) {
    if (!model || id < 0 || id >= model->standard.GetPieceSize()) return -1;
    const std::string& piece = model->standard.IdToPiece(id);
    if (out) std::memcpy(out, piece.data(), std::min(capacity, piece.size()));
    return static_cast<int64_t>(piece.size());
}

int nava_spm_piece_type(const nava_spm* model, int id) {
    if (!model || id < 0 || id >= static_cast<int>(model->piece_types.size())) return -1;
    return model->piece_types[static_cast<std::size_t>(id)];
}

void nava_spm_special_ids(const nava_spm* model, int* unk_id, int* bos_id, int* eos_id,
                          int* pad_id) {
    if (unk_id) *unk_id = model ? model->standard.unk_id() : -1;
    if (bos_id) *bos_id = model ? model->standard.bos_id() : -1;
    if (eos_id) *eos_id = model ? model->standard.eos_id() : -1;
    if (pad_id) *pad_id = model ? model->standard.pad_id() : -1;
}

int64_t nava_spm_encode(const nava_spm* model, int mode, const char* text, size_t text_length,
                        int32_t* ids, size_t capacity) {
    try {
        if (!model || (!text && text_length > 0)) return -1;
        const auto& processor = (mode == NAVA_SPM_ENCODE_RAW) ? model->raw : model->standard;
        std::vector<int> result;
        if (!processor.Encode(std::string_view(text ? text : "", text_length), &result).ok())
            return -2;
        if (ids) {
            for (std::size_t i = 0; i < result.size() && i < capacity; ++i)
                ids[i] = result[i];
        }
        return static_cast<int64_t>(result.size());
    } catch (const std::exception&) {
        return -3;
    }
}

int64_t nava_spm_normalize(const nava_spm* model, const char* text, size_t text_length, char* out,
                           size_t capacity) {
    try {
        if (!model || (!text && text_length > 0)) return -1;
        // The pieces of an encoding cover the normalised text exactly; byte-fallback pieces
        // ("<0xE4>") stand for one byte of it each.
        const auto encoded = model->charmap_only.EncodeAsImmutableProto(
            std::string_view(text ? text : "", text_length));
        std::string normalized;
        for (std::size_t i = 0; i < encoded.pieces_size(); ++i) {
            const auto piece = encoded.pieces(static_cast<int>(i));
            const std::string& p = piece.piece();
            if (model->charmap_only.IsByte(static_cast<int>(piece.id())) && p.size() == 6) {
                normalized.push_back(static_cast<char>(hex_value(p[3]) * 16 + hex_value(p[4])));
            } else {
                normalized += p;
            }
        }
        if (out) std::memcpy(out, normalized.data(), std::min(capacity, normalized.size()));
        return static_cast<int64_t>(normalized.size());
    } catch (const std::exception&) {
        return -3;
    }
}

}  // extern "C"
