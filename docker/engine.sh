#!/usr/bin/env bash
# A private Docker engine for the test run, for machines with Debian's docker.io but no running engine (CI):
# its own data, exec root and socket under the given folder, so it neither needs nor touches a system engine.
# Containers get no way out: no NAT, no forwarding rules (--iptables=false), and published ports bind to
# loopback only (--ip=127.0.0.1). Needs root.
#   docker/engine.sh start <folder>   starts it and prints the DOCKER_HOST to use
#   docker/engine.sh stop <folder>    stops it by its pid and waits until it has gone
set -euo pipefail

action=${1:?start or stop}
folder=$(mkdir -p "${2:?folder}" && cd "$2" && pwd)
# Unix socket paths are limited to 108 bytes, and containerd puts its sockets under the exec root: in a deep
# build folder those two move to a short folder of their own, named after the build folder.
runtime="$folder"
if [ "${#folder}" -gt 48 ]; then
  runtime="/tmp/two-step-docker-$(printf '%s' "$folder" | sha256sum | cut -c1-12)"
  mkdir -p "$runtime"
fi
socket="$runtime/docker.sock"
pidfile="$folder/dockerd.pid"

case "$action" in
  start)
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "unix://$socket"
      exit 0
    fi
    mkdir -p "$folder/data" "$runtime/exec"
    # Where bridged traffic passes through iptables (br_netfilter) and forwarding is refused (as an engine
    # with its own rules leaves it), containers on one network could not reach each other: allow that, only.
    if [ "$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)" = 1 ] \
        && iptables -S FORWARD 2>/dev/null | grep -q '^-P FORWARD DROP'; then
      for bridge in docker0 br-+; do
        iptables -C FORWARD -i "$bridge" -o "$bridge" -j ACCEPT 2>/dev/null \
          || iptables -I FORWARD -i "$bridge" -o "$bridge" -j ACCEPT
      done
    fi
    dockerd --data-root "$folder/data" --exec-root "$runtime/exec" --host "unix://$socket" \
      --pidfile "$pidfile" --iptables=false --ip-masq=false --ip=127.0.0.1 \
      >"$folder/dockerd.log" 2>&1 &
    for _ in $(seq 1 60); do
      if DOCKER_HOST="unix://$socket" docker version >/dev/null 2>&1; then
        echo "unix://$socket"
        exit 0
      fi
      sleep 1
    done
    echo "the Docker engine did not start in 60 s; its log:" >&2
    tail -20 "$folder/dockerd.log" >&2
    exit 1
    ;;
  stop)
    [ -s "$pidfile" ] || exit 0
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop <folder>" >&2
    exit 2
    ;;
esac
