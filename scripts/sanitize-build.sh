#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures (once) and builds the ASan + UBSan tree with clang into ./build-asan: the whole suite and the fuzzers.
# Extra arguments are the targets to build (default: all). SANITIZE_BUILD_DIR overrides the directory.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SANITIZE_BUILD_DIR:-$top/build-asan}
if [ ! -f "$build/CMakeCache.txt" ]; then
    # -O1 with line tables: fast enough for the suite, readable stack traces, asserts kept (Debug).
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DUNDERSTUDY_FUZZ=ON \
        ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER}
fi
if [ $# -gt 0 ]; then
    cmake --build "$build" -j2 --target "$@"
else
    cmake --build "$build" -j2
fi
