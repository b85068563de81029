#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures (once) and builds the ASan + UBSan tree with clang into ./build-asan: the whole suite and the fuzzers.
# Extra arguments are the targets to build (default: all). SANITIZE_BUILD_DIR overrides the directory.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SANITIZE_BUILD_DIR:-$top/build-asan}
if [ ! -f "$build/CMakeCache.txt" ]; then
    # The dev-asan preset of CMakePresets.json: clang, -O1 with line tables, asserts kept (Debug), fuzzers on.
    cmake --preset dev-asan -S "$top" -B "$build" \
        ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER}
fi
if [ $# -gt 0 ]; then
    cmake --build "$build" -j2 --target "$@"
else
    cmake --build "$build" -j2
fi
