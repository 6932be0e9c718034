// json_reader.hpp — type-checked reads from a parsed body that never throw and name the field that was wrong.
//
//   JsonReader in;
//   auto model = in.required_string(body, "model", "");     // "model: required string is missing"
//   if (in.failed()) return in.error();
//
// nlohmann/json throws on a wrong-typed get(), and the wasm build cannot catch exceptions, so every read here
// checks the type first. Private to the codecs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathwise/result.hpp"
#include "pathwise/translate/codec.hpp"

namespace pathwise::translate {

using Json = nlohmann::json;

[[nodiscard]] std::string field_path(std::string_view parent, std::string_view key);  // "a.b"
[[nodiscard]] std::string index_path(std::string_view parent, std::size_t index);     // "a[3]"
[[nodiscard]] std::string_view json_type_name(const Json& value);                     // "a string", "null", …

// Parses a whole body: bounded nesting first (input_limits.hpp), no exceptions, and it must be an object.
[[nodiscard]] Result<Json> parse_body(std::string_view body);
// Parses JSON text kept in the IR (tool arguments, schemas); nullopt when it is not valid JSON.
[[nodiscard]] std::optional<Json> parse_fragment(std::string_view text);
// Compact JSON text; invalid UTF-8 is replaced instead of throwing.
[[nodiscard]] std::string dump_json(const Json& value);

class JsonReader {
public:
    [[nodiscard]] bool failed() const { return error_.has_value(); }
    [[nodiscard]] const Error& error() const { return *error_; }
    // Keeps the first problem only: later reads see failed() and the first cause is what the user reads.
    void fail(std::string_view code, std::string_view path, std::string_view message);

    // The member, or nullptr when it is absent or JSON null (both mean "not given" in these protocols).
    [[nodiscard]] static const Json* member(const Json& object, std::string_view key);

    [[nodiscard]] std::optional<std::string> string(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] std::optional<std::int64_t> integer(const Json& object, std::string_view key,
                                                      std::string_view path);  // >= 0
    [[nodiscard]] std::optional<double> number(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] std::optional<bool> boolean(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] const Json* array(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] const Json* object(const Json& object, std::string_view key, std::string_view path);

    [[nodiscard]] std::string required_string(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] const Json* required_array(const Json& object, std::string_view key, std::string_view path);
    [[nodiscard]] const Json* required_object(const Json& object, std::string_view key, std::string_view path);
    // A value that must itself be an object (an array element); fails and returns false otherwise.
    bool expect_object(const Json& value, std::string_view path);

private:
    void wrong_type(std::string_view path, std::string_view expected, const Json& got);
    std::optional<Error> error_;
};

// Collects the warnings of one decode or encode.
class WarningList {
public:
    void add(std::string field, std::string message);
    // One warning per member of `object` not in `known`: nothing the IR does not carry is dropped silently.
    void unknown_members(const Json& object, std::initializer_list<std::string_view> known, std::string_view path,
                         std::string_view why);
    [[nodiscard]] std::vector<Warning> take() { return std::move(list_); }

private:
    std::vector<Warning> list_;
};

}  // namespace pathwise::translate
