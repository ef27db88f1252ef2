import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, useLocation } from 'react-router';
import { AccountsPageDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { AccountsPage } from './accounts-page';

function accountsMock(search: string | null) {
  return {
    request: { query: AccountsPageDocument, variables: { search, first: 20 } },
    result: {
      data: {
        accounts: {
          __typename: 'AccountConnection',
          totalCount: 0,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [],
        },
      },
    },
    maxUsageCount: 5,
  };
}

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

describe('AccountsPage search', () => {
  it('keeps a trailing space while typing after the URL catches up', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <>
        <AccountsPage />
        <Search />
      </>,
      {
        route: '/accounts',
        mocks: [accountsMock(null), accountsMock('acme'), accountsMock('acme corp')],
      },
    );
    const input = screen.getByRole('searchbox', { name: 'Search accounts' });
    await user.type(input, 'acme ');
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('?q=acme'));
    expect(input).toHaveValue('acme ');
    await user.type(input, 'corp');
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('?q=acme+corp'));
    expect(input).toHaveValue('acme corp');
  });

  it('follows the URL when it changes to a different search (a link, back/forward)', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <>
        <AccountsPage />
        <Link to="/accounts?q=globex">globex</Link>
      </>,
      { route: '/accounts?q=acme', mocks: [accountsMock('acme'), accountsMock('globex')] },
    );
    const input = screen.getByRole('searchbox', { name: 'Search accounts' });
    expect(input).toHaveValue('acme');
    await user.click(screen.getByRole('link', { name: 'globex' }));
    expect(input).toHaveValue('globex');
  });
});
