import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { renderWithApp } from '../test/render';
import { ErrorNotice } from './error-notice';
import { toAppError } from './errors';

function gqlError(
  code: string,
  extensions: Record<string, unknown> = {},
  message = `refused: ${code}`,
) {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message, extensions: { code, ...extensions } }],
  });
}

describe('ErrorNotice speaks the contract codes in the user’s words', () => {
  it('INSUFFICIENT_CREDITS shows balance and shortfall, with a purchase action for the shortfall', () => {
    renderWithApp(
      <ErrorNotice
        error={gqlError('INSUFFICIENT_CREDITS', { balance: 12, required: 30, shortfall: 18 })}
        accountId="acc-1"
        returnTo="/tickets/t-9"
      />,
      { role: 'SPECIALIST' },
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not enough credits');
    expect(alert).toHaveTextContent(
      "The account's balance is 12 credits and this charge needs 30.",
    );
    expect(alert).toHaveTextContent('18 credits short.');
    expect(alert).toHaveTextContent('the ticket stays open');
    const link = screen.getByRole('link', { name: 'Purchase credits' });
    expect(link).toHaveAttribute(
      'href',
      '/accounts/acc-1?action=purchase&credits=18&return=%2Ftickets%2Ft-9',
    );
  });

  it('INSUFFICIENT_CREDITS offers no purchase to a role that cannot purchase', () => {
    renderWithApp(
      <ErrorNotice
        error={gqlError('INSUFFICIENT_CREDITS', { balance: 0, required: 10, shortfall: 10 })}
        accountId="a"
      />,
      {
        role: 'ANALYST',
      },
    );
    expect(screen.queryByRole('link', { name: 'Purchase credits' })).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Ask someone whose key may purchase credits',
    );
  });

  it('COST_OUT_OF_RANGE shows the allowed range', () => {
    renderWithApp(<ErrorNotice error={gqlError('COST_OUT_OF_RANGE', { min: 20, max: 60 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The cost must be a whole number from 20 to 60 credits.',
    );
  });

  it('COST_OUT_OF_RANGE with a fixed price names it', () => {
    renderWithApp(<ErrorNotice error={gqlError('COST_OUT_OF_RANGE', { min: 10, max: 10 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('fixed price of 10 credits');
  });

  it('FORBIDDEN explains what the signed-in role may do', () => {
    renderWithApp(<ErrorNotice error={gqlError('FORBIDDEN')} />, { role: 'ANALYST' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not allowed for your key');
    expect(alert).toHaveTextContent('(Analyst)');
    expect(alert).toHaveTextContent(
      'and change nothing; Operations, Webhooks and the Mailbox are for staff',
    );
  });

  it('FORBIDDEN for a partner names its limits', () => {
    renderWithApp(<ErrorNotice error={gqlError('FORBIDDEN')} />, { role: 'PARTNER' });
    expect(screen.getByRole('alert')).toHaveTextContent('never charge, refund or expire credits');
  });

  it('UNAUTHENTICATED sends to sign-in', () => {
    renderWithApp(<ErrorNotice error={gqlError('UNAUTHENTICATED')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Please sign in again');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('BAD_USER_INPUT names the field', () => {
    renderWithApp(
      <ErrorNotice
        error={gqlError('BAD_USER_INPUT', { field: 'paymentReference' }, 'must not be empty')}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Check “Payment reference”');
    expect(screen.getByRole('alert')).toHaveTextContent('must not be empty');
  });

  it.each([
    ['TICKET_ALREADY_CHARGED', 'Already charged'],
    ['TICKET_NOT_CHARGED', 'Nothing to refund yet'],
    ['NOTHING_TO_REFUND', 'included support'],
    ['ALREADY_REFUNDED', 'Already refunded'],
    ['IDEMPOTENCY_CONFLICT', 'already recorded with different values'],
    ['NOT_FOUND', 'Not found'],
  ])('%s has its own message', (code, text) => {
    renderWithApp(<ErrorNotice error={gqlError(code)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('alert')).toHaveAttribute('data-error-code', code);
  });

  it('a network failure offers to try again', () => {
    let retried = 0;
    renderWithApp(
      <ErrorNotice error={new TypeError('Failed to fetch')} onRetry={() => retried++} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Can’t reach the gateway');
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(retried).toBe(1);
  });
});

describe('toAppError', () => {
  it('reads the code and figures from a GraphQL error', () => {
    expect(toAppError(gqlError('COST_OUT_OF_RANGE', { min: 1, max: 2 }))).toMatchObject({
      code: 'COST_OUT_OF_RANGE',
      extensions: { min: 1, max: 2 },
    });
  });

  it('reads GraphQL errors out of a non-200 response body', () => {
    const body = JSON.stringify({
      errors: [{ message: 'no key', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const e = new ServerError('Response not successful', {
      response: new Response(body, { status: 401 }),
      bodyText: body,
    });
    expect(toAppError(e)?.code).toBe('UNAUTHENTICATED');
  });

  it('unknown codes stay visible as UNKNOWN with the server message', () => {
    expect(toAppError(gqlError('SOMETHING_NEW', {}, 'odd'))).toMatchObject({
      code: 'UNKNOWN',
      message: 'odd',
    });
  });
});
