#!/usr/bin/env bash
# Public market data (issue 23, docs/rules.md "Public market data"): the daily recompute over 1,000,000 settled trades
# in 10,000 funds (5,000 sellers, 365 settlement days, 9 funds in 10 opted in, 100,000 resting book orders), loaded
# into an embedded PostgreSQL as the projector leaves them. For each gap since the previous publication (1 day; 3, a
# Monday; 9, Spring Festival: as many days leave the 90-day window at once), the running sums as that publication left
# them (checked against the per-day rows), two untimed recomputes, then 5 timed, each rolled back so each publishes the
# same first snapshot (every fund new). Then the certificate bench, warm (the same code as bench/certificate.sh). Ends with:
#   RESULT marketdata.recompute.gap1 <n> ms, .gap3, .gap9   (the slowest of 5 each)
#   RESULT marketdata.recompute <n> ms   (the slowest of them all; target <= 2,000 ms)
#   RESULT certificate.render <n> ms     (p99; target <= 200 ms)
# Needs only `./mvnw -DskipTests install` to have run; about 4 minutes here. The sizes are fixed in this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (the sizes are fixed in this script)" >&2
  exit 2
fi
bench/run market-data --trades 1000000 --funds 10000 --sellers 5000 --days 365 --orders 100000 --runs 5 --gaps 1,3,9
exec bench/run certificate-render --warmup 300 --renders 1000
