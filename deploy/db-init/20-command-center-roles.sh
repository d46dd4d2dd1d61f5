#!/bin/sh
# Runs once, when the database volume is first initialised: the two roles of the command center.
# command_center_owner owns the tables and runs the migrations; the app connects as command_center_app,
# which is granted only what it needs (on the audit trail: add and read, never change, remove or unguard).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$CC_DB_OWNER_PASSWORD" -v app_password="$CC_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE command_center_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE command_center_app LOGIN PASSWORD :'app_password';
ALTER DATABASE command_center OWNER TO command_center_owner;
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
