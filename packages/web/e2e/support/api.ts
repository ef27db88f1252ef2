import { inject } from 'vitest';

/** Direct GraphQL calls for test setup (keys, fixtures), outside the browser. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  key: string = inject('adminKey'),
): Promise<T> {
  const res = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    throw new Error(
      `GraphQL error: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`,
    );
  }
  return body.data as T;
}

export async function createAccount(name: string, email: string): Promise<string> {
  const d = await gql<{ createAccount: { id: string } }>(
    'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    { input: { name, email } },
  );
  return d.createAccount.id;
}

export async function issueLicense(
  accountId: string,
  edition: string,
  domain: string,
  hostingPlan: string | null = null,
): Promise<string> {
  const d = await gql<{ issueLicense: { id: string } }>(
    'mutation($input: IssueLicenseInput!) { issueLicense(input: $input) { id } }',
    {
      input: {
        accountId,
        edition,
        hostingPlan,
        domain,
        orderDate: new Date().toISOString(),
        listPriceCents: 100000,
        paidPriceCents: 100000,
      },
    },
  );
  return d.issueLicense.id;
}

export async function openTicket(
  licenseId: string,
  category: string,
  subject: string,
): Promise<string> {
  const d = await gql<{ openTicket: { id: string } }>(
    'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
    { input: { licenseId, category, subject } },
  );
  return d.openTicket.id;
}

export async function createKey(
  name: string,
  role: string,
  accountIds?: string[],
): Promise<{ id: string; secret: string }> {
  const d = await gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
    { input: { name, role, accountIds } },
  );
  return { id: d.createApiKey.apiKey.id, secret: d.createApiKey.secret };
}

export async function revokeKey(id: string): Promise<void> {
  await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id });
}
