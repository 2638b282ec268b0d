// OpenMP threads (used by LibTorch and OpenBLAS) busy-wait between parallel regions by default.
// On a machine that is also doing other work (a desktop, parallel tests) that spinning costs up
// to 10x in speed. The wait policy can only be chosen through the environment before the
// OpenMP runtime starts, so the executables re-execute themselves once with it set.
#pragma once

namespace nava::app {

// If OMP_WAIT_POLICY is unset, sets it to PASSIVE and replaces the process with a fresh copy of
// itself (same arguments). Returns normally when nothing needed doing or re-execution failed.
void ensure_passive_openmp(int argc, char** argv);

}  // namespace nava::app
