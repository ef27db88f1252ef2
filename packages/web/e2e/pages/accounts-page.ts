import type { Page } from 'playwright-core';

export class AccountsPage {
  constructor(readonly page: Page) {}

  async goto(search?: string) {
    await this.page.goto(search ? `/accounts?q=${encodeURIComponent(search)}` : '/accounts');
    await this.page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  }

  get createButton() {
    return this.page.getByRole('button', { name: 'Create account' });
  }

  get table() {
    return this.page.getByRole('table', { name: 'Accounts' });
  }

  async search(text: string) {
    await this.page.getByLabel('Search accounts').fill(text);
    await this.page.waitForURL((u) => u.searchParams.get('q') === text);
  }

  /** Account names in the table, once it has loaded. */
  async names(): Promise<string[]> {
    await this.table.or(this.page.locator('.empty-state')).first().waitFor();
    if (!(await this.table.isVisible())) return [];
    return (await this.table.locator('tbody tr td:first-child a').allInnerTexts()).map((s) =>
      s.trim(),
    );
  }

  row(name: string) {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Creates an account through the dialog; returns its id from the URL it lands on. */
  async createAccount(name: string, email: string): Promise<string> {
    await this.createButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Create account' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await this.page.waitForURL(/\/accounts\/[^/?]+/);
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }
}
