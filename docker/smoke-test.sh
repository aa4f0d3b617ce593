#!/usr/bin/env bash
# Runs motcua's container image without a container runtime and proves it works (CI runs it, as root):
#   docker/smoke-test.sh [IMAGE_TAR]     (default target/image/motcua-image.tar, from mvn -Pimage package)
#
# The image tarball (`docker save` format, as Jib writes it) is unpacked layer by layer into a root
# filesystem, honouring whiteouts as the OCI image spec says. Its entrypoint then runs as a container
# would: its Env only, its User (no capabilities), its WorkingDir, chrooted, in new mount, PID, UTS
# and network namespaces (only loopback: port 8080 collides with nothing), with /proc, /dev, /sys
# and a tmpfs /tmp. The service runs on the demo profile (embedded H2 under /app/data). Checked:
#   - the compose file's image is this image (one of its tags), and the user is not root;
#   - the compose health check of node1 (docker/compose.yaml) fails before the service is ready;
#   - /actuator/health/readiness becomes UP; the health check then passes inside the container;
#   - the demo admin logs in to the engine's REST API, a wrong password does not;
#   - Vietnam's time zone and UTF-8 are the container's defaults.
# Prints the image's size (compressed and unpacked) and how long the service took to be ready; the
# service's log is left beside the image (smoke-test-service.log).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
image="$(realpath "${1:-$root/target/image/motcua-image.tar}")"
compose="$root/docker/compose.yaml"
service_log="$(dirname "$image")/smoke-test-service.log"
node_service=node1
demo_admin_password=demo            # application-demo.yaml: motcua.admin.password
ready_timeout="${MOTCUA_SMOKE_TIMEOUT:-300}"

[ "$(id -u)" = 0 ] || { echo "smoke-test.sh runs as root (chroot, namespaces, mounts)" >&2; exit 1; }
for tool in jq unshare nsenter ip curl tar node; do
  command -v "$tool" >/dev/null || { echo "smoke-test.sh needs $tool" >&2; exit 1; }
done
[ -f "$image" ] || { echo "No image tarball at $image (mvn -Pimage -DskipTests package)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/motcua-smoke.XXXXXX")"
rootfs="$work/rootfs"
netns="motcua-smoke-$$"
service_pid=
checks=0

cleanup() {
  local rc=$?
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$service_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$service_pid" 2>/dev/null || true
  fi
  if [ -f "$work/service.log" ]; then
    cp "$work/service.log" "$service_log"
    if [ $rc != 0 ]; then
      echo "--- the service's last 60 lines (all of them: $service_log):" >&2
      tail -n 60 "$work/service.log" >&2
    fi
  fi
  ip netns delete "$netns" 2>/dev/null || true
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT

ok() { checks=$((checks + 1)); echo "ok $checks - $*"; }
fail() { echo "not ok - $*" >&2; exit 1; }

# ------------------------------------------------------------------ unpacking

# Fails when a path that a layer touches would resolve outside the root filesystem (through a
# symlink of a lower layer): unpacking must never write to the host.
inside_rootfs() { # rootfs, paths relative to it (stdin, NUL-separated)
  local top
  top="$(realpath "$1")"
  xargs -0 -r -I{} realpath -m -- "$1/{}" | while IFS= read -r path; do
    case "$path" in "$top"|"$top"/*) ;; *) echo "a layer reaches outside the root filesystem: $path" >&2; return 1;; esac
  done
}

# One layer onto the root filesystem: first its whiteouts delete what lower layers put there
# (.wh.NAME: NAME; .wh..wh..opq: everything in that directory), then its files are extracted.
apply_layer() { # layer file, rootfs, layer number
  local layer="$1" dest="$2" entries dir base
  entries="$(tar --warning=no-unknown-keyword -tzf "$layer" | sed 's|^\./||')"
  if [ "$3" -gt 1 ]; then
    printf '%s\n' "$entries" | while IFS= read -r e; do [ -n "$e" ] && printf '%s\0' "$(dirname "$e")"; done \
      | sort -zu | inside_rootfs "$dest"
  fi
  while IFS= read -r e; do
    dir="$(dirname "$e")"; base="$(basename "$e")"
    case "$base" in
      .wh..wh..opq) find "$dest/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf -- {} + ;;
      .wh.*) rm -rf -- "${dest:?}/$dir/${base#.wh.}" ;;
    esac
  done < <(printf '%s\n' "$entries" | grep -E '(^|/)\.wh\.[^/]+$' || true)
  tar --warning=no-unknown-keyword -xzf "$layer" -C "$dest" --numeric-owner --same-owner --same-permissions \
    --exclude='.wh.*' --exclude='*/.wh.*'
}

# Unpacks a `docker save` tarball: its config goes to $2/config.json, its layers onto $2/rootfs.
unpack_image() { # image tarball, directory
  local tarball="$1" out="$2" layer n=0
  mkdir -p "$out/image" "$out/rootfs"
  tar -xf "$tarball" -C "$out/image"
  [ -f "$out/image/manifest.json" ] || fail "$tarball is not in docker save format (no manifest.json)"
  cp "$out/image/$(jq -r '.[0].Config' "$out/image/manifest.json")" "$out/config.json"
  [ "$(jq -r '.[0].Layers | length' "$out/image/manifest.json")" = "$(jq -r '.rootfs.diff_ids | length' "$out/config.json")" ] \
    || fail "the manifest and the config do not list the same number of layers"
  while IFS= read -r layer; do
    n=$((n + 1))
    apply_layer "$out/image/$layer" "$out/rootfs" "$n"
  done < <(jq -r '.[0].Layers[]' "$out/image/manifest.json")
  rm -rf "$out/image"
}

# The unpacker against a small image of two layers whose upper one deletes a file and empties a directory.
self_test_unpacker() {
  local t="$work/unpack-test" l1 l2
  mkdir -p "$t/l1/keep" "$t/l1/gone" "$t/l1/opaque" "$t/l2/opaque" "$t/l2/keep"
  echo 1 > "$t/l1/keep/a"; echo 1 > "$t/l1/gone/b"; echo 1 > "$t/l1/opaque/old"
  echo 2 > "$t/l2/opaque/new"; : > "$t/l2/.wh.gone"; : > "$t/l2/opaque/.wh..wh..opq"; echo 2 > "$t/l2/keep/c"
  mkdir -p "$t/img"
  tar -czf "$t/img/l1.tar.gz" -C "$t/l1" . && tar -czf "$t/img/l2.tar.gz" -C "$t/l2" .
  echo '{"rootfs":{"diff_ids":["sha256:1","sha256:2"]}}' > "$t/img/c.json"
  echo '[{"Config":"c.json","Layers":["l1.tar.gz","l2.tar.gz"]}]' > "$t/img/manifest.json"
  tar -cf "$t/test.tar" -C "$t/img" .
  unpack_image "$t/test.tar" "$t/out"
  [ -f "$t/out/rootfs/keep/a" ] && [ -f "$t/out/rootfs/keep/c" ] && [ ! -e "$t/out/rootfs/gone" ] \
    && [ -f "$t/out/rootfs/opaque/new" ] && [ ! -e "$t/out/rootfs/opaque/old" ] \
    && [ -z "$(find "$t/out/rootfs" -name '.wh.*')" ] || fail "the unpacker mishandles whiteouts"
  rm -rf "$t"
  ok "the unpacker applies layers in order and honours whiteouts (.wh.NAME, .wh..wh..opq)"
}

self_test_unpacker
started=$(date +%s)
unpack_image "$image" "$work"
config="$work/config.json"
echo "Image: $(basename "$image"), $(du -m "$image" | cut -f1) MB as a tarball (layers compressed), $(du -sm "$rootfs" | cut -f1) MB unpacked, $(jq '.rootfs.diff_ids | length' "$config") layers; unpacked in $(( $(date +%s) - started )) s"

compose_image="$(node "$root/docker/compose-check/check.mjs" --image "$node_service" "$compose")"
jq -e --arg ref "$compose_image" '.[0].RepoTags // [] | index($ref)' <(tar -xOf "$image" manifest.json) >/dev/null \
  || fail "docker/compose.yaml runs $compose_image, which is not a tag of this image ($(tar -xOf "$image" manifest.json | jq -c '.[0].RepoTags'))"
ok "docker/compose.yaml's $node_service runs this image ($compose_image)"

# ------------------------------------------------------------------ the container's settings

mapfile -t entrypoint < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t environment < <(jq -r '.config.Env // [] | .[]' "$config")
workdir="$(jq -r '.config.WorkingDir // "/"' "$config")"
user="$(jq -r '.config.User // "0"' "$config")"
uid="${user%%:*}"; gid="${user#*:}"; [ "$gid" != "$user" ] || gid=
if ! [[ "$uid" =~ ^[0-9]+$ ]]; then uid="$(awk -F: -v u="$uid" '$1 == u {print $3}' "$rootfs/etc/passwd")"; fi
[ -n "$gid" ] || gid="$(awk -F: -v u="$uid" '$3 == u {print $4}' "$rootfs/etc/passwd")"
if ! [[ "$gid" =~ ^[0-9]+$ ]]; then gid="$(awk -F: -v g="$gid" '$1 == g {print $3}' "$rootfs/etc/group")"; fi
[ -n "$uid" ] && [ -n "$gid" ] || fail "the image's user $user is not in its /etc/passwd"
[ "$uid" != 0 ] || fail "the image runs as root"
[ ${#entrypoint[@]} -gt 0 ] || fail "the image has no entrypoint"
ok "the image runs ${entrypoint[*]} as $user (uid $uid, gid $gid) in $workdir"

# what a runtime writes into every container
hostname=motcua-smoke
printf '127.0.0.1\tlocalhost %s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$hostname" > "$work/hosts"
echo "$hostname" > "$work/hostname"
: > "$work/resolv.conf"

ip netns add "$netns"
ip netns exec "$netns" ip link set lo up

# The container: PID 1 is the entrypoint, in the image's root, as its user, with its environment only.
# (the namespaces end with it; --kill-child takes it down if this script dies)
start_container() { # command...
  env -i "${environment[@]}" SPRING_PROFILES_ACTIVE=demo \
    ip netns exec "$netns" unshare --mount --uts --pid --fork --kill-child --propagation private \
    /bin/bash -euc '
      r=$1 work=$2 host=$3 wd=$4 uid=$5 gid=$6; shift 6
      hostname "$host"
      mount -t proc proc "$r/proc"
      mount -t tmpfs -o nosuid,mode=0755 tmpfs "$r/dev"
      for d in null zero full random urandom tty; do : > "$r/dev/$d"; mount --bind "/dev/$d" "$r/dev/$d"; done
      mkdir "$r/dev/shm" "$r/dev/pts" && mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$r/dev/shm"
      ln -s /proc/self/fd "$r/dev/fd"; ln -s /proc/self/fd/0 "$r/dev/stdin"
      ln -s /proc/self/fd/1 "$r/dev/stdout"; ln -s /proc/self/fd/2 "$r/dev/stderr"
      mount --rbind /sys "$r/sys" && mount -o remount,bind,ro "$r/sys"
      mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$r/tmp"
      for f in hosts hostname resolv.conf; do [ -e "$r/etc/$f" ] || : > "$r/etc/$f"; mount --bind "$work/$f" "$r/etc/$f"; done
      exec unshare --root="$r" --wd="$wd" --setgid="$gid" --setuid="$uid" -- "$@"
    ' container "$rootfs" "$work" "$hostname" "$workdir" "$uid" "$gid" "$@"
}

# A command in the running container, like `docker exec` (and so like a runtime's health check).
in_container() { # command...
  env -i "${environment[@]}" \
    nsenter --target "$service_pid" --mount --uts --net --pid --root --wd="$rootfs$workdir" \
    --setgid="$gid" --setuid="$uid" -- "$@"
}

mapfile -t health < <(node "$root/docker/compose-check/check.mjs" --healthcheck "$node_service" "$compose" | jq -r '.[]')
case "${health[0]:-}" in
  CMD) health=("${health[@]:1}") ;;
  CMD-SHELL) health=(/bin/sh -c "${health[1]}") ;;
  *) fail "docker/compose.yaml: $node_service has no health check to run" ;;
esac

# ------------------------------------------------------------------ the service

started=$(date +%s)
start_container "${entrypoint[@]}" > "$work/service.log" 2>&1 &
# The entrypoint's process is the one whose root is the image's (it got there by chroot, then setuid, then exec).
for _ in $(seq 1 100); do
  for proc in /proc/[0-9]*; do
    if [ "$(readlink "$proc/root" 2>/dev/null)" = "$rootfs" ] && [ "$(awk '/^Uid:/ {print $2}' "$proc/status" 2>/dev/null)" = "$uid" ]; then
      service_pid="${proc#/proc/}"
    fi
  done
  [ -z "$service_pid" ] || break
  sleep 0.1
done
[ -n "$service_pid" ] || fail "the container did not start (or not as uid $uid)"
sleep 0.5
[ "$(awk '/^NSpid:/ {print $NF}' "/proc/$service_pid/status")" = 1 ] || fail "the entrypoint is not PID 1 of its namespace"
[ "$(awk '/^CapEff:/ {print $2}' "/proc/$service_pid/status")" = 0000000000000000 ] || fail "the service has capabilities"
ok "the service runs as uid $uid without capabilities, PID 1 of its own namespaces ($(tr '\0' ' ' < "/proc/$service_pid/cmdline" | cut -c1-40)...)"

if in_container "${health[@]}" >/dev/null 2>&1; then fail "the health check passes before the service is ready"; fi
ok "the compose health check fails while the service starts: ${health[*]}"

readiness=
while [ $(( $(date +%s) - started )) -lt "$ready_timeout" ]; do
  kill -0 "$service_pid" 2>/dev/null || fail "the service exited"
  readiness="$(ip netns exec "$netns" curl -s --max-time 5 http://127.0.0.1:8080/actuator/health/readiness || true)"
  [ "$(jq -r '.status? // empty' <<<"$readiness" 2>/dev/null)" = UP ] && break
  sleep 2
done
[ "$(jq -r '.status? // empty' <<<"$readiness" 2>/dev/null)" = UP ] \
  || fail "/actuator/health/readiness is not UP after ${ready_timeout} s: ${readiness:-no answer}"
ready_after=$(( $(date +%s) - started ))
ok "/actuator/health/readiness is UP after $ready_after s"

in_container "${health[@]}" || fail "the compose health check fails on a ready service: ${health[*]}"
ok "the compose health check passes inside the container"

users="$(ip netns exec "$netns" curl -s --max-time 10 -u "admin:$demo_admin_password" -w '\n%{http_code}' \
  http://127.0.0.1:8080/engine-rest/user)"
[ "$(tail -n 1 <<<"$users")" = 200 ] && sed '$d' <<<"$users" | jq -e 'map(.id) | index("admin")' >/dev/null \
  || fail "the demo admin cannot list the users: $users"
ok "the demo admin logs in (GET /engine-rest/user: $(sed '$d' <<<"$users" | jq length) users)"

status="$(ip netns exec "$netns" curl -s --max-time 10 -o /dev/null -w '%{http_code}' -u admin:wrong-password \
  http://127.0.0.1:8080/engine-rest/user)"
[ "$status" = 401 ] || fail "a wrong password gives HTTP $status, not 401"
ok "a wrong password is refused (401)"

zone="$(in_container date +%Z)"
[ "$zone" = "+07" ] || fail "the container's time zone is $zone, not Asia/Ho_Chi_Minh (+07)"
grep -qx 'LANG=C.UTF-8' < <(tr '\0' '\n' < "/proc/$service_pid/environ") || fail "LANG is not C.UTF-8"
ok "the container's time zone is Asia/Ho_Chi_Minh (+07) and its locale C.UTF-8"

kill -TERM "$service_pid"
for _ in $(seq 1 30); do kill -0 "$service_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$service_pid" 2>/dev/null && fail "the service did not stop within 30 s of SIGTERM"
service_pid=
ok "the service stops on SIGTERM"
echo "Image smoke test passed: $checks checks; ready after $ready_after s"
