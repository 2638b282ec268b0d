// Test helper: writes a flat state dict as a PyTorch zip checkpoint (`torch.save` layout: pickle
// protocol 2 of an OrderedDict of `_rebuild_tensor_v2` calls, one stored ZIP entry per storage),
// so tests can make stand-ins for the `.pth` files of the official release.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

namespace nava::test {

void write_pth(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, at::Tensor>>& tensors);

}  // namespace nava::test
