# Shared build settings for NAVA Studio targets.

# Warnings for project code (third-party headers come in as system includes).
function(nava_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
    endif()
endfunction()

# Targets whose sources include torch headers link torch and reuse one precompiled header:
# parsing <torch/nn/module.h> costs ~8 s per translation unit, compiling it once saves minutes
# on a cold 2-core build.
function(nava_use_torch target visibility)
    target_link_libraries(${target} ${visibility} ${TORCH_LIBRARIES})
    if(NOT target STREQUAL "nava_torch_pch" AND TARGET nava_torch_pch AND NAVA_USE_PCH)
        target_precompile_headers(${target} REUSE_FROM nava_torch_pch)
    endif()
endfunction()

# Common include roots: the repository root (includes are written "inference/io/...") and the
# generated build configuration header.
function(nava_includes target)
    target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR}
                                                ${CMAKE_BINARY_DIR}/generated)
endfunction()
