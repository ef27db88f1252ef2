import type { Page } from 'playwright-core';

/** The audit trail at /audit. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/audit${query ? `?${query}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await this.page
      .getByRole('table', { name: 'Audit events' })
      .or(this.page.locator('.empty-state'))
      .first()
      .waitFor();
  }

  /** Rows of one action ("openTicket"), newest first. */
  rows(action: string) {
    return this.page
      .getByRole('table', { name: 'Audit events' })
      .locator(`tbody tr[data-action="${action}"]`);
  }
}
