import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export class ChargesPage {
  constructor(readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/charges${query ? `?${query}` : ''}`);
    await this.page.getByRole('heading', { level: 1, name: 'Charges' }).waitFor();
    await this.waitForResults();
  }

  async waitForResults() {
    await this.page
      .getByTestId('total-charges')
      .or(this.page.locator('.empty-state'))
      .first()
      .waitFor();
  }

  filters() {
    return this.page.getByRole('form', { name: 'Charge filters' });
  }

  async setDates(from: string, to: string) {
    await this.filters().getByLabel('From').fill(from);
    await this.filters().getByLabel('To').fill(to);
  }

  async toggleCategory(label: string) {
    const details = this.filters().locator('details.multi');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
      await details.locator('summary').click();
    await details.getByRole('checkbox', { name: label, exact: true }).click();
    await details.locator('summary').click();
  }

  async toggleEdition(label: string) {
    await this.filters()
      .getByRole('group', { name: 'Edition' })
      .getByLabel(label, { exact: true })
      .click();
  }

  async setRefunded(value: 'Any' | 'Refunded' | 'Not refunded') {
    await this.filters().getByLabel('Refunded').selectOption({ label: value });
  }

  async setIncluded(value: 'Any' | 'Included only' | 'Paid only') {
    await this.filters().getByLabel('Included').selectOption({ label: value });
  }

  /** Picks the account by searching its name, as a person does. */
  async setAccount(id: string, name: string) {
    await this.filters().getByLabel('Account', { exact: true }).fill(name);
    await this.filters()
      .getByRole('list', { name: 'Matching accounts' })
      .getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .click();
    await this.page.waitForURL((u) => u.searchParams.get('account') === id);
  }

  /** Waits until the URL carries the filter and the totals reflect it. */
  async totals(): Promise<{ charges: number; credits: number }> {
    await this.page.waitForFunction(
      () => !document.querySelector('[aria-label="Totals for this filter"][aria-busy="true"]'),
    );
    if (await this.page.locator('.empty-state').isVisible()) return { charges: 0, credits: 0 };
    const n = async (id: string) =>
      Number((await this.page.getByTestId(id).innerText()).replace(/[^\d]/g, ''));
    return { charges: await n('total-charges'), credits: await n('total-credits') };
  }

  async waitForTotalCharges(count: number) {
    if (count === 0) {
      await this.page.locator('.empty-state').waitFor();
      return;
    }
    await this.page
      .getByTestId('total-charges')
      .filter({ hasText: new RegExp(`^${count}$`) })
      .waitFor();
  }

  tableRows() {
    return this.page.getByRole('table', { name: 'Charges' }).locator('tbody tr');
  }

  charts() {
    return this.page.locator('figure.chart');
  }

  /** Clicks Download CSV; returns the suggested file name and the text. */
  async downloadCsv(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const file = await download.path();
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    return { fileName: download.suggestedFilename(), text };
  }
}
