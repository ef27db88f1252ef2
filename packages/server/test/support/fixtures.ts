import { graphql } from '../gql';
import type { Edition, HostingPlan, Role, TicketCategory } from '../gql/graphql';
import type { TestGateway } from './gateway';
import { present } from './results';

// Small builders over the public API, so tests read as the policy does.

export const monthsAgo = (n: number, from = new Date()): Date => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};

export const daysFromNow = (n: number): Date => new Date(Date.now() + n * 86_400_000);

let seq = 0;
const unique = (p: string) =>
  `${p}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

export async function createAccount(g: TestGateway, key?: string): Promise<string> {
  const d = await g.ok(
    graphql(`
      mutation FixtureCreateAccount($i: CreateAccountInput!) {
        createAccount(input: $i) {
          id
        }
      }
    `),
    { i: { name: unique('Shop'), email: `${unique('owner')}@example.com` } },
    key,
  );
  return d.createAccount.id;
}

export interface LicenseArgs {
  edition: Edition;
  hostingPlan?: HostingPlan | null;
  orderDate?: Date;
  listPriceCents?: number;
  paidPriceCents?: number;
}

export async function issueLicense(
  g: TestGateway,
  accountId: string,
  a: LicenseArgs,
  key?: string,
) {
  const d = await g.ok(
    graphql(`
      mutation FixtureIssueLicense($i: IssueLicenseInput!) {
        issueLicense(input: $i) {
          id
          creditsGranted
          grantNote
          creditLot {
            id
            expiresAt
          }
        }
      }
    `),
    {
      i: {
        accountId,
        edition: a.edition,
        hostingPlan: a.hostingPlan ?? null,
        domain: 'shop.example.com',
        orderDate: (a.orderDate ?? new Date(Date.now() - 86_400_000)).toISOString(),
        listPriceCents: a.listPriceCents ?? 10_000,
        paidPriceCents: a.paidPriceCents ?? a.listPriceCents ?? 10_000,
      },
    },
    key,
  );
  return d.issueLicense;
}

export async function purchase(
  g: TestGateway,
  accountId: string,
  credits: number,
  ref = unique('pay'),
  key?: string,
) {
  const d = await g.ok(
    graphql(`
      mutation FixturePurchase($i: PurchaseCreditsInput!) {
        purchaseCredits(input: $i) {
          id
        }
      }
    `),
    { i: { accountId, credits, paymentReference: ref } },
    key,
  );
  return d.purchaseCredits.id;
}

export async function openTicket(
  g: TestGateway,
  licenseId: string,
  category: TicketCategory = 'ROOT_CAUSE_ANALYSIS',
  key?: string,
) {
  const d = await g.ok(
    graphql(`
      mutation FixtureOpenTicket($i: OpenTicketInput!) {
        openTicket(input: $i) {
          id
        }
      }
    `),
    { i: { licenseId, category, subject: unique('Help') } },
    key,
  );
  return d.openTicket.id;
}

export const CHARGE = graphql(`
  mutation FixtureCharge($i: ChargeTicketInput!) {
    chargeTicket(input: $i) {
      id
      credits
      included
      balanceAfter
      refunded
      allocations {
        credits
        lot {
          id
          source
        }
      }
    }
  }
`);

export const REFUND = graphql(`
  mutation FixtureRefund($i: RefundTicketInput!) {
    refundTicket(input: $i) {
      id
      credits
      balanceAfter
      allocations {
        credits
        lot {
          id
          source
          expiresAt
        }
      }
    }
  }
`);

export async function balance(g: TestGateway, accountId: string, asOf?: Date): Promise<number> {
  const d = await g.ok(
    graphql(`
      query FixtureBalance($id: ID!, $asOf: DateTimeISO) {
        account(id: $id) {
          balance(asOf: $asOf)
        }
      }
    `),
    { id: accountId, asOf: asOf?.toISOString() ?? null },
  );
  return present(d.account, `account ${accountId}`).balance;
}

export async function createKey(
  g: TestGateway,
  role: Role,
  accountIds: string[] = [],
): Promise<{ id: string; secret: string }> {
  const d = await g.ok(
    graphql(`
      mutation FixtureCreateKey($i: CreateApiKeyInput!) {
        createApiKey(input: $i) {
          apiKey {
            id
          }
          secret
        }
      }
    `),
    { i: { name: unique(role), role, accountIds: role === 'PARTNER' ? accountIds : null } },
  );
  return { id: d.createApiKey.apiKey.id, secret: d.createApiKey.secret };
}
