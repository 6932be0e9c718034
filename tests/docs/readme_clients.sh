#!/usr/bin/env bash
# Compares the README's client count and its "What to type, per client" table with `pathwise clients --json`:
#   - "one catalog of N real clients" must say how many entries the catalog has;
#   - the table's base URLs must be exactly the base URLs the catalog recommends (both ways);
#   - the "+ a setting" row must name every setting the catalog asks for (name and value), and only those, for
#     clients whose base is the bare origin;
#   - the "not reachable" row must name every client that cannot reach a loopback proxy.
set -euo pipefail
binary=$1 readme=$2
section=$(sed -n '/^## What to type, per client/,/^## /p' "$readme")
origin=$(head -1 <<<"$section" | grep -oE 'https?://[^`) ]+' | head -1)
if [ -z "$origin" ]; then
  echo "README: no '## What to type, per client (for \`http://…\`)' section with an origin"
  exit 1
fi
"$binary" clients --json --origin "$origin" | python3 -c '
import json, re, sys
readme_text, section, origin = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3]
clients = json.load(sys.stdin)["clients"]
problems = []

said = re.search(r"catalog of (\d+) real clients", readme_text)
if not said:
    problems.append("the README does not say \"catalog of N real clients\"")
elif int(said.group(1)) != len(clients):
    problems.append(f"the README says {said.group(1)} clients, the catalog has {len(clients)}")

rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| type this")
        and not line.startswith("|---")]
table_urls = set()
settings_row = unreachable_row = None
for row in rows:
    first = row.split("|")[1]
    if "setting" in first:
        settings_row = row
    elif "not reachable" in first:
        unreachable_row = row
    else:
        table_urls.update(re.findall(r"`(https?://[^`]+)`", first))

variants = [(c, v) for c in clients for v in c["variants"]]
recommended = {v["recommended_base_url"] for c, v in variants if v["reachable"] and not v["settings"]}
for url in sorted(recommended - table_urls):
    users = ", ".join(sorted({c["id"] for c, v in variants if v["recommended_base_url"] == url}))
    problems.append(f"the catalog recommends {url} (for {users}) but the table has no row for it")
for url in sorted(table_urls - recommended):
    problems.append(f"the table has a row for {url}, which the catalog recommends for no client")

needed = {(s["name"], s["value"]) for c, v in variants for s in v["settings"]}
if needed and settings_row is None:
    problems.append("the catalog asks for settings but the table has no \"+ a setting\" row")
if settings_row is not None:
    for name, value in sorted(needed):
        if name not in settings_row or value not in settings_row:
            problems.append(f"the \"+ a setting\" row does not name {name} = {value}")
    for name, value in re.findall(r"`([A-Za-z_.]+)(?:=|: )\"?([^`\"]+)\"?`", settings_row):
        if (name, value) not in needed:
            problems.append(f"the \"+ a setting\" row names {name} = {value}, which no catalog client needs")
    for c, v in variants:
        if v["settings"] and v["recommended_base_url"] != origin:
            client_id, base = c["id"], v["recommended_base_url"]
            problems.append(f"{client_id} needs a setting with {base}, not the host")

unreachable = sorted({c["product"] for c, v in variants if not v["reachable"]})
if unreachable and unreachable_row is None:
    problems.append("the catalog has clients that cannot reach loopback but the table has no \"not reachable\" row")
for product in unreachable:
    if unreachable_row is not None and product not in unreachable_row:
        problems.append(f"the \"not reachable\" row does not name {product}")

if problems:
    print("README clients differ from the catalog (pathwise clients --json):")
    print("\n".join("  - " + p for p in problems))
    sys.exit(1)
print(f"README matches the catalog: {len(clients)} clients, base URLs {sorted(recommended)}, "
      f"{len(needed)} settings, not reachable: {unreachable}")
' "$readme" "$section" "$origin"
