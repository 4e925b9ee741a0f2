#!/usr/bin/env bash
# Run once by the postgres image on a fresh volume (/docker-entrypoint-initdb.d), as the
# superuser: the two roles of ADR 012 and their database. The platform never logs in as the
# superuser; the owner migrates and grants, the app role runs every process.
set -euo pipefail
: "${MAST_OWNER_PASSWORD:?set MAST_OWNER_PASSWORD}" "${MAST_APP_PASSWORD:?set MAST_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$MAST_OWNER_PASSWORD" -v app_password="$MAST_APP_PASSWORD" <<'SQL'
CREATE ROLE mast_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE mast_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE mast OWNER mast_owner;
SQL
