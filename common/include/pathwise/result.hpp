// result.hpp — a value-or-error type for the core's API (std::expected is not in libc++ 14).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pathwise {

// An error a person can act on: `code` is stable (tests, JSON), `message` is English text
// that says what was wrong and what to do; translated text comes from i18n.hpp.
struct Error {
    std::string code;
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T& value() const& { return std::get<0>(data_); }
    [[nodiscard]] T& value() & { return std::get<0>(data_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(data_)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(data_); }
    const T* operator->() const { return &std::get<0>(data_); }
    const T& operator*() const { return std::get<0>(data_); }

private:
    std::variant<T, Error> data_;
};

}  // namespace pathwise
