#include "inference/parity/parity.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"

namespace nava::parity {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string shape_string(at::IntArrayRef shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Splits "FILE:KEY" when FILE names a file role; otherwise the whole string is the key.
std::pair<std::string, std::string> split_key(
    const std::string& key,
    const std::map<std::string, std::shared_ptr<io::SafetensorsFile>>& files) {
    const auto colon = key.find(':');
    if (colon != std::string::npos && files.count(key.substr(0, colon)))
        return {key.substr(0, colon), key.substr(colon + 1)};
    return {"", key};
}

}  // namespace

Fixture Fixture::open(const std::filesystem::path& dir) {
    Fixture fx;
    fx.dir_ = dir;
    if (!std::filesystem::is_directory(dir))
        throw IoError(dir.string() + ": not a fixture folder (no such directory)");
    const auto manifest_path = dir / "manifest.json";
    if (!std::filesystem::exists(manifest_path))
        throw IoError(manifest_path.string() + ": missing (every fixture folder has a manifest)");
    fx.manifest_ = std::make_shared<nlohmann::json>(io::read_json_file(manifest_path));
    const nlohmann::json& m = *fx.manifest_;
    const std::string label = manifest_path.string();
    if (!m.is_object()) throw FormatError(label + ": the manifest must be a JSON object");
    if (!m.contains("component") || !m["component"].is_string())
        throw FormatError(label + ": missing string field 'component'");
    fx.component_ = m["component"].get<std::string>();

    if (m.contains("files")) {
        if (!m["files"].is_object()) throw FormatError(label + ": 'files' must be an object");
        for (const auto& [role, value] : m["files"].items()) {
            if (!value.is_string()) continue;
            const std::string name = value.get<std::string>();
            // Some entries describe where a value lives ("io metadata 'config'") rather than
            // naming a file; only existing safetensors files are opened.
            if (!ends_with(name, ".safetensors")) continue;
            const auto path = dir / name;
            if (!std::filesystem::exists(path))
                throw IoError(path.string() + ": listed in the manifest but missing");
            fx.files_[role] = io::SafetensorsFile::open(path);
        }
    }

    if (m.contains("inputs")) {
        if (!m["inputs"].is_array()) throw FormatError(label + ": 'inputs' must be a list");
        for (const auto& v : m["inputs"]) {
            if (!v.is_string()) throw FormatError(label + ": 'inputs' must hold strings");
            fx.inputs_.push_back(v.get<std::string>());
        }
    }

    if (!m.contains("outputs") || !m["outputs"].is_object())
        throw FormatError(label + ": missing object field 'outputs'");
    for (const auto& [key, spec] : m["outputs"].items()) {
        if (!spec.is_object())
            throw FormatError(label + ": output '" + key + "' must be an object");
        OutputSpec o;
        o.key = key;
        o.expect = spec.contains("expect") && spec["expect"].is_string()
                       ? spec["expect"].get<std::string>()
                       : key;
        auto number = [&](const char* field) {
            if (!spec.contains(field)) return 0.0;
            if (!spec[field].is_number())
                throw FormatError(label + ": output '" + key + "' field '" + field +
                                  "' must be a number");
            return spec[field].get<double>();
        };
        o.atol = number("atol");
        o.rtol = number("rtol");
        fx.outputs_.push_back(std::move(o));
    }
    return fx;
}

bool Fixture::has_file(const std::string& role) const {
    return files_.count(role) > 0;
}

const io::SafetensorsFile& Fixture::file(const std::string& role) const {
    auto it = files_.find(role);
    if (it == files_.end())
        throw FormatError((dir_ / "manifest.json").string() + ": no safetensors file for '" + role +
                          "'");
    return *it->second;
}

std::optional<at::Tensor> Fixture::find(const std::string& key) const {
    const auto [role, name] = split_key(key, files_);
    if (!role.empty()) {
        const auto& f = file(role);
        if (!f.header().find(name)) return std::nullopt;
        return f.tensor(name);
    }
    std::optional<at::Tensor> found;
    std::string found_in;
    for (const auto& [r, f] : files_) {
        if (!f->header().find(name)) continue;
        if (found)
            throw FormatError(dir_.string() + ": tensor '" + name + "' exists in both '" +
                              found_in + "' and '" + r + "'; write it as FILE:KEY");
        found = f->tensor(name);
        found_in = r;
    }
    return found;
}

at::Tensor Fixture::tensor(const std::string& key) const {
    auto t = find(key);
    if (!t) throw FormatError(dir_.string() + ": no tensor '" + key + "' in the fixture files");
    return *t;
}

at::Tensor Fixture::input(const std::string& key) const {
    at::Tensor t = tensor(key);
    if (at::isFloatingType(t.scalar_type()) && t.scalar_type() != at::kDouble) t = t.to(at::kFloat);
    return t;
}

nlohmann::json Fixture::json_file(const std::string& name) const {
    return io::read_json_file(dir_ / name);
}

OutputResult compare_tensors(const std::string& key, const at::Tensor& ours, const at::Tensor& ref,
                             double atol, double rtol) {
    OutputResult r;
    r.key = key;
    r.computed = true;
    r.has_reference = true;
    if (ours.sizes() != ref.sizes()) {
        r.note = "shape " + shape_string(ours.sizes()) + " but the reference is " +
                 shape_string(ref.sizes());
        return r;
    }
    const at::Tensor a = ours.to(at::kDouble);
    const at::Tensor b = ref.to(at::kDouble);
    if (a.numel() == 0) {
        r.pass = true;
        return r;
    }
    const at::Tensor err = (a - b).abs();
    const at::Tensor bound = atol + rtol * b.abs();
    const bool finite = at::isfinite(a).all().item<bool>();
    r.max_abs_error = err.max().item<double>();
    r.max_abs_reference = b.abs().max().item<double>();
    const int64_t bad = (err > bound).sum().item<int64_t>();
    r.pass = finite && bad == 0;
    if (!finite)
        r.note = "non-finite values";
    else if (bad)
        r.note =
            std::to_string(bad) + " of " + std::to_string(a.numel()) + " elements out of tolerance";
    return r;
}

RunResult run_fixture(const std::filesystem::path& dir, const std::filesystem::path& out,
                      std::ostream& log) {
    return run_fixture(dir, out, log, implemented_components());
}

RunResult run_fixture(const std::filesystem::path& dir, const std::filesystem::path& out,
                      std::ostream& log, const std::vector<Component>& table) {
    Fixture fx = Fixture::open(dir);
    auto it = std::find_if(table.begin(), table.end(),
                           [&](const Component& c) { return c.name == fx.component(); });
    if (it == table.end()) {
        const auto& known = known_components();
        if (std::find(known.begin(), known.end(), fx.component()) != known.end())
            throw NotImplementedError("component " + fx.component() + " not implemented yet");
        std::string list;
        for (const auto& k : known)
            list += (list.empty() ? "" : ", ") + k;
        throw FormatError((dir / "manifest.json").string() + ": unknown component '" +
                          fx.component() + "' (known: " + list + ")");
    }

    const Outputs computed = it->run(fx);

    RunResult result;
    result.component = fx.component();
    std::vector<io::NamedTensor> to_write;
    std::set<std::string> written;
    for (const auto& spec : fx.outputs()) {
        auto c = computed.find(spec.key);
        if (c == computed.end() || !c->second.defined()) {
            OutputResult r;
            r.key = spec.key;
            r.note = "not produced";
            result.outputs.push_back(r);
            result.all_pass = false;
            continue;
        }
        const at::Tensor value = c->second.detach().to(at::kCPU).to(at::kFloat).contiguous();
        to_write.push_back({spec.key, value, std::nullopt});
        written.insert(spec.key);

        OutputResult r;
        if (auto ref = fx.find(spec.expect)) {
            r = compare_tensors(spec.key, value, *ref, spec.atol, spec.rtol);
        } else {
            r.key = spec.key;
            r.computed = true;
            r.pass = true;
            r.note = "no reference in this fixture";
        }
        result.all_pass = result.all_pass && r.pass;
        result.outputs.push_back(r);
    }
    // Keys of the form FILE:KEY are also written under KEY alone, for readers that expect the
    // bare name, unless two outputs would collide.
    std::map<std::string, int> bare_count;
    for (const auto& spec : fx.outputs()) {
        const auto [role, name] = split_key(spec.key, fx.files());
        if (!role.empty()) ++bare_count[name];
    }
    std::vector<io::NamedTensor> aliases;
    for (const auto& nt : to_write) {
        const auto [role, name] = split_key(nt.name, fx.files());
        if (!role.empty() && bare_count[name] == 1 && !written.count(name))
            aliases.push_back({name, nt.tensor, std::nullopt});
    }
    to_write.insert(to_write.end(), aliases.begin(), aliases.end());

    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    io::save_safetensors(out, to_write, {{"component", fx.component()}});

    std::size_t width = 10;
    for (const auto& r : result.outputs)
        width = std::max(width, r.key.size());
    for (const auto& r : result.outputs) {
        log << std::left << std::setw(static_cast<int>(width) + 2) << r.key;
        if (!r.computed) {
            log << "FAIL  " << r.note << '\n';
            continue;
        }
        if (!r.has_reference) {
            log << "computed  (" << r.note << ")\n";
            continue;
        }
        log << (r.pass ? "PASS" : "FAIL") << "  max abs err " << std::scientific
            << std::setprecision(3) << r.max_abs_error << "  (max |ref| " << r.max_abs_reference
            << ")" << std::defaultfloat;
        if (!r.note.empty()) log << "  " << r.note;
        log << '\n';
    }
    return result;
}

}  // namespace nava::parity
