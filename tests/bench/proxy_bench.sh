#!/usr/bin/env bash
# proxy_bench.sh — pathwise vs nginx as a reverse proxy in front of the same upstream (the standalone
# `pathwise mock`), non-streamed JSON chat completions, loopback only. Prints requests/s, latency p50/p99 and
# pathwise's RSS. Reports numbers only: no assertion on timings (machines differ).
#
#   tests/bench/proxy_bench.sh [path/to/pathwise]      (or PATHWISE_BINARY=...; BENCH_DURATION=10s BENCH_CONNECTIONS=64)
set -euo pipefail

PATHWISE_BIN="${1:-${PATHWISE_BINARY:-${PATHWISE_BIN:-$(dirname "$0")/../../build/native/pathwise}}}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"

for tool in wrk nginx python3; do
    command -v "$tool" >/dev/null || { echo "proxy_bench: '$tool' is missing — run scripts/setup.sh" >&2; exit 1; }
done
[ -x "$PATHWISE_BIN" ] || { echo "proxy_bench: no pathwise binary at $PATHWISE_BIN (build it, or pass its path)" >&2; exit 1; }

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Waits for "<prefix>http://127.0.0.1:N" as the first line of a file and prints the origin.
wait_origin() {
    local file="$1" prefix="$2"
    for _ in $(seq 100); do
        if grep -q "^$prefix" "$file" 2>/dev/null; then head -1 "$file" | sed "s|^$prefix||"; return 0; fi
        sleep 0.05
    done
    echo "proxy_bench: no listening line in $file" >&2; cat "$file" >&2; return 1
}

# 1. The upstream: Pathwise's mock as a provider stand-in, no token delay (non-streamed answers have none anyway).
"$PATHWISE_BIN" mock --port 0 --threads 512 --token-delay-ms 0 >"$WORK/mock.out" 2>"$WORK/mock.err" &
PIDS+=($!)
MOCK="$(wait_origin "$WORK/mock.out" "pathwise mock listening on ")"

# 2. nginx (reference reverse proxy): keep-alive pool to the upstream, like pathwise's.
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    upstream mock { server ${MOCK#http://}; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://mock;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off; user root;' 2>"$WORK/nginx/stderr" &
PIDS+=($!)

# 3. pathwise serve in front of the same mock (logs go to a file, as a service's would).
"$PATHWISE_BIN" serve --port 0 --upstream "openai=$MOCK" >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVE_PID=$!
PIDS+=($SERVE_PID)
PATHWISE="$(wait_origin "$WORK/serve.out" "pathwise listening on ")"

for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/v1/models" && break
    sleep 0.05
done

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in five words."}]}'
wrk.headers["Content-Type"] = "application/json"
LUA

run() {  # name url
    local name="$1" url="$2" out
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/post.lua" "$url/v1/chat/completions")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)"
    printf '%-22s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, POST /v1/chat/completions (non-streamed JSON), loopback"
run "mock (no proxy)" "$MOCK"
run "nginx -> mock" "http://127.0.0.1:$NGINX_PORT"
run "pathwise -> mock" "$PATHWISE"
awk '/^VmRSS|^VmHWM/ {printf "pathwise %s %s %s\n", $1, $2, $3}' "/proc/$SERVE_PID/status"
echo "pathwise threads: $(awk '/^Threads/ {print $2}' "/proc/$SERVE_PID/status")"
