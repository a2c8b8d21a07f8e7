#!/usr/bin/env bash
# Builds, from Debian's packages and Keycloak's own distribution zip only, the images that docker/Dockerfile and
# docker/compose.yaml start from, and tags them with the names those files use (quay.io/keycloak/keycloak:<v>,
# postgres:<major>). Only for machines that cannot pull images: where a registry is reachable, skip it and let
# Docker pull the real ones. Talks to the engine that `docker` talks to (DOCKER_HOST); needs root for
# mmdebstrap, and unzip. The root file systems are cached in TWO_STEP_IMAGE_CACHE (default
# ~/.cache/two-step/base-images): the first build downloads about 100 MB of Debian packages, later ones none.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${TWO_STEP_IMAGE_CACHE:-$HOME/.cache/two-step/base-images}
suite=bookworm
mirror=${TWO_STEP_DEBIAN_MIRROR:-http://deb.debian.org/debian}

keycloak_version=$(sed -n 's/^ARG KEYCLOAK_VERSION=//p' "$root/docker/Dockerfile")
postgres_major=$(sed -n 's/^ *image: postgres:\([0-9]*\)$/\1/p' "$root/docker/compose.yaml")
[ -n "$keycloak_version" ] || { echo "no ARG KEYCLOAK_VERSION in docker/Dockerfile" >&2; exit 1; }
[ -n "$postgres_major" ] || { echo "no 'image: postgres:<major>' in docker/compose.yaml" >&2; exit 1; }

mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# No documentation or translations in the images; the JRE's set-up still needs the man folder to exist.
# Debian's postgresql package makes a cluster of its own at install: the image makes its own at first start.
recipe=(
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/locale/*'
  --essential-hook='mkdir -p "$1"/usr/share/man/man1'
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*'
  --customize-hook='rm -rf "$1"/etc/postgresql/*/main "$1"/var/lib/postgresql/*/main'
)

# A root file system of Debian's minimal base plus the given packages, made once per package list and imported
# into the engine under a name of its own (never a name the project's files use).
rootfs_tar() {
  local name=$1 packages=$2 key tar
  # Named by what goes in, so a changed package list or recipe makes a new one and anything else reuses it.
  key=$(printf '%s|' "$suite" "$packages" "${recipe[@]}" | sha256sum | cut -c1-12)
  tar="$cache/$name-$key.tar"
  if [ ! -s "$tar" ]; then
    mmdebstrap --quiet --format=tar --variant=minbase --include="$packages" "${recipe[@]}" \
      "$suite" "$tar.part" "$mirror" >"$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; return 1; }
    mv "$tar.part" "$tar"
  fi
  echo "$tar"
}

imported() {
  local tar=$1 image
  image="two-step-base/$(basename "$tar" .tar)"
  docker image inspect "$image" >/dev/null 2>&1 || docker import "$tar" "$image" >/dev/null
  echo "$image"
}

# Both downloads at once: they wait on the network, not on the two cores.
rootfs_tar keycloak-rootfs "openjdk-17-jre-headless,ca-certificates" >"$work/keycloak.tar.path" &
keycloak_job=$!
rootfs_tar postgres-rootfs "postgresql-$postgres_major" >"$work/postgres.tar.path" &
postgres_job=$!
wait "$keycloak_job"
wait "$postgres_job"

# Keycloak: the distribution zip the tests use, from the Maven repository (fetched there if it is not yet).
zip=$(find "${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$keycloak_version" \
  -name "keycloak-quarkus-dist-$keycloak_version.zip" 2>/dev/null | head -1 || true)
if [ -z "$zip" ]; then
  (cd "$root" && mvn -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" \
    -DoutputDirectory="$work")
  zip="$work/keycloak-quarkus-dist-$keycloak_version.zip"
fi
mkdir "$work/keycloak-context"
unzip -q "$zip" -d "$work/keycloak-context"
mv "$work/keycloak-context/keycloak-$keycloak_version" "$work/keycloak-context/keycloak"
# Modes set here, not in a RUN: a RUN chmod would store the whole distribution a second time.
mkdir -p "$work/keycloak-context/keycloak/data"
chmod -R g+rwX "$work/keycloak-context/keycloak"
cp "$here/keycloak.Dockerfile" "$work/keycloak-context/Dockerfile"
docker build -q --build-arg ROOTFS="$(imported "$(cat "$work/keycloak.tar.path")")" \
  -t "quay.io/keycloak/keycloak:$keycloak_version" "$work/keycloak-context" >/dev/null

mkdir "$work/postgres-context"
cp "$here/postgres.Dockerfile" "$work/postgres-context/Dockerfile"
cp "$here/postgres-entrypoint.sh" "$work/postgres-context/"
docker build -q --build-arg ROOTFS="$(imported "$(cat "$work/postgres.tar.path")")" \
  --build-arg PG_MAJOR="$postgres_major" -t "postgres:$postgres_major" "$work/postgres-context" >/dev/null

echo "built quay.io/keycloak/keycloak:$keycloak_version and postgres:$postgres_major from Debian $suite"
