import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    await this.heading.waitFor();
  }

  get heading() {
    return this.page.getByRole('heading', { name: 'Sign in' });
  }

  get keyField() {
    return this.page.getByLabel('API key');
  }

  async signIn(key: string) {
    await this.keyField.fill(key);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signInAndWait(key: string) {
    await this.signIn(key);
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  fieldError() {
    return this.page.locator('.field-error');
  }

  sessionEndedNotice() {
    return this.page.getByText('Your session ended');
  }
}
