#include "inference/io/prefixed_source.h"

namespace nava::io {

PrefixedSource::PrefixedSource(const TensorSource& inner, std::string prefix)
    : inner_(inner), prefix_(std::move(prefix)) {}

std::string PrefixedSource::description() const {
    return inner_.description() + " [" + prefix_ + "*]";
}

std::vector<std::string> PrefixedSource::names() const {
    std::vector<std::string> out;
    for (const auto& n : inner_.names())
        if (n.compare(0, prefix_.size(), prefix_) == 0) out.push_back(n.substr(prefix_.size()));
    return out;
}

std::optional<TensorInfo> PrefixedSource::info(const std::string& name) const {
    auto i = inner_.info(prefix_ + name);
    if (i) i->name = name;
    return i;
}

at::Tensor PrefixedSource::tensor(const std::string& name) const {
    return inner_.tensor(prefix_ + name);
}

}  // namespace nava::io
