#!/usr/bin/env bash
# Start-up time of `cxqa --help` (issue 16, decision 91): each way of starting the CLI once per
# round, ROUNDS rounds (default 9) interleaved so load changes hit every way alike; prints the
# median, min and max wall time of each. Needs `npx -y pnpm@10 build` first (the "built" rows).
#
#   bash bench/cli-start.sh          ROUNDS=15 bash bench/cli-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
names=(pnpm-built pnpm-source launcher-built launcher-source dist-bin tsx-bin)
commands=(
  "npx -y pnpm@10 cxqa --help"
  "env CXQA_FROM_SOURCE=1 npx -y pnpm@10 cxqa --help"
  "node scripts/cxqa.mjs --help"
  "env CXQA_FROM_SOURCE=1 node scripts/cxqa.mjs --help"
  "node packages/cli/dist/bin.js --help"
  "node --conditions=source --import tsx packages/cli/src/bin.ts --help"
)
rounds=${ROUNDS:-9}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$rounds"); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    /usr/bin/time -f %e -a -o "$out/${names[$i]}" ${commands[$i]} >/dev/null 2>&1
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  sorted=$(sort -n "$out/$name")
  echo "$name: median $(sed -n "$(((rounds + 1) / 2))p" <<<"$sorted") s, min $(head -1 <<<"$sorted") s, max $(tail -1 <<<"$sorted") s"
done
