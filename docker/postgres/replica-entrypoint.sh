#!/usr/bin/env bash
# A streaming replica of the compose `db` service (docker compose --profile replicas). On its first
# start it copies the primary with pg_basebackup (--write-recovery-conf writes standby.signal and
# primary_conninfo); then it runs as a hot standby, and later starts resume streaming where it stopped.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup --host="$PRIMARY_HOST" --username="$PRIMARY_USER" --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast; do
    echo "Waiting for the primary at $PRIMARY_HOST to accept a base backup..."
    find "$PGDATA" -mindepth 1 -delete
    sleep 2
  done
  chmod 0700 "$PGDATA"
fi
# hot_standby_feedback: the primary keeps rows a replica's running read still needs, so replay does not
# cancel public reads (the app would retry them on the primary anyway).
exec postgres -D "$PGDATA" -c hot_standby=on -c hot_standby_feedback=on
