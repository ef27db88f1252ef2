import { useState, type FormEvent } from 'react';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { Field } from '../../shared/ui/field';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits } from '../../shared/format';
import { usePurchaseCredits } from './use-account-mutations';

/** A positive whole number of credits, or null. */
export function parseCredits(value: string): number | null {
  const s = value.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

interface Props {
  accountId: string;
  balance: number;
  initialCredits?: number | null;
  onClose: () => void;
  /** After a successful purchase; defaults to closing. */
  onDone?: () => void;
}

export function PurchaseCreditsDialog({
  accountId,
  balance,
  initialCredits,
  onClose,
  onDone,
}: Props) {
  const { purchaseCredits, loading, error } = usePurchaseCredits();
  const [credits, setCredits] = useState(initialCredits ? String(initialCredits) : '');
  const [reference, setReference] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const amount = parseCredits(credits);
  const creditsError =
    submitted && amount === null ? 'Enter a whole number of credits, 1 or more.' : null;
  const referenceError =
    submitted && !reference.trim()
      ? 'Enter the payment reference (invoice or transaction id).'
      : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (amount === null || !reference.trim()) return;
    try {
      await purchaseCredits({ accountId, credits: amount, paymentReference: reference.trim() });
      (onDone ?? onClose)();
    } catch {
      // shown from the mutation state
    }
  }

  return (
    <Modal title="Purchase credits" description="Purchased credits never expire." onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <Field
          label="Credits"
          hint={
            amount !== null
              ? `Balance after the purchase: ${formatCredits(balance + amount)}`
              : `Current balance: ${formatCredits(balance)}`
          }
          error={creditsError}
        >
          <input
            name="credits"
            inputMode="numeric"
            value={credits}
            onChange={(e) => setCredits(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field
          label="Payment reference"
          hint="Recording the same payment again will not add the credits twice."
          error={referenceError}
        >
          <input
            name="paymentReference"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            autoComplete="off"
          />
        </Field>
        {error ? <ErrorNotice error={error} compact /> : null}
        <ModalActions
          onCancel={onClose}
          busy={loading}
          label={amount ? `Add ${formatCredits(amount)}` : 'Add credits'}
          busyLabel="Recording…"
        />
      </form>
    </Modal>
  );
}
