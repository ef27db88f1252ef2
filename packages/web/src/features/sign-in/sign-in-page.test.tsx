import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import { AuthProvider } from '../../app/auth/auth-context';
import { apiKeyStore } from '../../app/auth/session';
import { createCache } from '../../app/cache';
import { SignInPage } from './sign-in-page';

function Landed() {
  const { pathname } = useLocation();
  return <p data-testid="landed">{pathname}</p>;
}

// Already signed in: the page sends the visitor straight on to `next`.
function signedInAt(next: string) {
  apiKeyStore.set('key-1');
  render(
    <MockedProvider cache={createCache()}>
      <AuthProvider>
        <MemoryRouter initialEntries={[`/sign-in?next=${encodeURIComponent(next)}`]}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="*" element={<Landed />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </MockedProvider>,
  );
}

describe('SignInPage next path', () => {
  it('goes on to a path inside the dashboard', async () => {
    signedInAt('/tickets/t-1');
    expect(await screen.findByTestId('landed')).toHaveTextContent('/tickets/t-1');
  });

  it.each(['/\\evil.com', '//evil.com', 'https://evil.com'])(
    'falls back to the accounts for %s',
    async (next) => {
      signedInAt(next);
      expect(await screen.findByTestId('landed')).toHaveTextContent(/^\/accounts$/);
    },
  );
});
