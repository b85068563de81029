#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The CI checks beyond scripts/test.sh: formatting, the GUI-free build, the suite under ASan + UBSan, the fuzzers.
# Usage: scripts/ci-checks.sh [STEP...]   steps: format nogui sanitize fuzz (default: all, in that order).
# FUZZ_SECONDS (default 60) is each fuzzer's time. Every step prints how long it took.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(format nogui sanitize fuzz)

nogui_build=${NOGUI_BUILD_DIR:-$top/build-nogui}
sanitize_build=${SANITIZE_BUILD_DIR:-$top/build-asan}
export SANITIZE_BUILD_DIR=$sanitize_build

step_format() {
    ./scripts/format.sh --check
}

# core + app without Widgets: the executable must not even link Qt Gui, and tst_cli passes against it.
step_nogui() {
    cmake --preset core-only -S "$top" -B "$nogui_build" \
        ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER}
    # Only what differs from the Release build: the headless executable and the test that drives it (the core
    # tests are the same code, already run by scripts/test.sh).
    cmake --build "$nogui_build" -j2 --target understudy tst_cli
    if ldd "$nogui_build/app/understudy" | grep -E 'libQt6(Gui|Widgets)'; then
        echo "BUILD_GUI=OFF: app/understudy links Qt Gui or Widgets" >&2
        return 1
    fi
    "$nogui_build/app/understudy" --check "$top/resources/examples/bookshelf.yaml"
    (cd "$nogui_build" && ctest --output-on-failure --timeout 600 -R '^tst_cli$')
}

# The whole suite (core, ui offscreen, app) built with clang, ASan and UBSan. Left out, with the reason:
#  - tst_translations: runs the uninstrumented lupdate, which only proves the .ts files match (the Release run does)
#  - tst_packaging: builds and lints the .deb of an instrumented binary; the Release run checks the real package
step_sanitize() {
    ./scripts/sanitize-build.sh
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export LSAN_OPTIONS=suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0
    (cd "$sanitize_build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 900 \
        -E '^(tst_translations|tst_packaging)$')
}

step_fuzz() {
    ./scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
}

declare -A took=()
for s in "${steps[@]}"; do
    echo "=== ci-checks: $s"
    start=$(date +%s)
    "step_$s"
    took[$s]=$(($(date +%s) - start))
    echo "=== ci-checks: $s passed in ${took[$s]} s"
done
for s in "${steps[@]}"; do printf '%-10s %5d s\n' "$s" "${took[$s]}"; done
