import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountSearchDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { ChargeFilters } from './charge-filters';
import { EMPTY_FILTERS } from './filters';

const search = {
  request: { query: AccountSearchDocument, variables: { search: 'Nord' } },
  result: {
    data: {
      accounts: {
        __typename: 'AccountConnection',
        nodes: [{ __typename: 'Account', id: 'acc-1', name: 'Nord Shop', email: 'n@example.com' }],
      },
    },
  },
};

describe('ChargeFilters', () => {
  it('closes the category menu on Escape (focus back on it) and on a press outside', async () => {
    const user = userEvent.setup();
    renderWithApp(<ChargeFilters value={EMPTY_FILTERS} onChange={() => {}} />);
    const summary = screen.getByText('All categories').closest('summary')!;
    const details = summary.closest('details')!;
    await user.click(summary);
    expect(details.open).toBe(true);
    await user.keyboard('{Escape}');
    expect(details.open).toBe(false);
    expect(summary).toHaveFocus();
    await user.click(summary);
    expect(details.open).toBe(true);
    fireEvent.mouseDown(document.body);
    expect(details.open).toBe(false);
  });

  it('picks the account by searching its name, not by typing an id', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithApp(<ChargeFilters value={EMPTY_FILTERS} onChange={onChange} />, { mocks: [search] });
    await user.type(screen.getByLabelText('Account'), 'Nord');
    await user.click(await screen.findByRole('button', { name: /Nord Shop/ }));
    expect(onChange).toHaveBeenCalledWith({ ...EMPTY_FILTERS, account: 'acc-1' });
  });
});
