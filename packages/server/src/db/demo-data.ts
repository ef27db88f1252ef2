import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createAccount } from '../accounts/account.service';
import { systemContext } from '../graphql/system-context';
import { chargeTicket } from '../ledger/charge';
import { purchaseCredits } from '../ledger/purchase';
import { issueLicense } from '../licenses/license.service';
import { Edition, HostingPlan, TicketCategory } from '../policy/enums';
import { openTicket } from '../tickets/ticket.service';

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};

/**
 * A little history for a first look at the dashboard, written through the same
 * services as the API so every rule applies. Only into an empty database.
 */
export async function seedDemoData(ds: DataSource, log: Logger): Promise<boolean> {
  const [{ n }] = await ds.query<[{ n: number }]>('SELECT count(*)::int AS n FROM accounts');
  if (n > 0) return false;
  const ctx = systemContext(ds, log, 'demo data');

  const acme = await createAccount(ctx, {
    name: 'Acme Outdoor Supplies',
    email: 'support@acme-outdoor.example',
  });
  const owned = await issueLicense(ctx, {
    accountId: acme.id,
    edition: Edition.OWNED,
    domain: 'shop.acme-outdoor.example',
    orderDate: monthsAgo(11),
    listPriceCents: 49_900,
    paidPriceCents: 44_900,
  });
  await purchaseCredits(ctx, {
    accountId: acme.id,
    credits: 100,
    paymentReference: 'demo-payment-0001',
    amountPaidCents: 9_900,
    currency: 'EUR',
  });
  const setup = await openTicket(ctx, {
    licenseId: owned.id,
    category: TicketCategory.SETUP,
    subject: 'Configure EU VAT rates',
  });
  await chargeTicket(ctx, { ticketId: setup.id, credits: 40 });
  await openTicket(ctx, {
    licenseId: owned.id,
    category: TicketCategory.ROOT_CAUSE_ANALYSIS,
    subject: 'Checkout times out',
  });

  const bloom = await createAccount(ctx, {
    name: 'Bloom & Petal Florists',
    email: 'owner@bloompetal.example',
  });
  const saas = await issueLicense(ctx, {
    accountId: bloom.id,
    edition: Edition.SAAS,
    hostingPlan: HostingPlan.STANDARD,
    domain: 'bloompetal.example',
    orderDate: monthsAgo(2),
    listPriceCents: 2_900,
    paidPriceCents: 2_900,
  });
  const q = await openTicket(ctx, {
    licenseId: saas.id,
    category: TicketCategory.GENERAL_ISSUE,
    subject: 'How do I add a coupon?',
  });
  await chargeTicket(ctx, { ticketId: q.id, credits: 0 });

  const corner = await createAccount(ctx, {
    name: 'Corner Bookshop',
    email: 'hello@cornerbooks.example',
  });
  await issueLicense(ctx, {
    accountId: corner.id,
    edition: Edition.FREE,
    domain: 'cornerbooks.example',
    orderDate: monthsAgo(1),
    listPriceCents: 0,
    paidPriceCents: 0,
  });
  return true;
}
