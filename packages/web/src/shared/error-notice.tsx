import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer, type Viewer } from '../app/auth/auth-context';
import { can } from './permissions';
import { figure, text, toAppError, type AppError } from './errors';
import { formatCredits, formatNumber } from './format';
import { roleLabel, roleScope } from './labels';

export interface ErrorText {
  title: string;
  detail: string;
}

const fieldNames: Record<string, string> = {
  credits: 'Credits',
  paymentReference: 'Payment reference',
  domain: 'Domain',
  orderDate: 'Order date',
  listPriceCents: 'List price',
  paidPriceCents: 'Paid price',
  hostingPlan: 'Hosting plan',
  edition: 'Edition',
  email: 'Email',
  name: 'Name',
  subject: 'Subject',
  reason: 'Reason',
  licenseId: 'License',
  category: 'Category',
  first: 'Page size',
};

/** The words for each of the contract's error codes, with its figures filled in. */
export function describeError(e: AppError, viewer: Viewer | null): ErrorText {
  switch (e.code) {
    case 'INSUFFICIENT_CREDITS': {
      const balance = figure(e, 'balance');
      const required = figure(e, 'required');
      const shortfall =
        figure(e, 'shortfall') ??
        (balance !== null && required !== null ? required - balance : null);
      const parts: string[] = [];
      if (balance !== null) parts.push(`The account's balance is ${formatCredits(balance)}`);
      if (required !== null) parts.push(`this charge needs ${formatNumber(required)}`);
      let detail = parts.length
        ? `${parts.join(' and ')}.`
        : 'The account does not hold enough unexpired credits.';
      if (shortfall !== null) detail += ` ${formatCredits(shortfall)} short.`;
      detail += ' Nothing was charged; the ticket stays open.';
      return { title: 'Not enough credits', detail };
    }
    case 'COST_OUT_OF_RANGE': {
      const min = figure(e, 'min');
      const max = figure(e, 'max');
      if (min !== null && max !== null) {
        return {
          title: 'Cost out of range',
          detail:
            min === max
              ? `This ticket has a fixed price of ${formatCredits(min)}.`
              : `The cost must be a whole number from ${formatNumber(min)} to ${formatNumber(max)} credits.`,
        };
      }
      return {
        title: 'Cost out of range',
        detail: 'The cost must lie inside the ticket’s price range.',
      };
    }
    case 'FORBIDDEN': {
      if (!viewer)
        return { title: 'Not allowed', detail: 'Your API key’s role does not allow this.' };
      return {
        title: 'Not allowed for your key',
        detail: `You are signed in as “${viewer.keyName}” (${roleLabel(viewer.role)}). ${roleScope(viewer.role)}`,
      };
    }
    case 'UNAUTHENTICATED':
      return {
        title: 'Please sign in again',
        detail: 'The gateway did not accept your API key: it is unknown or has been revoked.',
      };
    case 'BAD_USER_INPUT': {
      const field = text(e, 'field');
      const name = field ? (fieldNames[field] ?? field) : null;
      return {
        title: name ? `Check “${name}”` : 'Check the form',
        detail: e.message,
      };
    }
    case 'NOT_FOUND':
      return {
        title: 'Not found',
        detail: 'Nothing with that id exists, or it lies outside what your key may see.',
      };
    case 'TICKET_ALREADY_CHARGED':
      return {
        title: 'Already charged',
        detail: 'This ticket has been charged already; a ticket is charged only once.',
      };
    case 'TICKET_NOT_CHARGED':
      return {
        title: 'Nothing to refund yet',
        detail: 'This ticket has not been charged, so there is nothing to refund.',
      };
    case 'NOTHING_TO_REFUND':
      return {
        title: 'Nothing to refund',
        detail:
          'This ticket was included support, recorded at 0 credits: there is nothing to give back.',
      };
    case 'ALREADY_REFUNDED':
      return {
        title: 'Already refunded',
        detail: 'This ticket has been refunded already; a ticket is refunded only once.',
      };
    case 'IDEMPOTENCY_CONFLICT':
      return {
        title: 'Reference already used',
        detail:
          'That payment reference (or request) was already recorded with different values. Use a new reference, or repeat exactly the same values.',
      };
    case 'SERVICE_UNAVAILABLE':
      return {
        title: 'The gateway is briefly unavailable',
        detail: 'Its database is restarting or busy. Try again in a few seconds.',
      };
    case 'RATE_LIMITED':
      return {
        title: 'Too many requests',
        detail: 'This API key made too many requests in a short time. Wait a moment and try again.',
      };
    case 'NETWORK':
      return {
        title: 'Can’t reach the gateway',
        detail: 'The request did not get through. Check your connection and try again.',
      };
    case 'INTERNAL_SERVER_ERROR': {
      const requestId = text(e, 'requestId');
      return {
        title: 'The gateway hit an error',
        detail: `Nothing was changed. Try again in a moment${requestId ? `; if it persists, report request ${requestId}` : ''}.`,
      };
    }
    default:
      return { title: 'Something went wrong', detail: e.message };
  }
}

interface ErrorNoticeProps {
  error: unknown;
  /** Lets INSUFFICIENT_CREDITS offer a purchase for the shortfall. */
  accountId?: string;
  /** Where the purchase dialog sends the user back to once the credits are in. */
  returnTo?: string;
  onRetry?: () => void;
  /** Extra action to show beside the built-in ones. */
  children?: ReactNode;
  compact?: boolean;
}

/** Shows a failed query or mutation in the user's words, with what they can do next. */
export function ErrorNotice({
  error,
  accountId,
  returnTo,
  onRetry,
  children,
  compact,
}: ErrorNoticeProps) {
  const viewer = useViewer();
  const e = toAppError(error);
  if (!e) return null;
  const { title, detail } = describeError(e, viewer);
  const shortfall = e.code === 'INSUFFICIENT_CREDITS' ? figure(e, 'shortfall') : null;
  const canPurchase = can(viewer, 'PURCHASE_CREDITS');
  const retryable =
    e.code === 'NETWORK' ||
    e.code === 'INTERNAL_SERVER_ERROR' ||
    e.code === 'SERVICE_UNAVAILABLE' ||
    e.code === 'RATE_LIMITED' ||
    e.code === 'UNKNOWN';
  return (
    <div
      className={`notice notice-error${compact ? ' notice-compact' : ''}`}
      role="alert"
      data-error-code={e.code}
    >
      <p className="notice-title">{title}</p>
      <p className="notice-detail">{detail}</p>
      <div className="notice-actions">
        {e.code === 'INSUFFICIENT_CREDITS' && accountId && canPurchase ? (
          <Link
            className="button button-primary button-small"
            to={`/accounts/${encodeURIComponent(accountId)}?action=purchase${shortfall && shortfall > 0 ? `&credits=${shortfall}` : ''}${
              returnTo ? `&return=${encodeURIComponent(returnTo)}` : ''
            }`}
          >
            Purchase credits
          </Link>
        ) : null}
        {e.code === 'INSUFFICIENT_CREDITS' && !canPurchase ? (
          <span className="muted">
            Ask someone whose key may purchase credits to top up the account.
          </span>
        ) : null}
        {e.code === 'UNAUTHENTICATED' ? (
          <Link className="button button-primary button-small" to="/sign-in">
            Sign in
          </Link>
        ) : null}
        {retryable && onRetry ? (
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}
