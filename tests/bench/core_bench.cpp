// core_bench — how long the core's pure functions take, the numbers behind "instant" in the wizard and the
// doctor. Targets: resolving every catalog client for one typed base URL < 20 µs in total; diagnosing one
// path < 2 µs (the proxy runs it on every 404).
#include <benchmark/benchmark.h>

#include "pathwise/client_catalog.hpp"
#include "pathwise/diagnosis.hpp"
#include "pathwise/resolution.hpp"
#include "pathwise/share_link.hpp"
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

}  // namespace

BENCHMARK_MAIN();
