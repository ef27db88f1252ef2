import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KeysPageDocument, UpdateApiKeyScopeDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { KeysPage } from './keys-page';

const shop = { __typename: 'Account' as const, id: 'acc-1', name: 'Nord Shop' };
const other = { __typename: 'Account' as const, id: 'acc-2', name: 'Baltic Store' };

function key(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ApiKey' as const,
    id: 'key-1',
    name: 'Reseller Nord',
    role: 'PARTNER',
    prefix: 'cgk_abcdef',
    createdAt: '2026-11-30T10:00:00.000Z',
    revokedAt: null,
    lastUsedAt: null,
    accounts: [shop, other],
    ...extra,
  };
}

const listMock = (apiKeys: unknown[]) => ({
  request: { query: KeysPageDocument, variables: {} },
  result: { data: { apiKeys } },
});

describe('KeysPage', () => {
  it('shows nothing of the keys to a role that may not manage them', () => {
    renderWithApp(<KeysPage />, { role: 'SPECIALIST' });
    expect(screen.getByText('Only admins manage API keys')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument();
  });

  it('lists keys with their scope and last use; revoked keys offer no actions', async () => {
    renderWithApp(<KeysPage />, {
      role: 'ADMIN',
      mocks: [
        listMock([
          key(),
          key({
            id: 'key-2',
            name: 'Old analyst',
            role: 'ANALYST',
            accounts: [],
            revokedAt: '2026-11-30T12:00:00.000Z',
          }),
        ]),
      ],
    });
    const table = await screen.findByRole('table', { name: 'API keys' });
    const [, partnerRow, analystRow] = within(table).getAllByRole('row');
    expect(partnerRow).toHaveTextContent('Nord Shop, Baltic Store');
    expect(partnerRow).toHaveTextContent('Never');
    expect(within(partnerRow!).getByRole('button', { name: 'Revoke Reseller Nord' })).toBeVisible();
    expect(analystRow).toHaveTextContent('Every account');
    expect(analystRow).toHaveTextContent('Revoked');
    expect(within(analystRow!).queryAllByRole('button')).toHaveLength(0);
  });

  it("edits a partner key's accounts: removing one sends the remaining scope", async () => {
    const user = userEvent.setup();
    renderWithApp(<KeysPage />, {
      role: 'ADMIN',
      mocks: [
        listMock([key()]),
        {
          request: {
            query: UpdateApiKeyScopeDocument,
            variables: { input: { id: 'key-1', accountIds: ['acc-2'] } },
          },
          result: { data: { updateApiKeyScope: key({ accounts: [other] }) } },
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Edit accounts of Reseller Nord' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove Nord Shop' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save accounts' }));
    expect(await screen.findByRole('row', { name: /Reseller Nord/ })).toHaveTextContent(
      'Baltic Store',
    );
    // The cache shows the new scope as the mutation answers; the dialog closes just after.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /Reseller Nord/ })).not.toHaveTextContent('Nord Shop,');
  });
});
