#!/usr/bin/env bash
# The README's "three lines of config" for Claude Code in front of an OpenAI-compatible server must work as
# printed: its JSON block, with base_url pointed at `pathwise mock --protocol openai-chat` (the same /v1 path),
# makes `pathwise serve` answer an Anthropic request with an Anthropic message from the OpenAI-only upstream,
# the model renamed by the block's model_map.
set -euo pipefail
binary=$1 readme=$2
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
sed -n '/^## One upstream for every client/,/^## /p' "$readme" | sed -n '/^```json$/,/^```$/p' | sed '1d;$d' >"$work/block.json"
[ -s "$work/block.json" ] || { echo "README: no json block in '## One upstream for every client'"; exit 1; }
"$binary" mock --port 0 --protocol openai-chat --token-delay-ms 0 >"$work/mock.out" 2>&1 &
for _ in $(seq 100); do grep -q "listening on" "$work/mock.out" && break; sleep 0.05; done
mock=$(sed -n 's/^pathwise mock listening on //p' "$work/mock.out")
[ -n "$mock" ] || { echo "mock did not start: $(cat "$work/mock.out")"; exit 1; }
python3 - "$work/block.json" "$mock" "$work/config.json" <<'PY'
import json, sys
block = json.load(open(sys.argv[1]))
upstream = block["upstreams"]["anthropic"]
assert upstream["base_url"].endswith("/v1"), "the README's base_url should be the server's /v1 base"
upstream["base_url"] = sys.argv[2] + "/v1"
block["port"] = 0
json.dump(block, open(sys.argv[3], "w"))
PY
"$binary" serve --config "$work/config.json" >"$work/serve.out" 2>"$work/serve.err" &
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.05; done
proxy=$(sed -n 's/^pathwise listening on //p' "$work/serve.out" | head -1)
[ -n "$proxy" ] || { echo "serve did not start: $(cat "$work/serve.err")"; exit 1; }
answer=$(curl -sS "$proxy/v1/messages" -H 'content-type: application/json' -H 'anthropic-version: 2023-06-01' \
  -d '{"model":"claude-sonnet-4-5","max_tokens":32,"messages":[{"role":"user","content":"hi"}]}')
python3 - "$answer" "$work/block.json" <<'PY'
import json, sys
answer = json.loads(sys.argv[1])
target = json.load(open(sys.argv[2]))["upstreams"]["anthropic"]["model_map"]["claude-*"]
problems = []
if answer.get("type") != "message": problems.append(f"not an Anthropic message: {sys.argv[1]}")
text = (answer.get("content") or [{}])[0].get("text", "")
if f"answering as {target}" not in text: problems.append(f"the upstream did not get the mapped model {target}: {text!r}")
if answer.get("stop_reason") != "end_turn": problems.append(f"stop_reason {answer.get('stop_reason')!r}")
print("\n".join(problems) or "README translation config: Claude Code's request answered through an openai-chat upstream")
sys.exit(1 if problems else 0)
PY
