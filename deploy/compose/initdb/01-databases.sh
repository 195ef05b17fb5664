#!/bin/bash
# Run once by the postgres image on an empty volume: the application role and
# databases, and Keycloak's own database. Passwords come from the environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U postgres \
  -v hotline_pw="$HOTLINE_PG_PASSWORD" -v keycloak_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE hotline LOGIN PASSWORD :'hotline_pw';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE hotline_core OWNER hotline;
CREATE DATABASE hotline_routing OWNER hotline;
CREATE DATABASE keycloak OWNER keycloak;
SQL
