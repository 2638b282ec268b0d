// The `nava parity` contract: read a fixture folder's manifest, run the named component on the
// listed inputs, write every listed output, compare with the reference tensors when present.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

namespace nava::io {
class SafetensorsFile;
}

namespace nava::parity {

struct OutputSpec {
    std::string key;     // as written in the manifest (may carry a "FILE:" prefix)
    std::string expect;  // reference tensor it is compared with
    double atol = 0.0;
    double rtol = 0.0;
};

class Fixture {
public:
    // Reads and validates `dir/manifest.json`; throws IoError / FormatError.
    static Fixture open(const std::filesystem::path& dir);

    const std::filesystem::path& dir() const { return dir_; }
    const std::string& component() const { return component_; }
    const nlohmann::json& manifest() const { return *manifest_; }
    const std::vector<std::string>& inputs() const { return inputs_; }
    const std::vector<OutputSpec>& outputs() const { return outputs_; }

    // The safetensors file listed under `role` in the manifest's "files".
    bool has_file(const std::string& role) const;
    const io::SafetensorsFile& file(const std::string& role) const;
    // Every safetensors file of the fixture, by role.
    const std::map<std::string, std::shared_ptr<io::SafetensorsFile>>& files() const {
        return files_;
    }

    // A tensor by manifest key. "FILE:KEY" reads KEY from the file of role FILE; a plain key is
    // looked up in every file (it must be unique). find() returns nullopt when absent.
    std::optional<at::Tensor> find(const std::string& key) const;
    at::Tensor tensor(const std::string& key) const;
    // An input listed in the manifest (float tensors widened to float32 unless asked otherwise).
    at::Tensor input(const std::string& key) const;

    // A JSON file inside the fixture folder.
    nlohmann::json json_file(const std::string& name) const;
    std::filesystem::path path(const std::string& relative) const { return dir_ / relative; }

private:
    std::filesystem::path dir_;
    std::shared_ptr<nlohmann::json> manifest_;
    std::string component_;
    std::vector<std::string> inputs_;
    std::vector<OutputSpec> outputs_;
    std::map<std::string, std::shared_ptr<io::SafetensorsFile>> files_;
};

using Outputs = std::map<std::string, at::Tensor>;
using ComponentFn = std::function<Outputs(const Fixture&)>;

struct Component {
    std::string name;
    ComponentFn run;
};

// The one table of implemented components (parity/components.cpp).
const std::vector<Component>& implemented_components();
// Every component name the reference fixtures use.
const std::vector<std::string>& known_components();

struct OutputResult {
    std::string key;
    bool computed = false;
    bool has_reference = false;
    double max_abs_error = 0.0;
    double max_abs_reference = 0.0;
    bool pass = false;
    std::string note;
};

struct RunResult {
    std::string component;
    std::vector<OutputResult> outputs;
    bool all_pass = true;  // every output computed and, where a reference exists, within tolerance
};

// Runs the fixture in `dir`, writes `out` (float32 safetensors), prints one line per output to
// `log`. Throws for unusable fixtures (missing/corrupt manifest, unknown component) and
// NotImplementedError for components this build does not have yet.
RunResult run_fixture(const std::filesystem::path& dir, const std::filesystem::path& out,
                      std::ostream& log);
// Same, with an explicit component table (tests).
RunResult run_fixture(const std::filesystem::path& dir, const std::filesystem::path& out,
                      std::ostream& log, const std::vector<Component>& table);

// Element-wise check |ours - ref| <= atol + rtol * |ref| (shapes must match).
OutputResult compare_tensors(const std::string& key, const at::Tensor& ours, const at::Tensor& ref,
                             double atol, double rtol);

}  // namespace nava::parity
