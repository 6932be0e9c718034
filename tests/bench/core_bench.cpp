// core_bench — how long the core's pure functions take, the numbers behind "instant" in the wizard and the
// doctor. Targets: resolving every catalog client for one typed base URL < 20 µs in total; diagnosing one
// path < 2 µs (the proxy runs it on every 404). The Translate* ones give what translation adds per streamed
// event ("s/event"), against the pass-through reference in the same run: finding each event's end and copying it.
#include <benchmark/benchmark.h>

#include "pathwise/client_catalog.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/share_link.hpp"
#include "pathwise/translate/stream.hpp"
#include "pathwise/url.hpp"

namespace {

constexpr std::string_view kTypedBaseUrl = "http://127.0.0.1:8045/v1";
constexpr std::string_view kOrigin = "http://127.0.0.1:8045";

void ResolveEveryClient_OneTypedBase(benchmark::State& state) {
    std::size_t calls = 0;
    for (auto _ : state) {
        for (const pathwise::ClientEntry& client : pathwise::client_catalog()) {
            auto resolution = pathwise::resolve_client(client, "", kTypedBaseUrl);
            benchmark::DoNotOptimize(resolution);
            if (resolution) calls += resolution->calls.size();
        }
    }
    state.counters["clients"] = static_cast<double>(pathwise::client_catalog().size());
    benchmark::DoNotOptimize(calls);
}
BENCHMARK(ResolveEveryClient_OneTypedBase)->Unit(benchmark::kMicrosecond);

// The wizard's "all clients" view: the typed base is parsed once, then every client's newest variant resolved.
void ResolveEveryClient_ParsedOnce(benchmark::State& state) {
    for (auto _ : state) {
        const auto base = pathwise::parse_base_url(kTypedBaseUrl);
        for (const pathwise::ClientEntry& client : pathwise::client_catalog()) {
            auto resolution = pathwise::resolve_client(client, pathwise::pick_variant(client, ""), base.value());
            benchmark::DoNotOptimize(resolution);
        }
    }
}
BENCHMARK(ResolveEveryClient_ParsedOnce)->Unit(benchmark::kMicrosecond);

void DiagnoseOnePath_DoubledV1Messages(benchmark::State& state) {
    pathwise::RequestFacts request;
    request.method = pathwise::Method::post;
    request.target = "/v1/v1/messages?beta=true";
    for (auto _ : state) {
        auto diagnosis = pathwise::diagnose_request(request, kOrigin);
        benchmark::DoNotOptimize(diagnosis);
    }
}
BENCHMARK(DiagnoseOnePath_DoubledV1Messages)->Unit(benchmark::kNanosecond);

void DiagnoseOnePath_NestedFullEndpoint(benchmark::State& state) {
    pathwise::RequestFacts request;
    request.method = pathwise::Method::post;
    request.target = "/v1/chat/completions/responses";
    for (auto _ : state) {
        auto diagnosis = pathwise::diagnose_request(request, kOrigin);
        benchmark::DoNotOptimize(diagnosis);
    }
}
BENCHMARK(DiagnoseOnePath_NestedFullEndpoint)->Unit(benchmark::kNanosecond);

void LikelyClients_OnePath(benchmark::State& state) {
    pathwise::RequestFacts request;
    request.method = pathwise::Method::post;
    request.target = "/v1/v1/messages?beta=true";
    for (auto _ : state) {
        auto clients = pathwise::likely_clients(request, kOrigin);
        benchmark::DoNotOptimize(clients);
    }
}
BENCHMARK(LikelyClients_OnePath)->Unit(benchmark::kMicrosecond);

void RecommendEveryClient(benchmark::State& state) {
    for (auto _ : state) {
        for (const pathwise::ClientEntry& client : pathwise::client_catalog()) {
            auto recommendation = pathwise::recommend(client, "", kOrigin);
            benchmark::DoNotOptimize(recommendation);
        }
    }
}
BENCHMARK(RecommendEveryClient)->Unit(benchmark::kMicrosecond);

pathwise::WizardState typical_state() {
    pathwise::WizardState wizard;
    wizard.proxy_origin = "http://127.0.0.1:8045";
    wizard.client_id = "google-genai-node";
    wizard.client_version = "3.1.0";
    wizard.typed_base_url = "http://127.0.0.1:8045/v1beta";
    wizard.log_path = "/v1beta/v1/models/gemini-2.5-flash:generateContent?alt=sse";
    wizard.lang = pathwise::Lang::fr;
    wizard.lang_explicit = true;
    wizard.view = pathwise::WizardView::check;
    return wizard;
}

void ShareLinkEncode(benchmark::State& state) {
    const pathwise::WizardState wizard = typical_state();
    for (auto _ : state) {
        auto fragment = pathwise::encode_share_link(wizard);
        benchmark::DoNotOptimize(fragment);
    }
}
BENCHMARK(ShareLinkEncode)->Unit(benchmark::kNanosecond);

void ShareLinkDecode(benchmark::State& state) {
    const std::string fragment = pathwise::encode_share_link(typical_state());
    for (auto _ : state) {
        auto decoded = pathwise::decode_share_link(fragment);
        benchmark::DoNotOptimize(decoded);
    }
}
BENCHMARK(ShareLinkDecode)->Unit(benchmark::kNanosecond);

// ---- streamed translation, per event ---------------------------------------------------------------------

constexpr int kStreamTokens = 200;

// An upstream's stream as it arrives: one network read per event, real-shaped (each provider's documented form).
std::vector<std::string> upstream_stream(pathwise::translate::Protocol protocol) {
    using pathwise::translate::Protocol;
    std::vector<std::string> reads;
    const std::string token = R"( word)";
    switch (protocol) {
        case Protocol::openai_chat: {
            const std::string head =
                R"(data: {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk",)"
                R"("created":1741570283,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_fc9f1d7035","choices":)";
            reads.push_back(head + R"([{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})"
                                   "\n\n");
            for (int i = 0; i < kStreamTokens; ++i) {
                reads.push_back(head + R"([{"index":0,"delta":{"content":")" + token +
                                R"("},"logprobs":null,"finish_reason":null}]})" + "\n\n");
            }
            reads.push_back(head + R"([{"index":0,"delta":{},"finish_reason":"stop"}]})" + "\n\n");
            reads.emplace_back("data: [DONE]\n\n");
            break;
        }
        case Protocol::anthropic:
            reads.emplace_back(
                "event: message_start\ndata: "
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
                "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_"
                "reason\":null,"
                "\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n");
            reads.emplace_back(
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
            for (int i = 0; i < kStreamTokens; ++i) {
                reads.push_back(
                    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    "\"delta\":{\"type\":\"text_delta\",\"text\":\"" +
                    token + "\"}}\n\n");
            }
            reads.emplace_back("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
            reads.emplace_back(
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n");
            reads.emplace_back("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            break;
        case Protocol::gemini:
            for (int i = 0; i < kStreamTokens; ++i) {
                reads.push_back("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + token +
                                "\"}],\"role\":\"model\"},\"index\":0" +
                                (i + 1 == kStreamTokens ? std::string(",\"finishReason\":\"STOP\"") : std::string()) +
                                "}],\"usageMetadata\":{\"promptTokenCount\":9},\"modelVersion\":\"gemini-2.5-flash\","
                                "\"responseId\":\"mAitaLmkHPPlz7IPvtfUqQ4\"}\r\n\r\n");
            }
            break;
        case Protocol::openai_responses: {
            reads.emplace_back(
                "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                "{\"id\":\"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654\",\"object\":\"response\","
                "\"status\":\"in_progress\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"usage\":null}}\n\n");
            reads.emplace_back(
                "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\","
                "\"sequence_number\":1,\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\","
                "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}\n\n");
            for (int i = 0; i < kStreamTokens; ++i) {
                reads.push_back(
                    "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                    "\"sequence_number\":" +
                    std::to_string(i + 2) +
                    ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + token +
                    "\",\"logprobs\":[]}\n\n");
            }
            reads.emplace_back(
                "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":"
                "\"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654\",\"status\":\"completed\",\"output\":[],"
                "\"usage\":{\"input_tokens\":9,\"output_tokens\":200,\"total_tokens\":209}}}\n\n");
            break;
        }
    }
    return reads;
}

// The reference: what a pass-through relay does per event (find the blank line, hand the bytes on).
void Translate_Reference_PassThroughFraming(benchmark::State& state) {
    const auto reads = upstream_stream(pathwise::translate::Protocol::openai_chat);
    for (auto _ : state) {
        std::string pending;
        std::string out;
        for (const std::string& read : reads) {
            pending += read;
            for (std::size_t end; (end = pending.find("\n\n")) != std::string::npos;) {
                out.append(pending, 0, end + 2);
                pending.erase(0, end + 2);
            }
        }
        benchmark::DoNotOptimize(out);
    }
    state.counters["event"] = benchmark::Counter(
        static_cast<double>(reads.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(Translate_Reference_PassThroughFraming)->Unit(benchmark::kMicrosecond);

// Decode the upstream's stream and encode it for the client, read by read, as the proxy does.
void TranslateStream(benchmark::State& state, pathwise::translate::Protocol from, pathwise::translate::Protocol to) {
    const auto reads = upstream_stream(from);
    std::size_t out_bytes = 0;
    for (auto _ : state) {
        auto decoder = pathwise::translate::make_stream_decoder(from);
        auto encoder = pathwise::translate::make_stream_encoder(to);
        std::vector<pathwise::translate::StreamEvent> events;
        std::string out;
        for (const std::string& read : reads) {
            if (!decoder->feed(read, events)) state.SkipWithError("the stream did not decode");
            for (const auto& event : events) out += encoder->encode(event);
            events.clear();
        }
        if (!decoder->finish(events)) state.SkipWithError("the stream did not finish");
        for (const auto& event : events) out += encoder->encode(event);
        out += encoder->end();
        out_bytes = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.counters["event"] = benchmark::Counter(
        static_cast<double>(reads.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["out_bytes"] = static_cast<double>(out_bytes);
}
BENCHMARK_CAPTURE(TranslateStream, OpenAiChat_to_Anthropic, pathwise::translate::Protocol::openai_chat,
                  pathwise::translate::Protocol::anthropic)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(TranslateStream, OpenAiChat_to_Gemini, pathwise::translate::Protocol::openai_chat,
                  pathwise::translate::Protocol::gemini)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(TranslateStream, Anthropic_to_OpenAiChat, pathwise::translate::Protocol::anthropic,
                  pathwise::translate::Protocol::openai_chat)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(TranslateStream, Gemini_to_OpenAiChat, pathwise::translate::Protocol::gemini,
                  pathwise::translate::Protocol::openai_chat)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(TranslateStream, OpenAiResponses_to_Anthropic, pathwise::translate::Protocol::openai_responses,
                  pathwise::translate::Protocol::anthropic)
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
