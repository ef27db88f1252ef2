import type { Page } from 'playwright-core';

export class OperationsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/operations');
    await this.page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    await this.page.getByTestId('expiry-last-run').waitFor();
  }

  async lastRun(): Promise<string> {
    return (await this.page.getByTestId('expiry-last-run').innerText()).trim();
  }

  reports() {
    return this.page.getByTestId('reconciliation-report');
  }
}
