#include "inference/text/negative_prompts.h"

#include "inference/core/error.h"

namespace nava::text {

std::string_view negative_prompt(NegativePrompt which) {
    // The reference's strings, verbatim (mixed full-width and ASCII punctuation included: the
    // cleaning step normalises them like any prompt).
    switch (which) {
        case NegativePrompt::VideoMmdit:
            return "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画"
                   "作，画面，静止，整体发灰，最差质量，低质量，JPEG压缩"
                   "残留，丑陋的，残缺的，多余的手指，画得不好的手部，画得不"
                   "好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止"
                   "不动的画面，杂乱的背景，三条腿，背景人很多，倒着走, 音"
                   "频带有机械音、闷糊、回音、失真、电流声、爆音、杂音";
        case NegativePrompt::VideoNonMmdit:
            return "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画"
                   "作，画面，静止，整体发灰，最差质量，低质量，JPEG压缩"
                   "残留，丑陋的，残缺的，多余的手指，画得不好的手部，画得不"
                   "好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止"
                   "不动的画面，杂乱的背景，三条腿，背景人很多，倒着走";
        case NegativePrompt::Audio:
            return "机械音、闷糊、回音、失真、电流声、爆音、杂音";
        case NegativePrompt::Dmd2TeacherVideo:
            return "画质模糊，多人同时说话，倒着走, 色调艳丽，过曝，静态，"
                   "细节模糊不清，字幕，风格，作品，画作，画面，静止，整体发"
                   "，JPEG压缩残留，丑陋的，残缺的，多余的手指，画得不好"
                   "的手部，画得不好的脸部，畸形的，毁容的，形态畸形的肢体，"
                   "手指融合，静止不动的画面，杂乱的背景，三条腿，背景人很多"
                   "，音频带有机械音、闷糊、回音、失真、电流声、爆音、杂音";
    }
    throw Error("unknown negative prompt");
}

std::string_view negative_prompt_name(NegativePrompt which) {
    switch (which) {
        case NegativePrompt::VideoMmdit:
            return "video_mmdit";
        case NegativePrompt::VideoNonMmdit:
            return "video_non_mmdit";
        case NegativePrompt::Audio:
            return "audio";
        case NegativePrompt::Dmd2TeacherVideo:
            return "dmd2_teacher_video";
    }
    throw Error("unknown negative prompt");
}

const std::vector<NegativePrompt>& all_negative_prompts() {
    static const std::vector<NegativePrompt> all = {
        NegativePrompt::VideoMmdit, NegativePrompt::VideoNonMmdit, NegativePrompt::Audio,
        NegativePrompt::Dmd2TeacherVideo};
    return all;
}

}  // namespace nava::text
