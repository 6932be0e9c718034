// messages.hpp — the command line's own words in every language (labels, headings, verdicts). Diagnosis
// paragraphs and titles come from the core (diagnosis.hpp); usage errors stay in English, like the core's Error.
#pragma once

#include "pathwise/i18n.hpp"

namespace pathwise::cli::msg {

// French typography puts a space before a colon.
inline constexpr Text kColon{":", " :", ":"};

// doctor --client
inline constexpr Text kClient{"Client", "Client", "Cliente"};
inline constexpr Text kVersions{"Versions", "Versions", "Versiones"};
inline constexpr Text kTypedBaseUrl{"Typed base URL", "Base URL saisie", "Base URL escrita"};
inline constexpr Text kCallsHeading{"Requests this client will send", "Requêtes que ce client enverra",
                                    "Peticiones que enviará este cliente"};
inline constexpr Text kLegend{"^ from the base URL you typed    ~ added by the client",
                              "^ vient de la Base URL saisie    ~ ajouté par le client",
                              "^ viene de la Base URL escrita    ~ añadido por el cliente"};
inline constexpr Text kHitsRoute{"reaches route", "atteint la route", "llega a la ruta"};
inline constexpr Text kNoRoute{"no route: the proxy answers 404", "aucune route : le proxy répond 404",
                               "ninguna ruta: el proxy responde 404"};
inline constexpr Text kWebsocketUpgrade{
    "WebSocket upgrade attempt: the proxy declines it at once and the client falls back to POST",
    "tentative de passage en WebSocket : le proxy la refuse aussitôt et le client se rabat sur POST",
    "intento de cambio a WebSocket: el proxy lo rechaza enseguida y el cliente pasa a POST"};
inline constexpr Text kOtherRoute{
    "lands on route {1} of another API: the answer has that API's shape, which this client reads as empty",
    "tombe sur la route {1} d'une autre API : la réponse a la forme de cette API, que ce client lit comme vide",
    "cae en la ruta {1} de otra API: la respuesta tiene la forma de esa API, que este cliente lee como vacía"};
inline constexpr Text kOtherRouteRefused{
    "lands on route {1} of another API: the proxy knows this client from its headers and answers 404 with the fix",
    "tombe sur la route {1} d'une autre API : le proxy reconnaît ce client à ses en-têtes et répond 404 avec la "
    "correction",
    "cae en la ruta {1} de otra API: el proxy reconoce a este cliente por sus cabeceras y responde 404 con la "
    "solución"};
inline constexpr Text kNotSent{"not sent: only when '{1}' misses", "non envoyée : seulement si '{1}' échoue",
                               "no se envía: solo si '{1}' falla"};
inline constexpr Text kRetriedBy{"the client then retries with '{1}'", "le client réessaie alors avec '{1}'",
                                 "el cliente reintenta entonces con '{1}'"};
inline constexpr Text kVerdict{"Verdict", "Verdict", "Veredicto"};
inline constexpr Text kAllRouted{"every request reaches a route", "chaque requête atteint une route",
                                 "cada petición llega a una ruta"};
inline constexpr Text kFixHeading{"Fix", "Correction", "Solución"};
inline constexpr Text kSetupHeading{"Setup", "Configuration", "Configuración"};
inline constexpr Text kTypeThisBase{"Type this base URL", "Saisissez cette Base URL", "Escribe esta Base URL"};
inline constexpr Text kWhere{"Where", "Où", "Dónde"};
inline constexpr Text kAlsoSet{"Also set", "Réglez aussi", "Configura también"};
inline constexpr Text kRequired{"Required", "Obligatoire", "Obligatorio"};
// {1} "name=value", {2} the client's name
inline constexpr Text kAllRoutedOnceSet{
    "every request reaches a route once {1} is set (required: without it {2} exits before sending anything)",
    "chaque requête atteint une route une fois {1} réglé (obligatoire : sans lui, {2} s'arrête avant d'envoyer quoi "
    "que ce soit)",
    "cada petición llega a una ruta una vez configurado {1} (obligatorio: sin él, {2} termina antes de enviar nada)"};
inline constexpr Text kAlreadyApplied{"applied", "appliqué", "aplicado"};
inline constexpr Text kVerifyHeading{"Check that it works", "Vérifiez que ça marche", "Comprueba que funciona"};
inline constexpr Text kServedByHeading{"Served by (serve's config)", "Servi par (config de serve)",
                                       "Servido por (config de serve)"};
inline constexpr Text kTranslated{"translated", "traduit", "traducido"};
inline constexpr Text kPassedThrough{"passed through", "transmis tel quel", "reenviado tal cual"};
inline constexpr Text kEstimated{"estimated by Pathwise (1 token per 4 bytes)",
                                 "estimé par Pathwise (1 jeton pour 4 octets)",
                                 "estimado por Pathwise (1 token cada 4 bytes)"};
inline constexpr Text kNotTranslated{"not translated (501)", "non traduit (501)", "no traducido (501)"};
inline constexpr Text kNotesHeading{"Good to know", "Bon à savoir", "Conviene saber"};
inline constexpr Text kUnreachable{
    "This client's requests are made by its vendor's servers, so they cannot reach a proxy on this machine "
    "(127.0.0.1). Expose the proxy at a public HTTPS address (a tunnel) and type that address instead.",
    "Les requêtes de ce client partent des serveurs de son éditeur : elles ne peuvent pas atteindre un proxy sur "
    "cette machine (127.0.0.1). Exposez le proxy à une adresse HTTPS publique (un tunnel) et saisissez-la à la place.",
    "Las peticiones de este cliente salen de los servidores de su fabricante: no pueden llegar a un proxy en esta "
    "máquina (127.0.0.1). Publica el proxy en una dirección HTTPS pública (un túnel) y escribe esa dirección."};
inline constexpr Text kPublicAddress{"https://<your-public-address>", "https://<votre-adresse-publique>",
                                     "https://<tu-dirección-pública>"};
inline constexpr Text kUnreachableTitle{"unreachable from this client", "injoignable depuis ce client",
                                        "inalcanzable desde este cliente"};

// doctor PATH
inline constexpr Text kRequest{"Request", "Requête", "Petición"};
inline constexpr Text kDiagnosis{"Diagnosis", "Diagnostic", "Diagnóstico"};
inline constexpr Text kMeantFor{"Meant for", "Destinée à", "Destinada a"};
inline constexpr Text kWrongPart{"Wrong part", "Partie fautive", "Parte errónea"};
inline constexpr Text kTypeInstead{"Base URL to type", "Base URL à saisir", "Base URL que escribir"};
inline constexpr Text kDependsOnClient{"depends on the client: run `pathwise doctor --client ID BASE_URL`",
                                       "dépend du client : lancez `pathwise doctor --client ID BASE_URL`",
                                       "depende del cliente: ejecuta `pathwise doctor --client ID BASE_URL`"};
inline constexpr Text kIfAddsVersion{"{1}  if the client adds the API version itself (e.g. /v1/messages)",
                                     "{1}  si le client ajoute lui-même la version de l'API (ex. /v1/messages)",
                                     "{1}  si el cliente añade él mismo la versión de la API (p. ej. /v1/messages)"};
inline constexpr Text kIfOmitsVersion{"{1}  if the client appends only the endpoint (e.g. /messages, /models/…)",
                                      "{1}  si le client n'ajoute que le point d'accès (ex. /messages, /models/…)",
                                      "{1}  si el cliente solo añade el endpoint (p. ej. /messages, /models/…)"};
inline constexpr Text kLikelyClients{"Likely clients", "Clients probables", "Clientes probables"};
inline constexpr Text kNone{"none found", "aucun trouvé", "ninguno encontrado"};
inline constexpr Text kUnknownMethod{"(method unknown)", "(méthode inconnue)", "(método desconocido)"};

// clients, routes
inline constexpr Text kName{"Name", "Nom", "Nombre"};
inline constexpr Text kProtocol{"Protocol", "Protocole", "Protocolo"};
inline constexpr Text kTypeFor{"Type this for {1}", "À saisir pour {1}", "Escribe esto para {1}"};
inline constexpr Text kNeedsPublicUrl{"(needs a public URL)", "(exige une URL publique)", "(requiere una URL pública)"};
inline constexpr Text kPlusSetting{"+ {1}", "+ {1}", "+ {1}"};
inline constexpr Text kMethod{"Method", "Méthode", "Método"};
inline constexpr Text kPath{"Path", "Chemin", "Ruta"};
inline constexpr Text kRoute{"Route", "Route", "Ruta"};
inline constexpr Text kPurpose{"Purpose", "Rôle", "Uso"};
inline constexpr Text kStreams{"Streams", "Flux", "Streaming"};
inline constexpr Text kYes{"yes", "oui", "sí"};
inline constexpr Text kNo{"no", "non", "no"};

// link
inline constexpr Text kLinkState{"Share link state", "État du lien de partage", "Estado del enlace compartido"};
inline constexpr Text kProxyOrigin{"Proxy origin", "Origine du proxy", "Origen del proxy"};
inline constexpr Text kClientVersion{"Client version", "Version du client", "Versión del cliente"};
inline constexpr Text kLogPath{"Log path", "Chemin du journal", "Ruta del registro"};
inline constexpr Text kLanguage{"Language", "Langue", "Idioma"};
inline constexpr Text kView{"View", "Vue", "Vista"};
inline constexpr Text kNotSet{"(not set)", "(non défini)", "(sin definir)"};
inline constexpr Text kFollowBrowser{"(follows the browser)", "(suit le navigateur)", "(según el navegador)"};
inline constexpr Text kIgnored{"Ignored", "Ignoré", "Ignorado"};
inline constexpr Text kReceipt{"Failure receipt", "Reçu d'échec", "Recibo del fallo"};
inline constexpr Text kReceiptRequest{"Request", "Requête", "Petición"};
inline constexpr Text kReceiptQueryKeys{"Query keys", "Clés de la query", "Claves de la query"};
inline constexpr Text kReceiptHeaderNames{"Header names", "Noms d'en-têtes", "Nombres de cabeceras"};
inline constexpr Text kReceiptStatus{"Status", "Statut", "Estado"};

// scan
inline constexpr Text kScanHeading{"Clients on this machine (HOME {1}, project {2})",
                                   "Clients de cette machine (HOME {1}, projet {2})",
                                   "Clientes de esta máquina (HOME {1}, proyecto {2})"};
inline constexpr Text kScanNotProbed{"--no-probe: paths checked, nothing contacted",
                                     "--no-probe : chemins vérifiés, rien contacté",
                                     "--no-probe: rutas comprobadas, nada contactado"};
inline constexpr Text kScanNothingFound{"No client setting found, and no known client on PATH.",
                                        "Aucun réglage de client trouvé, et aucun client connu dans le PATH.",
                                        "Ningún ajuste de cliente encontrado, y ningún cliente conocido en el PATH."};
inline constexpr Text kScanDefaults{"installed, no base URL set: it uses its own default (not this proxy)",
                                    "installé, aucune base URL réglée : il utilise sa valeur par défaut (pas ce proxy)",
                                    "instalado, sin base URL: usa su valor por defecto (no este proxy)"};
inline constexpr Text kInEnvironment{"environment", "environnement", "entorno"};
inline constexpr Text kScanKeySet{"(set; never shown)", "(défini ; jamais affiché)", "(definida; nunca se muestra)"};
inline constexpr Text kScanNotUsed{"not used: {1}", "non utilisé : {1}", "no se usa: {1}"};
inline constexpr Text kScanUnknownProvider{"{1}: the catalog has no joining rules for it yet, so no prediction",
                                           "{1} : le catalogue n'a pas encore ses règles, pas de prédiction",
                                           "{1}: el catálogo aún no tiene sus reglas, sin predicción"};
inline constexpr Text kScanClientIs{"{1} ({2}) sends:", "{1} ({2}) envoie :", "{1} ({2}) envía:"};
inline constexpr Text kScanNewest{"newest known behaviour", "comportement le plus récent connu",
                                  "comportamiento más reciente conocido"};
inline constexpr Text kScanTypeInstead{"use instead: {1}", "utilisez plutôt : {1}", "usa en su lugar: {1}"};
inline constexpr Text kScanListening{"listening there: {1}", "à cette adresse : {1}", "en esa dirección: {1}"};
inline constexpr Text kScanIsPathwise{
    "Pathwise {1} (auth {2}); it answered:", "Pathwise {1} (auth {2}) ; il a répondu :",
    "Pathwise {1} (auth {2}); respondió:"};
inline constexpr Text kScanAnswersEverything{
    "a server that answers 200 to any path (LM Studio does): its answers cannot show a wrong path; it answered:",
    "un serveur qui répond 200 à tout chemin (comme LM Studio) : ses réponses ne peuvent pas révéler un mauvais "
    "chemin ; il a répondu :",
    "un servidor que responde 200 a cualquier ruta (como LM Studio): sus respuestas no revelan una ruta errónea; "
    "respondió:"};
inline constexpr Text kScanOtherServer{
    "another server, not a Pathwise ({1}); it answered:", "un autre serveur, pas un Pathwise ({1}) ; il a répondu :",
    "otro servidor, no un Pathwise ({1}); respondió:"};
inline constexpr Text kScanNothing{"nothing ({1})", "rien ({1})", "nada ({1})"};
inline constexpr Text kScanMisses{"{1}: a request misses every route ({2})",
                                  "{1} : une requête ne trouve aucune route ({2})",
                                  "{1}: una petición no llega a ninguna ruta ({2})"};
inline constexpr Text kScanSettingNeeded{"{1} must be \"{2}\" ({3})", "{1} doit valoir « {2} » ({3})",
                                         "{1} debe ser \"{2}\" ({3})"};
inline constexpr Text kScanNothingListens{"nothing listens at {1}: {2}", "rien n'écoute sur {1} : {2}",
                                          "nada escucha en {1}: {2}"};
inline constexpr Text kScanRequiredValue{"{1} is \"{2}\"; the client only accepts \"{3}\"",
                                         "{1} vaut « {2} » ; le client n'accepte que « {3} »",
                                         "{1} es \"{2}\"; el cliente solo acepta \"{3}\""};
inline constexpr Text kScanUnreadFile{
    "{1} is set in {2}, which the client never reads: {3}; it uses its default",
    "{1} est réglé dans {2}, que le client ne lit jamais : {3} ; il utilise sa valeur "
    "par défaut",
    "{1} está en {2}, que el cliente nunca lee: {3}; usa su valor por defecto"};
inline constexpr Text kScanFixWith{"fix: pathwise configure {1}", "correction : pathwise configure {1}",
                                   "solución: pathwise configure {1}"};
inline constexpr Text kScanAllGood{"Every client found will reach a route.",
                                   "Chaque client trouvé atteindra une route.",
                                   "Cada cliente encontrado llegará a una ruta."};
inline constexpr Text kScanSomeWrong{"{1} client(s) need a fix.", "{1} client(s) à corriger.",
                                     "{1} cliente(s) por corregir."};

}  // namespace pathwise::cli::msg
