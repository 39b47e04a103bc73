#!/usr/bin/env bash
# Replay benchmark of the engine: commands -> state, as a restart or `journal replay` does it, with production codecs
# and no event writing. A command journal under bench/.cache/engine-replay/ is pre-filled with the same fixed mix as
# bench/engine-e2e.sh (production CommandRecords with full SignedRequest envelopes, JournalCodec, Chronicle; setup
# through normal commands, W = 10,000 ms set by maker-checker; blocks of 100 commands, one millisecond of journal time
# each: ListNegotiated 26, ApproveListing 24, AcceptListing 18, ConfirmSettlement 19, WithdrawListing 4,
# DeclineListing 2, UpdateNav 3, DepositUnits 3, Tick 1; outcomes 93 accepted, 5 rejected, 1 duplicate, 1 tick).
# One thread reads each record back through Journals.commandReader() (JournalCodec decodes it) and applies it to a
# fresh Engine: 5,000 warm-up blocks untimed, then 20,000 timed blocks (2,000,000 commands), with the outcome histogram
# of the timed part checked against the plan. Then, for the breakdown, the timed records decoded only, and
# 2,000 blocks applied only (pre-decoded, after the same warm-up).
# Ends with:
#   RESULT replay.throughput <n> commands/s       (target >= 2,000,000)
# JVM: the launcher's flags plus a fixed heap (G1); EXCHANGE_JAVA_OPTS replaces that. Needs only
# `./mvnw -DskipTests install` to have run; about 2 minutes here. The mix and sizes are fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (mix and sizes are fixed in this script)" >&2
  exit 2
fi
export EXCHANGE_JAVA_OPTS="${EXCHANGE_JAVA_OPTS:--Xms6g -Xmx6g}"
fixed=(--warmup-blocks 5000 --blocks 20000 --apply-only-blocks 2000)
echo "bench engine-replay: ${fixed[*]} (JVM: $EXCHANGE_JAVA_OPTS)"
exec bench/run engine-replay --work-dir "$root/bench/.cache/engine-replay" "${fixed[@]}"
