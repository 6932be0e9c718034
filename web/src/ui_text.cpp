#include "ui_text.hpp"

namespace pathwise::web {
namespace {

constexpr Text kTexts[] = {
    // app_title
    {"Pathwise — which base URL to type", "Pathwise — quelle URL de base saisir", "Pathwise — qué URL base escribir"},
    // views
    {"Set up", "Configurer", "Configurar"},
    {"Check my URL", "Vérifier mon URL", "Comprobar mi URL"},
    {"Explain a log line", "Expliquer un log", "Explicar un registro"},
    {"All clients", "Tous les clients", "Todos los clientes"},
    {"Live", "En direct", "En vivo"},
    // language … dismiss
    {"Language", "Langue", "Idioma"},
    {"Copy link", "Copier le lien", "Copiar enlace"},
    {"Copy", "Copier", "Copiar"},
    {"Copied ✓", "Copié ✓", "Copiado ✓"},
    {"Parts of this link were ignored:", "Des parties de ce lien ont été ignorées :",
     "Se ignoraron partes de este enlace:"},
    {"Dismiss", "Fermer", "Cerrar"},
    // proxy_address … version
    {"Proxy address", "Adresse du proxy", "Dirección del proxy"},
    {"where `pathwise serve` listens", "là où écoute `pathwise serve`", "donde escucha `pathwise serve`"},
    {"Search clients…", "Rechercher un client…", "Buscar clientes…"},
    {"← Pick the client you use.", "← Choisissez le client que vous utilisez.", "← Elija el cliente que usa."},
    {"No client matches this search.", "Aucun client ne correspond à cette recherche.",
     "Ningún cliente coincide con esta búsqueda."},
    {"Version", "Version", "Versión"},
    // type_this_base … verify
    {"Type this base URL", "Saisissez cette URL de base", "Escriba esta URL base"},
    {"This client cannot reach this proxy address:", "Ce client ne peut pas joindre cette adresse de proxy :",
     "Este cliente no puede alcanzar esta dirección del proxy:"},
    {"Where to type it", "Où la saisir", "Dónde escribirla"},
    {"Also set", "Réglez aussi", "Configure también"},
    {"Good to know", "Bon à savoir", "Conviene saber"},
    {"Requests this client will send", "Requêtes que ce client enverra", "Peticiones que enviará este cliente"},
    {"from your base URL", "vient de votre URL de base", "viene de su URL base"},
    {"added by the client", "ajouté par le client", "añadido por el cliente"},
    {"reaches", "atteint", "llega a"},
    {"no route: 404", "aucune route : 404", "sin ruta: 404"},
    {"another API's route: 404 naming the fix (the proxy knows this client)",
     "route d'une autre API : 404 avec la correction (le proxy reconnaît ce client)",
     "ruta de otra API: 404 con la solución (el proxy reconoce a este cliente)"},
    {"another API's route: answered in that API's shape, read as empty",
     "route d'une autre API : réponse au format de cette API, lue comme vide",
     "ruta de otra API: respuesta con el formato de esa API, leída como vacía"},
    {"WebSocket attempt first; the client falls back to POST",
     "tentative WebSocket d'abord ; le client repasse en POST", "primero intenta WebSocket; el cliente vuelve a POST"},
    {"Check that it works", "Vérifier que ça marche", "Comprobar que funciona"},
    // client … per_call_problem
    {"Client", "Client", "Cliente"},
    {"The base URL you typed", "L'URL de base que vous avez saisie", "La URL base que escribió"},
    {"Paste it from your client's settings, e.g. http://127.0.0.1:8045/v1",
     "Collez-la depuis les réglages de votre client, par ex. http://127.0.0.1:8045/v1",
     "Péguela desde la configuración de su cliente, p. ej. http://127.0.0.1:8045/v1"},
    {"Every request reaches a route: nothing to fix.", "Chaque requête atteint une route : rien à corriger.",
     "Cada petición llega a una ruta: nada que corregir."},
    {"Type this instead", "Saisissez plutôt", "Escriba esto en su lugar"},
    {"Pick a client first (Set up, or the list above).",
     "Choisissez d'abord un client (Configurer, ou la liste ci-dessus).",
     "Elija primero un cliente (Configurar, o la lista de arriba)."},
    {"Problem", "Problème", "Problema"},
    // URL errors
    {"Type a base URL first.", "Saisissez d'abord une URL de base.", "Escriba primero una URL base."},
    {"Only http:// and https:// work here.", "Seuls http:// et https:// fonctionnent ici.",
     "Aquí solo funcionan http:// y https://."},
    {"The port must be a number from 1 to 65535 (e.g. :8045).",
     "Le port doit être un nombre de 1 à 65535 (par ex. :8045).",
     "El puerto debe ser un número de 1 a 65535 (p. ej. :8045)."},
    {"There is a space inside the URL: remove it.", "Il y a une espace dans l'URL : supprimez-la.",
     "Hay un espacio dentro de la URL: quítelo."},
    {"The host is missing (e.g. 127.0.0.1).", "L'hôte manque (par ex. 127.0.0.1).",
     "Falta el host (p. ej. 127.0.0.1)."},
    {"The host name is not valid.", "Le nom d'hôte n'est pas valide.", "El nombre de host no es válido."},
    {"This is not a URL. Expected something like http://127.0.0.1:8045/v1",
     "Ce n'est pas une URL. Attendu : par ex. http://127.0.0.1:8045/v1",
     "Esto no es una URL. Se esperaba algo como http://127.0.0.1:8045/v1"},
    {"Remove user:password@ — secrets do not belong in a base URL.",
     "Retirez utilisateur:mot-de-passe@ — un secret n'a rien à faire dans une URL de base.",
     "Quite usuario:contraseña@ — los secretos no van en una URL base."},
    {"This URL cannot be used.", "Cette URL est inutilisable.", "Esta URL no se puede usar."},
    // log_input … depends_on_client
    {"Request path from the log", "Chemin de requête vu dans le log", "Ruta de la petición del registro"},
    {"e.g. /v1/chat/completions/responses or POST /v1/v1/messages",
     "par ex. /v1/chat/completions/responses ou POST /v1/v1/messages",
     "p. ej. /v1/chat/completions/responses o POST /v1/v1/messages"},
    {"Fixed base URL", "URL de base corrigée", "URL base corregida"},
    {"Meant for", "Destinée à", "Destinada a"},
    {"The fix depends on the client: pick it in Set up.",
     "La correction dépend du client : choisissez-le dans Configurer.",
     "La corrección depende del cliente: elíjalo en Configurar."},
    // table columns and statuses
    {"Client", "Client", "Cliente"},
    {"Base URL to type", "URL de base à saisir", "URL base a escribir"},
    {"Requests sent", "Requêtes envoyées", "Peticiones enviadas"},
    {"Status", "État", "Estado"},
    {"✓ every request routed", "✓ toutes les requêtes routées", "✓ todas las peticiones enrutadas"},
    {"✗ some requests miss", "✗ certaines requêtes échouent", "✗ algunas peticiones fallan"},
    {"✗ unreachable from this address", "✗ injoignable depuis cette adresse", "✗ inalcanzable desde esta dirección"},
    // live
    {"The live view needs the wizard opened from the proxy itself: run `pathwise serve` and open its address.",
     "La vue en direct demande d'ouvrir l'assistant depuis le proxy : lancez `pathwise serve` et ouvrez son adresse.",
     "La vista en vivo necesita abrir el asistente desde el propio proxy: ejecute `pathwise serve` y abra su "
     "dirección."},
    {"Asking the proxy…", "Interrogation du proxy…", "Consultando al proxy…"},
    {"The proxy at {1} does not answer. Is `pathwise serve` running? Check the proxy address in Set up.",
     "Le proxy à {1} ne répond pas. `pathwise serve` tourne-t-il ? Vérifiez l'adresse du proxy dans Configurer.",
     "El proxy en {1} no responde. ¿Está en marcha `pathwise serve`? Revise la dirección del proxy en Configurar."},
    {"The proxy asks for its key (401). Type it below: it stays in this page's memory, never in the link.",
     "Le proxy demande sa clé (401). Saisissez-la ci-dessous : elle reste en mémoire dans cette page, jamais dans le "
     "lien.",
     "El proxy pide su clave (401). Escríbala abajo: queda en la memoria de esta página, nunca en el enlace."},
    {"Unexpected answer from the proxy: {1}", "Réponse inattendue du proxy : {1}",
     "Respuesta inesperada del proxy: {1}"},
    {"Proxy key", "Clé du proxy", "Clave del proxy"},
    {"No requests yet. Point a client at the proxy and they show up here.",
     "Aucune requête pour l'instant. Dirigez un client vers le proxy et elles apparaîtront ici.",
     "Aún no hay peticiones. Apunte un cliente al proxy y aparecerán aquí."},
    {"Time", "Heure", "Hora"},
    {"Request", "Requête", "Petición"},
    {"Route / diagnosis", "Route / diagnostic", "Ruta / diagnóstico"},
    {"refreshing every second", "actualisé chaque seconde", "se actualiza cada segundo"},
    {"Show page loads (the wizard's own files)", "Afficher les chargements de page (fichiers de l'assistant)",
     "Mostrar cargas de página (archivos del asistente)"},
    // served by (GET /_pathwise/upstreams): {1} upstream, {2} the protocol it speaks, {3} the passage
    {"Where the proxy sends them", "Où le proxy les envoie", "Adónde las envía el proxy"},
    {"served by {1} (speaks {2}): {3}", "servie par {1} (parle {2}) : {3}", "servida por {1} (habla {2}): {3}"},
    {"pass-through", "transmise telle quelle", "reenviada tal cual"},
    {"translated from {1}", "traduite depuis {1}", "traducida desde {1}"},
    {"not served: that upstream has no such route (501)", "non servie : cet upstream n'a pas cette route (501)",
     "no servida: ese upstream no tiene esa ruta (501)"},
    {"answered by Pathwise's own estimate", "répondue par l'estimation de Pathwise",
     "respondida con la estimación de Pathwise"},
    {"upstream unknown — run `pathwise serve` and open the wizard from its address",
     "upstream inconnu — lancez `pathwise serve` et ouvrez l'assistant depuis son adresse",
     "upstream desconocido — ejecute `pathwise serve` y abra el asistente desde su dirección"},
    {"upstream unknown — the proxy asks for its key: type it in the Live view",
     "upstream inconnu — le proxy demande sa clé : saisissez-la dans la vue En direct",
     "upstream desconocido — el proxy pide su clave: escríbala en la vista En vivo"},
    // view_receipt … receipt_reading
    {"Failure receipt", "Reçu d'échec", "Recibo del fallo"},
    {"Receipt", "Reçu", "Recibo"},
    {"Copy receipt", "Copier le reçu", "Copiar recibo"},
    {"One request, without any key, query value or header value: paste this link in a chat or an issue to get help.",
     "Une requête, sans aucune clé ni valeur de query ou d'en-tête : collez ce lien dans un chat ou un ticket pour "
     "obtenir de l'aide.",
     "Una petición, sin ninguna clave ni valor de query o de cabecera: pegue este enlace en un chat o una incidencia "
     "para pedir ayuda."},
    {"This link holds no receipt. In the Live view, press \"Copy receipt\" on a request.",
     "Ce lien ne contient aucun reçu. Dans la vue En direct, appuyez sur « Copier le reçu » sur une requête.",
     "Este enlace no contiene ningún recibo. En la vista En vivo, pulse \"Copiar recibo\" en una petición."},
    {"Request", "Requête", "Petición"},
    {"Query keys", "Clés de la query", "Claves de la query"},
    {"Header names", "Noms d'en-têtes", "Nombres de cabeceras"},
    {"Failed at", "Échec côté", "Falló en"},
    {"The proxy said", "Le proxy a dit", "El proxy dijo"},
    {"Error code", "Code d'erreur", "Código de error"},
    {"The proxy's fix", "Correctif du proxy", "Arreglo del proxy"},
    {"What this Pathwise makes of it", "Ce qu'en dit ce Pathwise", "Lo que dice este Pathwise"},
    // setting_required
    {"Required: without it the client does not start.", "Obligatoire : sans lui, le client ne démarre pas.",
     "Obligatorio: sin él, el cliente no arranca."},
};
static_assert(std::size(kTexts) == static_cast<std::size_t>(UiText::count_), "one Text per UiText");

}  // namespace

std::string_view ui_text(UiText id, Lang lang) {
    return kTexts[static_cast<std::size_t>(id)].in(lang);
}

std::string_view url_error_text(std::string_view code, Lang lang) {
    struct CodeText {
        std::string_view code;
        UiText text;
    };
    static constexpr CodeText kByCode[] = {
        {"empty", UiText::err_empty},         {"bad_scheme", UiText::err_bad_scheme},
        {"bad_port", UiText::err_bad_port},   {"space_inside", UiText::err_space_inside},
        {"no_host", UiText::err_no_host},     {"bad_host", UiText::err_bad_host},
        {"not_a_url", UiText::err_not_a_url}, {"credentials", UiText::err_credentials},
    };
    for (const auto& entry : kByCode)
        if (entry.code == code) return ui_text(entry.text, lang);
    return ui_text(UiText::err_other, lang);
}

}  // namespace pathwise::web
