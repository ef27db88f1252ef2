import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startGateway } from './support/gateway';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { expectData } from './support/results';

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g.close());

describe('gateway over HTTP', () => {
  it('runs the whole lifecycle', async () => {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    expect(lic.creditsGranted).toBe(200);
    await purchase(g, acc, 50);
    const t = await openTicket(g, lic.id);
    const r = await g.gql(CHARGE, { i: { ticketId: t, credits: 30 } });
    expect(expectData(r).chargeTicket.balanceAfter).toBe(220);
  });
});
