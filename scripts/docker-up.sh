#!/usr/bin/env bash
# Makes sure a Docker daemon answers, so the Docker runtime's tests run for real on a fresh machine.
# Root on Debian: installs docker.io (and busybox-static, which the node image carries) when
# missing and starts dockerd with the overlay2 driver in the background, because the package does
# not start it where PID 1 is not systemd. Anyone else: one line saying what to install.
# Idempotent: a daemon that already answers is left as it is.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DOCKERD_LOG="${CUTCHECK_DOCKERD_LOG:-/var/log/cutcheck-dockerd.log}"

daemon_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker version -f '{{.Server.Version}}' >/dev/null 2>&1
}

report() {
  local driver
  driver="$(docker info -f '{{.Driver}}' 2>/dev/null || echo unknown)"
  log "docker $(docker version -f 'server {{.Server.Version}} (api {{.Server.APIVersion}})'), storage driver $driver"
  [ "$driver" = overlay2 ] || log "warning: storage driver is $driver, not overlay2: containers start slower and use more disk"
}

# busybox-static is wanted by the node image (a shell for debugging); the image builds without it.
if can_apt && [ ! -x /bin/busybox ]; then
  apt_install --no-install-recommends busybox-static || log "continuing without busybox: node images will have no shell"
fi

if daemon_answers; then
  report
  exit 0
fi

if ! can_apt; then
  log "no Docker daemon answers: install Docker (Debian: apt-get install docker.io) and start dockerd, or run this script as root on Debian"
  exit 1
fi

command -v dockerd >/dev/null 2>&1 || apt_install --no-install-recommends docker.io

# A pid file left by a daemon that died (e.g. a machine snapshot) makes dockerd refuse to start.
if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  rm -f /var/run/docker.pid
fi
if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "starting dockerd (overlay2), log in $DOCKERD_LOG"
  setsid nohup dockerd --storage-driver=overlay2 >>"$DOCKERD_LOG" 2>&1 </dev/null &
fi
for _ in $(seq 1 150); do
  daemon_answers && break
  sleep 0.2
done
if ! daemon_answers; then
  log "dockerd did not answer within 30 s; last lines of $DOCKERD_LOG:"
  tail -n 15 "$DOCKERD_LOG" >&2 || true
  exit 1
fi
report
