#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the dependencies, builds, and starts Understudy on the bundled example definition with the
# mock running. Without a display it says so and runs the mock headless. Extra arguments go to the app.
#
# The example is opened from its folder on disk (resources/examples/bookshelf.yaml), not from the copy built into
# the app: a scenario file written next to it (resources/examples/understudy.yaml) is found, and edits to either
# reload live. Arguments that name a definition replace it.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
app="${BUILD_DIR:-$top/build}/app/understudy"

# A definition was given when an argument is neither an option nor the value of one (options with a value are
# the ones --help shows as "--name <value>").
with_value=$("$app" --help | grep -oE -- '--[a-z0-9-]+ <' | tr -d ' <' || true)
given=false
previous=""
for arg in "$@"; do
    if [[ $arg != -* ]] && ! { [[ -n $previous ]] && grep -qxF -- "$previous" <<<"$with_value"; }; then
        given=true
    fi
    previous=$arg
done
if [[ $given == true ]]; then
    exec "$app" "$@"
fi
exec "$app" "$@" "$top/resources/examples/bookshelf.yaml"
