import type { Page } from 'playwright-core';

/** What every signed-in page shares: the navigation and the signed-in key. */
export class AppShell {
  constructor(readonly page: Page) {}

  nav(name: 'Accounts' | 'Charges' | 'Pricing' | 'API keys' | 'API explorer') {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  async goTo(name: 'Accounts' | 'Charges' | 'Pricing' | 'API keys' | 'API explorer') {
    await this.nav(name).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async roleBadge(): Promise<string> {
    return (await this.page.locator('.who .badge').innerText()).trim();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  /** Texts of the alerts shown, for asserting error messages. */
  alert() {
    return this.page.getByRole('alert').first();
  }

  async hasHorizontalOverflow(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  }
}
