#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Reports load time and peak memory for definitions, and HTTP throughput of the headless mock under wrk
# next to a hello-world QAbstractHttpServer on the same machine. Usage: bench/run-bench.sh [BUILD_DIR]
# Needs: wrk (scripts/deps.txt). The shared definitions are used when ../shared/testdata/specs exists.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
specs=$top/../shared/testdata/specs
duration=${DURATION:-8s}
app=$build/app/understudy

echo "== load time and peak memory"
files=("$top/resources/examples/bookshelf.yaml")
[ -f "$specs/api.github.com.json" ] && files+=("$specs/api.github.com.json")
[ -f "$specs/spec3.yaml" ] && files+=("$specs/spec3.yaml")
"$build/bench/bench_load" "${files[@]}"

wait_port() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done; return 1; }
run_wrk() { # name url [header]
    local name=$1 url=$2; shift 2
    local out
    out=$(wrk -t2 -c50 -d"$duration" --latency "$@" "$url")
    printf '%-44s %10s req/s   p50 %8s   p99 %8s\n' "$name" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
}

echo "== throughput (wrk -t2 -c50 -d$duration, keep-alive, loopback, 2 cores shared with wrk)"
"$build/bench/bench_helloserver" 4098 >/dev/null & hello=$!
wait_port 4098 || true
run_wrk "hello-world QAbstractHttpServer" http://127.0.0.1:4098/
kill $hello; wait $hello 2>/dev/null || true

"$app" --headless --port 4097 "$top/bench/data/bench.yaml" >/dev/null 2>&1 & mock=$!
wait_port 4097 || true
run_wrk "mock: GET with an example" http://127.0.0.1:4097/hello
run_wrk "mock: example + path substitution" http://127.0.0.1:4097/orders/42
run_wrk "mock: generated array of 100 objects" http://127.0.0.1:4097/orders
run_wrk "mock: 404 problem" http://127.0.0.1:4097/nope
run_wrk "mock: forced status not defined" http://127.0.0.1:4097/hello -H "x-redocly-response-status: 418"
kill $mock; wait $mock 2>/dev/null || true

"$app" --headless --stateful --port 4095 >/dev/null 2>&1 & stateful=$!
wait_port 4095 || true
run_wrk "stateful: GET /v1/books/2 (item)" http://127.0.0.1:4095/v1/books/2
run_wrk "stateful: GET /v1/books (page of the list)" http://127.0.0.1:4095/v1/books
kill $stateful; wait $stateful 2>/dev/null || true
echo "== stateful answers in process (bench_state)"
"$build/bench/bench_state"

if [ -f "$specs/api.github.com.json" ]; then
    "$app" --headless --port 4096 "$specs/api.github.com.json" >/dev/null 2>&1 & gh=$!
    wait_port 4096 || true
    run_wrk "GitHub: GET /repos/{owner}/{repo}" http://127.0.0.1:4096/repos/qt/qtbase
    run_wrk "GitHub: GET /users/{username} (bearer)" http://127.0.0.1:4096/users/octocat -H "Authorization: Bearer x"
    kill $gh; wait $gh 2>/dev/null || true
fi
