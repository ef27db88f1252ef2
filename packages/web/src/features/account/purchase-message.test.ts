import { describe, expect, it } from 'vitest';
import { purchaseMessage } from './use-account-mutations';

describe('purchaseMessage', () => {
  it('says a first payment added its credits', () => {
    expect(
      purchaseMessage({ originalCredits: 100, paymentReference: 'inv-1', alreadyRecorded: false }),
    ).toEqual({ message: '100 credits recorded for payment inv-1', tone: 'success' });
  });

  it('says a payment recorded twice added nothing (P7, issue 15)', () => {
    expect(
      purchaseMessage({ originalCredits: 100, paymentReference: 'inv-1', alreadyRecorded: true }),
    ).toEqual({ message: 'Payment inv-1 was already recorded: nothing added.', tone: 'info' });
  });
});
