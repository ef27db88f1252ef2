import type { Page } from 'playwright-core';

/** The admins' API keys page and its dialogs. */
export class KeysPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/keys');
    await this.page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
  }

  get table() {
    return this.page.getByRole('table', { name: 'API keys' });
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  /** Fills and submits the create dialog; leaves it open on the one-time secret. */
  async createPartnerKey(name: string, accountNames: string[]) {
    await this.page.getByRole('button', { name: 'Create key' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Role').selectOption('PARTNER');
    for (const account of accountNames) {
      await this.dialog.getByLabel('Accounts in scope').fill(account);
      await this.dialog.getByRole('button', { name: `Add ${account}` }).click();
    }
    await this.dialog.getByRole('button', { name: 'Create key' }).click();
    await this.dialog.getByText('you will not see it again').waitFor();
  }

  get secretField() {
    return this.dialog.getByLabel('Secret');
  }

  async copySecret() {
    await this.dialog.getByRole('button', { name: 'Copy' }).click();
    await this.dialog.getByText('Copied to the clipboard.').waitFor();
  }

  async closeSecret() {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async revoke(name: string) {
    await this.row(name)
      .getByRole('button', { name: `Revoke ${name}` })
      .click();
    await this.dialog.getByRole('button', { name: 'Revoke key' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.row(name).getByText('Revoked').waitFor();
  }
}
