// libFuzzer entry point for the media importer: probing and decoding (picture and sound, a seek)
// of arbitrary bytes through the memory input (custom AVIOContext). Every input must either
// decode or be rejected with nava::media::MediaError; a crash, another exception, a sanitizer
// report, a leak or a timeout is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "media/audio_reader.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/video_reader.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    ::setenv("NAVA_FFMPEG_LOG", "quiet", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nava::media;
    const InputSource input = InputSource::borrowed(data, size, "fuzz input");
    try {
        const MediaInfo info = probe(input);
        if (info.label != "fuzz input") __builtin_trap();
    } catch (const MediaError&) {
        return 0;
    }
    // Bounded work per input: small output frames, a few frames and chunks, one thread.
    try {
        VideoDecodeOptions o;
        o.width = 24;
        o.height = 16;
        o.fps = {24, 1};
        o.policy = size % 2 ? ScalePolicy::fit_pad : ScalePolicy::cover_crop;
        o.max_source_pixels = 1 << 20;
        o.decoder_threads = 1;
        VideoReader reader(input, o);
        VideoFrame frame;
        for (int i = 0; i < 4 && reader.read(frame); ++i)
            if (frame.rgb.size() != 24u * 16u * 3u || frame.index != i) __builtin_trap();
        reader.seek(0.1);
        reader.read(frame);
    } catch (const MediaError&) {
    }
    try {
        AudioReader reader(input, {16000, 2});
        AudioChunk chunk;
        for (int i = 0; i < 8 && reader.read(chunk, 1024); ++i)
            if (chunk.channels != 2 || chunk.samples.size() % 2 || chunk.frames() > 1024)
                __builtin_trap();
        reader.seek(0.05);
        reader.read(chunk, 256);
    } catch (const MediaError&) {
    }
    return 0;
}
