#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds, and starts Understudy on the bundled example definition with the
# mock running. Without a display it says so and runs the mock headless. Extra arguments go to the app.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
exec "${BUILD_DIR:-$top/build}/app/understudy" "$@"
