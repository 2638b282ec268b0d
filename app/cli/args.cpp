#include "app/cli/args.h"

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace nava::cli {

ArgParser::ArgParser(std::string command, std::string summary)
    : command_(std::move(command)), summary_(std::move(summary)) {
    flag("help", "show this help and exit");
}

ArgParser& ArgParser::option(const std::string& name, const std::string& value_name,
                             const std::string& help, const std::string& default_value) {
    options_.push_back({name, value_name, help, default_value});
    return *this;
}

ArgParser& ArgParser::flag(const std::string& name, const std::string& help) {
    options_.push_back({name, "", help, ""});
    return *this;
}

ArgParser& ArgParser::positional(const std::string& name, const std::string& help, bool required) {
    positionals_.push_back({name, help, required});
    return *this;
}

ArgParser& ArgParser::allow_extra_positionals() {
    allow_extra_ = true;
    return *this;
}

ArgParser& ArgParser::epilog(const std::string& text) {
    epilog_ = text;
    return *this;
}

const OptionSpec* ArgParser::find(const std::string& name) const {
    for (const auto& o : options_)
        if (o.name == name) return &o;
    return nullptr;
}

bool ArgParser::parse(const std::vector<std::string>& args) {
    std::vector<std::string> positional_args;
    bool only_positionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (only_positionals || a.size() < 2 || a[0] != '-' || a == "-") {
            positional_args.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        if (a == "-h") {
            std::cout << help_text();
            return false;
        }
        if (a.rfind("--", 0) != 0)
            throw UsageError("unknown option '" + a + "' (options are written --name)");
        std::string name = a.substr(2);
        std::optional<std::string> inline_value;
        const auto eq = name.find('=');
        if (eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* spec = find(name);
        if (!spec) throw UsageError("unknown option '--" + name + "'");
        if (name == "help") {
            std::cout << help_text();
            return false;
        }
        if (spec->value_name.empty()) {
            if (inline_value) throw UsageError("option '--" + name + "' takes no value");
            values_[name] = "1";
            continue;
        }
        if (inline_value) {
            values_[name] = *inline_value;
        } else {
            if (i + 1 >= args.size())
                throw UsageError("option '--" + name + "' needs a value (" + spec->value_name +
                                 ")");
            values_[name] = args[++i];
        }
    }
    std::size_t next = 0;
    for (const auto& p : positionals_) {
        if (next < positional_args.size()) {
            positional_values_[p.name] = positional_args[next++];
        } else if (p.required) {
            throw UsageError("missing argument " + p.name);
        }
    }
    for (; next < positional_args.size(); ++next)
        extra_.push_back(positional_args[next]);
    if (!extra_.empty() && !allow_extra_)
        throw UsageError("unexpected argument '" + extra_.front() + "'");
    return true;
}

std::string ArgParser::help_text() const {
    std::ostringstream s;
    s << "usage: " << command_;
    for (const auto& p : positionals_)
        s << (p.required ? " " + p.name : " [" + p.name + "]");
    s << " [options]\n\n" << summary_ << "\n";
    if (!positionals_.empty()) {
        s << "\narguments:\n";
        for (const auto& p : positionals_)
            s << "  " << p.name << "\n      " << p.help << "\n";
    }
    s << "\noptions:\n";
    for (const auto& o : options_) {
        s << "  --" << o.name;
        if (!o.value_name.empty()) s << " " << o.value_name;
        s << "\n      " << o.help;
        if (!o.default_value.empty()) s << " (default: " << o.default_value << ")";
        s << "\n";
    }
    if (!epilog_.empty()) s << "\n" << epilog_ << "\n";
    return s.str();
}

bool ArgParser::has(const std::string& name) const {
    return values_.count(name) > 0;
}

std::string ArgParser::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    const OptionSpec* spec = find(name);
    return spec ? spec->default_value : std::string();
}

std::optional<std::string> ArgParser::get_optional(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

double ArgParser::get_double(const std::string& name) const {
    const std::string v = get(name);
    char* end = nullptr;
    errno = 0;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || !end || *end != '\0' || errno == ERANGE)
        throw UsageError("option '--" + name + "' needs a number, got '" + v + "'");
    return d;
}

long long ArgParser::get_int(const std::string& name) const {
    const std::string v = get(name);
    char* end = nullptr;
    errno = 0;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || !end || *end != '\0' || errno == ERANGE)
        throw UsageError("option '--" + name + "' needs an integer, got '" + v + "'");
    return n;
}

std::string ArgParser::positional_value(const std::string& name) const {
    auto it = positional_values_.find(name);
    return it == positional_values_.end() ? std::string() : it->second;
}

}  // namespace nava::cli
