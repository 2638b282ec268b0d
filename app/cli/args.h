// A small, strict command-line parser: declared options only, one clear message otherwise.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace nava::cli {

// Bad command line; main() prints "nava <cmd>: <message>" and exits with status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;        // without the leading dashes, e.g. "out"
    std::string value_name;  // empty for a flag without a value
    std::string help;
    std::string default_value;  // shown in --help
};

class ArgParser {
public:
    ArgParser(std::string command, std::string summary);

    ArgParser& option(const std::string& name, const std::string& value_name,
                      const std::string& help, const std::string& default_value = "");
    ArgParser& flag(const std::string& name, const std::string& help);
    ArgParser& positional(const std::string& name, const std::string& help, bool required = true);
    ArgParser& epilog(const std::string& text);
    // Accept any number of further positional arguments (see extra_positionals()).
    ArgParser& allow_extra_positionals();

    // Returns false when --help was given (the help text has been printed).
    bool parse(const std::vector<std::string>& args);

    std::string help_text() const;
    bool has(const std::string& name) const;
    std::string get(const std::string& name) const;  // value or default ("" if none)
    std::optional<std::string> get_optional(const std::string& name) const;
    double get_double(const std::string& name) const;
    long long get_int(const std::string& name) const;
    std::string positional_value(const std::string& name) const;
    const std::vector<std::string>& extra_positionals() const { return extra_; }

private:
    struct Positional {
        std::string name;
        std::string help;
        bool required;
    };
    const OptionSpec* find(const std::string& name) const;

    std::string command_;
    std::string summary_;
    std::string epilog_;
    std::vector<OptionSpec> options_;
    std::vector<Positional> positionals_;
    std::map<std::string, std::string> values_;
    std::map<std::string, std::string> positional_values_;
    std::vector<std::string> extra_;
    bool allow_extra_ = false;
};

}  // namespace nava::cli
