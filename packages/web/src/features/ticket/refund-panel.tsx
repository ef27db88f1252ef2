import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../shared/ui/field';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits } from '../../shared/format';
import { useRefundTicket } from './use-ticket-mutations';

/** A vendor bug: 100% of the charge goes back (P15). Asks once more before doing it. */
export function RefundPanel({
  ticketId,
  accountId,
  credits,
}: {
  ticketId: string;
  accountId: string;
  credits: number;
}) {
  const { refundTicket, loading, error } = useRefundTicket(accountId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const refundRef = useRef<HTMLButtonElement>(null);
  const refocusRefund = useRef(false);
  // The button that was pressed is replaced by the confirmation, so focus moves
  // with it; otherwise a keyboard user is dropped at the top of the page.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (refocusRefund.current) refundRef.current?.focus();
    refocusRefund.current = false;
  }, [confirming]);

  const reasonError = tried && !reason.trim() ? 'Say which vendor bug caused this ticket.' : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    try {
      await refundTicket(ticketId, reason.trim());
    } catch {
      refocusRefund.current = true;
      setConfirming(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <Field
        label="Reason"
        hint="Refunds are for tickets caused by a bug in the vendor’s software."
        error={reasonError}
      >
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
        />
      </Field>
      {error ? <ErrorNotice error={error} accountId={accountId} compact /> : null}
      <div className="form-actions">
        {confirming ? (
          <>
            <span className="small" role="status">
              Give back all {formatCredits(credits)}? This cannot be undone.
            </span>
            <button
              type="button"
              className="button"
              onClick={() => {
                refocusRefund.current = true;
                setConfirming(false);
              }}
            >
              Cancel
            </button>
            <button
              ref={confirmRef}
              type="submit"
              className="button button-danger"
              disabled={loading}
            >
              {loading ? 'Refunding…' : 'Confirm refund'}
            </button>
          </>
        ) : (
          <button
            ref={refundRef}
            type="submit"
            className="button button-danger-outline"
            disabled={loading}
          >
            Refund {formatCredits(credits)}
          </button>
        )}
      </div>
    </form>
  );
}
