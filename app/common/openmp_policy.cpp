#include "app/common/openmp_policy.h"

#include <unistd.h>

#include <cstdlib>

namespace nava::app {

void ensure_passive_openmp(int argc, char** argv) {
    (void)argc;
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // execv only returns on failure: carry on with the default policy.
}

}  // namespace nava::app
