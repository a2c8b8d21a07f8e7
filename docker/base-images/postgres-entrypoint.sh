#!/bin/sh
# First start: create the cluster, the superuser POSTGRES_USER with POSTGRES_PASSWORD, and POSTGRES_DB, as the
# official postgres image does. Later starts (the volume holds PG_VERSION) leave the data as it is.
set -eu

if [ "$(id -u)" = 0 ]; then
  # A fresh named volume belongs to root: hand it to postgres, then drop root for good.
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  secret=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$secret"
  initdb -D "$PGDATA" -U "$user" --pwfile="$secret" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$secret"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    # A private socket and no TCP while the database is made: pg_isready (the health check) only says
    # ready once the real server below is up.
    init_socket=$(mktemp -d)
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=$init_socket" -w start >/dev/null
    createdb -h "$init_socket" -U "$user" "$db"
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
    rmdir "$init_socket"
  fi
fi

if [ "$1" = postgres ]; then
  shift
  exec postgres -D "$PGDATA" "$@"
fi
exec "$@"
