import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { ViewerProvider, type Viewer } from '../app/auth/auth-context';
import { createCache } from '../app/cache';
import type { Role } from '../gql/graphql';
// The gateway's own role table, so component tests show what the server allows.
import { PERMISSIONS } from '../../../server/src/common/viewer';

export function viewer(role: Role, extra: Partial<Viewer> = {}): Viewer {
  return {
    role,
    keyName: `${role.toLowerCase()}-key`,
    accountIds: [],
    permissions: PERMISSIONS[role as keyof typeof PERMISSIONS],
    ...extra,
  };
}

interface Options {
  role?: Role | null;
  mocks?: ReadonlyArray<MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>>;
  route?: string;
  /** The route pattern the element is mounted under, for pages that read params. */
  path?: string;
}

/** Renders inside a router, a mocked Apollo client and (optionally) a signed-in viewer. */
export function renderWithApp(
  ui: ReactElement,
  { role = 'SPECIALIST', mocks = [], route = '/', path = '*' }: Options = {},
) {
  const wrap = (node: ReactNode) =>
    role ? <ViewerProvider value={viewer(role)}>{node}</ViewerProvider> : node;
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={wrap(ui)} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}
