import type { Page } from 'playwright-core';

export class MailboxPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/mailbox');
    await this.page.getByRole('heading', { level: 1, name: 'Mailbox' }).waitFor();
  }

  /** The message whose subject contains `text` (the page polls for new mail). */
  message(text: string) {
    return this.page.getByTestId('mail').filter({ hasText: text });
  }

  async open(text: string, to?: string): Promise<string> {
    const m = (to ? this.message(text).filter({ hasText: to }) : this.message(text)).first();
    await m.waitFor({ timeout: 20_000 });
    await m.locator('summary').click();
    return m.locator('pre').innerText();
  }
}
