// The explorer's saved example operations, one tab each. Ids come from the
// signed-in key's own data when it has some, so every tab runs as it opens.

export interface ExampleIds {
  accountId?: string | null;
  licenseId?: string | null;
  ticketId?: string | null;
}

export interface ExampleTab {
  query: string;
  variables: string;
}

const PLACEHOLDER = '00000000-0000-7000-8000-000000000000';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export const MY_ACCOUNTS = `# Who am I, and the first page of the accounts my key may see.
# Page on with: accounts(first: 20, after: <pageInfo.endCursor>)
query MyAccounts {
  me {
    role
    keyName
  }
  accounts(first: 20) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      balance
    }
  }
}
`;

export const ACCOUNT_PAGE = `# One account: licenses, spendable credits by lot, latest tickets and ledger.
query AccountPage($id: ID!) {
  account(id: $id) {
    id
    name
    email
    balance
    expiringCredits(withinDays: 30)
    licenses {
      id
      edition
      domain
      creditsGranted
    }
    creditLots {
      id
      source
      remainingCredits
      expiresAt
    }
    tickets(first: 5) {
      nodes {
        id
        subject
        status
      }
    }
    ledger(first: 10) {
      nodes {
        id
        at
        kind
        credits
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
`;

export const QUOTE = `# What a ticket of this category costs on this license, and whether the balance covers it.
query Quote($licenseId: ID!, $category: TicketCategory!) {
  quote(licenseId: $licenseId, category: $category) {
    level
    price {
      min
      max
      included
    }
    balance
    sufficient
  }
}
`;

export const CHARGE = `# Staff only (ADMIN, SPECIALIST). Send the same idempotencyKey again after a
# timeout: the gateway answers with the first charge instead of charging twice.
mutation ChargeTicket($input: ChargeTicketInput!) {
  chargeTicket(input: $input) {
    id
    credits
    balanceAfter
    allocations {
      credits
      lot {
        id
        source
      }
    }
  }
}
`;

export function exampleTabs(ids: ExampleIds, idempotencyKey: string): ExampleTab[] {
  return [
    { query: MY_ACCOUNTS, variables: '' },
    { query: ACCOUNT_PAGE, variables: json({ id: ids.accountId ?? PLACEHOLDER }) },
    {
      query: QUOTE,
      variables: json({ licenseId: ids.licenseId ?? PLACEHOLDER, category: 'SETUP' }),
    },
    {
      query: CHARGE,
      variables: json({
        input: { ticketId: ids.ticketId ?? PLACEHOLDER, credits: 30, idempotencyKey },
      }),
    },
  ];
}
