// Fails when src/gql/ differs from what codegen produces from the current
// schema and documents (the shared check in scripts/codegen-check.mjs).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  execFileSync(
    process.execPath,
    [join(webDir, '..', '..', 'scripts', 'codegen-check.mjs'), webDir, 'src/gql'],
    { stdio: 'inherit' },
  );
} catch {
  process.exit(1);
}
