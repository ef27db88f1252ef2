import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountPickerDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { AccountPicker, type PickedAccount } from './account-picker';

const search = {
  request: { query: AccountPickerDocument, variables: { search: 'Nord' } },
  result: {
    data: {
      accounts: {
        __typename: 'AccountConnection',
        nodes: [{ __typename: 'Account', id: 'acc-1', name: 'Nord Shop', email: 'n@example.com' }],
      },
    },
  },
};

function Form({ onSubmit }: { onSubmit: () => void }) {
  const [picked, setPicked] = useState<PickedAccount[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <AccountPicker value={picked} onChange={setPicked} />
      <button type="submit">Create key</button>
    </form>
  );
}

describe('AccountPicker', () => {
  it('Enter in the search adds the first match and never submits the form around it', async () => {
    const user = userEvent.setup();
    const submitted = vi.fn();
    renderWithApp(<Form onSubmit={submitted} />, { role: 'ADMIN', mocks: [search] });
    await user.type(screen.getByLabelText('Accounts in scope'), 'Nord');
    await screen.findByRole('button', { name: 'Add Nord Shop' });
    await user.keyboard('{Enter}');
    expect(submitted).not.toHaveBeenCalled();
    expect(screen.getByRole('list', { name: 'Chosen accounts' })).toHaveTextContent('Nord Shop');
    expect(screen.getByLabelText('Accounts in scope')).toHaveValue('');
    // Enter on an empty search does nothing either.
    await user.keyboard('{Enter}');
    expect(submitted).not.toHaveBeenCalled();
  });
});
