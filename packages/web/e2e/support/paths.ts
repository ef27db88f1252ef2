import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = path.resolve(webDir, '..', '..');
export const webDist = path.join(webDir, 'dist');
export const serverMain = path.join(repoRoot, 'packages', 'server', 'dist', 'main.js');
export const screenshotsDir = path.join(repoRoot, 'docs', 'screenshots');
export const resultsDir = path.join(webDir, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails early, naming the command that fixes it, when a build the browser tests need is missing. */
export function assertBuilt(): void {
  const problems: string[] = [];
  if (!existsSync(path.join(webDist, 'index.html'))) {
    problems.push(
      `the dashboard is not built (${path.relative(repoRoot, webDist)}/index.html is missing): run \`corepack pnpm --filter @credits/web build\``,
    );
  }
  if (!existsSync(serverMain)) {
    problems.push(
      `the gateway is not built (${path.relative(repoRoot, serverMain)} is missing): run \`corepack pnpm --filter @credits/server build\``,
    );
  }
  if (!existsSync(chromiumPath)) {
    problems.push(
      `Chromium is missing at ${chromiumPath}: run \`sh packages/web/scripts/ensure-chromium.sh\``,
    );
  }
  if (problems.length) {
    throw new Error(
      `Browser tests cannot start:\n  - ${problems.join('\n  - ')}\n(\`corepack pnpm build\` at the repository root builds both.)`,
    );
  }
}
