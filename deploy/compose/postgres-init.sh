#!/bin/sh
# Runs once, on an empty data directory (postgres image's /docker-entrypoint-initdb.d):
# one login role and one database per service, each owning its own database.
# Passwords come from deploy/env/postgres.env (PAKT_AUTH_DB_PASSWORD, ...), never from here.
set -eu

for svc in auth cases funding; do
    var="PAKT_$(echo "$svc" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    password="$(printenv "$var" || true)"
    if [ -z "$password" ]; then
        echo "$var is not set (see deploy/env/postgres.env.example)" >&2
        exit 1
    fi
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v role="pakt_$svc" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
