import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core's own build, read once. It goes in through page.evaluate (the
// DevTools protocol), not page.addScriptTag: the gateway's policy is
// `script-src 'self'`, which refuses an injected inline <script>, and
// evaluating the source leaves the policy on, so the scan sees the page
// exactly as it is served (bypassCSP would switch the policy off for the
// whole context).
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * The one finding the scan lets pass, each with its reason: markup of a
 * third-party component the dashboard embeds and cannot change. Matched by
 * rule and by the element's place, so the same rule anywhere else fails.
 */
export const KNOWN_THIRD_PARTY = [
  {
    rule: 'nested-interactive',
    within: '.graphiql-tabs',
    why: "GraphiQL's tab bar: each role=tab holds its own close button (graphql/graphiql#3422)",
  },
];

/**
 * Runs axe over the page as it is now (an open dialog included) and returns
 * one line per serious or critical violation and element: the rule id, the
 * impact, where (`where` names the page and its state), the element's
 * target and axe's summary of what to fix.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async (known) => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes
          .filter((n) => {
            const selector = n.target[0];
            const el = typeof selector === 'string' ? document.querySelector(selector) : null;
            return !known.some((k) => k.rule === v.id && el?.closest(k.within));
          })
          .map((n) => ({
            id: v.id,
            impact: v.impact,
            target: n.target.join(' '),
            summary: (n.failureSummary ?? v.help).replace(/\s+/g, ' '),
          })),
      );
  }, KNOWN_THIRD_PARTY);
  return found.map((f) => `${f.id} (${f.impact}) on ${where} at ${f.target}: ${f.summary}`);
}
