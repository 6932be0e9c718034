// catalog_gemini.hpp — Gemini-protocol clients: @google/genai (3.x and ≤2.x), google-genai python,
// @google/generative-ai, @ai-sdk/google and Gemini CLI (docs/clients.md section 3). Internal to the core.
#pragma once

#include <array>

#include "catalog_rules.hpp"

namespace pathwise::catalog {

inline constexpr Text kGeminiSdkAddsVersion{
    "Type the host only: the SDK adds /v1beta itself, so a base ending in /v1beta sends /v1beta/v1beta/models/….",
    "Saisissez seulement l'hôte : le SDK ajoute /v1beta lui-même, une base terminée par /v1beta envoie donc "
    "/v1beta/v1beta/models/….",
    "Escribe solo el host: el SDK añade /v1beta por su cuenta, así que una base que termina en /v1beta envía "
    "/v1beta/v1beta/models/…."};

// ---- @google/genai (Node) -----------------------------------------------------------------------------------

inline constexpr std::array kGenaiNode3EntryPoints = {
    EntryPoint{"code", "httpOptions.baseUrl + apiVersion",
               "const ai = new GoogleGenAI({ apiKey, apiVersion: \"v1beta\", httpOptions: { baseUrl: \"{base}\" } });"},
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"},
};
inline constexpr std::array kGenaiNode2EntryPoints = {
    EntryPoint{"code", "httpOptions.baseUrl",
               "const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: \"{base}\" } });"},
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"},
};
// @google/genai 3.x defaults to API v1, which the proxy does not serve; beta → v1beta (measured 3.1.0).
inline constexpr std::array kGenaiNode3Settings = {
    ExtraSetting{.name = "GOOGLE_GENAI_API_VERSION",
                 .value = "beta",
                 .where = "environment (or apiVersion: \"v1beta\" in new GoogleGenAI({…}))",
                 .sets_api_version = "v1beta",
                 .why = {"@google/genai 3.x calls /v1/models/… by default; the proxy serves the Gemini API under "
                         "/v1beta.",
                         "@google/genai 3.x appelle /v1/models/… par défaut ; le proxy sert l'API Gemini sous "
                         "/v1beta.",
                         "@google/genai 3.x llama a /v1/models/… por defecto; el proxy sirve la API de Gemini en "
                         "/v1beta."}},
};
inline constexpr std::array kGenaiNode3Caveats = {
    Text{"3.x defaults to the v1 API (/v1/models/…): set GOOGLE_GENAI_API_VERSION=beta or apiVersion: \"v1beta\". "
         "A base ending in /v1beta without it sends /v1beta/v1/models/… (it works with apiVersion: \"\" instead).",
         "La 3.x utilise par défaut l'API v1 (/v1/models/…) : réglez GOOGLE_GENAI_API_VERSION=beta ou apiVersion: "
         "\"v1beta\". Sans cela, une base terminée par /v1beta envoie /v1beta/v1/models/… (elle fonctionne en "
         "revanche avec apiVersion: \"\").",
         "La 3.x usa por defecto la API v1 (/v1/models/…): define GOOGLE_GENAI_API_VERSION=beta o apiVersion: "
         "\"v1beta\". Sin ello, una base que termina en /v1beta envía /v1beta/v1/models/… (en cambio funciona con "
         "apiVersion: \"\")."},
    Text{"3.x needs Node 22; on Node 20 npm installs 2.x, whose default is v1beta.",
         "La 3.x exige Node 22 ; sous Node 20, npm installe la 2.x, dont la version par défaut est v1beta.",
         "La 3.x requiere Node 22; con Node 20, npm instala la 2.x, cuya versión por defecto es v1beta."},
};
inline constexpr std::array kGenaiNode2Caveats = {kGeminiSdkAddsVersion};
inline constexpr std::array kGenaiNodeVariants = {
    ClientVariant{.versions = ">=3.0",
                  .min_version = "3.0.0",
                  .measured = "3.1.0",
                  .source = "measured; googleapis/js-genai src/_api_client.ts constructUrl()",
                  .join = kGenaiV1Join,
                  .calls = kGenaiSdkCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kGenaiNode3EntryPoints,
                  .extra_settings = kGenaiNode3Settings,
                  .caveats = kGenaiNode3Caveats},
    ClientVariant{.versions = "<=2.x",
                  .max_version = "3.0.0",
                  .measured = "2.32.0",
                  .source = "measured; googleapis/js-genai src/_api_client.ts constructUrl()",
                  .join = kGenaiV1betaJoin,
                  .calls = kGenaiSdkCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kGenaiNode2EntryPoints,
                  .caveats = kGenaiNode2Caveats},
};

// ---- google-genai (Python) ----------------------------------------------------------------------------------

inline constexpr std::array kGenaiPythonEntryPoints = {
    EntryPoint{"code", "http_options.base_url",
               "client = genai.Client(api_key=key, http_options=types.HttpOptions(base_url=\"{base}\"))"},
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"},
};
inline constexpr std::array kGenaiPythonCaveats = {kGeminiSdkAddsVersion};
inline constexpr std::array kGenaiPythonVariants = {
    ClientVariant{.versions = "2.x",
                  .source = "googleapis/python-genai google/genai/_api_client.py join_url_path()",
                  .join = kGenaiV1betaJoin,
                  .calls = kGenaiSdkCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kGenaiPythonEntryPoints,
                  .caveats = kGenaiPythonCaveats},
};

// ---- @google/generative-ai (legacy) -------------------------------------------------------------------------

inline constexpr std::array kGenerativeAiCalls = {
    ClientCall{.id = "generate",
               .method = Method::post,
               .path = "models/{model}:generateContent",
               .route_id = "gemini.generate_content",
               .trigger = "model.generateContent()"},
    ClientCall{.id = "stream",
               .method = Method::post,
               .path = "models/{model}:streamGenerateContent",
               .query = "alt=sse",
               .route_id = "gemini.stream_generate_content",
               .trigger = "model.generateContentStream()"},
    ClientCall{.id = "count_tokens",
               .method = Method::post,
               .path = "models/{model}:countTokens",
               .route_id = "gemini.count_tokens",
               .trigger = "model.countTokens()"},
};
inline constexpr std::array kGenerativeAiEntryPoints = {
    EntryPoint{"code", "getGenerativeModel(…, { baseUrl })",
               "const model = genAI.getGenerativeModel({ model: \"gemini-2.5-flash\" }, { baseUrl: \"{base}\" });"},
};
inline constexpr std::array kGenerativeAiCaveats = {
    Text{"No trailing slash: this SDK does not normalise slashes, so host/ sends //v1beta/models/….",
         "Pas de barre oblique finale : ce SDK ne normalise pas les barres, donc hôte/ envoie //v1beta/models/….",
         "Sin barra final: este SDK no normaliza las barras, así que host/ envía //v1beta/models/…."},
    kGeminiSdkAddsVersion,
};
inline constexpr std::array kGenerativeAiVariants = {
    ClientVariant{.versions = "0.x",
                  .measured = "0.24.1",
                  .source = "measured; google-gemini/generative-ai-js src/requests/request.ts RequestUrl",
                  .join = kGenerativeAiJoin,
                  .calls = kGenerativeAiCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com",
                  .entry_points = kGenerativeAiEntryPoints,
                  .caveats = kGenerativeAiCaveats},
};

// ---- @ai-sdk/google -----------------------------------------------------------------------------------------

inline constexpr std::array kAiSdkGoogleEntryPoints = {
    EntryPoint{"code", "createGoogleGenerativeAI({ baseURL })",
               "const google = createGoogleGenerativeAI({ baseURL: \"{base}\" });"},
};
inline constexpr std::array kAiSdkGoogleCaveats = {
    Text{"This provider appends only /models/…: the base must end in /v1beta. No environment variable is read.",
         "Ce fournisseur n'ajoute que /models/… : la base doit se terminer par /v1beta. Aucune variable "
         "d'environnement n'est lue.",
         "Este proveedor solo añade /models/…: la base debe terminar en /v1beta. No se lee ninguna variable de "
         "entorno."},
};
inline constexpr std::array kAiSdkGoogleVariants = {
    ClientVariant{.versions = "4.x",
                  .min_version = "4.0.0",
                  .measured = "4.0.121",
                  .source = "measured; vercel/ai packages/google/src/google-provider.ts",
                  .join = kAiSdkJoin,
                  .calls = kAiSdkGoogleCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/v1beta",
                  .entry_points = kAiSdkGoogleEntryPoints,
                  .caveats = kAiSdkGoogleCaveats},
};

// ---- Gemini CLI ---------------------------------------------------------------------------------------------

// Measured 0.61.0: POST /v1beta/models/{m}:streamGenerateContent?alt=sse; without -m the model router first sends
// a JSON-mode :generateContent (docs/clients.md 3.5).
inline constexpr std::array kGeminiCliCalls = {
    ClientCall{.id = "stream",
               .method = Method::post,
               .path = "models/{model}:streamGenerateContent",
               .query = "alt=sse",
               .route_id = "gemini.stream_generate_content",
               .trigger = "gemini -p \"…\" -m gemini-2.5-flash"},
    ClientCall{.id = "generate",
               .method = Method::post,
               .path = "models/{model}:generateContent",
               .route_id = "gemini.generate_content",
               .trigger = "model router classifier (no -m)"},
};
inline constexpr std::array kGeminiCliEntryPoints = {
    EntryPoint{"env", "GOOGLE_GEMINI_BASE_URL", "export GOOGLE_GEMINI_BASE_URL={base}"},
};
inline constexpr std::array kGeminiCliSettings = {
    ExtraSetting{.name = "security.auth.selectedType",
                 .value = "gemini-api-key",
                 .where = "~/.gemini/settings.json",
                 .why = {"With GOOGLE_GEMINI_BASE_URL set, the default auth type is \"gateway\", which -p rejects "
                         "(\"Invalid auth method selected.\", exit 41).",
                         "Avec GOOGLE_GEMINI_BASE_URL, le type d'authentification par défaut devient « gateway », "
                         "que -p refuse (« Invalid auth method selected. », code 41).",
                         "Con GOOGLE_GEMINI_BASE_URL, el tipo de autenticación por defecto pasa a ser «gateway», que "
                         "-p rechaza («Invalid auth method selected.», código 41)."},
                 .required = true},
};
inline constexpr std::array kGeminiCliCaveats = {
    kGeminiSdkAddsVersion,
    Text{"Without -m, the model router's classifier call retries for about 90 s if the reply is not valid JSON.",
         "Sans -m, l'appel de classification du routeur de modèles réessaie pendant environ 90 s si la réponse "
         "n'est pas un JSON valide.",
         "Sin -m, la llamada de clasificación del enrutador de modelos reintenta durante unos 90 s si la respuesta "
         "no es un JSON válido."},
};
inline constexpr std::array kGeminiCliVariants = {
    ClientVariant{.versions = "0.61+",
                  .measured = "0.61.0",
                  .source = "measured; google-gemini/gemini-cli packages/core/src/core/contentGenerator.ts",
                  .join = kGenaiV1betaJoin,
                  .calls = kGeminiCliCalls,
                  .default_base_url = "https://generativelanguage.googleapis.com/",
                  .entry_points = kGeminiCliEntryPoints,
                  .extra_settings = kGeminiCliSettings,
                  .caveats = kGeminiCliCaveats},
};

inline constexpr std::array kGeminiClients = {
    ClientEntry{.id = "google-genai-node",
                .name = "Google Gen AI SDK (Node, @google/genai)",
                .product = "Google Gen AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kGenaiNodeVariants,
                .family = "Gemini SDK (@google/genai)",
                .goog_api_client_prefix = "google-genai-sdk/"},
    ClientEntry{.id = "google-genai-python",
                .name = "Google Gen AI SDK (Python, google-genai)",
                .product = "Google Gen AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kGenaiPythonVariants},
    ClientEntry{.id = "google-generative-ai",
                .name = "@google/generative-ai (legacy)",
                .product = "Google Gen AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kGenerativeAiVariants,
                .goog_api_client_prefix = "genai-js/"},
    ClientEntry{.id = "ai-sdk-google",
                .name = "Vercel AI SDK: @ai-sdk/google",
                .product = "Vercel AI SDK",
                .kind = ClientKind::sdk,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kAiSdkGoogleVariants,
                .family = "@ai-sdk/google",
                .user_agent_prefix = "ai/"},
    ClientEntry{.id = "gemini-cli",
                .name = "Gemini CLI",
                .product = "Gemini CLI",
                .kind = ClientKind::cli,
                .protocol = Protocol::gemini,
                .auth_header = "x-goog-api-key",
                .variants = kGeminiCliVariants,
                .family = "Gemini CLI",
                .user_agent_prefix = "GeminiCLI"},
};

}  // namespace pathwise::catalog
