import type { Page } from 'playwright-core';

export class WebhooksPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/webhooks');
    await this.page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  }

  /** Registers an endpoint through the form; returns the secret shown once. */
  async create(url: string, eventTypes: string[], description = ''): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Register an endpoint' });
    await form.getByLabel('URL').fill(url);
    if (description) await form.getByLabel('Description').fill(description);
    for (const t of eventTypes) await form.getByLabel(t).check();
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    return this.shownSecret();
  }

  async shownSecret(): Promise<string> {
    const code = this.page.getByTestId('webhook-secret');
    await code.waitFor();
    return (await code.innerText()).trim();
  }

  async dismissSecret() {
    await this.page
      .getByRole('status', { name: 'Signing secret' })
      .getByRole('button', { name: 'Done' })
      .click();
  }

  endpoint(url: string) {
    return this.page.getByRole('article', { name: `Endpoint ${url}` });
  }

  async endpointUrls(): Promise<string[]> {
    return this.page.getByTestId('webhook-endpoint').locator('strong').allInnerTexts();
  }

  deliveries(url: string) {
    return this.endpoint(url).getByTestId('webhook-delivery');
  }

  /** Waits (the page polls) until a delivery row shows `status`. */
  async waitForDelivery(url: string, status: string, count = 1) {
    await this.page.waitForFunction(
      ({ url, status, count }) => {
        const card = document.querySelector(`[aria-label="Endpoint ${url}"]`);
        const rows = card ? [...card.querySelectorAll('[data-testid="webhook-delivery"]')] : [];
        return rows.filter((r) => r.textContent?.includes(status)).length >= count;
      },
      { url, status, count },
      { timeout: 20_000 },
    );
  }

  /** Sends a webhook.test event; returns the endpoint's "Test event" status line. */
  async sendTest(url: string) {
    await this.endpoint(url).getByRole('button', { name: 'Send test event' }).click();
    const status = this.endpoint(url).getByRole('status', { name: 'Test event' });
    await status.waitFor();
    return status;
  }

  /** The detail of attempt `n` (1-based) of an expanded delivery: its request and response. */
  attempt(url: string, n: number) {
    const card = this.endpoint(url);
    return {
      request: card.getByRole('region', { name: `Request of attempt ${n}` }),
      response: card.getByRole('region', { name: `Response of attempt ${n}` }),
    };
  }

  async click(url: string, button: 'Rotate secret' | 'Disable' | 'Enable' | 'Delete' | 'Replay') {
    await this.endpoint(url).getByRole('button', { name: button }).first().click();
  }
}
