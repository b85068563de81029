#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats every C++ file of the project with clang-format (.clang-format at the top).
# --check: change nothing, list the files that differ and exit 1 if there are any (CI runs this).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
clang_format=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--check" ]; then
    bad=()
    for f in "${files[@]}"; do
        "$clang_format" --style=file "$f" | cmp -s - "$f" || bad+=("$f")
    done
    if [ ${#bad[@]} -gt 0 ]; then
        echo "These files are not formatted (run scripts/format.sh):" >&2
        printf '  %s\n' "${bad[@]}" >&2
        exit 1
    fi
    echo "All ${#files[@]} C++ files are formatted."
else
    "$clang_format" --style=file -i "${files[@]}"
fi
