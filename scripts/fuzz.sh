#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (clang, ASan + UBSan) if needed and runs each for SECONDS (default 60), two at a time.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: the tests/fuzz/fuzz_*.cpp names, with or without fuzz_)
# New inputs go to <build>/fuzz/corpus/<target> (the committed seeds in tests/fuzz/corpus/<target> are only read);
# a crash, leak or 10 s timeout stops that target, leaves its input in <build>/fuzz/artifacts/<target>/ and makes
# the script exit 1. FUZZ_JOBS sets how many run at once, SANITIZE_BUILD_DIR the build (default ./build-asan).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SANITIZE_BUILD_DIR:-$top/build-asan}
seconds=${1:-60}
shift || true
jobs=${FUZZ_JOBS:-2}

targets=()
if [ $# -gt 0 ]; then
    for t in "$@"; do targets+=("fuzz_${t#fuzz_}"); done
else
    for f in "$top"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

"$top/scripts/sanitize-build.sh" "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0}
export QT_LOGGING_RULES="*.debug=false;*.warning=false"

run_one() {
    local target=$1 name=${1#fuzz_}
    local corpus=$build/fuzz/corpus/$name artifacts=$build/fuzz/artifacts/$name log=$build/fuzz/$name.log
    mkdir -p "$corpus" "$artifacts"
    local extra=()
    # The in-process server keeps caches, a log batch and deferred deletions across inputs, so nearly every input
    # allocates more than it frees, and libFuzzer then scans the whole heap for leaks after it (seven times slower:
    # 280 inputs a second instead of 2,000). Leaks are still found, by LeakSanitizer when the run ends.
    [ "$name" = requestpath ] && extra+=(-detect_leaks=0)
    "$build/tests/fuzz/$target" "${extra[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$top/tests/fuzz/corpus/$name" >"$log" 2>&1
}

mkdir -p "$build/fuzz"
declare -A pids=()
status=0
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_one "$target" &
    pids[$target]=$!
done
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    if wait "${pids[$target]}"; then result=ok; else result=FAILED; status=1; fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz/$name.log" | tail -1)
    per_sec=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$build/fuzz/$name.log" | tail -1)
    printf '%-24s %-6s %10s executions (%s/s)\n' "$name" "$result" "${execs:-?}" "${per_sec:-?}"
    if [ "$result" = FAILED ]; then
        grep -E 'ERROR|SUMMARY|Test unit written|runtime error|ASSERT|FATAL|differs' "$build/fuzz/$name.log" | head -20 >&2 || true
        tail -n 25 "$build/fuzz/$name.log" | grep -v -E '^(#[0-9]+|INFO:)' >&2 || true
        # The input itself, so a crash seen only on another machine (CI) can be replayed from its output:
        #   echo <base64> | base64 -d > crash && build-asan/tests/fuzz/fuzz_<target> crash
        for artifact in "$build/fuzz/artifacts/$name"/*; do
            [ -f "$artifact" ] && [ "$(stat -c %s "$artifact")" -le 65536 ] || continue
            echo "  input $(basename "$artifact") (base64): $(base64 -w0 "$artifact")" >&2
        done
        echo "  full log: $build/fuzz/$name.log" >&2
    fi
done
exit $status
