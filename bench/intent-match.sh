#!/usr/bin/env bash
# Latency of intent matching (issue 4): one new non-listed offer matched against 10 k, 100 k and 1 M resting intents
# by the production matcher (fundexchange.engine.intent.IntentMatcher: top K = 10, the platform's default scan limit),
# and by the brute-force reference matcher on a sample of the same offers in the same run (their ranked proposals must
# be identical, else the script fails). The population is seeded: 2,000 funds whose strategies (12) and managers (200)
# are Zipf-distributed (s = 1); intents target funds (half, 1-2 funds drawn Zipf) or criteria (half: 1-2 strategies
# drawn Zipf, a 3-6 year vintage range or none), 0.5-200 M at 35-85% of NAV; new offers are in funds drawn Zipf, at
# 55-85% of NAV. The script prints the share of resting intents compatible with a new offer (about 1%) and the heap per
# resting intent. Per size: 20,000 untimed matches, then 20,000 timed, of which 30 also by brute force.
# Ends with (among others):
#   RESULT intent.p99.1m <n> us                (target <= 100 us)
#   RESULT intent.bruteforce.ratio.1m <n> x    (brute-force p50 over indexed p50)
# Needs only `./mvnw -DskipTests install` to have run; about 2 minutes. The sizes and the population are fixed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (sizes and population are fixed in this script)" >&2
  exit 2
fi
fixed=(--sizes 10000,100000,1000000 --funds 2000 --investors 20000 --k 10 --warmup 20000 --offers 20000 --brute-offers 30
       --compatibility-sample 200 --seed 20261127)
echo "bench intent-match: ${fixed[*]}"
exec bench/run intent-match "${fixed[@]}"
