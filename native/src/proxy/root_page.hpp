// root_page.hpp — what GET / answers: the route table and the base URL to type per client family (JSON, for
// `Accept: application/json`), or, when the wizard is not built, an HTML page with the same table.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pathwise::proxy {

struct ClientFamilyBaseUrl {
    std::string family;     // "OpenAI SDKs, Codex, LangChain"
    std::string client_id;  // the catalog entry it was derived from ("openai-node")
    std::string base_url;   // "http://127.0.0.1:8045/v1"
    std::string also_set;   // settings needed besides the base URL: "GOOGLE_GENAI_API_VERSION=beta", "" when none
};

// Derived from the core's `recommend` for the catalog entries that carry a `family` label, in catalog order.
[[nodiscard]] std::vector<ClientFamilyBaseUrl> base_urls_by_family(std::string_view proxy_origin);

// {"name":"pathwise","version","origin","wizard","base_urls":[{family,client_id,base_url,also_set}],
//  "routes":[{id,method,path,protocol,purpose}]}
[[nodiscard]] nlohmann::json root_document(std::string_view proxy_origin);

// Served at / when web_root has no index.html: says how to build the wizard and lists the base URLs.
[[nodiscard]] std::string wizard_missing_page(std::string_view proxy_origin, std::string_view web_root);

}  // namespace pathwise::proxy
