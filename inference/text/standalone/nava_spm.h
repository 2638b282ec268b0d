/* C interface of libnava_spm.so, a small module around the sentencepiece library.
 *
 * Why a separate module: Debian's libsentencepiece carries its own protobuf, which clashes with
 * the protobuf that LibTorch links (a process that links both crashes during static
 * initialisation). The engine therefore never links sentencepiece; it loads this module with
 * dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) so the module resolves protobuf symbols inside
 * its own dependency tree. Only plain C types cross this boundary.
 *
 * Strings are UTF-8 with explicit lengths (no terminator needed). Functions that fill a caller
 * buffer return the full size needed, so a caller can retry with a larger buffer.
 */
#ifndef NAVA_SPM_H
#define NAVA_SPM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NAVA_SPM_ABI_VERSION 1

#if defined(__GNUC__)
#define NAVA_SPM_API __attribute__((visibility("default")))
#else
#define NAVA_SPM_API
#endif

typedef struct nava_spm nava_spm;

/* Encoding modes. */
enum {
    /* As the model file says (normaliser, whitespace handling, dummy prefix): what the
     * spm_encode tool prints. */
    NAVA_SPM_ENCODE_STANDARD = 0,
    /* The unigram model alone on text that is already normalised and pre-tokenised: no
     * character normalisation, no whitespace handling, no dummy prefix ("▁" is taken as is). */
    NAVA_SPM_ENCODE_RAW = 1
};

/* Piece types (same values as sentencepiece's ModelProto.SentencePiece.Type). */
enum {
    NAVA_SPM_PIECE_NORMAL = 1,
    NAVA_SPM_PIECE_UNKNOWN = 2,
    NAVA_SPM_PIECE_CONTROL = 3,
    NAVA_SPM_PIECE_USER_DEFINED = 4,
    NAVA_SPM_PIECE_UNUSED = 5,
    NAVA_SPM_PIECE_BYTE = 6
};

/* NAVA_SPM_ABI_VERSION of the module. */
NAVA_SPM_API int nava_spm_abi_version(void);

/* Loads a sentencepiece model file. On failure returns NULL and writes a message (truncated,
 * NUL-terminated) to `error` when error_capacity > 0. */
NAVA_SPM_API nava_spm* nava_spm_load(const char* model_path, char* error, size_t error_capacity);

NAVA_SPM_API void nava_spm_free(nava_spm* model);

/* Number of pieces in the model. */
NAVA_SPM_API int nava_spm_vocab_size(const nava_spm* model);

/* Id of a piece, or -1 when the model has no such piece. */
NAVA_SPM_API int nava_spm_piece_to_id(const nava_spm* model, const char* piece,
                                      size_t piece_length);

/* Copies the piece of `id` (not NUL-terminated) into `out`; returns its length in bytes, or -1
 * for an id out of range. */
NAVA_SPM_API int64_t nava_spm_id_to_piece(const nava_spm* model, int id, char* out,
                                          size_t capacity);

/* NAVA_SPM_PIECE_* of `id`, or -1 for an id out of range. */
NAVA_SPM_API int nava_spm_piece_type(const nava_spm* model, int id);

/* The model's reserved ids (-1 when the model does not define one). */
NAVA_SPM_API void nava_spm_special_ids(const nava_spm* model, int* unk_id, int* bos_id, int* eos_id,
                                       int* pad_id);

/* Encodes text to ids. Returns the number of ids (ids beyond `capacity` are not written), or a
 * negative value when sentencepiece reports an error. */
NAVA_SPM_API int64_t nava_spm_encode(const nava_spm* model, int mode, const char* text,
                                     size_t text_length, int32_t* ids, size_t capacity);

/* Applies the model's character normalisation (its precompiled character map) and nothing
 * else: whitespace is kept as it is and no prefix is added. Returns the length in bytes of the
 * normalised text (bytes beyond `capacity` are not written), or a negative value on error. */
NAVA_SPM_API int64_t nava_spm_normalize(const nava_spm* model, const char* text, size_t text_length,
                                        char* out, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* NAVA_SPM_H */
