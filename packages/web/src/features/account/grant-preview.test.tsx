import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../test/render';
import { GrantPreviewQuery } from './grant-preview';
import { todayInput } from '../../shared/format';
import {
  IssueLicenseDialog,
  orderDateToIso,
  previewInput,
  validateLicense,
  type LicenseFormState,
} from './issue-license-dialog';

function previewMock(
  input: Record<string, unknown>,
  credits: number,
  note: string,
  includedLevels: string[] = [],
) {
  return {
    request: { query: GrantPreviewQuery, variables: { input } },
    result: {
      data: {
        grantPreview: { __typename: 'GrantPreview', credits, note, includedLevels },
        pricing: { __typename: 'Pricing', grantValidityMonths: 12 },
      },
    },
  };
}

const base: LicenseFormState = {
  edition: '',
  hostingPlan: '',
  domain: '',
  orderDate: '2025-03-01',
  listPrice: '',
  paidPrice: '',
};

describe('previewInput', () => {
  it('waits for the edition, the SaaS plan and both prices', () => {
    expect(previewInput(base)).toBeNull();
    expect(previewInput({ ...base, edition: 'OWNED', listPrice: '1000' })).toBeNull();
    expect(previewInput({ ...base, edition: 'SAAS', listPrice: '10', paidPrice: '10' })).toBeNull();
    expect(
      previewInput({ ...base, edition: 'OWNED', listPrice: '1,000', paidPrice: '799.99' }),
    ).toEqual({
      edition: 'OWNED',
      hostingPlan: null,
      listPriceCents: 100000,
      paidPriceCents: 79999,
    });
    expect(
      previewInput({
        ...base,
        edition: 'SAAS',
        hostingPlan: 'STANDARD',
        listPrice: '0',
        paidPrice: '0',
      })?.hostingPlan,
    ).toBe('STANDARD');
  });

  it('drops a stale hosting plan for non-SaaS editions', () => {
    expect(
      previewInput({
        ...base,
        edition: 'LEASED',
        hostingPlan: 'BASIC',
        listPrice: '1',
        paidPrice: '1',
      })?.hostingPlan,
    ).toBeNull();
  });

  it('validates the form', () => {
    const errors = validateLicense({ ...base, edition: 'SAAS', listPrice: '10', paidPrice: '20' });
    expect(errors.hostingPlan).toMatch(/hosting plan/);
    expect(errors.domain).toBeDefined();
    expect(errors.paidPrice).toMatch(/above the list price/);
  });
});

describe('order date', () => {
  it('sends UTC midnight of the picked day, or now while that midnight is still ahead', () => {
    // Afternoon UTC: the day has begun everywhere west of the date line.
    expect(orderDateToIso('2025-03-01', new Date('2025-03-01T15:00:00.000Z'))).toBe(
      '2025-03-01T00:00:00.000Z',
    );
    expect(orderDateToIso('2024-12-24', new Date('2025-03-01T15:00:00.000Z'))).toBe(
      '2024-12-24T00:00:00.000Z',
    );
    // 08:00 in Sydney on 2 March is 21:00 UTC on 1 March: "today" there is tomorrow in UTC.
    expect(orderDateToIso('2025-03-02', new Date('2025-03-01T21:00:00.000Z'))).toBe(
      '2025-03-01T21:00:00.000Z',
    );
    expect(orderDateToIso('', new Date())).toBeNull();
  });

  it('refuses a date after today', () => {
    expect(validateLicense({ ...base, orderDate: '2025-03-02' }, '2025-03-01').orderDate).toMatch(
      /cannot be in the future/,
    );
    expect(
      validateLicense({ ...base, orderDate: '2025-03-01' }, '2025-03-01').orderDate,
    ).toBeUndefined();
  });

  it('starts at today on the local calendar and offers no later day', () => {
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />);
    const input = screen.getByLabelText('Order date');
    expect(input).toHaveValue(todayInput());
    expect(input).toHaveAttribute('max', todayInput());
  });
});

describe('IssueLicenseDialog grant preview', () => {
  it('explains the preview before the form is complete', () => {
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />);
    const preview = screen.getByRole('complementary', { name: 'Grant preview' });
    expect(preview).toHaveTextContent('Choose the edition and enter both prices');
  });

  it('P2: shows 0 credits and why for an Owned license bought at more than 20% off', async () => {
    const user = userEvent.setup();
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />, {
      mocks: [
        previewMock(
          { edition: 'OWNED', hostingPlan: null, listPriceCents: 100000, paidPriceCents: 75000 },
          0,
          'No credits: bought at a discount over 20%.',
        ),
      ],
    });
    await user.selectOptions(screen.getByLabelText('Edition'), 'OWNED');
    await user.type(screen.getByLabelText('List price ($)'), '1000');
    await user.type(screen.getByLabelText('Paid price ($)'), '750');
    const preview = screen.getByRole('complementary', { name: 'Grant preview' });
    expect(await within(preview).findByTestId('grant-credits')).toHaveTextContent('0 credits');
    expect(within(preview).getByTestId('grant-note')).toHaveTextContent('discount over 20%');
    expect(preview).toHaveTextContent('25.00% (paid $750.00 of $1,000.00)');
    expect(preview).not.toHaveTextContent('Credits expire');
  });

  it('P1/P3: shows the credits, included levels and the expiry for a SaaS Standard license', async () => {
    const user = userEvent.setup();
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />, {
      mocks: [
        previewMock(
          {
            edition: 'SAAS',
            hostingPlan: 'STANDARD',
            listPriceCents: 50000,
            paidPriceCents: 50000,
          },
          200,
          'SaaS Standard plan: 200 credits, Level 1 included.',
          ['LEVEL_1'],
        ),
      ],
    });
    await user.selectOptions(screen.getByLabelText('Edition'), 'SAAS');
    // The plan field appears only for SaaS.
    await user.selectOptions(screen.getByLabelText('Hosting plan'), 'STANDARD');
    await user.clear(screen.getByLabelText('Order date'));
    await user.type(screen.getByLabelText('Order date'), '2024-02-29');
    await user.type(screen.getByLabelText('List price ($)'), '500');
    await user.type(screen.getByLabelText('Paid price ($)'), '500.00');
    const preview = screen.getByRole('complementary', { name: 'Grant preview' });
    expect(await within(preview).findByTestId('grant-credits')).toHaveTextContent('200 credits');
    expect(preview).toHaveTextContent('SaaS Standard plan');
    expect(preview).toHaveTextContent('Level 1');
    expect(preview).toHaveTextContent('Discount');
    expect(preview).toHaveTextContent('None');
    expect(preview).toHaveTextContent('28 Feb 2025 (12 months after the order date)');
  });

  it('hides the hosting plan for other editions', async () => {
    const user = userEvent.setup();
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Edition'), 'LEASED');
    expect(screen.queryByLabelText('Hosting plan')).not.toBeInTheDocument();
  });

  it('shows field errors instead of submitting an incomplete license', async () => {
    const user = userEvent.setup();
    renderWithApp(<IssueLicenseDialog accountId="a1" onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Issue license' }));
    expect(screen.getByText('Choose the edition.')).toBeInTheDocument();
    expect(screen.getByLabelText('Domain')).toHaveAttribute('aria-invalid', 'true');
  });
});
