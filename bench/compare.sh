#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Side by side: nginx answering with the very bytes the mock answers, and the headless mock, in interleaved wrk
# rounds for five scenarios (req/s, p50/p99, server CPU per request, ratio to nginx); then 1,000 pipelined GETs on
# one connection, and start-up time and peak RSS for the big shared definitions. A benchmark: it never fails CI.
# Usage: bench/compare.sh [BUILD_DIR]
#   env: ROUNDS (3), DURATION (5s), CONNECTIONS (50), MOCK_ARGS (extra mock flags, e.g. "--threads 2"),
#        NGINX_WORKERS (auto)
# Needs: nginx (Debian nginx-light), wrk, curl.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
app=$build/app/understudy
specs=$top/../shared/testdata/specs
rounds=${ROUNDS:-3}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-50}
mock_port=${MOCK_PORT:-4191}
nginx_port=${NGINX_PORT:-4192}
read -r -a mock_args <<<"${MOCK_ARGS:-}"
for tool in nginx wrk curl; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "compare.sh needs $tool" >&2; exit 2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

wait_port() { for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done; return 1; }
# CPU ticks (user + system, all threads) of a process and its children processes (nginx workers).
cpu_ticks() {
    local total=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        [ -r "/proc/$p/stat" ] || continue
        total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$total"
}
ticks_per_second=$(getconf CLK_TCK)

# The five scenarios: name | method | path | body | extra header
scenarios=(
    "GET with example|GET|/hello||"
    "generated array|GET|/orders||"
    "valid POST|POST|/orders|{\"sku\":\"ABC-1234\",\"quantity\":2}|Content-Type: application/json"
    "invalid POST (422)|POST|/orders|{\"sku\":\"abc\",\"quantity\":0,\"extra\":true}|Content-Type: application/json"
    "missing credentials (401)|GET|/account||"
)

"$app" --headless --no-watch --port "$mock_port" "${mock_args[@]}" "$top/bench/data/bench.yaml" >/dev/null 2>&1 &
mock=$!
pids+=("$mock")
wait_port "$mock_port" || { echo "the mock did not start" >&2; exit 1; }

# nginx answers /s<N> with the status, Content-Type, WWW-Authenticate and body the mock gave for scenario N.
# A literal $ cannot be escaped in nginx strings: ${dollar} (a geo variable) stands for it.
nginx_quote() { sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" -e 's/\$/${dollar}/g' "$1"; }
{
    echo "worker_processes ${NGINX_WORKERS:-auto}; pid $work/nginx.pid; error_log $work/error.log;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $work/body; geo \$dollar { default \"\$\"; }"
    echo "server { listen 127.0.0.1:$nginx_port;"
} >"$work/nginx.conf"
for i in "${!scenarios[@]}"; do
    IFS='|' read -r name method path body header <<<"${scenarios[$i]}"
    args=(-s -X "$method" -H "Host: localhost" -D "$work/h$i" -o "$work/b$i")
    [ -n "$header" ] && args+=(-H "$header")
    [ -n "$body" ] && args+=(--data-binary "$body")
    curl "${args[@]}" "http://127.0.0.1:$mock_port$path"
    status=$(awk 'NR==1 {print $2}' "$work/h$i")
    type=$(awk -F': ' 'tolower($1)=="content-type" {sub(/\r$/, "", $2); print $2}' "$work/h$i")
    auth=$(awk -F': ' 'tolower($1)=="www-authenticate" {sub(/\r$/, "", $2); print $2}' "$work/h$i")
    printf '%-28s mock answers %s %s, %s bytes\n' "$name" "$status" "$type" "$(wc -c <"$work/b$i")"
    {
        echo "location = /s$i { default_type '${type:-application/octet-stream}';"
        [ -n "$auth" ] && echo "add_header WWW-Authenticate '$auth' always;"
        if [ "$(wc -c <"$work/b$i")" -gt 3000 ]; then
            # nginx.conf strings stay under 4 KiB: a big body is served from its file (GET 200 only).
            [ "$method" = GET ] && [ "$status" = 200 ] || { echo "$name: body too big for nginx.conf" >&2; exit 1; }
            echo "types { } etag off; alias $work/b$i; }"
        else
            echo "return $status '$(nginx_quote "$work/b$i")'; }"
        fi
    } >>"$work/nginx.conf"
    if [ "$method" = POST ]; then
        {
            echo "wrk.method = \"POST\""
            echo "wrk.body = [[$body]]"
            echo "wrk.headers[\"Content-Type\"] = \"application/json\""
        } >"$work/s$i.lua"
    fi
done
echo "} }" >>"$work/nginx.conf"
mkdir -p "$work/body"
"$nginx_bin" -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx=$!
pids+=("$nginx")
wait_port "$nginx_port" || { echo "nginx did not start: $(cat "$work/error.log")" >&2; exit 1; }

# One wrk run: prints "req/s p50 p99 cpu_us_per_request" (latencies in ms).
measure() { # server_pid url lua
    local pid=$1 url=$2 lua=$3 out before after requests
    local args=(-t2 -c"$connections" -d"$duration" --latency)
    [ -f "$lua" ] && args+=(-s "$lua")
    before=$(cpu_ticks "$pid")
    out=$(wrk "${args[@]}" "$url")
    after=$(cpu_ticks "$pid")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    awk -v out="$out" -v ticks=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {
        split(out, lines, "\n"); rps = 0; p50 = 0; p99 = 0
        for (i in lines) {
            split(lines[i], f, " ")
            if (f[1] == "Requests/sec:") rps = f[2]
            if (f[1] == "50%") p50 = f[2]
            if (f[1] == "99%") p99 = f[2]
        }
        printf "%s %s %s %.1f\n", rps, ms(p50), ms(p99), (n > 0 ? ticks / hz * 1e6 / n : 0)
    }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }'
}

echo
echo "== $rounds interleaved rounds of wrk -t2 -c$connections -d$duration (the median round is shown)"
declare -A results
for round in $(seq "$rounds"); do
    for i in "${!scenarios[@]}"; do
        IFS='|' read -r name method path body header <<<"${scenarios[$i]}"
        results[$i,nginx,$round]=$(measure "$nginx" "http://127.0.0.1:$nginx_port/s$i" "$work/s$i.lua")
        results[$i,mock,$round]=$(measure "$mock" "http://127.0.0.1:$mock_port$path" "$work/s$i.lua")
    done
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
column() { # scenario server field
    for round in $(seq "$rounds"); do awk -v f="$3" '{print $f}' <<<"${results[$1,$2,$round]}"; done | median
}
printf '%-28s %10s %10s %7s %14s %14s %14s\n' scenario "nginx r/s" "mock r/s" ratio "p50 ms n/m" "p99 ms n/m" "CPU us/req n/m"
for i in "${!scenarios[@]}"; do
    IFS='|' read -r name _ <<<"${scenarios[$i]}"
    nr=$(column "$i" nginx 1); mr=$(column "$i" mock 1)
    printf '%-28s %10s %10s %6.2fx %6s/%-7s %6s/%-7s %6s/%-7s\n' "$name" "$nr" "$mr" \
        "$(awk -v a="$mr" -v b="$nr" 'BEGIN {print (b > 0 ? a / b : 0)}')" \
        "$(column "$i" nginx 2)" "$(column "$i" mock 2)" "$(column "$i" nginx 3)" "$(column "$i" mock 3)" \
        "$(column "$i" nginx 4)" "$(column "$i" mock 4)"
done

echo
echo "== 1,000 pipelined GETs written at once on one connection"
request=$'GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n'
one=$(curl -s -i -H "Host: localhost" "http://127.0.0.1:$mock_port/hello" | wc -c)
exec 3<>"/dev/tcp/127.0.0.1/$mock_port"
start=$(date +%s%N)
for _ in $(seq 1000); do printf '%s' "$request"; done >&3
head -c $((one * 1000)) <&3 >/dev/null
end=$(date +%s%N)
exec 3<&-
echo "all answers read after $(((end - start) / 1000000)) ms"

echo
echo "== start-up: process start to the first answer, and peak RSS then (best of 3)"
for spec in "$specs/spec3.yaml|/v1/customers" "$specs/api.github.com.json|/users/octocat"; do
    file=${spec%|*}
    path=${spec#*|}
    [ -f "$file" ] || { echo "$(basename "$file"): not in ../shared, skipped"; continue; }
    best=
    for _ in 1 2 3; do
        port=$((mock_port + 10))
        begin=$(date +%s%N)
        "$app" --headless --no-watch --port "$port" "${mock_args[@]}" "$file" >/dev/null 2>&1 &
        p=$!
        until curl -s -o /dev/null -H "Host: localhost" "http://127.0.0.1:$port$path"; do sleep 0.002; done
        ms=$((($(date +%s%N) - begin) / 1000000))
        rss=$(awk '/VmHWM/ {print $2}' "/proc/$p/status")
        kill "$p"
        wait "$p" 2>/dev/null || true
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; best_rss=$rss; fi
    done
    echo "$(basename "$file"): ready in $best ms, peak RSS $((best_rss / 1024)) MB"
done
