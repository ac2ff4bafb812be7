#!/bin/sh
# The checks `npm test` makes before the tests, side by side since each keeps one core busy: the type
# check, the layers (.dependency-cruiser.cjs) and the lint (biome.jsonc). Each one's output is shown
# under its name; any failure fails npm test. Run through npm, which puts node_modules/.bin on PATH.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
tsc --noEmit > "$out/types" 2>&1 & types=$!
depcruise src dashboards scripts observablehq.config.ts --config .dependency-cruiser.cjs > "$out/layers" 2>&1 & layers=$!
biome check --formatter-enabled=false --error-on-warnings . > "$out/lint" 2>&1 & lint=$!
failed=0
for check in types layers lint; do
  eval "pid=\$$check"
  if wait "$pid"; then status=ok; else status=FAILED; failed=1; fi
  echo "── $check: $status"
  [ "$status" = ok ] && [ "$check" != layers ] || cat "$out/$check"
done
exit $failed
