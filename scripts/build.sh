#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds Understudy (Release) into ./build with two jobs.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$build" -j2
