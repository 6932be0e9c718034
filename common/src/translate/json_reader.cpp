// json_reader.cpp — the codecs' no-throw JSON reads and their error messages.
#include "json_reader.hpp"

#include <algorithm>

#include "pathwise/input_limits.hpp"

namespace pathwise::translate {

std::string field_path(std::string_view parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    std::string out(parent);
    out += '.';
    out += key;
    return out;
}

std::string index_path(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string_view json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return "a number";
        default:
            return "an unsupported value";
    }
}

Result<Json> parse_body(std::string_view body) {
    if (json_nesting_exceeds(body, kMaxJsonNesting)) {
        return Error{"too_deep", "body: JSON nests deeper than " + std::to_string(kMaxJsonNesting) + " levels"};
    }
    Json parsed = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        return Error{"malformed_json", "body: not valid JSON (UTF-8 text holding one JSON value)"};
    }
    if (!parsed.is_object()) {
        return Error{"wrong_type",
                     std::string("body: expected a JSON object, got ") + std::string(json_type_name(parsed))};
    }
    return parsed;
}

std::optional<Json> parse_fragment(std::string_view text) {
    if (json_nesting_exceeds(text, kMaxJsonNesting)) return std::nullopt;
    Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
}

std::string dump_json(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void JsonReader::fail(std::string_view code, std::string_view path, std::string_view message) {
    if (error_) return;
    std::string text(path.empty() ? std::string_view("body") : path);
    text += ": ";
    text += message;
    error_ = Error{std::string(code), std::move(text)};
}

void JsonReader::wrong_type(std::string_view path, std::string_view expected, const Json& got) {
    fail("wrong_type", path, "expected " + std::string(expected) + ", got " + std::string(json_type_name(got)));
}

const Json* JsonReader::member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return nullptr;
    return &*found;
}

std::optional<std::string> JsonReader::string(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return std::nullopt;
    if (!value->is_string()) {
        wrong_type(field_path(path, key), "a string", *value);
        return std::nullopt;
    }
    return value->get_ref<const std::string&>();
}

std::optional<std::int64_t> JsonReader::integer(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return std::nullopt;
    if (value->is_number_unsigned()) {
        const auto unsigned_value = value->get<std::uint64_t>();
        if (unsigned_value <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(unsigned_value);
    } else if (value->is_number_integer()) {
        fail("bad_value", field_path(path, key), "must not be negative");
        return std::nullopt;
    }
    if (value->is_number_float()) {
        // Clients written in JavaScript may send 1024.0; accept whole numbers only.
        const double as_double = value->get<double>();
        if (as_double >= 0 && as_double <= 9.0e15 &&
            as_double == static_cast<double>(static_cast<std::int64_t>(as_double))) {
            return static_cast<std::int64_t>(as_double);
        }
    }
    wrong_type(field_path(path, key), "a non-negative integer", *value);
    return std::nullopt;
}

std::optional<double> JsonReader::number(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return std::nullopt;
    if (!value->is_number()) {
        wrong_type(field_path(path, key), "a number", *value);
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<bool> JsonReader::boolean(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return std::nullopt;
    if (!value->is_boolean()) {
        wrong_type(field_path(path, key), "true or false", *value);
        return std::nullopt;
    }
    return value->get<bool>();
}

const Json* JsonReader::array(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return nullptr;
    if (!value->is_array()) {
        wrong_type(field_path(path, key), "an array", *value);
        return nullptr;
    }
    return value;
}

const Json* JsonReader::object(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = member(object, key);
    if (value == nullptr || failed()) return nullptr;
    if (!value->is_object()) {
        wrong_type(field_path(path, key), "an object", *value);
        return nullptr;
    }
    return value;
}

std::string JsonReader::required_string(const Json& object, std::string_view key, std::string_view path) {
    auto value = string(object, key, path);
    if (!value && !failed()) fail("missing_field", field_path(path, key), "required string is missing");
    return value.value_or(std::string());
}

const Json* JsonReader::required_array(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = array(object, key, path);
    if (value == nullptr && !failed()) fail("missing_field", field_path(path, key), "required array is missing");
    return value;
}

const Json* JsonReader::required_object(const Json& object, std::string_view key, std::string_view path) {
    const Json* value = this->object(object, key, path);
    if (value == nullptr && !failed()) fail("missing_field", field_path(path, key), "required object is missing");
    return value;
}

bool JsonReader::expect_object(const Json& value, std::string_view path) {
    if (failed()) return false;
    if (!value.is_object()) {
        wrong_type(path, "an object", value);
        return false;
    }
    return true;
}

void WarningList::add(std::string field, std::string message) {
    list_.push_back(Warning{std::move(field), std::move(message)});
}

void WarningList::unknown_members(const Json& object, std::initializer_list<std::string_view> known,
                                  std::string_view path, std::string_view why) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->is_null()) continue;  // null means "not given"
        const std::string& key = it.key();
        if (std::find(known.begin(), known.end(), std::string_view(key)) != known.end()) continue;
        add(field_path(path, key), std::string(why));
    }
}

}  // namespace pathwise::translate
