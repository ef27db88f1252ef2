#!/bin/sh
# Runs once, when the postgres image creates the database: the application
# role (APP_DB_USER) beside the owner (POSTGRES_USER, which runs migrations).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner="$POSTGRES_USER" -v app_role="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" \
  -f /app-role.sql
