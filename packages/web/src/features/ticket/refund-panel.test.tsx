import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../test/render';
import { RefundPanel } from './refund-panel';

describe('RefundPanel', () => {
  it('moves focus to the confirmation and announces it, then back on cancel', async () => {
    const user = userEvent.setup();
    renderWithApp(<RefundPanel ticketId="t1" accountId="a1" credits={30} />);
    await user.type(screen.getByLabelText('Reason'), 'Crash in checkout');
    // Keyboard only: Tab to the button and press Enter.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Refund 30 credits' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.getByRole('button', { name: 'Confirm refund' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Give back all 30 credits? This cannot be undone.',
    );

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Refund 30 credits' })).toHaveFocus();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('keeps focus in the reason while it is edited', async () => {
    const user = userEvent.setup();
    renderWithApp(<RefundPanel ticketId="t1" accountId="a1" credits={30} />);
    await user.type(screen.getByLabelText('Reason'), 'Crash');
    await user.click(screen.getByRole('button', { name: 'Refund 30 credits' }));
    await user.type(screen.getByLabelText('Reason'), ' in checkout');
    expect(screen.getByLabelText('Reason')).toHaveFocus();
    expect(screen.getByLabelText('Reason')).toHaveValue('Crash in checkout');
  });
});
