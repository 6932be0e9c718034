// diagnosis_text.cpp — a diagnosis told to a person, in English, French and Spanish: what went wrong, the
// route it was meant for, and exactly what to type instead. Terminology is the words people search for in the
// peers' troubleshooting guides (docs/peers.md): "Base URL", "préfixe /v1 en double", "chemin imbriqué",
// "prefijo /v1 duplicado", "ruta superpuesta".
#include <array>
#include <cstddef>

#include "pathwise/diagnosis.hpp"

namespace pathwise {
namespace {

constexpr std::size_t kKindCount = static_cast<std::size_t>(DiagnosisKind::unknown) + 1;

// One language's sentences. In `cause`: {1} the request as seen (query redacted), {2} the wrong part,
// {3} the intended path, {4} a kind-specific detail (the expected method, the version, the proxy origin).
struct Phrases {
    std::array<std::string_view, kKindCount> title;
    std::array<std::string_view, kKindCount> cause;
    std::string_view doubled_gemini_v1_cause;    // "/v1beta/v1/…": @google/genai 3.x adding v1 after a typed /v1beta
    std::string_view gemini_v1_from_base_cause;  // a client that adds no version, given a base ending in /v1
    std::string_view client_sends;               // {1} client name, {2} appended part, {3} typed base, {4} request
    std::string_view route_meant;                // {1} method, {2} path
    std::string_view set_base;                   // {1} base
    std::string_view set_base_for_client;        // {1} client name, {2} base
    std::string_view set_base_without_slash;     // {1} base
    std::string_view set_base_and_v1beta;        // {1} base
    std::string_view omits_version_instead;      // {1} base
    std::string_view depends_on_client;          // {1} version, {2} clients that add it, {3} base, {4} tail
    std::string_view depends_on_client_end;      // {1} clients that omit it, {2} base
    std::string_view genai_also_v1beta;
    std::string_view keep_base_use_method;   // {1} method
    std::string_view remove_trailing_slash;  // {1} endpoint URL
    std::string_view websocket_nothing_to_do;
    std::string_view websocket_base_is_right;  // {1} base
    std::string_view check_base_url;           // {1} origin (after the list of routes)
    std::string_view check_typed_base;         // {1} origin
    std::string_view routes_served;            // {1} list
    std::string_view also_set;                 // {1} name, {2} value, {3} where, {4} why
    std::string_view keep_setting;             // {1} name, {2} value, {3} where, {4} why
    std::string_view needs_public_url;         // {1} client name
    std::string_view query_ignored;            // {1} query (redacted)
    std::string_view client_all_routed;        // {1} client name, {2} typed base
    std::string_view works_through_fallback;   // {1} client name, {2} typed base, {3} method, {4} failing path
};

constexpr Phrases kEnglish{
    .title = {"Path OK", "Wrong HTTP method", "Trailing slash", "Double slash in the path", "Duplicated /v1 prefix",
              "Nested path (a full endpoint typed as the base URL)", "Missing version prefix",
              "Gemini v1 instead of v1beta", "Doubled Gemini API version", "Prefix of another protocol",
              "Path prefix this proxy does not serve", "WebSocket upgrade not supported", "Wrong host or port",
              "Unknown path"},
    .cause =
        {
            "The request {1} reaches the route {3}: the path is right, nothing to fix.",
            "{1} is a real route, but it takes {4}, not {2}.",
            "The path {1} ends with a '/' that the route {3} does not have.",
            "The path {1} contains '//': the base URL ends with '/' and the client adds a path that starts with "
            "'/' without removing one.",
            "The path {1} repeats {2}: your base URL ends in {2} and this client adds {2} itself.",
            "The path {1} nests one endpoint inside another: the base URL already holds the full endpoint {2}, and "
            "the client appended its own path after it (no client strips an endpoint from a base URL).",
            "The path {1} has no version prefix: the base URL stops at the host and this client does not add {4} "
            "itself.",
            "The path {1} uses the Gemini API version v1 ({2}): @google/genai 3.x uses v1 by default, but this "
            "proxy serves Gemini under /v1beta.",
            "The path {1} carries two API versions: your base URL ends in {2} and the client adds its own version "
            "after it.",
            "The path {1} puts this call under {2}, the prefix of another protocol (/v1beta is Gemini's; /v1 is "
            "OpenAI's and Anthropic's).",
            "The path {1} starts with {2}, a prefix this proxy does not serve: its routes start at the root "
            "(/v1/…, /v1beta/…).",
            "The client asked to upgrade {1} to a WebSocket ({2}); Codex tries the Responses API over WebSocket "
            "first. This proxy does not speak WebSocket: it answers 4xx at once, and the client falls back to "
            "{4} {3}.",
            "The base URL points to {2}, but the proxy listens on {4}.",
            "No route matches {1}, and it does not look like a known base-URL mistake.",
        },
    .doubled_gemini_v1_cause =
        "The path {1} carries two API versions ({2}): your base URL ends in a version and "
        "@google/genai 3.x adds its default version, v1, after it.",
    .gemini_v1_from_base_cause =
        "The path {1} uses the Gemini API version v1 ({2}) because your base URL ends in /v1 and this client adds "
        "no version itself; this proxy serves Gemini under /v1beta.",
    .client_sends = "{1} appends {2} to the base URL you typed ({3}), so it sends {4}.",
    .route_meant = "The route meant is {1} {2}.",
    .set_base = "Set the base URL to {1}.",
    .set_base_for_client = "For {1}, set the base URL to {2}.",
    .set_base_without_slash = "Set the base URL to {1}, without the trailing '/'.",
    .set_base_and_v1beta =
        "Set the base URL to {1} (host only) and the API version to v1beta: environment "
        "variable GOOGLE_GENAI_API_VERSION=beta, or apiVersion: 'v1beta' in the client's "
        "httpOptions.",
    .omits_version_instead =
        "A client that appends only /models/… itself (such as @ai-sdk/google) needs the base "
        "URL {1} instead.",
    .depends_on_client =
        "The fix depends on the client: if it adds {1} itself ({2}), set the base URL to {3}; if "
        "it appends only {4}",
    .depends_on_client_end = " ({1}), set it to {2}.",
    .genai_also_v1beta =
        "With @google/genai 3.x, also set the API version to v1beta (GOOGLE_GENAI_API_VERSION=beta, "
        "or apiVersion: 'v1beta').",
    .keep_base_use_method =
        "Your base URL is fine; send the request with {1} (opening the address in a browser "
        "sends GET).",
    .remove_trailing_slash = "Remove the trailing '/' from the address you configured: the endpoint is {1}.",
    .websocket_nothing_to_do = "Nothing to change if the POST that follows succeeds.",
    .websocket_base_is_right = "Nothing to change if the POST that follows succeeds: the base URL {1} is right.",
    .check_base_url = "Check that the base URL points to this proxy ({1}) and compare the path with this list.",
    .check_typed_base =
        "Check the base URL you typed: it must point to this proxy ({1}) with no stray '/' or extra "
        "path.",
    .routes_served = "This proxy serves: {1}.",
    .also_set = "Also set {1}={2} — {3}. {4}",
    .keep_setting = "Keep {1}={2} set as well — {3}. {4}",
    .needs_public_url =
        "{1} makes its calls from its own servers, so 127.0.0.1 is out of its reach: expose the "
        "proxy on a public URL (a tunnel) and type that address instead.",
    .query_ignored = "(Query: ?{1} — the proxy ignores it when matching routes.)",
    .client_all_routed = "With the base URL {2}, every call from {1} reaches a route: nothing to fix.",
    .works_through_fallback =
        "With the base URL {2}, {1} reaches its routes only through its fallback: {3} {4} fails first, then it "
        "retries another path.",
};

constexpr Phrases kFrench{
    .title = {"Chemin correct", "Mauvaise méthode HTTP", "Barre oblique finale en trop",
              "Double barre oblique dans le chemin", "Préfixe /v1 en double",
              "Chemin imbriqué (endpoint complet saisi comme Base URL)", "Préfixe de version manquant",
              "Gemini v1 au lieu de v1beta", "Version de l'API Gemini en double", "Préfixe d'un autre protocole",
              "Préfixe de chemin que ce proxy ne sert pas", "Passage en WebSocket non pris en charge",
              "Mauvais hôte ou port", "Chemin inconnu"},
    .cause =
        {
            "La requête {1} atteint la route {3} : le chemin est correct, rien à corriger.",
            "{1} est bien une route, mais elle attend la méthode {4}, pas {2}.",
            "Le chemin {1} se termine par un « / » que la route {3} n'a pas.",
            "Le chemin {1} contient « // » : la Base URL se termine par « / » et le client ajoute un chemin qui "
            "commence par « / » sans en retirer un.",
            "Le chemin {1} répète {2} (préfixe {2} en double) : votre Base URL se termine par {2} et ce client "
            "ajoute {2} lui-même.",
            "Le chemin {1} est un chemin imbriqué : la Base URL contient déjà l'endpoint complet {2}, et le client "
            "a ajouté son propre chemin à la suite (aucun client ne retire un endpoint d'une Base URL).",
            "Le chemin {1} n'a pas de préfixe de version : la Base URL s'arrête à l'hôte et ce client n'ajoute pas "
            "{4} lui-même.",
            "Le chemin {1} utilise la version v1 de l'API Gemini ({2}) : @google/genai 3.x utilise v1 par défaut, "
            "mais ce proxy sert Gemini sous /v1beta.",
            "Le chemin {1} contient deux versions d'API : votre Base URL se termine par {2} et le client ajoute sa "
            "propre version à la suite.",
            "Le chemin {1} place cet appel sous {2}, le préfixe d'un autre protocole (/v1beta est celui de Gemini ; "
            "/v1, celui d'OpenAI et d'Anthropic).",
            "Le chemin {1} commence par {2}, un préfixe que ce proxy ne sert pas : ses routes partent de la racine "
            "(/v1/…, /v1beta/…).",
            "Le client a demandé à passer {1} en WebSocket ({2}) ; Codex essaie d'abord l'API Responses en "
            "WebSocket. Ce proxy ne parle pas WebSocket : il répond aussitôt par une erreur 4xx, et le client se "
            "rabat sur {4} {3}.",
            "La Base URL pointe vers {2}, mais le proxy écoute sur {4}.",
            "Aucune route ne correspond à {1}, et ce chemin ne ressemble à aucune erreur de Base URL connue.",
        },
    .doubled_gemini_v1_cause =
        "Le chemin {1} contient deux versions d'API ({2}) : votre Base URL se termine par "
        "une version et @google/genai 3.x ajoute à la suite sa version par défaut, v1.",
    .gemini_v1_from_base_cause =
        "Le chemin {1} utilise la version v1 de l'API Gemini ({2}) parce que votre Base URL se termine par /v1 et "
        "que ce client n'ajoute aucune version lui-même ; ce proxy sert Gemini sous /v1beta.",
    .client_sends = "{1} ajoute {2} à la Base URL que vous avez saisie ({3}) ; il envoie donc {4}.",
    .route_meant = "La route visée est {1} {2}.",
    .set_base = "Saisissez comme Base URL : {1}.",
    .set_base_for_client = "Pour {1}, saisissez comme Base URL : {2}.",
    .set_base_without_slash = "Saisissez comme Base URL : {1}, sans « / » final.",
    .set_base_and_v1beta =
        "Saisissez comme Base URL {1} (l'hôte seul) et réglez la version de l'API sur v1beta : "
        "variable d'environnement GOOGLE_GENAI_API_VERSION=beta, ou apiVersion: 'v1beta' dans "
        "les httpOptions du client.",
    .omits_version_instead =
        "Un client qui ajoute seulement /models/… lui-même (comme @ai-sdk/google) a besoin de "
        "la Base URL {1} à la place.",
    .depends_on_client =
        "La correction dépend du client : s'il ajoute {1} lui-même ({2}), saisissez comme Base "
        "URL {3} ; s'il ajoute seulement {4}",
    .depends_on_client_end = " ({1}), saisissez {2}.",
    .genai_also_v1beta =
        "Avec @google/genai 3.x, réglez aussi la version de l'API sur v1beta "
        "(GOOGLE_GENAI_API_VERSION=beta, ou apiVersion: 'v1beta').",
    .keep_base_use_method =
        "Votre Base URL est correcte ; envoyez la requête avec la méthode {1} (ouvrir "
        "l'adresse dans un navigateur envoie un GET).",
    .remove_trailing_slash = "Retirez le « / » final de l'adresse configurée : l'endpoint est {1}.",
    .websocket_nothing_to_do = "Rien à changer si le POST qui suit aboutit.",
    .websocket_base_is_right = "Rien à changer si le POST qui suit aboutit : la Base URL {1} est correcte.",
    .check_base_url = "Vérifiez que la Base URL pointe vers ce proxy ({1}) et comparez le chemin avec cette liste.",
    .check_typed_base =
        "Vérifiez la Base URL saisie : elle doit pointer vers ce proxy ({1}), sans « / » ni chemin "
        "en trop.",
    .routes_served = "Ce proxy sert : {1}.",
    .also_set = "Réglez aussi {1}={2} — {3}. {4}",
    .keep_setting = "Gardez aussi {1}={2} — {3}. {4}",
    .needs_public_url =
        "{1} envoie ses requêtes depuis ses propres serveurs, pour lesquels 127.0.0.1 est "
        "inaccessible : exposez le proxy sur une URL publique (un tunnel) et saisissez plutôt "
        "cette adresse.",
    .query_ignored = "(Paramètres de requête : ?{1} — le proxy n'en tient pas compte pour choisir la route.)",
    .client_all_routed = "Avec la Base URL {2}, chaque appel envoyé par {1} atteint une route : rien à corriger.",
    .works_through_fallback =
        "Avec la Base URL {2}, {1} n'atteint ses routes que grâce à son repli : {3} {4} échoue d'abord, puis il "
        "réessaie un autre chemin.",
};

constexpr Phrases kSpanish{
    .title = {"Ruta correcta", "Método HTTP incorrecto", "Barra final sobrante", "Doble barra en la ruta",
              "Prefijo /v1 duplicado", "Ruta superpuesta (endpoint completo escrito como Base URL)",
              "Falta el prefijo de versión", "Gemini v1 en lugar de v1beta", "Versión de la API de Gemini duplicada",
              "Prefijo de otro protocolo", "Prefijo de ruta que este proxy no sirve",
              "Actualización a WebSocket no admitida", "Host o puerto incorrecto", "Ruta desconocida"},
    .cause =
        {
            "La solicitud {1} llega a la ruta {3}: la ruta es correcta, no hay nada que corregir.",
            "{1} es una ruta válida, pero espera el método {4}, no {2}.",
            "La ruta solicitada {1} termina en una «/» que la ruta {3} no tiene.",
            "La ruta solicitada {1} contiene «//»: la Base URL termina en «/» y el cliente añade una ruta que "
            "empieza por «/» sin quitar ninguna.",
            "La ruta solicitada {1} repite {2} (prefijo {2} duplicado): tu Base URL termina en {2} y este cliente "
            "añade {2} por sí mismo.",
            "La ruta solicitada {1} es una ruta superpuesta: la Base URL ya contiene el endpoint completo {2} y el "
            "cliente concatenó su propia ruta detrás (ningún cliente quita un endpoint de una Base URL).",
            "La ruta solicitada {1} no tiene prefijo de versión: la Base URL termina en el host y este cliente no "
            "añade {4} por sí mismo.",
            "La ruta solicitada {1} usa la versión v1 de la API de Gemini ({2}): @google/genai 3.x usa v1 por "
            "defecto, pero este proxy sirve Gemini bajo /v1beta.",
            "La ruta solicitada {1} lleva dos versiones de la API: tu Base URL termina en {2} y el cliente añade su "
            "propia versión detrás.",
            "La ruta solicitada {1} pone esta llamada bajo {2}, el prefijo de otro protocolo (/v1beta es el de "
            "Gemini; /v1, el de OpenAI y Anthropic).",
            "La ruta solicitada {1} empieza por {2}, un prefijo que este proxy no sirve: sus rutas parten de la raíz "
            "(/v1/…, /v1beta/…).",
            "El cliente pidió actualizar {1} a WebSocket ({2}); Codex prueba primero la API Responses por "
            "WebSocket. Este proxy no habla WebSocket: responde enseguida con un error 4xx y el cliente recurre a "
            "{4} {3}.",
            "La Base URL apunta a {2}, pero el proxy escucha en {4}.",
            "Ninguna ruta coincide con {1}, y no parece ningún error de Base URL conocido.",
        },
    .doubled_gemini_v1_cause =
        "La ruta solicitada {1} lleva dos versiones de la API ({2}): tu Base URL termina en "
        "una versión y @google/genai 3.x añade detrás su versión por defecto, v1.",
    .gemini_v1_from_base_cause =
        "La ruta solicitada {1} usa la versión v1 de la API de Gemini ({2}) porque tu Base URL termina en /v1 y este "
        "cliente no añade ninguna versión por sí mismo; este proxy sirve Gemini bajo /v1beta.",
    .client_sends = "{1} añade {2} a la Base URL que escribiste ({3}), así que envía {4}.",
    .route_meant = "La ruta prevista es {1} {2}.",
    .set_base = "Escribe como Base URL: {1}.",
    .set_base_for_client = "Para {1}, escribe como Base URL: {2}.",
    .set_base_without_slash = "Escribe como Base URL: {1}, sin «/» final.",
    .set_base_and_v1beta =
        "Escribe como Base URL {1} (solo el host) y fija la versión de la API en v1beta: "
        "variable de entorno GOOGLE_GENAI_API_VERSION=beta, o apiVersion: 'v1beta' en las "
        "httpOptions del cliente.",
    .omits_version_instead =
        "Un cliente que añade solo /models/… por sí mismo (como @ai-sdk/google) necesita la "
        "Base URL {1} en su lugar.",
    .depends_on_client =
        "La corrección depende del cliente: si añade {1} por sí mismo ({2}), escribe como Base URL "
        "{3}; si añade solo {4}",
    .depends_on_client_end = " ({1}), escribe {2}.",
    .genai_also_v1beta =
        "Con @google/genai 3.x, fija también la versión de la API en v1beta "
        "(GOOGLE_GENAI_API_VERSION=beta, o apiVersion: 'v1beta').",
    .keep_base_use_method =
        "Tu Base URL es correcta; envía la solicitud con el método {1} (abrir la dirección en "
        "un navegador envía un GET).",
    .remove_trailing_slash = "Quita la «/» final de la dirección configurada: el endpoint es {1}.",
    .websocket_nothing_to_do = "No hay nada que cambiar si el POST siguiente funciona.",
    .websocket_base_is_right =
        "No hay nada que cambiar si el POST siguiente funciona: la Base URL {1} es "
        "correcta.",
    .check_base_url =
        "Comprueba que la Base URL apunta a este proxy ({1}) y compara la ruta solicitada con esta lista.",
    .check_typed_base = "Revisa la Base URL que escribiste: debe apuntar a este proxy ({1}), sin «/» ni ruta de más.",
    .routes_served = "Este proxy sirve: {1}.",
    .also_set = "Configura también {1}={2} — {3}. {4}",
    .keep_setting = "Mantén también {1}={2} — {3}. {4}",
    .needs_public_url =
        "{1} hace sus llamadas desde sus propios servidores, que no pueden alcanzar 127.0.0.1: "
        "expón el proxy en una URL pública (un túnel) y escribe esa dirección.",
    .query_ignored = "(Parámetros de consulta: ?{1}; el proxy no los tiene en cuenta para elegir la ruta.)",
    .client_all_routed = "Con la Base URL {2}, todas las llamadas de {1} llegan a una ruta: no hay nada que corregir.",
    .works_through_fallback =
        "Con la Base URL {2}, {1} solo llega a sus rutas gracias a su mecanismo de respaldo: {3} {4} falla primero "
        "y luego reintenta con otra ruta.",
};

const Phrases& phrases(Lang lang) {
    switch (lang) {
        case Lang::fr:
            return kFrench;
        case Lang::es:
            return kSpanish;
        case Lang::en:
            break;
    }
    return kEnglish;
}

std::size_t index_of(DiagnosisKind kind) {
    const auto index = static_cast<std::size_t>(kind);
    return index < kKindCount ? index : kKindCount - 1;
}

// Which clients add the version themselves and which append only the tail (docs/clients.md 2.1–2.4, 3.1–3.5).
struct VersionExamples {
    std::string_view adds;
    std::string_view omits;
};
VersionExamples version_examples(Protocol protocol) {
    if (protocol == Protocol::gemini) return {"@google/genai, Gemini CLI", "@ai-sdk/google"};
    return {"Anthropic SDK, Claude Code", "@ai-sdk/anthropic"};
}

void add_sentence(std::string& out, const std::string& sentence) {
    if (sentence.empty()) return;
    if (!out.empty()) out += ' ';
    out += sentence;
}

void append_settings(std::string& out, std::string_view pattern, const std::vector<const ExtraSetting*>& settings,
                     Lang lang) {
    for (const ExtraSetting* setting : settings) {
        if (setting == nullptr) continue;
        add_sentence(out,
                     pathwise::fill(pattern, setting->name, setting->value, setting->where, setting->why.in(lang)));
    }
}

std::string routes_list() {
    std::string list;
    for (const Route& route : route_table()) {
        if (route.protocol == Protocol::service && route.id != "healthz") continue;
        if (!list.empty()) list += ", ";
        list += method_name(route.method);
        list += ' ';
        list += route.pattern;
    }
    return list;
}

// The part of the intended path after its version: "/v1/messages" → "/messages".
std::string_view tail_of(std::string_view intended_path, std::string_view& version) {
    if (intended_path.size() > 1) {
        const std::size_t second = intended_path.find('/', 1);
        if (second != std::string_view::npos) {
            version = intended_path.substr(0, second);
            return intended_path.substr(second);
        }
    }
    version = {};
    return intended_path;
}

}  // namespace

std::string_view title(DiagnosisKind kind, Lang lang) {
    return phrases(lang).title[index_of(kind)];
}

std::string explain(const Diagnosis& d, Lang lang) {
    const Phrases& p = phrases(lang);
    if (d.kind == DiagnosisKind::ok && d.seen_path.empty()) {
        // diagnose_client found no failing call: there is no request to talk about.
        if (d.client == nullptr) return {};
        std::string out;
        if (!d.fixed_base_url.empty() && !d.wrong_part.empty()) {
            out = pathwise::fill(p.works_through_fallback, d.client->name, d.typed_base_url, method_name(d.method),
                                 d.wrong_part);
            add_sentence(out, pathwise::fill(p.set_base_for_client, d.client->name, d.fixed_base_url));
        } else {
            out = pathwise::fill(p.client_all_routed, d.client->name, d.typed_base_url);
        }
        append_settings(out, p.keep_setting, d.settings_needed, lang);
        if (d.client_cannot_reach_origin) add_sentence(out, pathwise::fill(p.needs_public_url, d.client->name));
        return out;
    }
    std::string request_seen = d.seen_path;
    if (!d.seen_query.empty()) request_seen += "?" + d.seen_query;  // already redacted
    const std::string_view route_method = d.intended != nullptr ? method_name(d.intended->method) : "";
    std::string_view version;
    const std::string_view tail = tail_of(d.intended_path, version);

    std::string out;
    if (d.client != nullptr && !d.client_part.empty()) {
        std::string sent =
            d.method == Method::other ? request_seen : std::string(method_name(d.method)) + " " + request_seen;
        add_sentence(out, pathwise::fill(p.client_sends, d.client->name, d.client_part, d.typed_base_url, sent));
    }

    std::string_view detail;
    switch (d.kind) {
        case DiagnosisKind::wrong_method:
        case DiagnosisKind::websocket_upgrade:
            detail = route_method;
            break;
        case DiagnosisKind::missing_version_prefix:
            detail = version;
            break;
        case DiagnosisKind::wrong_host_or_port:
            detail = d.proxy_origin;
            break;
        default:
            break;
    }
    const bool genai_doubled = d.kind == DiagnosisKind::doubled_gemini_version && d.needs_api_version_v1beta;
    // Known client whose own path carries no "/v1" (@ai-sdk/google): the v1 came from the typed base, not genai.
    const bool v1_from_base = d.kind == DiagnosisKind::gemini_v1_instead_of_v1beta && d.client != nullptr &&
                              d.client_part.rfind("/v1/", 0) != 0;
    const std::string_view cause = genai_doubled  ? p.doubled_gemini_v1_cause
                                   : v1_from_base ? p.gemini_v1_from_base_cause
                                                  : p.cause[index_of(d.kind)];
    add_sentence(out, pathwise::fill(cause, request_seen, d.wrong_part, d.intended_path, detail));

    const bool says_route_already = d.kind == DiagnosisKind::ok || d.kind == DiagnosisKind::trailing_slash ||
                                    d.kind == DiagnosisKind::websocket_upgrade;
    if (d.intended != nullptr && !says_route_already)
        add_sentence(out, pathwise::fill(p.route_meant, route_method, d.intended_path));

    switch (d.kind) {
        case DiagnosisKind::ok:
            break;
        case DiagnosisKind::wrong_method:
            add_sentence(out, pathwise::fill(p.keep_base_use_method, route_method));
            break;
        case DiagnosisKind::trailing_slash:
            add_sentence(out, pathwise::fill(p.remove_trailing_slash, d.proxy_origin + d.intended_path));
            break;
        case DiagnosisKind::websocket_upgrade:
            add_sentence(out, d.fixed_base_url.empty() ? std::string(p.websocket_nothing_to_do)
                                                       : pathwise::fill(p.websocket_base_is_right, d.fixed_base_url));
            break;
        case DiagnosisKind::unknown:
            add_sentence(out, pathwise::fill(p.routes_served, routes_list()));
            add_sentence(out, pathwise::fill(p.check_base_url, d.proxy_origin));
            break;
        default:
            if (!d.fixed_base_url.empty()) {
                if (d.needs_api_version_v1beta && d.client == nullptr) {
                    add_sentence(out, pathwise::fill(p.set_base_and_v1beta, d.fixed_base_url));
                } else if (d.client != nullptr) {
                    add_sentence(out, pathwise::fill(p.set_base_for_client, d.client->name, d.fixed_base_url));
                } else if (d.kind == DiagnosisKind::double_slash) {
                    add_sentence(out, pathwise::fill(p.set_base_without_slash, d.fixed_base_url));
                } else {
                    add_sentence(out, pathwise::fill(p.set_base, d.fixed_base_url));
                }
                if (!d.base_url_if_client_omits_version.empty() && d.client == nullptr) {
                    add_sentence(out, pathwise::fill(p.omits_version_instead, d.base_url_if_client_omits_version));
                }
            } else if (!d.base_url_if_client_adds_version.empty()) {
                const VersionExamples examples =
                    version_examples(d.intended != nullptr ? d.intended->protocol : d.protocol);
                std::string sentence = pathwise::fill(p.depends_on_client, version, examples.adds,
                                                      d.base_url_if_client_adds_version, tail);
                sentence += pathwise::fill(p.depends_on_client_end, examples.omits, d.base_url_if_client_omits_version);
                add_sentence(out, sentence);
                if (d.needs_api_version_v1beta) add_sentence(out, std::string(p.genai_also_v1beta));
            } else {
                add_sentence(out, pathwise::fill(p.check_typed_base, d.proxy_origin));
            }
            break;
    }

    append_settings(out, p.also_set, d.settings_needed, lang);
    if (d.client != nullptr && d.client_cannot_reach_origin)
        add_sentence(out, pathwise::fill(p.needs_public_url, d.client->name));
    if (!d.seen_query.empty() && d.kind != DiagnosisKind::unknown)
        add_sentence(out, pathwise::fill(p.query_ignored, d.seen_query));
    return out;
}

}  // namespace pathwise
