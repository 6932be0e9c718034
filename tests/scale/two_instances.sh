#!/usr/bin/env bash
# two_instances.sh — Pathwise scales out behind an L7 balancer: one `pathwise mock`, two `pathwise serve` and
# nginx in front of them (an `upstream` block, round robin, keep-alive pool), all real processes on loopback.
#
# nginx runs the README's "Running more than one instance" block as printed (README.md, or the second argument).
# Each phase starts two fresh instances and a fresh nginx, runs 8 slow streams through nginx (both instances
# must get some; the X-Pathwise-Instance header nginx adds says which one served each), stops the second
# instance mid-stream, then sends 50 new requests (25 plain, 25 streamed) that must all succeed on the survivor.
# The phases differ in how the instance stops (native/src/cli/serve.cpp):
#   sigterm  SIGTERM, grace long enough: its streams are finished by the drain ([DONE]), it exits 0;
#   grace    SIGTERM, grace 500 ms: its streams end at the grace with Pathwise's proxy_shutting_down event;
#   sigkill  SIGKILL (a crash): its streams are cut (the client sees a truncated chunked body, curl exit 18).
# New requests never see the stopped instance: its listening socket is closed at once (connect refused), and
# nginx's `proxy_next_upstream error` sends a refused connect to the other server.
#
#   tests/scale/two_instances.sh path/to/pathwise [README.md]
# prints one ok/FAIL line per check, then "N passed, N failed"; KEEP_WORK=1 keeps every process's log.
set -uo pipefail

binary=${1:-${PATHWISE_BINARY:-}}
readme=${2:-$(dirname "$0")/../../README.md}
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
  echo "usage: $0 path/to/pathwise [README.md] (no executable at '${binary}')"
  echo "0 passed, 1 failed"
  exit 2
fi
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for tool in "$nginx" curl python3; do
  command -v "$tool" >/dev/null || { echo "two_instances: '$tool' is missing"; echo "0 passed, 1 failed"; exit 2; }
done

STREAMS=8           # slow streams started before the stop
NEW_REQUESTS=50     # requests sent after it (half plain, half streamed)
TOKEN_DELAY_MS=40   # the mock's pause between streamed events
SLOW_TOKENS=100     # a slow stream: ~100 events, about 4 s
FAST_TOKENS=3       # a new streamed request: a handful of events

work=$(mktemp -d)
pids=()     # servers and nginx
clients=()  # the subshells running one client request each (curl is their child)
cleanup() {
  local pid
  for pid in "${clients[@]}"; do pkill -TERM -P "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "(logs kept in $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
check() {  # check "what" command...: ok when the command succeeds
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
  exit $?
}

# Polls `command...` every 0.1 s for at most `seconds`; no fixed sleeps anywhere else.
wait_for() {
  local seconds=$1
  shift
  local tries=$((seconds * 10))
  for _ in $(seq "$tries"); do
    "$@" && return 0
    sleep 0.1
  done
  "$@"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The origin from a "<prefix>http://127.0.0.1:N" first stdout line.
origin_of() { sed -n "1s|^$2||p" "$1" 2>/dev/null; }
has_origin() { [ -n "$(origin_of "$1" "$2")" ]; }

# --- the upstream: one mock for every phase --------------------------------------------------------------
"$binary" mock --port 0 --test-knobs --threads 256 --token-delay-ms "$TOKEN_DELAY_MS" \
  >"$work/mock.out" 2>"$work/mock.err" &
pids+=($!)
if ! wait_for 10 has_origin "$work/mock.out" "pathwise mock listening on "; then
  echo "FAIL the mock did not start: $(cat "$work/mock.err")"
  failed=1
  finish
fi
mock=$(origin_of "$work/mock.out" "pathwise mock listening on ")
echo "mock upstream at $mock (token delay ${TOKEN_DELAY_MS} ms)"

# --- one instance -----------------------------------------------------------------------------------------
start_instance() {  # start_instance DIR NAME GRACE_MS → sets instance_pid; its origin lands in DIR/NAME.origin
  local dir=$1 name=$2 grace=$3
  "$binary" serve --port 0 --upstream "openai=$mock" --shutdown-grace-ms "$grace" \
    >"$dir/$name.out" 2>"$dir/$name.err" &
  instance_pid=$!
  pids+=("$instance_pid")
}

ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/readyz")" = 200 ]; }
refuses() {  # connect refused (curl exit 7): nothing listens there any more
  curl -s -o /dev/null --max-time 2 "$1/healthz"
  [ $? = 7 ]
}
gone() { ! kill -0 "$1" 2>/dev/null; }

# The last address of nginx's X-Pathwise-Instance ($upstream_addr lists every server tried: "B, A").
instance_of() { tr -d '\r' 2>/dev/null <"$1" | sed -n 's/^[Xx]-[Pp]athwise-[Ii]nstance: //p' | sed 's/.*, //' | tail -1; }
tried_of() { tr -d '\r' 2>/dev/null <"$1" | sed -n 's/^[Xx]-[Pp]athwise-[Ii]nstance: //p' | tail -1; }
status_of() { tr -d '\r' 2>/dev/null <"$1" | sed -n 's/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' | tail -1; }

started() { [ -n "$(instance_of "$1.h")" ] && grep -q '^data: ' "$1.b" 2>/dev/null; }
all_started() {
  local i
  for i in $(seq "$STREAMS"); do started "$1/slow$i" || return 1; done
}
any_ended() {
  local i
  for i in $(seq "$STREAMS"); do [ -s "$1/slow$i.rc" ] && return 0; done
  return 1
}
ends_done() { [ "$(tail -c 200 "$1" 2>/dev/null | grep -v '^$' | tail -1)" = "data: [DONE]" ]; }
finished() { [ -s "$1.rc" ]; }
all_finished() {
  local i
  for i in $(seq "$STREAMS"); do finished "$1/slow$i" || return 1; done
}

# nginx runs the README's block as printed ("## Running more than one instance", its ```nginx block): only its
# two `server` lines become this run's instances, its `listen` this run's port, and a test-only location tells
# when nginx is up. The rest (pid, logs, temp paths) is the test's own, in DIR.
write_nginx_conf() {  # write_nginx_conf DIR PORT A B
  local dir=$1 port=$2 a=$3 b=$4
  mkdir -p "$dir/nginx/tmp"
  python3 - "$work/readme_block.conf" "$port" "${a#http://}" "${b#http://}" >"$dir/nginx/block.conf" <<'PY' || return 1
import re, sys
block, port, a, b = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4]
servers = re.findall(r"^(\s*)server\s+[^\s{;]+;", block, re.M)
if len(servers) != 2 or len(re.findall(r"^\s*listen\s+\S+;", block, re.M)) != 1:
    sys.exit("the README's nginx block should have two `server host:port;` lines and one `listen`")
addresses = iter([a, b])
block = re.sub(r"^(\s*)server\s+[^\s{;]+;", lambda m: f"{m.group(1)}server {next(addresses)};", block, flags=re.M)
block = re.sub(r"^(\s*)listen\s+\S+;",
               lambda m: f"{m.group(1)}listen 127.0.0.1:{port};\n{m.group(1)}location = /_balancer_up {{ return 204; }}",
               block, flags=re.M)
print(block)
PY
  cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log info;
events { worker_connections 512; }
http {
    log_format upstreams '\$request_uri \$status upstream=\$upstream_addr (\$upstream_status) \$request_time s';
    access_log $dir/nginx/access.log upstreams;
    client_body_temp_path $dir/nginx/tmp/body;
    proxy_temp_path $dir/nginx/tmp/proxy;
    fastcgi_temp_path $dir/nginx/tmp/fastcgi;
    uwsgi_temp_path $dir/nginx/tmp/uwsgi;
    scgi_temp_path $dir/nginx/tmp/scgi;
    include $dir/nginx/block.conf;
}
CONF
}

chat_body() {  # chat_body STREAM(true|false)
  printf '{"model":"gpt-test","stream":%s,"messages":[{"role":"user","content":"hi"}]}' "$1"
}

# One client request through nginx; leaves FILE.h (headers), FILE.b (body), FILE.rc (curl's exit code).
request() {  # request FILE STREAM TOKENS
  local file=$1 stream=$2 tokens=$3
  curl -sS -N --max-time 45 -D "$file.h" -o "$file.b" -H 'content-type: application/json' \
    -H "x-pathwise-mock-tokens: $tokens" -d "$(chat_body "$stream")" "$lb/v1/chat/completions" 2>"$file.err"
  echo $? >"$file.rc"
}

plain_answer_ok() {  # a complete non-streamed chat completion
  python3 - "$1" <<'PY'
import json, sys
try:
    answer = json.load(open(sys.argv[1]))
    choice = answer["choices"][0]
    sys.exit(0 if choice["message"]["content"] and choice["finish_reason"] == "stop" else 1)
except Exception:
    sys.exit(1)
PY
}

in_flight() { curl -s --max-time 5 "$1/metrics" | sed -n 's/^pathwise_requests_in_flight //p'; }

# --- one phase ---------------------------------------------------------------------------------------------
phase() {  # phase NAME SIGNAL GRACE_MS
  local name=$1 signal=$2 grace=$3
  local dir="$work/$name"
  mkdir -p "$dir"
  echo
  echo "== phase $name: stop the second instance with SIG$signal (shutdown_grace_ms $grace) mid-stream"

  start_instance "$dir" a 10000
  local pid_a=$instance_pid
  start_instance "$dir" b "$grace"
  local pid_b=$instance_pid
  if ! wait_for 10 has_origin "$dir/a.out" "pathwise listening on " ||
    ! wait_for 10 has_origin "$dir/b.out" "pathwise listening on "; then
    fail "$name: both instances start ($(cat "$dir/a.err" "$dir/b.err"))"
    return
  fi
  local a b
  a=$(origin_of "$dir/a.out" "pathwise listening on ")
  b=$(origin_of "$dir/b.out" "pathwise listening on ")
  check "$name: both instances are ready (GET /readyz 200: the mock is reachable) — A=$a B=$b" \
    wait_for 10 eval 'ready "$a" && ready "$b"'

  local port
  port=$(free_port)
  if ! write_nginx_conf "$dir" "$port" "$a" "$b"; then
    fail "$name: the README's nginx block fits this run"
    return
  fi
  "$nginx" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' >"$dir/nginx/stdout" 2>&1 &
  local pid_nginx=$!
  pids+=("$pid_nginx")
  lb="http://127.0.0.1:$port"
  if ! wait_for 10 eval '[ "$(curl -s -o /dev/null -w "%{http_code}" "$lb/_balancer_up")" = 204 ]'; then
    fail "$name: nginx starts on $lb ($(cat "$dir/nginx/stdout" "$dir/nginx/error.log" 2>/dev/null))"
    return
  fi

  # 1. Slow streams, all running at once.
  local i
  for i in $(seq "$STREAMS"); do
    request "$dir/slow$i" true "$SLOW_TOKENS" &
    clients+=($!)
  done
  wait_for 30 eval 'all_started "$dir" || any_ended "$dir"'
  if ! all_started "$dir"; then
    fail "$name: all $STREAMS streams started through nginx (first one: $(status_of "$dir/slow1.h") $(head -c 300 "$dir/slow1.b"))"
    return
  fi
  local on_a=() on_b=() other=()
  for i in $(seq "$STREAMS"); do
    case "$(instance_of "$dir/slow$i.h")" in
      "${a#http://}") on_a+=("$i") ;;
      "${b#http://}") on_b+=("$i") ;;
      *) other+=("$i") ;;
    esac
  done
  check "$name: the $STREAMS streams were spread over both instances (A: ${#on_a[@]}, B: ${#on_b[@]})" \
    eval '[ ${#on_a[@]} -gt 0 ] && [ ${#on_b[@]} -gt 0 ] && [ ${#other[@]} = 0 ]'
  local done_early=0
  for i in $(seq "$STREAMS"); do ends_done "$dir/slow$i.b" && done_early=$((done_early + 1)); done
  check "$name: every stream is still running when B is stopped" [ "$done_early" = 0 ]
  if [ "$name" = sigterm ]; then
    # Each instance counts only its own requests: its live list and metrics are per instance.
    local flight_a flight_b
    flight_a=$(in_flight "$a") flight_b=$(in_flight "$b")
    check "$name: /metrics is per instance: in flight A=$flight_a B=$flight_b (each its own streams + this scrape)" \
      eval '[ "$flight_a" = $((${#on_a[@]} + 1)) ] && [ "$flight_b" = $((${#on_b[@]} + 1)) ]'
  fi

  # 2. Stop B.
  kill -"$signal" "$pid_b"
  [ "$signal" = KILL ] && { wait "$pid_b"; } 2>/dev/null  # reaped here, so bash prints no "Killed" line
  check "$name: B stops accepting at once (connect refused)" wait_for 10 refuses "$b"
  if [ "$signal" = TERM ]; then
    check "$name: B says it drains: 'SIGTERM received: no new connections; letting ${#on_b[@]} request(s) finish'" \
      wait_for 5 grep -q "SIGTERM received: no new connections; letting ${#on_b[@]} request(s) finish" "$dir/b.err"
  fi

  # 3. New requests while B is gone: 5 at a time, alternately plain and streamed.
  local n new_pids=()
  for n in $(seq "$NEW_REQUESTS"); do
    if [ $((n % 2)) = 1 ]; then request "$dir/new$n" false 0 & else request "$dir/new$n" true "$FAST_TOKENS" & fi
    new_pids+=($!)
    clients+=($!)
    if [ $((n % 5)) = 0 ]; then wait "${new_pids[@]}"; new_pids=(); fi
  done
  [ ${#new_pids[@]} -gt 0 ] && wait "${new_pids[@]}"
  local good=0 on_survivor=0 retried=0 bad=()
  for n in $(seq "$NEW_REQUESTS"); do
    local f="$dir/new$n" complete=1
    [ "$(cat "$f.rc")" = 0 ] && [ "$(status_of "$f.h")" = 200 ] || complete=0
    if [ $((n % 2)) = 1 ]; then plain_answer_ok "$f.b" || complete=0; else ends_done "$f.b" || complete=0; fi
    if [ $complete = 1 ]; then good=$((good + 1)); else bad+=("$n: rc $(cat "$f.rc") status $(status_of "$f.h") $(head -c 200 "$f.b")"); fi
    [ "$(instance_of "$f.h")" = "${a#http://}" ] && on_survivor=$((on_survivor + 1))
    [ "$(tried_of "$f.h")" != "$(instance_of "$f.h")" ] && retried=$((retried + 1))
  done
  check "$name: all $NEW_REQUESTS new requests answered 200 with a complete answer ($good; plain: finish_reason stop, streamed: data: [DONE])" \
    [ "$good" = "$NEW_REQUESTS" ]
  for n in "${bad[@]}"; do echo "       request $n"; done
  check "$name: all $NEW_REQUESTS were served by the survivor A ($on_survivor; B refused the connect of $retried, which nginx retried on A)" \
    [ "$on_survivor" = "$NEW_REQUESTS" ]

  # 4. The slow streams end: those on A complete, those on B as the stop decides.
  check "$name: every slow stream's client returned within 30 s" wait_for 30 all_finished "$dir"
  local a_done=0
  for i in "${on_a[@]}"; do
    [ "$(cat "$dir/slow$i.rc")" = 0 ] && ends_done "$dir/slow$i.b" && a_done=$((a_done + 1))
  done
  check "$name: all ${#on_a[@]} streams on the survivor A completed (curl exit 0, last event data: [DONE])" \
    [ "$a_done" = "${#on_a[@]}" ]
  local b_done=0 b_cut=0 b_event=0 rcs=""
  for i in "${on_b[@]}"; do
    local f="$dir/slow$i" rc
    rc=$(cat "$f.rc")
    rcs+=" $rc"
    if [ "$rc" = 0 ] && ends_done "$f.b"; then
      b_done=$((b_done + 1))
    elif [ "$rc" = 0 ] && grep -q '"proxy_shutting_down"' "$f.b"; then
      b_event=$((b_event + 1))
    elif [ "$rc" != 0 ] && ! ends_done "$f.b"; then
      b_cut=$((b_cut + 1))
    fi
  done
  case "$name" in
    sigterm)
      check "$name: all ${#on_b[@]} streams on B were finished by the drain (curl exit 0, data: [DONE])" \
        [ "$b_done" = "${#on_b[@]}" ]
      check "$name: B exited 0 once they had ended ('pathwise serve: stopped')" \
        eval 'wait_for 15 gone "$pid_b" && grep -q "pathwise serve: stopped" "$dir/b.err"' ;;
    grace)
      check "$name: all ${#on_b[@]} streams on B ended at the grace with Pathwise's error event (\"proxy_shutting_down\", clean end, no [DONE])" \
        [ "$b_event" = "${#on_b[@]}" ]
      check "$name: B logged 'shutdown grace elapsed; ending ${#on_b[@]} remaining request(s)' and exited" \
        eval 'wait_for 15 gone "$pid_b" && grep -q "shutdown grace elapsed; ending ${#on_b[@]} remaining" "$dir/b.err"' ;;
    sigkill)
      check "$name: all ${#on_b[@]} streams on B were cut (no [DONE], curl exit:$rcs; 18 = transfer closed early)" \
        [ "$b_cut" = "${#on_b[@]}" ] ;;
  esac
  local failed_clients=0
  for i in $(seq "$STREAMS"); do
    { [ "$(cat "$dir/slow$i.rc")" = 0 ] && ends_done "$dir/slow$i.b"; } || failed_clients=$((failed_clients + 1))
  done
  local expected_failures=$((${#on_b[@]} - b_done))
  check "$name: the only failed client requests are B's streams ($failed_clients of $((STREAMS + NEW_REQUESTS)) failed, $expected_failures expected)" \
    eval '[ "$failed_clients" = "$expected_failures" ] && [ "$good" = "$NEW_REQUESTS" ] && [ "$a_done" = "${#on_a[@]}" ]'
  check "$name: A is still ready afterwards" ready "$a"

  kill -TERM "$pid_nginx" "$pid_a" "$pid_b" 2>/dev/null
  wait_for 15 eval 'gone "$pid_nginx" && gone "$pid_a" && gone "$pid_b"' ||
    echo "       (phase $name: a process did not stop within 15 s; the exit trap kills it)"
}

# The nginx config is the README's, as printed.
sed -n '/^## Running more than one instance/,/^## /p' "$readme" | sed -n '/^```nginx$/,/^```$/p' | sed '1d;$d' \
  >"$work/readme_block.conf"
if grep -q 'upstream pathwise' "$work/readme_block.conf"; then
  ok "the README's '## Running more than one instance' has an nginx block with 'upstream pathwise'"
else
  fail "the README's '## Running more than one instance' has an nginx block with 'upstream pathwise' ($readme)"
  finish
fi

# The binary says what it calls the grace setting; the phases rely on that flag.
if ! "$binary" serve --help | grep -q -- '--shutdown-grace-ms'; then
  fail "pathwise serve --help lists --shutdown-grace-ms"
  finish
fi

started_at=$SECONDS
phase sigterm TERM 15000
phase grace TERM 500
phase sigkill KILL 10000
echo
echo "($((SECONDS - started_at)) s)"
finish
