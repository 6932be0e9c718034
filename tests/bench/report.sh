# report.sh — the markdown report of scripts/bench.sh, from the figures it gathered (sourced by it; reads its
# arrays rps, p50, p99, errs, rss_load, stream_result, slow_rss, slow_cpu, cold and its *_kib/*_problem vars).

calc() { awk "BEGIN {printf \"$1\", $2}"; }
# A ratio a/b with two decimals, or "—" when either side is missing or b is not positive.
ratio() {
  if [ -z "${1:-}" ] || [ -z "${2:-}" ]; then echo "—"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "—"; else printf "%.2f×", a / b }'
}
us() { [ -n "${1:-}" ] && calc "%.0f µs" "$1" || echo "—"; }
minus() { if [ -n "${1:-}" ] && [ -n "${2:-}" ]; then calc "%.1f" "$1 - $2"; fi; }
min_of() { printf '%s\n' "$@" | grep -E '^-?[0-9.]+$' | sort -g | head -1; }
met() {  # value, "<=" | ">=" | "<", bound
  if [ -z "${1:-}" ]; then echo "not measured"; return; fi
  awk -v v="$1" -v op="$2" -v b="$3" 'BEGIN {
    ok = (op == "<=" && v <= b) || (op == ">=" && v >= b) || (op == "<" && v < b)
    print ok ? "met" : "**missed**" }'
}
ratio_value() { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b }'; }

machine_section() {
  echo "## Machine and tools"
  echo
  echo "- $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(free -m | awk '/^Mem:/ {print $2}') MiB RAM"
  echo "- kernel $(uname -r), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- $("$pathwise" --version) (Release build, $(g++ --version | head -1)); $(nginx -v 2>&1 | sed 's/nginx version: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- peers: $(peers_versions "$peers_dir" 2>/dev/null || echo "not installed"), on node $("$(peers_node)" --version 2>/dev/null)"
  echo "- runs of ${duration} s per wrk line; ${streams} streams per event-latency line; $slow_streams slow streams of" \
    "$slow_events events every $slow_interval_ms ms"
  echo "- reproduce: \`scripts/bench.sh$([ "$duration" = 1 ] && echo " --quick")\`"
  echo
}

plain_table() {  # workload, title, paths...
  local workload=$1 title=$2 path c key base; shift 2
  echo "### $title"
  echo
  echo "| path | conns | req/s | p50 | p99 | added p50 | added p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for c in "${concurrencies[@]}"; do
    for path in "$@"; do
      key="$workload|$path|$c"
      [ -z "${rps[$key]:-}" ] && continue
      base="floor|direct|$c"; [ "$workload" = mock ] && base="mock|direct|$c"
      echo "| $path | $c | ${rps[$key]} | $(us "${p50[$key]}") | $(us "${p99[$key]}") |" \
        "$(us "$(minus "${p50[$key]}" "${p50[$base]:-}")") | $(us "$(minus "${p99[$key]}" "${p99[$base]:-}")") |" \
        "${errs[$key]:-} |"
    done
  done
  echo
}

write_report() {
  local peer_rps64 peer_cold pw_added nginx_added pw_event_add nginx_event_add
  echo "# Pathwise benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Loopback, one run, the same upstreams behind every path: Pathwise's mock (no token delay) and"
  echo "\`stream_bench upstream\`, a fixed-response floor that also sends timestamped SSE events. \"Added\" is a path's"
  echo "figure minus the direct path's at the same concurrency; ratios are Pathwise's figure over the other's."
  echo "What each figure means and how it is measured: docs/benchmarks.md."
  echo
  machine_section

  # Summary figures.
  pw_added=$(minus "${p50[floor|pathwise|1]:-}" "${p50[floor|direct|1]:-}")
  nginx_added=$(minus "${p50[floor|nginx|1]:-}" "${p50[floor|direct|1]:-}")
  local portkey_added ccr_added pw_tr_added
  portkey_added=$(minus "${p50[floor|portkey|1]:-}" "${p50[floor|direct|1]:-}")
  pw_tr_added=$(minus "${p50[translate|pathwise|1]:-}" "${p50[floor|direct|1]:-}")
  ccr_added=$(minus "${p50[translate|ccr|1]:-}" "${p50[floor|direct|1]:-}")
  pw_event_add=$(minus "$(field "events|pathwise" event_p99_us)" "$(field "events|direct" event_p99_us)")
  nginx_event_add=$(minus "$(field "events|nginx" event_p99_us)" "$(field "events|direct" event_p99_us)")
  local portkey_event_add ccr_event_add pw_event_add50 nginx_event_add50 portkey_event_add50
  portkey_event_add=$(minus "$(field "events|portkey" event_p99_us)" "$(field "events|direct" event_p99_us)")
  ccr_event_add=$(minus "$(field "events|ccr" event_p99_us)" "$(field "events|direct" event_p99_us)")
  pw_event_add50=$(minus "$(field "events|pathwise" event_p50_us)" "$(field "events|direct" event_p50_us)")
  nginx_event_add50=$(minus "$(field "events|nginx" event_p50_us)" "$(field "events|direct" event_p50_us)")
  portkey_event_add50=$(minus "$(field "events|portkey" event_p50_us)" "$(field "events|direct" event_p50_us)")

  echo "## Summary against the targets"
  echo
  echo "| figure | Pathwise | nginx | best peer | × nginx | × best peer | target |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  local c
  for c in 64 1 256; do
    for u in floor mock; do
      peer_rps64=${rps[$u|portkey|$c]:-}
      echo "| req/s at $c conns ($u) | ${rps[$u|pathwise|$c]:-—} | ${rps[$u|nginx|$c]:-—} | ${peer_rps64:-—} (Portkey) |" \
        "$(ratio "${rps[$u|pathwise|$c]:-}" "${rps[$u|nginx|$c]:-}") | $(ratio "${rps[$u|pathwise|$c]:-}" "$peer_rps64") |" \
        "$([ "$c" = 64 ] && echo "≥ 0.8× nginx: $(met "$(ratio_value "${rps[$u|pathwise|$c]:-}" "${rps[$u|nginx|$c]:-}")" ">=" 0.8); ≥ 20× peer: $(met "$(ratio_value "${rps[$u|pathwise|$c]:-}" "$peer_rps64")" ">=" 20)") |"
    done
  done
  echo "| added p50 at 1 conn (floor) | $(us "$pw_added") | $(us "$nginx_added") | $(us "$portkey_added") (Portkey) |" \
    "$(ratio "$pw_added" "$nginx_added") | $(ratio "$pw_added" "$portkey_added") |" \
    "≤ 1.2× nginx: $(met "$(ratio_value "$pw_added" "$nginx_added")" "<=" 1.2) |"
  echo "| added p50 at 1 conn, Anthropic→OpenAI translated | $(us "$pw_tr_added") | — | $(us "$ccr_added") (claude-code-router) |" \
    "— | $(ratio "$pw_tr_added" "$ccr_added") | |"
  echo "| added per SSE event, p50 | $(us "$pw_event_add50") | $(us "$nginx_event_add50") | $(us "$portkey_event_add50") (Portkey) |" \
    "$(ratio "$pw_event_add50" "$nginx_event_add50") | $(ratio "$pw_event_add50" "$portkey_event_add50") | |"
  echo "| added per SSE event, p99 | $(us "$pw_event_add") | $(us "$nginx_event_add") | $(us "$portkey_event_add") (Portkey) |" \
    "$(ratio "$pw_event_add" "$nginx_event_add") | $(ratio "$pw_event_add" "$portkey_event_add") |" \
    "< 500 µs: $(met "$pw_event_add" "<" 500) |"
  echo "| $slow_streams slow streams: complete | $(field slow\|pathwise complete)/$slow_streams |" \
    "$(field slow\|nginx complete)/$slow_streams | $(field slow\|portkey complete)/$slow_streams (Portkey) | | | all progress |"
  echo "| $slow_streams slow streams: RSS peak | $(mib "${slow_rss[pathwise]:-0}") MiB | $(mib "${slow_rss[nginx]:-0}") MiB |" \
    "$(mib "${slow_rss[portkey]:-0}") MiB (Portkey) | $(ratio "${slow_rss[pathwise]:-}" "${slow_rss[nginx]:-}") |" \
    "$(ratio "${slow_rss[pathwise]:-}" "${slow_rss[portkey]:-}") | ≤ 64 MiB: $(met "${slow_rss[pathwise]:-}" "<=" 65536) |"
  echo "| $slow_streams slow streams: CPU | ${slow_cpu[pathwise]:-—} % | ${slow_cpu[nginx]:-—} % | ${slow_cpu[portkey]:-—} % (Portkey) |" \
    "$(ratio "${slow_cpu[pathwise]:-}" "${slow_cpu[nginx]:-}") | $(ratio "${slow_cpu[pathwise]:-}" "${slow_cpu[portkey]:-}") | |"
  peer_cold=$(min_of "${cold[portkey]:-}" "${cold[ccr]:-}")
  echo "| cold start to first answer | ${cold[pathwise]:-—} ms | ${cold[nginx]:-—} ms | ${peer_cold:-—} ms |" \
    "$(ratio "${cold[pathwise]:-}" "${cold[nginx]:-}") | $(ratio "${cold[pathwise]:-}" "$peer_cold") | < 50 ms: $(met "${cold[pathwise]:-}" "<" 50) |"
  echo "| RSS idle | $(mib "${pw_idle_kib:-0}") MiB | $(mib "${nginx_idle_kib:-0}") MiB | $(mib "${portkey_idle_kib:-0}") MiB (Portkey) |" \
    "$(ratio "${pw_idle_kib:-}" "${nginx_idle_kib:-}") | $(ratio "${pw_idle_kib:-}" "${portkey_idle_kib:-}") | |"
  echo "| RSS under 256 conns (floor) | $(mib "${rss_load[floor|pathwise|256]:-0}") MiB | $(mib "${rss_load[floor|nginx|256]:-0}") MiB |" \
    "$(mib "${rss_load[floor|portkey|256]:-0}") MiB (Portkey) | $(ratio "${rss_load[floor|pathwise|256]:-}" "${rss_load[floor|nginx|256]:-}") |" \
    "$(ratio "${rss_load[floor|pathwise|256]:-}" "${rss_load[floor|portkey|256]:-}") | |"
  echo "| 2 instances behind nginx / 1, at 64 conns | $(ratio "${rps[scale|2|64]:-}" "${rps[scale|1|64]:-}") | | | | | |"
  echo

  echo "## Plain requests (non-streamed chat completions)"
  echo
  plain_table floor "Upstream: the fixed-response floor" direct nginx pathwise portkey
  plain_table mock "Upstream: Pathwise's mock" direct nginx pathwise portkey
  plain_table translate "Anthropic /v1/messages in, the floor (OpenAI) behind: translated each way" pathwise ccr

  echo "## Streams"
  echo
  echo "Per event: the upstream stamps each event's text with its clock just before the write; the client reads the"
  echo "stamp back on arrival (it survives re-encoding into another protocol). 50 events 10 ms apart per stream, one"
  echo "stream at a time."
  echo
  echo "| path | streams complete | event p50 | event p99 | added p50 | added p99 | first byte p50 | first event p50 | first event p99 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  local path
  for path in direct nginx pathwise portkey pathwise-translate ccr; do
    [ -z "${stream_result[events|$path]:-}" ] && continue
    echo "| $path | $(field "events|$path" complete)/$(field "events|$path" streams) |" \
      "$(us "$(field "events|$path" event_p50_us)") | $(us "$(field "events|$path" event_p99_us)") |" \
      "$(us "$(minus "$(field "events|$path" event_p50_us)" "$(field "events|direct" event_p50_us)")") |" \
      "$(us "$(minus "$(field "events|$path" event_p99_us)" "$(field "events|direct" event_p99_us)")") |" \
      "$(us "$(field "events|$path" ttfb_p50_us)") | $(us "$(field "events|$path" first_event_p50_us)") |" \
      "$(us "$(field "events|$path" first_event_p99_us)") |"
  done
  echo
  echo "### $slow_streams slow streams at once ($slow_events events, $slow_interval_ms ms apart)"
  echo
  echo "| path | complete | fewest events in a stream | event p99 | RSS peak | CPU | took |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for path in direct nginx pathwise portkey ccr; do
    [ -z "${stream_result[slow|$path]:-}" ] && continue
    echo "| $path | $(field "slow|$path" complete)/$slow_streams | $(field "slow|$path" min_events) |" \
      "$(us "$(field "slow|$path" event_p99_us)") | $([ -n "${slow_rss[$path]:-}" ] && echo "$(mib "${slow_rss[$path]}") MiB") |" \
      "$([ -n "${slow_cpu[$path]:-}" ] && echo "${slow_cpu[$path]} %") | $(field "slow|$path" seconds) s |"
  done
  echo

  echo "## Cold start (process start to the first answered chat request; median)"
  echo
  echo "| path | ms |"
  echo "|---|---:|"
  for path in pathwise nginx portkey ccr; do
    [ -n "${cold[$path]:-}" ] && echo "| $path | ${cold[$path]} |"
  done
  echo

  echo "## Past one machine: nginx in front of one and of two Pathwise instances (floor upstream)"
  echo
  echo "| instances | conns | req/s | p50 | p99 |"
  echo "|---:|---:|---:|---:|---:|"
  for c in 64 256; do
    for n in 1 2; do
      echo "| $n | $c | ${rps[scale|$n|$c]:-—} | $(us "${p50[scale|$n|$c]:-}") | $(us "${p99[scale|$n|$c]:-}") |"
    done
  done
  echo
  echo "On one 2-core machine the instances share the cores with nginx, the upstream and wrk: this shows the"
  echo "balancing works and costs little, not how far more machines go."
  echo

  if [ -n "${portkey_problem:-}" ] || [ -n "${ccr_problem:-}" ]; then
    echo "## Peers that did not run"
    echo
    [ -n "${portkey_problem:-}" ] && echo "- Portkey's gateway: $portkey_problem"
    [ -n "${ccr_problem:-}" ] && echo "- claude-code-router: $ccr_problem"
    echo
  fi
}
