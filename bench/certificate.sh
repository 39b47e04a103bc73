#!/usr/bin/env bash
# Rendering a transaction certificate warm (issue 23, docs/rules.md "Transaction certificates"): 300 untimed renders,
# then 1,000 timed, each of a different synthetic settled trade, on one thread; also signing the bytes with an Ed25519
# and an SM2 exchange key. Ends with:
#   RESULT certificate.render <n> ms   (p99; target <= 200 ms)
# Needs only `./mvnw -DskipTests install` to have run; under a minute.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (the sizes are fixed in this script)" >&2
  exit 2
fi
exec bench/run certificate-render --warmup 300 --renders 1000
