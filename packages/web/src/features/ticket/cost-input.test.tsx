import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CostInput, validateCost } from './cost-input';
import { ChargePanel } from './charge-panel';
import { renderWithApp } from '../../test/render';
import { ChargeTicketMutation as ChargeTicketDoc } from './use-ticket-mutations';

describe('validateCost (P10: a whole number inside the range, both ends included)', () => {
  const range = { min: 20, max: 30 };
  it.each([
    ['20', true],
    ['25', true],
    ['30', true],
    ['19', false],
    ['31', false],
    ['25.5', false],
    ['-1', false],
    ['', false],
    ['2e1', false],
  ])('%s -> %s', (value, ok) => {
    expect(validateCost(value, range).ok).toBe(ok);
  });

  it('names the range when out of it', () => {
    expect(validateCost('31', range)).toEqual({
      ok: false,
      message: 'The cost must be between 20 and 30 credits.',
    });
    expect(validateCost('9', { min: 10, max: 10 })).toEqual({
      ok: false,
      message: 'This category has a fixed price of 10 credits.',
    });
  });
});

function Harness({ min, max, initial = '' }: { min: number; max: number; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <CostInput range={{ min, max }} value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('CostInput', () => {
  it('is labelled and states the range', () => {
    render(<Harness min={20} max={60} />);
    const input = screen.getByLabelText('Final cost (credits)');
    expect(input).toHaveAttribute('min', '20');
    expect(input).toHaveAttribute('max', '60');
    expect(screen.getByText('Allowed: 20 to 60 credits, whole numbers.')).toBeInTheDocument();
  });

  it('flags a cost above the range and clears the flag inside it', async () => {
    const user = userEvent.setup();
    render(<Harness min={20} max={60} />);
    const input = screen.getByLabelText('Final cost (credits)');
    await user.type(input, '61');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('between 20 and 60');
    await user.clear(input);
    await user.type(input, '60');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('flags a cost below the range', async () => {
    const user = userEvent.setup();
    render(<Harness min={20} max={60} />);
    await user.type(screen.getByLabelText('Final cost (credits)'), '19');
    expect(screen.getByRole('alert')).toHaveTextContent('between 20 and 60');
  });

  it('Min and Max set the ends of the range', async () => {
    const user = userEvent.setup();
    render(<Harness min={60} max={200} />);
    await user.click(screen.getByRole('button', { name: 'Max 200' }));
    expect(screen.getByTestId('value')).toHaveTextContent('200');
    await user.click(screen.getByRole('button', { name: 'Min 60' }));
    expect(screen.getByTestId('value')).toHaveTextContent('60');
  });

  it('a fixed price is read-only', () => {
    render(<Harness min={10} max={10} initial="10" />);
    expect(screen.getByLabelText('Final cost (credits)')).toHaveAttribute('readonly');
    expect(screen.getByText('Fixed price: 10 credits.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Max/ })).not.toBeInTheDocument();
  });
});

describe('ChargePanel', () => {
  const price = { min: 20, max: 30, included: false };

  it('does not send a cost outside the range', async () => {
    const user = userEvent.setup();
    renderWithApp(<ChargePanel ticketId="t1" accountId="a1" balance={100} price={price} />, {
      mocks: [],
    });
    await user.type(screen.getByLabelText('Final cost (credits)'), '35');
    const button = screen.getByRole('button', { name: 'Charge' });
    await user.click(button);
    expect(button).toBeDisabled();
    expect(screen.getByText('The cost must be between 20 and 30 credits.')).toBeInTheDocument();
  });

  it('charges the chosen cost with an idempotency key', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderWithApp(<ChargePanel ticketId="t1" accountId="a1" balance={100} price={price} />, {
      mocks: [
        {
          request: {
            query: ChargeTicketDoc,
            variables: (v: Record<string, unknown>) => {
              sent = v;
              return true;
            },
          },
          result: {
            data: {
              chargeTicket: {
                __typename: 'Charge',
                id: 'c1',
                credits: 25,
                included: false,
                balanceAfter: 75,
                ticket: { __typename: 'Ticket', id: 't1', status: 'CHARGED' },
                account: { __typename: 'Account', id: 'a1', balance: 75 },
              },
            },
          },
        },
      ],
    });
    await user.type(screen.getByLabelText('Final cost (credits)'), '25');
    expect(screen.getByText('Account balance: 100 credits')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Charge 25 credits' }));
    await screen.findByRole('button', { name: 'Charge 25 credits' });
    await expect.poll(() => sent).not.toBeNull();
    const input = (
      sent as unknown as { input: { ticketId: string; credits: number; idempotencyKey: string } }
    ).input;
    expect(input.ticketId).toBe('t1');
    expect(input.credits).toBe(25);
    expect(input.idempotencyKey).toMatch(/.{8,}/);
  });

  it('warns before charging more than the balance, and shows the shortfall the server reports', async () => {
    const user = userEvent.setup();
    renderWithApp(<ChargePanel ticketId="t1" accountId="a1" balance={12} price={price} />, {
      mocks: [
        {
          request: { query: ChargeTicketDoc, variables: () => true },
          result: {
            errors: [
              {
                message: 'Insufficient credits',
                extensions: {
                  code: 'INSUFFICIENT_CREDITS',
                  balance: 12,
                  required: 30,
                  shortfall: 18,
                },
              },
            ],
          },
        },
      ],
    });
    await user.type(screen.getByLabelText('Final cost (credits)'), '30');
    expect(screen.getByText(/18 credits short for this cost/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Charge 30 credits' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not enough credits');
    expect(alert).toHaveTextContent('18 credits short.');
    expect(screen.getByRole('link', { name: 'Purchase credits' })).toHaveAttribute(
      'href',
      '/accounts/a1?action=purchase&credits=18&return=%2Ftickets%2Ft1',
    );
  });

  it('an included ticket is recorded at 0 credits without a cost field', () => {
    renderWithApp(
      <ChargePanel
        ticketId="t1"
        accountId="a1"
        balance={0}
        price={{ min: 0, max: 0, included: true }}
      />,
    );
    expect(screen.queryByLabelText('Final cost (credits)')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record included charge' })).toBeEnabled();
  });
});
