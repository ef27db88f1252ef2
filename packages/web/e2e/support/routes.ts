import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { RouteObject } from 'react-router';
import { routes } from '../../src/app/router';
import {
  AccountPage,
  AccountsPage,
  ChargesPage,
  KeysPage,
  SignInPage,
  TicketPage,
  TicketsPage,
  WebhooksPage,
} from '../pages';
import { createAccount, createKey, gql, issueLicense, openTicket } from './api';

/** What the deep routes need: real records made by the test that visits them. */
export interface RouteFixtures {
  accountId: string;
  /** A charged ticket: its page shows the statement and the lots drawn from. */
  ticketId: string;
  /** An open ticket's subject: its queue row has a Charge button. */
  openSubject: string;
  partnerKeyName: string;
  /** A webhook endpoint with one delivered test event. */
  hookUrl: string;
  /** The account's customer portal, as a link in an e-mail opens it. */
  portalPath: string;
  close: () => Promise<void>;
}

/** A state of a page to check as well: a dialog open, a menu expanded. */
export interface PageState {
  name: string;
  open: (page: Page, f: RouteFixtures) => Promise<void>;
  close: (page: Page) => Promise<void>;
}

export interface RouteCase {
  /** The router's path pattern this case visits (every pattern has a case). */
  pattern: string;
  /** The address to open, from this run's fixtures. */
  path: (f: RouteFixtures) => string;
  /** Opened in a tab with no key when false. */
  signedIn: boolean;
  /** Resolves once the page shows its content, not a skeleton. */
  ready: (page: Page, f: RouteFixtures) => Promise<void>;
  states: PageState[];
}

const dialog = (name: string, opener: (page: Page, f: RouteFixtures) => Promise<void>) => ({
  name: `the ${name} dialog`,
  async open(page: Page, f: RouteFixtures) {
    await opener(page, f);
    await page.getByRole('dialog', { name }).waitFor();
  },
  async close(page: Page) {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  },
});

const heading = (name: string) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

const action = (page: Page, name: string) =>
  page.locator('.page-actions').getByRole('button', { name, exact: true }).click();

/**
 * Every route of the dashboard's router, with real ids for the deep ones and
 * the dialogs and panels each page opens. The width and accessibility tests
 * loop over this one list; a new route gets one entry here (a test fails
 * while the router has a pattern this list lacks).
 */
export const ROUTES: RouteCase[] = [
  {
    pattern: '/sign-in',
    path: () => '/sign-in',
    signedIn: false,
    ready: async (page) => new SignInPage(page).heading.waitFor(),
    states: [],
  },
  {
    pattern: '/',
    path: () => '/',
    signedIn: true,
    ready: heading('Accounts'),
    states: [],
  },
  {
    pattern: '/accounts',
    path: () => '/accounts',
    signedIn: true,
    ready: async (page) => {
      await new AccountsPage(page).table.waitFor();
    },
    states: [dialog('Create account', (page) => action(page, 'Create account'))],
  },
  {
    pattern: '/accounts/:accountId',
    path: (f) => `/accounts/${encodeURIComponent(f.accountId)}`,
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('region', { name: 'Ledger' }).waitFor();
      await new AccountPage(page).lowBalance().waitFor();
    },
    states: [
      dialog('Issue license', (page) => action(page, 'Issue license')),
      dialog('Purchase credits', (page) => action(page, 'Purchase credits')),
      dialog('Open ticket', (page) => action(page, 'Open ticket')),
    ],
  },
  {
    pattern: '/tickets',
    path: () => '/tickets',
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('table', { name: 'Ticket queue' }).waitFor();
    },
    states: [
      dialog('Charge ticket', (page, f) =>
        new TicketsPage(page).row(f.openSubject).getByRole('button', { name: 'Charge' }).click(),
      ),
    ],
  },
  {
    pattern: '/tickets/:ticketId',
    path: (f) => `/tickets/${encodeURIComponent(f.ticketId)}`,
    signedIn: true,
    ready: async (page) => {
      await new TicketPage(page).statement().waitFor();
      await page.getByRole('table', { name: 'Lots drawn from' }).waitFor();
    },
    states: [],
  },
  {
    pattern: '/charges',
    path: () => '/charges',
    signedIn: true,
    ready: async (page) => {
      await new ChargesPage(page).waitForResults();
      await page.getByRole('figure', { name: 'Credits by month' }).waitFor();
    },
    states: [
      {
        name: 'the category filter open',
        async open(page) {
          await new ChargesPage(page).filters().locator('details.multi summary').click();
          await page.locator('details.multi[open] .multi-menu').waitFor();
        },
        async close(page) {
          await page.keyboard.press('Escape');
          await page.locator('details.multi[open]').waitFor({ state: 'detached' });
        },
      },
    ],
  },
  {
    pattern: '/audit',
    path: () => '/audit',
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('table', { name: 'Audit events' }).waitFor();
    },
    states: [],
  },
  {
    pattern: '/pricing',
    path: () => '/pricing',
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('region', { name: 'Ticket prices (credits)' }).waitFor();
    },
    states: [],
  },
  {
    pattern: '/keys',
    path: () => '/keys',
    signedIn: true,
    ready: async (page, f) => {
      await new KeysPage(page).row(f.partnerKeyName).waitFor();
    },
    states: [
      dialog('Create API key', (page) => action(page, 'Create key')),
      dialog('Accounts of', (page, f) =>
        new KeysPage(page)
          .row(f.partnerKeyName)
          .getByRole('button', { name: `Edit accounts of ${f.partnerKeyName}` })
          .click(),
      ),
      dialog(`Revoke`, (page, f) =>
        new KeysPage(page)
          .row(f.partnerKeyName)
          .getByRole('button', { name: `Revoke ${f.partnerKeyName}` })
          .click(),
      ),
    ],
  },
  {
    pattern: '/explorer',
    path: () => '/explorer',
    signedIn: true,
    ready: async (page) => {
      await page.getByRole('button', { name: /^Execute query/ }).waitFor();
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
    },
    states: [],
  },
  {
    pattern: '/webhooks',
    path: () => '/webhooks',
    signedIn: true,
    ready: async (page, f) => {
      await new WebhooksPage(page).waitForDelivery(f.hookUrl, 'delivered');
    },
    states: [
      {
        name: "a delivery's attempts open",
        async open(page, f) {
          const hooks = new WebhooksPage(page);
          await hooks.endpoint(f.hookUrl).getByRole('button', { name: 'Attempts' }).first().click();
          await hooks.attempt(f.hookUrl, 1).response.waitFor();
        },
        async close(page) {
          await page.getByRole('button', { name: 'Hide attempts' }).first().click();
        },
      },
    ],
  },
  {
    pattern: '/mailbox',
    path: () => '/mailbox',
    signedIn: true,
    ready: async (page) => {
      await page.getByTestId('mail').first().waitFor();
    },
    states: [],
  },
  {
    pattern: '/operations',
    path: () => '/operations',
    signedIn: true,
    ready: async (page) => {
      await heading('Operations')(page);
      await page.getByTestId('expiry-last-run').waitFor();
    },
    states: [],
  },
  {
    pattern: '/finance',
    path: () => '/finance',
    signedIn: true,
    ready: async (page) => {
      await heading('Finance')(page);
      await page.getByRole('region', { name: 'Breakage by month (UTC)' }).waitFor();
    },
    states: [],
  },
  {
    pattern: '/portal/:token',
    path: (f) => f.portalPath,
    signedIn: false,
    ready: async (page) => {
      await page.getByTestId('portal-balance').waitFor();
      await page.getByRole('region', { name: 'Your credits' }).locator('li.lot').first().waitFor();
    },
    states: [],
  },
  {
    pattern: '/*',
    path: () => '/no-such-page',
    signedIn: true,
    ready: async (page) => {
      await page.getByText('Page not found').waitFor();
    },
    states: [],
  },
];

/** The main menu, expanded: checked on every signed-in page in a narrow window. */
export const MENU_OPEN: PageState = {
  name: 'the menu open',
  async open(page) {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().waitFor();
  },
  async close(page) {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Menu', expanded: false }).waitFor({ state: 'visible' });
  },
};

/** Every path pattern of the router, nested ones joined to their parents'. */
export function routerPatterns(): string[] {
  const walk = (list: RouteObject[], base: string): string[] =>
    list.flatMap((r) => {
      const own = r.index
        ? base || '/'
        : r.path
          ? r.path.startsWith('/')
            ? r.path
            : `${base.replace(/\/$/, '')}/${r.path}`
          : base;
      const self = r.index || r.path ? [own] : [];
      return [...self, ...walk(r.children ?? [], own)];
    });
  return [...new Set(walk(routes, ''))].sort();
}

/**
 * The records the deep routes show, made by the calling test file alone: an
 * account with a license and a purchase, a charged ticket and an open one, a
 * partner key, a webhook endpoint at a receiver in this process with one
 * delivered test event, and a customer portal link.
 */
export async function seedRouteFixtures(label: string): Promise<RouteFixtures> {
  const suffix = Math.random().toString(36).slice(2, 7);
  // Long, realistic names: what a narrow window has to wrap.
  const accountId = await createAccount(
    `${label} ${suffix} Nordwind Outdoor Ausrüstung GmbH & Co. KG`,
    `accounts-payable.nordwind-${suffix}@example.com`,
  );
  const licenseId = await issueLicense(
    accountId,
    'OWNED',
    `checkout.nordwind-outdoor-${suffix}.example`,
  );
  await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
    i: {
      accountId,
      credits: 120,
      amountPaidCents: 96000,
      currency: 'EUR',
      paymentReference: `INV-2025-${suffix}-000042`,
    },
  });
  const ticketId = await openTicket(
    licenseId,
    'ROOT_CAUSE_ANALYSIS',
    `Checkout hangs after the payment provider's redirect ${suffix}`,
  );
  await gql('mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }', {
    i: { ticketId, credits: 25 },
  });
  const openSubject = `Upgrade the staging shop to the new release ${suffix}`;
  await openTicket(licenseId, 'SETUP', openSubject);
  const partnerKeyName = `${label} partner ${suffix}`;
  await createKey(partnerKeyName, 'PARTNER', [accountId]);

  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res
        .writeHead(202, { 'content-type': 'application/json', 'x-request-id': `rcv-${suffix}` })
        .end(JSON.stringify({ accepted: true, note: 'queued for processing' })),
    );
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  const hookUrl = `http://127.0.0.1:${port}/integrations/support-credits/webhooks/${suffix}?tenant=nordwind-outdoor`;
  const created = await gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
    { i: { url: hookUrl, eventTypes: ['charge.created'], description: `${label} receiver` } },
  );
  await gql('mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id } }', {
    id: created.createWebhookEndpoint.endpoint.id,
  });
  const link = await gql<{ createPortalLink: { url: string } }>(
    'mutation($id: ID!) { createPortalLink(accountId: $id) { url } }',
    { id: accountId },
  );
  const portalPath = new URL(link.createPortalLink.url).pathname;
  return {
    accountId,
    portalPath,
    ticketId,
    openSubject,
    partnerKeyName,
    hookUrl,
    async close() {
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    },
  };
}
