import type { Page } from 'playwright-core';
import { waitFor } from '../support/poll';

export interface LicenseForm {
  edition: 'FREE' | 'LEASED' | 'OWNED' | 'SAAS';
  hostingPlan?: 'BASIC' | 'STANDARD' | 'PROFESSIONAL';
  domain: string;
  orderDate?: string;
  listPrice: string;
  paidPrice: string;
}

export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/accounts/${encodeURIComponent(id)}`);
    await this.page
      .getByRole('region', { name: 'Ledger' })
      .or(this.page.getByRole('alert'))
      .or(this.page.locator('.empty-state'))
      .first()
      .waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async balance(): Promise<number> {
    return Number(
      (await this.page.getByTestId('account-balance').innerText()).replace(/[^\d-]/g, ''),
    );
  }

  async waitForBalance(expected: number) {
    await this.page
      .getByTestId('account-balance')
      .filter({ hasText: new RegExp(`^${expected.toLocaleString('en-US')}$`) })
      .waitFor();
  }

  writeButtons() {
    return this.page.locator('.page-actions').getByRole('button');
  }

  get issueLicenseDialog() {
    return this.page.getByRole('dialog', { name: 'Issue license' });
  }

  grantPreview() {
    return this.issueLicenseDialog.getByRole('complementary', { name: 'Grant preview' });
  }

  /** Fills the license form; leaves the dialog open so the preview can be read. */
  async fillLicense(f: LicenseForm) {
    await this.page.locator('.page-actions').getByRole('button', { name: 'Issue license' }).click();
    const d = this.issueLicenseDialog;
    await d.getByLabel('Edition').selectOption(f.edition);
    if (f.hostingPlan) await d.getByLabel('Hosting plan').selectOption(f.hostingPlan);
    await d.getByLabel('Domain').fill(f.domain);
    if (f.orderDate) await d.getByLabel('Order date').fill(f.orderDate);
    await d.getByLabel('List price ($)').fill(f.listPrice);
    await d.getByLabel('Paid price ($)').fill(f.paidPrice);
  }

  async previewCredits(): Promise<string> {
    const credits = this.grantPreview().getByTestId('grant-credits');
    await credits.waitFor();
    await this.page.waitForFunction(
      () => !document.querySelector('[aria-label="Grant preview"][aria-busy="true"]'),
    );
    return (await credits.innerText()).trim();
  }

  async submitLicense() {
    await this.issueLicenseDialog.getByRole('button', { name: 'Issue license' }).click();
    await this.issueLicenseDialog.waitFor({ state: 'detached' });
  }

  get purchaseDialog() {
    return this.page.getByRole('dialog', { name: 'Purchase credits' });
  }

  async purchaseCredits(credits: number | null, reference: string) {
    if (!(await this.purchaseDialog.isVisible())) {
      await this.page
        .locator('.page-actions')
        .getByRole('button', { name: 'Purchase credits' })
        .click();
    }
    if (credits !== null) await this.purchaseDialog.getByLabel('Credits').fill(String(credits));
    await this.purchaseDialog.getByLabel('Payment reference').fill(reference);
    await this.purchaseDialog.getByRole('button', { name: /^Add/ }).click();
    await this.purchaseDialog.waitFor({ state: 'detached' });
  }

  get openTicketDialog() {
    return this.page.getByRole('dialog', { name: 'Open ticket' });
  }

  quote() {
    return this.openTicketDialog.getByRole('complementary', { name: 'Quote' });
  }

  async fillTicket(licenseDomain: string, category: string, subject: string) {
    await this.page.locator('.page-actions').getByRole('button', { name: 'Open ticket' }).click();
    const d = this.openTicketDialog;
    const option = d.getByLabel('License').locator('option', { hasText: licenseDomain });
    await d.getByLabel('License').selectOption((await option.getAttribute('value')) ?? '');
    await d.getByLabel('Category').selectOption(category);
    await d.getByLabel('Subject').fill(subject);
    await this.quote().getByTestId('quote-price').waitFor();
  }

  /** Opens the ticket from the filled dialog; returns its id. */
  async submitTicket(): Promise<string> {
    await this.openTicketDialog.getByRole('button', { name: 'Open ticket' }).click();
    await this.page.waitForURL(/\/tickets\/[^/?]+/);
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }

  licenses() {
    return this.page.getByRole('region', { name: 'Licenses' }).locator('li.license');
  }

  lots() {
    return this.page.getByRole('region', { name: 'Credit lots' }).locator('li.lot');
  }

  /** Ledger kinds, newest first: ['CHARGE', 'GRANT', ...] */
  async ledgerKinds(): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Ledger, newest first' }).locator('li');
    await items.first().waitFor();
    return items.evaluateAll((els) => els.map((e) => e.getAttribute('data-ledger-kind') ?? ''));
  }

  ticketLink(subject: string) {
    return this.page.getByRole('table', { name: 'Tickets' }).getByRole('link', { name: subject });
  }

  lowBalance() {
    return this.page.getByRole('region', { name: 'Low balance' });
  }

  async lowBalanceThreshold(): Promise<string> {
    return (await this.lowBalance().getByTestId('low-balance-threshold').innerText()).trim();
  }

  /** Sets the threshold through the card's form ('' = back to the default). */
  async setLowBalanceThreshold(value: string) {
    const card = this.lowBalance();
    await card.getByRole('button', { name: 'Edit threshold' }).click();
    await card.getByLabel('Threshold (credits)').fill(value);
    await card.getByRole('button', { name: 'Save threshold' }).click();
    await card.getByRole('form', { name: 'Threshold' }).waitFor({ state: 'detached' });
  }

  get portalLinkDialog() {
    return this.page.getByRole('dialog', { name: 'Customer portal link' });
  }

  /** Makes a portal link in the account page's dialog (left open); returns its URL. */
  async createPortalLink(): Promise<string> {
    if (!(await this.portalLinkDialog.isVisible()))
      await this.page.locator('.page-actions').getByRole('button', { name: 'Portal link' }).click();
    const d = this.portalLinkDialog;
    const before = await d
      .getByTestId('portal-link-url')
      .inputValue()
      .catch(() => '');
    await d.getByRole('button', { name: /^Create (another )?link$/ }).click();
    const field = d.getByTestId('portal-link-url');
    return waitFor(async () => {
      const v = await field.inputValue().catch(() => '');
      return v && v !== before ? v : undefined;
    }, 'the new portal link');
  }

  /** Revokes every portal link of the account from the open dialog. */
  async revokePortalLinks() {
    const d = this.portalLinkDialog;
    await d.getByRole('button', { name: 'Revoke links…' }).click();
    await d.getByRole('button', { name: 'Revoke all links' }).click();
    await this.page.getByText(/portal links? revoked|No portal link was working/).waitFor();
  }

  sentNotices() {
    return this.lowBalance().getByTestId('sent-notice');
  }
}
