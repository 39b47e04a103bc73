#!/usr/bin/env bash
# Portal benchmark (issue 15, Performance): a demo exchange (`./exchange demo`, fresh data directory in a temp
# directory, its own port) and, against it, Debian's Chromium headless driven by Debian's chromedriver over the W3C
# WebDriver protocol (`bench/run portal`; nothing is downloaded). Fixed mix: 20 fresh loads of the portal; the
# demo's qualified investor Investor-01 signs in with the demo's key file and, on the order book of DF11 (open in the
# demo, best ask 1.5000), places 30 buy orders of one lot (100.00 units) at 1.0000, each signed in the browser and
# resting; then each of the 6 investor pages (as Investor-01) and the 4 holder pages (as Holder-01) is shown in a fresh
# signed-in document. Ends with:
#   RESULT portal.first.render.p95 <n> ms      (a fresh load until the sign-in form shows; target <= 1,000)
#   RESULT portal.signed.action.p95 <n> ms     (from the click, as the page receives it, until the page shows the
#                                               exchange's confirmed outcome; target <= 300)
#   RESULT portal.js.bytes <n> bytes           (the largest page: the decoded bytes of every script its document loaded,
#                                               shell and sign-in included, from resource timing; no charts; target <= 150,000)
# Needs only `./mvnw -DskipTests install` to have run, and chromium + chromium-driver; about 2 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (the scenario is fixed in this script)" >&2
  exit 2
fi
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [[ -x "$tool" ]] || { echo "$tool is missing: apt-get install chromium chromium-driver" >&2; exit 1; }
done
work="$(mktemp -d)"
port="$((20000 + RANDOM % 20000))"
demo_pid=""
cleanup() {
  if [[ -n "$demo_pid" ]]; then kill "$demo_pid" 2>/dev/null || true; wait "$demo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "bench portal: demo on port $port, data in $work/demo-data"
./exchange demo --data-dir "$work/demo-data" --port "$port" --management-port 0 > "$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 600); do
  grep -q 'the exchange keeps running' "$work/demo.log" && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; echo "the demo stopped" >&2; exit 1; }
  sleep 0.5
done
grep -q 'the exchange keeps running' "$work/demo.log" || { tail -20 "$work/demo.log" >&2; echo "the demo did not start" >&2; exit 1; }
fixed=(--investor Investor-01 --holder Holder-01 --fund DF11 --units 100.00 --price 1.0000 --renders 20 --actions 30)
echo "bench portal: ${fixed[*]}"
bench/run portal --url "http://localhost:$port" --keys "$work/demo-data/keys" "${fixed[@]}"
