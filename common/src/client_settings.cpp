// client_settings.cpp — see client_settings.hpp. The data is in client_settings_data.hpp.
#include "pathwise/client_settings.hpp"

#include <algorithm>
#include <map>

#include "client_settings_data.hpp"
#include "pathwise/resolution.hpp"

namespace pathwise {

std::span<const SettingProduct> setting_products() {
    return catalog::kSettingProducts;
}

const SettingProduct* find_setting_product(std::string_view id) {
    for (const SettingProduct& product : catalog::kSettingProducts) {
        if (product.id == id) return &product;
    }
    return nullptr;
}

const std::string* SettingSources::env(std::string_view name) const {
    for (const EnvVar& variable : environment) {
        if (variable.name == name) return variable.value.empty() ? nullptr : &variable.value;
    }
    return nullptr;
}

namespace {

std::vector<std::string_view> split_dots(std::string_view key) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t dot = key.find('.');
        parts.push_back(key.substr(0, dot));
        if (dot == std::string_view::npos) return parts;
        key.remove_prefix(dot + 1);
    }
}

std::string join_dots(std::span<const std::string> parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ".") + part;
    return out;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// "~" → HOME; "${NAME:-fallback}" → $NAME when set, else the fallback (itself expanded).
std::string expand_root(std::string_view root, const SettingSources& sources) {
    if (root == "~") return sources.home;
    if (root == "{project}") return sources.project;
    if (root.starts_with("${") && root.ends_with("}")) {
        const std::string_view inner = root.substr(2, root.size() - 3);
        const std::size_t dash = inner.find(":-");
        const std::string_view name = inner.substr(0, dash);
        if (const std::string* value = sources.env(name)) return *value;
        if (dash == std::string_view::npos) return {};
        const std::string_view fallback = inner.substr(dash + 2);
        const std::size_t slash = fallback.find('/');
        if (slash == std::string_view::npos) return expand_root(fallback, sources);
        return expand_root(fallback.substr(0, slash), sources) + std::string(fallback.substr(slash));
    }
    return std::string(root);
}

// The folders from `project` up to "/", nearest first.
std::vector<std::string> folders_up(std::string_view project) {
    std::vector<std::string> folders;
    std::string folder(project);
    while (!folder.empty() && folder != "/") {
        folders.push_back(folder);
        folder.erase(folder.rfind('/') == 0 ? 1 : folder.rfind('/'));
        if (folder.empty()) break;
    }
    folders.emplace_back("/");
    return folders;
}

std::string join_path(std::string_view folder, std::string_view rest) {
    if (folder == "/") return "/" + std::string(rest);
    return std::string(folder) + "/" + std::string(rest);
}

const FileText* file_in(const SettingSources& sources, std::string_view path) {
    for (const FileText& file : sources.files) {
        if (file.path == path) return &file;
    }
    return nullptr;
}

// A path pattern against a concrete path: equal length, "*" matches any one segment (captured).
bool matches(std::span<const std::string_view> pattern, std::span<const std::string> path, std::string& captured) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == "*") {
            captured = path[i];
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}

const ClientEntry* client_for(const SettingLocation& location, std::string_view provider) {
    if (!location.client_id.empty()) return find_client(location.client_id);
    for (const ProviderClient& entry : location.providers) {
        if (entry.provider == provider) return find_client(entry.client_id);
    }
    for (const ProviderClient& entry : location.providers) {
        if (entry.provider == "*") return find_client(entry.client_id);
    }
    return nullptr;
}

std::string describe(const SettingFinding& finding) {
    if (!finding.variable.empty()) return finding.key + " in $" + finding.variable;
    if (finding.file.empty()) return finding.key + " in the environment";
    return finding.key + " in " + finding.file;
}

// Parsed documents, each file parsed once per format.
class Documents {
public:
    explicit Documents(const SettingSources& sources) : sources_(sources) {}
    // nullptr when the file does not exist or does not parse (the issue is recorded once).
    const std::vector<ConfigValue>* values(const SettingProduct& product, const std::string& path, ConfigFormat format,
                                           std::vector<SettingFileIssue>& issues) {
        const FileText* file = file_in(sources_, path);
        if (file == nullptr) return nullptr;
        const auto key = std::make_pair(path, format);
        auto found = parsed_.find(key);
        if (found == parsed_.end()) {
            found = parsed_.emplace(key, read_config_values(format, file->text)).first;
        }
        const bool reported = std::any_of(issues.begin(), issues.end(), [&](const SettingFileIssue& issue) {
            return issue.product == &product && issue.file == path;
        });
        if (!file->error.empty()) {
            if (!reported) issues.push_back({&product, path, file->error, true});
            return nullptr;
        }
        if (!found->second) {
            if (!reported) issues.push_back({&product, path, found->second.error().message, true});
            return nullptr;
        }
        return &found->second.value();
    }

private:
    const SettingSources& sources_;
    std::map<std::pair<std::string, ConfigFormat>, Result<std::vector<ConfigValue>>> parsed_;
};

// For each first-file group of the product: the one file the client reads (the first that exists), in the order
// the client searches (an "{up}" location's folders interleaved with the group's other "{up}" locations).
std::map<int, std::string> files_read_per_group(const SettingProduct& product, const SettingSources& sources) {
    std::map<int, std::vector<std::string>> candidates;
    std::map<int, std::vector<const SettingLocation*>> up_locations;
    for (const SettingLocation& location : product.locations) {
        if (location.first_file_group == 0 || location.file.empty()) continue;
        if (location.file.starts_with("{up}/")) {
            up_locations[location.first_file_group].push_back(&location);
        }
    }
    for (const auto& [group, locations] : up_locations) {
        for (const std::string& folder : folders_up(sources.project)) {
            for (const SettingLocation* location : locations) {
                candidates[group].push_back(join_path(folder, location->file.substr(5)));
            }
        }
    }
    for (const SettingLocation& location : product.locations) {
        if (location.first_file_group == 0 || location.file.empty() || location.file.starts_with("{up}/")) continue;
        for (std::string& path : expand_location(location, sources)) {
            candidates[location.first_file_group].push_back(std::move(path));
        }
    }
    std::map<int, std::string> read;
    for (const auto& [group, paths] : candidates) {
        for (const std::string& path : paths) {
            if (file_in(sources, path) != nullptr) {
                read[group] = path;
                break;
            }
        }
    }
    return read;
}

// The grouping under which only one finding is in effect: one base URL per provider, one value per setting.
// Keys are told apart by their variable's name: ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are both in effect.
std::string effect_group(const SettingFinding& finding) {
    const std::string_view key = finding.location->key;
    // Each refused key is its own problem, not a rival of the others.
    const SettingRole role = finding.location->role;
    const std::string_view variable = role == SettingRole::api_key   ? key.substr(key.rfind('.') + 1)
                                      : role == SettingRole::refused ? key
                                                                     : std::string_view();
    return std::to_string(static_cast<int>(finding.location->role)) + "|" +
           std::string(finding.location->setting_name) + "|" + finding.provider + "|" + std::string(variable);
}

// A project location refused by the client ({project}/.codex/config.toml) whose path is the product's own config
// file (the project folder is HOME, or CODEX_HOME points into it): there it is the user config, read in full
// (measured, Codex 0.169.0).
bool is_own_config_seen_as_project(const SettingProduct& product, const SettingLocation& location,
                                   const std::string& path, const SettingSources& sources) {
    if (location.role != SettingRole::refused || !location.file.starts_with("{project}/")) return false;
    for (const SettingLocation& other : product.locations) {
        if (other.role == SettingRole::refused) continue;
        for (const std::string& own : expand_location(other, sources)) {
            if (own == path) return true;
        }
    }
    return false;
}

void find_product_settings(const SettingProduct& product, const SettingSources& sources, Documents& documents,
                           FoundSettings& found) {
    const std::map<int, std::string> group_files = files_read_per_group(product, sources);
    const std::size_t first = found.findings.size();
    for (const SettingLocation& location : product.locations) {
        const std::vector<std::string_view> pattern = split_dots(location.key);
        if (location.file.empty() && location.env_document.empty()) {
            const std::string* value = sources.env(location.key);
            if (value == nullptr) continue;
            SettingFinding finding;
            finding.product = &product;
            finding.location = &location;
            finding.key = std::string(location.key);
            finding.path = {finding.key};
            finding.value = location.role == SettingRole::api_key ? std::string() : *value;
            // OpenCode's ANTHROPIC_BASE_URL stands for its provider "anthropic": it competes with that provider's
            // baseURL in the files (which beat it).
            finding.provider = std::string(location.selects_as);
            finding.client = client_for(location, finding.provider);
            found.findings.push_back(std::move(finding));
            continue;
        }
        // The values of one document (a file at `path`, or the variable `variable`) that this location reads.
        const auto collect = [&](const std::vector<ConfigValue>& document, const std::string& path,
                                 std::string_view variable, const std::string& hidden_by) {
            const std::vector<ConfigValue>* values = &document;
            std::string selector;
            if (!location.selected_by.empty()) {
                const std::array selector_path{location.selected_by};
                const ConfigValue* chosen = find_config_value(*values, selector_path);
                selector = chosen != nullptr ? chosen->value : std::string(location.selector_default);
            }
            for (const ConfigValue& value : *values) {
                std::string captured;
                if (!matches(pattern, value.path, captured)) continue;
                // "{up}/.gemini/.env" passes through HOME on its way up: the same file is one finding, not two.
                const std::string key = join_dots(value.path);
                const bool seen =
                    std::any_of(found.findings.begin() + static_cast<std::ptrdiff_t>(first), found.findings.end(),
                                [&](const SettingFinding& other) { return other.file == path && other.key == key; });
                if (seen) continue;
                SettingFinding finding;
                finding.product = &product;
                finding.location = &location;
                finding.file = path;
                finding.key = join_dots(value.path);
                finding.path = value.path;
                finding.value = location.role == SettingRole::api_key ? std::string() : value.value;
                finding.line = value.line;
                if (!location.provider_key.empty()) {
                    std::vector<std::string_view> sibling(value.path.begin(), value.path.end());
                    sibling.back() = location.provider_key;
                    const ConfigValue* provider = find_config_value(*values, sibling);
                    finding.provider = provider != nullptr ? provider->value : std::string();
                    // Each list element is its own entry (a Continue model), so the index keeps them apart.
                    finding.client = client_for(location, finding.provider);
                } else {
                    finding.provider = !location.selects_as.empty() ? std::string(location.selects_as) : captured;
                    finding.client = client_for(location, finding.provider);
                }
                if (!location.selected_by.empty() && finding.provider != selector) {
                    finding.not_selected_because = std::string(location.selected_by) + " = \"" + selector + "\"";
                }
                if (!hidden_by.empty()) {
                    finding.shadowed_by = hidden_by + " (read first; only one file is read)";
                    finding.in_unread_file = true;
                }
                finding.variable = std::string(variable);
                found.findings.push_back(std::move(finding));
            }
        };
        if (!location.env_document.empty()) {
            const std::string* text = sources.env(location.env_document);
            if (text == nullptr) continue;
            const auto document = read_config_values(location.format, *text);
            if (!document) {
                // Measured: Kilo 7.7.7 skips a KILO_CONFIG_CONTENT that does not parse without a word; OpenCode
                // 1.18.33 refuses to start ("Config file at OPENCODE_CONFIG_CONTENT is not valid JSON(C)").
                found.issues.push_back({&product, "$" + std::string(location.env_document),
                                        std::string(product.name) +
                                            (location.invalid_document_stops_client
                                                 ? " refuses to start until it parses or is unset: "
                                                 : " skips it without a word, so the files below decide: ") +
                                            document.error().message,
                                        false});
                continue;
            }
            collect(document.value(), "", location.env_document, "");
            continue;
        }
        for (const std::string& path : expand_location(location, sources)) {
            if (is_own_config_seen_as_project(product, location, path, sources)) continue;
            const std::vector<ConfigValue>* values = documents.values(product, path, location.format, found.issues);
            if (values == nullptr) continue;
            std::string hidden_by;
            if (location.first_file_group != 0) {
                const auto read = group_files.find(location.first_file_group);
                if (read != group_files.end() && read->second != path) hidden_by = read->second;
            }
            collect(*values, path, "", hidden_by);
            if (!hidden_by.empty()) {
                const bool holds =
                    std::any_of(found.findings.begin() + static_cast<std::ptrdiff_t>(first), found.findings.end(),
                                [&](const SettingFinding& finding) { return finding.file == path; });
                const bool reported = std::any_of(found.issues.begin(), found.issues.end(), [&](const auto& issue) {
                    return issue.product == &product && issue.file == path;
                });
                if (holds && !reported) {
                    found.issues.push_back({&product, path, "not read: " + hidden_by + " is found first", false});
                }
            }
        }
    }
    // The first selected, unhidden finding of each group (in precedence order) is in effect; the others name it.
    std::map<std::string, std::size_t> winners;
    for (std::size_t i = first; i < found.findings.size(); ++i) {
        SettingFinding& finding = found.findings[i];
        if (!finding.shadowed_by.empty() || !finding.not_selected_because.empty()) continue;
        const std::string group = finding.location->provider_key.empty()
                                      ? effect_group(finding)
                                      : effect_group(finding) + "|" + finding.file + "|" + finding.key;
        const auto winner = winners.find(group);
        if (winner == winners.end()) {
            winners.emplace(group, i);
            finding.in_effect = true;
        } else {
            finding.shadowed_by = describe(found.findings[winner->second]);
        }
    }
}

}  // namespace

std::vector<std::string> expand_location(const SettingLocation& location, const SettingSources& sources) {
    if (location.file.empty()) return {};
    const std::string_view file = location.file;
    if (file.starts_with("{up}/")) {
        std::vector<std::string> paths;
        for (const std::string& folder : folders_up(sources.project))
            paths.push_back(join_path(folder, file.substr(5)));
        return paths;
    }
    if (file.starts_with("${") && file.ends_with("}") && file.find('/') == std::string_view::npos) {
        // "${KILO_CONFIG}": the file the variable names, when it is set.
        const std::string* named = sources.env(file.substr(2, file.size() - 3));
        if (named == nullptr || named->empty()) return {};
        return {named->front() == '/' ? *named : join_path(sources.project, *named)};
    }
    const std::size_t slash = file.starts_with("${") ? file.find("}/") + 1 : file.find('/');
    if (slash == std::string_view::npos || slash == 0) return {std::string(file)};
    const std::string root = expand_root(file.substr(0, slash), sources);
    if (root.empty()) return {};
    return {join_path(root, file.substr(slash + 1))};
}

std::vector<std::string> setting_files(const SettingProduct& product, const SettingSources& sources) {
    std::vector<std::string> files;
    for (const SettingLocation& location : product.locations) {
        for (std::string& path : expand_location(location, sources)) {
            if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(std::move(path));
        }
    }
    return files;
}

FoundSettings find_settings(const SettingSources& sources, const SettingProduct* only) {
    FoundSettings found;
    Documents documents(sources);
    for (const SettingProduct& product : catalog::kSettingProducts) {
        if (only == nullptr || only == &product) find_product_settings(product, sources, documents, found);
    }
    return found;
}

std::vector<std::string> applied_settings(const FoundSettings& found, const SettingProduct& product,
                                          const ClientVariant& variant) {
    std::vector<std::string> applied;
    for (const ExtraSetting& setting : variant.extra_settings) {
        const bool holds = std::any_of(found.findings.begin(), found.findings.end(), [&](const SettingFinding& f) {
            return f.product == &product && f.in_effect && f.location->role == SettingRole::extra_setting &&
                   f.location->setting_name == setting.name && f.value == setting.value;
        });
        if (holds) applied.emplace_back(setting.name);
    }
    return applied;
}

// ---- configure -----------------------------------------------------------------------------------------------
namespace {

std::vector<std::string> key_path(std::string_view key, std::string_view provider) {
    std::vector<std::string> path;
    const std::string filled = replace_all(std::string(key), "{provider}", provider);
    for (std::string_view part : split_dots(filled)) {
        path.emplace_back(part == "*" ? provider : part);
    }
    return path;
}

// Where a value for `location` lands: its own file, or — for a location in a first-file group — the file of that
// group the client really reads, when one exists.
std::string target_file(const SettingProduct& product, const SettingLocation& location, const SettingSources& sources) {
    if (location.first_file_group != 0) {
        const auto read = files_read_per_group(product, sources);
        const auto found = read.find(location.first_file_group);
        if (found != read.end()) return found->second;
    }
    const auto paths = expand_location(location, sources);
    return paths.empty() ? std::string() : paths.front();
}

// The format of the location whose file is `path` (a first-file group may mix .gemini/.env and .env: same format).
ConfigFormat format_of(const SettingProduct& product, const SettingLocation& fallback, std::string_view path,
                       const SettingSources& sources) {
    for (const SettingLocation& location : product.locations) {
        for (const std::string& candidate : expand_location(location, sources)) {
            if (candidate == path) return location.format;
        }
    }
    return fallback.format;
}

// A location of higher precedence (earlier) in the environment holds a value: a file written now would not win.
const SettingFinding* env_winner_before(const FoundSettings& found, const SettingProduct& product,
                                        const SettingLocation& location) {
    for (const SettingFinding& finding : found.findings) {
        if (finding.product != &product || !finding.file.empty() || !finding.in_effect) continue;
        if (finding.location->role != location.role || finding.location->setting_name != location.setting_name) {
            continue;
        }
        if (finding.location < &location) return &finding;
    }
    return nullptr;
}

void add_edit(ConfigurePlan& plan, SettingEdit edit) {
    const bool duplicate = std::any_of(plan.edits.begin(), plan.edits.end(), [&](const SettingEdit& other) {
        return other.file == edit.file && other.path == edit.path;
    });
    if (!duplicate) plan.edits.push_back(std::move(edit));
}

void add_companions(ConfigurePlan& plan, const SettingLocation& location, const std::string& file, ConfigFormat format,
                    std::string_view provider, bool creating, bool bridges_websockets) {
    for (const CompanionEdit& companion : location.companions) {
        if (companion.only_when_creating && !creating) continue;
        if (companion.only_without_websockets && bridges_websockets) continue;
        add_edit(plan, {file, format, key_path(companion.key, provider),
                        replace_all(std::string(companion.value), "{provider}", provider), companion.literal,
                        "written with the base URL"});
    }
}

}  // namespace

Result<ConfigurePlan> plan_configure(const SettingProduct& product, const FoundSettings& found,
                                     const SettingSources& sources, std::string_view proxy_origin,
                                     bool proxy_bridges_websockets, std::string_view version) {
    ConfigurePlan plan;
    plan.product = &product;

    // The extra settings `recommendation` needs besides the base URL (Gemini CLI's auth type), where they are.
    auto add_extra_settings = [&](const Recommendation& recommendation) {
        for (const ExtraSetting* setting : recommendation.settings) {
            const SettingLocation* user_location = nullptr;  // the last one: the user-wide file (or the variable)
            for (const SettingLocation& candidate : product.locations) {
                if (candidate.role == SettingRole::extra_setting && candidate.setting_name == setting->name) {
                    user_location = &candidate;
                }
            }
            const SettingFinding* current = nullptr;
            for (const SettingFinding& finding : found.findings) {
                if (finding.product == &product && finding.in_effect &&
                    finding.location->setting_name == setting->name) {
                    current = &finding;
                }
            }
            if (current != nullptr && current->value == setting->value) continue;
            const std::string why(setting->why.en);
            if (current != nullptr && !current->file.empty()) {
                add_edit(plan, {current->file, current->location->format, current->path, std::string(setting->value),
                                false, why});
            } else if (user_location != nullptr && !user_location->file.empty()) {
                add_edit(plan, {target_file(product, *user_location, sources), user_location->format,
                                key_path(user_location->key, ""), std::string(setting->value), false, why});
            } else {
                add_edit(
                    plan,
                    {"", ConfigFormat::dotenv, {std::string(setting->name)}, std::string(setting->value), false, why});
            }
        }
    };
    // Points `client` at the proxy through `location`: at `existing` (a finding in a file) when given, else in the
    // file the client reads for that location, else — when the client reads the environment first — as a
    // variable to export.
    auto point = [&](const SettingLocation& location, const ClientEntry& client, std::string_view provider,
                     bool creating, const SettingFinding* existing) -> std::optional<Error> {
        auto recommendation = recommend(client, version, proxy_origin);
        if (!recommendation) return recommendation.error();
        if (!recommendation->reachable || recommendation->needs_public_url) {
            return Error{"configure_unreachable", std::string(client.name) + " cannot reach " +
                                                      std::string(proxy_origin) + ": its calls come from elsewhere"};
        }
        if (plan.client == nullptr) {
            plan.client = &client;
            plan.base_url = recommendation->base_url;
        }
        const std::string why = "the base URL " + std::string(client.name) + " will use";
        if (existing != nullptr && !existing->file.empty()) {
            add_edit(plan, {existing->file, location.format, existing->path, recommendation->base_url, false, why});
            add_companions(plan, location, existing->file, location.format, provider, creating,
                           proxy_bridges_websockets);
        } else if (location.file.empty() || env_winner_before(found, product, location) != nullptr) {
            add_edit(plan,
                     {"", ConfigFormat::dotenv, {std::string(location.key)}, recommendation->base_url, false, why});
        } else {
            const std::string file = target_file(product, location, sources);
            const ConfigFormat format = format_of(product, location, file, sources);
            add_edit(plan, {file, format, key_path(location.key, provider), recommendation->base_url, false, why});
            add_companions(plan, location, file, format, provider, creating, proxy_bridges_websockets);
        }
        add_extra_settings(recommendation.value());
        return std::nullopt;
    };

    bool any_base = false;
    for (const SettingFinding& finding : found.findings) {
        if (finding.product != &product || !finding.in_effect) continue;
        const SettingLocation& location = *finding.location;
        if (location.role == SettingRole::base_url) {
            any_base = true;
            if (finding.client == nullptr) {
                plan.notes.push_back(describe(finding) + ": provider \"" + finding.provider +
                                     "\" has no rules in the catalog yet; left as it is");
                continue;
            }
            if (!location.env_document.empty()) {
                // A variable set where Pathwise cannot see (a shell profile, a launcher) and that may hold a key
                // next to the URL: printing it rewritten would print the key, writing a file would not win.
                auto recommendation = recommend(*finding.client, version, proxy_origin);
                const std::string base = recommendation ? recommendation->base_url : std::string("the proxy");
                return Error{"configure_env_document",
                             describe(finding) + " decides, and it beats every file " + std::string(product.name) +
                                 " reads: change " + finding.key + " to " + base + " where you set " +
                                 std::string(location.env_document) +
                                 " (Pathwise does not print the variable back: it may hold a key)"};
            }
            const SettingLocation* through = &location;
            // A base in the environment that a file of the product overrides (Claude Code's settings.json) is
            // fixed in that file, so the fix wins whatever the shell says.
            if (finding.file.empty()) {
                for (const CreateTarget& target : product.create) {
                    if (target.client_id == finding.client->id && !target.location->file.empty()) {
                        through = target.location;
                    }
                }
            }
            if (auto error = point(*through, *finding.client, finding.provider, false, &finding)) return *error;
        } else if (location.role == SettingRole::refused) {
            plan.notes.push_back(describe(finding) + ": " + std::string(location.note.en) + " Left as it is.");
        } else if (!location.required_value.empty() && finding.value != location.required_value &&
                   !finding.file.empty()) {
            add_edit(plan, {finding.file, location.format, finding.path, std::string(location.required_value), false,
                            finding.key + " = \"" + finding.value + "\" is refused by the client"});
        }
    }
    if (!any_base) {
        if (product.create.empty()) {
            return Error{"configure_nothing_to_fix",
                         std::string(product.name) +
                             " has no entry to point at the proxy yet; add one by hand (`pathwise doctor --client ID` "
                             "shows what to type), then run configure again"};
        }
        for (const CreateTarget& target : product.create) {
            const ClientEntry* client = find_client(target.client_id);
            if (client == nullptr) continue;
            if (auto error = point(*target.location, *client, target.provider, true, nullptr)) return *error;
        }
    }
    // Environment lines last: they are printed, not written.
    std::stable_partition(plan.edits.begin(), plan.edits.end(),
                          [](const SettingEdit& edit) { return !edit.file.empty(); });
    for (const SettingFinding& finding : found.findings) {
        if (finding.product != &product || finding.in_effect || finding.location->role != SettingRole::base_url) {
            continue;
        }
        plan.notes.push_back(
            describe(finding) + " is not used (" +
            (finding.shadowed_by.empty() ? finding.not_selected_because : "overridden by " + finding.shadowed_by) +
            "); left as it is");
    }
    return plan;
}

}  // namespace pathwise
