#!/usr/bin/env bash
# Runs every suite: .NET (unit + integration on a real Redis and real Kestrel instances), the web unit tests,
# and the browser tests in Debian's Chromium. Installs what is missing, starts its own Redis on a free port,
# prints one closing line "Tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")"
root=$PWD
art="$root/.test-artifacts"
rm -rf "$art" && mkdir -p "$art"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "[test.sh] $*"; }
passed=0 failed=0 skipped=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3)); }

# ---------------------------------------------------------------- what is missing
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v chromium >/dev/null || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || { say "could not install ${missing[*]}"; exit 1; }
fi

# ---------------------------------------------------------------- our own Redis
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$art/redis.pid" --logfile "$art/redis.log"
cleanup() { redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; }
trap cleanup EXIT
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
export NOTIFY_TEST_REDIS="127.0.0.1:$redis_port"
say "redis-server on port $redis_port"

# ---------------------------------------------------------------- web build (the API serves it)
if [ -f web/package.json ]; then
  say "web: npm ci + build"
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build) > "$art/web-build.log" 2>&1 \
    || { say "web build failed (see $art/web-build.log)"; tail -30 "$art/web-build.log"; count 0 1 0; }
fi

# ---------------------------------------------------------------- .NET
say "dotnet test"
dotnet test Notify.sln -p:NotifySkipWeb=true --logger "trx;LogFileName=dotnet.trx" --results-directory "$art/dotnet" \
  > "$art/dotnet-test.log" 2>&1
dotnet_rc=$?
grep -E "^\s*(Failed|Passed!|Failed!|error)" "$art/dotnet-test.log" | head -60
read -r p f s < <(python3 - "$art/dotnet" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(trx).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
[ "$dotnet_rc" -ne 0 ] && [ "$f" -eq 0 ] && { say "dotnet test failed outside any test:"; tail -30 "$art/dotnet-test.log"; f=1; }
say "dotnet: $p passed, $f failed, $s skipped"
count "$p" "$f" "$s"

# ---------------------------------------------------------------- web unit tests and browser tests
if [ -f web/package.json ] && grep -q '"test"' web/package.json; then
  say "vitest"
  (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$art/vitest.json") > "$art/vitest.log" 2>&1
  vitest_rc=$?
  read -r p f s < <(python3 -c 'import json,sys
try:
  d=json.load(open(sys.argv[1])); print(d["numPassedTests"], d["numFailedTests"], d["numPendingTests"]+d.get("numTodoTests",0))
except Exception: print(0, 1, 0)' "$art/vitest.json")
  [ "$vitest_rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  [ "$f" -ne 0 ] && tail -40 "$art/vitest.log"
  say "vitest: $p passed, $f failed, $s skipped"
  count "$p" "$f" "$s"
fi
if [ -f web/package.json ] && grep -q '"e2e"' web/package.json; then
  say "browser tests (Chromium)"
  (cd web && NOTIFY_E2E_SUMMARY="$art/e2e.json" npm run --silent e2e) > "$art/e2e.log" 2>&1
  e2e_rc=$?
  read -r p f s < <(python3 -c 'import json,sys
try:
  d=json.load(open(sys.argv[1])); print(d["passed"], d["failed"], d["skipped"])
except Exception: print(0, 1, 0)' "$art/e2e.json")
  [ "$e2e_rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  [ "$f" -ne 0 ] && tail -60 "$art/e2e.log"
  say "browser: $p passed, $f failed, $s skipped"
  count "$p" "$f" "$s"
fi

# ---------------------------------------------------------------- compose.yaml (no engine here: validate only)
if [ -f compose.yaml ]; then
  if docker-compose -f compose.yaml --env-file deploy/notify.env.example config -q > "$art/compose.log" 2>&1; then
    say "compose.yaml: valid with deploy/notify.env.example"; count 1 0 0
  else
    say "compose.yaml: invalid"; cat "$art/compose.log"; count 0 1 0
  fi
  # Without the secrets it must refuse to render, never start with an empty key.
  if env -u NOTIFY_JWT_SIGNING_KEY -u NOTIFY_PUBLISHER_KEY docker-compose -f compose.yaml --env-file /dev/null config -q > "$art/compose-nosecrets.log" 2>&1; then
    say "compose.yaml: rendered without secrets (it must not)"; count 0 1 0
  else
    say "compose.yaml: refuses to render without secrets"; count 1 0 0
  fi
fi

# ---------------------------------------------------------------- bench: the peer file runs what the image runs
if node bench/src/check-profile.js > "$art/profile.log" 2>&1; then
  say "bench: $(cat "$art/profile.log")"; count 1 0 0
else
  say "bench: the peer file's runtime profile differs from the Dockerfile's"; cat "$art/profile.log"; count 0 1 0
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
