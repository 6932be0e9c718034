// The request record's field list is the wire format of GET /_pathwise/requests: the proxy encodes with it and
// the wizard decodes with it. These tests walk it the way both edges do, with a JSON-free stand-in.
#include "pathwise/request_record.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace pathwise {
namespace {

// Each value as text, keyed by its JSON name: what an encoder sees.
using Encoded = std::map<std::string, std::string>;

template <class Value>
std::string as_text(const Value& value) {
    if constexpr (std::is_same_v<Value, std::string>) {
        return value;
    } else {
        return std::to_string(value);
    }
}

Encoded encode(const RequestRecord& record) {
    Encoded out;
    for_each_field(record, [&](const char* name, const auto& value) { out[name] = as_text(value); });
    return out;
}

RequestRecord decode(const Encoded& in) {
    RequestRecord record;
    for_each_field(record, [&](const char* name, auto& value) {
        using Value = std::decay_t<decltype(value)>;
        const auto it = in.find(name);
        if (it == in.end()) return;
        if constexpr (std::is_same_v<Value, std::string>) {
            value = it->second;
        } else if constexpr (std::is_same_v<Value, double>) {
            value = std::stod(it->second);
        } else if constexpr (std::is_same_v<Value, bool>) {
            value = it->second == "1";
        } else if constexpr (std::is_unsigned_v<Value>) {
            value = static_cast<Value>(std::stoull(it->second));
        } else {
            value = static_cast<Value>(std::stoll(it->second));
        }
    });
    return record;
}

RequestRecord streamed_miss() {
    RequestRecord record;
    record.unix_ms = 1'795'000'000'123;
    record.method = "POST";
    record.path = "/v1beta/models/m:streamGenerateContent?key=REDACTED&alt=sse";
    record.route_id = "gemini.stream_generate_content";
    record.diagnosis_kind = "duplicated_version_prefix";
    record.diagnosis = "The base URL already ends in /v1beta.";
    record.fixed_base_url = "http://127.0.0.1:8045";
    record.repaired_to = "/v1beta/models/m:streamGenerateContent";
    record.client = "gemini-cli";
    record.client_version = "0.61.0";
    record.client_fix = "Sent by Gemini CLI 0.61.0: set GOOGLE_GEMINI_BASE_URL to http://127.0.0.1:8045.";
    record.header_names = "content-type,user-agent,x-goog-api-client,x-goog-api-key";
    record.status = 502;
    record.upstream = "https://generativelanguage.googleapis.com";
    record.error = "first-byte timeout";
    record.duration_ms = 12.5;
    record.bytes_in = 4'294'967'296;  // above 32 bits: the wizard once kept these in a narrower type
    record.bytes_out = 310;
    record.streamed = true;
    return record;
}

TEST(RequestRecord, WireNames_AreTheOnesTheProxyServesAndTheWizardReads) {
    std::vector<std::string> names;
    const RequestRecord record;
    for_each_field(record, [&](const char* name, const auto&) { names.emplace_back(name); });
    const std::vector<std::string> expected = {
        "unix_ms",     "method",      "path",           "route_id",   "diagnosis_kind", "diagnosis", "fixed_base_url",
        "repaired_to", "client",      "client_version", "client_fix", "header_names",   "status",    "upstream",
        "error",       "duration_ms", "bytes_in",       "bytes_out",  "streamed"};
    EXPECT_EQ(names, expected);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size()) << "a name used twice";
}

TEST(RequestRecord, EveryField_SurvivesEncodeThenDecode) {
    const RequestRecord sent = streamed_miss();
    const RequestRecord got = decode(encode(sent));
    EXPECT_EQ(got.unix_ms, sent.unix_ms);
    EXPECT_EQ(got.method, sent.method);
    EXPECT_EQ(got.path, sent.path);
    EXPECT_EQ(got.route_id, sent.route_id);
    EXPECT_EQ(got.diagnosis_kind, sent.diagnosis_kind);
    EXPECT_EQ(got.diagnosis, sent.diagnosis);
    EXPECT_EQ(got.fixed_base_url, sent.fixed_base_url);
    EXPECT_EQ(got.repaired_to, sent.repaired_to);
    EXPECT_EQ(got.client, sent.client);
    EXPECT_EQ(got.client_version, sent.client_version);
    EXPECT_EQ(got.client_fix, sent.client_fix);
    EXPECT_EQ(got.header_names, sent.header_names);
    EXPECT_EQ(got.status, sent.status);
    EXPECT_EQ(got.upstream, sent.upstream);
    EXPECT_EQ(got.error, sent.error);
    EXPECT_DOUBLE_EQ(got.duration_ms, sent.duration_ms);
    EXPECT_EQ(got.bytes_in, sent.bytes_in);
    EXPECT_EQ(got.bytes_out, sent.bytes_out);
    EXPECT_EQ(got.streamed, sent.streamed);
}

}  // namespace
}  // namespace pathwise
