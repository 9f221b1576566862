#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the store tests and exports EXOATLAS_TEST_DATABASE_URL; stops it and
# removes its directory when the calling shell exits. Source it (`. .ci/start-postgres.sh`) so the export and the
# exit trap reach the caller. As root, initdb and postgres refuse to run: they run as the `postgres` user, in a
# temporary directory it owns, on a free port of 127.0.0.1 with trust authentication.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "ci: no initdb under /usr/lib/postgresql/*/bin; the PostgreSQL half of the store tests will be skipped" >&2
  return 0 2>/dev/null || exit 0
fi

pg_dir="$(mktemp -d /tmp/exoatlas-ci-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
pg_port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null

stop_ci_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_ci_postgres EXIT

export EXOATLAS_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "ci: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (EXOATLAS_TEST_DATABASE_URL)"
