#!/usr/bin/env bash
# The no-Docker topology the browser tests run on: a private redis-server and two Notify instances (A and B) on
# 127.0.0.1, in Development, on one Redis with a fresh channel prefix. Everything it starts is recorded by PID in
# the state folder, and `stop` ends exactly that.
#
#   scripts/topology.sh build              npm run build in web/ (fills Notify.Api/wwwroot), then dotnet publish
#   scripts/topology.sh web                npm run build only, copied into the published wwwroot (fast UI iteration)
#   scripts/topology.sh up [--build]       start redis + A + B (publishing first with --build or when nothing is published)
#   scripts/topology.sh stop [a|b|redis]   stop one, or everything that `up` started
#   scripts/topology.sh start a|b          start one instance again (same port) after stopping it
#   scripts/topology.sh env                print the env file
#
# Settings (environment):
#   NOTIFY_SOURCE_DIR    the tree to build from (default: this repository)
#   NOTIFY_PUBLISH_DIR   where the published server lives (default: $NOTIFY_SOURCE_DIR/.test-artifacts/notify-publish)
#   NOTIFY_TOPOLOGY_DIR  state: env file, PIDs, logs (default: $NOTIFY_SOURCE_DIR/.test-artifacts/topology)
#
# After `up`, $NOTIFY_TOPOLOGY_DIR/env (shell) and env.json hold NOTIFY_A_URL, NOTIFY_B_URL, NOTIFY_REDIS,
# NOTIFY_CHANNEL_PREFIX and the PIDs; `up` also prints the same as export lines.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
src="${NOTIFY_SOURCE_DIR:-$repo}"
publish="${NOTIFY_PUBLISH_DIR:-$src/.test-artifacts/notify-publish}"
state="${NOTIFY_TOPOLOGY_DIR:-$src/.test-artifacts/topology}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "[topology] $*" >&2; }
die() { say "$*"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid_of() { cat "$state/$1.pid" 2>/dev/null || true; }

build_web() {
  [ -d "$src/web/node_modules" ] || (cd "$src/web" && npm ci --no-audit --no-fund --loglevel=error) >&2
  (cd "$src/web" && npm run --silent build) >&2
}

build() {
  say "building web/ and publishing Notify.Api from $src to $publish"
  build_web
  dotnet publish "$src/Notify.Api/Notify.Api.csproj" -c Release -o "$publish" -p:NotifySkipWeb=true --nologo -v quiet >&2 \
    || die "dotnet publish failed"
  [ -f "$publish/wwwroot/index.html" ] || die "the published server has no wwwroot/index.html"
}

web_only() {
  build_web
  [ -d "$publish" ] || die "nothing published at $publish: run build first"
  rm -rf "$publish/wwwroot" && cp -r "$src/Notify.Api/wwwroot" "$publish/wwwroot"
}

wait_ready() { # name url pid
  local name=$1 url=$2 pid=$3 i
  for i in $(seq 300); do
    alive "$pid" || { tail -20 "$state/$name.log" >&2; die "instance $name exited during start-up"; }
    # Ready means it can store and deliver: Redis is reachable.
    if curl -sf -o /dev/null "$url/health/ready"; then return 0; fi
    sleep 0.1
  done
  die "instance $name not ready after 30 s (log: $state/$name.log)"
}

start_instance() { # a|b
  local name=$1 port url pid
  # shellcheck disable=SC1091
  . "$state/env"
  port=$(cat "$state/$name.port")
  url="http://127.0.0.1:$port"
  alive "$(pid_of "$name")" && { say "instance $name already running"; return 0; }
  (
    cd "$publish"
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
      Redis__ConnectionString="$NOTIFY_REDIS" Redis__ChannelPrefix="$NOTIFY_CHANNEL_PREFIX" \
      exec dotnet Notify.Api.dll
  ) >>"$state/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$state/$name.pid"
  wait_ready "$name" "$url" "$pid"
  say "instance $name: $url (pid $pid)"
}

stop_instance() { # a|b
  local name=$1 pid i
  pid=$(pid_of "$name")
  rm -f "$state/$name.pid"
  alive "$pid" || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 100); do alive "$pid" || return 0; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_redis() {
  local port pid
  port=$(cat "$state/redis.port" 2>/dev/null || true)
  pid=$(pid_of redis)
  rm -f "$state/redis.pid"
  [ -n "$port" ] && redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  alive "$pid" && kill "$pid" 2>/dev/null || true
}

up() {
  [ "${1:-}" = "--build" ] || [ ! -f "$publish/Notify.Api.dll" ] && build
  command -v redis-server >/dev/null || die "redis-server is not installed (apt-get install -y redis-server)"
  [ -f "$state/env" ] && stop_all
  mkdir -p "$state"
  local redis_port prefix i
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$state/redis.pid" --logfile "$state/redis.log" --dir "$state"
  for i in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.05; done
  echo "$redis_port" >"$state/redis.port"
  prefix="notify-e2e-$(date +%s)-$RANDOM:"
  free_port >"$state/a.port"
  free_port >"$state/b.port"
  cat >"$state/env" <<EOF
NOTIFY_REDIS=127.0.0.1:$redis_port
NOTIFY_CHANNEL_PREFIX=$prefix
NOTIFY_A_URL=http://127.0.0.1:$(cat "$state/a.port")
NOTIFY_B_URL=http://127.0.0.1:$(cat "$state/b.port")
NOTIFY_TOPOLOGY_DIR=$state
EOF
  local a b
  start_instance a & a=$!
  start_instance b & b=$!
  if ! wait "$a" || ! wait "$b"; then stop_all; die "start-up failed"; fi
  write_json
  sed 's/^/export /' "$state/env"
}

write_json() {
  python3 - "$state" <<'PY'
import json, sys, os
state = sys.argv[1]
env = dict(line.strip().split("=", 1) for line in open(os.path.join(state, "env")) if "=" in line)
for name in ("a", "b", "redis"):
    try: env[f"NOTIFY_{name.upper()}_PID"] = int(open(os.path.join(state, f"{name}.pid")).read())
    except (OSError, ValueError): pass
json.dump(env, open(os.path.join(state, "env.json"), "w"), indent=2)
PY
}

stop_all() {
  stop_instance a
  stop_instance b
  stop_redis
  rm -f "$state/env" "$state/env.json"
}

case "${1:-}" in
  build) build ;;
  web) web_only ;;
  up) up "${2:-}" ;;
  start) [ -f "$state/env" ] || die "not up"; start_instance "${2:?a or b}"; write_json ;;
  stop)
    case "${2:-all}" in
      a | b) stop_instance "$2"; write_json ;;
      redis) stop_redis ;;
      all) stop_all ;;
      *) die "stop a|b|redis|all" ;;
    esac ;;
  env) cat "$state/env" ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
