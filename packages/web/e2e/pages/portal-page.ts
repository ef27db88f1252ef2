import type { Page } from 'playwright-core';

/** The customer portal (/portal/:token): no sign-in, no dashboard around it. */
export class PortalPage {
  constructor(readonly page: Page) {}

  /** Opens a link as the customer would; waits for the account or the refusal. */
  async open(url: string) {
    await this.page.goto(url);
    await this.page
      .getByTestId('portal-balance')
      .or(this.page.getByTestId('portal-refused'))
      .first()
      .waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async balance(): Promise<number> {
    return Number((await this.page.getByTestId('portal-balance').innerText()).replace(/\D/g, ''));
  }

  lots() {
    return this.page.getByRole('region', { name: 'Your credits' }).locator('li.lot');
  }

  receipts() {
    return this.page.getByTestId('portal-receipt');
  }

  refused() {
    return this.page.getByTestId('portal-refused');
  }

  /** How far the page is wider than the window (0: no horizontal scrolling). */
  overflowX(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
