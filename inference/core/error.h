// Error types of the engine. Libraries throw these; the CLI and the UI catch them at the facade
// and show the message. Messages name the file, tensor or key involved.
#pragma once

#include <stdexcept>
#include <string>

namespace nava {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file could not be opened, read, mapped or written.
class IoError : public Error {
public:
    using Error::Error;
};

// A file was read but its contents are malformed (bad header, bad offsets, bad JSON).
class FormatError : public Error {
public:
    using Error::Error;
};

// A configuration is missing a key or holds a value of the wrong kind.
class ConfigError : public Error {
public:
    using Error::Error;
};

// Weights do not fit the module they are loaded into.
class StateDictError : public Error {
public:
    using Error::Error;
};

// The user asked for something this build cannot do (yet).
class NotImplementedError : public Error {
public:
    using Error::Error;
};

}  // namespace nava
