import type { Page } from 'playwright-core';

/** The support queue at /tickets. */
export class TicketsPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/tickets${query ? `?${query}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await this.page
      .getByRole('table', { name: 'Ticket queue' })
      .or(this.page.locator('.empty-state'))
      .first()
      .waitFor();
  }

  tab(name: RegExp | string) {
    return this.page.getByRole('navigation', { name: 'Ticket status' }).getByRole('link', { name });
  }

  currentTab() {
    return this.page
      .getByRole('navigation', { name: 'Ticket status' })
      .locator('[aria-current="page"]');
  }

  row(subject: string) {
    return this.page.getByRole('table', { name: 'Ticket queue' }).locator('tbody tr', {
      hasText: subject,
    });
  }

  get chargeDialog() {
    return this.page.getByRole('dialog', { name: 'Charge ticket' });
  }

  /** Charges the row's ticket from the queue through the charge dialog. */
  async charge(subject: string, credits: number) {
    await this.row(subject).getByRole('button', { name: 'Charge' }).click();
    const d = this.chargeDialog;
    await d.getByLabel('Final cost (credits)').fill(String(credits));
    await d.getByRole('button', { name: /^Charge/ }).click();
    await d.waitFor({ state: 'detached' });
  }
}
