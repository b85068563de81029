#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds, and runs every test (CTest; GUI tests run offscreen).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 600
