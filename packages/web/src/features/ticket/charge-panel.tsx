import { useRef, useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits } from '../../shared/format';
import { CostInput, validateCost, type Range } from './cost-input';
import { useChargeTicket } from './use-ticket-mutations';

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

interface Props {
  ticketId: string;
  accountId: string;
  balance: number;
  price: Range & { included: boolean };
  /** After a charge is recorded (the queue closes its dialog and reloads). */
  onCharged?: () => void;
}

/** The specialist sets the final cost inside the range and charges the ticket once (P10-P13). */
export function ChargePanel({ ticketId, accountId, balance, price, onCharged }: Props) {
  const { chargeTicket, loading, error } = useChargeTicket(accountId);
  const fixed = price.min === price.max;
  const [value, setValue] = useState(fixed ? String(price.min) : '');
  const [tried, setTried] = useState(false);
  // One key per (ticket, amount): a retry after a lost answer cannot charge twice (P11).
  const keyRef = useRef<{ credits: number; key: string } | null>(null);
  const check = validateCost(value, price);
  const short = check.ok && check.credits > balance ? check.credits - balance : 0;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!check.ok) return;
    if (!keyRef.current || keyRef.current.credits !== check.credits)
      keyRef.current = { credits: check.credits, key: newKey() };
    try {
      await chargeTicket(ticketId, check.credits, keyRef.current.key);
      onCharged?.();
    } catch {
      // shown from the mutation state
    }
  }

  if (price.included) {
    return (
      <form onSubmit={onSubmit} className="form">
        <p>
          This category is <strong>included</strong> with the license. Charging records it as a
          0-credit charge so included support shows in the history.
        </p>
        {error ? (
          <ErrorNotice
            error={error}
            accountId={accountId}
            returnTo={`/tickets/${encodeURIComponent(ticketId)}`}
            compact
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={loading}>
            {loading ? 'Recording…' : 'Record included charge'}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <CostInput
        range={price}
        value={value}
        onChange={setValue}
        disabled={loading}
        showError={tried || value !== ''}
      />
      <p className="small muted">
        Account balance: {formatCredits(balance)}
        {short > 0 ? (
          <span className="text-warning"> · {formatCredits(short)} short for this cost</span>
        ) : null}
      </p>
      {error ? (
        <ErrorNotice
          error={error}
          accountId={accountId}
          returnTo={`/tickets/${encodeURIComponent(ticketId)}`}
          compact
        />
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={loading || (tried && !check.ok)}
        >
          {loading ? 'Charging…' : check.ok ? `Charge ${formatCredits(check.credits)}` : 'Charge'}
        </button>
      </div>
    </form>
  );
}
