#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Soak: wrk at saturation against the headless mock for DURATION (default 60s); reports throughput, errors, non-2xx
# answers and the mock's RSS before, during and after. Usage: bench/soak.sh [BUILD_DIR] [URL_PATH]
# Needs: wrk, curl. Exit status 1 when wrk saw socket errors or the RSS grew by more than 50%.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
path=${2:-/v1/books/7}
duration=${DURATION:-60s}
port=${PORT:-4095}
app=$build/app/understudy

rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

"$app" --headless --port "$port" >/dev/null 2>&1 & mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
# Warm up (caches, allocator) before the first RSS reading.
wrk -t2 -c50 -d2s "http://127.0.0.1:$port$path" >/dev/null
before=$(rss $mock)
wrk -t2 -c50 -d"$duration" --latency "http://127.0.0.1:$port$path" >/tmp/understudy-soak.$$ &
load=$!
peak=$before
while kill -0 $load 2>/dev/null; do
    now=$(rss $mock); [ "$now" -gt "$peak" ] && peak=$now
    sleep 1
done
wait $load
sleep 1
after=$(rss $mock)
out=$(cat /tmp/understudy-soak.$$); rm -f /tmp/understudy-soak.$$
echo "$out"
errors=$(awk '/Socket errors/ {print}' <<<"$out")
non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
echo "== soak $duration GET $path"
echo "requests/s: $(awk '/Requests\/sec/ {print $2}' <<<"$out")"
echo "socket errors: ${errors:-none}"
echo "non-2xx answers: ${non2xx:-0}"
echo "RSS before ${before} kB, peak ${peak} kB, after ${after} kB"
kill -0 $mock || { echo "the mock died"; exit 1; }
[ -z "$errors" ] && [ "$after" -lt $((before * 3 / 2)) ]
