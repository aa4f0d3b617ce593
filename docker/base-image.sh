#!/usr/bin/env bash
# The base image of motcua's container image, built from Debian's packages without a Docker daemon
# or a registry: Debian 12 (bookworm) with OpenJDK 17's headless JRE, curl (the health check),
# tzdata and the CA certificates, and the user motcua (uid/gid 10001) owning /app/data.
#
#   docker/base-image.sh [OUTPUT]      (root, or an unprivileged user with subuids: mmdebstrap's unshare mode)
#
# OUTPUT (default target/image/motcua-base.tar) is an image tarball in `docker save` format with one
# gzipped layer; Jib builds the service image on it (pom.xml, profile "image": tar:// base image).
# The package set is Debian's "essential" set plus those packages and their dependencies: no apt,
# no Perl, no manual pages. With the same package versions the output is the same bit for bit
# (SOURCE_DATE_EPOCH) but for the Java trust store (/etc/ssl/certs/java/cacerts), whose entries
# keytool dates with the clock; Debian's security updates come in whenever it is built again.
#
# Built once and kept in MOTCUA_BASE_CACHE (default ~/.cache/motcua) for MOTCUA_BASE_MAX_AGE_DAYS
# (default 7) or until this recipe changes; MOTCUA_BASE_REBUILD=1 builds it anew. Debian's packages
# come from mmdebstrap's default mirror, or from MOTCUA_APT_MIRROR (a URL, a sources.list line or
# a deb822 .sources file, as mmdebstrap takes it).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
output="${1:-$root/target/image/motcua-base.tar}"
suite=bookworm
uid=10001
packages=openjdk-17-jre-headless,curl,tzdata,ca-certificates

arch="$(dpkg --print-architecture)"
recipe="$(cat "$0"; echo "$arch ${MOTCUA_APT_MIRROR:-}")"
key="$(printf '%s' "$recipe" | sha256sum | cut -c1-16)"
cache_dir="${MOTCUA_BASE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/motcua}"
cached="$cache_dir/motcua-base-$suite-$arch-$key.tar"
max_age_days="${MOTCUA_BASE_MAX_AGE_DAYS:-7}"

mkdir -p "$(dirname "$output")" "$cache_dir"
if [ "${MOTCUA_BASE_REBUILD:-0}" != 1 ] && [ -s "$cached" ] \
   && [ -n "$(find "$cached" -mtime "-$max_age_days" 2>/dev/null)" ]; then
  echo "Base image: $cached (built $(date -r "$cached" '+%Y-%m-%d %H:%M'), recipe $key)"
  ln -f "$cached" "$output" 2>/dev/null || cp "$cached" "$output"
  exit 0
fi

command -v mmdebstrap >/dev/null || { echo "base-image.sh needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 1; }
started=$(date +%s)
work="$(mktemp -d "${TMPDIR:-/tmp}/motcua-base.XXXXXX")"
# mmdebstrap's (and its hooks') chatter goes to a log, shown only when the build fails.
trap 'rc=$?; [ $rc = 0 ] || tail -n 40 "$work/mmdebstrap.log" >&2 2>/dev/null; rm -rf "$work"' EXIT

# The recipe's own commit time, so that the same recipe and packages give the same bytes.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct -- docker/base-image.sh 2>/dev/null || true)}"
[ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH="$(date +%s)"
created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
java_home="/usr/lib/jvm/java-17-openjdk-$arch"

mirror=()
[ -z "${MOTCUA_APT_MIRROR:-}" ] || mirror=("$MOTCUA_APT_MIRROR")

echo "Building the base image: Debian $suite ($arch) with $packages ..."
# The service's user owns /app/data (the embedded database, the initial passwords); the rest is root's.
# openjdk's postinst links its manual pages into man1 even when manual pages are left out.
mmdebstrap --variant=essential --include="$packages" \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --dpkgopt=force-unsafe-io --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="echo 'motcua:x:$uid:$uid:motcua:/app:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'motcua:x:$uid:' >> \"\$1/etc/group\"" \
  --customize-hook="if [ -f \"\$1/etc/shadow\" ]; then echo 'motcua:!:$((SOURCE_DATE_EPOCH / 86400))::::::' >> \"\$1/etc/shadow\"; fi" \
  --customize-hook="mkdir -p \"\$1/app/data\" && chown $uid:$uid \"\$1/app/data\" && chmod 0750 \"\$1/app/data\"" \
  --customize-hook='test -s "$1/etc/ssl/certs/java/cacerts"' \
  --customize-hook="test -x \"\$1$java_home/bin/java\" && test -f \"\$1/usr/share/zoneinfo/Asia/Ho_Chi_Minh\"" \
  --customize-hook='rm -f "$1/etc/hostname" "$1/etc/resolv.conf"' \
  "$suite" - "${mirror[@]}" 2> "$work/mmdebstrap.log" \
  | mmtarfilter --path-exclude='/dev/*' \
  | gzip -n -6 > "$work/layer.tar.gz"

diff_id="sha256:$(gzip -dc "$work/layer.tar.gz" | sha256sum | cut -d' ' -f1)"
layer="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1).tar.gz"
mv "$work/layer.tar.gz" "$work/$layer"

# The image's configuration: what every container of it inherits unless the service image says otherwise.
cat > "$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$java_home"],
           "WorkingDir":"/app","User":"$uid:$uid",
           "Labels":{"vn.motcua.base":"Debian $suite (mmdebstrap, docker/base-image.sh): OpenJDK 17 JRE headless, curl, tzdata, CA certificates; user motcua ($uid)"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"docker/base-image.sh: mmdebstrap --variant=essential --include=$packages $suite"}]}
EOF
config="$(sha256sum "$work/config.json" | cut -d' ' -f1).json"
mv "$work/config.json" "$work/$config"
printf '[{"Config":"%s","RepoTags":["motcua-base:%s"],"Layers":["%s"]}]\n' "$config" "$suite" "$layer" > "$work/manifest.json"

tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  -C "$work" -cf "$work/image.tar" manifest.json "$config" "$layer"
mv "$work/image.tar" "$cached"
find "$cache_dir" -maxdepth 1 -name "motcua-base-$suite-$arch-*.tar" ! -name "$(basename "$cached")" -delete
ln -f "$cached" "$output" 2>/dev/null || cp "$cached" "$output"
echo "Base image: $output, $(du -m "$output" | cut -f1) MB compressed, built in $(( $(date +%s) - started )) s (recipe $key)"
