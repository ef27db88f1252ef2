import type { Page } from 'playwright-core';

export class PricingPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/pricing');
    await this.page.getByRole('region', { name: 'Ticket prices (credits)' }).waitFor();
  }

  /** The price cell for a category title and a column header ("Owned", "SaaS · Professional"...). */
  async price(categoryTitle: string, column: string): Promise<string> {
    const table = this.page
      .getByRole('region', { name: 'Ticket prices (credits)' })
      .getByRole('table');
    // allTextContents() does not wait: let the table (fetched on navigation) render first.
    await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
    const headers = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
    const col = headers.indexOf(column);
    if (col < 0) throw new Error(`No column ${column} in ${headers.join(', ')}`);
    const row = table
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${categoryTitle}`) }) });
    return (await row.locator('th, td').nth(col).innerText()).trim();
  }

  async grantCredits(editionPlan: string): Promise<string> {
    const table = this.page
      .getByRole('region', { name: 'Credits granted with a license' })
      .getByRole('table');
    const row = table
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: editionPlan, exact: true }) });
    return (await row.locator('td').first().innerText()).trim();
  }
}
