#!/usr/bin/env bash
# Runs scripts/fuzz for every target and reports one "N passed, N failed" line, a target each.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
targets=(fuzz_http_request fuzz_framed_header fuzz_serve_dir fuzz_listen_spec fuzz_byte_parser)
passed=0
failed=0
for target in "${targets[@]}"; do
    if "$root/scripts/fuzz" "$seconds" "$target"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "fuzz: $target FAILED"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
