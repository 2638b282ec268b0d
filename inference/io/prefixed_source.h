// The tensors of another source whose names start with a prefix, with the prefix removed: one
// component of a bundle (e.g. "dit." inside a single package file) seen as its own checkpoint.
#pragma once

#include <string>

#include "inference/io/tensor_source.h"

namespace nava::io {

class PrefixedSource : public TensorSource {
public:
    // `inner` must outlive this view.
    PrefixedSource(const TensorSource& inner, std::string prefix);

    std::string description() const override;
    std::vector<std::string> names() const override;
    std::optional<TensorInfo> info(const std::string& name) const override;
    at::Tensor tensor(const std::string& name) const override;
    std::map<std::string, std::string> metadata() const override { return inner_.metadata(); }

private:
    const TensorSource& inner_;
    std::string prefix_;
};

}  // namespace nava::io
