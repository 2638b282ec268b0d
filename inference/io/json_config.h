// Reading JSON configuration files with messages that name the file and the key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nava::io {

// Parses a JSON file; IoError when unreadable, FormatError "file:line:column: message" when
// malformed.
nlohmann::json read_json_file(const std::filesystem::path& path);
nlohmann::json parse_json_text(const std::string& text, const std::string& label);

// Typed access to one JSON object. Getters without a default throw nava::ConfigError when the
// key is absent; every getter throws when the value has the wrong kind.
class ConfigReader {
public:
    ConfigReader(const nlohmann::json& object, std::string label);

    bool has(const std::string& key) const;
    int64_t get_int(const std::string& key) const;
    int64_t get_int(const std::string& key, int64_t fallback) const;
    double get_double(const std::string& key) const;
    double get_double(const std::string& key, double fallback) const;
    bool get_bool(const std::string& key) const;
    bool get_bool(const std::string& key, bool fallback) const;
    std::string get_string(const std::string& key) const;
    std::string get_string(const std::string& key, const std::string& fallback) const;
    std::vector<int64_t> get_int_list(const std::string& key) const;
    std::vector<int64_t> get_int_list(const std::string& key,
                                      const std::vector<int64_t>& fallback) const;
    std::vector<double> get_double_list(const std::string& key) const;
    ConfigReader child(const std::string& key) const;

    const nlohmann::json& json() const { return *object_; }
    const std::string& label() const { return label_; }

private:
    const nlohmann::json& value(const std::string& key) const;
    [[noreturn]] void wrong_kind(const std::string& key, const char* wanted) const;

    const nlohmann::json* object_;
    std::string label_;
};

}  // namespace nava::io
