import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, PHONE, type Session } from './support/browser';
import { seriousViolations } from './support/axe';
import { MENU_OPEN, ROUTES, seedRouteFixtures, type RouteFixtures } from './support/routes';
import { SignInPage } from './pages';

const SIZES = [{ width: 1366, height: 900 }, PHONE];

/**
 * Issue 15: an axe-core scan of every route (deep ones on this file's own
 * records), with each dialog and panel open and, on a phone, the menu open,
 * finds no serious or critical violation.
 */
describe('accessibility of every page', () => {
  let f: RouteFixtures;
  let s: Session;
  let guest: Page;

  beforeAll(async () => {
    f = await seedRouteFixtures('A11y');
    s = await openBrowser(inject('baseUrl'));
    guest = await s.context.newPage();
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
    await f?.close();
  });

  for (const route of ROUTES) {
    for (const size of SIZES) {
      it(`${route.pattern} at ${size.width}x${size.height} has no serious or critical violation`, async () => {
        const page = route.signedIn ? s.page : guest;
        await page.setViewportSize(size);
        await page.goto(route.path(f));
        await route.ready(page, f);
        const where = `${route.path(f)} at ${size.width}px`;
        const found = await seriousViolations(page, where);
        const states = [...route.states];
        if (route.signedIn && size.width < 720) states.push(MENU_OPEN);
        for (const state of states) {
          await state.open(page, f);
          found.push(...(await seriousViolations(page, `${where} with ${state.name}`)));
          await state.close(page);
        }
        expect(found).toEqual([]);
      });
    }
  }
});
