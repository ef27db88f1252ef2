#!/bin/sh
# Fails when src/types.ts is not what codegen makes of schema.graphql.
set -e
cd "$(dirname "$0")/.."
cp src/types.ts /tmp/schema-types-before.$$
node ../../scripts/codegen.mjs --silent
if ! cmp -s src/types.ts /tmp/schema-types-before.$$; then
  rm -f /tmp/schema-types-before.$$
  echo "packages/schema/src/types.ts is stale: run \`pnpm codegen\` and commit it." >&2
  exit 1
fi
rm -f /tmp/schema-types-before.$$
echo "schema types are up to date"
