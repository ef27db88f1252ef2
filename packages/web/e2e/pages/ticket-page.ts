import type { Page } from 'playwright-core';

export class TicketPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/tickets/${encodeURIComponent(id)}`);
    await this.page
      .getByRole('region', { name: 'Details' })
      .or(this.page.getByRole('alert'))
      .first()
      .waitFor();
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('ticket-status').innerText()).trim();
  }

  async waitForStatus(status: 'Open' | 'Charged' | 'Refunded') {
    await this.page.getByTestId('ticket-status').filter({ hasText: status }).waitFor();
  }

  async priceRange(): Promise<string> {
    return (await this.page.getByTestId('price-range').innerText()).trim();
  }

  get costField() {
    return this.page.getByLabel('Final cost (credits)');
  }

  chargeForm() {
    return this.page.getByRole('region', { name: 'Charge', exact: true });
  }

  async setCost(credits: number | string) {
    await this.costField.fill(String(credits));
  }

  costError() {
    return this.chargeForm().locator('.field-error');
  }

  chargeButton() {
    return this.chargeForm().getByRole('button', { name: /^Charge/ });
  }

  async charge() {
    await this.chargeButton().click();
  }

  statement() {
    return this.page.getByTestId('charge-statement');
  }

  async chargedCredits(): Promise<number> {
    return Number(
      (await this.page.getByTestId('charged-credits').innerText()).replace(/[^\d]/g, ''),
    );
  }

  async balanceAfter(): Promise<number> {
    return Number((await this.page.getByTestId('balance-after').innerText()).replace(/[^\d]/g, ''));
  }

  async lotsDrawnFrom(): Promise<string[]> {
    return this.page
      .getByRole('table', { name: 'Lots drawn from' })
      .locator('tbody tr')
      .allInnerTexts();
  }

  refundRegion() {
    return this.page.getByRole('region', { name: 'Refund a vendor bug' });
  }

  async refund(reason: string) {
    const r = this.refundRegion();
    await r.getByLabel('Reason').fill(reason);
    await r.getByRole('button', { name: /^Refund/ }).click();
    await r.getByRole('button', { name: 'Confirm refund' }).click();
    await this.waitForStatus('Refunded');
  }

  refundStatement() {
    return this.page.getByTestId('refund-statement');
  }

  async history(): Promise<string[]> {
    return (
      await this.page
        .getByRole('list', { name: 'Status history' })
        .locator('.timeline-kind')
        .allInnerTexts()
    ).map((s) => s.trim());
  }

  errorNotice() {
    return this.page.locator('[data-error-code]').first();
  }
}
