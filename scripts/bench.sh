#!/usr/bin/env bash
# The benchmark: Pathwise side by side with the direct path, nginx and the peers users pick instead, all in
# front of the same upstreams on loopback, measured in one run. Prints one markdown report (also saved to
# build/bench/report.md). Numbers only: never pass/fail (docs/benchmarks.md says what each figure means).
#
#   scripts/bench.sh [--quick] [--duration SECONDS] [--out FILE]
#
# --quick: 1-second runs, fewer streams (checks the bench itself works; the figures are rough).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

duration=5
streams=20
slow_streams=1000
slow_events=40
slow_interval_ms=250
coldstart_runs=10
peer_coldstart_runs=3
out="$root/build/bench/report.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) duration=1; streams=5; slow_streams=200; slow_events=8; coldstart_runs=3; peer_coldstart_runs=1 ;;
    --duration) duration=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "usage: scripts/bench.sh [--quick] [--duration SECONDS] [--out FILE]" >&2; exit 2 ;;
  esac
  shift
done
concurrencies=(1 16 64 256)

say() { echo "bench: $*" >&2; }

# ------------------------------------------------------------------------------------------------ set-up
bash "$root/scripts/setup.sh" >&2 || { say "setup failed"; exit 1; }
release="$root/build/release"
generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# The build a user runs: Release, only what the bench needs.
cmake -S "$root" -B "$release" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null &&
  cmake --build "$release" -j "${PATHWISE_JOBS:-$(nproc)}" --target pathwise stream_bench >&2 ||
  { say "the Release build failed"; exit 1; }
pathwise="$release/native/pathwise"
stream_bench="$release/tests/bench/stream_bench"

# 1,000 streams through a proxy hold 2,000 sockets; the default soft limit is often 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# shellcheck source=../tests/bench/peers.sh
source "$root/tests/bench/peers.sh"
peers_dir="$root/build/bench-peers"
peers_problem=""
peers_install "$peers_dir" >&2 || peers_problem="npm could not install the pinned peers (tests/bench/peers)"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Waits for "<prefix>http://127.0.0.1:N" as the first line of a file and prints the origin.
wait_origin() {
  local file=$1 prefix=$2
  for _ in $(seq 200); do
    if grep -q "^$prefix" "$file" 2>/dev/null; then head -1 "$file" | sed "s|^$prefix||"; return 0; fi
    sleep 0.05
  done
  say "no listening line in $file:"; cat "$file" >&2; return 1
}

wait_http() {  # url: any answer at all
  for _ in $(seq 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.05; done
  say "nothing answers at $1"; return 1
}

# RSS of a process and its descendants, in KiB (shared pages counted once per process).
tree_pids() {
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree_pids "$child"; done
}
# Sums what an awk program prints for /proc/PID/FILE over a process and its descendants.
tree_sum() {  # pid, file, awk program
  local total=0 pid value
  for pid in $(tree_pids "$1"); do
    value=$(awk "$3" /proc/"$pid"/"$2" 2>/dev/null)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
tree_rss_kib() { tree_sum "$1" status '/^VmRSS:/ {print $2}'; }
tree_cpu_ticks() { tree_sum "$1" stat '{sub(/^.*\) /, ""); print $12 + $13}'; }  # utime + stime (proc(5))
# Samples a tree's RSS every 0.2 s into FILE (its peak on the last line) until killed.
start_sampler() {
  local pid=$1 file=$2
  (peak=0; while kill -0 "$pid" 2>/dev/null; do
     rss=$(tree_rss_kib "$pid"); [ "$rss" -gt "$peak" ] && peak=$rss; echo "$peak" >"$file"; sleep 0.2
   done) &
  sampler=$!
}
stop_sampler() { kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# ------------------------------------------------------------------------------------------------ upstreams
# The mock (what users run by default, no token delay), and stream_bench's upstream: a fixed-response floor
# for plain requests and stamped SSE events for streams (fast ones, and slow ones for the 1,000-stream run).
"$pathwise" mock --port 0 --threads 512 --token-delay-ms 0 >"$work/mock.out" 2>/dev/null &
pids+=($!)
mock=$(wait_origin "$work/mock.out" "pathwise mock listening on ") || exit 1
"$stream_bench" upstream --events 50 --interval-ms 10 >"$work/floor.out" &
pids+=($!)
floor=$(wait_origin "$work/floor.out" "stream_bench upstream listening on ") || exit 1
"$stream_bench" upstream --events "$slow_events" --interval-ms "$slow_interval_ms" >"$work/slow.out" &
pids+=($!)
slow=$(wait_origin "$work/slow.out" "stream_bench upstream listening on ") || exit 1

# ------------------------------------------------------------------------------------------------ proxies
# pathwise serve, one per upstream (each serves one OpenAI upstream); the floor's also translates Anthropic
# requests to it, for the claude-code-router comparison. Request logs go to a file, as a service's would.
start_pathwise() {  # name, then serve flags; sets pw_origin and pw_pid
  local name=$1; shift
  "$pathwise" serve --port 0 "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pw_pid=$!
  pids+=($pw_pid)
  pw_origin=$(wait_origin "$work/$name.out" "pathwise listening on ") || exit 1
}
start_pathwise pw_mock --upstream "openai=$mock"; pw_mock=$pw_origin; pw_mock_pid=$pw_pid
pw_idle_kib=$(tree_rss_kib "$pw_mock_pid")
start_pathwise pw_floor --upstream "openai=$floor" --upstream "anthropic=$floor" \
  --upstream-protocol anthropic=openai-chat; pw_floor=$pw_origin; pw_floor_pid=$pw_pid
start_pathwise pw_floor2 --upstream "openai=$floor"; pw_floor2=$pw_origin
start_pathwise pw_slow --upstream "openai=$slow" --threads 2100; pw_slow=$pw_origin; pw_slow_pid=$pw_pid

# nginx: Debian's, as a plain reverse proxy with a keep-alive pool, one server block per upstream; also the
# balancer in front of one and of two pathwise instances (the scale-out figure).
n_mock=$(free_port); n_floor=$(free_port); n_slow=$(free_port); n_pw1=$(free_port); n_pw2=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
nginx_server() {  # port, upstream name
  cat <<CONF
    server {
        listen 127.0.0.1:$1;
        location / {
            proxy_pass http://$2;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
CONF
}
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
worker_rlimit_nofile 20000;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    proxy_read_timeout 600s;
    upstream mock { server ${mock#http://}; keepalive 64; }
    upstream floor { server ${floor#http://}; keepalive 64; }
    upstream slow { server ${slow#http://}; keepalive 64; }
    upstream pw1 { server ${pw_floor#http://}; keepalive 64; }
    upstream pw2 { server ${pw_floor#http://}; server ${pw_floor2#http://}; keepalive 64; }
$(nginx_server "$n_mock" mock)
$(nginx_server "$n_floor" floor)
$(nginx_server "$n_slow" slow)
$(nginx_server "$n_pw1" pw1)
$(nginx_server "$n_pw2" pw2)
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" &
nginx_pid=$!
pids+=($nginx_pid)
wait_http "http://127.0.0.1:$n_floor/" || exit 1
nginx_idle_kib=$(tree_rss_kib "$nginx_pid")

# The peers, from npm. Portkey takes the upstream per request (headers); claude-code-router one per config.
portkey="" ccr_floor="" ccr_mock="" ccr_slow=""
portkey_problem="$peers_problem" ccr_problem="$peers_problem"
if [ -z "$peers_problem" ]; then
  port=$(free_port)
  if portkey_start "$peers_dir" "$port" "$floor" "$work/portkey.log" >&2; then
    portkey="http://127.0.0.1:$port"; portkey_main_pid=$PORTKEY_PID; pids+=("$PORTKEY_PID")
    portkey_idle_kib=$(tree_rss_kib "$portkey_main_pid")
  else
    portkey_problem="Portkey's gateway did not start: $(tail -3 "$work/portkey.log" | tr '\n' ' ')"
  fi
  for which in floor mock slow; do
    port=$(free_port)
    if ccr_start "$peers_dir" "$port" "${!which}" "$work/ccr-$which" "$work/ccr-$which.log" >&2; then
      printf -v "ccr_$which" '%s' "http://127.0.0.1:$port"; printf -v "ccr_${which}_pid" '%s' "$CCR_PID"
      pids+=("$CCR_PID")
    else
      ccr_problem="claude-code-router did not start: $(tail -3 "$work/ccr-$which.log" | tr '\n' ' ')"
      break
    fi
  done
  [ -n "$ccr_floor" ] && ccr_idle_kib=$(tree_rss_kib "$ccr_floor_pid")
fi

# ------------------------------------------------------------------------------------------------ wrk
openai_body='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in five words."}]}'
anthropic_body='{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello in five words."}]}'
make_lua() {  # file, body, extra header lines ("Name: value")...
  local file=$1 body=$2; shift 2
  {
    echo 'wrk.method = "POST"'
    printf 'wrk.body = [[%s]]\n' "$body"
    echo 'wrk.headers["Content-Type"] = "application/json"'
    for header in "$@"; do
      printf 'wrk.headers["%s"] = [[%s]]\n' "${header%%:*}" "${header#*: }"
    done
  } >"$file"
}
make_lua "$work/openai.lua" "$openai_body"
make_lua "$work/anthropic.lua" "$anthropic_body" "anthropic-version: 2023-06-01" "x-api-key: sk-bench"
if [ -n "$portkey" ]; then
  mapfile -t portkey_floor_headers < <(portkey_headers "$floor")
  mapfile -t portkey_mock_headers < <(portkey_headers "$mock")
  mapfile -t portkey_slow_headers < <(portkey_headers "$slow")
  make_lua "$work/portkey-floor.lua" "$openai_body" "${portkey_floor_headers[@]}"
  make_lua "$work/portkey-mock.lua" "$openai_body" "${portkey_mock_headers[@]}"
fi
if [ -n "$ccr_floor" ]; then
  mapfile -t ccr_auth_headers < <(ccr_headers)
  make_lua "$work/ccr.lua" "$anthropic_body" "anthropic-version: 2023-06-01" "${ccr_auth_headers[@]}"
fi

to_us() {  # "812.00us" | "1.20ms" | "1.02s" -> microseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.0f", v }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.0f", v * 1000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000000 }
    else printf "" }'
}
# One connection measures the code path, not the machine: on this kind of VM a wake-up on an idle vCPU costs
# ~50 µs and varies from run to run (direct was slower than through nginx), so the one-connection lines run
# every process on one core, where each hop is a same-core switch.
set_affinity() {  # cpus: every thread of every process started here, and wrk
  local pid child
  for pid in "${pids[@]}"; do
    for child in $(tree_pids "$pid"); do taskset -a -p -c "$1" "$child" >/dev/null 2>&1; done
  done
}
declare -A rps p50 p99 errs rss_load
# wrk_run KEY URL LUA CONNECTIONS [PID to sample]
wrk_run() {
  local key=$1 url=$2 lua=$3 c=$4 pid=${5:-} result threads=2 pin=()
  [ "$c" -lt 2 ] && threads=1 && pin=(taskset -c 1)
  [ -n "$pid" ] && start_sampler "$pid" "$work/sample"
  result=$("${pin[@]}" wrk -t"$threads" -c"$c" -d"${duration}s" --timeout 10s --latency -s "$lua" "$url" 2>&1)
  if [ -n "$pid" ]; then stop_sampler; rss_load[$key]=$(cat "$work/sample" 2>/dev/null); fi
  rps[$key]=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$result")
  p50[$key]=$(to_us "$(awk '$1 == "50%" {print $2}' <<<"$result")")
  p99[$key]=$(to_us "$(awk '$1 == "99%" {print $2}' <<<"$result")")
  errs[$key]=$(grep -E 'Non-2xx|Socket errors' <<<"$result" | sed -E 's/^ +//' | tr '\n' ' ')
  say "$key: ${rps[$key]} req/s, p50 ${p50[$key]} us, p99 ${p99[$key]} us ${errs[$key]}"
}

pid_if_top() { [ "$c" = 256 ] && echo "$1"; }
for c in "${concurrencies[@]}"; do
  if [ "$c" = 1 ]; then set_affinity 1; else set_affinity 0-$(($(nproc) - 1)); fi
  wrk_run "floor|direct|$c" "$floor/v1/chat/completions" "$work/openai.lua" "$c"
  wrk_run "floor|nginx|$c" "http://127.0.0.1:$n_floor/v1/chat/completions" "$work/openai.lua" "$c" \
    "$(pid_if_top "$nginx_pid")"
  wrk_run "floor|pathwise|$c" "$pw_floor/v1/chat/completions" "$work/openai.lua" "$c" "$(pid_if_top "$pw_floor_pid")"
  [ -n "$portkey" ] && wrk_run "floor|portkey|$c" "$portkey/v1/chat/completions" "$work/portkey-floor.lua" "$c" \
    "$(pid_if_top "$portkey_main_pid")"
  wrk_run "mock|direct|$c" "$mock/v1/chat/completions" "$work/openai.lua" "$c"
  wrk_run "mock|nginx|$c" "http://127.0.0.1:$n_mock/v1/chat/completions" "$work/openai.lua" "$c"
  wrk_run "mock|pathwise|$c" "$pw_mock/v1/chat/completions" "$work/openai.lua" "$c" "$(pid_if_top "$pw_mock_pid")"
  [ -n "$portkey" ] && wrk_run "mock|portkey|$c" "$portkey/v1/chat/completions" "$work/portkey-mock.lua" "$c"
  # Anthropic in, OpenAI upstream: a translation each way.
  wrk_run "translate|pathwise|$c" "$pw_floor/v1/messages" "$work/anthropic.lua" "$c"
  [ -n "$ccr_floor" ] && wrk_run "translate|ccr|$c" "$ccr_floor/v1/messages" "$work/ccr.lua" "$c" \
    "$(pid_if_top "$ccr_floor_pid")"
done
set_affinity 0-$(($(nproc) - 1))
for c in 64 256; do
  wrk_run "scale|1|$c" "http://127.0.0.1:$n_pw1/v1/chat/completions" "$work/openai.lua" "$c"
  wrk_run "scale|2|$c" "http://127.0.0.1:$n_pw2/v1/chat/completions" "$work/openai.lua" "$c"
done

# ------------------------------------------------------------------------------------------------ streams
declare -A stream_result
stream_run() {  # key, url, then client options
  local key=$1 url=$2; shift 2
  local pin=(); [[ $key == events* ]] && pin=(taskset -c 1)
  stream_result[$key]=$("${pin[@]}" "$stream_bench" client --url "$url" "$@")
  say "$key: ${stream_result[$key]}"
}
field() { grep -oE "(^| )$2=[^ ]*" <<<"${stream_result[$1]:-}" | head -1 | cut -d= -f2; }
openai_stream='{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Count."}]}'
anthropic_stream='{"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Count."}]}'
# One stream at a time, on one core like the one-connection lines (see set_affinity).
set_affinity 1
stream_run "events|direct" "$floor/v1/chat/completions" --streams "$streams" --expect-events 50
stream_run "events|nginx" "http://127.0.0.1:$n_floor/v1/chat/completions" --streams "$streams" --expect-events 50
stream_run "events|pathwise" "$pw_floor/v1/chat/completions" --streams "$streams" --expect-events 50
if [ -n "$portkey" ]; then
  portkey_args=(); for header in "${portkey_floor_headers[@]}"; do portkey_args+=(--header "$header"); done
  stream_run "events|portkey" "$portkey/v1/chat/completions" --streams "$streams" --expect-events 50 "${portkey_args[@]}"
fi
stream_run "events|pathwise-translate" "$pw_floor/v1/messages" --streams "$streams" --expect-events 50 \
  --body "$anthropic_stream" --header "anthropic-version: 2023-06-01" --header "x-api-key: sk-bench"
if [ -n "$ccr_floor" ]; then
  ccr_args=(); for header in "${ccr_auth_headers[@]}"; do ccr_args+=(--header "$header"); done
  stream_run "events|ccr" "$ccr_floor/v1/messages" --streams "$streams" --expect-events 50 \
    --body "$anthropic_stream" --header "anthropic-version: 2023-06-01" "${ccr_args[@]}"
fi

# 1,000 slow streams at once through each path: every one must progress to its end.
set_affinity 0-$(($(nproc) - 1))
declare -A slow_rss slow_cpu
slow_run() {  # key, url, pid or "", then client options
  local key=$1 url=$2 pid=$3 before after; shift 3
  if [ -n "$pid" ]; then start_sampler "$pid" "$work/sample"; before=$(tree_cpu_ticks "$pid"); fi
  stream_run "slow|$key" "$url" --streams "$slow_streams" --concurrency "$slow_streams" \
    --expect-events "$slow_events" "$@"
  if [ -n "$pid" ]; then
    after=$(tree_cpu_ticks "$pid"); stop_sampler
    slow_rss[$key]=$(cat "$work/sample")
    slow_cpu[$key]=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      -v s="$(field "slow|$key" seconds)" 'BEGIN {printf "%.1f", 100 * t / hz / s}')
  fi
}
slow_run direct "$slow/v1/chat/completions" ""
slow_run nginx "http://127.0.0.1:$n_slow/v1/chat/completions" "$nginx_pid"
slow_run pathwise "$pw_slow/v1/chat/completions" "$pw_slow_pid"
if [ -n "$portkey" ]; then
  slow_args=(); for header in "${portkey_slow_headers[@]}"; do slow_args+=(--header "$header"); done
  slow_run portkey "$portkey/v1/chat/completions" "$portkey_main_pid" "${slow_args[@]}"
fi
[ -n "$ccr_slow" ] && slow_run ccr "$ccr_slow/v1/messages" "$ccr_slow_pid" --body "$anthropic_stream" \
  --header "anthropic-version: 2023-06-01" "${ccr_args[@]}"

# ------------------------------------------------------------------------------------------------ cold start
declare -A cold
cold_run() {  # key, stream_bench coldstart options and command
  local key=$1; shift
  cold[$key]=$("$stream_bench" coldstart "$@" 2>&1 | grep -oE 'coldstart_p50_ms=[^ ]*' | cut -d= -f2)
  say "cold start $key: ${cold[$key]:-failed} ms"
}
port=$(free_port)
cold_run pathwise --port "$port" --runs "$coldstart_runs" --path /v1/chat/completions --body "$openai_body" -- \
  "$pathwise" serve --port "$port" --upstream "openai=$floor"
port=$(free_port)
mkdir -p "$work/nginx-cold/logs" "$work/nginx-cold/tmp"
sed -e "s|listen 127.0.0.1:$n_floor;|listen 127.0.0.1:$port;|" -e "/listen 127.0.0.1:\($n_mock\|$n_slow\|$n_pw1\|$n_pw2\);/d" \
  -e "s|$work/nginx/|$work/nginx-cold/|g" "$work/nginx/nginx.conf" >"$work/nginx-cold/nginx.conf"
cold_run nginx --port "$port" --runs "$coldstart_runs" --path /v1/chat/completions --body "$openai_body" -- \
  nginx -p "$work/nginx-cold" -c "$work/nginx-cold/nginx.conf" -g 'daemon off;'
if [ -n "$portkey" ]; then
  port=$(free_port)
  portkey_header_args=(); for header in "${portkey_floor_headers[@]}"; do portkey_header_args+=(--header "$header"); done
  mapfile -t portkey_command < <(portkey_command "$peers_dir" "$port")
  cold_run portkey --port "$port" --runs "$peer_coldstart_runs" --path /v1/chat/completions --body "$openai_body" \
    "${portkey_header_args[@]}" -- "${portkey_command[@]}"
fi
if [ -n "$ccr_floor" ]; then
  port=$(free_port)
  mapfile -t ccr_command < <(ccr_command "$peers_dir" "$port" "$floor" "$work/ccr-cold")
  cold_run ccr --port "$port" --runs "$peer_coldstart_runs" --path /v1/messages --body "$anthropic_body" \
    --header "anthropic-version: 2023-06-01" "${ccr_args[@]}" -- "${ccr_command[@]}"
fi

# ------------------------------------------------------------------------------------------------ report
source "$root/tests/bench/report.sh"
mkdir -p "$(dirname "$out")"
write_report | tee "$out"
say "report saved to $out"
