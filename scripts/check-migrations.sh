#!/usr/bin/env bash
# Fails when db/schema.ts has changes that no committed migration carries.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(ls db/migrations/*.sql | wc -l)
out=$(npx drizzle-kit generate --name schema_drift_check 2>&1)
after=$(ls db/migrations/*.sql | wc -l)
if [ "$after" != "$before" ] || ! echo "$out" | grep -q "No schema changes"; then
  echo "$out"
  echo "FAIL: db/schema.ts differs from the committed migrations. Run: npm run db:generate -- --name <change>"
  git checkout -- db/migrations 2>/dev/null || true
  git clean -fdq db/migrations 2>/dev/null || true
  exit 1
fi
npx drizzle-kit check >/dev/null
echo "migrations in sync with schema"
