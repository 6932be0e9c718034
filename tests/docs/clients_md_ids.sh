#!/usr/bin/env bash
# Compares the catalog ids that docs/clients.md section 8 lists with `pathwise clients --json`, both ways:
#   - every catalog entry has a row (a client is documented where its facts are recorded);
#   - every row names a catalog entry, once;
#   - the section a row cites ("§1.7") is a heading of docs/clients.md.
set -euo pipefail
binary=$1 clients_md=$2
"$binary" clients --json | python3 -c '
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
catalog = [c["id"] for c in json.load(sys.stdin)["clients"]]
problems = []

section = re.search(r"^## 8\. Catalog ids\n(.*?)(?=^## |\Z)", text, re.M | re.S)
if not section:
    print("docs/clients.md has no \"## 8. Catalog ids\" section")
    sys.exit(1)
rows = re.findall(r"^\| `([^`]+)` \|[^|]*\| §([0-9.]+) \|$", section.group(1), re.M)
documented = [row_id for row_id, _ in rows]
headings = set(re.findall(r"^##+ ([0-9]+(?:\.[0-9]+)?)\.? ", text, re.M))

for client_id in catalog:
    if client_id not in documented:
        problems.append(f"the catalog has {client_id}, docs/clients.md section 8 has no row for it")
for client_id in sorted(set(documented)):
    if client_id not in catalog:
        problems.append(f"docs/clients.md section 8 lists {client_id}, which is not in the catalog")
    if documented.count(client_id) > 1:
        problems.append(f"docs/clients.md section 8 lists {client_id} {documented.count(client_id)} times")
for client_id, cited in rows:
    if cited not in headings:
        problems.append(f"{client_id} cites section {cited}, which docs/clients.md does not have")

if problems:
    print("docs/clients.md section 8 differs from the catalog (pathwise clients --json):")
    print("\n".join("  - " + p for p in problems))
    sys.exit(1)
print(f"docs/clients.md lists the {len(catalog)} catalog ids, each with its section")
' "$clients_md"
