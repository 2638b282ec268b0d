#include "inference/io/json_config.h"

#include <cstdint>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"

namespace nava::io {

nlohmann::json parse_json_text(const std::string& text, const std::string& label) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t line = 1, column = 1;
        const std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        for (std::size_t i = 0; i < end; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        std::string what = e.what();
        const auto colon = what.rfind(": ");
        if (colon != std::string::npos) what = what.substr(colon + 2);
        throw FormatError(label + ":" + std::to_string(line) + ":" + std::to_string(column) +
                          ": invalid JSON: " + what);
    }
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_json_text(text.str(), path.string());
}

ConfigReader::ConfigReader(const nlohmann::json& object, std::string label)
    : object_(&object), label_(std::move(label)) {
    if (!object.is_object()) throw ConfigError(label_ + ": expected a JSON object");
}

bool ConfigReader::has(const std::string& key) const {
    return object_->contains(key) && !(*object_)[key].is_null();
}

const nlohmann::json& ConfigReader::value(const std::string& key) const {
    auto it = object_->find(key);
    if (it == object_->end()) throw ConfigError(label_ + ": missing key '" + key + "'");
    return *it;
}

void ConfigReader::wrong_kind(const std::string& key, const char* wanted) const {
    throw ConfigError(label_ + ": key '" + key + "' must be " + wanted + " (found " +
                      (*object_)[key].type_name() + ")");
}

int64_t ConfigReader::get_int(const std::string& key) const {
    const auto& v = value(key);
    if (v.is_number_integer()) return v.get<int64_t>();
    if (v.is_number_float() &&
        v.get<double>() == static_cast<double>(static_cast<int64_t>(v.get<double>())))
        return static_cast<int64_t>(v.get<double>());
    wrong_kind(key, "an integer");
}
int64_t ConfigReader::get_int(const std::string& key, int64_t fallback) const {
    return has(key) ? get_int(key) : fallback;
}

double ConfigReader::get_double(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_number()) wrong_kind(key, "a number");
    return v.get<double>();
}
double ConfigReader::get_double(const std::string& key, double fallback) const {
    return has(key) ? get_double(key) : fallback;
}

bool ConfigReader::get_bool(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_boolean()) wrong_kind(key, "true or false");
    return v.get<bool>();
}
bool ConfigReader::get_bool(const std::string& key, bool fallback) const {
    return has(key) ? get_bool(key) : fallback;
}

std::string ConfigReader::get_string(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_string()) wrong_kind(key, "a string");
    return v.get<std::string>();
}
std::string ConfigReader::get_string(const std::string& key, const std::string& fallback) const {
    return has(key) ? get_string(key) : fallback;
}

std::vector<int64_t> ConfigReader::get_int_list(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_array()) wrong_kind(key, "a list of integers");
    std::vector<int64_t> out;
    for (const auto& x : v) {
        if (!x.is_number_integer()) wrong_kind(key, "a list of integers");
        out.push_back(x.get<int64_t>());
    }
    return out;
}
std::vector<int64_t> ConfigReader::get_int_list(const std::string& key,
                                                const std::vector<int64_t>& fallback) const {
    return has(key) ? get_int_list(key) : fallback;
}

std::vector<double> ConfigReader::get_double_list(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_array()) wrong_kind(key, "a list of numbers");
    std::vector<double> out;
    for (const auto& x : v) {
        if (!x.is_number()) wrong_kind(key, "a list of numbers");
        out.push_back(x.get<double>());
    }
    return out;
}

ConfigReader ConfigReader::child(const std::string& key) const {
    const auto& v = value(key);
    if (!v.is_object()) wrong_kind(key, "an object");
    return ConfigReader(v, label_ + "." + key);
}

}  // namespace nava::io
