#!/bin/sh
# One-shot schema set-up for Temporal's own PostgreSQL (run by the admin-tools image).
# Idempotent: `create` tolerates an existing database and update-schema only applies
# versions that are missing, so re-running after an image upgrade migrates the schema.
set -eu
SQL="temporal-sql-tool --plugin postgres12 --ep ${POSTGRES_SEEDS} -u ${POSTGRES_USER} -p ${DB_PORT}"
for db in temporal temporal_visibility; do
  $SQL --db "$db" create || true
done
$SQL --db temporal setup-schema -v 0.0 || true
$SQL --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
$SQL --db temporal_visibility setup-schema -v 0.0 || true
$SQL --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo "Temporal schema ready"
