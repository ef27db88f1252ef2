// A reseller's integration, start to finish: run it with
//   GATEWAY_URL=http://localhost:4000 GATEWAY_KEY=cgk_... node dist/main.js
// The key is a PARTNER key an admin created on the dashboard's API keys page.
import { randomUUID } from 'node:crypto';
import { createClient, GatewayError, withRetries } from './gateway-client';
import type { LedgerPageQuery } from './gql/graphql';
import {
  AccountName,
  CreateAccount,
  IssueLicense,
  LedgerPage,
  Me,
  OpenTicket,
  PurchaseCredits,
  Quote,
} from './operations';

const url = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const apiKey = process.env.GATEWAY_KEY;
if (!apiKey) {
  console.error('Set GATEWAY_KEY to a partner API key.');
  process.exit(2);
}

const request = createClient({ url, apiKey });

/** Like `request`, but the first answer is lost on the way back, as on a dropped connection. */
function losingFirstAnswer() {
  let lost = false;
  return createClient({
    url,
    apiKey: apiKey!,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (lost) return res;
      lost = true;
      throw new TypeError('connection reset before the answer arrived');
    },
  });
}

async function main() {
  const { me } = await request(Me, {});
  console.log(`signed in: ${me.keyName} (${me.role})`);

  const run = randomUUID().slice(0, 8);
  const { createAccount: account } = await request(CreateAccount, {
    input: { name: `Nordshop ${run}`, email: `billing+${run}@nordshop.example` },
  });
  console.log(`account created: ${account.id}`);

  const { issueLicense: license } = await request(IssueLicense, {
    input: {
      accountId: account.id,
      edition: 'OWNED',
      domain: `shop-${run}.nordshop.example`,
      orderDate: new Date().toISOString(),
      listPriceCents: 49_900,
      paidPriceCents: 44_900,
    },
  });
  console.log(`license issued: ${license.id}, ${license.creditsGranted} credits granted`);

  // The payment reference is the purchase's identity (P7): the order number
  // from the shop. Sent again, it returns the same lot and adds nothing.
  const paymentReference = `order-${run}`;
  const purchase = { accountId: account.id, credits: 100, paymentReference };
  const lossy = losingFirstAnswer();
  const { purchaseCredits: lot } = await withRetries(
    () => lossy(PurchaseCredits, { input: purchase }),
    { onRetry: (err) => console.log(`purchase: ${String(err)}; sending it again`) },
  );
  console.log(`credits bought: lot ${lot.id}, ${lot.originalCredits} credits, ${paymentReference}`);

  const again = await request(PurchaseCredits, { input: purchase });
  console.log(
    `sent once more: ${again.purchaseCredits.id === lot.id ? 'same lot' : 'A NEW LOT'}, nothing added`,
  );

  try {
    await request(PurchaseCredits, { input: { ...purchase, credits: 250 } });
    console.log('reference reused with other credits: ACCEPTED');
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    // Not retryable: the same reference must not mean two different purchases.
    console.log(`reference reused with other credits: ${err.code}, not retried`);
  }

  const { openTicket: ticket } = await request(OpenTicket, {
    input: { licenseId: license.id, category: 'SETUP', subject: 'Help with tax settings' },
  });
  console.log(
    `ticket opened: ${ticket.id}, ${ticket.status}, costs ${ticket.price.min}-${ticket.price.max} credits`,
  );

  const { quote } = await request(Quote, {
    licenseId: license.id,
    category: 'ROOT_CAUSE_ANALYSIS',
  });
  console.log(
    `quote ROOT_CAUSE_ANALYSIS: ${quote.price.min}-${quote.price.max} credits, balance ${quote.balance}, ${quote.sufficient ? 'covered' : 'not covered'}`,
  );

  // Pages follow `endCursor` until `hasNextPage` is false (newest first); one
  // entry a page here to show it, up to 100 in practice.
  const entries: string[] = [];
  let after: string | null = null;
  let balance: number | undefined;
  let pages = 0;
  for (;;) {
    const page: LedgerPageQuery = await request(LedgerPage, {
      accountId: account.id,
      first: 1,
      after,
    });
    if (!page.account) throw new Error('the account disappeared');
    pages++;
    balance = page.account.balance;
    for (const e of page.account.ledger.nodes)
      entries.push(`${e.kind} ${e.credits > 0 ? '+' : ''}${e.credits}`);
    if (!page.account.ledger.pageInfo.hasNextPage) break;
    after = page.account.ledger.pageInfo.endCursor;
  }
  console.log(`ledger: ${entries.join(', ')} (${pages} pages)`);
  console.log(`balance: ${balance}`);

  // Accounts outside the key's scope look exactly like ones that do not exist.
  const { account: missing } = await request(AccountName, { id: randomUUID() });
  console.log(`unknown account: ${missing === null ? 'missing' : 'FOUND'}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
