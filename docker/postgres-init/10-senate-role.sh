#!/bin/sh
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d): the application's
# own role, without superuser, role or database creation rights, owning its database (Liquibase and Flyway
# create the tables in it). For a data directory that exists already, run the same statements by hand
# (docs/operator-guide.md, "Database account").
set -eu
password="$(cat "${SENATE_DB_PASSWORD_FILE:-/run/secrets/db_password}")"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres --set=password="$password" <<'SQL'
CREATE ROLE senate_workflow LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
CREATE DATABASE senate_workflow OWNER senate_workflow ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE senate_workflow FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE senate_workflow TO senate_workflow;
SQL
