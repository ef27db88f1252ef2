import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MailboxDocument } from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { MailboxPage } from './mailbox-page';

describe('MailboxPage', () => {
  it("shows a message's HTML part in a sandboxed iframe, and its plain-text part", async () => {
    renderWithApp(<MailboxPage />, {
      role: 'ADMIN',
      mocks: [
        {
          request: { query: MailboxDocument },
          result: {
            data: {
              mailbox: [
                {
                  __typename: 'MailboxMessage',
                  id: 'm1',
                  to: 'owner@example.com',
                  subject: 'Receipt: 100 credits added to your support account',
                  date: '2026-05-10T10:00:00.000Z',
                  text: 'Credits added: 100',
                  html: '<p>Credits added: <b>100</b></p><script>parent.alert(1)</script>',
                },
              ],
            },
          },
        },
      ],
    });
    const frame = await screen.findByTitle(
      'HTML part of "Receipt: 100 credits added to your support account"',
    );
    // No allowances at all: no scripts, no same origin, no forms, no top navigation.
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<b>100</b>');
    expect(screen.getByText('Credits added: 100')).toBeInTheDocument();
  });
});
