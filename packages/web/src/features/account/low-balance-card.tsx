import { useState, type FormEvent } from 'react';
import { useCan } from '../../app/auth/auth-context';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits, formatDate } from '../../shared/format';
import { Badge } from '../../shared/ui/badge';
import { Field } from '../../shared/ui/field';
import { Section } from '../../shared/ui/page-header';
import { EmptyState } from '../../shared/ui/states';
import { useSetLowBalanceThreshold } from './use-low-balance';
import { Time } from '../../shared/ui/time';

export const LowBalanceCardFragment = graphql(`
  fragment LowBalanceCard on Account {
    id
    lowBalance {
      threshold
      isDefault
      balance
      isBelow
    }
    lowBalanceNotices {
      id
      createdAt
      balance
      threshold
      chargeId
      mailedAt
    }
    expiryNotices {
      lotId
      thresholdDays
      createdAt
      credits
      expiresAt
      mailedAt
    }
  }
`);

/** Whole credits, or empty for "back to the default"; anything else is refused. */
export function parseThreshold(input: string): { value: number | null } | { error: string } {
  const t = input.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    return { error: 'Whole credits, 0 or more (empty: the default)' };
  }
  return { value: Number(t) };
}

type Notice =
  | { kind: 'low'; key: string; at: string; text: string; mailedAt: string | null | undefined }
  | { kind: 'expiry'; key: string; at: string; text: string; mailedAt: string | null | undefined };

/** The account's low-balance alert level, and what it was told (low balance, expiring soon). */
export function LowBalanceCard(props: { account: FragmentType<typeof LowBalanceCardFragment> }) {
  const account = getFragmentData(LowBalanceCardFragment, props.account);
  const canSet = useCan('SET_LOW_BALANCE_THRESHOLD');
  const [editing, setEditing] = useState(false);
  const lb = account.lowBalance;

  const notices: Notice[] = [
    ...account.lowBalanceNotices.map((n): Notice => ({
      kind: 'low',
      key: `low-${n.id}`,
      at: n.createdAt,
      text: `Balance ${formatCredits(n.balance)}, below ${formatCredits(n.threshold)}`,
      mailedAt: n.mailedAt,
    })),
    ...account.expiryNotices.map((n): Notice => ({
      kind: 'expiry',
      key: `expiry-${n.lotId}-${n.thresholdDays}`,
      at: n.createdAt,
      text: `${formatCredits(n.credits)} expire ${formatDate(n.expiresAt)} (${n.thresholdDays} days' notice)`,
      mailedAt: n.mailedAt,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Section
      id="low-balance"
      title="Low balance"
      actions={
        canSet && !editing ? (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit threshold
          </button>
        ) : null
      }
    >
      <dl className="low-balance-summary">
        <div>
          <dt>Threshold</dt>
          <dd>
            <span data-testid="low-balance-threshold">{formatCredits(lb.threshold)}</span>{' '}
            {lb.isDefault ? <Badge>default</Badge> : <Badge tone="info">this account</Badge>}
          </dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd data-testid="low-balance-state">
            {/* Read from the balance now, not from the notice flag that only a charge moves. */}
            {lb.isBelow ? (
              <Badge tone="warning">Below the threshold</Badge>
            ) : lb.balance === lb.threshold ? (
              <Badge tone="neutral">At the threshold</Badge>
            ) : (
              <Badge tone="success">Above the threshold</Badge>
            )}
          </dd>
        </div>
      </dl>
      {lb.threshold === 0 ? (
        <p className="muted small low-balance-card-note">
          A threshold of 0 sends no low-balance notices.
        </p>
      ) : null}
      {editing && canSet ? (
        <ThresholdForm
          accountId={account.id}
          initial={lb.isDefault ? '' : String(lb.threshold)}
          onDone={() => setEditing(false)}
        />
      ) : null}
      <h3 className="low-balance-notices-title">Notices sent</h3>
      {notices.length === 0 ? (
        <EmptyState title="No notices sent">
          Low-balance and expiring-soon notices to the customer appear here.
        </EmptyState>
      ) : (
        <ul className="sent-notices" aria-label="Notices sent, newest first">
          {notices.map((n) => (
            <li
              key={n.key}
              className="sent-notice"
              data-testid="sent-notice"
              data-notice-kind={n.kind}
            >
              <Badge tone={n.kind === 'low' ? 'warning' : 'info'}>
                {n.kind === 'low' ? 'Low balance' : 'Expiring soon'}
              </Badge>{' '}
              <span>{n.text}</span>
              <span className="muted small sent-notice-date">
                <Time iso={n.at} />
                {n.mailedAt ? ' · e-mailed' : ' · e-mail queued'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ThresholdForm(props: { accountId: string; initial: string; onDone: () => void }) {
  const [value, setValue] = useState(props.initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { setThreshold, loading, error } = useSetLowBalanceThreshold();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseThreshold(value);
    if ('error' in parsed) {
      setInvalid(parsed.error);
      return;
    }
    setInvalid(null);
    try {
      await setThreshold(props.accountId, parsed.value);
      props.onDone();
    } catch {
      // shown below from the mutation's error
    }
  }

  return (
    <form className="threshold-form" onSubmit={(e) => void submit(e)} aria-label="Threshold">
      <Field
        label="Threshold (credits)"
        hint="Empty: back to the default"
        error={invalid ?? undefined}
      >
        <input
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
        />
      </Field>
      {error ? <ErrorNotice error={error} compact /> : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save threshold'}
        </button>
      </div>
    </form>
  );
}
