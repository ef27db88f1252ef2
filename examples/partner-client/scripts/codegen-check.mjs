// Fails when src/gql/ differs from what codegen produces from the current schema
// and documents: regenerate into a temp dir and compare file by file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(dir, 'src', 'gql');
const tmp = mkdtempSync(join(tmpdir(), 'example-codegen-'));
const fresh = join(tmp, 'gql');

function list(dir) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [];
}

let failed = false;
try {
  execFileSync(
    join(dir, 'node_modules', '.bin', 'graphql-codegen'),
    ['--config', 'codegen.ts', '--silent'],
    {
      cwd: dir,
      env: { ...process.env, CODEGEN_OUT: fresh + '/' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const a = list(committed);
  const b = list(fresh);
  for (const name of new Set([...a, ...b])) {
    const left = existsSync(join(committed, name))
      ? readFileSync(join(committed, name), 'utf8')
      : null;
    const right = existsSync(join(fresh, name)) ? readFileSync(join(fresh, name), 'utf8') : null;
    if (left === null) {
      console.error(`codegen:check: src/gql/${name} is missing`);
      failed = true;
    } else if (right === null) {
      console.error(`codegen:check: src/gql/${name} is no longer generated`);
      failed = true;
    } else if (left !== right) {
      console.error(`codegen:check: src/gql/${name} is stale`);
      failed = true;
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) {
  console.error(
    'Generated GraphQL types are stale: run `corepack pnpm --filter @credits/partner-client-example codegen` and commit src/gql/.',
  );
  process.exit(1);
}
console.log('codegen:check: src/gql/ is up to date');
