#!/usr/bin/env bash
# peers.sh — the peer gateways that scripts/bench.sh runs beside pathwise, from npm at the versions pinned in
# tests/bench/peers/package-lock.json, on loopback in front of pathwise's mock. Source it; it runs nothing itself.
#
#   source tests/bench/peers.sh
#   peers_install build/bench-peers                      # npm ci, only when the lock changed
#   portkey_start build/bench-peers PORT MOCK LOG         # PORTKEY_PID; portkey_headers MOCK for the requests
#   ccr_start build/bench-peers PORT MOCK WORKDIR LOG     # CCR_PID; ccr_headers for the requests
#   portkey_command DIR PORT / ccr_command DIR PORT MOCK WORKDIR print the command, one word a line (cold starts)
#
# Offline: both peers need nothing but the npm registry to install and nothing at all to run. Checked with
# strace -f -e connect: from start through JSON and SSE requests, each connects only to the mock (no update check,
# no telemetry, no DNS). The network code that does exist runs only on request: claude-code-router's
# /api/update/* (`npm view`/`npm update -g`), its preset marketplace and a HuggingFace tokenizer when configured;
# Portkey's hosted guardrails and file APIs.
#
# What a wrk run sends (MOCK is the mock's origin, e.g. http://127.0.0.1:N):
#   Portkey: POST /v1/chat/completions, OpenAI body as for pathwise, e.g.
#            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in five words."}]}
#            ("stream":true for SSE), headers Content-Type: application/json plus `portkey_headers MOCK`:
#            x-portkey-provider: openai / x-portkey-custom-host: MOCK/v1. An Authorization header, if any, is
#            passed on to the mock as the provider key; none is needed.
#   ccr:     POST /v1/messages, Anthropic body, e.g.
#            {"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello in five words."}]}
#            ("stream":true for SSE; the model is ignored, the config routes every request to the mock's
#            gpt-4o-mini), headers Content-Type: application/json, anthropic-version: 2023-06-01 (not checked)
#            and `ccr_headers`: x-api-key: $CCR_APIKEY (Authorization: Bearer works too; none gives 401).
#
# Knobs: PEERS_NODE (a node >= 20 to use instead), PEERS_START_TIMEOUT (seconds, default 30), CCR_APIKEY,
# CCR_LOG=1 (keep claude-code-router's own default logging: debug level, to files under its HOME).

PEERS_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/peers"
PORTKEY_PID=""
CCR_PID=""
CCR_APIKEY="${CCR_APIKEY:-pathwise-bench}"

_peers_say() { echo "peers: $*" >&2; }

# The node both peers run under. Debian's /usr/bin/node (20) when it is there: claude-code-router 2.0.0 and
# @aws-sdk/types (a Portkey dependency) declare engines node >= 20; Portkey's gateway declares none.
peers_node() {
    local node="${PEERS_NODE:-}" major
    if [ -z "$node" ]; then
        if [ -x /usr/bin/node ]; then node=/usr/bin/node; else node="$(command -v node || true)"; fi
    fi
    if [ -z "$node" ] || [ ! -x "$node" ]; then _peers_say "no node found (apt-get install nodejs, or set PEERS_NODE)"; return 1; fi
    major="$("$node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)"
    [ "${major:-0}" -ge 20 ] 2>/dev/null || { _peers_say "$node is node ${major:-?}; the peers need node >= 20"; return 1; }
    echo "$node"
}

# Copies the pinned package.json + package-lock.json into DIR and installs them with `npm ci`, unless DIR's
# node_modules was installed from these exact two files. --ignore-scripts: the only install script is Portkey's
# `patch-package`, whose patches are not in the published package, so it has nothing to do. --prefer-offline: a
# warm npm cache is enough, the registry is asked only for what the cache lacks.
peers_install() {
    local dir="${1:?peers_install DIR}" want marker
    mkdir -p "$dir" || { _peers_say "cannot create $dir"; return 1; }
    dir="$(cd "$dir" && pwd)"
    marker="$dir/node_modules/.pathwise-peers.sha256"
    want="$(cat "$PEERS_SRC/package.json" "$PEERS_SRC/package-lock.json" | sha256sum | cut -d' ' -f1)"
    if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ] && [ -f "$(_portkey_entry "$dir")" ] &&
        [ -f "$(_ccr_entry "$dir")" ]; then
        _peers_say "already installed in $dir from this package-lock.json"
        return 0
    fi
    command -v npm >/dev/null || { _peers_say "npm not found (apt-get install npm)"; return 1; }
    cp "$PEERS_SRC/package.json" "$PEERS_SRC/package-lock.json" "$dir/" || { _peers_say "cannot copy the lock to $dir"; return 1; }
    _peers_say "npm ci in $dir (Portkey gateway + claude-code-router, pinned)"
    if ! (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error >&2); then
        _peers_say "npm ci failed in $dir: is the npm registry reachable, or the cache warm?"
        return 1
    fi
    if [ ! -f "$(_portkey_entry "$dir")" ] || [ ! -f "$(_ccr_entry "$dir")" ]; then
        _peers_say "npm ci succeeded but a peer's entry point is missing under $dir/node_modules"
        return 1
    fi
    echo "$want" >"$marker"
}

_portkey_entry() { echo "$1/node_modules/@portkey-ai/gateway/build/start-server.js"; }
_ccr_entry() { echo "$1/node_modules/@musistudio/claude-code-router/dist/cli.js"; }

# Waits until URL answers (curl -f), the process dies, or PEERS_START_TIMEOUT passes. name, pid, url, log.
_peers_wait() {
    local name="$1" pid="$2" url="$3" log="$4" deadline
    deadline=$(($(date +%s) + ${PEERS_START_TIMEOUT:-30}))
    while :; do
        curl -sf -o /dev/null --max-time 2 "$url" && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            _peers_say "$name exited before it answered $url; the end of $log:"
            tail -n 15 "$log" >&2
            return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            _peers_say "$name did not answer $url within ${PEERS_START_TIMEOUT:-30} s; the end of $log:"
            tail -n 15 "$log" >&2
            return 1
        fi
        sleep 0.05
    done
}

# One request through the peer to the mock: a peer that starts but cannot reach the mock is no peer for the bench.
# name, pid, log, expected body fragment, then curl's arguments.
_peers_check() {
    local name="$1" pid="$2" log="$3" want="$4" out
    shift 4
    out="$(curl -s --max-time 10 -w '\n%{http_code}' "$@")"
    if [ "$(tail -n 1 <<<"$out")" = 200 ] && grep -qF "$want" <<<"$out"; then return 0; fi
    _peers_say "$name answered but not with the mock's answer: HTTP $(tail -n 1 <<<"$out"): $(sed '$d' <<<"$out" | head -c 400)"
    _peers_say "the end of $log:"
    tail -n 15 "$log" >&2
    return 1
}

_peers_stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

# A port something already answers on would pass the readiness check while the new peer dies on EADDRINUSE.
_peers_port_free() {  # name port
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$2/"; then
        _peers_say "$1 cannot listen on 127.0.0.1:$2: something already answers there"
        return 1
    fi
}

_peers_dir() {  # the install dir, absolute
    [ -d "$1" ] || { _peers_say "no peers install at $1 (run peers_install $1 first)"; return 1; }
    (cd "$1" && pwd)
}

# ---------------------------------------------------------------------------------------- Portkey's gateway
# @portkey-ai/gateway 1.15.2, its bin build/start-server.js. It takes only `--port=N` (not `--port N`) and
# `--headless` (no UI routes, no "UI:" line), and listens on every interface: @hono/node-server's serve() is given
# no hostname. loopback.mjs, preloaded with --import, supplies 127.0.0.1 to a listen() that names a port and no
# host, so the peer stays on loopback like everything else in the bench.
# package.json overrides @hono/node-server, @hono/node-ws and hono to the versions in Portkey's own lock for
# 1.15.2 (1.13.5, 1.2.0, 4.9.7): with the @hono/node-server that npm would pick today (> 1.14.2), every
# streamed answer is a 500 "Something went wrong" (TypeError: immutable, in updateHeaders: Portkey-AI/gateway
# issue 1389).
# No config: the upstream comes with each request, as headers (portkey_headers). Good to know when reading its
# figures: on the first chunk of each streamed answer it sleeps 25 ms (a setTimeout in its stream reader).
_portkey_preload() {
    cat >"$1/loopback.mjs" <<'JS'
// Written by tests/bench/peers.sh: listen(port[, undefined][, cb]) binds 127.0.0.1, not every interface.
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') {
    if (args.length > 1 && args[1] === undefined) args[1] = '127.0.0.1';
    else if (args.length === 1 || typeof args[1] === 'function') args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
JS
}

# The command that runs Portkey on 127.0.0.1:PORT in the foreground, one word a line. DIR PORT.
portkey_command() {
    local dir node
    dir="$(_peers_dir "${1:?portkey_command DIR PORT}")" || return 1
    node="$(peers_node)" || return 1
    [ -f "$(_portkey_entry "$dir")" ] || { _peers_say "Portkey is not installed in $dir (peers_install $dir)"; return 1; }
    _portkey_preload "$dir" || { _peers_say "cannot write $dir/loopback.mjs"; return 1; }
    printf '%s\n' "$node" --import "$dir/loopback.mjs" "$(_portkey_entry "$dir")" "--port=${2:?port}" --headless
}

# The headers that make Portkey forward to MOCK as an OpenAI-compatible host, one "Name: value" a line.
# custom-host is the base the OpenAI paths are appended to, so it ends in /v1 (without it the mock sees
# /chat/completions and answers 404). 127.0.0.1 and localhost are on its default TRUSTED_CUSTOM_HOSTS list.
portkey_headers() {
    local mock="${1:?portkey_headers MOCK_ORIGIN}"
    printf '%s\n' "x-portkey-provider: openai" "x-portkey-custom-host: ${mock%/}/v1"
}

# Starts Portkey in the background on 127.0.0.1:PORT, sets PORTKEY_PID, and returns once it answered one chat
# completion from MOCK through itself. DIR PORT MOCK_ORIGIN LOGFILE.
portkey_start() {
    local dir="${1:?portkey_start DIR PORT MOCK LOG}" port="${2:?port}" mock="${3:?mock origin}" log="${4:?log file}"
    local cmd header args=()
    PORTKEY_PID=""
    _peers_port_free "Portkey's gateway" "$port" || return 1
    mapfile -t cmd < <(portkey_command "$dir" "$port")
    [ "${#cmd[@]}" -gt 0 ] || { _peers_say "Portkey cannot be started (see above)"; return 1; }
    "${cmd[@]}" >"$log" 2>&1 &
    PORTKEY_PID=$!
    # GET / is its own "AI Gateway says hey!", up as soon as it listens (the 1 s spinner it prints comes after).
    _peers_wait "Portkey's gateway" "$PORTKEY_PID" "http://127.0.0.1:$port/" "$log" ||
        { _peers_stop "$PORTKEY_PID"; PORTKEY_PID=""; return 1; }
    while IFS= read -r header; do args+=(-H "$header"); done < <(portkey_headers "$mock")
    _peers_check "Portkey's gateway" "$PORTKEY_PID" "$log" '"choices"' "http://127.0.0.1:$port/v1/chat/completions" \
        -H 'Content-Type: application/json' "${args[@]}" \
        -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"ping"}]}' ||
        { _peers_stop "$PORTKEY_PID"; PORTKEY_PID=""; return 1; }
}

# ---------------------------------------------------------------------------------------- claude-code-router
# @musistudio/claude-code-router 2.0.0 (3.x depends on a package that was never published). `ccr start` is the
# server itself, in the foreground: it is what `ccr code` spawns detached. It reads $HOME/.claude-code-router/
# config.json and writes a pid file there and $HOME/.claude.json, so each instance gets its own HOME (WORKDIR):
# nothing of the user's is read or touched. HOST is honoured only with an APIKEY set (without one it forces
# 127.0.0.1 anyway), and every request but /health must carry the key. LOG false: its default is debug-level
# logging of every request to files under HOME (CCR_LOG=1 keeps it).
# The mock is an OpenAI-compatible provider (no transformer: ccr's own Anthropic <-> OpenAI chat translation),
# and Router.default sends every model there.
_ccr_config() {  # workdir port mock
    local log=false
    [ "${CCR_LOG:-0}" = 1 ] && log=true
    mkdir -p "$1/.claude-code-router" || { _peers_say "cannot create $1/.claude-code-router"; return 1; }
    rm -f "$1/.claude-code-router/.claude-code-router.pid"  # a stale pid that is alive again makes `start` a no-op
    cat >"$1/.claude-code-router/config.json" <<JSON
{
  "APIKEY": "$CCR_APIKEY",
  "HOST": "127.0.0.1",
  "PORT": $2,
  "LOG": $log,
  "Providers": [
    {"name": "mock", "api_base_url": "${3%/}/v1/chat/completions", "api_key": "sk-pathwise-mock", "models": ["gpt-4o-mini"]}
  ],
  "Router": {"default": "mock,gpt-4o-mini"}
}
JSON
}

# Writes WORKDIR's config and prints the command that runs ccr on 127.0.0.1:PORT in the foreground, one word a
# line. DIR PORT MOCK_ORIGIN WORKDIR.
ccr_command() {
    local dir node work
    dir="$(_peers_dir "${1:?ccr_command DIR PORT MOCK WORKDIR}")" || return 1
    node="$(peers_node)" || return 1
    [ -f "$(_ccr_entry "$dir")" ] || { _peers_say "claude-code-router is not installed in $dir (peers_install $dir)"; return 1; }
    mkdir -p "${4:?workdir}" || { _peers_say "cannot create $4"; return 1; }
    work="$(cd "$4" && pwd)" || return 1
    _ccr_config "$work" "${2:?port}" "${3:?mock origin}" || return 1
    printf '%s\n' env "HOME=$work" "$node" "$(_ccr_entry "$dir")" start
}

# The auth header(s) ccr wants, one "Name: value" a line.
ccr_headers() { echo "x-api-key: $CCR_APIKEY"; }

# Starts ccr in the background on 127.0.0.1:PORT with WORKDIR as its HOME, sets CCR_PID, and returns once it
# answered one Anthropic message built from MOCK's OpenAI answer. DIR PORT MOCK_ORIGIN WORKDIR LOGFILE.
ccr_start() {
    local dir="${1:?ccr_start DIR PORT MOCK WORKDIR LOG}" port="${2:?port}" mock="${3:?mock origin}"
    local work="${4:?workdir}" log="${5:?log file}" cmd header args=()
    CCR_PID=""
    _peers_port_free "claude-code-router" "$port" || return 1
    mapfile -t cmd < <(ccr_command "$dir" "$port" "$mock" "$work")
    [ "${#cmd[@]}" -gt 0 ] || { _peers_say "claude-code-router cannot be started (see above)"; return 1; }
    "${cmd[@]}" >"$log" 2>&1 &  # env execs node: $! is the server's pid
    CCR_PID=$!
    _peers_wait "claude-code-router" "$CCR_PID" "http://127.0.0.1:$port/health" "$log" ||
        { _peers_stop "$CCR_PID"; CCR_PID=""; return 1; }
    while IFS= read -r header; do args+=(-H "$header"); done < <(ccr_headers)
    _peers_check "claude-code-router" "$CCR_PID" "$log" '"type":"message"' "http://127.0.0.1:$port/v1/messages" \
        -H 'Content-Type: application/json' -H 'anthropic-version: 2023-06-01' "${args[@]}" \
        -d '{"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"ping"}]}' ||
        { _peers_stop "$CCR_PID"; CCR_PID=""; return 1; }
}

# "name version, name version" of the installed peers, for the report.
peers_versions() {
  local dir
  dir=$(_peers_dir "$1") || return 1
  node -e 'const d=process.argv[1];const n=["@portkey-ai/gateway","@musistudio/claude-code-router"];
    console.log(n.map(p=>p+" "+require(d+"/node_modules/"+p+"/package.json").version).join(", "))' "$dir"
}
