// Fails when a package's committed codegen output differs from what codegen
// produces from the current schema and documents: regenerate into a temp dir
// and compare file by file.
//   node scripts/codegen-check.mjs <package dir> <output dir, relative to it>
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [pkgArg, outArg] = process.argv.slice(2);
if (!pkgArg || !outArg) {
  console.error('usage: node scripts/codegen-check.mjs <package dir> <output dir>');
  process.exit(2);
}
const pkgDir = resolve(pkgArg);
const committed = join(pkgDir, outArg);
const tmp = mkdtempSync(join(tmpdir(), `${basename(pkgDir)}-codegen-`));
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
    process.execPath,
    [join(dirname(fileURLToPath(import.meta.url)), 'codegen.mjs'), '--silent'],
    {
      cwd: pkgDir,
      env: { ...process.env, CODEGEN_OUT: fresh + '/' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
} catch {
  // codegen printed why (a document that does not validate, a schema that does not load).
  rmSync(tmp, { recursive: true, force: true });
  console.error(`codegen:check: codegen failed in ${basename(pkgDir)}`);
  process.exit(1);
}
try {
  for (const name of new Set([...list(committed), ...list(fresh)])) {
    const left = existsSync(join(committed, name))
      ? readFileSync(join(committed, name), 'utf8')
      : null;
    const right = existsSync(join(fresh, name)) ? readFileSync(join(fresh, name), 'utf8') : null;
    if (left === null) {
      console.error(`codegen:check: ${outArg}/${name} is missing`);
      failed = true;
    } else if (right === null) {
      console.error(`codegen:check: ${outArg}/${name} is no longer generated`);
      failed = true;
    } else if (left !== right) {
      console.error(`codegen:check: ${outArg}/${name} is stale`);
      failed = true;
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) {
  console.error(
    `Generated GraphQL types are stale: run \`corepack pnpm codegen\` and commit ${basename(pkgDir)}/${outArg}/.`,
  );
  process.exit(1);
}
console.log(`codegen:check: ${basename(pkgDir)}/${outArg}/ is up to date`);
