#!/usr/bin/env bash
# Notify's benchmark: bench/run.sh [--quick] [--workloads w1,w2,w3,w4,w5] [--variant NAME:K=V,...] [--bin DIR]
# Publishes Notify.Api (Release, from NOTIFY_SRC or this repository) into a temp dir unless --bin is given,
# then runs W1-W5 against a private redis-server and two instances on 127.0.0.1. See bench/README.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
command -v node >/dev/null || { echo "bench: node (20+) is not on PATH" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "bench: dotnet is not on PATH" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "bench: redis-server is not on PATH (apt-get install -y redis-server)" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Every socket is a file: raise the soft open-files limit to the hard one (W3/W4 need thousands).
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -gt 65536 ]; then want=65536; else want=$hard; fi
ulimit -n "$want" 2>/dev/null || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec node src/run.js "$@"
